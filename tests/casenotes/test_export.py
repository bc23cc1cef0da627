"""Confirmed associations reach the store through the normal ingest path, under their purpose only."""

from __future__ import annotations

import datetime as dt

import pytest

from contextsafe.casenotes import export_associations
from contextsafe.errors import ContextsafeError

ASSOCIATIONS = [
    {"ref": "CN1", "note_ref": "CN10", "confirmed_on": dt.date(2026, 3, 3), "kind": "school",
     "entity_id": "school:100049", "purpose": "assessment",
     "subject": {"given": "Amara", "family": "Jones", "person_id": "P-AMARA"}},
    {"ref": "CN2", "note_ref": "CN10", "confirmed_on": dt.date(2026, 3, 3), "kind": "person",
     "entity_id": "P-BEN", "purpose": "assessment",
     "subject": {"given": "Amara", "family": "Jones", "person_id": "P-AMARA"},
     "peer": {"given": "Ben", "family": "Okafor", "person_id": "P-BEN"}},
    {"ref": "CN3", "note_ref": "CN10", "confirmed_on": dt.date(2026, 3, 3), "kind": "place",
     "entity_id": "station:chalk-farm", "purpose": "assessment",
     "subject": {"given": "Amara", "family": "Jones", "person_id": "P-AMARA"}},
]


def test_export_ingests_a_source_permitting_only_the_purpose_and_places_the_people(workspace):  # noqa: ANN001
    report = export_associations(workspace, ASSOCIATIONS, "assessment")
    assert report.accepted == 4 and report.quarantined == 0
    with workspace.connect(read_only=True) as con:
        purposes = con.execute("SELECT permitted_purposes FROM sources WHERE source = 'case_notes_assessment'")
        assert purposes.fetchone()[0] == ["assessment"]
        rows = con.execute("SELECT a.context_kind, a.context_ref, p.person_id FROM associations a "
                           "JOIN person_records p USING (source, record_id) WHERE a.source = 'case_notes_assessment' "
                           "ORDER BY 1, 2, 3").fetchall()
    assert rows == [("peer_group", "casenote:CN10", "P-AMARA"), ("peer_group", "casenote:CN10", "P-BEN"),
                    ("place", "station:chalk-farm", "P-AMARA"), ("school", "100049", "P-AMARA")]


def test_an_unchanged_export_is_not_ingested_again_and_a_changed_one_replaces_its_rows(workspace):  # noqa: ANN001
    assert export_associations(workspace, ASSOCIATIONS, "assessment") is not None
    assert export_associations(workspace, ASSOCIATIONS, "assessment") is None
    export_associations(workspace, ASSOCIATIONS[:1], "assessment")
    with workspace.connect(read_only=True) as con:
        count = con.execute("SELECT count(*) FROM associations WHERE source = 'case_notes_assessment'").fetchone()[0]
    assert count == 1


def test_an_association_recorded_for_another_purpose_is_refused(workspace):  # noqa: ANN001
    with pytest.raises(ContextsafeError, match="another purpose"):
        export_associations(workspace, ASSOCIATIONS, "profiling")
