"""Answered peer group information reaches the profile's peer graph only when the agreement cited permits it.

Tiny store (tests/web/store_factory): Ben (P-BEN) and Cal (P-CAL) share no event, so no edge joins them in
any graph. ISA-PGI covers only the assessment-only pgi_forms source; ISA-CSC only csc_referrals, which
permits profiling.
"""

from __future__ import annotations

import pytest

from contextsafe.contexts.graph import peer_graph
from contextsafe.vocab import Purpose
from contextsafe.web.audit.models import AuditEntry
from contextsafe.web.pgi import feed, services
from contextsafe.web.pgi.feed import export_answers
from tests.web.pgi import factories as f

pytestmark = pytest.mark.django_db

BEN_NAMES_CAL = {"aware": "yes", "network": "few", "network_explanation": "", "positive_influence": "",
                 "negative_influence": "Seen with Cal late at night.", "follows": "Follows Cal.", "leads": "",
                 "other": "", "peers": [{"name": "Cal Smith", "person_id": "P-CAL", "influence": "negative",
                                         "relation": "follows", "evidence": "Seen together after school."}]}


def edge(ws, purpose: Purpose, a: str = "P-BEN", b: str = "P-CAL"):  # noqa: ANN001, ANN201
    graph = peer_graph(ws, purpose)
    names = graph.vs["name"] if graph.vcount() else []
    if a not in names or b not in names:
        return None
    found = graph.get_eid(names.index(a), names.index(b), directed=False, error=False)
    return None if found < 0 else graph.es[found]


def answered(reference: str):  # noqa: ANN201
    school = f.provider()
    pgi = f.sent_request(f.requester(), school, reference=reference)
    services.save_answer(school, pgi, BEN_NAMES_CAL, submit=True)
    return pgi


def test_assessment_only_agreement_never_reaches_profiling(analysis_store):
    pgi = answered("ISA-PGI")
    assert pgi.permits_profiling is False
    assert edge(analysis_store, Purpose.ASSESSMENT) is None
    report = export_answers(analysis_store)
    assert [(s.source, s.purposes) for s in report.sources] == [("pgi_web_isa_pgi", ["assessment"])]
    assert report.sources[0].ingest.accepted == 1 and report.sources[0].placed == 2
    assert edge(analysis_store, Purpose.PROFILING) is None
    assessment = edge(analysis_store, Purpose.ASSESSMENT)  # the answer is in the store, for assessment
    assert assessment is not None and assessment["kinds"] == ["named_peer_negative"]
    assert "pgi_web_isa_pgi" in " ".join(peer_graph(analysis_store, Purpose.PROFILING)["excluded_sources"])
    entry = AuditEntry.objects.get(action="export", kind="pgi", ident="pgi_web_isa_pgi")
    assert entry.purpose == "assessment" and entry.agreements == "ISA-PGI" and "Ben" not in entry.detail


def test_agreement_permitting_profiling_adds_the_edge(analysis_store):
    pgi = answered("ISA-CSC")
    assert pgi.permits_profiling is True
    assert edge(analysis_store, Purpose.PROFILING) is None
    export_answers(analysis_store)
    found = edge(analysis_store, Purpose.PROFILING)
    assert found is not None and found["sources"] == ["pgi_web_isa_csc_profiling"]
    assert found["kinds"] == ["named_peer_negative"]


def test_unchanged_answers_are_not_ingested_twice_and_a_removed_peer_leaves(analysis_store):
    pgi = answered("ISA-CSC")
    export_answers(analysis_store)
    again = export_answers(analysis_store)
    assert again.sources[0].ingest is None
    school = pgi.answered_by
    services.save_answer(school, pgi, {**BEN_NAMES_CAL, "peers": [{**BEN_NAMES_CAL["peers"][0], "person_id": "",
                                                                   "name": "Someone else"}]}, submit=True)
    changed = export_answers(analysis_store)
    assert changed.sources[0].ingest is not None
    assert edge(analysis_store, Purpose.PROFILING) is None


def test_an_answer_of_no_feeds_nothing(analysis_store):
    school = f.provider()
    pgi = f.sent_request(f.requester(), school, reference="ISA-CSC")
    services.save_answer(school, pgi, {"aware": "no", "peers": []}, submit=True)
    report = export_answers(analysis_store)
    assert report.sources == [] and report.without_peers == 1


def test_unknown_agreement_permits_assessment_only(analysis_store):
    assert services.agreement_permits_profiling(f.agreement("ISA-NOT-IN-STORE")) is False
    assert services.agreement_permits_profiling(f.agreement("ISA-POL")) is True
    assert feed.source_name("ISA-POL", True) == "pgi_web_isa_pol_profiling"


def test_the_report_names_sources_and_counts_never_young_people(analysis_store):
    answered("ISA-PGI")
    lines = export_answers(analysis_store).lines()
    text = "\n".join(lines)
    assert "pgi_web_isa_pgi [assessment] under ISA-PGI: 1 request(s), 1 named peer(s); ingested 1 row(s)" in text
    assert not any(word in text for word in ("Ben", "Okafor", "Cal", "Smith", "P-BEN", "P-CAL"))
