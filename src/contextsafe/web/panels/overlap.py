"""Step 2 of the coordinating approach: where the same young people, families (homes), peer groups, schools and
places are discussed at more than one multi-agency meeting, with the dates they were discussed.

Only meetings whose information sharing terms permit the stated purpose, and whose source in the store
permits it too, are read. Young people are listed by the store's pseudonymous person code; their name and a link
are added only where the access module says the user may open them for this purpose. Past the first rows listed,
they are counted. Homes are shown by a code made from the address, never the address.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

from contextsafe.web import store
from contextsafe.web.access import Action, Kind, Target, decide
from contextsafe.web.panels.models import Meeting

KINDS = [("person", "Young people"), ("home", "Families (homes)"), ("peer_group", "Peer groups"),
         ("school", "Schools"), ("place", "Places")]
UNLINKED = "unlinked:"
SHOWN = 200  # rows listed per kind (the counts cover every row)
DATES_SHOWN = 8

_ROWS = f"""
SELECT r.source, coalesce(pr.person_id, '{UNLINKED}' || r.source || '/' || r.record_id) AS person,
       coalesce(CAST(e.occurred_on AS DATE), r.recorded_on) AS on_date,
       a.context_kind, coalesce(a.context_id, a.context_kind || ':' || a.context_ref) AS context,
       coalesce(c.name, a.context_ref) AS context_name
FROM records r
LEFT JOIN person_records pr ON pr.source = r.source AND pr.record_id = r.record_id
LEFT JOIN participants pa ON pa.source = r.source AND pa.record_id = r.record_id
LEFT JOIN events e ON e.source = pa.source AND e.event_id = pa.event_id
LEFT JOIN associations a ON a.source = r.source AND a.record_id = r.record_id
LEFT JOIN contexts c ON c.context_id = a.context_id
WHERE list_contains(?::VARCHAR[], r.source)
"""


@dataclass
class Excluded:
    meeting: Meeting
    reason: str
    for_purpose: bool = True  # excluded because of the purpose (not because its list is not in the store)


@dataclass
class Discussed:
    meeting: Meeting
    dates: set = field(default_factory=set)
    people: set = field(default_factory=set)

    def sorted_dates(self) -> list[dt.date]:
        return sorted(self.dates)

    def first_dates(self) -> list[dt.date]:
        return self.sorted_dates()[:DATES_SHOWN]

    def more_dates(self) -> int:
        return max(0, len(self.dates) - DATES_SHOWN)


@dataclass
class Shared:
    kind: str
    key: str
    label: str
    at: list[Discussed]
    may_open: bool = False
    name: str = ""  # only for a young person the user may open

    @property
    def people(self) -> int:
        return len(set().union(*(d.people for d in self.at)))


@dataclass
class Overlap:
    purpose: str
    meetings: list[Meeting]
    excluded: list[Excluded]
    listed: dict[int, int]  # meeting pk -> young people on its list
    shared: dict[str, list[Shared]]  # kind -> entities discussed at two meetings or more
    coded: int = 0  # young people listed by pseudonymous code only: the user may not open them
    pairs: list[dict] = field(default_factory=list)  # counts between two meetings (every young person counted)

    def groups(self) -> list[dict]:
        return [{"kind": k, "title": t, "count": len(self.shared.get(k, [])), "rows": self.shared.get(k, [])[:SHOWN]}
                for k, t in KINDS]


def usable(meetings: Iterable[Meeting], purpose: str) -> tuple[list[Meeting], list[Excluded]]:
    """Meetings whose terms and whose source both permit ``purpose``; the others with the reason."""
    sources = store.sources()
    ok, excluded = [], []
    for m in meetings:
        source = sources.get(m.source)
        if not m.source:
            excluded.append(Excluded(m, "its list is not held in the store", for_purpose=False))
        elif purpose not in m.purposes:
            excluded.append(Excluded(m, f"its sharing terms permit {m.purposes_display()}, not {purpose}"))
        elif source is None:
            excluded.append(Excluded(m, f"its source {m.source} is not in the store", for_purpose=False))
        elif purpose not in source.purposes:
            excluded.append(Excluded(m, f"its source {m.source} permits {', '.join(source.purposes)}, not {purpose}"))
        else:
            ok.append(m)
    return ok, excluded


def home_code(key: str) -> str:
    return "H-" + hashlib.sha256(key.encode()).hexdigest()[:8].upper()


def compute(meetings: Iterable[Meeting], purpose: str, user) -> Overlap:  # noqa: ANN001
    """The overlap between the lists of the meetings the user may read for ``purpose``."""
    meetings = list(meetings)
    ok, excluded = usable(meetings, purpose)
    by_source: dict[str, list[Meeting]] = {}
    for m in ok:
        by_source.setdefault(m.source, []).append(m)
    seen: dict[tuple[str, str], dict[int, Discussed]] = {}
    labels: dict[tuple[str, str], str] = {}
    listed: dict[int, set] = {m.pk: set() for m in ok}
    for row in store.query(_ROWS, [sorted(by_source)]) if by_source else []:
        entities = [("person", row["person"], row["person"])]
        if row["context_kind"] in dict(KINDS) and row["context"]:
            entities.append((row["context_kind"], row["context"], row["context_name"] or row["context"]))
        for m in by_source[row["source"]]:
            listed[m.pk].add(row["person"])
            for kind, key, label in entities:
                at = seen.setdefault((kind, key), {}).setdefault(m.pk, Discussed(m))
                labels[(kind, key)] = label
                at.people.add(row["person"])
                if row["on_date"]:
                    at.dates.add(row["on_date"])
    shared: dict[str, list[Shared]] = {}
    for (kind, key), at in seen.items():
        if len(at) >= 2:
            label = home_code(key) if kind == "home" else labels[(kind, key)]
            meetings_at = sorted(at.values(), key=lambda d: d.meeting.name)
            shared.setdefault(kind, []).append(Shared(kind, key, label, meetings_at))
    for rows in shared.values():
        rows.sort(key=lambda s: (-len(s.at), -s.people, s.label))
    pairs = []
    for a, b in combinations(sorted(ok, key=lambda m: m.name), 2):
        both = [s for rows in shared.values() for s in rows if {a.pk, b.pk} <= {d.meeting.pk for d in s.at}]
        counts = {k: sum(1 for s in both if s.kind == k) for k, _ in KINDS}
        pairs.append({"a": a, "b": b, **counts, "any": sum(counts.values())})
    people = shared.get("person", [])
    coded = identify(people[:SHOWN], purpose, user)
    return Overlap(purpose, ok, excluded, {pk: len(p) for pk, p in listed.items()}, shared, coded, pairs)


def identify(people: list, purpose: str, user) -> int:  # noqa: ANN001
    """Ask the access module, for each young person (a ``Shared`` or a meeting-list row with ``key``), whether the
    user may open them for ``purpose``: those they may get their name (from the sources the decision makes
    visible) and a link; the others keep their pseudonymous code only. Returns how many are code only."""
    visible: dict[str, set[str]] = {}
    for entry in people:
        if not entry.key.startswith(UNLINKED):
            decision = decide(user, purpose, Target(Kind.PERSON, entry.key), Action.VIEW)
            if decision.allowed:
                visible[entry.key] = set(decision.sources)
    names: dict[str, str] = {}
    rows = store.query("""SELECT p.person_id, r.source, r.given_name, r.family_name
                          FROM person_records p JOIN records r USING (source, record_id)
                          WHERE list_contains(?::VARCHAR[], p.person_id)
                          ORDER BY r.recorded_on DESC NULLS LAST, r.source, r.record_id""",
                       [sorted(visible)]) if visible else []
    for row in rows:
        if row["person_id"] not in names and row["source"] in visible[row["person_id"]]:
            names[row["person_id"]] = " ".join(filter(None, (row["given_name"], row["family_name"])))
    for entry in people:
        entry.may_open = entry.key in visible
        entry.name = names.get(entry.key, "")
    return len(people) - len(visible)
