"""Contextual case reviews (appendix C): a review team codes the young people and contexts at input, fills in the
three stages in any order, logs the documents reviewed and used, and reads the overview and case summary computed
from its tables. Only the review team opens a review; the cross-case analysis counts every review the user may open.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render

from contextsafe.web.access import Action, Kind, Target, check, stated_purpose
from contextsafe.web.accounts.models import Organisation, User
from contextsafe.web.audit.log import record_event
from contextsafe.web.casereviews import names, summary
from contextsafe.web.casereviews.codes import read_codes
from contextsafe.web.casereviews.pages import PAGES, get_in, set_in, validate
from contextsafe.web.casereviews.permissions import REVIEWERS
from contextsafe.web.casereviews.schema import CONTEXT_KINDS, RISK_ROWS, ROLES
from contextsafe.web.casework import documents
from contextsafe.web.casework.models import CaseDocument, Status

KIND = Kind.CASE_REVIEW


def visible_reviews(user, purpose: str | None):  # noqa: ANN001, ANN201
    """Reviews the user's organisation owns or shares, for the stated purpose, whose team includes the user (or
    that name no team)."""
    found = documents.visible(user, KIND, purpose)
    return found.filter(Q(team__isnull=True) | Q(team__id=user.id)).distinct()


def _review(request, pk: int, action: Action) -> CaseDocument:  # noqa: ANN001
    check(request, Target(KIND, str(pk)), action)
    return get_object_or_404(CaseDocument.objects.select_related("organisation", "created_by"), pk=pk, kind=KIND)


def _lead_only(request, review: CaseDocument) -> None:  # noqa: ANN001
    if request.user.id != review.created_by_id:
        record_event(request.user, "change", KIND, str(review.pk), allowed=False, purpose=review.purpose,
                     reason="only the review lead manages the team")
        raise PermissionDenied("only the review lead manages the review team")


def linked_names(request, data: dict) -> list[str]:  # noqa: ANN001
    """Names of the linked young people, read from the store through the sources the user may see (not stored)."""
    from contextsafe.web import store
    from contextsafe.web.access import decide

    found = []
    for yp in data.get("young_people", []):
        if yp.get("person_id"):
            decision = decide(request.user, stated_purpose(request), Target(Kind.PERSON, yp["person_id"]),
                              Action.VIEW)
            if decision.allowed:
                for r in store.person(yp["person_id"], decision.sources)["records"]:
                    found.append(f"{r.get('given_name') or ''} {r.get('family_name') or ''}")
    return found


def _refused(request, review: CaseDocument, values: dict[str, str], extra: list[str] = ()) -> dict[str, str]:  # noqa: ANN001
    held = names.NameList.objects.filter(document=review).first()
    return names.refused(values, held, [*linked_names(request, review.data or {}), *extra])


def _texts(post) -> dict[str, str]:  # noqa: ANN001
    return {k: v for k, v in post.items() if k != "csrfmiddlewaretoken"}


@login_required
def listing(request):  # noqa: ANN001, ANN201
    check(request, Target(KIND), Action.SEARCH)
    reviews = visible_reviews(request.user, stated_purpose(request)).order_by("-updated_at")
    return render(request, "casereviews/list.html", {"reviews": reviews})


@login_required
def new(request):  # noqa: ANN001, ANN201
    check(request, Target(KIND), Action.CHANGE)
    title, errors = request.POST.get("title", "").strip()[:300], {}
    if request.method == "POST":
        if not title:
            errors["title"] = "Give the review a title: a case reference, not a name"
        else:
            review = documents.create(KIND, request.user, title, {"young_people": [], "contexts": []},
                                      purpose=stated_purpose(request))
            review.team.set([request.user])
            messages.info(request, "Review started. Only its team (you, for now) can open it. Code the young "
                                   "people and contexts first.")
            return redirect("casereviews:codes", pk=review.pk)
    return render(request, "casereviews/new.html", {"title": title, "errors": errors})


@login_required
def detail(request, pk: int):  # noqa: ANN001, ANN201
    review = _review(request, pk, Action.VIEW)
    data = review.data or {}
    return render(request, "casereviews/detail.html", {
        "review": review, "data": data, "overview": summary.overview(data), "summary": summary.case_summary(data),
        "risks": summary.risk_by_context(data), "response": summary.response(data), "roles": summary.roles(data),
        "role_labels": ROLES, "risk_rows": RISK_ROWS, "kinds": CONTEXT_KINDS,
        "team": review.team.order_by("username"), "lead": request.user.id == review.created_by_id,
        "log_used": sum(1 for r in data.get("log", []) if r.get("used") == "yes"),
    })


@login_required
def codes(request, pk: int):  # noqa: ANN001, ANN201
    review = _review(request, pk, Action.CHANGE)
    data, errors = dict(review.data or {}), {}
    if request.method == "POST":
        updated, new_people, new_contexts, errors = read_codes(request, review)
        if not errors:
            names.add_names(review, new_people, new_contexts)
            review.save(update_fields=["title"])
            documents.save(review, request.user, {**data, **updated}, note="codes")
            messages.info(request, "Codes saved. Names are kept only as fingerprints for the name check.")
            return redirect("casereviews:detail", pk=pk)
        data = {**data, **updated}
    people, contexts = data.get("young_people", []), data.get("contexts", [])
    return render(request, "casereviews/codes.html", {
        "review": review, "errors": errors, "title": request.POST.get("title", review.title), "roles": ROLES,
        "kinds": CONTEXT_KINDS,
        "people": _code_rows(people, "yp", ("name", "person_id"), errors),
        "contexts": _code_rows(contexts, "ctx", ("kind", "name", "description"), errors),
        "names_held": len(names.NameList.objects.filter(document=review).values_list("digests", flat=True).first()
                          or [])}, status=400 if errors else 200)


def _code_rows(rows: list[dict], prefix: str, fields: tuple[str, ...], errors: dict[str, str]) -> list[dict]:
    """The stored rows then two new ones, each with its index and its inputs' error messages."""
    return [{"i": i, "row": row, "errors": {f: errors.get(f"{prefix}.{i}.{f}", "") for f in fields}}
            for i, row in enumerate([*rows, None, None])]


@login_required
def page(request, pk: int, name: str, code: str = ""):  # noqa: ANN001, ANN201
    if name not in PAGES or (name == "environments") != bool(code):
        raise Http404("no such page")
    review = _review(request, pk, Action.CHANGE)
    data = dict(review.data or {})
    if code and code not in [yp["code"] for yp in data.get("young_people", [])]:
        raise Http404("no such young person in this review")
    title, build = PAGES[name]
    sections = build(data, code)
    errors: dict[str, str] = {}
    if request.method == "POST":
        values: dict = {}
        for section in sections:
            set_in(values, section.path, section.read(request.POST))
        errors = {**_refused(request, review, _texts(request.POST)), **validate(name, values)}
        for section in sections:
            set_in(data, section.path, get_in(values, section.path))
        if not errors:
            documents.save(review, request.user, data, note=f"{name}{' ' + code if code else ''}")
            messages.info(request, f"{title}{' ' + code if code else ''}: saved (version {review.version}).")
            return redirect("casereviews:detail", pk=pk)
    rendered = [section.render(get_in(data, section.path), errors) for section in sections]
    return render(request, "casereviews/page.html", {"review": review, "title": title, "code": code,
                                                     "sections": rendered, "errors": errors},
                  status=400 if errors else 200)


@login_required
def complete(request, pk: int):  # noqa: ANN001, ANN201
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    review = _review(request, pk, Action.CHANGE)
    data = review.data or {}
    if not data.get("young_people") or not data.get("contexts") or not data.get("log"):
        messages.info(request, "A review is complete once it codes young people and contexts and logs the documents "
                               "reviewed.")
    else:
        documents.save(review, request.user, data, status=Status.SUBMITTED, note="review completed")
        messages.info(request, "Review marked complete.")
    return redirect("casereviews:detail", pk=pk)


@login_required
def team(request, pk: int):  # noqa: ANN001, ANN201
    review = _review(request, pk, Action.CHANGE)
    _lead_only(request, review)
    if request.method == "POST":
        shared = Organisation.objects.filter(pk__in=[int(x) for x in request.POST.getlist("shared_with")
                                                     if x.isdigit()]).exclude(pk=review.organisation_id)
        review.shared_with.set(shared)
        ids = {int(x) for x in request.POST.getlist("team") if x.isdigit()} | {review.created_by_id}
        members = _candidates(review).filter(pk__in=ids)
        review.team.set(list(members) + [review.created_by])
        who = ", ".join(sorted(u.username for u in review.team.all()))
        documents.save(review, request.user, review.data, note=f"team: {who}"[:500])
        messages.info(request, "Team and sharing saved. Only team members can open the review.")
        return redirect("casereviews:team", pk=pk)
    return render(request, "casereviews/team.html", {
        "review": review, "organisations": Organisation.objects.exclude(pk=review.organisation_id).order_by("name"),
        "shared": set(review.shared_with.values_list("id", flat=True)), "candidates": _candidates(review),
        "members": set(review.team.values_list("id", flat=True))})


def _candidates(review: CaseDocument):  # noqa: ANN202
    """Users who could open the review if on its team: reviewers of the owning and sharing organisations."""
    return (User.objects.filter(is_active=True, role__in=REVIEWERS, organisation_id__in=review.organisation_ids())
            .select_related("organisation").order_by("organisation__name", "username"))


def _analysis(request):  # noqa: ANN001, ANN202
    reviews = visible_reviews(request.user, stated_purpose(request)).order_by("title")
    return summary.cross_case((r.title, r.data or {}) for r in reviews)


@login_required
def analysis(request):  # noqa: ANN001, ANN201
    check(request, Target(KIND), Action.SEARCH, detail="cross-case analysis")
    result = _analysis(request)
    labels = {k: label for k, label, _ in CONTEXT_KINDS}
    table = [{"id": f"{measure}-{kind}".replace(" ", "-").replace(":", "").replace("_", "-").strip("-"),
              "measure": _label(measure), "context": labels.get(kind, ""),
              "values": [figures[(measure, kind)] for _, figures in result["reviews"]],
              "total": result["totals"].get((measure, kind), 0)} for measure, kind in result["keys"]]
    totals = result["totals"]
    matrix = [{"kind": k, "label": label, "featured": totals.get(("contexts featured", k), 0),
               "harm": totals.get(("contexts with harm", k), 0), "safety": totals.get(("contexts with safety", k), 0),
               "interventions": totals.get(("interventions with contexts", k), 0)} for k, label, _ in CONTEXT_KINDS]
    return render(request, "casereviews/analysis.html", {
        "result": result, "table": table, "matrix": matrix,
        "individuals": totals.get(("interventions with individuals", ""), 0),
        "with_contexts": sum(m["interventions"] for m in matrix)})


def _label(measure: str) -> str:
    """A measure as read on the page (the files keep the keys)."""
    for key, label in RISK_ROWS:
        measure = measure.replace(key, label.lower())
    return measure


def _rows(result: dict) -> list[tuple]:
    rows = [(title, measure, kind, figures[(measure, kind)]) for title, figures in result["reviews"]
            for measure, kind in result["keys"]]
    return rows + [("All reviews", measure, kind, result["totals"].get((measure, kind), 0))
                   for measure, kind in result["keys"]]


HEADER = ["review", "measure", "context", "count"]


@login_required
def export(request, fmt: str):  # noqa: ANN001, ANN201
    if fmt not in ("csv", "xlsx"):
        raise Http404("no such format")
    check(request, Target(KIND), Action.EXPORT, detail=f"cross-case analysis {fmt}")
    rows = _rows(_analysis(request))
    from contextsafe.exports import write_csv, write_xlsx

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"case-reviews.{fmt}"
        if fmt == "csv":
            write_csv(path, header=HEADER, rows=rows)
            kind = "text/csv; charset=utf-8"
        else:
            import polars as pl

            frame = pl.DataFrame(rows, schema=[("review", pl.String), ("measure", pl.String),
                                               ("context", pl.String), ("count", pl.Int64)], orient="row")
            write_xlsx(path, frame, sheet="cross-case")
            kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        response = HttpResponse(path.read_bytes(), content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="case-reviews-cross-case.{fmt}"'
    return response
