"""Context assessments of the toolkit (place and peer group triangles, a school's Beyond Referrals
self-assessment) and their Contextual Outcomes Framework: goals, planned responses, measures, measurements."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from contextsafe.web.access import Action, Kind, Target, check
from contextsafe.web.casework import documents
from contextsafe.web.casework.models import Status
from contextsafe.web.contextplans import charts, workflow
from contextsafe.web.contextplans.forms import AssessmentForm, AssessmentStartForm, MeasurementForm, OutcomeForm
from contextsafe.web.contextplans.toolkit import ASSESSMENT_TYPES, BEYOND_REFERRALS, TRIANGLE_RATINGS, TRIANGLES
from contextsafe.web.contextplans.views.common import open_document, refuse, refuse_if_closed, require_assessment

KIND = Kind.CONTEXT_ASSESSMENT
TYPE_LABELS = dict(ASSESSMENT_TYPES)


@login_required
def new(request):  # noqa: ANN001, ANN201
    check(request, Target(KIND), Action.CHANGE, detail="new context assessment")
    purpose = require_assessment(request, KIND)
    asked = {"context": request.GET.get("context", "")[:200], "assessment_type": request.GET.get("type", "")}
    form = AssessmentStartForm(request.POST or None, initial=asked)  # "Assess this context" from a referral
    form.fields["invited"].queryset = form.fields["invited"].queryset.exclude(pk=request.user.organisation_id)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        kind, context = d["assessment_type"], d["context"].strip()
        document = documents.create(KIND, request.user, f"{TYPE_LABELS[kind]}: {context}",
                                    {"assessment_type": kind, "context": context, "answers": {}, "outcomes": []},
                                    purpose=purpose, context_key=f"{kind}:{context}", shared_with=d["invited"])
        return redirect("contextplans:assessment-edit", pk=document.pk)
    return render(request, "contextplans/assessment_start.html", {"form": form})


@login_required
def edit(request, pk: int):  # noqa: ANN001, ANN201
    document = open_document(request, KIND, pk, Action.CHANGE, detail="edit context assessment")
    if document.status != Status.DRAFT:
        refuse(request, document, "only a draft assessment can be edited")
    kind = document.data["assessment_type"]
    form = AssessmentForm(kind, request.POST or None, initial=document.data.get("answers", {}))
    if request.method == "POST" and form.is_valid():
        submitting = "submit" in request.POST
        missing = form.missing() if submitting else []
        if missing:
            form.add_error(None, forms.ValidationError(
                f"Answer every question before submitting ({len(missing)} unanswered), or save it as a draft. "
                f"First unanswered: {missing[0]}"))
        else:
            documents.save(document, request.user, {**document.data, "answers": form.cleaned_data},
                           status=Status.SUBMITTED if submitting else Status.DRAFT,
                           note="submitted" if submitting else "draft saved")
            messages.info(request, "The assessment is submitted." if submitting else "The draft is saved.")
            return redirect("contextplans:assessment", pk=pk)
    return render(request, "contextplans/assessment_form.html", {
        "form": form, "document": document, "sections": _sections(form, kind)})


def _sections(form: AssessmentForm, kind: str) -> list[dict]:
    if kind == "school":
        return [{"heading": heading, "fields": [form[f"{area}_{i}"] for i in range(1, len(statements) + 1)]
                 + [form[f"{area}_evidence"]]} for area, heading, statements in BEYOND_REFERRALS]
    return [{"heading": heading, "prompt": prompt,
             "fields": [form[f"{side}_strengths"], form[f"{side}_needs"], form[f"{side}_rating"]]}
            for side, heading, prompt in TRIANGLES[kind]]


def view_of(data: dict) -> dict:
    """What the detail and print pages show of an assessment's answers (triangle sides or traffic lights)."""
    kind, answers = data.get("assessment_type", "place"), data.get("answers") or {}
    if kind == "school":
        pattern = workflow.beyond_referrals_pattern(answers)
        areas = [{**p, "statements": list(zip(statements, p["lights"], strict=True)),
                  "evidence": answers.get(f"{area}_evidence", "")}
                 for p, (area, _, statements) in zip(pattern, BEYOND_REFERRALS, strict=True)]
        return {"areas": areas, "svg": charts.pattern_svg(pattern)}
    ratings = dict(TRIANGLE_RATINGS)
    sides = [{"heading": heading, "prompt": prompt, "strengths": answers.get(f"{side}_strengths", ""),
              "needs": answers.get(f"{side}_needs", ""), "rating": answers.get(f"{side}_rating", ""),
              "rating_label": ratings.get(answers.get(f"{side}_rating", ""), "Not rated")}
             for side, heading, prompt in TRIANGLES[kind]]
    return {"sides": sides, "svg": charts.triangle_svg([(s["heading"], s["rating"]) for s in sides])}


@login_required
def detail(request, pk: int):  # noqa: ANN001, ANN201
    document = open_document(request, KIND, pk, Action.VIEW)
    data = document.data
    outcomes = [{**o, "chart": charts.sparkline_svg(_values(o), f"outcome-chart-{o['id']}"),
                 "change": _change(o)} for o in data.get("outcomes", [])]
    return render(request, "contextplans/assessment_detail.html", {
        "document": document, "data": data, "type_label": TYPE_LABELS.get(data.get("assessment_type"), ""),
        "view": view_of(data), "outcomes": outcomes, "summary": (data.get("answers") or {}).get("summary", "")})


def _values(outcome: dict) -> list[float]:
    baseline = [outcome["baseline"]] if outcome.get("baseline") is not None else []
    return baseline + [m["value"] for m in outcome.get("measurements", [])]


def _change(outcome: dict) -> float | None:
    """Latest measurement minus the baseline (None without both)."""
    values = _values(outcome)
    return values[-1] - values[0] if outcome.get("baseline") is not None and len(values) > 1 else None


@login_required
def outcome_new(request, pk: int):  # noqa: ANN001, ANN201
    document = open_document(request, KIND, pk, Action.CHANGE, detail="contextual outcome: new goal")
    refuse_if_closed(request, document)
    form = OutcomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcomes = list(document.data.get("outcomes", []))
        outcomes.append({"id": workflow.next_action_id(outcomes), **form.cleaned_data, "measurements": []})
        documents.save(document, request.user, {**document.data, "outcomes": outcomes},
                       note=f"outcome {outcomes[-1]['id']} added")
        return redirect("contextplans:assessment", pk=pk)
    return render(request, "contextplans/outcome_form.html", {"form": form, "document": document})


@login_required
def measurement_new(request, pk: int, outcome_id: int):  # noqa: ANN001, ANN201
    document = open_document(request, KIND, pk, Action.CHANGE, detail=f"contextual outcome {outcome_id}: measurement")
    refuse_if_closed(request, document)
    outcomes = [dict(o) for o in document.data.get("outcomes", [])]
    outcome = next((o for o in outcomes if o["id"] == outcome_id), None)
    if outcome is None:
        refuse(request, document, "no such outcome in this assessment")
    form = MeasurementForm(request.POST or None, initial={"outcome_id": outcome_id})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        outcome["measurements"] = sorted([*outcome.get("measurements", []), {
            "measured_on": d["measured_on"].isoformat(), "value": d["value"], "note": d["note"]}],
            key=lambda m: m["measured_on"])
        documents.save(document, request.user, {**document.data, "outcomes": outcomes},
                       note=f"outcome {outcome_id}: measurement {d['value']:g}")
        return redirect("contextplans:assessment", pk=pk)
    return render(request, "contextplans/measurement_form.html", {"form": form, "document": document,
                                                                   "outcome": outcome})
