"""Validation rules for agency exports, as named objects.

Each rule's docstring is the message the user sees; its ``rule_id`` is quoted in errors and in the
quarantine file, and ``docs/ingest-rules.md`` is generated from this module, so documentation and
behaviour cannot drift. Rules are vectorised: ``bad(values)`` returns a boolean mask over a column.
"""

from __future__ import annotations

import polars as pl

EXCEL_CELL_LIMIT = 32_767
MAX_AGE_YEARS = 25
UK_POSTCODE = r"^(GIR 0AA|[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2})$"
GB_LAT = (49.8, 60.9)
GB_LON = (-8.7, 1.8)


class Rule:
    """Base of every ingest rule."""

    rule_id = "R000"

    @classmethod
    def message(cls) -> str:
        return (cls.__doc__ or cls.__name__).strip().splitlines()[0]


class RequiredValueMissing(Rule):
    """A required value is empty."""

    rule_id = "R001"


class DateUnparseable(Rule):
    """Date does not match any of the source's date formats."""

    rule_id = "R002"


class DateOfBirthAfterRecorded(Rule):
    """Date of birth is after the date the record was made."""

    rule_id = "R003"


class NotAYoungPerson(Rule):
    """Date of birth gives an age over 25 on the date recorded: not a young person."""

    rule_id = "R004"


class CodeNotMapped(Rule):
    """Code is not in the source mapping's list for this field: add it to the mapping's values or codes."""

    rule_id = "R005"


class PostcodeMalformed(Rule):
    """Postcode is not in a UK postcode format."""

    rule_id = "R006"


class CoordinateOutsideGreatBritain(Rule):
    """Latitude or longitude is not a number inside Great Britain."""

    rule_id = "R007"


class ValueTooLong(Rule):
    """Value is longer than 32,767 characters (the Excel cell limit)."""

    rule_id = "R008"


class RowWidthMismatch(Rule):
    """Row has a different number of fields from the header: the file may be truncated or use another delimiter."""

    rule_id = "R009"


class UnreadableRow(Rule):
    """Row cannot be parsed as CSV (an unterminated quote or a stray quote character)."""

    rule_id = "R010"


class DuplicateKey(Rule):
    """Row repeats the key of an earlier row in this file."""

    rule_id = "R011"


class DateInFuture(Rule):
    """Date is after the day of ingest."""

    rule_id = "R012"


RULES: tuple[type[Rule], ...] = (
    RequiredValueMissing, DateUnparseable, DateOfBirthAfterRecorded, NotAYoungPerson, CodeNotMapped,
    PostcodeMalformed, CoordinateOutsideGreatBritain, ValueTooLong, RowWidthMismatch, UnreadableRow,
    DuplicateKey, DateInFuture,
)


def too_long(values: pl.Series) -> pl.Series:
    return values.str.len_chars().fill_null(0) > EXCEL_CELL_LIMIT


def normalise_postcode(values: pl.Series) -> pl.Series:
    """Upper case, one space before the inward code ("nw18nn" -> "NW1 8NN")."""
    return _postcode(values.str.to_uppercase().str.replace_all(r"\s+", ""))


def _postcode(squeezed: pl.Series) -> pl.Series:
    frame = pl.DataFrame({"p": squeezed})
    out = frame.select(
        pl.when(pl.col("p").str.len_chars() >= 5)
        .then(pl.col("p").str.slice(0, pl.col("p").str.len_chars() - 3) + " " + pl.col("p").str.slice(-3))
        .otherwise(pl.col("p")).alias("p"))
    return out["p"]


def postcode_malformed(values: pl.Series) -> pl.Series:
    return values.is_not_null() & ~values.str.contains(UK_POSTCODE).fill_null(True)


def rules_markdown() -> str:
    """The docs page of ingest rules, generated from the rules themselves (``docs/ingest-rules.md``)."""
    lines = [
        "# Ingest validation rules",
        "",
        "Generated from `src/contextsafe/ingest/rules.py` by `contextsafe sources rules > docs/ingest-rules.md`;",
        "a test fails when this page and the code differ. A row that breaks any rule is quarantined whole",
        "(`quarantine/<source>/<ingest>.csv`, with the rule ids and reasons) and counted, so that",
        "rows in = accepted + quarantined.",
        "",
        "| id | rule | message the user sees |",
        "|---|---|---|",
    ]
    lines += [f"| {rule.rule_id} | `{rule.__name__}` | {rule.message()} |" for rule in RULES]
    return "\n".join(lines) + "\n"
