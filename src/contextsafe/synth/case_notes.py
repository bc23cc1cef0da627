"""Free-text case notes and assessments about young people of the synthetic borough, with every mention.

Social-worker style prose from varied sentence templates, with the noise real notes carry: nicknames,
first names alone once someone has been named, misspellings, lower case, schools by their short names
("Haverstock" for Haverstock School), places as people say them ("the bus stop on Kentish Town Road",
"Chalk Farm station", "the Gospel Oak estate"), peer groups, and themes of a contextual assessment
(harmful gender norms, capacity to safeguard, protective factors, weapons, technology) with negated
statements that mention a theme's words without raising it.

Notes are written about young people known to services (who have at least one agency record), so a
practitioner could open them against the linked person. ``write_case_notes`` writes
``case_notes/case_notes.jsonl`` (one note a line: ``note_id``, ``person_id`` of the subject, ``kind``,
``written_on``, ``author``, ``text``) and ``ground_truth/case_note_mentions.csv`` (``note_id``,
``start``, ``end``, ``kind`` person|school|place|peer_group|theme, ``entity_id``, ``surface``).
Entity ids: the true ``person_id``; ``school:<urn>``; places as :mod:`contextsafe.casenotes.names` names
them; the planted peer group's id; a theme's name. Deterministic by seed.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from contextsafe.casenotes.names import school_short_names, stop_places
from contextsafe.synth.noise import typo
from contextsafe.synth.population import PERIOD_END, PERIOD_START
from contextsafe.synth.world import World

THEMES = ("harmful_gender_norms", "capacity_to_safeguard", "protective_factors", "weapons", "technology")

# Phrases that raise a theme (the span of the mention is the phrase).
THEME_PHRASES: dict[str, tuple[str, ...]] = {
    "harmful_gender_norms": (
        "controlling behaviour towards his girlfriend", "sexist comments about girls in the group",
        "pressure on girls to send nude images", "the boys openly rate girls' looks",
        "expects girls to do what the older boys say", "derogatory language about women",
        "views girls as property of the group"),
    "capacity_to_safeguard": (
        "mum is struggling to safeguard", "parents do not know where they are at night",
        "carers are unable to keep them safe", "limited capacity to safeguard at home",
        "grandmother feels unable to set boundaries", "dad works nights and cannot supervise"),
    "protective_factors": (
        "positive relationship with the youth worker", "attends boxing club twice a week",
        "engaged well with the mentoring sessions", "a trusted adult at school",
        "strong bond with an older sister", "enjoys football training on Saturdays"),
    "weapons": (
        "carrying a knife", "a zombie knife was found", "talked about carrying a blade",
        "photos posing with a machete", "a bb gun was recovered", "stab vest"),
    "technology": (
        "Snapchat", "Instagram", "a WhatsApp group", "TikTok", "a group chat", "social media",
        "sharing images online", "drill videos on YouTube"),
}
# Statements that use a theme's words to say it is absent (no mention).
THEME_NEGATIVES: dict[str, tuple[str, ...]] = {
    "harmful_gender_norms": ("No concerns were noted about attitudes towards girls.",),
    "capacity_to_safeguard": ("There are no concerns about mum's capacity to safeguard.",
                              "Parents are able to keep {obj} safe and know where {sub} is."),
    "protective_factors": ("No protective factors were identified at this stage.",),
    "weapons": ("There is no indication that {sub} has carried a knife or any weapon.",
                "{Sub} denies ever carrying a weapon and there is no information to suggest otherwise."),
    "technology": ("No concerns about social media or online activity were raised.",
                   "There is no evidence of Snapchat or Instagram use linked to the concerns."),
}

# Sentences of a case note. Slots: {S} subject, {P} a peer, {SCH} a school, {PL} a place, {G} the peer group,
# {T} a theme phrase ({Tweapons} … of one theme), {sub}/{obj}/{pos} pronouns, {Sub} capitalised, {D} a date,
# {W} a worker.
CASE_NOTE = (
    "Home visit on {D}. Spoke with {S} and mum.",
    "{S} was seen with {P} and {P} near {PL} on {D}.",
    "Police reported that {S} was stopped with {P} at {PL}.",
    "{S} said {sub} has been spending time with {P} after school.",
    "{Sub} told me {P} and {P} are {pos} closest friends.",
    "School ({SCH}) report that {S} has been missing lessons and leaving with {P}.",
    "{S} attends {SCH} and is in year {Y}.",
    "{S} was excluded from {SCH} for a fixed term after an incident with {P}.",
    "Youth worker saw {S} hanging around {PL} late in the evening with {G}.",
    "{S} was reported missing overnight and found the next day at {PL} with {P}.",
    "Mum believes {P} is a bad influence and that {S} is being drawn into {G}.",
    "{S} described {G} as people {sub} grew up with on the estate.",
    "Concerns were raised about {T}.",
    "{Sub} spoke about {T}.",
    "{W} noted {T}.",
    "Strategy discussion held on {D}; {P} was also discussed as a young person at risk.",
    "{S} was present when {P} was assaulted at {PL}.",
    "Transport staff withdrew {pos} travel card after an incident on the bus near {PL}.",
    "I met {S} at {PL} and we walked to {SCH}.",
    "{S} has been seen at {PL} with older males, including {P}.",
)
ASSESSMENT = (
    "Assessment of {S} ({A}), completed {D}.",
    "Peer relationships: {S} spends most of {pos} time with {G}, which includes {P}, {P} and {P}.",
    "Education: {S} is on roll at {SCH}. Attendance has fallen this term.",
    "Neighbourhood: {Sub} is most often seen around {PL} and {PL}.",
    "Family: {Tcapacity_to_safeguard}.",
    "Strengths: {Tprotective_factors}.",
    "Risks outside the home: {Tweapons}; {sub} was with {P} when police attended {PL}.",
    "Online: {S} uses {Ttechnology} to stay in touch with {P}.",
    "Relationships: {Tharmful_gender_norms} was discussed with {obj}.",
    "Analysis: the concerns about {S} sit in {pos} peer group and at {PL} more than at home.",
)
WORKERS = ("The social worker", "The YOS worker", "The youth worker", "The school DSL", "The CSE worker")
SCHOOL_CUES = ("attends", "excluded from", "on roll at", "walked to")
_SLOT = re.compile(r"\{(\w+)\}")


@dataclass
class Mention:
    note_id: str
    start: int
    end: int
    kind: str
    entity_id: str
    surface: str


@dataclass
class Note:
    note_id: str
    person_id: str  # true person id of the subject
    kind: str  # case_note | assessment
    written_on: str
    author: str
    text: str = ""
    mentions: list[Mention] = field(default_factory=list)


@dataclass(frozen=True)
class PlaceName:
    kind: str  # stop | station | ward
    name: str
    entity_id: str


def places(world: World) -> list[PlaceName]:
    """Places notes mention: bus stops by road, stations, wards (the real geography of the borough)."""
    school_names = {s.lower() for s in world.geo.schools["name"].to_list()}
    found: dict[str, PlaceName] = {}
    for raw in world.geo.bus_stops["name"].to_list():
        for kind, name, entity in stop_places(raw):
            if name.lower() in school_names or "school" in name.lower() or len(name) < 4:
                continue
            found.setdefault(entity, PlaceName(kind, name, entity))
    for code, name, _lat, _lon in world.geo.wards:
        found.setdefault(f"ward:{code}", PlaceName("ward", name, f"ward:{code}"))
    return [found[k] for k in sorted(found)]


class _Writer:
    """Builds one note's text, recording the span of every mention."""

    def __init__(self, note: Note):
        self.note = note
        self.parts: list[str] = []
        self.pos = 0

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.pos += len(text)

    def mention(self, text: str, kind: str, entity: str, core: tuple[int, int] | None = None) -> None:
        start, end = core if core else (0, len(text))
        self.note.mentions.append(Mention(self.note.note_id, self.pos + start, self.pos + end, kind, entity,
                                          text[start:end]))
        self.add(text)

    def text(self) -> str:
        return "".join(self.parts)


class _Author:
    """Writes notes for one world (its random stream, who is known, and the places)."""

    def __init__(self, world: World, rng: np.random.Generator, known: set[int]):
        self.world, self.rng, self.known = world, rng, known
        self.places = places(world)
        self.by_kind = {k: [p for p in self.places if p.kind == k] for k in ("stop", "station", "ward")}
        self.schools = world.geo.schools
        self.urns = self.schools["urn"].to_list()
        self.school_names = self.schools["name"].to_list()
        pop = world.pop
        self.by_school: dict[int, list[int]] = {}
        for i in sorted(known):
            if pop.school[i] >= 0:
                self.by_school.setdefault(int(pop.school[i]), []).append(i)

    # -- choices ---------------------------------------------------------------------------------
    def pick(self, options: list | tuple):  # noqa: ANN201
        return options[int(self.rng.integers(len(options)))]

    def peers_of(self, subject: int) -> list[int]:
        pop = self.world.pop
        g = int(pop.group_of[subject])
        peers = [m for m in pop.groups[g].members if m != subject and m in self.known] if g >= 0 else []
        if len(peers) < 3 and pop.school[subject] >= 0:
            classmates = [m for m in self.by_school.get(int(pop.school[subject]), []) if m != subject]
            if classmates:
                extra = self.rng.choice(classmates, size=min(4, len(classmates)), replace=False)
                peers += [int(m) for m in extra if int(m) not in peers]
        if not peers:
            peers = [int(m) for m in self.rng.choice(sorted(self.known), size=3, replace=False) if m != subject]
        return peers

    def place_for(self, subject: int) -> PlaceName:
        pop, world = self.world.pop, self.world
        g = int(pop.group_of[subject])
        if g >= 0 and self.rng.random() < 0.6:
            hotspot = world.hotspots[self.pick(pop.groups[g].hotspots)]
            if hotspot.stop >= 0:
                named = [p for kind, name, e in stop_places(world.geo.bus_stops["name"][hotspot.stop])
                         for p in self.places if p.entity_id == e]
                if named:
                    return self.pick(named)
            else:
                wards = [p for p in self.by_kind["ward"] if hotspot.name.startswith(p.name)]
                if wards:
                    return wards[0]
        kind = self.pick(("stop", "stop", "station", "ward"))
        return self.pick(self.by_kind[kind])

    # -- how a name is written ---------------------------------------------------------------------
    def person_text(self, person: int, introduced: set[int], subject: bool) -> str:
        pop, rng = self.world.pop, self.rng
        given, family = pop.given[person], pop.family[person]
        u = rng.random()
        if person in introduced and u < (0.75 if subject else 0.55):
            text = given
            aliases = self.world.names.aliases.get(given, ())
            if aliases and rng.random() < 0.2:
                text = self.pick(aliases)
        elif not subject and person not in introduced and u < 0.12:
            text = given  # a peer by first name alone, never named in full in this note
        else:
            aliases = self.world.names.aliases.get(given, ())
            if aliases and rng.random() < 0.1:
                given = self.pick(aliases)
            text = f"{given} {family}"
        if rng.random() < 0.08:
            words = text.split()
            k = int(rng.integers(len(words)))
            words[k] = typo(words[k], rng)
            text = " ".join(words)
        if rng.random() < 0.06:
            text = text.lower()
        introduced.add(person)
        return text

    def school_text(self, school: int) -> str:
        name = self.school_names[school]
        shorts = [s for s in school_short_names(name) if not s.isupper()]
        u = self.rng.random()
        if shorts and u < 0.55:
            text = self.pick(shorts)
        elif u < 0.6 and any(s.isupper() for s in school_short_names(name)):
            text = [s for s in school_short_names(name) if s.isupper()][0]
        else:
            text = name
        return text.lower() if self.rng.random() < 0.05 else text

    def place_text(self, place: PlaceName) -> tuple[str, tuple[int, int]]:
        name = place.name
        if self.rng.random() < 0.05:
            name = name.lower()
        if self.rng.random() < 0.04 and len(name.split()[0]) > 4:
            words = name.split()
            words[0] = typo(words[0], self.rng)
            name = " ".join(words)
        if place.kind == "stop":
            pattern = self.pick(("the bus stop on {n}", "the {n} bus stop", "{n}", "the stop on {n}"))
        elif place.kind == "station":
            pattern = self.pick(("{n} station", "{n} station", "{n} tube station", "{n} stn"))
        else:
            pattern = self.pick(("the {n} estate", "{n}", "the {n} area", "{n} high street", "the park in {n}"))
        text = pattern.replace("{n}", name)
        start = pattern.index("{n}")
        end = start + len(name)
        if place.kind == "station":
            end = len(text)  # "Chalk Farm station" is the name of the place
        return text, (start, end)


def _date(rng: np.random.Generator) -> str:
    days = (PERIOD_END - PERIOD_START).days
    return (PERIOD_START + dt.timedelta(days=int(rng.integers(days)))).strftime("%d/%m/%Y")


def write_note(author: _Author, note: Note, subject: int, templates: tuple[str, ...], sentences: int) -> None:
    """Fill ``note`` with ``sentences`` sentences about ``subject``."""
    rng, pop = author.rng, author.world.pop
    w = _Writer(note)
    introduced: set[int] = set()
    peers = author.peers_of(subject)
    used_peers: list[int] = []
    he = pop.sex[subject] == "male"
    pronoun = {"sub": "he" if he else "she", "obj": "him" if he else "her", "pos": "his" if he else "her"}
    school = int(pop.school[subject]) if pop.school[subject] >= 0 else int(rng.integers(len(author.urns)))
    group = int(pop.group_of[subject])
    rest = [templates[1 + int(i)] for i in rng.permutation(len(templates) - 1)]
    chosen = [templates[0]] + [rest[i % len(rest)] for i in range(sentences - 1)]
    themes_left = list(rng.permutation(THEMES))
    for k, template in enumerate(chosen):
        if k and rng.random() < 0.18:  # a negated theme statement now and then
            theme = author.pick(THEMES)
            text = author.pick(THEME_NEGATIVES[theme]).format(**pronoun, Sub=pronoun["sub"].capitalize())
            w.add(text + " ")
        last = 0
        for slot in _SLOT.finditer(template):
            w.add(template[last:slot.start()])
            last = slot.end()
            name = slot.group(1)
            if name == "S":
                w.mention(author.person_text(subject, introduced, True), "person", pop.person_id[subject])
            elif name == "P":
                fresh = [p for p in peers if p not in used_peers] or peers
                peer = fresh[int(rng.integers(len(fresh)))]
                used_peers.append(peer)
                w.mention(author.person_text(peer, introduced, False), "person", pop.person_id[peer])
            elif name == "SCH":
                s = school if rng.random() < 0.85 else int(rng.integers(len(author.urns)))
                w.mention(author.school_text(s), "school", f"school:{author.urns[s]}")
            elif name == "PL":
                place = author.place_for(subject)
                text, core = author.place_text(place)
                w.mention(text, "place", place.entity_id, core)
            elif name == "G":
                text = author.pick(("the group", "a group of older boys", "the peer group", "the same group",
                                    "the friendship group from school", "the older lot"))
                if group >= 0:
                    w.mention(text, "peer_group", pop.groups[group].group_id)
                else:
                    w.add(text)
            elif name.startswith("T") and name[1:] in THEME_PHRASES:
                theme = name[1:]
                w.mention(author.pick(THEME_PHRASES[theme]), "theme", theme)
            elif name == "T":
                theme = str(themes_left.pop(0)) if themes_left else author.pick(THEMES)
                phrase = author.pick(THEME_PHRASES[theme])
                w.mention(phrase, "theme", theme)
            elif name in pronoun:
                w.add(pronoun[name])
            elif name == "Sub":
                w.add(pronoun["sub"].capitalize())
            elif name == "D":
                w.add(_date(rng))
            elif name == "Y":
                w.add(str(min(max(pop.age(subject) - 4, 7), 13)))
            elif name == "A":
                w.add(f"{pop.age(subject)} years old")
            elif name == "W":
                w.add(author.pick(WORKERS))
        w.add(template[last:])
        w.add("\n" if rng.random() < 0.25 else " ")
    note.text = w.text().rstrip()
    note.mentions = [m for m in note.mentions if m.end <= len(note.text)]


def generate_case_notes(world: World, seed: int, known: set[int] | None = None, per_person: float = 0.1,
                        ) -> list[Note]:
    """Notes about young people known to services (everyone when ``known`` is None), about ``per_person``
    subjects per young person, the most involved with services first in line."""
    rng = np.random.default_rng([seed, 300])
    pop = world.pop
    known = set(range(len(pop))) if known is None else known
    author = _Author(world, rng, known)
    weights = np.array([pop.propensity[i] if i in known else 0.0 for i in range(len(pop))])
    n_subjects = max(1, min(int(len(pop) * per_person), int((weights > 0).sum())))
    subjects = rng.choice(len(pop), size=n_subjects, replace=False, p=weights / weights.sum())
    notes: list[Note] = []
    for subject in sorted(int(s) for s in subjects):
        for _ in range(1 + int(rng.integers(3))):
            kind = "assessment" if rng.random() < 0.3 else "case_note"
            note = Note(f"N{len(notes) + 1:06d}", pop.person_id[subject], kind, _date(rng),
                        author.pick(WORKERS).removeprefix("The ").capitalize())
            templates = ASSESSMENT if kind == "assessment" else CASE_NOTE
            write_note(author, note, subject, templates, int(rng.integers(4, 9)))
            notes.append(note)
    return notes


def known_people(world: World, record_person: Path) -> set[int]:
    """Young people with at least one agency record (from ``ground_truth/record_person.csv``)."""
    index = {pid: i for i, pid in enumerate(world.pop.person_id)}
    with record_person.open(encoding="utf-8") as handle:
        return {index[row["person_id"]] for row in csv.DictReader(handle) if row["person_id"] in index}


def write_case_notes(world: World, out: Path, seed: int) -> dict[str, Path]:
    """Write the notes and their mentions under ``out`` (a synthetic borough folder)."""
    out = Path(out)
    truth = out / "ground_truth" / "record_person.csv"
    known = known_people(world, truth) if truth.exists() else None
    notes = generate_case_notes(world, seed, known)
    (out / "case_notes").mkdir(parents=True, exist_ok=True)
    (out / "ground_truth").mkdir(parents=True, exist_ok=True)
    notes_path = out / "case_notes" / "case_notes.jsonl"
    with notes_path.open("w", encoding="utf-8", newline="\n") as handle:
        for n in notes:
            handle.write(json.dumps({"note_id": n.note_id, "person_id": n.person_id, "kind": n.kind,
                                     "written_on": n.written_on, "author": n.author, "text": n.text},
                                    ensure_ascii=False) + "\n")
    mentions_path = out / "ground_truth" / "case_note_mentions.csv"
    with mentions_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["note_id", "start", "end", "kind", "entity_id", "surface"])
        for n in notes:
            for m in n.mentions:
                writer.writerow([m.note_id, m.start, m.end, m.kind, m.entity_id, m.surface])
    return {"case_notes": notes_path, "case_note_mentions": mentions_path}


def read_case_notes(path: Path) -> list[dict]:
    """The notes of ``case_notes.jsonl``."""
    with Path(path).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


__all__ = ["THEMES", "Mention", "Note", "generate_case_notes", "places", "read_case_notes",
           "write_case_notes"]
