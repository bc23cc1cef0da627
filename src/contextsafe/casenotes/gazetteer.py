"""The gazetteer a case note is read against, built from the workspace store.

Young people are the linked persons (``person_records`` over ``records``) with every given and family
name their records carry, plus the nicknames and spelling variants of the project's nickname table.
Schools are the school contexts (with their short names). Places are the real geography loaded into the
store: bus stops by the roads and landmarks they are named after, stations, and wards. Only sources that
permit the purpose the note was recorded under are read.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from contextsafe.casenotes.names import school_short_names, stop_places, ward_names

Query = Callable[[str, list], list[dict]]

# Words that are also given names; alone, in lower case, they are read as words.
COMMON_WORDS = frozenset("""will may mark grace rose hope faith summer jade joy amber ruby bill sky river rob
    said art dawn pat sam max ben jack frank guy ray rich reece""".split())


@dataclass
class Person:
    person_id: str
    label: str  # the name most records give
    given: set[str] = field(default_factory=set)  # lower case, with nicknames and variants
    family: set[str] = field(default_factory=set)
    dobs: set[str] = field(default_factory=set)
    schools: set[str] = field(default_factory=set)  # school context ids
    records: int = 0


@dataclass(frozen=True)
class Entry:
    """One way a school or place is written, lower case, and what it names."""

    text: str
    kind: str  # school | place
    entity_id: str
    label: str
    subkind: str  # school | short | stop | station | ward


@dataclass
class Gazetteer:
    persons: dict[str, Person] = field(default_factory=dict)
    given_index: dict[str, set[str]] = field(default_factory=dict)  # lower given -> person ids
    family_index: dict[str, set[str]] = field(default_factory=dict)
    entries: dict[str, list[Entry]] = field(default_factory=dict)  # lower text -> entries
    peers: Callable[[str], list[str]] | None = None  # known peers of a person (from the store)

    def __post_init__(self) -> None:
        self._given_vocab = sorted(self.given_index)
        self._family_vocab = sorted(self.family_index)
        self._by_length: dict[int, list[str]] = defaultdict(list)
        for text in self.entries:
            self._by_length[len(text.split())].append(text)

    # -- people ----------------------------------------------------------------------------------
    def given_matches(self, token: str) -> dict[str, float]:
        """Person ids whose given names match ``token`` (exactly or with a slip), with a score 0-100."""
        return _lookup(token.lower(), self.given_index, self._given_vocab)

    def family_matches(self, token: str) -> dict[str, float]:
        return _lookup(token.lower(), self.family_index, self._family_vocab)

    def name_score(self, person_id: str, token: str) -> float:
        """How well ``token`` matches one of the person's given names (0-100)."""
        person = self.persons.get(person_id)
        if person is None:
            return 0.0
        low = token.lower()
        if low in person.given:
            return 100.0
        if len(low) < 4:
            return 0.0
        return max((fuzz.ratio(low, g) for g in person.given if abs(len(g) - len(low)) <= 2), default=0.0)

    # -- schools and places ------------------------------------------------------------------------
    def phrase(self, text: str) -> list[Entry]:
        """Entries written exactly as ``text`` (lower case)."""
        return self.entries.get(text.lower(), [])

    def fuzzy_phrase(self, text: str, cutoff: float = 90) -> tuple[list[Entry], float]:
        """Entries written like ``text`` with a slip (same number of words, at least 8 letters, each word
        close to the entry's word)."""
        low = text.lower()
        words = low.split()
        if len(low) < 8:
            return [], 0.0
        choices = self._by_length.get(len(words), [])
        best = process.extractOne(low, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        if best is None or any(fuzz.ratio(a, b) < 70 for a, b in zip(words, best[0].split(), strict=True)):
            return [], 0.0
        return self.entries[best[0]], float(best[1])

    @property
    def longest_phrase(self) -> int:
        return max(self._by_length, default=1)


def _lookup(low: str, index: dict[str, set[str]], vocab: list[str]) -> dict[str, float]:
    found: dict[str, float] = {pid: 100.0 for pid in index.get(low, ())}
    if len(low) >= 4:
        cutoff = 80 if len(low) >= 5 else 75
        for name, score, _ in process.extract(low, vocab, scorer=fuzz.ratio, score_cutoff=cutoff, limit=8):
            if name != low:
                for pid in index[name]:
                    found[pid] = max(found.get(pid, 0.0), float(score))
    return found


def build_gazetteer(query: Query, sources: Iterable[str] | None = None,
                    nicknames: dict[str, tuple[str, ...]] | None = None) -> Gazetteer:
    """Read persons, schools and places from the store. ``sources``: the sources whose records may be read
    (those permitting the note's purpose); None reads every source."""
    if nicknames is None:
        from contextsafe.synth.names import load_nicknames

        nicknames = load_nicknames()
    lower_nick: dict[str, set[str]] = defaultdict(set)
    for name, aliases in nicknames.items():
        for alias in aliases:
            lower_nick[name.lower()].add(alias.lower())
            lower_nick[alias.lower()].add(name.lower())
    gaz = Gazetteer()
    _people(gaz, query, None if sources is None else sorted(sources), lower_nick)
    _schools(gaz, query)
    _places(gaz, query)
    gaz.__post_init__()
    gaz.peers = lambda pid: known_peers(query, pid, None if sources is None else sorted(sources))
    return gaz


def _table_exists(query: Query, table: str) -> bool:
    rows = query("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = ?", [table])
    return bool(rows and rows[0]["n"])


_PERSON_SQL = """
    SELECT coalesce(pr.person_id, r.source || ':' || r.record_id) AS person_id, r.given_name, r.family_name,
           r.other_names, CAST(r.date_of_birth AS VARCHAR) AS dob, r.school
    FROM records r LEFT JOIN person_records pr ON pr.source = r.source AND pr.record_id = r.record_id
    WHERE r.given_name IS NOT NULL {where}"""


def _people(gaz: Gazetteer, query: Query, sources: list[str] | None, nick: dict[str, set[str]]) -> None:
    where = "AND r.source IN (SELECT unnest(?))" if sources is not None else ""
    rows = query(_PERSON_SQL.format(where=where), [sources] if sources is not None else [])
    names: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        pid = row["person_id"]
        person = gaz.persons.get(pid) or gaz.persons.setdefault(pid, Person(pid, ""))
        person.records += 1
        given = _words(row["given_name"])
        family = _words(row["family_name"])
        for g in given:
            person.given.add(g)
            person.given.update(nick.get(g, ()))
        for f in family:
            person.family.add(f)
            person.family.update(p for p in f.split("-") if len(p) > 1)
        if row.get("other_names"):
            person.family.update(_words(row["other_names"]))
        if row.get("dob"):
            person.dobs.add(row["dob"])
        names[pid][f"{(row['given_name'] or '').strip().title()} {(row['family_name'] or '').strip().title()}"] += 1
    school_sql = ("SELECT DISTINCT pr.person_id, a.context_id FROM associations a JOIN person_records pr "
                  "ON pr.source = a.source AND pr.record_id = a.record_id "
                  "WHERE a.context_kind = 'school' AND a.context_id IS NOT NULL "
                  + ("AND a.source IN (SELECT unnest(?))" if sources is not None else ""))
    for row in query(school_sql, [sources] if sources is not None else []):
        if row["person_id"] in gaz.persons:
            gaz.persons[row["person_id"]].schools.add(row["context_id"])
    for pid, person in gaz.persons.items():
        person.label = names[pid].most_common(1)[0][0].strip() if names[pid] else pid
        for g in person.given:
            gaz.given_index.setdefault(g, set()).add(pid)
        for f in person.family:
            gaz.family_index.setdefault(f, set()).add(pid)


def _words(value: str | None) -> list[str]:
    if not value:
        return []
    return [w for w in re.split(r"[\s,]+", value.strip().lower()) if len(w) > 1]


def _schools(gaz: Gazetteer, query: Query) -> None:
    for row in query("SELECT context_id, name FROM contexts WHERE kind = 'school' ORDER BY context_id", []):
        name = row["name"]
        _add(gaz, Entry(name.lower(), "school", row["context_id"], name, "school"))
        for short in school_short_names(name):
            _add(gaz, Entry(short.lower(), "school", row["context_id"], name, "short"))


def _places(gaz: Gazetteer, query: Query) -> None:
    schools = {e.text for entries in gaz.entries.values() for e in entries if e.subkind == "school"}
    if _table_exists(query, "ref_bus_stops"):
        for row in query("SELECT DISTINCT name FROM ref_bus_stops WHERE name IS NOT NULL ORDER BY name", []):
            for kind, name, entity in stop_places(row["name"]):
                low = name.lower()
                if low in schools or "school" in low or len(low) < 4:
                    continue
                if kind == "station":
                    for suffix in ("station", "stn", "tube station", "overground station", "tube"):
                        _add(gaz, Entry(f"{low} {suffix}", "place", entity, f"{name} station", "station"))
                else:
                    _add(gaz, Entry(low, "place", entity, name, "stop"))
    if _table_exists(query, "ref_areas"):
        for row in query("SELECT DISTINCT code, name FROM ref_areas WHERE level = 'ward' ORDER BY code", []):
            for name in ward_names(row["name"]):
                _add(gaz, Entry(name.lower(), "place", f"ward:{row['code']}", row["name"], "ward"))


def _add(gaz: Gazetteer, entry: Entry) -> None:
    existing = gaz.entries.setdefault(entry.text, [])
    if all(e.entity_id != entry.entity_id for e in existing):
        existing.append(entry)


def known_peers(query: Query, person_id: str, sources: list[str] | None = None, limit: int = 40) -> list[str]:
    """Linked persons recorded in the same events or peer groups as ``person_id``, most often first."""
    where = "AND a.source IN (SELECT unnest(?))" if sources is not None else ""
    params: list = [person_id] + ([sources] if sources is not None else [])
    sql = f"""
        WITH mine AS (
            SELECT p.source, p.event_id FROM participants p
            JOIN person_records pr ON pr.source = p.source AND pr.record_id = p.record_id
            WHERE pr.person_id = ?),
        shared AS (
            SELECT pr.person_id FROM mine m
            JOIN participants a ON a.source = m.source AND a.event_id = m.event_id {where}
            JOIN person_records pr ON pr.source = a.source AND pr.record_id = a.record_id)
        SELECT person_id, count(*) AS n FROM shared GROUP BY person_id ORDER BY n DESC, person_id LIMIT {int(limit) + 1}
    """  # noqa: S608 - no user text in the statement
    return [r["person_id"] for r in query(sql, params) if r["person_id"] != person_id][:limit]


def duckdb_query(con) -> Query:  # noqa: ANN001 - duckdb connection
    """A :data:`Query` over an open DuckDB connection."""
    def run(sql: str, params: list) -> list[dict]:
        cursor = con.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    return run
