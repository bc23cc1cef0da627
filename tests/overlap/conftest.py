"""Hand-made stores for overlap tests: rows inserted straight into a tmp workspace's tables."""

from __future__ import annotations

import pytest

from contextsafe.store import Workspace
from tests.store_rows import StoreWriter


class Store(StoreWriter):
    """A tiny writer of canonical rows; every insert fills the NOT NULL bookkeeping columns."""

    def record(self, source: str, record_id: str, person: str | None = None, *concerns: str) -> None:
        """A record, optionally linked to ``person``, flagged with ``concerns`` at record level."""
        self._row += 1
        self.con.execute("INSERT INTO records (source, record_id, ingest_id, row_number) VALUES (?, ?, 'i', ?)",
                         [source, record_id, self._row])
        if person is not None:
            self.con.execute("INSERT INTO person_records VALUES (?, ?, ?, 0.99)", [source, record_id, person])
        for concern in concerns:
            self.flag(source, concern, record_id=record_id)

    def event(self, source: str, event_id: str, event_type: str, category: str | None = None,
              participants: dict[str, str] | None = None) -> None:
        """An event and its participants (record_id -> role)."""
        self._row += 1
        self.con.execute("INSERT INTO events (source, event_id, ingest_id, row_number, event_type, category)"
                         " VALUES (?, ?, 'i', ?, ?, ?)", [source, event_id, self._row, event_type, category])
        for record_id, role in (participants or {}).items():
            self.con.execute("INSERT INTO participants (source, event_id, record_id, role) VALUES (?, ?, ?, ?)",
                             [source, event_id, record_id, role])



@pytest.fixture
def store(tmp_path) -> Store:
    return Store(Workspace.create(tmp_path / "ws"))


@pytest.fixture
def thirty_thirty_fifteen(store: Store) -> Workspace:
    """30 young people on the CSE list, 30 on the gangs list, 15 of them on both (linked); 45 distinct.

    CSE records c15..c29 have no person row at all (not linked): each counts as its own person.
    """
    store.source("cse_service")
    store.source("gangs_unit")
    for i in range(30):
        store.record("cse_service", f"c{i}", f"p{i}" if i < 15 else None, "cse")
        store.record("gangs_unit", f"g{i}", f"p{i}" if i < 15 else f"q{i}", "gang_association")
    return store.close()
