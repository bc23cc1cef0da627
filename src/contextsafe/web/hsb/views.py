"""HSB multi-agency planning meetings: agenda, contextual table, actions with traffic lights, reviews and trends.
Every view asks :func:`contextsafe.web.access.check` first (which writes the audit entry)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from contextsafe.web.access import Action, Kind, Target, check, decide, stated_purpose
from contextsafe.web.audit.log import record_event
from contextsafe.web.casework import documents
from contextsafe.web.casework.models import CaseDocument, Status
from contextsafe.web.hsb import meetings
from contextsafe.web.hsb.factors import COLUMNS, CONTEXT_LABELS, CONTEXTS, CONTINUUM_LABELS, FACTOR_KINDS
from contextsafe.web.hsb.forms import PERSON_NOT_VISIBLE, ActionForm, AgendaForm, ContextRowForm, RagForm, ReviewForm
from contextsafe.web.hsb.models import MeetingAction
from contextsafe.web.hsb.permissions import may_convene

KIND = Kind.HSB_MEETING


def _meeting(request, pk: int, action: Action, detail: str = "") -> CaseDocument:  # noqa: ANN001
    check(request, Target(KIND, str(pk)), action, detail=detail)
    return get_object_or_404(CaseDocument.objects.select_related("organisation"), pk=pk, kind=str(KIND))


@login_required
def meeting_list(request):  # noqa: ANN001, ANN201
    check(request, Target(KIND), Action.VIEW, detail="list")
    found = documents.visible(request.user, KIND, stated_purpose(request)).order_by("-created_at")
    return render(request, "hsb/list.html", {"meetings": found, "may_convene": may_convene(request.user)})


@login_required
def new(request):  # noqa: ANN001, ANN201
    check(request, Target(KIND), Action.CHANGE, detail="new meeting")
    if not may_convene(request.user):
        record_event(request.user, "change", KIND, allowed=False, purpose=stated_purpose(request) or "",
                     reason="HSB meetings are convened by children's social care")
        raise PermissionDenied("HSB meetings are convened by children's social care")
    form = AgendaForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _person_visible(request, form):
        data, attending = _agenda_data(form)
        document = documents.create(KIND, request.user, meetings.title(data), data, purpose=stated_purpose(request),
                                    shared_with=attending, reason=data["specific_concerns"][:4000],
                                    person_id=data["person_id"], review_on=form.cleaned_data["review_on"])
        messages.info(request, "The meeting has been recorded. Fill in the contextual table, row by row.")
        return redirect("hsb:detail", pk=document.pk)
    return render(request, "hsb/agenda.html", {"form": form, "document": None})


def _person_visible(request, form: AgendaForm) -> bool:  # noqa: ANN001
    """A linked young person must be one the user may see for their purpose (else the form says so)."""
    person = form.cleaned_data.get("person_id", "").strip()
    if person and not decide(request.user, stated_purpose(request), Target(Kind.PERSON, person), Action.VIEW).allowed:
        form.add_error("person_id", PERSON_NOT_VISIBLE)
        return False
    return True


def _agenda_data(form: AgendaForm, document: CaseDocument | None = None) -> tuple[dict, list | None]:
    """The agenda's data and the organisations to share the meeting with (None: sharing left as it is, when the
    form has no 'attending' field, as for a user of an organisation the meeting is shared with)."""
    data = dict(form.cleaned_data)
    if "attending" not in data:
        data["attending"] = list((document.data or {}).get("attending", [])) if document else []
        return data, None
    attending = list(data.pop("attending"))
    data["attending"] = [org.name for org in attending]
    return data, attending


SHARING_IS_THE_OWNERS = "only the organisation that convened the meeting changes who it is shared with"


def _keep_sharing_to_owner(request, document: CaseDocument, form: AgendaForm) -> None:  # noqa: ANN001
    """Who a meeting is shared with decides who reads it, so only its owning organisation changes that list: the
    others' form has no 'attending' field, and a post that tries to change it anyway is refused (403, audited)."""
    if request.user.organisation_id == document.organisation_id:
        return
    form.fields.pop("attending", None)
    if request.method == "POST" and "attending" in request.POST:
        current = {str(pk) for pk in document.shared_with.values_list("pk", flat=True)}
        if set(request.POST.getlist("attending")) != current:
            record_event(request.user, "change", KIND, str(document.pk), allowed=False,
                         purpose=stated_purpose(request) or "", reason=SHARING_IS_THE_OWNERS, detail="agenda")
            raise PermissionDenied(SHARING_IS_THE_OWNERS)


@login_required
def detail(request, pk: int):  # noqa: ANN001, ANN201
    document = _meeting(request, pk, Action.VIEW)
    data = document.data
    actions = document.hsb_actions.prefetch_related("changes__changed_by").order_by("due_on", "pk")
    previous = CaseDocument.objects.filter(pk=data.get("review_of"), kind=str(KIND)).first()
    if previous and not _may_open(request, previous):
        previous = None  # what shifted is shown only to those who may open the meeting reviewed
    reviews = [review for review in CaseDocument.objects.filter(kind=str(KIND), data__review_of=document.pk)
               .order_by("created_at") if _may_open(request, review)]  # nor that a review took place, and when
    return render(request, "hsb/detail.html", {
        "document": document, "data": data, "table": _table(data), "columns": COLUMNS,
        "continuum": CONTINUUM_LABELS.get(data.get("continuum_level", ""), ""),
        "actions": [(a, RagForm(initial={"rag": a.rag}, prefix=f"a{a.pk}")) for a in actions],
        "warnings": meetings.warnings(document), "previous": previous,
        "shift": meetings.shift(previous, document) if previous else None,
        "reviews": reviews, "review_form": ReviewForm(), "action_form": ActionForm(),
        "may_change": _may(request, Action.CHANGE)})


def _may_open(request, meeting: CaseDocument) -> bool:  # noqa: ANN001
    return decide(request.user, stated_purpose(request), Target(KIND, str(meeting.pk)), Action.VIEW).allowed


def _may(request, action: Action) -> bool:  # noqa: ANN001
    from contextsafe.web.access import role_may

    return role_may(request.user.role, Target(KIND), action)


def _table(data: dict) -> list[dict]:
    table = data.get("table") or {}
    rows = []
    for context, label in CONTEXTS:
        row = table.get(context) or {}
        cells = []
        for column, _ in COLUMNS:
            picked = row.get(column) if column in FACTOR_KINDS else None
            text = row.get(f"{column}_other") if column in FACTOR_KINDS else row.get(column)
            cells.append({"column": column, "factors": picked or [], "text": text or ""})
        rows.append({"context": context, "label": label, "cells": cells})
    return rows


@login_required
def agenda(request, pk: int):  # noqa: ANN001, ANN201
    document = _meeting(request, pk, Action.CHANGE, detail="agenda")
    initial = {**document.data, "attending": list(document.shared_with.values_list("pk", flat=True)),
               "person_id": document.person_id, "review_on": document.review_on}
    form = AgendaForm(request.POST or None, initial=initial)
    _keep_sharing_to_owner(request, document, form)
    if request.method == "POST" and form.is_valid() and _person_visible(request, form):
        data, attending = _agenda_data(form, document)
        if attending is not None:
            document.shared_with.set(attending)
        document.title = meetings.title(data, meetings.review_number(document))
        document.person_id, document.review_on = data["person_id"], form.cleaned_data["review_on"]
        document.save(update_fields=["title", "person_id", "review_on"])
        status = Status.SUBMITTED if "submit" in request.POST else None
        documents.save(document, request.user, {**document.data, **data}, status=status, note="agenda")
        return redirect("hsb:detail", pk=document.pk)
    return render(request, "hsb/agenda.html", {"form": form, "document": document,
                                               "sharing_fixed": "attending" not in form.fields,
                                               "shared_with": document.shared_with.order_by("name")})


@login_required
def context_row(request, pk: int, context: str):  # noqa: ANN001, ANN201
    if context not in CONTEXT_LABELS:
        raise Http404("no such context")
    document = _meeting(request, pk, Action.CHANGE, detail=context)
    table = dict(document.data.get("table") or {})
    form = ContextRowForm(context, request.POST or None, initial=table.get(context) or {})
    if request.method == "POST" and form.is_valid():
        table[context] = form.cleaned_data
        documents.save(document, request.user, {**document.data, "table": table}, note=f"contextual table: {context}")
        return redirect(f"{_detail_url(document)}#row-{context}")
    return render(request, "hsb/context.html", {"form": form, "document": document, "context": context,
                                                "label": CONTEXT_LABELS[context]})


def _detail_url(document: CaseDocument) -> str:
    from django.urls import reverse

    return reverse("hsb:detail", kwargs={"pk": document.pk})


@login_required
def action_new(request, pk: int):  # noqa: ANN001, ANN201
    document = _meeting(request, pk, Action.CHANGE, detail="action")
    form = ActionForm(request.POST or None, initial={"context": request.GET.get("context", "")})
    if request.method == "POST" and form.is_valid():
        meetings.add_action(document, request.user, **form.cleaned_data)
        return redirect(f"{_detail_url(document)}#actions")
    return render(request, "hsb/action.html", {"form": form, "document": document})


@login_required
@require_POST
def action_rag(request, pk: int, action: int):  # noqa: ANN001, ANN201
    document = _meeting(request, pk, Action.CHANGE, detail=f"action {action}")
    item = get_object_or_404(MeetingAction, pk=action, document=document)
    form = RagForm(request.POST, prefix=f"a{item.pk}")
    if form.is_valid():
        meetings.set_rag(item, request.user, form.cleaned_data["rag"], form.cleaned_data["note"])
    return redirect(f"{_detail_url(document)}#action-{item.pk}")


@login_required
@require_POST
def review(request, pk: int):  # noqa: ANN001, ANN201
    document = _meeting(request, pk, Action.CHANGE, detail="review meeting")
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the date of the review meeting.")
        return redirect("hsb:detail", pk=document.pk)
    follow_up = meetings.start_review(document, request.user, form.cleaned_data["meeting_date"])
    messages.info(request, "Review meeting opened with the previous table and actions: record what has shifted.")
    return redirect("hsb:detail", pk=follow_up.pk)


@login_required
def trend_page(request):  # noqa: ANN001, ANN201
    check(request, Target(KIND), Action.SEARCH, detail="trends (aggregate)")
    found = CaseDocument.objects.filter(kind=str(KIND)).prefetch_related("hsb_actions")
    return render(request, "hsb/trends.html", {"trends": meetings.trends(found), "kinds": FACTOR_KINDS})
