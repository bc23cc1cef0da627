"""A self-contained UpSet chart as SVG, drawn by hand: no scripts, fonts, images or links.

Columns are exact combinations (bar: young people in exactly that combination); rows are lists
(bar on the left: everyone on that list, whatever else they are on). Reports must not fetch anything
from a third party, so the chart uses only basic shapes and the viewer's generic sans-serif font.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from contextsafe.overlap.summary import display_name, summarise
from contextsafe.overlap.table import PERSONS, Overlap

MAX_COLUMNS = 40
_CELL = 24  # width of a combination column and height of a list row
_TOP = 150  # height of the tallest combination bar
_SET_BAR = 130  # width of the longest list bar
_CHAR = 7  # approximate width of one character at font-size 12
_MARGIN = 20
_INK, _FAINT, _SHADE = "#0b0c0c", "#d8d8d8", "#f3f2f1"


def upset_svg(overlap: Overlap, *, title: str | None = None, max_columns: int = MAX_COLUMNS) -> str:
    """The chart as an SVG document (a string), at most ``max_columns`` combinations, largest first."""
    heading = title or f"Distinct young people by combination of {overlap.by}s (purpose: {overlap.purpose})"
    if not overlap.labels:
        empty = [_text(_MARGIN, 70, "No young people to show.")]
        return _document(2 * _MARGIN + len(heading) * _CHAR * 1.2, 90, heading, summarise(overlap), empty)
    layout = _Layout(overlap, max_columns)
    body = _row_shading(layout) + _set_bars(layout) + _combination_bars(layout) + _matrix(layout)
    body += _notes(layout)
    width = max(layout.width, 2 * _MARGIN + len(heading) * _CHAR * 1.2, layout.matrix_x + 60 * _CHAR)
    return _document(width, layout.height, heading, summarise(overlap), body)


class _Layout:
    """Positions shared by every part of the chart."""

    def __init__(self, overlap: Overlap, max_columns: int):
        self.overlap = overlap
        self.labels = overlap.labels
        self.rows = list(overlap.combinations.head(max_columns).iter_rows(named=True))
        self.hidden = overlap.combinations.height - len(self.rows)
        names = [display_name(label) for label in self.labels]
        self.names = names
        self.label_width = max(len(n) for n in names) * _CHAR + 16
        self.matrix_x = _MARGIN + 40 + _SET_BAR + self.label_width
        self.top_y = _MARGIN + 40
        self.matrix_y = self.top_y + _TOP + 10
        self.width = max(self.matrix_x + len(self.rows) * _CELL + _MARGIN, 520)
        self.height = self.matrix_y + len(self.labels) * _CELL + 60

    def column_x(self, i: int) -> float:
        return self.matrix_x + i * _CELL + _CELL / 2

    def row_y(self, j: int) -> float:
        return self.matrix_y + j * _CELL + _CELL / 2


def _row_shading(layout: _Layout) -> list[str]:
    width = layout.matrix_x - (_MARGIN + 40 + _SET_BAR) + len(layout.rows) * _CELL
    return [
        _rect(_MARGIN + 40 + _SET_BAR, layout.matrix_y + j * _CELL, width, _CELL, _SHADE)
        for j in range(0, len(layout.labels), 2)
    ]


def _set_bars(layout: _Layout) -> list[str]:
    totals = [layout.overlap.total(label) for label in layout.labels]
    biggest = max(totals) or 1
    right = _MARGIN + 40 + _SET_BAR
    parts = [_text(right, layout.height - 36, "on this list (inclusive)", anchor="end", size=11)]
    for j, (name, total) in enumerate(zip(layout.names, totals, strict=True)):
        y = layout.row_y(j)
        width = total / biggest * _SET_BAR
        parts.append(_rect(right - width, y - 7, width, 14, _INK))
        parts.append(_text(right - width - 4, y + 4, str(total), anchor="end", size=11))
        parts.append(_text(right + 8, y + 4, name))
    return parts


def _combination_bars(layout: _Layout) -> list[str]:
    biggest = max(row[PERSONS] for row in layout.rows) or 1
    bottom = layout.top_y + _TOP
    parts = [_text(layout.matrix_x, layout.top_y - 14, "young people in exactly this combination", size=11)]
    for i, row in enumerate(layout.rows):
        height = row[PERSONS] / biggest * (_TOP - 16)
        x = layout.column_x(i)
        parts.append(_rect(x - 8, bottom - height, 16, height, _INK, tip=f"{row['combination']}: {row[PERSONS]}"))
        parts.append(_text(x, bottom - height - 4, str(row[PERSONS]), anchor="middle", size=11))
    return parts


def _matrix(layout: _Layout) -> list[str]:
    parts: list[str] = []
    for i, row in enumerate(layout.rows):
        x = layout.column_x(i)
        members = [j for j, label in enumerate(layout.labels) if row[label]]
        if len(members) > 1:
            parts.append(f'<line x1="{x}" y1="{layout.row_y(members[0])}" x2="{x}" '
                         f'y2="{layout.row_y(members[-1])}" stroke="{_INK}" stroke-width="3"/>')
        for j in range(len(layout.labels)):
            colour = _INK if j in members else _FAINT
            parts.append(f'<circle cx="{x}" cy="{layout.row_y(j)}" r="6" fill="{colour}"/>')
    return parts


def _notes(layout: _Layout) -> list[str]:
    note = f"{layout.overlap.union} distinct young people on at least one list."
    if layout.hidden:
        note += f" {layout.hidden} smaller combination(s) not drawn: see the CSV."
    return [_text(layout.matrix_x, layout.height - 16, note, size=11)]


def _document(width: float, height: float, title: str, description: str, body: list[str]) -> str:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" font-family="sans-serif" font-size="12">'
    )
    lines = [head, f"<title>{escape(title)}</title>", f"<desc>{escape(description)}</desc>",
             _rect(0, 0, width, height, "#ffffff"), _text(_MARGIN, _MARGIN + 8, title, size=14, bold=True),
             *body, "</svg>"]
    return "\n".join(lines) + "\n"


def _rect(x: float, y: float, width: float, height: float, fill: str, tip: str = "") -> str:
    shape = f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" fill="{fill}"'
    return shape + (f"><title>{escape(tip)}</title></rect>" if tip else "/>")


def _text(x: float, y: float, text: str, *, anchor: str = "start", size: int = 12, bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor={quoteattr(anchor)} font-size="{size}"{weight} '
            f'fill="{_INK}">{escape(text)}</text>')
