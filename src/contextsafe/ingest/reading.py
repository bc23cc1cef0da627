"""Read agency exports as real agencies produce them.

CSV in UTF-8, UTF-8 with a byte-order mark or Windows-1252; XLSX with merged header cells; title
rows above the header; blank rows; truncated files. The reader finds the header, numbers every row
as the user would find it (the line in a text editor, the row in Excel), and yields rows in chunks
so a million-row export never sits in memory as Python objects at once.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import difflib
import io
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contextsafe.errors import InputFileError
from contextsafe.ingest.rules import RowWidthMismatch, UnreadableRow
from contextsafe.sources import FileFormat

CHUNK_ROWS = 50_000
HEADER_SEARCH_ROWS = 30
FIELD_LIMIT = 10_000_000  # csv module refuses fields above this; the ValueTooLong rule quarantines far earlier
_DELIMITERS = (",", ";", "\t", "|")


@dataclass
class BadRow:
    """A row that could not be read into the header's columns (quarantined whole)."""

    row_number: int
    rule_id: str
    reason: str
    raw: str


@dataclass
class RowChunk:
    """Up to ``CHUNK_ROWS`` rows, all as wide as the header."""

    row_numbers: list[int]
    rows: list[list[str]]
    bad_rows: list[BadRow] = field(default_factory=list)
    blank_rows: int = 0


@dataclass
class OpenedExport:
    """An export whose header has been found; iterate :attr:`chunks` once."""

    path: Path
    header: list[str]
    header_row: int
    encoding: str
    chunks: Iterator[RowChunk]


def normalise_header(name: str) -> str:
    """Header cells compare without case or spacing differences ("Date of  Birth " == "date of birth")."""
    return " ".join(str(name).split()).casefold()


def open_export(path: Path, fmt: FileFormat, wanted: set[str]) -> OpenedExport:
    """Open ``path`` and position after its header row.

    ``wanted`` are the columns the mapping reads; the header row is the first row holding all of them
    (unless the mapping fixes ``header_row``). Raises :class:`InputFileError` saying what to change.
    """
    if not path.exists():
        raise InputFileError(str(path), "file not found")
    if fmt.type == "xlsx":
        return _open_xlsx(path, fmt, wanted)
    return _open_csv(path, fmt, wanted)


def refuse_binary(start: bytes, path: Path) -> None:
    """Refuse a file that is not text: NUL bytes, or an Excel workbook (a zip) named as CSV."""
    if b"\x00" in start or start[:4] == b"PK\x03\x04":
        hint = "it looks like an Excel workbook: set format.type: xlsx" if start[:2] == b"PK" else (
            "check the file is the CSV export and not a binary file")
        raise InputFileError(str(path), "the file is not text (it holds binary bytes)", hint)


def _open_csv(path: Path, fmt: FileFormat, wanted: set[str]) -> OpenedExport:
    encoding = sniff_encoding(path, fmt.encoding)
    csv.field_size_limit(FIELD_LIMIT)
    handle = path.open(encoding=encoding, newline="", errors="replace")
    reader = csv.reader(_no_nul(handle, path), delimiter=fmt.delimiter, strict=True)
    rows = _csv_rows(reader, path, encoding)
    seen: list[tuple[int, list[str] | BadRow]] = []
    for item in rows:
        seen.append(item)
        if len(seen) >= HEADER_SEARCH_ROWS:
            break
    head = [(n, r) for n, r in seen if not isinstance(r, BadRow)]
    try:
        header_at = _find_header(head, fmt, wanted, path, _sample(path, encoding))
    except InputFileError:
        handle.close()
        raise
    header_line, header = head[header_at]
    pending = [(n, r) for n, r in seen if n > header_line]
    return OpenedExport(path, [h.strip() for h in header], header_line, encoding,
                        _closing(_csv_chunks(pending, rows, len(header)), handle))


def sniff_encoding(path: Path, encoding: str) -> str:
    """The export's text encoding, reading it once in blocks (never holding the whole file).

    Refuses binary files. With ``auto``: UTF-8 with BOM, else UTF-8 if every byte decodes, else
    Windows-1252 (the encoding of Excel's "CSV" on English Windows).
    """
    with path.open("rb") as handle:
        start = handle.read(65536)
        refuse_binary(start, path)
        if encoding == "auto" and start.startswith(b"\xef\xbb\xbf"):
            return "utf-8-sig"
        handle.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8" if encoding == "auto" else encoding)()
        offset = 0
        try:
            for block in iter(lambda: handle.read(1 << 20), b""):
                decoder.decode(block)
                offset += len(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            if encoding == "auto":
                return "cp1252"
            raise InputFileError(str(path), f"cannot be decoded as {encoding} near byte {offset + exc.start}",
                                 "set format.encoding: auto, or the export's real encoding") from None
    return "utf-8" if encoding == "auto" else encoding


def _no_nul(lines: Iterator[str], path: Path) -> Iterator[str]:
    for line in lines:
        if "\x00" in line:
            raise InputFileError(str(path), "the file holds NUL characters: it is not a CSV export",
                                 "check the file is the CSV export and not a binary file")
        yield line


def _closing(chunks: Iterator[RowChunk], handle: Any) -> Iterator[RowChunk]:
    try:
        yield from chunks
    finally:
        handle.close()


def _sample(path: Path, encoding: str) -> str:
    with path.open(encoding=encoding, newline="", errors="replace") as handle:
        return handle.read(20000)


def _csv_chunks(pending: list[tuple[int, list[str] | BadRow]], rows: Iterator[tuple[int, list[str] | BadRow]],
                width: int) -> Iterator[RowChunk]:
    chunk = RowChunk([], [])
    for start, row in itertools.chain(pending, rows):
        if isinstance(row, BadRow):
            chunk.bad_rows.append(row)
        else:
            _place(chunk, start, row, width)
        if len(chunk.rows) >= CHUNK_ROWS:
            yield chunk
            chunk = RowChunk([], [])
    yield chunk


def _csv_rows(reader: Any, path: Path, encoding: str) -> Iterator[tuple[int, list[str] | BadRow]]:
    """Rows with the physical line each starts on (the csv reader counts lines itself)."""
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, BadRow(start, "R010", f"{UnreadableRow.message()} ({exc})",
                                _raw_lines(path, encoding, start, max(reader.line_num, start)))
            continue
        yield start, row


def _raw_lines(path: Path, encoding: str, first: int, last: int) -> str:
    """The file's own text of lines ``first``..``last``, kept whole in the quarantine (rare, so re-read)."""
    with path.open(encoding=encoding, newline="", errors="replace") as handle:
        return "".join(itertools.islice(handle, first - 1, last)).rstrip("\r\n")


def _place(chunk: RowChunk, row_number: int, row: list[str], width: int) -> None:
    """Add a row to the chunk, or count it blank, or set it aside when its width is wrong."""
    if not any(row) or not "".join(row).strip():
        chunk.blank_rows += 1
        return
    if len(row) != width:
        reason = f"{RowWidthMismatch.message()} ({len(row)} fields, header has {width})"
        chunk.bad_rows.append(BadRow(row_number, "R009", reason, ",".join(row)))
        return
    chunk.row_numbers.append(row_number)
    chunk.rows.append(row)


def _find_header(head: list[tuple[int, list[str]]], fmt: FileFormat, wanted: set[str], path: Path,
                 text: str) -> int:
    wanted_norm = {normalise_header(w) for w in wanted}
    if fmt.header_row != "auto":
        for index, (line, _) in enumerate(head):
            if line == fmt.header_row:
                return index
        raise InputFileError(str(path), f"format.header_row {fmt.header_row} is beyond the file's first rows")
    best, best_index = -1, 0
    for index, (_, row) in enumerate(head):
        cells = {normalise_header(c) for c in row}
        hits = len(wanted_norm & cells)
        if hits == len(wanted_norm):
            return index
        if hits > best:
            best, best_index = hits, index
    raise _header_error(head, best_index, wanted, fmt, path, text)


def _header_error(head: list[tuple[int, list[str]]], best_index: int, wanted: set[str], fmt: FileFormat,
                  path: Path, text: str) -> InputFileError:
    if fmt.type == "csv":
        sample = text[:20000]
        for other in _DELIMITERS:
            if other != fmt.delimiter:
                rows = list(csv.reader(io.StringIO(sample), delimiter=other))
                wanted_norm = {normalise_header(w) for w in wanted}
                if any(wanted_norm <= {normalise_header(c) for c in r} for r in rows[:HEADER_SEARCH_ROWS]):
                    return InputFileError(str(path), f"no header row with delimiter {fmt.delimiter!r}",
                                          f"the file uses {other!r}: set format.delimiter: {other!r}")
    cells = [c.strip() for c in head[best_index][1]] if head else []
    present = {normalise_header(c) for c in cells}
    missing = sorted(w for w in wanted if normalise_header(w) not in present)
    hints = []
    for name in missing:
        close = difflib.get_close_matches(name, cells, n=1)
        hints.append(f"{name!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
    where = f"closest header is row {head[best_index][0]}" if head else "the file is empty"
    return InputFileError(str(path), f"no header row holds the mapped columns; {where}; missing: "
                          + ", ".join(hints), "fix the column names in the mapping or set format.header_row")


def _open_xlsx(path: Path, fmt: FileFormat, wanted: set[str]) -> OpenedExport:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise InputFileError(str(path), f"cannot be opened as an Excel workbook ({type(exc).__name__})",
                             "check the file is .xlsx (not .xls or CSV renamed)") from None
    if fmt.sheet is not None and fmt.sheet not in book.sheetnames:
        raise InputFileError(str(path), f"no sheet named {fmt.sheet!r}", f"sheets: {', '.join(book.sheetnames)}")
    sheet = book[fmt.sheet] if fmt.sheet else book.worksheets[0]
    _fill_merged(sheet)
    rows = ((index, [_cell_text(v) for v in values])
            for index, values in enumerate(sheet.iter_rows(values_only=True), start=1))
    head = []
    for item in rows:
        head.append(item)
        if len(head) >= HEADER_SEARCH_ROWS:
            break
    header_at = _find_header(head, fmt, wanted, path, "")
    header_line, header = head[header_at]
    width = len(header)
    while width and not header[width - 1].strip():
        width -= 1
    remaining = ((n, r[:width] + [""] * (width - len(r))) for n, r in [*head[header_at + 1:], *rows])
    return OpenedExport(path, [h.strip() for h in header[:width]], header_line, "xlsx",
                        _xlsx_chunks(remaining, width))


def _xlsx_chunks(rows: Iterator[tuple[int, list[str]]], width: int) -> Iterator[RowChunk]:
    chunk = RowChunk([], [])
    for number, row in rows:
        _place(chunk, number, row, width)
        if len(chunk.rows) >= CHUNK_ROWS:
            yield chunk
            chunk = RowChunk([], [])
    yield chunk


def _fill_merged(sheet: object) -> None:
    """Give every cell of a merged range the range's value, as a reader of the sheet sees it."""
    for merged in list(sheet.merged_cells.ranges):  # type: ignore[attr-defined]
        value = sheet.cell(merged.min_row, merged.min_col).value  # type: ignore[attr-defined]
        sheet.unmerge_cells(str(merged))  # type: ignore[attr-defined]
        for row in range(merged.min_row, merged.max_row + 1):
            for col in range(merged.min_col, merged.max_col + 1):
                sheet.cell(row, col).value = value  # type: ignore[attr-defined]


def _cell_text(value: object) -> str:
    """Excel cell values as the text an export would hold (dates in ISO form, whole numbers without .0)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S") if (value.hour or value.minute) else value.strftime("%Y-%m-%d")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
