"""Contextual assessment and intervention plan (appendix G, Figure 4): start one about a linked young person, fill
in the three tables one page each (drafts), submit, and read it with the peer group information already answered
about the same young person. Every save is a version (``/casework/<pk>/history/``); print and PDF are generic."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render

from contextsafe.web.access import Action, Kind, Target, check, stated_purpose
from contextsafe.web.accounts.models import Organisation
from contextsafe.web.assessments import service
from contextsafe.web.assessments.grid import (
    field_cells,
    grid_cells,
    read_fields,
    read_grid,
    read_rows,
    rows_cells,
)
from contextsafe.web.assessments.schema import BEYOND, CONCLUSIONS, CONTEXTS, GATHERING, OTHER_CONTROLS, PLAN
from contextsafe.web.casework import documents
from contextsafe.web.casework.models import CaseDocument, Status

KIND = Kind.ASSESSMENT


def _document(request, pk: int, action: Action) -> CaseDocument:  # noqa: ANN001
    check(request, Target(KIND, str(pk)), action)
    document = get_object_or_404(CaseDocument.objects.select_related("organisation", "created_by"), pk=pk, kind=KIND)
    if action == Action.CHANGE:
        service.owned(request, document)
    return document


@login_required
def listing(request):  # noqa: ANN001, ANN201
    check(request, Target(KIND), Action.SEARCH)
    found = documents.visible(request.user, KIND, stated_purpose(request)).order_by("-updated_at")
    may_start = request.user.role in _changers()
    return render(request, "assessments/list.html", {"assessments": found, "may_start": may_start})


def _changers() -> frozenset[str]:
    from contextsafe.web.access import rules

    return rules()[KIND].get(Action.CHANGE, frozenset())


def _organisations(user) -> list[Organisation]:  # noqa: ANN001
    return list(Organisation.objects.exclude(pk=user.organisation_id).order_by("name"))


@login_required
def new(request):  # noqa: ANN001, ANN201
    check(request, Target(KIND), Action.CHANGE)
    purpose = stated_purpose(request)
    post = request.POST if request.method == "POST" else {}
    values = {"title": post.get("title", "").strip()[:300], "person_id": post.get("person_id", "").strip()[:100],
              "reason": post.get("reason", "").strip()[:4000],
              "shared_with": [int(x) for x in post.getlist("shared_with") if x.isdigit()] if post else []}
    errors = {}
    if request.method == "POST":
        errors = _new_errors(request.user, purpose, values)
        if not errors:
            shared = Organisation.objects.filter(pk__in=values["shared_with"]).exclude(pk=request.user.organisation_id)
            document = documents.create(KIND, request.user, values["title"], {}, purpose=purpose,
                                        person_id=values["person_id"], reason=values["reason"], shared_with=shared)
            messages.info(request, "Draft assessment started. Fill in the three tables, then submit.")
            return redirect("assessments:detail", pk=document.pk)
    return render(request, "assessments/new.html", {"values": values, "errors": errors,
                                                    "organisations": _organisations(request.user)})


def _new_errors(user, purpose: str | None, values: dict) -> dict[str, str]:  # noqa: ANN001
    errors = {}
    if not values["title"]:
        errors["title"] = "Give the assessment a title (use initials or a code, not a full name)"
    if not values["person_id"]:
        errors["person_id"] = "Enter the linked young person's identifier (for example P-0012)"
    elif not service.person_visible(user, purpose, values["person_id"]):
        errors["person_id"] = "No young person with this identifier is visible to you for this purpose"
    return errors


@login_required
def detail(request, pk: int):  # noqa: ANN001, ANN201
    document = _document(request, pk, Action.VIEW)
    data = document.data or {}
    context = {
        "document": document, "data": data, "contexts": CONTEXTS,
        "gathering": grid_cells(GATHERING, data.get("gathering", {}), {}),
        "conclusions": grid_cells(CONCLUSIONS, data.get("conclusions", {}), {}),
        "beyond": field_cells(BEYOND, data.get("beyond", {}), {}),
        "actions": service.actions(data), "plan": data.get("plan", []),
        "problems": service.submit_problems(data) if document.status == Status.DRAFT else [],
        "pgi": service.peer_group_information(request.user, stated_purpose(request), document.person_id),
        "owner": request.user.organisation_id == document.organisation_id and request.user.role in _changers(),
        "shared_with": document.shared_with.order_by("name"),
    }
    return render(request, "assessments/detail.html", context)


def _save(request, document: CaseDocument, data: dict, section: str):  # noqa: ANN001, ANN202
    note = f"{section} saved" + (" after submission" if document.status != Status.DRAFT else "")
    documents.save(document, request.user, {**(document.data or {}), **data}, note=note)
    messages.info(request, f"{section.capitalize()} saved (version {document.version}).")
    return redirect("assessments:detail", pk=document.pk)


@login_required
def details(request, pk: int):  # noqa: ANN001, ANN201
    document = _document(request, pk, Action.CHANGE)
    errors: dict[str, str] = {}
    if request.method == "POST":
        title = request.POST.get("title", "").strip()[:300]
        if not title:
            errors["title"] = "Give the assessment a title (use initials or a code, not a full name)"
        else:
            document.title = title
            document.reason = request.POST.get("reason", "").strip()[:4000]
            document.save(update_fields=["title", "reason"])
            ids = [int(x) for x in request.POST.getlist("shared_with") if x.isdigit()]
            document.shared_with.set(Organisation.objects.filter(pk__in=ids).exclude(pk=document.organisation_id))
            names = ", ".join(document.shared_with.order_by("name").values_list("name", flat=True)) or "nobody"
            return _save(request, document, {}, f"details and sharing (shared with {names})")
    return render(request, "assessments/details.html", {
        "document": document, "errors": errors, "organisations": _organisations(request.user),
        "shared": set(document.shared_with.values_list("id", flat=True))})


@login_required
def gathering(request, pk: int):  # noqa: ANN001, ANN201
    document = _document(request, pk, Action.CHANGE)
    if request.method == "POST":
        return _save(request, document, {"gathering": read_grid(GATHERING, request.POST)}, "information gathering")
    rows = grid_cells(GATHERING, document.data.get("gathering", {}), {})
    return render(request, "assessments/gathering.html", {"document": document, "rows": rows, "contexts": CONTEXTS})


@login_required
def conclusions(request, pk: int):  # noqa: ANN001, ANN201
    document = _document(request, pk, Action.CHANGE)
    if request.method == "POST":
        data = {"conclusions": read_grid(CONCLUSIONS, request.POST),
                "beyond": read_fields(BEYOND, request.POST, "beyond.")}
        return _save(request, document, data, "explanations and conclusions")
    return render(request, "assessments/conclusions.html", {
        "document": document, "rows": grid_cells(CONCLUSIONS, document.data.get("conclusions", {}), {}),
        "beyond": field_cells(BEYOND, document.data.get("beyond", {}), {}, "beyond.")})


@login_required
def plan(request, pk: int):  # noqa: ANN001, ANN201
    document = _document(request, pk, Action.CHANGE)
    rows, errors = document.data.get("plan", []), {}
    if request.method == "POST":
        rows = read_rows(PLAN, request.POST)
        errors = service.plan_errors(rows)
        if not errors:
            return _save(request, document, {"plan": rows}, "intervention plan")
    return render(request, "assessments/plan.html", {"document": document, "errors": errors,
                                                     "rows": _plan_groups(rows_cells(PLAN, rows, errors))},
                  status=400 if errors else 200)


def _plan_groups(rows: list) -> list[dict]:
    """Each plan row's cells grouped as the form lays them out: key area, young person, other controls."""
    return [{"number": n, "key": cells[0], "young_person": cells[1:6],
             "controls": [(label, cells[6 + 3 * i:9 + 3 * i]) for i, (_, label) in enumerate(OTHER_CONTROLS)]}
            for n, cells in enumerate(rows, start=1)]


@login_required
def submit(request, pk: int):  # noqa: ANN001, ANN201
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    document = _document(request, pk, Action.CHANGE)
    if document.status != Status.DRAFT:
        messages.info(request, "This assessment has already been submitted.")
        return redirect("assessments:detail", pk=pk)
    problems = service.submit_problems(document.data or {})
    if problems:
        messages.info(request, "The assessment cannot be submitted yet: " + "; ".join(m for _, m in problems))
        return redirect("assessments:detail", pk=pk)
    documents.save(document, request.user, document.data, status=Status.SUBMITTED, note="submitted")
    messages.info(request, "Assessment submitted. Later changes are kept as new versions.")
    return redirect("assessments:detail", pk=pk)
