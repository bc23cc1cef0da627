"""The context referral's states and what may happen in each, and the sums its pages show.

A referral moves ``draft -> referred -> conference held -> plan agreed -> closed``; the stage is kept in the
document's data (``stage``) beside its status. Every function here is pure: views hand it the document's
data and save what it returns through :func:`contextsafe.web.casework.documents.save`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from contextsafe.web.contextplans.toolkit import ACTION_TRANSITIONS, BEYOND_REFERRALS

DRAFT, REFERRED, CONFERENCE, PLAN, CLOSED = "draft", "referred", "conference_held", "plan_agreed", "closed"
STAGES = [(DRAFT, "Draft referral"), (REFERRED, "Referred: conference to hold"),
          (CONFERENCE, "Conference held: plan to agree"), (PLAN, "Plan agreed: reviewing safety"),
          (CLOSED, "Closed")]
# What each step needs the referral to be at (the views refuse anything else with a 403).
STEP_NEEDS: dict[str, set[str]] = {
    "edit_referral": {DRAFT},
    "submit": {DRAFT},
    "conference": {REFERRED, CONFERENCE},
    "add_action": {CONFERENCE, PLAN},
    "agree_plan": {CONFERENCE},
    "action_status": {CONFERENCE, PLAN},
    "rating": {CONFERENCE, PLAN},
    "close": {REFERRED, CONFERENCE, PLAN},
}
LIGHT_SCORE = {"red": 0, "amber": 1, "green": 2}
POOL_MINIMUM = 3  # a pooled safety map needs at least this many maps (no smaller group is shown)


def stage_of(data: Mapping[str, Any]) -> str:
    return str(data.get("stage") or DRAFT)


def may(step: str, data: Mapping[str, Any]) -> bool:
    """May ``step`` happen to a referral whose data is ``data``?"""
    return stage_of(data) in STEP_NEEDS[step]


def weighted(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Context weighting, heaviest first (ties keep the order given): rank 1 is the context to change first.

    >>> [r["context"] for r in weighted([{"context": "a", "weight": 3}, {"context": "b", "weight": 8}])]
    ['b', 'a']
    """
    kept = [dict(r) for r in rows if str(r.get("context") or "").strip()]
    ordered = sorted(enumerate(kept), key=lambda pair: (-int(pair[1].get("weight") or 0), pair[0]))
    return [{**row, "rank": rank} for rank, (_, row) in enumerate(ordered, start=1)]


def next_action_id(actions: Iterable[Mapping[str, Any]]) -> int:
    return max((int(a.get("id", 0)) for a in actions), default=0) + 1


def may_move(current: str, new: str) -> bool:
    """May a plan action go from ``current`` to ``new`` status (staying put is always allowed)?"""
    return new == current or new in ACTION_TRANSITIONS.get(current, set())


def overdue(actions: Iterable[Mapping[str, Any]], today: dt.date) -> list[int]:
    """Ids of actions past their due date and not yet done or stopped."""
    return [int(a["id"]) for a in actions if a.get("status") in ("planned", "in_progress")
            and a.get("due") and dt.date.fromisoformat(a["due"]) < today]


def ratings_in_order(ratings: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return sorted((dict(r) for r in ratings), key=lambda r: (r["rated_on"], r.get("id", 0)))


def beyond_referrals_pattern(answers: Mapping[str, str]) -> list[dict[str, Any]]:
    """Per area of the school self-assessment: counts of red, amber and green statements and the area's overall
    light, from the mean of its statements (red 0, amber 1, green 2): under 0.75 red, under 1.5 amber, else green;
    an area with a statement not yet rated is at best amber.

    >>> [a["overall"] for a in beyond_referrals_pattern({"systems_1": "red", "systems_2": "red"})][:2]
    ['red', 'amber']
    """
    pattern = []
    for area, heading, statements in BEYOND_REFERRALS:
        lights = [answers.get(f"{area}_{i}", "") for i in range(1, len(statements) + 1)]
        counts = Counter(lights)
        rated = [LIGHT_SCORE[light] for light in lights if light in LIGHT_SCORE]
        mean = sum(rated) / len(rated) if rated else 1.0
        overall = "red" if mean < 0.75 else "amber" if mean < 1.5 or counts[""] else "green"
        pattern.append({"area": area, "heading": heading, "red": counts["red"], "amber": counts["amber"],
                        "green": counts["green"], "unrated": counts[""], "overall": overall, "lights": lights})
    return pattern


def pooled(maps: Iterable[Mapping[str, Any]], minimum: int = POOL_MINIMUM) -> dict[str, Any]:
    """Counts per place per colour over the young people's maps (``places``: code -> colour), without names.

    ``shown`` is False (and ``places`` empty) when fewer than ``minimum`` maps contribute.

    >>> pooled([{"places": {"W1": "red"}}] * 3)["places"]["W1"]["red"]
    3
    >>> pooled([{"places": {"W1": "red"}}] * 2)["shown"]
    False
    """
    maps = list(maps)
    if len(maps) < minimum:
        return {"maps": len(maps), "shown": False, "places": {}}
    places: dict[str, Counter] = {}
    for one in maps:
        for code, colour in (one.get("places") or {}).items():
            if colour in ("red", "amber", "green"):
                places.setdefault(code, Counter())[colour] += 1
    return {"maps": len(maps), "shown": True,
            "places": {code: {c: n[c] for c in ("red", "amber", "green")} for code, n in sorted(places.items())}}


def dominant(counts: Mapping[str, int]) -> str:
    """The colour most young people gave a place (red wins a tie, then amber): how the pooled map shades it."""
    best = max(("red", "amber", "green"), key=lambda c: (counts.get(c, 0), {"red": 2, "amber": 1, "green": 0}[c]))
    return best if counts.get(best, 0) else ""


def quarter_of(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarter_bounds(quarter: str) -> tuple[dt.date, dt.date]:
    """First and last day of ``YYYY-Qn``."""
    year, q = int(quarter[:4]), int(quarter[-1])
    start = dt.date(year, 3 * q - 2, 1)
    end = dt.date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1) - dt.timedelta(days=1)
    return start, end


def previous_quarter(quarter: str) -> str:
    start, _ = quarter_bounds(quarter)
    return quarter_of(start - dt.timedelta(days=1))
