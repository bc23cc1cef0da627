"""Case notes in the web application: add a note, decide its suggestions, purpose kept, refusals, export."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from contextsafe.web.audit.models import AuditEntry
from contextsafe.web.casenotes import services
from contextsafe.web.casenotes.models import ConfirmedAssociation, NoteSuggestion, State
from contextsafe.web.casework.models import CaseDocument
from tests.web.accounts.factories import organisation, signed_in, user

pytestmark = pytest.mark.django_db

TEXT = ("Home visit. Spoke with Amara Jones and mum.\n"
        "Amara said she spends time with Ben Okafor and Cal Smith after Hill School. She uses Snapchat.")


def _add(client, text: str = TEXT, person: str = "P-AMARA"):  # noqa: ANN001, ANN202
    return client.post("/casenotes/new/", {"person_id": person, "title": "Home visit", "written_on": "2026-03-03",
                                           "text": text})


@pytest.fixture
def practitioner(analysis_store):  # noqa: ANN001, ANN201
    return user("practitioner")


def test_a_note_is_saved_for_the_stated_purpose_with_its_suggestions_highlighted(practitioner):  # noqa: ANN001
    client = signed_in(practitioner)
    response = _add(client)
    note = CaseDocument.objects.get(kind="case_note")
    assert response.status_code == 302 and response.url == f"/casenotes/{note.pk}/"
    assert note.purpose == "assessment" and note.person_id == "P-AMARA" and note.data["subject"] == "Amara Jones"
    found = {(s.kind, s.text): s.entity_id for s in note.casenote_suggestions.all()}
    assert found[("person", "Ben Okafor")] == "P-BEN"
    assert found[("person", "Amara Jones")] == "P-AMARA"
    assert found[("school", "Hill School")] == "school:1"
    assert found[("theme", "Snapchat")] == "technology"
    # Cal Smith is held only by the police, a source this organisation does not hold: never suggested.
    assert not any("Cal" in text for _, text in found)
    page = client.get(f"/casenotes/{note.pk}/").content.decode()
    ben = note.casenote_suggestions.get(text="Ben Okafor")
    assert f'id="mark-{ben.pk}"' in page and f'id="confirm-{ben.pk}"' in page
    assert all(s.state == State.PENDING for s in note.casenote_suggestions.all())
    assert not ConfirmedAssociation.objects.exists()


def test_only_confirmed_suggestions_become_associations_carrying_the_notes_purpose(practitioner):  # noqa: ANN001
    client = signed_in(practitioner)
    _add(client)
    note = CaseDocument.objects.get(kind="case_note")
    ben = note.casenote_suggestions.get(text="Ben Okafor")
    school = note.casenote_suggestions.get(text="Hill School")
    theme = note.casenote_suggestions.get(kind="theme")
    assert client.post(f"/casenotes/{note.pk}/suggestions/{ben.pk}/", {"decision": "confirm"}).status_code == 302
    client.post(f"/casenotes/{note.pk}/suggestions/{school.pk}/", {"decision": "reject"})
    client.post(f"/casenotes/{note.pk}/suggestions/{theme.pk}/", {"decision": "confirm"})
    association = ConfirmedAssociation.objects.get()
    assert (association.kind, association.entity_id, association.subject_person_id) == ("person", "P-BEN", "P-AMARA")
    assert association.purpose == "assessment" and association.confirmed_by == practitioner
    assert (association.start, association.end) == (ben.start, ben.end)
    assert "Ben Okafor" in association.evidence
    school.refresh_from_db()
    assert school.state == State.REJECTED and school.decided_by == practitioner
    note.refresh_from_db()
    assert note.version == 4  # created, then one version per decision
    assert note.data["decisions"][str(ben.pk)]["state"] == "confirmed"
    assert note.versions.get(number=2).changed_by == practitioner


def test_a_decided_suggestion_cannot_be_decided_again(practitioner):  # noqa: ANN001
    client = signed_in(practitioner)
    _add(client)
    note = CaseDocument.objects.get(kind="case_note")
    ben = note.casenote_suggestions.get(text="Ben Okafor")
    client.post(f"/casenotes/{note.pk}/suggestions/{ben.pk}/", {"decision": "reject"})
    client.post(f"/casenotes/{note.pk}/suggestions/{ben.pk}/", {"decision": "confirm"})
    ben.refresh_from_db()
    assert ben.state == State.REJECTED and not ConfirmedAssociation.objects.exists()


def test_an_ambiguous_suggestion_needs_one_of_its_candidates(practitioner):  # noqa: ANN001
    client = signed_in(practitioner)
    _add(client)
    note = CaseDocument.objects.get(kind="case_note")
    vague = NoteSuggestion.objects.create(note=note, start=0, end=4, text="Home", kind="person", label="ambiguous",
                                          score=40, evidence="Home visit.", reason="a first name alone",
                                          candidates=[["P-BEN", "Ben Okafor"], ["P-XSS", "someone"]])
    with pytest.raises(ValidationError):
        services.decide_suggestion(note, vague, practitioner, True, "P-CAL")  # not a candidate
    client.post(f"/casenotes/{note.pk}/suggestions/{vague.pk}/", {"decision": "confirm", "entity_id": "P-BEN"})
    vague.refresh_from_db()
    assert vague.state == State.CONFIRMED and vague.entity_id == "P-BEN" and vague.label == "Ben Okafor"
    assert ConfirmedAssociation.objects.get(suggestion=vague).entity_id == "P-BEN"


def test_a_young_person_the_user_cannot_see_is_refused_and_audited(practitioner):  # noqa: ANN001
    client = signed_in(practitioner)
    response = _add(client, person="P-CAL")  # police only
    assert response.status_code == 200 and b"No young person with this id is visible" in response.content
    assert not CaseDocument.objects.filter(kind="case_note").exists()
    assert AuditEntry.objects.filter(kind="person", ident="P-CAL", outcome="refused").exists()


def test_another_organisation_and_a_wrong_purpose_are_refused(practitioner):  # noqa: ANN001
    _add(signed_in(practitioner))
    note = CaseDocument.objects.get(kind="case_note")
    ben = note.casenote_suggestions.get(text="Ben Okafor")
    other = signed_in(user("practitioner", org=organisation(sources=["csc_referrals"])))
    assert other.get(f"/casenotes/{note.pk}/").status_code == 403
    assert other.post(f"/casenotes/{note.pk}/suggestions/{ben.pk}/", {"decision": "confirm"}).status_code == 403
    assert b"Home visit" not in other.get("/casenotes/").content
    chair = user("panel_chair", org=practitioner.organisation)
    assert signed_in(chair, "profiling").get(f"/casenotes/{note.pk}/").status_code == 403
    assert signed_in(chair, "assessment").get(f"/casenotes/{note.pk}/").status_code == 200
    assert signed_in(chair, "assessment").post(f"/casenotes/{note.pk}/suggestions/{ben.pk}/",
                                               {"decision": "confirm"}).status_code == 403  # readers only
    assert signed_in(user("analyst"), "profiling").get("/casenotes/").status_code == 403
    ben.refresh_from_db()
    assert ben.state == State.PENDING
    assert AuditEntry.objects.filter(kind="case_note", ident=str(note.pk), outcome="refused").count() >= 4


def test_a_shared_organisation_sees_the_note(practitioner):  # noqa: ANN001
    partner = organisation(sources=["pgi_forms"])
    client = signed_in(practitioner)
    client.post("/casenotes/new/", {"person_id": "P-AMARA", "title": "Shared", "written_on": "2026-03-03",
                                    "text": TEXT, "shared_with": [partner.pk]})
    note = CaseDocument.objects.get(kind="case_note")
    assert signed_in(user("practitioner", org=partner)).get(f"/casenotes/{note.pk}/").status_code == 200


def test_export_sends_confirmed_associations_to_the_store_under_their_purpose(practitioner, analysis_store):  # noqa: ANN001
    client = signed_in(practitioner)
    _add(client)
    note = CaseDocument.objects.get(kind="case_note")
    for text in ("Ben Okafor", "Hill School"):
        s = note.casenote_suggestions.get(text=text)
        client.post(f"/casenotes/{note.pk}/suggestions/{s.pk}/", {"decision": "confirm"})
    report = services.export_confirmed(analysis_store, "assessment")
    assert report.accepted == 3
    assert ConfirmedAssociation.objects.filter(exported_at__isnull=True).count() == 0
    with analysis_store.connect(read_only=True) as con:
        assert con.execute("SELECT permitted_purposes FROM sources WHERE source = 'case_notes_assessment'"
                           ).fetchone()[0] == ["assessment"]
        placed = con.execute("SELECT DISTINCT person_id FROM person_records WHERE source = 'case_notes_assessment' "
                             "ORDER BY 1").fetchall()
    assert placed == [("P-AMARA",), ("P-BEN",)]
    assert services.export_confirmed(analysis_store, "profiling") is not None  # nothing recorded for profiling
    with analysis_store.connect(read_only=True) as con:
        assert con.execute("SELECT count(*) FROM records WHERE source = 'case_notes_profiling'").fetchone()[0] == 0


def test_demo_seed_is_idempotent_with_a_store_and_without_one(analysis_store, settings):  # noqa: ANN001
    from contextsafe.web.accounts.demo import create_demo_accounts
    from contextsafe.web.casenotes import demo

    create_demo_accounts()
    demo.seed()
    demo.seed()
    notes = CaseDocument.objects.filter(kind="case_note")
    assert notes.count() == 2
    assert NoteSuggestion.objects.filter(state=State.CONFIRMED).exists()
    assert NoteSuggestion.objects.filter(state=State.REJECTED).exists()
    assert NoteSuggestion.objects.filter(state=State.PENDING).exists()
    assert ConfirmedAssociation.objects.filter(kind="person", purpose="assessment").exists()
    settings.CONTEXTSAFE_WORKSPACE = ""
    notes.delete()
    demo.seed()
    assert CaseDocument.objects.filter(kind="case_note").count() == 2
