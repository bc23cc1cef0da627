"""Small-count suppression for partner versions, with secondary suppression against differencing.

Primary: every count from 1 to ``threshold - 1`` is hidden. Secondary: a table declares the groups of
its cells whose totals are published or can be worked out elsewhere (a list's size, a month's total,
a series' total over the period); wherever such a group has exactly one hidden cell — which the total
would give away by subtraction — the smallest other non-zero cell of the group is hidden too, and the
rule is applied again until no group has a single hidden cell. Zeros are shown (a known zero cannot
protect anyone, and hiding it reveals nothing).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import polars as pl

SUPPRESSED = "[c]"  # the ONS mark for a confidential cell; also used for secondary suppression


@dataclass
class CountTable:
    """A table whose ``counts`` columns are counts of young people, events or homes.

    ``partitions``: tuples of key columns; each distinct value of those columns (for each count column)
    is a group of cells whose total is taken as known. ``()`` means the whole column. ``linked`` maps a
    derived column (a share, a ratio) onto the count it reveals, blanked with it.
    """

    name: str
    frame: pl.DataFrame
    counts: Sequence[str]
    partitions: Sequence[tuple[str, ...]] = ((),)
    linked: dict[str, str] = field(default_factory=dict)
    along_rows: bool = False  # also treat each row's count columns as one group (a row total is known)


def hidden_cells(table: CountTable, threshold: int) -> set[tuple[int, str]]:
    """(row index, column) of every cell to hide, primary and secondary."""
    frame = table.frame.with_row_index("_row")
    values = {(r, c): int(v or 0) for c in table.counts for r, v in zip(frame["_row"], frame[c], strict=True)}
    hidden = {cell for cell, v in values.items() if 0 < v < threshold}
    groups = _groups(frame, table)
    changed = True
    while changed:
        changed = False
        for group in groups:
            inside = [cell for cell in group if cell in hidden]
            if len(inside) != 1:
                continue
            spare = sorted((values[c], c) for c in group if c not in hidden and values[c] > 0)
            if spare:
                hidden.add(spare[0][1])
                changed = True
    return hidden


def _groups(frame: pl.DataFrame, table: CountTable) -> list[list[tuple[int, str]]]:
    groups: list[list[tuple[int, str]]] = []
    for keys in table.partitions:
        parts = [frame] if not keys else [g for _, g in frame.group_by(list(keys), maintain_order=True)]
        for part in parts:
            rows = part["_row"].to_list()
            groups += [[(r, c) for r in rows] for c in table.counts]
    if table.along_rows:
        groups += [[(r, c) for c in table.counts] for r in frame["_row"].to_list()]
    return [g for g in groups if len(g) > 1]


def suppress(table: CountTable, threshold: int) -> pl.DataFrame:
    """The table with hidden counts shown as ``[c]`` and their linked columns blanked (all as text)."""
    hidden = hidden_cells(table, threshold)
    mark = SUPPRESSED
    frame = table.frame.with_row_index("_row")
    out = {}
    for column in table.frame.columns:
        values = frame[column].to_list()
        source = table.linked.get(column, column)
        if column in table.counts or column in table.linked:
            blank = mark if column in table.counts else ""
            values = [blank if (i, source) in hidden else _text(v) for i, v in enumerate(values)]
            out[column] = pl.Series(column, values, dtype=pl.String)
        else:
            out[column] = frame[column]
    return pl.DataFrame(out)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def is_safe_count(value: object, threshold: int) -> bool:
    """A published count cell is safe if hidden, blank, zero or at least ``threshold``.

    >>> [is_safe_count(v, 5) for v in ("[c]", "", "0", "5", "3", 2)]
    [True, True, True, True, False, False]
    """
    if value is None or value == "" or value == SUPPRESSED:
        return True
    try:
        number = float(str(value))
    except ValueError:
        return False
    return number == 0 or number >= threshold


# A count of people or things written in prose ("(3 young people)", "of 4 homes").
_UNITS = (r"young (?:people|person)|children|child|pupils|persons|people|homes|households|members|peer groups|groups|"
          r"events|referrals|exclusions|reports|incidents|on a school roll|on the list")
PROSE_COUNT = re.compile(rf"(?<![\w.,/-])(\d+)(?=\s+(?:{_UNITS})\b)", re.IGNORECASE)


def suppress_prose(text: str, threshold: int) -> str:
    """Hide counts under ``threshold`` written in sentences (a note, a piece of evidence).

    >>> suppress_prose("13 peer groups draw 82% of their members (3 young people) from 5 schools", 5)
    '13 peer groups draw 82% of their members ([c] young people) from 5 schools'
    """
    return PROSE_COUNT.sub(lambda m: SUPPRESSED if 0 < int(m.group(1)) < threshold else m.group(1), text)


def small_prose_counts(text: str, threshold: int) -> int:
    """How many counts under ``threshold`` (and above zero) a text states in words."""
    return sum(1 for m in PROSE_COUNT.finditer(text) if 0 < int(m.group(1)) < threshold)
