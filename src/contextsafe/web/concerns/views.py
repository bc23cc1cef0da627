"""Child-on-child concerns: the school's list with outcome counts, a new concern, one concern, its discussions
and the decision. Every save goes through :mod:`contextsafe.web.casework.documents` (a version, an audit entry)."""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from contextsafe.vocab import Purpose
from contextsafe.web.access import Action, Kind, Target, check, stated_purpose
from contextsafe.web.audit.log import record_event
from contextsafe.web.casework import documents
from contextsafe.web.casework.models import CaseDocument, Status
from contextsafe.web.concerns import forms as cf
from contextsafe.web.concerns.permissions import may_record


def _concern(request, pk: int, action: Action = Action.VIEW, detail: str = "") -> CaseDocument:  # noqa: ANN001
    check(request, Target(Kind.CHILD_CONCERN, str(pk)), action, detail=detail)
    document = get_object_or_404(CaseDocument.objects.select_related("organisation"), pk=pk,
                                 kind=Kind.CHILD_CONCERN)
    if action == Action.CHANGE and request.user.organisation_id != document.organisation_id:
        _refuse(request, "only the school that recorded the concern changes it", str(pk))
    return document


def _refuse(request, why: str, ident: str = "") -> None:  # noqa: ANN001
    record_event(request.user, "change", Kind.CHILD_CONCERN, ident, allowed=False, reason=why,
                 purpose=stated_purpose(request) or "")
    raise PermissionDenied(why)


def outcome_counts(concerns) -> list[tuple[str, str, int]]:  # noqa: ANN001
    """(code, label, number of concerns) for each decision, and those awaiting one: counts, never a score."""
    counted = Counter((c.data.get("decision") or {}).get("outcome", "awaiting") for c in concerns
                      if c.status != Status.DRAFT)
    rows = [(code, label, counted.get(code, 0)) for code, label in cf.OUTCOMES]
    return [*rows, ("awaiting", "Awaiting a decision", counted.get("awaiting", 0))]


@login_required
def concern_list(request):  # noqa: ANN001, ANN201
    check(request, Target(Kind.CHILD_CONCERN), Action.VIEW)
    concerns = list(documents.visible(request.user, Kind.CHILD_CONCERN, stated_purpose(request))
                    .order_by("-created_at"))
    own = [c for c in concerns if c.organisation_id == request.user.organisation_id]
    shared = [c for c in concerns if c.organisation_id != request.user.organisation_id and c.status != Status.DRAFT]
    return render(request, "concerns/list.html", {
        "own": own, "shared": shared, "counts": outcome_counts(own), "may_record": may_record(request.user),
        "outcomes": dict(cf.OUTCOMES)})


def _title(children: list[dict], happened_on) -> str:  # noqa: ANN001
    return f"Child-on-child concern of {happened_on:%d %b %Y} ({len(children)} children)"


@login_required
def new_concern(request):  # noqa: ANN001, ANN201
    check(request, Target(Kind.CHILD_CONCERN), Action.CHANGE)
    if not may_record(request.user):
        _refuse(request, "only a school's information provider records a child-on-child concern")
    return _edit(request, None)


@login_required
def edit_concern(request, pk: int):  # noqa: ANN001, ANN201
    return _edit(request, _concern(request, pk, Action.CHANGE, detail="edit concern"))


def _edit(request, document: CaseDocument | None):  # noqa: ANN001, ANN202
    saved = document.data if document else {}
    form = cf.ConcernForm(request.POST or None, initial=saved.get("concern", {}))
    # Initial rows only when unbound: a bound row equal to its initial would count as unchanged and be dropped.
    kids = cf.ChildFormSet(request.POST or None, prefix="children",
                           initial=None if request.method == "POST" else saved.get("children", []),
                           form_kwargs={"user": request.user, "purpose": stated_purpose(request)})
    if request.method == "POST" and form.is_valid() & kids.is_valid():
        rows = cf.children(kids)
        content = {**saved, "concern": documents.plain(form.cleaned_data), "children": rows}
        draft = "draft" in request.POST
        status = Status.DRAFT if draft and (document is None or document.status == Status.DRAFT) else None
        title = _title(rows, form.cleaned_data["happened_on"])
        if document is None:
            document = documents.create(Kind.CHILD_CONCERN, request.user, title, content, purpose=Purpose.ASSESSMENT,
                                        person_id=next((r["person_id"] for r in rows if r["person_id"]), ""),
                                        status=status or Status.SUBMITTED)
        else:
            document.title = title
            document.save(update_fields=["title"])
            promote = Status.SUBMITTED if document.status == Status.DRAFT and not draft else status
            documents.save(document, request.user, content, status=promote, note="concern edited")
        messages.info(request, "Draft saved." if document.status == Status.DRAFT else "Concern recorded.")
        return redirect("concerns:detail", pk=document.pk)
    return render(request, "concerns/concern_form.html", {"form": form, "children": kids, "document": document})


@login_required
def detail(request, pk: int):  # noqa: ANN001, ANN201
    document = _concern(request, pk)
    if document.status == Status.DRAFT and request.user.organisation_id != document.organisation_id:
        _refuse(request, "a draft stays with the school that recorded it", str(pk))
    data = document.data
    owner = request.user.organisation_id == document.organisation_id and may_record(request.user)
    return render(request, "concerns/detail.html", {
        "document": document, "concern": data.get("concern", {}), "children": data.get("children", []),
        "discussions": data.get("discussions", []), "decision": data.get("decision"), "owner": owner,
        "labels": {"harm": dict(cf.HARM), "where": dict(cf.WHERE), "reported": dict(cf.REPORTED),
                   "role": dict(cf.ROLES), "outcome": dict(cf.OUTCOMES)}})


@login_required
def discussion(request, pk: int):  # noqa: ANN001, ANN201
    document = _concern(request, pk, Action.CHANGE, detail="discussion")
    if document.status == Status.DRAFT:
        _refuse(request, "record the concern before discussing it", str(pk))
    form = cf.DiscussionForm(request.POST or None, initial={"held_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        entry = {**documents.plain(form.cleaned_data), "recorded_by": request.user.username}
        data = {**document.data, "discussions": [*document.data.get("discussions", []), entry]}
        documents.save(document, request.user, data, note="discussion recorded")
        messages.info(request, "Discussion recorded.")
        return redirect("concerns:detail", pk=pk)
    return render(request, "concerns/discussion_form.html", {"form": form, "document": document})


@login_required
def decision(request, pk: int):  # noqa: ANN001, ANN201
    document = _concern(request, pk, Action.CHANGE, detail="decision")
    if document.status == Status.DRAFT:
        _refuse(request, "record the concern before deciding on it", str(pk))
    saved = document.data.get("decision") or {"decided_on": timezone.localdate(),
                                              "decided_by": request.user.get_full_name() or request.user.username}
    initial = {**saved, "share_with": list(document.shared_with.values_list("id", flat=True))}
    form = cf.DecisionForm(request.POST or None, initial=initial, owner_id=document.organisation_id)
    if request.method == "POST" and form.is_valid():
        shared = list(form.cleaned_data["share_with"])
        chosen = {k: v for k, v in form.cleaned_data.items() if k != "share_with"}
        entry = {**documents.plain(chosen), "shared_with": sorted(o.name for o in shared)}
        document.shared_with.set(shared)
        note = "decision revised" if document.data.get("decision") else "decision recorded"
        documents.save(document, request.user, {**document.data, "decision": entry}, status=Status.CLOSED, note=note)
        messages.info(request, "Decision recorded.")
        return redirect("concerns:detail", pk=pk)
    return render(request, "concerns/decision_form.html", {"form": form, "document": document})
