"""Synthetic case notes with decided suggestions: one by children's social care and one by the youth offending
service, each about a young person its organisation holds, naming peers, a school and a place from the store.
Idempotent; over the tiny test store and with no store at all it writes shorter notes (themes only when no
young person is visible)."""

from __future__ import annotations

import datetime as dt

from contextsafe.casenotes import known_peers
from contextsafe.web import store
from contextsafe.web.accounts.models import User
from contextsafe.web.casenotes import services
from contextsafe.web.casenotes.models import NoteSuggestion, State
from contextsafe.web.casework.models import CaseDocument

NOTES = [("practitioner_social_care", "Home visit (demo)"), ("practitioner_youth_offending", "YOS contact (demo)")]


def seed() -> None:
    for username, title in NOTES:
        user = User.objects.filter(username=username).first()
        if user is None or CaseDocument.objects.filter(kind="case_note", title=title,
                                                       organisation=user.organisation).exists():
            continue
        sources = services.visible_sources(user, "assessment")
        subject = _subject(sources)
        note = services.add_note(user, subject, title, _text(subject, sources), dt.date(2026, 3, 3), "assessment")
        _decide(note, user)


def _subject(sources: tuple[str, ...]) -> str:
    if not sources:
        return ""
    rows = store.query("""SELECT p.person_id, count(*) AS n FROM person_records p
                          WHERE list_contains(?::VARCHAR[], p.source) GROUP BY p.person_id
                          ORDER BY n DESC, p.person_id LIMIT 1""", [list(sources)])
    return rows[0]["person_id"] if rows else ""


def _text(subject: str, sources: tuple[str, ...]) -> str:
    name = services.subject_label(subject, sources) if subject else ""
    first = name.split(" ")[0] if name else "The young person"
    peers = [services.subject_label(p, sources) for p in known_peers(store.query, subject, list(sources))][:2] \
        if subject else []
    peers = [p for p in peers if p]
    school = store.query("SELECT name FROM contexts WHERE kind = 'school' ORDER BY context_id LIMIT 1")
    has_stops = store.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'ref_bus_stops'")
    stop = store.query("SELECT name FROM ref_bus_stops WHERE name ILIKE '%STATION%' ORDER BY name LIMIT 1") \
        if has_stops and has_stops[0]["n"] else []
    lines = [f"Home visit. Spoke with {name or 'the young person'} and mum."]
    if peers:
        lines.append(f"{first} said they have been spending time with {' and '.join(peers)} after school.")
        lines.append(f"Mum believes {peers[0].split(' ')[0]} is a bad influence.")
    if school:
        lines.append(f"{first} attends {school[0]['name']} and attendance has fallen this term.")
    if stop:
        from contextsafe.casenotes.names import stop_places

        kind, place, _ = stop_places(stop[0]["name"])[0]
        lines.append(f"Youth worker saw {first} near {place}{' station' if kind == 'station' else ''} late in the "
                     "evening.")
    lines.append("Mum is struggling to safeguard and does not know where they are at night.")
    lines.append(f"There is no indication that {first} has carried a knife or any weapon.")
    lines.append(f"{first} has a positive relationship with the youth worker and uses Snapchat to talk to friends.")
    return "\n".join(lines)


def _decide(note: CaseDocument, user: User) -> None:
    """Confirm the first peer, the school and a theme; reject one theme; leave the rest to decide."""
    pending = list(NoteSuggestion.objects.filter(note=note, state=State.PENDING).order_by("start"))
    peer = next((s for s in pending if s.kind == "person" and s.entity_id and s.entity_id != note.person_id), None)
    school = next((s for s in pending if s.kind == "school" and s.entity_id), None)
    themes = [s for s in pending if s.kind == "theme"]
    for s in (peer, school, themes[0] if themes else None):
        if s is not None:
            services.decide_suggestion(note, s, user, confirm=True)
    if len(themes) > 1:
        services.decide_suggestion(note, themes[-1], user, confirm=False)
