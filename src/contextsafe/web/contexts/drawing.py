"""Server-drawn SVG for a context: its network (members joined by shared events) and a map of its events.

No script, no tiles, no third party: coordinates of harm never leave the server, and the strict
Content-Security-Policy holds (SVG presentation attributes, no inline style)."""

from __future__ import annotations

import math
from dataclasses import dataclass

SIZE = 360
MAX_NODES = 60


@dataclass(frozen=True)
class Node:
    person_id: str
    x: float
    y: float


@dataclass(frozen=True)
class Edge:
    a: Node
    b: Node
    weight: int


def network(edges: list[dict]) -> dict:
    """Members on a circle (sorted, so the drawing is the same every time), joined by their shared events."""
    people = sorted({e["a"] for e in edges} | {e["b"] for e in edges})[:MAX_NODES]
    radius = SIZE / 2 - 30
    nodes = {p: Node(p, round(SIZE / 2 + radius * math.cos(2 * math.pi * i / max(len(people), 1)), 1),
                     round(SIZE / 2 + radius * math.sin(2 * math.pi * i / max(len(people), 1)), 1))
             for i, p in enumerate(people)}
    lines = [Edge(nodes[e["a"]], nodes[e["b"]], e["events"]) for e in sorted(edges, key=lambda e: (e["a"], e["b"]))
             if e["a"] in nodes and e["b"] in nodes]
    return {"size": SIZE, "nodes": list(nodes.values()), "edges": lines, "cut": len(people) == MAX_NODES}


def event_map(events: list[dict]) -> dict:
    """Events with coordinates, scaled into the drawing (north up); no basemap."""
    points = [(e["latitude"], e["longitude"]) for e in events
              if e.get("latitude") is not None and e.get("longitude") is not None]
    if not points:
        return {"size": SIZE, "points": []}
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    span = max(max(lats) - min(lats), max(lons) - min(lons), 1e-4)
    pad = 20
    scale = (SIZE - 2 * pad) / span
    drawn = [{"x": round(pad + (lon - min(lons)) * scale, 1), "y": round(SIZE - pad - (lat - min(lats)) * scale, 1)}
             for lat, lon in points]
    return {"size": SIZE, "points": drawn}
