"""Send, answer and give feedback on peer group information requests. Views call these; every change is saved
through :mod:`contextsafe.web.casework.documents` (a version and an audit entry) and moves the state machine."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from contextsafe.vocab import Purpose
from contextsafe.web import store
from contextsafe.web.access import Kind
from contextsafe.web.casework import documents
from contextsafe.web.casework.models import Status
from contextsafe.web.pgi.models import PgiNotification, PgiRequest, State
from contextsafe.web.pgi.workflow import require


def agreement_permits_profiling(agreement) -> bool:  # noqa: ANN001 - governance.SharingAgreement
    """The rule deciding whether an answer may also feed the aggregate profile.

    An agreement permits profiling use of peer group information when the store registers at least one source
    under it and *every* such source permits profiling. An agreement the store does not know, or one covering
    any assessment-only source (such as the peer group information pilot's), permits assessment only — the
    form is "not an intelligence gathering exercise" and was collected "for the purposes of assessment alone".
    """
    under = [s for s in store.sources().values() if agreement is not None and s.agreement == agreement.reference]
    return bool(under) and all(Purpose.PROFILING in s.purposes for s in under)


def requester_label(user) -> str:  # noqa: ANN001
    name = user.get_full_name() or user.username
    return f"{name}, {user.organisation.name}" if user.organisation else name


def _request_data(user, cleaned: dict[str, Any]) -> dict[str, Any]:  # noqa: ANN001
    named = cleaned.get("provider_user")
    provider = (named.get_full_name() or named.username) if named else cleaned.get("provider_name", "")
    return {"request": {
        "requester": requester_label(user), "young_person_name": cleaned["young_person_name"],
        "person_id": cleaned["person_id"], "assessment_type": cleaned["assessment_type"],
        "assessment_other": cleaned.get("assessment_other", ""), "concerns": list(cleaned["concerns"]),
        "provider": f"{provider}, {cleaned['provider_organisation'].name}" if provider
        else cleaned["provider_organisation"].name, "message": cleaned.get("message", "")}}


def title_for(cleaned: dict[str, Any]) -> str:
    return f"Peer group information: {cleaned['young_person_name']}"


@transaction.atomic
def create_request(user, cleaned: dict[str, Any], send: bool) -> PgiRequest:  # noqa: ANN001
    """A new request owned by the requester's organisation and shared with the provider's; sent at once or kept
    as a draft. Collected for assessment, whatever the agreement permits later."""
    agreement = cleaned["agreement"]
    document = documents.create(
        Kind.PGI, user, title_for(cleaned), _request_data(user, cleaned), purpose=Purpose.ASSESSMENT,
        agreement=agreement, person_id=cleaned["person_id"], reason=", ".join(cleaned["concerns"]),
        status=Status.DRAFT)  # shared with the provider's organisation only once sent
    pgi = PgiRequest.objects.create(document=document, provider_organisation=cleaned["provider_organisation"],
                                    provider_user=cleaned.get("provider_user"),
                                    permits_profiling=agreement_permits_profiling(agreement))
    if send:
        send_request(user, pgi)
    return pgi


@transaction.atomic
def update_request(user, pgi: PgiRequest, cleaned: dict[str, Any], send: bool) -> None:  # noqa: ANN001
    require(user, pgi, "send" if send else "edit_request")
    document = pgi.document
    document.title, document.agreement, document.person_id = title_for(cleaned), cleaned["agreement"], \
        cleaned["person_id"]
    document.save(update_fields=["title", "agreement", "person_id"])
    pgi.provider_organisation, pgi.provider_user = cleaned["provider_organisation"], cleaned.get("provider_user")
    pgi.permits_profiling = agreement_permits_profiling(cleaned["agreement"])
    pgi.save()
    documents.save(document, user, {**document.data, **_request_data(user, cleaned)}, note="draft request edited")
    if send:
        send_request(user, pgi)


def send_request(user, pgi: PgiRequest) -> None:  # noqa: ANN001
    require(user, pgi, "send")
    pgi.state, pgi.requested_at = State.REQUESTED, timezone.now()
    pgi.save(update_fields=["state", "requested_at"])
    pgi.document.shared_with.set([pgi.provider_organisation])
    documents.save(pgi.document, user, pgi.document.data, status=Status.SUBMITTED,
                   note=f"sent to {pgi.provider_organisation.name}")


@transaction.atomic
def save_answer(user, pgi: PgiRequest, answer: dict[str, Any], submit: bool) -> None:  # noqa: ANN001
    """Keep a draft answer (only the provider's organisation sees it), or return it: the answer then shows in
    the requester's view and the requester is notified (of the first answer and of every update)."""
    data = {k: v for k, v in pgi.document.data.items() if k != "answer_draft"}
    if not submit:
        require(user, pgi, "draft_answer")
        documents.save(pgi.document, user, {**data, "answer_draft": answer}, note="answer saved as a draft")
        return
    require(user, pgi, "answer")
    update = "answer" in data
    data["answer"] = {**answer, "answered_by": requester_label(user), "answered_on": timezone.localdate()}
    pgi.state, pgi.answered_at, pgi.answered_by = State.ANSWERED, timezone.now(), user
    pgi.save(update_fields=["state", "answered_at", "answered_by"])
    documents.save(pgi.document, user, data, note="answer updated" if update else "answer returned")
    what = "updated their answer" if update else "answered"
    notify(pgi, pgi.document.created_by, f"{pgi.provider_organisation.name} {what}: {pgi.document.title}")


@transaction.atomic
def give_feedback(user, pgi: PgiRequest, feedback: dict[str, Any]) -> None:  # noqa: ANN001
    require(user, pgi, "feedback")
    data = {**pgi.document.data, "feedback": {**feedback, "given_by": requester_label(user),
                                              "given_on": timezone.localdate()}}
    pgi.state, pgi.feedback_at = State.FEEDBACK_GIVEN, timezone.now()
    pgi.save(update_fields=["state", "feedback_at"])
    documents.save(pgi.document, user, data, note="feedback given")
    if pgi.answered_by_id:
        notify(pgi, pgi.answered_by, f"{pgi.document.organisation.name} gave feedback: {pgi.document.title}")


def notify(pgi: PgiRequest, recipient, message: str) -> PgiNotification:  # noqa: ANN001
    return PgiNotification.objects.create(request=pgi, recipient=recipient, message=message[:300])


def unread(user):  # noqa: ANN001, ANN201
    return PgiNotification.objects.filter(recipient=user, read_at__isnull=True).select_related("request")


def mark_read(user, pgi: PgiRequest) -> int:  # noqa: ANN001
    return PgiNotification.objects.filter(recipient=user, request=pgi, read_at__isnull=True).update(
        read_at=timezone.now())
