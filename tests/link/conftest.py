from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import polars as pl
import pytest

sys.path.insert(0, str(Path(__file__).parent))

from factories import population  # noqa: E402

from contextsafe.link import link_records  # noqa: E402
from contextsafe.store import Workspace  # noqa: E402

# Hand-made records whose answer is known. ``person`` is the truth; the linker never sees it.
KNOWN = [
    # five records, two of them the same person
    ("police", "K1", "Keisha", "Barrington", "2009-03-14", "F", "NW5 2AB", "4 Leighton Road", "Haverstock", "kb"),
    ("social_care", "K2", "Keisha", "Barrington", "2009-03-14", "F", "NW5 2AB", "4 Leighton Rd", None, "kb"),
    ("social_care", "K3", "Tariq", "Holloway", "2007-10-02", "M", "N7 0AA", "19 Camden Road", None, "th"),
    ("police", "K4", "Precious", "Adebayo-Nwosu", "2010-06-30", "F", "NW1 9AZ", "88 Agar Grove", None, "pa"),
    ("police", "K5", "Connor", "Fitzgerald", "2006-01-21", "M", "N19 5AB", "2 York Way", None, "cf"),
    # nickname pair
    ("social_care", "N1", "William", "Featherstone", "2008-11-05", "M", "NW1 0AB", "7 Royal College Street",
     "Regent High", "wf"),
    ("police", "N2", "Billy", "Featherstone", "2008-11-05", "M", "NW1 0AB", "7 Royal College St", None, "wf"),
    # twins: same surname, date of birth and address, different first names — in both agencies
    ("social_care", "T1", "Amara", "Okonjo", "2009-07-19", "F", "NW5 4EE", "31 Queens Crescent", "Haverstock", "ao"),
    ("social_care", "T2", "Chidi", "Okonjo", "2009-07-19", "M", "NW5 4EE", "31 Queens Crescent", "Haverstock", "co"),
    ("police", "T3", "Amara", "Okonjo", "2009-07-19", "F", "NW5 4EE", "31 Queens Crescent", None, "ao"),
    ("police", "T4", "Chidi", "Okonjo", "2009-07-19", "M", "NW5 4EE", "31 Queens Crescent", None, "co"),
    # day and month transposed
    ("social_care", "D1", "Reece", "Harrington", "2008-04-07", "M", "N7 0DD", "12 Malden Road", "Acland Burghley",
     "rh"),
    ("police", "D2", "Reece", "Harrington", "2008-07-04", "M", "N7 0DD", "12 Malden Road", None, "rh"),
    # first and last names swapped
    ("social_care", "S1", "Kofi", "Lawson", "2007-02-25", "M", "NW3 2QQ", "5 Highgate Road", None, "kl"),
    ("police", "S2", "Lawson", "Kofi", "2007-02-25", "M", "NW3 2QQ", "5 Highgate Road", None, "kl"),
    # hyphenated surname recorded as one part
    ("social_care", "H1", "Ella", "Parker-Dunn", "2011-09-09", "F", "NW5 3HH", "60 Prince of Wales Road", None,
     "ep"),
    ("police", "H2", "Ella", "Dunn", "2011-09-09", "F", "NW5 3HH", "60 Prince of Wales Road", None, "ep"),
]
COLUMNS = ["source", "record_id", "given_name", "family_name", "date_of_birth", "sex", "postcode", "address",
           "school", "person"]


def known_records() -> pl.DataFrame:
    frame = pl.DataFrame(KNOWN, schema=COLUMNS, orient="row")
    return frame.with_columns(pl.col("date_of_birth").str.to_date())


def records_with_truth() -> pl.DataFrame:
    """A seeded background population of two agencies, plus the hand-made records."""
    background = population(600, seed=11).with_columns(pl.col("date_of_birth").cast(pl.Date))
    return pl.concat([background.select(COLUMNS), known_records()], how="vertical_relaxed")


@pytest.fixture(scope="session")
def linked():
    records = records_with_truth()
    return records, link_records(records.drop("person"), seed=1)


def person_of(result, source: str, record_id: str) -> str:
    row = result.person_records.filter((pl.col("source") == source) & (pl.col("record_id") == record_id))
    return row.get_column("person_id").item()


@pytest.fixture
def workspace(tmp_path):
    ws = Workspace.create(tmp_path / "ws")
    records = records_with_truth().drop("person").with_columns(
        pl.lit("ingest-1").alias("ingest_id"), pl.int_range(pl.len()).alias("row_number"))
    with ws.connect() as con:
        con.register("incoming", records.to_arrow())
        con.execute("INSERT INTO records BY NAME SELECT * FROM incoming")
    return ws


__all__ = ["date", "known_records", "person_of", "records_with_truth"]
