"""Server-drawn SVG for context conferences, plans and safety maps (no script, no inline style, nothing
fetched), each carrying a ``data-chart`` attribute and an ``id`` the browser tests look for. All text is
escaped here; templates include the result with ``|safe``."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from contextsafe.web.contextplans.places import Place
from contextsafe.web.contextplans.toolkit import RAG_COLOURS

INK, FAINT, BLUE = "#0b0c0c", "#b1b4b6", "#1d70b8"


def _svg(ident: str, width: float, height: float, title: str, parts: list[str], fluid: bool = False) -> str:
    """An SVG document; a ``fluid`` one fills its column's width (keeping its shape) instead of a fixed size."""
    size = 'width="100%"' if fluid else f'width="{width:.0f}" height="{height:.0f}"'
    return (f'<svg xmlns="http://www.w3.org/2000/svg" id={quoteattr(ident)} data-chart={quoteattr(ident)} {size} '
            f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" font-family="sans-serif" font-size="13">'
            f"<title>{escape(title)}</title>" + "".join(parts) + "</svg>")


def _lines(text: str, width: int = 26) -> list[str]:
    """Words wrapped into lines of about ``width`` characters (SVG text does not wrap by itself)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + len(word) < width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def weighting_svg(rows: Sequence[Mapping[str, Any]], width: int = 720) -> str:
    """Context weighting as ranked bars: rank 1 (heaviest, the context to change first) at the top."""
    if not rows:
        return _svg("weighting-chart", width, 40, "Context weighting", ['<text x="8" y="25">No contexts weighted yet.'
                                                                         "</text>"])
    label_w, bar_w, row_h = 330, width - 370, 30
    parts = []
    for i, row in enumerate(rows):
        y = 10 + i * row_h
        weight = int(row.get("weight") or 0)
        colour = "#d4351c" if row["rank"] == 1 else BLUE
        parts.append(f'<text x="8" y="{y + 17}" font-weight="bold">{row["rank"]}.</text>'
                     f'<text x="30" y="{y + 17}" font-size="12">{escape(_short(str(row["context"]), 46))}</text>'
                     f'<rect class="weight-bar" data-rank="{row["rank"]}" x="{label_w}" y="{y + 3}" '
                     f'width="{bar_w * weight / 10:.1f}" height="{row_h - 10}" fill="{colour}">'
                     f'<title>{escape(str(row["context"]))}: weight {weight} of 10</title></rect>'
                     f'<text x="{label_w + bar_w * weight / 10 + 6:.1f}" y="{y + 17}">{weight}</text>')
    parts.append(f'<line x1="{label_w}" y1="6" x2="{label_w}" y2="{10 + len(rows) * row_h}" stroke="{INK}"/>')
    return _svg("weighting-chart", width, 20 + len(rows) * row_h, "Context weighting: which context must change "
                "first (rank 1), weights out of 10", parts)


def trend_svg(ratings: Sequence[Mapping[str, Any]], width: int = 640, height: int = 220) -> str:
    """The context's safety ratings (0-10) over time, one point per rating, joined in date order."""
    if not ratings:
        return _svg("safety-trend", width, 40, "Safety of the context over time",
                    ['<text x="8" y="25">No safety rating recorded yet.</text>'])
    days = [dt.date.fromisoformat(r["rated_on"]) for r in ratings]
    first, span = min(days), max((max(days) - min(days)).days, 1)
    left, top, plot_w, plot_h = 40, 14, width - 70, height - 50
    parts = [f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="{INK}"/>',
             f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="{INK}"/>']
    for value in (0, 5, 10):
        y = top + plot_h - value / 10 * plot_h
        parts.append(f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{value}</text>'
                     f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="{FAINT}" '
                     'stroke-dasharray="3 3"/>')
    points = []
    for day, rating in zip(days, ratings, strict=True):
        x = left + ((day - first).days / span * plot_w if len(ratings) > 1 else plot_w / 2)
        y = top + plot_h - int(rating["rating"]) / 10 * plot_h
        points.append((x, y))
        parts.append(f'<circle class="rating" cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{BLUE}"><title>'
                     f'{escape(rating["rated_on"])}: {int(rating["rating"])} of 10</title></circle>'
                     f'<text x="{x:.1f}" y="{top + plot_h + 16}" text-anchor="middle" font-size="10">'
                     f'{escape(day.strftime("%d %b %y"))}</text>')
    if len(points) > 1:
        parts.insert(0, f'<polyline fill="none" stroke="{BLUE}" stroke-width="2" points="'
                     + " ".join(f"{x:.1f},{y:.1f}" for x, y in points) + '"/>')
    return _svg("safety-trend", width, height, "Safety of the context over time (0 not safe, 10 safe)", parts)


def triangle_svg(sides: Sequence[tuple[str, str]], width: int = 640) -> str:
    """The assessment triangle: three sides (heading, red/amber/green) drawn in their colour, labelled outside."""
    cx, r, top = width / 2, 105, 30
    corners = [(cx + r * math.cos(math.radians(a)), top + r + r * math.sin(math.radians(a))) for a in (-90, 30, 150)]
    # Where each side's label goes: right of the right side, under the base, left of the left side.
    places = [(corners[0][0] + 70, top + r * 0.75, "start"), (cx, corners[1][1] + 24, "middle"),
              (corners[0][0] - 70, top + r * 0.75, "end")]
    parts = []
    for i, (heading, rating) in enumerate(sides):
        (x1, y1), (x2, y2) = corners[i], corners[(i + 1) % 3]
        colour = RAG_COLOURS.get(rating, FAINT)
        parts.append(f'<line class="side" data-rating={quoteattr(rating or "none")} x1="{x1:.1f}" y1="{y1:.1f}" '
                     f'x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" stroke-width="9" stroke-linecap="round">'
                     f"<title>{escape(heading)}: {escape(rating or 'not rated')}</title></line>")
        x, y, anchor = places[i]
        lines = [*_lines(heading), f"({rating or 'not rated'})"]
        spans = "".join(f'<tspan x="{x:.1f}" dy="{0 if n == 0 else 15}">{escape(line)}</tspan>'
                        for n, line in enumerate(lines))
        parts.append(f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="12">{spans}</text>')
    return _svg("assessment-triangle", width, top + 1.5 * r + 90, "Assessment triangle", parts)


def _short(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def pattern_svg(pattern: Sequence[Mapping[str, Any]], width: int = 560) -> str:
    """Beyond Referrals: one row per area, one square per statement in its traffic light, then the area's overall."""
    row_h, cell = 34, 26
    parts = []
    for i, area in enumerate(pattern):
        y = 10 + i * row_h
        parts.append(f'<text x="8" y="{y + 18}">{escape(area["heading"].split(":")[0])}</text>')
        for j, light in enumerate(area["lights"]):
            parts.append(f'<rect class="light" data-light={quoteattr(light or "none")} x="{150 + j * (cell + 4)}" '
                         f'y="{y}" width="{cell}" height="{cell}" fill="{RAG_COLOURS.get(light, "#f3f2f1")}" '
                         f'stroke="{INK}" stroke-width="0.5"><title>Statement {j + 1}: {escape(light or "not rated")}'
                         "</title></rect>")
        x = 150 + len(area["lights"]) * (cell + 4) + 30
        parts.append(f'<circle class="overall" data-light="{area["overall"]}" cx="{x}" cy="{y + cell / 2}" r="12" '
                     f'fill="{RAG_COLOURS[area["overall"]]}"><title>Overall: {area["overall"]}</title></circle>'
                     f'<text x="{x + 20}" y="{y + 18}">overall {area["overall"]}</text>')
    return _svg("beyond-referrals-pattern", width, 20 + len(pattern) * row_h,
                "Beyond Referrals: traffic lights per area", parts)


class _Projection:
    """Latitude/longitude to pixels, north up, scaled by cos(latitude)."""

    def __init__(self, points: Sequence[tuple[float, float]], width: float, margin: float = 10):
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        self.lat0, self.lon0, self.margin = max(lats), min(lons), margin
        self.k = math.cos(math.radians(sum(lats) / len(lats)))
        self.scale = (width - 2 * margin) / ((max(lons) - self.lon0) * self.k or 1e-6)
        self.height = (self.lat0 - min(lats)) * self.scale + 2 * margin

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return self.margin + (lon - self.lon0) * self.k * self.scale, self.margin + (self.lat0 - lat) * self.scale

    def path(self, ring: Sequence[tuple[float, float]]) -> str:
        return "M" + " L".join("{:.1f},{:.1f}".format(*self.xy(lat, lon)) for lat, lon in ring) + " Z"


def safety_map_svg(places: Sequence[Place], colours: Mapping[str, str], title: str, ident: str = "safety-map",
                   labels: Mapping[str, str] | None = None, width: int = 640) -> str:
    """The borough's wards filled red, amber or green (white when not marked), named places as circles."""
    every = [p for place in places for ring in place.rings for p in ring] + [p.point for p in places if p.point]
    if not every:
        return _svg(ident, 420, 40, title, ['<text x="8" y="25">No boundaries to draw: use the list.</text>'])
    proj = _Projection(every, width)
    parts = []
    for place in places:
        colour = colours.get(place.code, "")
        fill = RAG_COLOURS[colour] if colour else "#ffffff"
        note = (labels or {}).get(place.code) or colour or "not marked"
        tip = f"<title>{escape(place.name)}: {escape(note)}</title>"
        attrs = f'class="place" data-place={quoteattr(place.code)} data-colour={quoteattr(colour or "none")}'
        for ring in place.rings:
            parts.append(f'<path {attrs} d="{proj.path(ring)}" fill="{fill}" fill-opacity="0.8" stroke="{INK}" '
                         f'stroke-width="0.8">{tip}</path>')
        if place.point:
            x, y = proj.xy(*place.point)
            parts.append(f'<circle {attrs} cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{fill}" stroke="{INK}">{tip}</circle>')
    return _svg(ident, width, proj.height, title, parts, fluid=True)


def sparkline_svg(values: Sequence[float], ident: str, width: int = 160, height: int = 40) -> str:
    """A measure of change over time (baseline first when known): a small line, the last value marked."""
    if len(values) < 2:
        return ""
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    xy = [(6 + i * (width - 12) / (len(values) - 1), height - 6 - (v - low) / span * (height - 12))
          for i, v in enumerate(values)]
    parts = [f'<polyline fill="none" stroke="{BLUE}" stroke-width="2" points="'
             + " ".join(f"{x:.1f},{y:.1f}" for x, y in xy) + '"/>',
             f'<circle cx="{xy[-1][0]:.1f}" cy="{xy[-1][1]:.1f}" r="3" fill="{BLUE}"/>']
    return _svg(ident, width, height, "Measure over time: " + ", ".join(f"{v:g}" for v in values), parts)
