"""Naive exact matching on (first name, last name, date of birth) must fail badly on this data."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from pathlib import Path

import polars as pl

from contextsafe.sources import LoadedMapping, RecordMapping
from contextsafe.synth import SynthSummary, generate_linkage_records, load_nicknames
from tests.synth.conftest import ground_truth, read_table


def _date(text: str, formats: list[str]) -> dt.date | None:
    for fmt in [*formats, "%Y-%m-%d", "%Y-%m-%d %H:%M:%S"]:
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


def exact_match_recall(records: list[tuple[str, tuple[object, ...]]]) -> float:
    """Share of true-match pairs whose exact keys agree (records: (person_id, key))."""
    by_person: dict[str, Counter[tuple[object, ...]]] = defaultdict(Counter)
    for person, key in records:
        by_person[person][key] += 1
    pairs = sum(n * (n - 1) // 2 for keys in by_person.values() for n in [sum(keys.values())])
    agree = sum(n * (n - 1) // 2 for keys in by_person.values() for key, n in keys.items() if None not in key)
    return agree / pairs


def _names(row: dict[str, str], block: RecordMapping) -> tuple[str | None, str | None]:
    """(given, family) as a naive matcher reads them: 'SURNAME, Forename' or 'Forename Surname'."""
    if block.given_name and block.family_name:
        return row[block.given_name.column].strip() or None, row[block.family_name.column].strip() or None  # type: ignore[index]
    full = row[block.full_name.column].strip()  # type: ignore[union-attr,index]
    if "," in full:
        family, given = (part.strip() for part in full.split(",", 1))
        return given or None, family or None
    words = full.split()
    return (" ".join(words[:-1]) or None, words[-1]) if words else (None, None)


def test_exact_matching_recall_is_low_across_borough_exports(borough: SynthSummary,
                                                           mappings: dict[str, LoadedMapping]) -> None:
    person_of = {(r["source"], r["record_id"]): r["person_id"] for r in ground_truth(borough, "record_person")}
    records = []
    for source, loaded in mappings.items():
        for block in loaded.mapping.records:
            if block.date_of_birth is None:
                continue
            formats = block.date_of_birth.formats or loaded.mapping.date_formats
            for row in read_table(loaded)[1]:
                given, family = _names(row, block)
                dob = row[block.date_of_birth.column]  # type: ignore[index]
                key = (given and given.lower(), family and family.lower(), _date(dob, formats) if dob else None)
                records.append((person_of[(source, row[block.id.column])], key))  # type: ignore[index]
    assert len(records) > 2000
    assert exact_match_recall(records) < 0.7


def test_linkage_records_are_noisy_enough_and_carry_the_truth(tmp_path: Path) -> None:
    path = generate_linkage_records(12_000, 5, tmp_path)
    frame = pl.read_parquet(path)
    assert frame.height == 12_000
    assert frame.columns == ["source", "record_id", "given_name", "family_name", "date_of_birth", "sex",
                             "postcode", "person_id"]
    assert frame["record_id"].n_unique() == frame.height
    assert 2_000 < frame["person_id"].n_unique() < 6_000
    keys = [(p, (g.lower(), f.lower(), d)) for p, g, f, d in
            frame.select("person_id", "given_name", "family_name", "date_of_birth").iter_rows()]
    assert exact_match_recall(keys) < 0.7
    assert generate_linkage_records(12_000, 5, tmp_path / "again").read_bytes() == path.read_bytes()


def test_the_nickname_table_is_shipped_for_the_linker() -> None:
    table = load_nicknames()
    assert "Jo" in table["Joanne"] and "Mo" in table["Mohammed"] and "Alex" in table["Alexander"]
