"""Feed answered peer group information requests into the analysis workspace, through the normal ingest path.

Each answer's named peers become rows of a CSV export with a source mapping written beside the workspace's
other mappings (the layout of the synthetic ``pgi_forms`` mapping: one event per form, the young person as
``subject``, each peer as ``named_peer`` with influence and who leads whom, all members of the form's peer
group), ingested with :func:`contextsafe.ingest.ingest_file`. The evidence notes and free-text answers are
not exported: they stay in the assessment.

**Which purposes the source permits** (the rule): answers are grouped by the agreement their request cites
and the request's ``permits_profiling`` flag, which was set when the request was made by
:func:`contextsafe.web.pgi.services.agreement_permits_profiling` (the agreement permits profiling only when
every store source registered under it does). Each group is one source, ``pgi_web_<agreement>`` permitting
``[assessment]``, or ``pgi_web_<agreement>_profiling`` permitting ``[assessment, profiling]``. Never
intelligence. So an answer gathered under an assessment-only agreement never reaches a profiling run: the peer
graph leaves its source out like any other source that does not permit the purpose.

The young person and any peer given by person id are placed on their linked person (the practitioner chose
them): ``person_records`` rows are written for them, and a linkage decision ``accept`` joins each to one of
the person's other records so a later ``contextsafe link`` run keeps them together. A peer named without a
person id stays a record of its own until linkage places it.

A source whose export is unchanged since its last ingest is left alone; a changed one is replaced whole (its
old rows removed first), so a peer removed from an updated answer leaves the store too. Django must be set up
(the CLI's web commands do it) because the answers are read from the web application's database.
"""

from __future__ import annotations

import csv
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import yaml

from contextsafe.checksums import file_sha256
from contextsafe.ingest import IngestReport, ingest_file
from contextsafe.sources import load_mapping
from contextsafe.store import INGESTED, Workspace
from contextsafe.vocab import Purpose

PREFIX = "pgi_web"
FOLDER = "pgi_web"  # under the workspace's outputs: the CSV exports
LEGAL_BASIS = "Children Act 1989 s.17; Children Act 2004 s.11; UK GDPR Art 6(1)(e), Art 9(2)(g) with DPA 2018 Sch 1 " \
              "para 18"
COLUMNS = ["Form Ref", "Date Returned", "Type of Assessment", "Size of Peer Network", "Subject Ref",
           "Subject Forename", "Subject Surname", "Peer Ref", "Peer Name", "Influence", "Leads/Follows"]
INFLUENCE = {"positive": "positive", "negative": "negative"}  # neither, not known -> unknown
RELATION = {"leads": "leads", "follows": "follows"}  # neither -> associates


@dataclass
class FedSource:
    """One source written and (when changed) ingested."""

    source: str
    agreement: str
    purposes: list[str]
    requests: int
    peers: int
    csv: str
    mapping: str
    ingest: IngestReport | None = None  # None: unchanged since the last export
    placed: int = 0  # records placed on a linked person


@dataclass
class FeedReport:
    """What :func:`export_answers` did."""

    sources: list[FedSource] = field(default_factory=list)
    answers: int = 0  # answered requests read
    without_peers: int = 0  # answered "not aware of peer relationships", or no peer named
    emptied: list[str] = field(default_factory=list)  # earlier sources with no answer left: rows removed

    def lines(self) -> list[str]:
        """The report as the CLI prints it (no names: sources, counts and purposes only)."""
        out = [f"{self.answers} answered request(s); {self.without_peers} without named peers"]
        for s in self.sources:
            state = "unchanged" if s.ingest is None else f"ingested {s.ingest.accepted} row(s), " \
                                                          f"{s.ingest.quarantined} quarantined"
            out.append(f"{s.source} [{', '.join(s.purposes)}] under {s.agreement}: {s.requests} request(s), "
                       f"{s.peers} named peer(s); {state}; {s.placed} record(s) placed on linked persons")
        out += [f"{name}: no answer left, rows removed" for name in self.emptied]
        return out


def source_name(agreement: str, profiling: bool) -> str:
    """``pgi_web_<agreement as a slug>`` with ``_profiling`` when the agreement permits profiling use.

    >>> source_name("ISA-CAM-2016-PGI (assessment only)", False)
    'pgi_web_isa_cam_2016_pgi_assessment_only'
    """
    slug = re.sub(r"[^a-z0-9]+", "_", agreement.lower()).strip("_")[:60] or "no_agreement"
    return f"{PREFIX}_{slug}" + ("_profiling" if profiling else "")


def export_answers(workspace: Workspace, by: str = "contextsafe web pgi-feed") -> FeedReport:
    """Write and ingest every answered request's named peers; return what was done.

    Each source ingested gets an audit entry (``export`` of ``pgi``, by ``by``) naming its purposes, agreement
    and counts — never a young person.
    """
    from contextsafe.web import store

    store.release()  # the web application's read-only connection would block writing
    report = FeedReport()
    groups: dict[tuple[str, bool], list] = defaultdict(list)
    for pgi in _answered():
        report.answers += 1
        answer = pgi.document.data.get("answer") or {}
        if answer.get("aware") != "yes" or not answer.get("peers"):
            report.without_peers += 1
            continue
        reference = pgi.document.agreement.reference if pgi.document.agreement else ""
        groups[(reference, pgi.permits_profiling)].append(pgi)
    for (reference, profiling), requests in sorted(groups.items()):
        fed = _feed(workspace, reference, profiling, requests)
        report.sources.append(fed)
        if fed.ingest is not None:
            _audit(by, fed)
    report.emptied = _empty_stale(workspace, {s.source for s in report.sources})
    return report


def _audit(by: str, fed: FedSource) -> None:
    from contextsafe.web.audit.log import record_event

    record_event(SimpleNamespace(username=by), "export", "pgi", fed.source, purpose=", ".join(fed.purposes),
                 agreements=fed.agreement, detail=f"{fed.requests} answered request(s), {fed.peers} named peer(s) "
                                                  f"ingested into {fed.source} for {', '.join(fed.purposes)}")


def _answered() -> list:
    from contextsafe.web.pgi.models import PgiRequest, State

    answered = [State.ANSWERED, State.FEEDBACK_GIVEN]
    return list(PgiRequest.objects.filter(state__in=answered, document__purpose=Purpose.ASSESSMENT)
                .select_related("document", "document__agreement").order_by("document_id"))


def _feed(workspace: Workspace, reference: str, profiling: bool, requests: list) -> FedSource:
    name = source_name(reference, profiling)
    purposes = [Purpose.ASSESSMENT.value] + ([Purpose.PROFILING.value] if profiling else [])
    rows, persons = _rows(requests)
    folder = workspace.outputs_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    export = folder / f"{name}.csv"
    with export.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    mapping_path = workspace.mappings_dir / f"{name}.yaml"
    mapping_path.write_text(_mapping(name, reference, purposes, requests, export, mapping_path), encoding="utf-8")
    loaded = load_mapping(mapping_path)
    fed = FedSource(name, reference, purposes, len(requests), len(rows), str(export), str(mapping_path))
    if _unchanged(workspace, name, file_sha256(export), loaded.sha256):
        return fed
    _forget(workspace, name)
    fed.ingest = ingest_file(workspace, loaded, export)
    fed.placed = _place(workspace, name, persons)
    return fed


def _rows(requests: list) -> tuple[list[dict], dict[str, str]]:
    """CSV rows (one per named peer) and the person id of each record the practitioner identified."""
    rows, persons = [], {}
    for pgi in requests:
        doc = pgi.document
        asked, answer = doc.data.get("request", {}), doc.data["answer"]
        given, _, family = (asked.get("young_person_name") or "").partition(" ")
        form, subject = f"PGI-{doc.pk}", f"PGI-{doc.pk}-S"
        if doc.person_id:
            persons[subject] = doc.person_id
        for i, peer in enumerate(answer["peers"], start=1):
            ref = f"PGI-{doc.pk}-{i}"
            if peer.get("person_id"):
                persons[ref] = peer["person_id"]
            rows.append({"Form Ref": form, "Date Returned": str(answer.get("answered_on", ""))[:10],
                         "Type of Assessment": asked.get("assessment_type", ""),
                         "Size of Peer Network": answer.get("network", ""), "Subject Ref": subject,
                         "Subject Forename": given, "Subject Surname": family, "Peer Ref": ref,
                         "Peer Name": peer.get("name") or peer.get("person_id", ""),
                         "Influence": INFLUENCE.get(peer.get("influence", ""), "unknown"),
                         "Leads/Follows": RELATION.get(peer.get("relation", ""), "associates")})
    return rows, persons


def _mapping(name: str, reference: str, purposes: list[str], requests: list, export: Path, path: Path) -> str:
    agreement = requests[0].document.agreement
    basis = (agreement.lawful_basis if agreement and agreement.lawful_basis else LEGAL_BASIS)
    record = {"recorded_on": "Date Returned"}
    spec = {
        "source": name,
        "agency": "Peer group information requests answered in the contextsafe web application",
        "description": "Named peers of answered peer group information requests (appendix F); "
                       "gathered to inform an assessment, not an intelligence gathering exercise.",
        "legal_basis": basis, "information_sharing_agreement": reference or "(none cited)",
        "permitted_purposes": purposes, "retention": "2 years",
        "file": os.path.relpath(export, path.parent),
        "format": {"type": "csv", "encoding": "utf-8"}, "date_formats": ["%Y-%m-%d"],
        "event": {"id": "Form Ref", "type": {"value": "peer_group_information"}, "occurred_on": "Date Returned",
                  "category": "Type of Assessment", "description": "Size of Peer Network"},
        "records": [
            {"id": "Subject Ref", "given_name": "Subject Forename", "family_name": "Subject Surname", **record,
             "role": {"value": "subject"}},
            {"id": "Peer Ref", "full_name": "Peer Name", **record, "role": {"value": "named_peer"},
             "influence": "Influence", "relation": "Leads/Follows"}],
        "contexts": [{"kind": "peer_group", "column": "Form Ref", "type": "member", "record": 0},
                     {"kind": "peer_group", "column": "Form Ref", "type": "member", "record": 1}],
        "values": {"influence": {"positive": "positive", "negative": "negative", "unknown": "unknown"},
                   "relation": {"leads": "leads", "follows": "follows", "associates": "associates"}},
    }
    head = "# Written by contextsafe.web.pgi.feed: answered peer group information requests. Do not edit.\n"
    return head + yaml.safe_dump(spec, sort_keys=False, allow_unicode=True)


def _unchanged(workspace: Workspace, source: str, digest: str, mapping_sha: str) -> bool:
    with workspace.connect() as con:
        return con.execute("SELECT count(*) FROM ingests WHERE source = ? AND file_sha256 = ? AND mapping_sha256 = ?",
                           [source, digest, mapping_sha]).fetchone()[0] > 0


def _forget(workspace: Workspace, source: str) -> None:
    """Remove a feed source's rows (never another source's), so a changed export replaces them whole."""
    if not source.startswith(PREFIX + "_"):
        raise ValueError(f"refusing to remove rows of {source!r}: not a peer group information feed source")
    with workspace.connect() as con:
        for table in (*INGESTED, "person_records"):
            con.execute(f"DELETE FROM {table} WHERE source = ?", [source])  # noqa: S608 - fixed table names


def _empty_stale(workspace: Workspace, current: set[str]) -> list[str]:
    with workspace.connect() as con:
        known = [r[0] for r in con.execute("SELECT DISTINCT source FROM records WHERE starts_with(source, ?)",
                                           [PREFIX + "_"]).fetchall()]
    stale = sorted(s for s in known if s.startswith(PREFIX + "_") and s not in current)
    for source in stale:
        _forget(workspace, source)
    return stale


def _place(workspace: Workspace, source: str, persons: dict[str, str]) -> int:
    """Put each identified record on its person, and keep it there through later linkage runs."""
    from contextsafe.link import decisions, record_decision

    with workspace.connect() as con:
        present = {r[0] for r in con.execute("SELECT record_id FROM records WHERE source = ?", [source]).fetchall()}
        placed = {rid: pid for rid, pid in persons.items() if rid in present}
        anchors = {}
        for rid, pid in placed.items():
            con.execute("INSERT INTO person_records VALUES (?, ?, ?, 1.0)", [source, rid, pid])
            row = con.execute("SELECT source, record_id FROM person_records WHERE person_id = ? "
                              "AND NOT starts_with(source, ?) ORDER BY source, record_id LIMIT 1",
                              [pid, PREFIX + "_"]).fetchone()
            if row:
                anchors[rid] = (row[0], row[1])
    known = decisions(workspace)
    done = {(r["left_source"], r["left_record_id"], r["right_source"], r["right_record_id"])
            for r in known.iter_rows(named=True)} if known.height else set()
    for rid, anchor in anchors.items():
        if (source, rid, *anchor) not in done:
            record_decision(workspace, (source, rid), anchor, "accept", decided_by="pgi web feed",
                            reason="person chosen on the peer group information request or answer")
    return len(placed)
