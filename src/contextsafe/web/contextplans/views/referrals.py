"""Context referral -> context conference (with Context Weighting) -> context plan -> safety over time."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from contextsafe.web import store
from contextsafe.web.access import Action, Kind, Target, check
from contextsafe.web.casework import documents
from contextsafe.web.casework.models import Status
from contextsafe.web.contextplans import charts, workflow
from contextsafe.web.contextplans.forms import (
    WEIGHT_ROWS,
    ActionForm,
    ActionStatusForm,
    CloseForm,
    ConferenceForm,
    RatingForm,
    ReferralForm,
)
from contextsafe.web.contextplans.toolkit import ACTION_STATUSES, CONCERNS, KIND_NAMES
from contextsafe.web.contextplans.views.common import open_document, organisations_of, refuse, require_assessment

KIND = Kind.CONTEXT_REFERRAL
REFERABLE = {"peer_group", "school", "place", "online"}  # never homes: an address is personal data
PER_KIND = 80
LABELS = {"kinds": KIND_NAMES, "concerns": dict(CONCERNS), "statuses": dict(ACTION_STATUSES),
          "stages": dict(workflow.STAGES)}


def _known_contexts(request) -> list[tuple[str, str]]:  # noqa: ANN001
    """Contexts in the store the user may see, as (key, label) choices, the most involved of each kind first
    (none when they may not search contexts)."""
    try:
        decision = check(request, Target(Kind.CONTEXT), Action.SEARCH, detail="context referral: choose a context")
    except PermissionDenied:
        return []
    rows = [r for r in store.search_contexts("", decision.sources, limit=2000)
            if r["kind"] in REFERABLE and not str(r["name"]).lower().startswith("near ")]
    by_kind: dict[str, list] = {}
    for r in rows:
        if len(by_kind.setdefault(r["kind"], [])) < PER_KIND:
            by_kind[r["kind"]].append((r["context"], f"{r['name']} ({KIND_NAMES.get(r['kind'], r['kind'])})"))
    return [choice for kind in sorted(by_kind) for choice in by_kind[kind]]


SHARING_IS_THE_OWNERS = "only the organisation that made the referral changes who it is shared with"


def _refuse_sharing_change(request, document, field: str, allowed: set[int]) -> None:  # noqa: ANN001
    """Who a referral is shared with decides who reads it, so only its owning organisation changes that list: a
    post of ``field`` by anyone else naming organisations outside ``allowed`` is refused (403, audited)."""
    if request.method != "POST" or request.user.organisation_id == document.organisation_id:
        return
    posted = request.POST.getlist(field)
    if any(not value.isdigit() or int(value) not in allowed for value in posted):
        refuse(request, document, SHARING_IS_THE_OWNERS)


def _referral_data(form: ReferralForm, contexts: list[tuple[str, str]]) -> tuple[dict, str]:
    d = form.cleaned_data
    if d["context"]:
        key = d["context"]
        name = dict(contexts).get(key, key).rsplit(" (", 1)[0]
        kind = key.split(":", 1)[0] if ":" in key else d["context_kind"]
    else:
        name, kind = d["place_name"].strip(), d["context_kind"]
        key = f"{kind}:{name}"
    data = {k: d[k] for k in ("concerns", "concern_summary", "evidence", "strengths", "young_people_affected")}
    return {**data, "context_name": name, "context_kind": kind, "context_key": key,
            "from_store": bool(d["context"])}, key


@login_required
def new(request):  # noqa: ANN001, ANN201
    check(request, Target(KIND), Action.CHANGE, detail="new context referral")
    purpose = require_assessment(request, KIND)
    contexts = _known_contexts(request)
    chosen = request.GET.get("context", "")  # "Refer this context" from a context's page
    form = ReferralForm(request.POST or None, contexts=contexts, organisation=request.user.organisation,
                        initial={"context": chosen if chosen in dict(contexts) else ""})
    if request.method == "POST" and form.is_valid():
        data, key = _referral_data(form, contexts)
        submitting = "submit" in request.POST
        data["stage"] = workflow.REFERRED if submitting else workflow.DRAFT
        document = documents.create(KIND, request.user, f"Context referral: {data['context_name']}", data,
                                    purpose=purpose, context_key=key,
                                    reason=data["concern_summary"][:4000], shared_with=form.cleaned_data["invited"],
                                    status=Status.SUBMITTED if submitting else Status.DRAFT)
        messages.info(request, "The context has been referred." if submitting else "The referral is saved as a draft.")
        return redirect("contextplans:referral", pk=document.pk)
    return render(request, "contextplans/referral_form.html", {"form": form})


@login_required
def edit(request, pk: int):  # noqa: ANN001, ANN201
    document = open_document(request, KIND, pk, Action.CHANGE, detail="edit referral")
    if not workflow.may("edit_referral", document.data):
        refuse(request, document, "only a draft referral can be edited")
    contexts = _known_contexts(request)
    shared = set(document.shared_with.values_list("pk", flat=True))
    initial = {**document.data, "context": document.context_key if document.context_key in dict(contexts) else "",
               "invited": sorted(shared)}
    if not initial["context"]:
        initial["place_name"] = document.data.get("context_name", "")
    form = ReferralForm(request.POST or None, initial=initial, contexts=contexts, organisation=document.organisation)
    owner = request.user.organisation_id == document.organisation_id
    if not owner:  # who is invited is the referring organisation's to decide: the others' form does not ask
        form.fields.pop("invited")
        if "invited" in request.POST and set(request.POST.getlist("invited")) != {str(pk) for pk in shared}:
            refuse(request, document, SHARING_IS_THE_OWNERS)
    if request.method == "POST" and form.is_valid():
        data, key = _referral_data(form, contexts)
        submitting = "submit" in request.POST
        data["stage"] = workflow.REFERRED if submitting else workflow.DRAFT
        document.context_key, document.title = key, f"Context referral: {data['context_name']}"
        if owner:
            document.shared_with.set(form.cleaned_data["invited"])
        documents.save(document, request.user, {**document.data, **data},
                       status=Status.SUBMITTED if submitting else Status.DRAFT,
                       note="referred" if submitting else "draft edited")
        return redirect("contextplans:referral", pk=document.pk)
    return render(request, "contextplans/referral_form.html", {
        "form": form, "document": document, "sharing_fixed": not owner,
        "shared_with": document.shared_with.order_by("name")})


@login_required
def detail(request, pk: int):  # noqa: ANN001, ANN201
    document = open_document(request, KIND, pk, Action.VIEW)
    data = document.data
    conference = data.get("conference") or {}
    ratings = workflow.ratings_in_order(data.get("ratings", []))
    actions = data.get("actions", [])
    overdue = set(workflow.overdue(actions, timezone.localdate()))
    steps = {step: workflow.may(step, data) for step in workflow.STEP_NEEDS}
    return render(request, "contextplans/referral_detail.html", {
        "document": document, "data": data, "conference": conference, "labels": LABELS,
        "stage": workflow.stage_of(data), "steps": steps, "shared": organisations_of(document),
        "weighting_svg": charts.weighting_svg(conference.get("weighting", [])),
        "actions": [{**a, "overdue": a["id"] in overdue, "form": ActionStatusForm(
            initial={"action_id": a["id"], "status": a["status"]}, prefix=f"a{a['id']}")} for a in actions],
        "ratings": ratings, "trend_svg": charts.trend_svg(ratings),
        "assessments": documents.visible(request.user, Kind.CONTEXT_ASSESSMENT, document.purpose).filter(
            context_key=document.context_key),
        "assessable": data.get("context_kind") in ("place", "peer_group", "school")})


def _step(request, pk: int, step: str, detail: str):  # noqa: ANN001, ANN202
    document = open_document(request, KIND, pk, Action.CHANGE, detail=detail)
    if not workflow.may(step, document.data):
        stage = dict(workflow.STAGES)[workflow.stage_of(document.data)]
        refuse(request, document, f"not possible now: the referral is at '{stage}'")
    return document


@login_required
def conference(request, pk: int):  # noqa: ANN001, ANN201
    document = _step(request, pk, "conference", "context conference")
    held = document.data.get("conference")
    initial = {"context_1": document.data.get("context_name")}
    if held:
        initial = {**held, "organisations": held.get("organisation_ids", [])}
        for i, row in enumerate(held.get("weighting_entered", []), start=1):
            initial.update({f"context_{i}": row["context"], f"weight_{i}": row["weight"], f"why_{i}": row["why"]})
    form = ConferenceForm(request.POST or None, initial=initial)
    if request.user.organisation_id != document.organisation_id:
        # An invited organisation records who was represented among those the referral is shared with; only the
        # referring organisation invites another (recording it here shares the referral with them).
        present = set(document.organisation_ids())
        form.fields["organisations"].queryset = form.fields["organisations"].queryset.filter(pk__in=present)
        form.fields["organisations"].help_text = (f"Organisations the referral is shared with. Only "
                                                  f"{document.organisation.name} can invite another.")
        _refuse_sharing_change(request, document, "organisations", present)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        entered = form.weighting()
        record = {k: d[k] for k in ("held_on", "chair", "attendees", "information_shared", "decision", "next_review")}
        record.update(organisations=[o.name for o in d["organisations"]],
                      organisation_ids=[o.pk for o in d["organisations"]],
                      weighting_entered=entered, weighting=workflow.weighted(entered))
        document.shared_with.add(*[o for o in d["organisations"] if o.pk != document.organisation_id])
        documents.save(document, request.user, {**document.data, "conference": record, "stage": workflow.CONFERENCE},
                       note="context conference recorded")
        messages.info(request, "The context conference is recorded.")
        return redirect("contextplans:referral", pk=pk)
    rows = [(form[f"context_{i}"], form[f"weight_{i}"], form[f"why_{i}"]) for i in range(1, WEIGHT_ROWS + 1)]
    return render(request, "contextplans/conference_form.html", {"form": form, "document": document, "rows": rows})


def _targets(document) -> list[str]:  # noqa: ANN001
    names = [document.data.get("context_name", "")]
    names += [r["context"] for r in (document.data.get("conference") or {}).get("weighting", [])]
    return list(dict.fromkeys(n for n in names if n))


@login_required
def action_new(request, pk: int):  # noqa: ANN001, ANN201
    document = _step(request, pk, "add_action", "context plan: new action")
    form = ActionForm(request.POST or None, targets=_targets(document))
    chosen = form.fields["organisation"]
    chosen.queryset = chosen.queryset.filter(pk__in=document.organisation_ids())
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        actions = list(document.data.get("actions", []))
        actions.append({"id": workflow.next_action_id(actions), "action": d["action"], "target": d["target"],
                        "owner": d["owner"], "organisation": d["organisation"].name, "due": d["due"].isoformat(),
                        "status": d["status"], "updates": []})
        documents.save(document, request.user, {**document.data, "actions": actions},
                       note=f"plan action {actions[-1]['id']} added")
        return redirect("contextplans:referral", pk=pk)
    return render(request, "contextplans/action_form.html", {"form": form, "document": document})


@login_required
@require_POST
def action_status(request, pk: int, action_id: int):  # noqa: ANN001, ANN201
    document = _step(request, pk, "action_status", f"context plan: action {action_id}")
    actions = [dict(a) for a in document.data.get("actions", [])]
    found = next((a for a in actions if a["id"] == action_id), None)
    form = ActionStatusForm(request.POST, prefix=f"a{action_id}")
    if found is None or not form.is_valid():
        messages.error(request, "Choose a status for an action of this plan.")
        return redirect("contextplans:referral", pk=pk)
    new_status = form.cleaned_data["status"]
    if not workflow.may_move(found["status"], new_status):
        messages.error(request, f"An action that is {LABELS['statuses'][found['status']].lower()} cannot become "
                                f"{LABELS['statuses'][new_status].lower()}.")
        return redirect("contextplans:referral", pk=pk)
    found["updates"] = [*found.get("updates", []), {"on": timezone.localdate().isoformat(),
                                                    "by": request.user.username, "status": new_status,
                                                    "note": form.cleaned_data["note"]}]
    found["status"] = new_status
    documents.save(document, request.user, {**document.data, "actions": actions},
                   note=f"plan action {action_id}: {new_status}")
    return redirect("contextplans:referral", pk=pk)


@login_required
@require_POST
def agree_plan(request, pk: int):  # noqa: ANN001, ANN201
    document = _step(request, pk, "agree_plan", "context plan agreed")
    if not document.data.get("actions"):
        messages.error(request, "Add at least one action before agreeing the plan.")
        return redirect("contextplans:referral", pk=pk)
    documents.save(document, request.user, {**document.data, "stage": workflow.PLAN, "plan_agreed_on":
                                            timezone.localdate().isoformat()}, note="context plan agreed")
    messages.info(request, "The context plan is agreed.")
    return redirect("contextplans:referral", pk=pk)


@login_required
def rating_new(request, pk: int):  # noqa: ANN001, ANN201
    document = _step(request, pk, "rating", "context safety rating")
    form = RatingForm(request.POST or None, initial={"rated_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ratings = list(document.data.get("ratings", []))
        ratings.append({"id": workflow.next_action_id(ratings), "rated_on": d["rated_on"].isoformat(),
                        "rating": d["rating"], "evidence": d["evidence"], "by": request.user.username})
        documents.save(document, request.user, {**document.data, "ratings": ratings},
                       note=f"safety rating {d['rating']} of 10")
        return redirect("contextplans:referral", pk=pk)
    return render(request, "contextplans/rating_form.html", {"form": form, "document": document})


@login_required
def close(request, pk: int):  # noqa: ANN001, ANN201
    document = _step(request, pk, "close", "close referral")
    form = CloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        documents.save(document, request.user, {**document.data, "stage": workflow.CLOSED, "closed": {
            "reason": form.cleaned_data["reason"], "on": timezone.localdate().isoformat()}},
                       status=Status.CLOSED, note="closed")
        return redirect("contextplans:referral", pk=pk)
    return render(request, "contextplans/close_form.html", {"form": form, "document": document})
