"""Charts of the report as inline SVG strings: maps, the peer-group network, monthly trends.

Nothing is fetched: boundaries come from the workspace's reference tables, hexagons from H3, text uses
the viewer's generic sans-serif font. Every chart carries a ``data-chart`` attribute the browser test
looks for.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

_INK, _FAINT, _HOT, _COLD = "#0b0c0c", "#b1b4b6", "#d4351c", "#1d70b8"
_PALETTE = ("#1d70b8", "#d4351c", "#00703c", "#f47738", "#4c2c92", "#b58840", "#28a197", "#d53880")


@dataclass(frozen=True)
class Hexagon:
    """One map cell: its boundary (lat, lon pairs), class (hot/cold/''), Gi* z and tooltip."""

    boundary: Sequence[tuple[float, float]]
    hotspot: str
    z: float
    label: str


class _Projection:
    """Longitude/latitude to SVG pixels, equirectangular scaled by cos(latitude), north up."""

    def __init__(self, points: Sequence[tuple[float, float]], width: float, margin: float = 10):
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        self.lat0, self.lon0 = max(lats), min(lons)
        self.k = math.cos(math.radians(sum(lats) / len(lats)))
        span_x = (max(lons) - self.lon0) * self.k or 1e-6
        self.scale = (width - 2 * margin) / span_x
        self.margin = margin
        self.height = (self.lat0 - min(lats)) * self.scale + 2 * margin

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return (self.margin + (lon - self.lon0) * self.k * self.scale, self.margin + (self.lat0 - lat) * self.scale)

    def path(self, ring: Sequence[tuple[float, float]]) -> str:
        pts = [self.xy(lat, lon) for lat, lon in ring]
        return "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + " Z"


def map_svg(areas: Sequence[tuple[str, str, Sequence[Sequence[tuple[float, float]]]]], hexagons: Sequence[Hexagon],
            title: str, width: int = 760, points: Sequence[tuple[str, float, float]] = ()) -> str:
    """Ward and LSOA outlines (``(level, name, rings)``) under hexagons coloured by Gi* class and z."""
    every = [p for _, _, rings in areas for ring in rings for p in ring] + [p for h in hexagons for p in h.boundary]
    if not every:
        return _empty(title, "No boundaries or places to draw.", "map")
    proj = _Projection(every, width)
    parts = []
    for level, name, rings in sorted(areas, key=lambda a: a[0] != "lsoa"):
        stroke, sw = (_FAINT, 0.4) if level == "lsoa" else (_INK, 1.2)
        for ring in rings:
            parts.append(f'<path d="{proj.path(ring)}" fill="none" stroke="{stroke}" stroke-width="{sw}">'
                         f"<title>{escape(level)}: {escape(name)}</title></path>")
    for h in hexagons:
        parts.append(f'<path class="hex" d="{proj.path(h.boundary)}" fill="{_hex_colour(h)}" '
                     f'fill-opacity="{_hex_opacity(h):.2f}" stroke="#ffffff" stroke-width="0.3">'
                     f"<title>{escape(h.label)}</title></path>")
    for name, lat, lon in points:
        x, y = proj.xy(lat, lon)
        parts.append(f'<rect x="{x - 3:.1f}" y="{y - 3:.1f}" width="6" height="6" fill="{_INK}">'
                     f"<title>{escape(name)}</title></rect>")
    legend = _legend(proj.height + 4)
    return _document(width, proj.height + 30, title, "map", parts + legend)


def _hex_colour(h: Hexagon) -> str:
    return _HOT if h.z >= 0 else _COLD


def _hex_opacity(h: Hexagon) -> float:
    if h.hotspot in ("hot", "cold"):
        return min(0.95, 0.45 + abs(h.z) / 10)
    return min(0.3, abs(h.z) / 8)


def _legend(y: float) -> list[str]:
    return [f'<rect x="10" y="{y:.0f}" width="12" height="12" fill="{_HOT}"/>',
            f'<text x="26" y="{y + 10:.0f}" font-size="11">hot spot (Gi*, significant)</text>',
            f'<rect x="190" y="{y:.0f}" width="12" height="12" fill="{_COLD}"/>',
            f'<text x="206" y="{y + 10:.0f}" font-size="11">cold spot (Gi*, significant)</text>',
            f'<text x="370" y="{y + 10:.0f}" font-size="11">lines: wards (dark), LSOAs (light)</text>']


def network_svg(groups: Sequence[tuple[str, Sequence[tuple[str, str]]]], edges: Sequence[tuple[str, str, int]],
                title: str, width: int = 760) -> str:
    """Each peer group as a ring of its members (leaders drawn larger), edges weighted by events together."""
    if not groups:
        return _empty(title, "No peer group to draw.", "network")
    cell, per_row = 180, max(1, width // 180)
    positions: dict[str, tuple[float, float]] = {}
    parts: list[str] = []
    for i, (code, members) in enumerate(groups):
        cx, cy = (i % per_row) * cell + cell / 2, (i // per_row) * cell + cell / 2 + 10
        r = min(cell / 2 - 22, 12 + 4 * len(members))
        parts.append(f'<text x="{cx:.0f}" y="{cy - r - 10:.0f}" text-anchor="middle" font-weight="bold">'
                     f"{escape(code)} ({len(members)})</text>")
        for j, (node, _role) in enumerate(members):
            angle = 2 * math.pi * j / max(1, len(members))
            positions[node] = (cx + r * math.cos(angle), cy + r * math.sin(angle))
    for a, b, w in edges:
        if a in positions and b in positions:
            (x1, y1), (x2, y2) = positions[a], positions[b]
            parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{_FAINT}" '
                         f'stroke-width="{min(4, 0.6 + w / 2):.1f}"/>')
    for i, (_, members) in enumerate(groups):
        colour = _PALETTE[i % len(_PALETTE)]
        for node, role in members:
            x, y = positions[node]
            size = 7 if role == "leader" else 4.5
            parts.append(f'<circle class="node" cx="{x:.1f}" cy="{y:.1f}" r="{size}" fill="{colour}" '
                         f'stroke="{_INK if role == "leader" else "#ffffff"}"><title>{escape(node)} ({escape(role)})'
                         "</title></circle>")
    rows = math.ceil(len(groups) / per_row)
    return _document(width, rows * cell + 20, title, "network", parts)


def trend_svg(months: Sequence[str], series: dict[str, Sequence[int | None]], title: str, width: int = 760) -> str:
    """Small multiples: one line per series over the months; a hidden (suppressed) month is a gap."""
    if not series or not months:
        return _empty(title, "No dated events.", "trend")
    cols, panel_w, panel_h = 3, width / 3, 90
    parts = []
    for i, (name, values) in enumerate(series.items()):
        ox, oy = (i % cols) * panel_w, (i // cols) * (panel_h + 34) + 10
        highest = max((v for v in values if v is not None), default=0)
        top = highest or 1
        parts.append(f'<text x="{ox + 6:.0f}" y="{oy + 12:.0f}" font-size="11" font-weight="bold">'
                     f"{escape(name)}</text>")
        parts.append(f'<line x1="{ox + 6:.0f}" y1="{oy + panel_h + 10:.0f}" x2="{ox + panel_w - 14:.0f}" '
                     f'y2="{oy + panel_h + 10:.0f}" stroke="{_FAINT}"/>')
        step = (panel_w - 24) / max(1, len(months) - 1)
        segments, current = [], []
        for j, v in enumerate(values):
            if v is None:
                segments, current = segments + [current], []
                continue
            current.append((ox + 8 + j * step, oy + panel_h + 10 - v / top * (panel_h - 14)))
        segments.append(current)
        for seg in segments:
            if len(seg) > 1:
                parts.append('<polyline class="series" fill="none" stroke="#1d70b8" stroke-width="1.8" points="'
                             + " ".join(f"{x:.1f},{y:.1f}" for x, y in seg) + '"/>')
            elif seg:
                parts.append(f'<circle cx="{seg[0][0]:.1f}" cy="{seg[0][1]:.1f}" r="2" fill="#1d70b8"/>')
        parts.append(f'<text x="{ox + panel_w - 14:.0f}" y="{oy + 12:.0f}" font-size="10" text-anchor="end">'
                     f"max {highest}</text>")
        parts.append(f'<text x="{ox + 6:.0f}" y="{oy + panel_h + 24:.0f}" font-size="9">{escape(months[0])}</text>'
                     f'<text x="{ox + panel_w - 14:.0f}" y="{oy + panel_h + 24:.0f}" font-size="9" '
                     f'text-anchor="end">{escape(months[-1])}</text>')
    rows = math.ceil(len(series) / cols)
    return _document(width, rows * (panel_h + 34) + 20, title, "trend", parts)


def _empty(title: str, message: str, kind: str) -> str:
    return _document(420, 60, title, kind, [f'<text x="10" y="35">{escape(message)}</text>'])


def _document(width: float, height: float, title: str, kind: str, parts: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" data-chart={quoteattr(kind)} width="{width:.0f}" '
            f'height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" role="img" font-family="sans-serif" '
            f'font-size="12"><title>{escape(title)}</title>' + "".join(parts) + "</svg>")
