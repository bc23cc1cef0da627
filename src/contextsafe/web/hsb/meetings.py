"""What the framework's quality assurance asks of each meeting (appendix L, section 7): factors with no planned
intervention in their context, what shifted since the meeting reviewed, and trend data across meetings.
Views call these; they hold no rules of their own."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db import transaction

from contextsafe.web.access import Kind
from contextsafe.web.casework import documents
from contextsafe.web.casework.models import CaseDocument
from contextsafe.web.hsb.factors import (
    CONTEXTS,
    CONTINUUM,
    CONTINUUM_LABELS,
    CONTINUUM_ORDER,
    FACTOR_KINDS,
    SHORT_CONTEXT,
    selected_factors,
)
from contextsafe.web.hsb.models import MeetingAction, Rag, RagChange

KIND = str(Kind.HSB_MEETING)


@dataclass(frozen=True)
class Warning:
    context: str
    kind: str
    factor: str

    @property
    def message(self) -> str:
        return (f"{self.kind.capitalize()} factor \u201c{self.factor}\u201d ({SHORT_CONTEXT[self.context]}) has no "
                "planned action or intervention in the same context")


def planned_contexts(document: CaseDocument) -> set[str]:
    """Contexts with a planned intervention: an action agreed in that context, or the table's planned actions."""
    table = document.data.get("table") or {}
    written = {c for c, _ in CONTEXTS if ((table.get(c) or {}).get("planned_actions") or "").strip()}
    return written | set(document.hsb_actions.values_list("context", flat=True))


def warnings(document: CaseDocument) -> list[Warning]:
    """One warning for every factor picked in a context where nothing is planned."""
    planned = planned_contexts(document)
    order = {c: n for n, (c, _) in enumerate(CONTEXTS)}
    found = [Warning(c, k, f) for c, k, f in selected_factors(document.data) if c not in planned]
    return sorted(found, key=lambda w: (order[w.context], FACTOR_KINDS.index(w.kind), w.factor))


def add_action(document: CaseDocument, user, *, what: str, context: str, owner: str, due_on,  # noqa: ANN001
               rag: str = Rag.RED, carried_from: MeetingAction | None = None, note: str = "agreed") -> MeetingAction:
    action = MeetingAction.objects.create(document=document, what=what, context=context, owner=owner,
                                          due_on=due_on, rag=rag, carried_from=carried_from, created_by=user)
    RagChange.objects.create(action=action, rag=rag, changed_by=user, note=note)
    _note(document, user, f"action {action.pk} {note} ({rag})")
    return action


def set_rag(action: MeetingAction, user, rag: str, note: str = "") -> None:  # noqa: ANN001
    if rag == action.rag and not note:
        return
    before = action.rag
    action.rag = rag
    action.save(update_fields=["rag"])
    RagChange.objects.create(action=action, rag=rag, changed_by=user, note=note[:500])
    _note(action.document, user, f"action {action.pk} {before} \u2192 {rag}")


def _note(document: CaseDocument, user, note: str) -> None:  # noqa: ANN001
    """Every change to the actions is a version of the meeting (its history says who changed what)."""
    data = dict(document.data)
    data["actions"] = [{"id": a.pk, "what": a.what, "context": a.context, "owner": a.owner,
                        "due_on": a.due_on, "rag": a.rag} for a in document.hsb_actions.order_by("pk")]
    documents.save(document, user, data, note=note)


@transaction.atomic
def start_review(previous: CaseDocument, user, meeting_date) -> CaseDocument:  # noqa: ANN001
    """A follow-up meeting linked to ``previous``: its table and decisions to revisit, its actions carried over
    with their colours (so changes of colour show), the same attendees; owned by the same organisation."""
    keep = {k: v for k, v in previous.data.items() if k not in ("minutes", "actions", "meeting_date")}
    data = {**keep, "meeting_date": meeting_date, "review_of": previous.pk, "minutes": ""}
    review = documents.create(KIND, user, title(data, len(chain(previous))), data, purpose=previous.purpose,
                              agreement=previous.agreement, person_id=previous.person_id,
                              shared_with=previous.shared_with.all(), organisation=previous.organisation,
                              reason=previous.reason)
    for action in previous.hsb_actions.order_by("pk"):
        add_action(review, user, what=action.what, context=action.context, owner=action.owner,
                   due_on=action.due_on, rag=action.rag, carried_from=action,
                   note=f"carried from meeting {previous.pk}")
    return review


def title(data: dict, review_number: int = 0) -> str:
    """``HSB meeting: <young person> (<date>)``, and ``(review n)`` for the n-th meeting that follows the first."""
    base = f"HSB meeting: {data['young_person']} ({data['meeting_date']})"
    return f"{base} (review {review_number})" if review_number else base


def review_number(document: CaseDocument) -> int:
    return len(chain(document)) - 1


def chain(document: CaseDocument) -> list[CaseDocument]:
    """The meetings this one follows, oldest first, ending with itself."""
    found = [document]
    seen = {document.pk}
    while (up := found[0].data.get("review_of")) and up not in seen:
        previous = CaseDocument.objects.filter(pk=up, kind=KIND).first()
        if previous is None:
            break
        found.insert(0, previous)
        seen.add(up)
    return found


@dataclass(frozen=True)
class Shift:
    added: list[tuple[str, str, str]]
    removed: list[tuple[str, str, str]]
    rag_changes: list[tuple[str, str, str]]  # what, before, after
    continuum_before: str
    continuum_after: str

    @property
    def continuum_change(self) -> str:
        before, after = CONTINUUM_ORDER.get(self.continuum_before), CONTINUUM_ORDER.get(self.continuum_after)
        if before is None or after is None or before == after:
            return "unchanged"
        return "escalated" if after > before else "de-escalated"


def shift(previous: CaseDocument, review: CaseDocument) -> Shift:
    """What moved between a meeting and its review: factors added and removed, colours, the continuum level."""
    old, new = selected_factors(previous.data), selected_factors(review.data)
    order = {c: n for n, (c, _) in enumerate(CONTEXTS)}

    def key(t: tuple[str, str, str]) -> tuple:
        return order[t[0]], FACTOR_KINDS.index(t[1]), t[2]

    rag = [(a.what, a.carried_from.rag, a.rag) for a in
           review.hsb_actions.select_related("carried_from").filter(carried_from__isnull=False).order_by("pk")
           if a.carried_from.rag != a.rag]
    return Shift(sorted(new - old, key=key), sorted(old - new, key=key), rag,
                 previous.data.get("continuum_level", ""), review.data.get("continuum_level", ""))


def trends(meetings) -> dict:  # noqa: ANN001 - a queryset of HSB meeting documents
    """Counts only, no names: factors by context and kind, the most frequent factors, continuum levels and factors
    by context by month of meeting, factors without a planned action by context, and actions by colour."""
    by_context: Counter = Counter()
    factors: Counter = Counter()
    unplanned: Counter = Counter()
    levels: dict[str, Counter] = {}
    monthly: dict[str, Counter] = {}
    rag: Counter = Counter()
    total = 0
    for meeting in meetings:
        total += 1
        picked = selected_factors(meeting.data)
        by_context.update((c, k) for c, k, _ in picked)
        factors.update(picked)
        unplanned.update(w.context for w in warnings(meeting))
        month = (meeting.data.get("meeting_date") or meeting.created_at.date().isoformat())[:7]
        levels.setdefault(month, Counter())[meeting.data.get("continuum_level") or "not recorded"] += 1
        monthly.setdefault(month, Counter()).update(c for c, _, _ in picked)
        rag.update(meeting.hsb_actions.values_list("rag", flat=True))
    return {
        "meetings": total,
        "by_context": [(SHORT_CONTEXT[c], [by_context[(c, k)] for k in FACTOR_KINDS], unplanned[c])
                       for c, _ in CONTEXTS],
        "top_factors": [(SHORT_CONTEXT[c], k, f, n) for (c, k, f), n in
                        sorted(factors.items(), key=lambda item: (-item[1], item[0]))[:20]],
        "levels": [(month, [levels[month][key] for key, _, _ in CONTINUUM]) for month in sorted(levels)],
        "level_labels": [CONTINUUM_LABELS[key] for key, _, _ in CONTINUUM],
        "contexts_by_month": [(month, [monthly[month][c] for c, _ in CONTEXTS]) for month in sorted(monthly)],
        "context_labels": [SHORT_CONTEXT[c] for c, _ in CONTEXTS],
        "rag": [(label, rag[value]) for value, label in Rag.choices],
    }
