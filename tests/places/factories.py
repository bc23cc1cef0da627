"""Tiny hand-made stores: a few sources, events, young people and a school, inserted row by row."""

from __future__ import annotations

import datetime as dt

from contextsafe.store import Workspace


def source(ws: Workspace, name: str, purposes: tuple[str, ...] = ("profiling", "assessment")) -> None:
    with ws.connect() as con:
        con.execute("INSERT INTO sources VALUES (?, 'agency', NULL, 'basis', 'ISA-1', ?, '1 year', 365, 'x', '', ?)",
                    [name, list(purposes), dt.datetime(2018, 1, 1)])


def event(ws: Workspace, src: str, event_id: str, when: dt.datetime, lat: float | None = None,
          lon: float | None = None, event_type: str = "crime", place_name: str | None = None,
          age_band: str | None = None) -> None:
    with ws.connect() as con:
        con.execute("INSERT INTO events (source, event_id, ingest_id, row_number, event_type, occurred_on, place_name, "
                    "latitude, longitude, subject_age_band) VALUES (?, ?, 'i', 1, ?, ?, ?, ?, ?, ?)",
                    [src, event_id, event_type, when, place_name, lat, lon, age_band])


def person(ws: Workspace, src: str, record_id: str, born: dt.date, home: tuple[float, float] | None = None,
           events: tuple[str, ...] = (), school: str | None = None) -> None:
    lat, lon = home if home else (None, None)
    with ws.connect() as con:
        con.execute("INSERT INTO records (source, record_id, ingest_id, row_number, date_of_birth, latitude, "
                    "longitude) VALUES (?, ?, 'i', 1, ?, ?, ?)", [src, record_id, born, lat, lon])
        for e in events:
            con.execute("INSERT INTO participants VALUES (?, ?, ?, 'victim', NULL, NULL)", [src, e, record_id])
        if school:
            con.execute("INSERT INTO associations VALUES (?, ?, 'school', ?, 'attends', NULL, ?)",
                        [src, record_id, school, school])


def school(ws: Workspace, context_id: str, lat: float, lon: float) -> None:
    with ws.connect() as con:
        con.execute("INSERT INTO contexts VALUES (?, 'school', ?, NULL, ?, ?, 'dfe')",
                    [context_id, context_id, lat, lon])


def flag(ws: Workspace, src: str, event_id: str, concern: str) -> None:
    with ws.connect() as con:
        con.execute("INSERT INTO concern_flags VALUES (?, NULL, ?, ?, 'code')", [src, event_id, concern])
