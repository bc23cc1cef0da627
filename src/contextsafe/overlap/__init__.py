"""Overlap across silos and panels: how many *distinct* young people are on each combination of lists.

The partnership's question — are there 30 young people at risk of CSE and a different 30 affected by
gangs (60), or are 15 on both lists (45)? — answered from linked persons, per combination of concerns
(CSE, gangs, HSB, …) and of panel lists (MASE, MARAC, gangs panel, HSB meetings, Fair Access Panel).
A run states its purpose; sources that do not permit it are left out and named.

Typical use::

    overlap = compute_overlap(Workspace.open("ws"), by="concern", grouping=GANGS_SYV_GROUPING)
    overlap.combinations  # UpSet intersections: one 0/1 column per list, persons, combination
    overlap.totals()      # inclusive count per list; overlap.union: distinct young people
    summarise(overlap)    # the answer in plain words
"""

from contextsafe.overlap.membership import COUNTED_ROLES, PANEL_EVENT_TYPES, ExcludedSource
from contextsafe.overlap.output import write_overlap
from contextsafe.overlap.summary import display_name, summarise
from contextsafe.overlap.table import GANGS_SYV, GANGS_SYV_GROUPING, By, Overlap, compute_overlap, overlap_table
from contextsafe.overlap.upset import upset_svg

__all__ = [
    "COUNTED_ROLES",
    "GANGS_SYV",
    "GANGS_SYV_GROUPING",
    "PANEL_EVENT_TYPES",
    "By",
    "ExcludedSource",
    "Overlap",
    "compute_overlap",
    "display_name",
    "overlap_table",
    "summarise",
    "upset_svg",
    "write_overlap",
]
