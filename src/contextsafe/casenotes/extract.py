"""Read one case note against the gazetteer: suggested people, schools, places, peer groups and themes.

Nothing here decides anything: every suggestion carries its span, the candidate entity (or, when the text
cannot tell, the candidates), a score and the evidence, for a practitioner to confirm or reject.

Rules, in order: schools and places by their names (longest first, a slip allowed in longer names); young
people by given and family name (a slip allowed); then names written alone, which resolve only to someone
the note is about, someone named in full elsewhere in the note, or a known peer of the subject (recorded
in the same events) — otherwise they are offered as ambiguous with candidates. Themes come from
:mod:`contextsafe.casenotes.themes`.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from contextsafe.casenotes.gazetteer import COMMON_WORDS, Entry, Gazetteer
from contextsafe.casenotes.themes import find_themes

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_SCHOOL_CUE = re.compile(r"\b(?:attends|attending|excluded|roll|school|walked to|pupils?|year \d+|goes to|teacher|dsl|"
                         r"head of year|lessons)\W+(?:\w+\W+){0,3}$", re.IGNORECASE)
_PLACE_AFTER = re.compile(r"^\W*(?:estate|area|high street|park|ward)\b", re.IGNORECASE)
_PLACE_BEFORE = re.compile(r"\b(?:park in|around|near|estate in)\W+(?:the\W+)?$", re.IGNORECASE)
_STOP_BEFORE = re.compile(r"\bstop on\W+$", re.IGNORECASE)
_STOP_AFTER = re.compile(r"^\W*bus stop\b", re.IGNORECASE)
_GROUP = re.compile(r"\b(?:the (?:peer|friendship|same) group(?: from school)?|the group|a group of older \w+|"
                    r"the older lot|(?:his|her|their) peer group)\b", re.IGNORECASE)
_NOT_NAMES = frozenset("""the and mum dad she he his her they them police school home visit spoke strategy youth
    worker social transport family education strengths risks online analysis neighbourhood peer assessment
    concerns there parents grandmother no yos cse dsl year station stop bus estate area""".split())


@dataclass
class Suggestion:
    """One thing a note seems to name."""

    start: int
    end: int
    text: str
    kind: str  # person | school | place | peer_group | theme
    entity_id: str | None  # None: ambiguous (see candidates) or not an entity (a peer group phrase)
    label: str
    score: float
    evidence: str
    reason: str
    candidates: list[tuple[str, str]] = field(default_factory=list)  # (entity id, label)

    @property
    def ambiguous(self) -> bool:
        return self.entity_id is None and bool(self.candidates)

    def to_dict(self) -> dict:
        return asdict(self)


def extract(text: str, gazetteer: Gazetteer, subject: str | None = None, peers: list[str] | None = None,
            ) -> list[Suggestion]:
    """Suggestions for ``text``, a note about the linked person ``subject`` (whose known ``peers`` are read
    from the store when not given)."""
    if peers is None:
        peers = gazetteer.peers(subject) if (subject and gazetteer.peers) else []
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    found = _phrases(text, tokens, gazetteer, subject) + _full_names(text, tokens, gazetteer, subject, peers)
    chosen: list[Suggestion] = []
    for s in sorted(found, key=lambda s: (-(s.end - s.start), -s.score, s.start)):
        if not any(s.start < c.end and c.start < s.end for c in chosen):
            chosen.append(s)
    named = [s.entity_id for s in chosen if s.kind == "person" and s.entity_id]
    chosen += _single_names(text, tokens, gazetteer, chosen, subject, named, peers)
    for hit in find_themes(text):
        chosen.append(Suggestion(hit.start, hit.end, text[hit.start:hit.end], "theme", hit.theme,
                                 hit.theme.replace("_", " "), 100.0, _evidence(text, hit.start, hit.end),
                                 f"cue: {hit.cue}"))
    for m in _GROUP.finditer(text):
        if not any(m.start() < c.end and c.start < m.end() for c in chosen):
            chosen.append(Suggestion(m.start(), m.end(), m.group(0), "peer_group", None, "peer group", 50.0,
                                     _evidence(text, m.start(), m.end()), "a peer group named in the note"))
    return sorted(chosen, key=lambda s: (s.start, s.end, s.kind))


def _evidence(text: str, start: int, end: int) -> str:
    for m in _SENTENCE.finditer(text):
        if m.start() <= start < m.end() + 1:
            return m.group(0).strip()[:300]
    return text[max(0, start - 80):end + 80]


# -- schools and places ------------------------------------------------------------------------------
def _phrases(text: str, tokens: list, gaz: Gazetteer, subject: str | None) -> list[Suggestion]:
    out = []
    longest = min(gaz.longest_phrase, 7)
    subject_schools = gaz.persons[subject].schools if subject in gaz.persons else set()
    for i in range(len(tokens)):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            start, end = tokens[i][1], tokens[i + n - 1][2]
            window = text[start:end]
            if "\n" in window or any(c in window for c in ",.;:()"):
                continue
            phrase = " ".join(window.split())
            entries, score = gaz.phrase(phrase), 100.0
            if not entries and n >= 2:
                entries, score = gaz.fuzzy_phrase(phrase)
            if not entries or (n == 1 and len(phrase) < 4 and not (phrase.isupper() and len(phrase) == 3)):
                continue
            entry = _choose(text, start, end, entries, subject_schools)
            out.append(Suggestion(start, end, window, entry.kind, entry.entity_id, entry.label, score,
                                  _evidence(text, start, end), f"{entry.subkind} name" +
                                  (" (close spelling)" if score < 100 else ""),
                                  [(e.entity_id, e.label) for e in entries if e is not entry]))
            break
    return out


def _choose(text: str, start: int, end: int, entries: list[Entry], subject_schools: set[str]) -> Entry:
    """Pick among entries written the same way (a school's short name that is also a ward, a stop and a ward)."""
    if len(entries) == 1:
        return entries[0]
    before, after = text[max(0, start - 60):start], text[end:end + 30]
    schools = [e for e in entries if e.kind == "school"]
    places = [e for e in entries if e.kind == "place"]
    if schools and places:
        if _PLACE_AFTER.search(after) or _PLACE_BEFORE.search(before) or _STOP_AFTER.search(after):
            entries = places
        elif _SCHOOL_CUE.search(before):
            return schools[0]
        elif any(e.entity_id in subject_schools for e in schools):
            return next(e for e in schools if e.entity_id in subject_schools)
        else:
            entries = places
    stops = [e for e in entries if e.subkind == "stop"]
    wards = [e for e in entries if e.subkind == "ward"]
    if stops and (_STOP_BEFORE.search(before) or _STOP_AFTER.search(after)):
        return stops[0]
    if wards:
        return wards[0]
    return entries[0]


# -- young people -------------------------------------------------------------------------------------
def _full_names(text: str, tokens: list, gaz: Gazetteer, subject: str | None, peers: list[str]) -> list[Suggestion]:
    out = []
    context = ([subject] if subject else []) + list(peers)
    for i in range(len(tokens) - 1):
        (first, s1, e1), (last, s2, e2) = tokens[i], tokens[i + 1]
        if text[e1:s2] != " " or first.lower() in _NOT_NAMES or last.lower() in _NOT_NAMES:
            continue
        given = gaz.given_matches(first)
        if not given:
            continue
        family = gaz.family_matches(last)
        scores = {pid: (given[pid] + family[pid]) / 2 for pid in given.keys() & family.keys()
                  if min(given[pid], family[pid]) >= 75}
        scores = {pid: s for pid, s in scores.items() if s >= 85}
        if not scores:
            continue
        best = max(scores.values())
        top = sorted(pid for pid, s in scores.items() if s >= best - 2)
        pid, reason = _pick(gaz, top, context, subject)
        out.append(_person(text, s1, e2, gaz, pid, best, reason, top))
    return out


def _pick(gaz: Gazetteer, top: list[str], context: list[str], subject: str | None = None,
          ) -> tuple[str | None, str]:
    """One person among several whose names fit, or None (ambiguous)."""
    if len(top) == 1:
        return top[0], "given and family name"
    if subject in top:
        return subject, "the subject of the note"
    known = [p for p in top if p in context]
    if len(known) == 1:
        return known[0], "name shared by several; a known peer of the subject"
    pool = known or top
    schools = gaz.persons[subject].schools if subject in gaz.persons else set()
    same_school = [p for p in pool if gaz.persons[p].schools & schools]
    if len(same_school) == 1:
        return same_school[0], "name shared by several; the one at the subject's school"
    pool = same_school or pool
    ranked = sorted(pool, key=lambda p: (-gaz.persons[p].records, p))
    counts = [gaz.persons[p].records for p in ranked]
    if len({gaz.persons[p].label.lower() for p in pool}) == 1 or counts[0] >= 2 * counts[1]:
        return ranked[0], (f"{len(pool)} linked persons are recorded with this name (perhaps one young person whose "
                           "records were not all linked); the one with most records")
    return None, f"{len(top)} young people have this name"


def _person(text: str, start: int, end: int, gaz: Gazetteer, pid: str | None, score: float, reason: str,
            candidates: list[str]) -> Suggestion:
    label = gaz.persons[pid].label if pid else "ambiguous"
    others = [(p, gaz.persons[p].label) for p in candidates if p != pid][:6]
    return Suggestion(start, end, text[start:end], "person", pid, label, score, _evidence(text, start, end), reason,
                      others)


def _single_names(text: str, tokens: list, gaz: Gazetteer, taken: list[Suggestion], subject: str | None,
                  named: list[str], peers: list[str]) -> list[Suggestion]:
    out = []
    order = list(dict.fromkeys(([subject] if subject else []) + named + list(peers)))
    for word, start, end in tokens:
        low = word.lower()
        if len(low) < 3 or low in _NOT_NAMES or any(start < c.end and c.start < end for c in taken):
            continue
        lower_case = word == low
        if lower_case and low in COMMON_WORDS:
            continue
        if lower_case and len(gaz.family_index.get(low, ())) >= len(gaz.given_index.get(low, ())):
            continue  # a lower-case word recorded more often as a surname ("young") is read as a word
        scores = {pid: gaz.name_score(pid, word) for pid in order}
        scores = {pid: s for pid, s in scores.items() if s >= (100 if lower_case else 80)}
        if scores:
            best = max(scores.values())
            top = [pid for pid in order if scores.get(pid, 0) >= best - 2]
            in_note = [p for p in top if p == subject or p in named]
            if len(top) == 1:
                pick, why = top[0], ("the subject's name" if top[0] == subject else "named in full in this note"
                                     if top[0] in named else "a known peer of the subject")
            elif len(in_note) == 1:
                pick, why = in_note[0], ("the subject's name" if in_note[0] == subject else
                                         "named in full in this note")
            else:
                pick, why = _pick(gaz, top, [], subject)
                why = f"a first name alone; {why}" if pick else "several people in this note or among known peers " \
                                                                "have this name"
            out.append(_person(text, start, end, gaz, pick, best * 0.9, why, top))
            continue
        if not lower_case and low not in COMMON_WORDS and low in gaz.given_index:
            everyone = sorted(gaz.given_index[low], key=lambda p: (-gaz.persons[p].records, p))
            schools = gaz.persons[subject].schools if subject in gaz.persons else set()
            at_school = [p for p in everyone if gaz.persons[p].schools & schools]
            pick, why = None, (f"a first name alone: {len(everyone)} young people have it and none is known to this "
                               "young person")
            if at_school and len({gaz.persons[p].label.lower() for p in at_school}) == 1:
                pick = at_school[0]
                why = "a first name alone; the only young person with it at the subject's school"
            out.append(_person(text, start, end, gaz, pick, 60.0 if pick else 40.0, why, everyone))
    return out
