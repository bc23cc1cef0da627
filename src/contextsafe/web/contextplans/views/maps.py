"""Safety mapping: a practitioner and a young person colour the borough's places red, amber or green; pooled
maps count the colours per place over many young people (no names, at least three maps), per quarter."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone

from contextsafe.web.access import Action, Kind, Target, check
from contextsafe.web.casework import documents
from contextsafe.web.casework.models import CaseDocument, Status
from contextsafe.web.contextplans import charts, places, workflow
from contextsafe.web.contextplans.forms import SafetyMapForm, slug
from contextsafe.web.contextplans.views.common import open_document, refuse, require_assessment

KIND = Kind.SAFETY_MAP
ALL = "all"
TOP = 6  # places followed over time on the pooled page


@login_required
def new(request):  # noqa: ANN001, ANN201
    check(request, Target(KIND), Action.CHANGE, detail="new safety map")
    purpose = require_assessment(request, KIND)
    known = places.places()
    form = SafetyMapForm(known, request.POST or None, initial={"mapped_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        data = _map_data(form, known)
        submitting = "submit" in request.POST
        document = documents.create(KIND, request.user, f"Safety map: {d['young_person']} ({d['mapped_on']:%d %b %Y})",
                                    data, purpose=purpose, status=Status.SUBMITTED if submitting else Status.DRAFT)
        messages.info(request, "The safety map is saved." if submitting else "The safety map is saved as a draft.")
        return redirect("contextplans:map", pk=document.pk)
    return render(request, "contextplans/map_form.html", {
        "form": form, "svg": charts.safety_map_svg(known, {}, "The borough's wards and named places")})


@login_required
def edit(request, pk: int):  # noqa: ANN001, ANN201
    """Continue a draft map (a saved map is a record of what the young person said that day: it is not edited)."""
    document = open_document(request, KIND, pk, Action.CHANGE, detail="edit safety map")
    if document.status != Status.DRAFT:
        refuse(request, document, "only a draft safety map can be edited")
    known = places.places()
    data = document.data
    initial = {**data, **{slug(code): colour for code, colour in data.get("places", {}).items()}}
    form = SafetyMapForm(known, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        submitting = "submit" in request.POST
        documents.save(document, request.user, {**data, **_map_data(form, known)},
                       status=Status.SUBMITTED if submitting else Status.DRAFT,
                       note="map saved" if submitting else "draft saved")
        return redirect("contextplans:map", pk=pk)
    return render(request, "contextplans/map_form.html", {
        "form": form, "document": document, "svg": charts.safety_map_svg(known, data.get("places", {}),
                                                                         "The borough's wards and named places")})


def _map_data(form: SafetyMapForm, known: list) -> dict:
    d = form.cleaned_data
    colours = form.colours()
    names = {p.code: p.name for p in known}
    return {"young_person": d["young_person"], "mapped_on": d["mapped_on"].isoformat(), "places": colours,
            "place_names": {code: names[code] for code in colours},
            **{k: d[k] for k in ("why_red", "why_amber", "why_green")}}


@login_required
def detail(request, pk: int):  # noqa: ANN001, ANN201
    document = open_document(request, KIND, pk, Action.VIEW)
    data = document.data
    drawn = places.places()
    rows = [{"code": c, "name": data.get("place_names", {}).get(c, c), "colour": colour}
            for c, colour in sorted(data.get("places", {}).items(), key=lambda kv: ("rag".find(kv[1][0]), kv[0]))]
    return render(request, "contextplans/map_detail.html", {
        "document": document, "data": data, "rows": rows,
        "svg": charts.safety_map_svg(drawn, data.get("places", {}), f"Safety map of {data.get('young_person', '')}")})


def _submitted_maps() -> list[dict]:
    """Every submitted map of the partnership: only its date and colours (never who it is about)."""
    rows = CaseDocument.objects.filter(kind=str(KIND), status__in=[Status.SUBMITTED, Status.CLOSED]).values_list(
        "data", flat=True)
    return [{"on": dt.date.fromisoformat(d["mapped_on"]), "places": d.get("places", {})} for d in rows
            if d.get("mapped_on")]


def _in(maps: list[dict], period: str) -> list[dict]:
    if period == ALL:
        return maps
    start, end = workflow.quarter_bounds(period)
    return [m for m in maps if start <= m["on"] <= end]


@login_required
def pooled(request):  # noqa: ANN001, ANN201
    maps = _submitted_maps()
    periods = sorted({workflow.quarter_of(m["on"]) for m in maps}, reverse=True)
    period = request.GET.get("period") or (periods[0] if periods else ALL)
    if period != ALL and period not in periods:
        period = periods[0] if periods else ALL
    check(request, Target(KIND), Action.SEARCH, detail=f"pooled safety maps, period {period}")
    now = workflow.pooled(_in(maps, period))
    before = workflow.pooled(_in(maps, workflow.previous_quarter(period))) if period != ALL else None
    names = places.names()
    rows = [{"code": code, "name": names.get(code, code), **counts, "total": sum(counts.values()),
             "red_change": (counts["red"] - before["places"].get(code, {}).get("red", 0))
             if before and before["shown"] else None}
            for code, counts in now["places"].items()]
    rows.sort(key=lambda r: (-r["red"], -r["amber"], r["name"]))
    labels = {r["code"]: f"red {r['red']}, amber {r['amber']}, green {r['green']}" for r in rows}
    colours = {r["code"]: workflow.dominant(r) for r in rows}
    svg = charts.safety_map_svg(places.places(), colours, f"Pooled safety map, {period}", ident="pooled-map",
                                labels=labels) if now["shown"] else ""
    return render(request, "contextplans/pooled.html", {
        "periods": periods, "period": period, "all": ALL, "pool": now, "before": before, "rows": rows, "svg": svg,
        "over_time": _over_time(maps, periods, [r["code"] for r in rows[:TOP]], names),
        "minimum": workflow.POOL_MINIMUM, "previous": workflow.previous_quarter(period) if period != ALL else ""})


def _over_time(maps: list[dict], periods: list[str], codes: list[str], names: dict[str, str]) -> dict:
    """Red marks per quarter for the places most often red now; a quarter under the minimum is left blank."""
    quarters = sorted(periods)
    pools = [workflow.pooled(_in(maps, q)) for q in quarters]
    rows = [{"name": names.get(code, code), "reds": [p["places"].get(code, {}).get("red", 0) if p["shown"] else None
                                                     for p in pools]} for code in codes]
    return {"quarters": quarters, "rows": rows}


def _our_actions(referrals, organisation) -> list[dict]:  # noqa: ANN001
    """Open plan actions the user's organisation owns, across the referrals it sees, soonest due first."""
    if organisation is None:
        return []
    today = timezone.localdate()
    found = []
    for referral in referrals:
        actions = referral.data.get("actions", [])
        late = set(workflow.overdue(actions, today))
        found += [{**a, "referral": referral, "overdue": a["id"] in late} for a in actions
                  if a.get("organisation") == organisation.name and a.get("status") in ("planned", "in_progress")]
    return sorted(found, key=lambda a: a["due"])


@login_required
def index(request):  # noqa: ANN001, ANN201
    """The app's start page: the referrals, assessments and safety maps this user's organisation holds."""
    check(request, Target(Kind.CONTEXT_REFERRAL), Action.VIEW, detail="context plans")
    purpose = request.session.get("purpose")
    referrals = documents.visible(request.user, Kind.CONTEXT_REFERRAL, purpose)
    return render(request, "contextplans/index.html", {
        "referrals": referrals, "our_actions": _our_actions(referrals, request.user.organisation),
        "assessments": documents.visible(request.user, Kind.CONTEXT_ASSESSMENT, purpose),
        "maps": documents.visible(request.user, Kind.SAFETY_MAP, purpose),
        "stages": dict(workflow.STAGES)})
