"""The request's state machine: ``draft → requested → answered → feedback given``, and who may move it.

Each transition names the states it starts from, the state it leads to and the party that may take it:
the *requester* (a practitioner of the organisation that owns the document) or the *provider* (a user of the
organisation it was sent to). An answer may be updated after feedback: the request is then answered again,
so the requester reconsiders the assessment ("should the information change the requesting organisation was
notified – and their assessment updated accordingly"). Anything else is refused with a 403 and an audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

from contextsafe.web.accounts.models import UserRole
from contextsafe.web.audit.log import record_event
from contextsafe.web.pgi.models import PgiRequest, State

REQUESTER, PROVIDER = "requester", "provider"


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset[str]
    target: str | None  # None: the state does not change (a draft is saved)
    party: str


TRANSITIONS = {t.name: t for t in (
    Transition("edit_request", "Save the draft request", frozenset({State.DRAFT}), None, REQUESTER),
    Transition("send", "Send the request", frozenset({State.DRAFT}), State.REQUESTED, REQUESTER),
    Transition("draft_answer", "Save a draft answer",
               frozenset({State.REQUESTED, State.ANSWERED, State.FEEDBACK_GIVEN}), None, PROVIDER),
    Transition("answer", "Return the answer",
               frozenset({State.REQUESTED, State.ANSWERED, State.FEEDBACK_GIVEN}), State.ANSWERED, PROVIDER),
    Transition("feedback", "Record feedback",
               frozenset({State.ANSWERED, State.FEEDBACK_GIVEN}), State.FEEDBACK_GIVEN, REQUESTER),
)}


def parties(user, pgi: PgiRequest) -> set[str]:  # noqa: ANN001
    """Which sides of the request the user is on (none, for a panel chair reading it)."""
    found = set()
    if user.role == UserRole.PRACTITIONER and user.organisation_id == pgi.document.organisation_id:
        found.add(REQUESTER)
    if user.role in (UserRole.INFORMATION_PROVIDER, UserRole.PRACTITIONER) and \
            user.organisation_id == pgi.provider_organisation_id:
        found.add(PROVIDER)
    return found


def may(user, pgi: PgiRequest, name: str) -> bool:  # noqa: ANN001
    transition = TRANSITIONS[name]
    return pgi.state in transition.sources and transition.party in parties(user, pgi)


def require(user, pgi: PgiRequest, name: str) -> Transition:  # noqa: ANN001
    """The transition, or a 403 with a refused audit entry naming the state and the party."""
    transition = TRANSITIONS[name]
    if may(user, pgi, name):
        return transition
    why = (f"{transition.label.lower()}: not allowed while {pgi.get_state_display().lower()}"
           if transition.party in parties(user, pgi) else f"{transition.label.lower()}: only the {transition.party}")
    record_event(user, "change", "pgi", str(pgi.document_id), allowed=False, reason=why,
                 purpose=pgi.document.purpose)
    raise PermissionDenied(why)


def available(user, pgi: PgiRequest) -> list[str]:  # noqa: ANN001
    return [name for name in TRANSITIONS if may(user, pgi, name)]
