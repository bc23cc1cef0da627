"""Fair Access Panel referrals: the school fills in the revised form section by section and submits it; the
panel chair records the decision; the data matrix of need counts across referrals (page and CSV)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from contextsafe.exports import write_csv
from contextsafe.web.access import Action, Kind, Target, check, decide, stated_purpose
from contextsafe.web.accounts.models import Organisation
from contextsafe.web.audit.log import record_event
from contextsafe.web.casework import documents
from contextsafe.web.casework.models import CaseDocument, Status
from contextsafe.web.fap import matrix
from contextsafe.web.fap.display import sections
from contextsafe.web.fap.form import (
    PERSON_NOT_VISIBLE,
    SECTION_FORMS,
    SECTION_LABELS,
    SECTIONS,
    DecisionForm,
    ReferralForm,
)
from contextsafe.web.fap.permissions import PANEL, may_decide, may_edit_referral, may_refer

KIND = Kind.FAP_REFERRAL


def _referral(request, pk: int, action: Action, detail: str = "") -> CaseDocument:  # noqa: ANN001
    check(request, Target(KIND, str(pk)), action, detail=detail)
    return get_object_or_404(CaseDocument.objects.select_related("organisation"), pk=pk, kind=str(KIND))


def _refuse(request, reason: str, pk: int | None = None) -> None:  # noqa: ANN001
    record_event(request.user, "change", KIND, str(pk or ""), allowed=False, reason=reason,
                 purpose=stated_purpose(request) or "")
    raise PermissionDenied(reason)


@login_required
def referral_list(request):  # noqa: ANN001, ANN201
    check(request, Target(KIND), Action.VIEW, detail="list")
    found = documents.visible(request.user, KIND, stated_purpose(request)).order_by("-created_at")
    return render(request, "fap/list.html", {"referrals": found, "may_refer": may_refer(request.user)})


@login_required
def new(request):  # noqa: ANN001, ANN201
    check(request, Target(KIND), Action.CHANGE, detail="new referral")
    if not may_refer(request.user):
        _refuse(request, "referrals to the Fair Access Panel are made by schools")
    form = ReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _person_visible(request, form):
        data = {"referral": form.cleaned_data}
        document = documents.create(KIND, request.user, _title(form.cleaned_data), data,
                                    purpose=stated_purpose(request), reason=form.cleaned_data["reason"][:4000],
                                    person_id=form.cleaned_data["person_id"],
                                    review_on=form.cleaned_data["review_on"])
        messages.info(request, "Referral started. Complete each section, then submit it to the panel.")
        return redirect("fap:detail", pk=document.pk)
    return render(request, "fap/section.html", {"form": form, "document": None,
                                                "label": SECTION_LABELS["referral"]})


def _person_visible(request, form) -> bool:  # noqa: ANN001
    """A linked child must be one the user may see for their purpose (else the form says so)."""
    person = (form.cleaned_data.get("person_id") or "").strip()
    if person and not decide(request.user, stated_purpose(request), Target(Kind.PERSON, person), Action.VIEW).allowed:
        form.add_error("person_id", PERSON_NOT_VISIBLE)
        return False
    return True


def _title(referral: dict) -> str:
    return f"FAP referral: {referral['name']} ({referral['current_school']})"


@login_required
def detail(request, pk: int):  # noqa: ANN001, ANN201
    document = _referral(request, pk, Action.VIEW)
    return render(request, "fap/detail.html", {
        "document": document, "sections": sections(document.data), "section_list": SECTIONS,
        "may_edit": may_edit_referral(request.user, document), "may_decide": may_decide(request.user, document)})


@login_required
def section(request, pk: int, section: str):  # noqa: ANN001, ANN201
    if section not in SECTION_FORMS:
        raise Http404("no such section")
    document = _referral(request, pk, Action.CHANGE, detail=section)
    if not may_edit_referral(request.user, document):
        _refuse(request, "only the referring school edits a referral, before it is submitted", pk)
    form = SECTION_FORMS[section](request.POST or None, initial=document.data.get(section) or {})
    if request.method == "POST" and form.is_valid() and (section != "referral" or _person_visible(request, form)):
        data = {**document.data, section: form.cleaned_data}
        if section == "referral":
            document.title = _title(form.cleaned_data)
            document.person_id, document.review_on = form.cleaned_data["person_id"], form.cleaned_data["review_on"]
            document.save(update_fields=["title", "person_id", "review_on"])
        documents.save(document, request.user, data, note=section)
        return redirect(f"/fap/{document.pk}/#section-{section}")
    return render(request, "fap/section.html", {"form": form, "document": document,
                                                "label": SECTION_LABELS[section]})


@login_required
@require_POST
def submit(request, pk: int):  # noqa: ANN001, ANN201
    document = _referral(request, pk, Action.CHANGE, detail="submit to panel")
    if not may_edit_referral(request.user, document):
        _refuse(request, "only the referring school submits its draft referral", pk)
    document.shared_with.add(*Organisation.objects.filter(kind__in=PANEL))  # the panel sees it from now on
    documents.save(document, request.user, document.data, status=Status.SUBMITTED, note="submitted to the panel")
    messages.info(request, "The referral has been submitted to the Fair Access Panel.")
    return redirect("fap:detail", pk=document.pk)


@login_required
def decision(request, pk: int):  # noqa: ANN001, ANN201
    document = _referral(request, pk, Action.CHANGE, detail="panel decision")
    if not may_decide(request.user, document):
        _refuse(request, "the panel chair records the decision on a submitted referral", pk)
    form = DecisionForm(request.POST or None, initial=document.data.get("decision") or {})
    if request.method == "POST" and form.is_valid():
        documents.save(document, request.user, {**document.data, "decision": form.cleaned_data},
                       status=Status.CLOSED, note="panel decision")
        messages.info(request, "The panel decision has been recorded.")
        return redirect("fap:detail", pk=document.pk)
    return render(request, "fap/section.html", {"form": form, "document": document,
                                                "label": SECTION_LABELS["decision"]})


def _matrix() -> matrix.Matrix:
    """Every referral made to the panel (submitted or decided; a school's unsent draft is not a referral)."""
    found = CaseDocument.objects.filter(kind=str(KIND)).exclude(status=Status.DRAFT).values_list("data", flat=True)
    return matrix.build(found)


@login_required
def matrix_page(request):  # noqa: ANN001, ANN201
    check(request, Target(KIND), Action.SEARCH, detail="matrix of need (aggregate)")
    need = _matrix()
    items = [(label, need.by_item[key]) for key, label in matrix.PEER_ON_PEER]
    return render(request, "fap/matrix.html", {
        "need": need, "items": items, "referring": sorted(need.referring.items()),
        "receiving": sorted(need.receiving.items()), "journeys": sorted(need.journeys.items()),
        "year_groups": sorted(need.year_group.items(), key=lambda kv: (len(kv[0]), kv[0])),
        "sexes": sorted(need.sex.items()),
        "ethnicities": sorted(need.ethnicity.items())})


@login_required
def matrix_csv(request):  # noqa: ANN001, ANN201
    check(request, Target(KIND), Action.EXPORT, detail="matrix of need CSV (aggregate)")
    with tempfile.TemporaryDirectory() as tmp:
        path = write_csv(Path(tmp) / "matrix.csv", header=["table", "row", "column", "referrals", "peer_on_peer"],
                         rows=_matrix().rows())
        content = path.read_bytes()
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="fap-matrix-of-need.csv"'
    return response
