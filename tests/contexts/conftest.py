"""Hand-made stores for contexts tests: a few rows whose answer is known, inserted straight into the tables."""

from __future__ import annotations

import datetime as dt

import pytest

from contextsafe.store import Workspace
from tests.store_rows import StoreWriter


class Store(StoreWriter):
    """A tiny writer of canonical rows; every insert fills the NOT NULL bookkeeping columns."""

    def record(self, source: str, record_id: str, person: str | None = None, *, postcode: str | None = None,
               family_name: str | None = None) -> None:
        self._row += 1
        self.con.execute("INSERT INTO records (source, record_id, ingest_id, row_number, postcode, family_name)"
                         " VALUES (?, ?, 'i', ?, ?, ?)", [source, record_id, self._row, postcode, family_name])
        if person is not None:
            self.con.execute("INSERT INTO person_records VALUES (?, ?, ?, 0.99)", [source, record_id, person])

    def event(self, source: str, event_id: str, event_type: str, participants: dict[str, str], *,
              when: dt.datetime | None = None, place: str | None = None, category: str | None = None,
              description: str | None = None,
              relations: dict[str, str] | None = None, influences: dict[str, str] | None = None) -> None:
        """An event and its participants (record_id -> role); ``relations`` (record_id -> leads/follows)
        and ``influences`` (record_id -> positive/negative) for named peers."""
        self._row += 1
        self.con.execute("INSERT INTO events (source, event_id, ingest_id, row_number, event_type, category,"
                         " occurred_on, place_name, description) VALUES (?, ?, 'i', ?, ?, ?, ?, ?, ?)",
                         [source, event_id, self._row, event_type, category, when, place, description])
        for record_id, role in participants.items():
            relation, influence = (relations or {}).get(record_id), (influences or {}).get(record_id)
            self.con.execute("INSERT INTO participants (source, event_id, record_id, role, relation, influence)"
                             " VALUES (?, ?, ?, ?, ?, ?)", [source, event_id, record_id, role, relation, influence])

    def school(self, urn: str, name: str) -> None:
        self.con.execute("INSERT INTO contexts VALUES (?, 'school', ?, ?, NULL, NULL, 'dfe')",
                         [f"school:{urn}", name, urn])

    def attends(self, source: str, record_id: str, urn: str) -> None:
        self.con.execute("INSERT INTO associations VALUES (?, ?, 'school', ?, 'attends', NULL, ?)",
                         [source, record_id, urn, f"school:{urn}"])

    def co_suspects(self, source: str, event_id: str, persons: list[str]) -> None:
        """One crime with ``persons`` as suspects (a record per person, linked to it)."""
        for p in persons:
            self.record(source, f"{event_id}-{p}", p)
        self.event(source, event_id, "crime", {f"{event_id}-{p}": "suspect" for p in persons})



@pytest.fixture
def store(tmp_path) -> Store:
    return Store(Workspace.create(tmp_path / "ws"))


@pytest.fixture
def two_triangles(store: Store) -> Store:
    """Triangles a-b-c and d-e-f, each pair seen as co-suspects three times; c and d twice (the bridge)."""
    store.source("police")
    for tri in (("a", "b", "c"), ("d", "e", "f")):
        for k in range(3):
            store.co_suspects("police", f"{''.join(tri)}{k}", list(tri))
    for k in range(2):
        store.co_suspects("police", f"cd{k}", ["c", "d"])
    return store
