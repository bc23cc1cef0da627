"""Tables of questions declared as data: the forms of the seed are grids (rows × contexts) and repeating rows, so
they are declared once (:class:`Field`, :class:`Grid`, :class:`Rows`) and read from a post, checked and laid out
from that declaration. The case review app uses the same machinery.

>>> grid = Grid("t", rows=(("a", "Row A"),), columns=(Field("x", "X"),))
>>> read_grid(grid, {"t.a.x": " yes "})
{'a': {'x': 'yes'}}
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

TEXT, AREA, CHECK, SELECT, DATE = "text", "textarea", "checkbox", "select", "date"
MAX_TEXT = 4000


@dataclass(frozen=True)
class Field:
    """One question: ``key`` in the stored data, ``label`` as on the seed's form."""

    key: str
    label: str
    kind: str = AREA
    choices: tuple[tuple[str, str], ...] = ()
    hint: str = ""


@dataclass(frozen=True)
class Grid:
    """A table whose rows and columns are fixed by the form (e.g. assessment sections × contexts)."""

    key: str
    rows: tuple[tuple[str, str], ...]
    columns: tuple[Field, ...]
    hints: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Rows:
    """A table with as many rows as the user fills in (e.g. the documents log); ``blank`` empty rows are offered."""

    key: str
    columns: tuple[Field, ...]
    blank: int = 2


@dataclass
class Cell:
    """One input as the template draws it."""

    name: str
    field: Field
    value: Any
    error: str = ""

    @property
    def ident(self) -> str:
        return "f-" + self.name.replace(".", "-").replace("_", "-")


def _value(post: Mapping[str, Any], name: str, f: Field) -> Any:
    if f.kind == CHECK:
        return name in post
    text = str(post.get(name, "") or "").strip()
    if f.kind == SELECT and text not in {k for k, _ in f.choices}:
        return ""
    return text[:MAX_TEXT]


def read_fields(fields: tuple[Field, ...], post: Mapping[str, Any], prefix: str) -> dict[str, Any]:
    return {f.key: _value(post, f"{prefix}{f.key}", f) for f in fields}


def read_grid(grid: Grid, post: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    return {row: read_fields(grid.columns, post, f"{grid.key}.{row}.") for row, _ in grid.rows}


def read_rows(rows: Rows, post: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Filled rows in the order posted (a row left wholly empty is dropped)."""
    indices = sorted({int(k.split(".")[1]) for k in post if k.startswith(f"{rows.key}.")
                      and k.count(".") == 2 and k.split(".")[1].isdigit()})
    found = [read_fields(rows.columns, post, f"{rows.key}.{i}.") for i in indices[:200]]
    return [r for r in found if any(v for v in r.values())]


def grid_cells(grid: Grid, data: Mapping[str, Any], errors: Mapping[str, str]) -> list[dict[str, Any]]:
    """Rows of cells for the template: ``[{key, label, hint, cells}]``."""
    out = []
    for row, label in grid.rows:
        values = (data or {}).get(row, {}) or {}
        cells = [Cell(f"{grid.key}.{row}.{f.key}", f, values.get(f.key, False if f.kind == CHECK else ""),
                      errors.get(f"{grid.key}.{row}.{f.key}", "")) for f in grid.columns]
        out.append({"key": row, "label": label, "hint": grid.hints.get(row, ""), "cells": cells})
    return out


def rows_cells(rows: Rows, data: list[dict[str, Any]] | None, errors: Mapping[str, str]) -> list[list[Cell]]:
    """The filled rows then ``blank`` empty ones, as cells."""
    filled = list(data or []) + [{} for _ in range(rows.blank)]
    return [[Cell(f"{rows.key}.{i}.{f.key}", f, r.get(f.key, False if f.kind == CHECK else ""),
                  errors.get(f"{rows.key}.{i}.{f.key}", "")) for f in rows.columns] for i, r in enumerate(filled)]


def field_cells(fields: tuple[Field, ...], data: Mapping[str, Any], errors: Mapping[str, str],
                prefix: str = "") -> list[Cell]:
    return [Cell(f"{prefix}{f.key}", f, (data or {}).get(f.key, False if f.kind == CHECK else ""),
                 errors.get(f"{prefix}{f.key}", "")) for f in fields]


def parse_date(text: str) -> dt.date | None:
    """An ISO date (as a date input sends it) or ``None``."""
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def texts(value: Any) -> list[str]:
    """Every string inside nested data (for checks that read all free text)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [t for v in value.values() for t in texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in texts(v)]
    return []


def filled(value: Any) -> bool:
    """Whether any answer in nested data is given (a ticked box or a non-empty text)."""
    return any(t.strip() for t in texts(value)) or _ticked(value)


def _ticked(value: Any) -> bool:
    if value is True:
        return True
    if isinstance(value, Mapping):
        return any(_ticked(v) for v in value.values())
    if isinstance(value, list):
        return any(_ticked(v) for v in value)
    return False
