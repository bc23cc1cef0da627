"""Streaming writers that make files look like real agency exports.

Rows go to disk as they come (CSV through :mod:`csv`, XLSX through XlsxWriter's constant-memory mode),
so no export is ever held in memory. Options reproduce what real exports do: a stray title row
above the header, blank rows, a BOM or a Windows code page, a merged two-row Excel header.
Output is byte-identical for the same rows (fixed workbook timestamps).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

FIXED_TIME = dt.datetime(2018, 7, 2, 6, 30)
Cell = str | int | float | dt.date | dt.datetime | None


class Sink(Protocol):
    def write(self, row: Sequence[Cell]) -> None: ...
    def close(self) -> None: ...


class CsvSink:
    """A CSV export with an optional title row, occasional blank rows and a chosen encoding."""

    def __init__(self, path: Path, header: Sequence[str], *, encoding: str = "utf-8", title: str | None = None,
                 blank_rate: float = 0.0, rng: np.random.Generator | None = None):
        self._handle = path.open("w", encoding=encoding, newline="", errors="replace")
        self._csv = csv.writer(self._handle, lineterminator="\r\n")
        self._blank_rate = blank_rate
        self._rng = rng
        if title is not None:
            self._csv.writerow([title] + [""] * (len(header) - 1))
        self._csv.writerow(header)

    def write(self, row: Sequence[Cell]) -> None:
        if self._blank_rate and self._rng is not None and self._rng.random() < self._blank_rate:
            self._handle.write("\r\n")
        self._csv.writerow(["" if v is None else v for v in row])

    def close(self) -> None:
        self._handle.close()


class XlsxSink:
    """An Excel export, optionally with a group row merged across columns above the field names."""

    def __init__(self, path: Path, header: Sequence[str], *, sheet: str = "Sheet1",
                 groups: Sequence[tuple[str, int]] | None = None, title: str | None = None,
                 blank_rate: float = 0.0, rng: np.random.Generator | None = None):
        import xlsxwriter

        self._book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
        self._book.set_properties({"created": FIXED_TIME, "author": "contextsafe synthetic data"})
        self._sheet = self._book.add_worksheet(sheet)
        self._bold = self._book.add_format({"bold": True})
        self._date = self._book.add_format({"num_format": "dd/mm/yyyy"})
        self._datetime = self._book.add_format({"num_format": "dd/mm/yyyy hh:mm"})
        self._row = 0
        self._blank_rate = blank_rate
        self._rng = rng
        if title is not None:
            self._sheet.write_string(self._row, 0, title, self._bold)
            self._row += 1
        if groups:
            merged = self._book.add_format({"bold": True, "align": "center", "bg_color": "#DDEBF7"})
            col = 0
            for label, span in groups:
                if span > 1:
                    self._sheet.merge_range(self._row, col, self._row, col + span - 1, label, merged)
                else:
                    self._sheet.write_string(self._row, col, label, merged)
                col += span
            self._row += 1
        for col, name in enumerate(header):
            self._sheet.write_string(self._row, col, name, self._bold)
        self._row += 1

    def write(self, row: Sequence[Cell]) -> None:
        if self._blank_rate and self._rng is not None and self._rng.random() < self._blank_rate:
            self._row += 1
        for col, value in enumerate(row):
            self._cell(col, value)
        self._row += 1

    def _cell(self, col: int, value: Any) -> None:
        if value is None or value == "":
            return
        if isinstance(value, dt.datetime):
            self._sheet.write_datetime(self._row, col, value, self._datetime)
        elif isinstance(value, dt.date):
            self._sheet.write_datetime(self._row, col, dt.datetime(value.year, value.month, value.day), self._date)
        elif isinstance(value, int | float):
            self._sheet.write_number(self._row, col, value)
        else:
            self._sheet.write_string(self._row, col, str(value))

    def close(self) -> None:
        self._book.close()
