"""Registers (agreements, DPIAs, and every store source against them) and the sharing ledger."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from contextsafe.web import store
from contextsafe.web.access import Action, Kind, Target, check, owning_organisations_visible
from contextsafe.web.audit.log import record_event
from contextsafe.web.governance.forms import SharingDecisionForm
from contextsafe.web.governance.models import Dpia, SharingAgreement, SharingDecision


@login_required
def registers(request):  # noqa: ANN001, ANN201
    check(request, Target(Kind.REGISTER), Action.VIEW)
    agreements = SharingAgreement.objects.select_related("dpia").order_by("reference")
    known = set(agreements.values_list("reference", flat=True))
    sources = [{"source": s, "registered": s.agreement in known} for s in store.sources().values()]
    return render(request, "governance/registers.html", {
        "agreements": agreements, "dpias": Dpia.objects.order_by("reference"), "sources": sources})


@login_required
def sharing(request):  # noqa: ANN001, ANN201
    check(request, Target(Kind.SHARING), Action.VIEW)
    decisions = SharingDecision.objects.select_related("organisation", "recipient", "made_by", "agreement")
    orgs = owning_organisations_visible(request.user)
    if orgs is not None:
        decisions = decisions.filter(organisation_id__in=orgs) | decisions.filter(recipient_id__in=orgs)
    return render(request, "governance/sharing.html", {"decisions": decisions.order_by("-made_at")[:200]})


@login_required
def sharing_detail(request, pk: int):  # noqa: ANN001, ANN201
    check(request, Target(Kind.SHARING, str(pk)), Action.VIEW)
    decision = get_object_or_404(SharingDecision, pk=pk)
    return render(request, "governance/sharing_detail.html", {"decision": decision})


@login_required
def sharing_new(request):  # noqa: ANN001, ANN201
    check(request, Target(Kind.SHARING), Action.CHANGE)
    form = SharingDecisionForm(request.user, request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            return _record(request, form)
        if form.has_error("__all__", "consent"):
            record_event(request.user, "share_decision", Kind.SHARING, allowed=False, reason="consent required")
    return render(request, "governance/sharing_new.html", {"form": form})


def _record(request, form: SharingDecisionForm):  # noqa: ANN001, ANN202
    decision = form.save(commit=False)
    decision.made_by = request.user
    decision.organisation = request.user.organisation
    decision.save()
    override = bool(decision.consent_override_reason.strip())
    record_event(request.user, "share_decision", Kind.SHARING, str(decision.pk), purpose=decision.purpose,
                 agreements=decision.agreement.reference if decision.agreement else "",
                 reason=decision.consent_override_reason if override else decision.reason,
                 detail=f"{decision.decision} with organisation {decision.recipient_id}", flagged=override)
    messages.info(request, "Your decision and its reasons have been recorded.")
    return redirect("governance:sharing-detail", pk=decision.pk)
