"""Read a note, record decisions on its suggestions, and export confirmed associations to the store.

Views call these and never write the models themselves, so every decision is a new version of the note (who
decided what, when) with its audit entry.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from contextsafe.casenotes import Gazetteer, build_gazetteer, extract
from contextsafe.web import store
from contextsafe.web.access import Action, Kind, Target, decide
from contextsafe.web.casenotes.models import ConfirmedAssociation, NoteSuggestion, State
from contextsafe.web.casework import documents
from contextsafe.web.casework.models import CaseDocument


def visible_sources(user, purpose: str) -> tuple[str, ...]:  # noqa: ANN001
    """The sources whose young people this user may look up for ``purpose`` (organisation-scoped for
    practitioners): the gazetteer reads no others, so a suggestion never names a young person the user could
    not find themselves."""
    decision = decide(user, purpose, Target(Kind.PERSON), Action.SEARCH)
    return tuple(sorted(decision.sources)) if decision.allowed else ()


def gazetteer(sources: tuple[str, ...]) -> Gazetteer:
    ws = store.workspace()
    stamp = ws.store_path.stat().st_mtime_ns if ws else 0
    return _gazetteer(str(ws.store_path) if ws else "", stamp, sources)


@lru_cache(maxsize=8)
def _gazetteer(_path: str, _stamp: int, sources: tuple[str, ...]) -> Gazetteer:
    return build_gazetteer(store.query, sources)


def subject_label(person_id: str, sources: tuple[str, ...]) -> str:
    """The young person's name as the visible sources record it most often ('' when none does)."""
    rows = store.query("""SELECT r.given_name, r.family_name, count(*) AS n FROM person_records p
                          JOIN records r USING (source, record_id)
                          WHERE p.person_id = ? AND list_contains(?::VARCHAR[], r.source)
                          GROUP BY ALL ORDER BY n DESC, 1, 2 LIMIT 1""", [person_id, list(sources)])
    return f"{rows[0]['given_name'] or ''} {rows[0]['family_name'] or ''}".strip() if rows else ""


@transaction.atomic
def add_note(user, person_id: str, title: str, text: str, written_on: dt.date, purpose: str,  # noqa: ANN001
             shared_with=()) -> CaseDocument:  # noqa: ANN001
    """Record a note about ``person_id`` under ``purpose`` and keep what it suggests (all to decide)."""
    sources = visible_sources(user, purpose)
    data = {"text": text, "written_on": written_on, "subject": subject_label(person_id, sources)}
    note = documents.create(Kind.CASE_NOTE, user, title, data, purpose=purpose, person_id=person_id,
                            shared_with=shared_with, reason="Case note")
    suggest(note, sources)
    return note


def suggest(note: CaseDocument, sources: tuple[str, ...]) -> list[NoteSuggestion]:
    """Read the note against the gazetteer of ``sources`` and store its suggestions."""
    found = extract(note.data.get("text", ""), gazetteer(sources), subject=note.person_id or None)
    rows = [NoteSuggestion(note=note, start=s.start, end=s.end, text=s.text[:300], kind=s.kind,
                           entity_id=s.entity_id or "", label=s.label[:300], score=round(s.score, 1),
                           evidence=s.evidence[:1000], reason=s.reason[:300],
                           candidates=[list(c) for c in s.candidates]) for s in found]
    return NoteSuggestion.objects.bulk_create(rows)


@transaction.atomic
def decide_suggestion(note: CaseDocument, suggestion: NoteSuggestion, user, confirm: bool,  # noqa: ANN001
                      entity_id: str = "") -> NoteSuggestion:
    """Confirm (optionally choosing one of an ambiguous suggestion's candidates) or reject a suggestion.

    Only a confirmed person, school or place other than the young person themself becomes an association, and
    it carries the purpose the note was recorded under.
    """
    if suggestion.note_id != note.pk:
        raise PermissionDenied("suggestion of another note")
    if suggestion.state != State.PENDING:
        raise ValidationError("This suggestion has already been decided.")
    if confirm:
        chosen = entity_id or suggestion.entity_id
        offered = {suggestion.entity_id, *(c[0] for c in suggestion.candidates)} - {""}
        if suggestion.associable and (not chosen or chosen not in offered):
            raise ValidationError("Choose which young person, school or place the note means.")
        if chosen and chosen != suggestion.entity_id:
            suggestion.label = dict((c[0], c[1]) for c in suggestion.candidates).get(chosen, chosen)
            suggestion.entity_id = chosen
    suggestion.state = State.CONFIRMED if confirm else State.REJECTED
    suggestion.decided_by = user
    suggestion.decided_at = timezone.now()
    suggestion.save()
    if confirm and suggestion.associable and suggestion.entity_id != note.person_id:
        ConfirmedAssociation.objects.create(
            note=note, suggestion=suggestion, subject_person_id=note.person_id, kind=suggestion.kind,
            entity_id=suggestion.entity_id, label=suggestion.label, start=suggestion.start, end=suggestion.end,
            evidence=suggestion.evidence, purpose=note.purpose, confirmed_by=user)
    decisions = dict(note.data.get("decisions", {}))
    decisions[str(suggestion.pk)] = {"state": suggestion.state, "kind": suggestion.kind,
                                     "entity_id": suggestion.entity_id, "span": [suggestion.start, suggestion.end]}
    documents.save(note, user, {**note.data, "decisions": decisions},
                   note=f"{suggestion.state} {suggestion.kind} suggestion {suggestion.pk}")
    return suggestion


def segments(text: str, suggestions: list[NoteSuggestion]) -> list[tuple[str, NoteSuggestion | None]]:
    """The note's text cut into plain runs and highlighted suggestions (the first of overlapping ones)."""
    out: list[tuple[str, NoteSuggestion | None]] = []
    at = 0
    for s in sorted(suggestions, key=lambda s: (s.start, -(s.end - s.start))):
        if s.start < at or s.end > len(text):
            continue
        if s.start > at:
            out.append((text[at:s.start], None))
        out.append((text[s.start:s.end], s))
        at = s.end
    if at < len(text):
        out.append((text[at:], None))
    return out


def export_confirmed(workspace, purpose: str):  # noqa: ANN001, ANN201 - Workspace -> IngestReport | None
    """Send every association confirmed under ``purpose`` to the store through ingest, as source
    ``case_notes_<purpose>`` permitting that purpose only; marks them exported. Django must be set up."""
    from contextsafe.casenotes import export_associations

    store.release()  # the application's read-only connection would block writing
    chosen = list(ConfirmedAssociation.objects.filter(purpose=purpose).select_related("note").order_by("pk"))
    items = []
    for a in chosen:
        subject = {"given": "", "family": "", "person_id": a.subject_person_id}
        given, _, family = (a.note.data.get("subject") or "").partition(" ")
        subject.update(given=given, family=family)
        peer_given, _, peer_family = a.label.partition(" ")
        items.append({"ref": f"CN{a.pk}", "note_ref": f"CN{a.note_id}", "confirmed_on": a.confirmed_at.date(),
                      "kind": a.kind, "entity_id": a.entity_id, "purpose": a.purpose, "subject": subject,
                      "peer": {"given": peer_given, "family": peer_family, "person_id": a.entity_id}})
    report = export_associations(workspace, items, purpose)
    ConfirmedAssociation.objects.filter(pk__in=[a.pk for a in chosen], exported_at__isnull=True).update(
        exported_at=timezone.now())
    return report
