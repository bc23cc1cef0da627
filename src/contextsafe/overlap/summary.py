"""The overlap in plain words, for a panel chair rather than an analyst."""

from __future__ import annotations

from contextsafe.overlap.table import GANGS_SYV, Overlap
from contextsafe.vocab import Concern

# Short names a practitioner uses for each list ("the CSE list", "the gangs list").
SHORT_NAMES: dict[str, str] = {
    Concern.CSE: "CSE",
    Concern.CCE: "CCE",
    Concern.SERIOUS_YOUTH_VIOLENCE: "serious youth violence",
    Concern.GANG_ASSOCIATION: "gangs",
    Concern.HSB: "HSB",
    Concern.RELATIONSHIP_ABUSE: "relationship abuse",
    Concern.SEXUAL_BULLYING: "sexual bullying",
    Concern.MISSING_FROM_HOME: "missing from home or care",
    Concern.MISSING_FROM_EDUCATION: "missing from education",
    Concern.EXCLUSION: "exclusion",
    Concern.ONLINE_EXPLOITATION: "online exploitation",
    Concern.DOMESTIC_ABUSE_AT_HOME: "domestic abuse at home",
    GANGS_SYV: "gangs/SYV",
}


def display_name(label: str) -> str:
    """The short name of a concern, silo or panel (panels are shown as named)."""
    return SHORT_NAMES.get(label, label)


def summarise(overlap: Overlap, *, pairs: int = 3) -> str:
    """The headline answer in plain words, then the largest pairwise overlaps and any excluded source.

    With 30 young people on the CSE list, 30 on the gangs list and 15 on both: "The CSE and gangs lists
    hold 60 young people between them (30 CSE, 30 gangs), but only 45 distinct young people: 15 appear
    on both."
    """
    parts = [_headline(overlap)]
    if len(overlap.labels) > 2 and pairs:
        parts.append(_largest_pairs(overlap, pairs))
    if overlap.excluded:
        listed = ", ".join(e.source for e in overlap.excluded)
        parts.append(f"Not counted, because they do not permit {overlap.purpose}: {listed}.")
    return " ".join(p for p in parts if p)


def _headline(overlap: Overlap) -> str:
    kind = "concern" if overlap.by == "concern" else "panel"
    if not overlap.labels:
        return f"No young people are on any {kind} list from a source that permits {overlap.purpose}."
    totals = [(display_name(label), overlap.total(label)) for label in overlap.labels]
    if len(totals) == 1:
        name, n = totals[0]
        return f"{_people(n)} {'is' if n == 1 else 'are'} on the {name} list."
    entries = sum(n for _, n in totals)
    names = _and([name for name, _ in totals])
    each = ", ".join(f"{n} {name}" for name, n in totals)
    start = f"The {names} lists hold {_people(entries)} between them ({each}), "
    several = overlap.on_several
    if several == 0:
        return start + "all different: nobody appears on more than one."
    where = "both" if len(totals) == 2 else "more than one list"
    verb = "appears" if several == 1 else "appear"
    return start + f"but only {_people(overlap.union, 'distinct ')}: {several} {verb} on {where}."


def _largest_pairs(overlap: Overlap, limit: int) -> str:
    rows = overlap.pairs().head(limit).iter_rows()
    shown = [f"{both} on both {display_name(a)} and {display_name(b)}" for a, b, both in rows]
    return f"Largest overlaps: {'; '.join(shown)}." if shown else ""


def _people(n: int, adjective: str = "") -> str:
    return f"{n} {adjective}young {'person' if n == 1 else 'people'}"


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
