"""Confirmed associations from case notes into the store, through the normal ingest path.

Each purpose is its own source (``case_notes_assessment`` …) whose mapping permits that purpose only, so
an association confirmed on a note recorded for assessment never reaches a profiling or intelligence view.
One row per young person in an association: the subject with the school (attends) or place (frequents), or
the subject and the confirmed peer as members of the note's peer group (``casenote:<note>``), like a peer
group information form. Rows carry the names and date of birth the store holds, and each is placed on the
linked person the practitioner confirmed (a ``person_records`` row, and a linkage decision ``accept`` joining
it to one of that person's other records so later linkage runs keep it there).

A source whose export is unchanged since its last ingest is left alone; a changed one replaces its old rows
whole, so an association withdrawn in the application leaves the store too.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from contextsafe.checksums import file_sha256
from contextsafe.store import INGESTED, Workspace
from contextsafe.vocab import Purpose

CONFIRMED_SOURCE = "case_notes_{purpose}"
PREFIX = "case_notes_"
HEADER = ["Row Ref", "Association Ref", "Note Ref", "Confirmed On", "Forename", "Surname", "DOB", "School URN",
          "Place Ref", "Peer Group Ref", "Role"]
MAPPING = """\
# Associations a practitioner confirmed in case notes (contextsafe.casenotes), recorded for {purpose} only.
source: {source}
agency: Case notes (confirmed suggestions)
description: People, schools and places confirmed by a practitioner from case notes, with the note as evidence.
legal_basis: "Children Act 1989 s.17 and s.47; Children Act 2004 s.11; UK GDPR Art 6(1)(e), Art 9(2)(g) \\
  with DPA 2018 Sch 1 para 18"
information_sharing_agreement: Case notes recorded for {purpose}
permitted_purposes: [{purpose}]
retention: 6 years
format:
  type: csv
  encoding: utf-8
date_formats: ["%Y-%m-%d"]
record:
  id: Row Ref
  given_name: Forename
  family_name: Surname
  date_of_birth: DOB
  recorded_on: Confirmed On
  role: Role
contexts:
  - {{kind: school, column: School URN, type: attends}}
  - {{kind: place, column: Place Ref, type: frequents}}
  - {{kind: peer_group, column: Peer Group Ref, type: member}}
"""


def export_rows(associations: Iterable[Mapping[str, Any]]) -> list[list[str]]:
    """CSV rows for confirmed associations. Each is a mapping with ``ref``, ``note_ref``, ``confirmed_on``
    (date), ``kind`` (person|school|place), ``entity_id``, ``subject`` and, for a person, ``peer`` (each a
    mapping with ``given``, ``family``, ``dob`` and the linked ``person_id``)."""
    rows = []
    for a in associations:
        day = a["confirmed_on"]
        day = day.isoformat() if isinstance(day, dt.date) else str(day)[:10]
        base = [str(a["ref"]), str(a["note_ref"]), day]
        subject = a["subject"]
        if a["kind"] == "school":
            rows.append(_row(base, "S", subject, school=str(a["entity_id"]).removeprefix("school:")))
        elif a["kind"] == "place":
            rows.append(_row(base, "S", subject, place=str(a["entity_id"])))
        elif a["kind"] == "person":
            group = f"casenote:{a['note_ref']}"
            rows.append(_row(base, "S", subject, group=group))
            rows.append(_row(base, "P", a.get("peer") or {}, group=group, role="named_peer"))
    return rows


def _row(base: list[str], suffix: str, who: Mapping[str, Any], school: str = "", place: str = "", group: str = "",
         role: str = "subject") -> list[str]:
    return [f"{base[0]}-{suffix}", *base, who.get("given") or "", who.get("family") or "", who.get("dob") or "",
            school, place, group, role]


def export_associations(workspace: Workspace, associations: Iterable[Mapping[str, Any]], purpose: str,
                        folder: Path | None = None):  # noqa: ANN201 - IngestReport | None
    """Write the confirmed associations of one purpose as an export with its mapping, and ingest it.

    Returns the :class:`~contextsafe.ingest.IngestReport`, or None when the export is unchanged since its last
    ingest. Every association must carry ``purpose`` equal to ``purpose``: an association never leaves the
    purpose it was recorded under.
    """
    from contextsafe.ingest import ingest_file
    from contextsafe.sources import load_mapping

    purpose = Purpose(purpose).value
    items = list(associations)
    wrong = [a["ref"] for a in items if a.get("purpose", purpose) != purpose]
    if wrong:
        from contextsafe.errors import ContextsafeError

        raise ContextsafeError(f"associations {wrong[:5]} were recorded for another purpose than {purpose}; "
                               "export them under their own purpose")
    source = CONFIRMED_SOURCE.format(purpose=purpose)
    folder = Path(folder or workspace.outputs_dir / "case_notes")
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / f"{source}.csv"
    with data.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(export_rows(items))
    mapping = workspace.mappings_dir / f"{source}.yaml"
    mapping.parent.mkdir(parents=True, exist_ok=True)
    mapping.write_text(MAPPING.format(source=source, purpose=purpose), encoding="utf-8")
    loaded = load_mapping(mapping)
    with workspace.connect() as con:
        if con.execute("SELECT count(*) FROM ingests WHERE source = ? AND file_sha256 = ? AND mapping_sha256 = ?",
                       [source, file_sha256(data), loaded.sha256]).fetchone()[0]:
            return None
        for table in (*INGESTED, "person_records"):
            con.execute(f"DELETE FROM {table} WHERE source = ?", [source])  # noqa: S608 - fixed table names
    report = ingest_file(workspace, loaded, data)
    _place(workspace, source, _persons(items))
    return report


def _persons(items: list[Mapping[str, Any]]) -> dict[str, str]:
    """Row ref -> the linked person the practitioner confirmed."""
    placed = {}
    for a in items:
        if (a.get("subject") or {}).get("person_id"):
            placed[f"{a['ref']}-S"] = a["subject"]["person_id"]
        if a["kind"] == "person" and (a.get("peer") or {}).get("person_id"):
            placed[f"{a['ref']}-P"] = a["peer"]["person_id"]
    return placed


def _place(workspace: Workspace, source: str, persons: dict[str, str]) -> int:
    from contextsafe.link import decisions, record_decision

    with workspace.connect() as con:
        present = {r[0] for r in con.execute("SELECT record_id FROM records WHERE source = ?", [source]).fetchall()}
        anchors = {}
        for rid, pid in persons.items():
            if rid not in present:
                continue
            con.execute("INSERT INTO person_records VALUES (?, ?, ?, 1.0)", [source, rid, pid])
            row = con.execute("SELECT source, record_id FROM person_records WHERE person_id = ? "
                              "AND NOT starts_with(source, ?) ORDER BY source, record_id LIMIT 1",
                              [pid, PREFIX]).fetchone()
            if row:
                anchors[rid] = (row[0], row[1])
    known = decisions(workspace)
    done = {(r["left_source"], r["left_record_id"], r["right_source"], r["right_record_id"])
            for r in known.iter_rows(named=True)} if known.height else set()
    for rid, anchor in anchors.items():
        if (source, rid, *anchor) not in done:
            record_decision(workspace, (source, rid), anchor, "accept", decided_by="case notes",
                            reason="person confirmed by a practitioner from a case note")
    return len(anchors)
