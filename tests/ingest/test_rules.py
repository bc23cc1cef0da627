"""Each rule is named, numbered and says its message; every rule fires on a row built to break it."""

from __future__ import annotations

from pathlib import Path

import pytest

from contextsafe.ingest import RULES, check_source
from tests.ingest.factories import HEADER, csv_text, write_export, write_mapping

GOOD = ["A9", "Kai", "Lee", "01/02/2004", "M", "NW1 8NN", "03/03/2018", "CSE", ""]


def _row(**changes: str) -> list[str]:
    row = list(GOOD)
    for column, value in changes.items():
        row[HEADER.index(column.replace("_", " "))] = value
    return row


BROKEN = {
    "R001": [_row(Ref="")],
    "R002": [_row(DOB="31/13/2004")],
    "R003": [_row(DOB="01/02/2018", **{"Referral_date": "03/01/2018"})],
    "R004": [_row(DOB="01/02/1980")],
    "R005": [_row(Gender="X")],
    "R006": [_row(Postcode="NOT A CODE")],
    "R008": [_row(School="x" * 40_000)],
    "R009": [GOOD[:5]],
    "R011": [GOOD, GOOD],
    "R012": [_row(**{"Referral_date": "03/03/2099"})],
}


def test_rule_ids_are_unique_and_messages_are_sentences() -> None:
    ids = [rule.rule_id for rule in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert rule.message().endswith(".") and rule.message()[0].isupper()


@pytest.mark.parametrize("rule_id", sorted(BROKEN))
def test_each_rule_fires_with_its_message(tmp_path: Path, rule_id: str) -> None:
    loaded = write_mapping(tmp_path, record={"id": "Ref", "given_name": "Forename", "family_name": "Surname",
                                             "date_of_birth": "DOB", "sex": "Gender", "postcode": "Postcode",
                                             "school": "School", "recorded_on": "Referral date"})
    path = write_export(tmp_path, csv_text(BROKEN[rule_id]))
    report = check_source(loaded, path)
    rule = next(r for r in RULES if r.rule_id == rule_id)
    fired = {(rid, msg) for (rid, _col, msg) in report.by_rule}
    assert (rule_id, rule.message()) in fired
    assert report.would_quarantine == 1


def test_unreadable_row_r010(tmp_path: Path) -> None:
    loaded = write_mapping(tmp_path)
    text = csv_text() + 'A7,"Unterminated,Smith,01/02/2004,F,NW1 8NN,03/03/2018,CSE,\n'
    report = check_source(loaded, write_export(tmp_path, text))
    assert any(rid == "R010" for rid, _c, _m in report.by_rule)
    assert report.would_accept == 3 and report.would_quarantine == 1


def test_dates_may_carry_per_column_formats(tmp_path: Path) -> None:
    loaded = write_mapping(tmp_path, record={"id": "Ref", "date_of_birth": {"column": "DOB", "formats": ["%Y-%m-%d"]}})
    report = check_source(loaded, write_export(tmp_path, csv_text([_row(DOB="2004-02-01")])))
    assert report.ok, report.by_rule


def test_the_rules_docs_page_is_generated_from_the_rules() -> None:
    from contextsafe.ingest.rules import rules_markdown

    page = Path(__file__).parents[2] / "docs" / "ingest-rules.md"
    assert page.read_text(encoding="utf-8") == rules_markdown()
    for rule in RULES:
        assert rule.rule_id in page.read_text(encoding="utf-8")
