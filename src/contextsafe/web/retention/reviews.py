"""Casework documents as lists: every young person (or context) a document names is there for its ``reason``
until its ``review_on`` date. The people and contexts pages show them with their review dates; when the date
has passed, retention takes the young person off (the document loses its link to them and is closed), logged.

A document naming nobody is not on any list. A document naming someone with no review date is shown as
needing one and listed for the data protection officer, but not removed: nobody has said when it lapses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from contextsafe.web.access import Action, Kind, Target, decide
from contextsafe.web.audit.log import record_event
from contextsafe.web.casework.models import CaseDocument, Status

NAMES_SOMEONE = ~Q(person_id="") | ~Q(context_key="")


@dataclass(frozen=True)
class Listing:
    """One casework document naming a young person or context, as that person's or context's page shows it."""

    pk: int
    kind: str
    title: str
    organisation: str
    reason: str
    review_on: date | None
    lapsed: bool


def listings(user, purpose: str | None, today: date, *, person_id: str = "",  # noqa: ANN001
             context_key: str = "") -> list[Listing]:
    """The casework documents naming this person (or context) that the user may open for their purpose."""
    if not (person_id or context_key) or not purpose:
        return []
    found = CaseDocument.objects.filter(person_id=person_id) if person_id else CaseDocument.objects.filter(
        context_key=context_key)
    shown = []
    for doc in found.select_related("organisation").order_by("review_on", "pk"):
        try:
            kind = Kind(doc.kind)
        except ValueError:
            continue
        if not decide(user, purpose, Target(kind, str(doc.pk)), Action.VIEW).allowed:
            continue
        shown.append(Listing(doc.pk, doc.kind, doc.title, doc.organisation.name, doc.reason, doc.review_on,
                             doc.review_on is not None and doc.review_on < today))
    return shown


def lapsed(today: date) -> QuerySet[CaseDocument]:
    """Documents still naming someone whose review date has passed."""
    return CaseDocument.objects.filter(NAMES_SOMEONE, review_on__lt=today).select_related("organisation").order_by(
        "review_on", "pk")


def undated(today: date) -> QuerySet[CaseDocument]:  # noqa: ARG001 - same signature as lapsed
    """Documents naming someone with no review date (listed for the data protection officer, not removed)."""
    return CaseDocument.objects.filter(NAMES_SOMEONE, review_on__isnull=True).select_related(
        "organisation").order_by("pk")


def take_off_lapsed(today: date, user=None) -> list[dict]:  # noqa: ANN001
    """Unlink every lapsed document from the young person and context it names and close it, one audit entry
    each (who it named, why, until when). The document itself stays with its owner: only the listing goes."""
    done = []
    for doc in lapsed(today):
        named = "; ".join(filter(None, [f"person {doc.person_id}" if doc.person_id else "",
                                        f"context {doc.context_key}" if doc.context_key else ""]))
        CaseDocument.objects.filter(pk=doc.pk).update(person_id="", context_key="", status=Status.CLOSED)
        record_event(user, "retention_unlist", doc.kind, str(doc.pk), purpose=doc.purpose,
                     detail=f"review date {doc.review_on.isoformat()} passed: {named} taken off, document closed")
        done.append({"pk": doc.pk, "kind": doc.kind, "organisation": doc.organisation.name,
                     "review_on": doc.review_on, "named": named})
    return done
