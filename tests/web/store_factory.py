"""A tiny analysis store with hand-computed answers.

sources (real demo names so the demo organisations fit):
  csc_referrals      assessment, profiling              ISA-CSC
  police_crime       assessment, profiling, intelligence ISA-POL
  pgi_forms          assessment only (peer group information) ISA-PGI
  school_exclusions  assessment, profiling (retention 365 days) ISA-SCH
persons:
  P-AMARA  csc S1, police C1, pgi G1       (Amara Jones)
  P-BEN    school E1, pgi G2, school E0 (recorded 2000: past retention)   (Ben Okafor)
  P-CAL    police C2 only                  (Cal Smith)
  P-XSS    csc S9 whose name is an XSS payload
events: police EV1 (C1 victim, C2 suspect); pgi EV2 (G1, G2 named peers; the one with coordinates);
        school EV0 in 2000 (E0).
contexts: school:1 "Hill School" (S1 and E1 attend); peer_group:PG1 (G1, G2 members, from pgi only).
"""

from __future__ import annotations

from pathlib import Path

from contextsafe.store import Workspace

XSS_NAME = "<img src=x onerror=alert(1)>"
SOURCES = [
    ("csc_referrals", "Children's social care", ["assessment", "profiling"], "ISA-CSC", 9125),
    ("police_crime", "Police", ["assessment", "profiling", "intelligence"], "ISA-POL", 2190),
    ("pgi_forms", "Peer group information pilot", ["assessment"], "ISA-PGI", 2190),
    ("school_exclusions", "Schools", ["assessment", "profiling"], "ISA-SCH", 365),
]
RECORDS = [  # source, record_id, given, family, dob, recorded_on, person
    ("csc_referrals", "S1", "Amara", "Jones", "2004-03-01", "2026-01-10", "P-AMARA"),
    ("police_crime", "C1", "Amara", "Jones", "2004-03-01", "2026-02-01", "P-AMARA"),
    ("pgi_forms", "G1", "Amara", "Jones", None, "2026-03-01", "P-AMARA"),
    ("school_exclusions", "E1", "Ben", "Okafor", "2005-06-02", "2026-01-05", "P-BEN"),
    ("school_exclusions", "E0", "Ben", "Okafor", "2005-06-02", "2000-01-05", "P-BEN"),
    ("pgi_forms", "G2", "Ben", "Okafor", None, "2026-03-01", "P-BEN"),
    ("police_crime", "C2", "Cal", "Smith", "2003-09-09", "2026-02-01", "P-CAL"),
    ("csc_referrals", "S9", XSS_NAME, "O'Brien", "2006-01-01", "2026-01-01", "P-XSS"),
]
EVENTS = [  # source, event_id, type, occurred_on, latitude, longitude
    ("police_crime", "EV1", "crime", "2026-02-01 20:00:00", None, None),
    ("pgi_forms", "EV2", "peer_group_information", "2026-03-01 10:00:00", 51.55, -0.15),
    ("school_exclusions", "EV0", "exclusion", "2000-01-05 09:00:00", None, None),
]
PARTICIPANTS = [("police_crime", "EV1", "C1", "victim"), ("police_crime", "EV1", "C2", "suspect"),
                ("pgi_forms", "EV2", "G1", "named_peer"), ("pgi_forms", "EV2", "G2", "named_peer"),
                ("school_exclusions", "EV0", "E0", "subject")]
ASSOCIATIONS = [  # source, record, kind, ref, type, context_id
    ("csc_referrals", "S1", "school", "Hill School", "attends", "school:1"),
    ("school_exclusions", "E1", "school", "Hill School", "attends", "school:1"),
    ("pgi_forms", "G1", "peer_group", "PG1", "member", None),
    ("pgi_forms", "G2", "peer_group", "PG1", "member", None),
]
FLAGS = [("csc_referrals", "S1", None, "cse", "CSE1"), ("police_crime", None, "EV1", "serious_youth_violence", "V")]


def make_store(root: Path) -> Workspace:
    ws = Workspace.create(root)
    with ws.connect() as con:
        for source, agency, purposes, isa, days in SOURCES:
            con.execute("INSERT INTO sources VALUES (?, ?, '', 'UK GDPR Art 6(1)(e)', ?, ?, ?, ?, 'x', '', now())",
                        [source, agency, isa, purposes, f"{days} days", days])
        for source, rid, given, family, dob, recorded, person in RECORDS:
            con.execute("INSERT INTO records (source, record_id, ingest_id, row_number, given_name, family_name, "
                        "date_of_birth, recorded_on) VALUES (?, ?, 'i', 1, ?, ?, ?, ?)",
                        [source, rid, given, family, dob, recorded])
            con.execute("INSERT INTO person_records VALUES (?, ?, ?, 0.99)", [source, rid, person])
        for source, eid, kind, when, lat, lon in EVENTS:
            con.execute("INSERT INTO events (source, event_id, ingest_id, row_number, event_type, occurred_on, "
                        "place_name, latitude, longitude) VALUES (?, ?, 'i', 1, ?, ?, 'Hill Park', ?, ?)",
                        [source, eid, kind, when, lat, lon])
        for row in PARTICIPANTS:
            con.execute("INSERT INTO participants VALUES (?, ?, ?, ?, NULL, NULL)", list(row))
        for source, rid, kind, ref, typ, cid in ASSOCIATIONS:
            con.execute("INSERT INTO associations VALUES (?, ?, ?, ?, ?, DATE '2026-01-01', ?)",
                        [source, rid, kind, ref, typ, cid])
        con.execute("INSERT INTO contexts VALUES ('school:1', 'school', 'Hill School', '1', 51.55, -0.15, 'dfe')")
        for row in FLAGS:
            con.execute("INSERT INTO concern_flags VALUES (?, ?, ?, ?, ?)", list(row))
    return ws
