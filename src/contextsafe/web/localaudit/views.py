"""The local audit (appendix A): start an audit, fill in the matrix (Figure 2), record observations of meetings
and training and practitioner forums, write the findings, and read (or print) the report."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone

from contextsafe.web.access import SEES_EVERY_ORGANISATION, Action, Kind, Target, check, role_may, stated_purpose
from contextsafe.web.audit.log import record_event
from contextsafe.web.casework.documents import pdf_response, print_response
from contextsafe.web.localaudit import questions as q
from contextsafe.web.localaudit import report as rep
from contextsafe.web.localaudit.forms import AuditForm, CellForm, FindingsForm, ForumForm, ObservationForm, ReviewForm
from contextsafe.web.localaudit.models import Audit, Cell, Finding, Forum, Observation


def _sees(user, audit: Audit) -> bool:  # noqa: ANN001
    return user.role in SEES_EVERY_ORGANISATION or audit.organisation_id == user.organisation_id


def _audit(request, pk: int, action: Action, detail: str = "") -> Audit:  # noqa: ANN001
    """The audit, once the user's role may take ``action`` and the audit is their organisation's (audit entry
    either way; a guessed number is refused like another organisation's audit)."""
    target = Target(Kind.LOCAL_AUDIT, str(pk))
    audit = Audit.objects.select_related("organisation").filter(pk=pk).first()
    if role_may(request.user.role, target, action):
        reason = ("no such record" if audit is None else
                  "" if _sees(request.user, audit) else "record belongs to another organisation")
        if reason:
            record_event(request.user, str(action), str(Kind.LOCAL_AUDIT), str(pk), allowed=False, reason=reason,
                         purpose=stated_purpose(request) or "", detail=detail)
            raise PermissionDenied(reason)
    check(request, target, action, detail=detail)
    return audit


def _may_change(user) -> bool:  # noqa: ANN001
    return role_may(user.role, Target(Kind.LOCAL_AUDIT), Action.CHANGE)


@login_required
def index(request):  # noqa: ANN001, ANN201
    check(request, Target(Kind.LOCAL_AUDIT), Action.VIEW)
    audits = Audit.objects.select_related("organisation")
    if request.user.role not in SEES_EVERY_ORGANISATION:
        audits = audits.filter(organisation_id=request.user.organisation_id)
    return render(request, "localaudit/index.html", {"audits": audits, "may_change": _may_change(request.user)})


@login_required
def new(request):  # noqa: ANN001, ANN201
    check(request, Target(Kind.LOCAL_AUDIT), Action.CHANGE, detail="start an audit")
    if request.user.organisation_id is None:
        raise PermissionDenied("an audit belongs to an organisation")
    form = AuditForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        audit = form.save(commit=False)
        audit.organisation_id, audit.created_by = request.user.organisation_id, request.user
        audit.save()
        messages.info(request, "The audit has been started. Fill in the matrix, observations and forums.")
        return redirect("localaudit:detail", pk=audit.pk)
    return render(request, "localaudit/form.html", {"form": form, "title": "Start a local audit",
                                                     "button": "Start the audit", "button_id": "start-audit"})


@login_required
def edit(request, pk: int):  # noqa: ANN001, ANN201
    audit = _audit(request, pk, Action.CHANGE, detail="edit audit")
    form = AuditForm(request.POST or None, instance=audit)
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect("localaudit:detail", pk=audit.pk)
    return render(request, "localaudit/form.html", {"form": form, "audit": audit, "title": "The audit",
                                                     "button": "Save", "button_id": "save-audit"})


@login_required
def detail(request, pk: int):  # noqa: ANN001, ANN201
    audit = _audit(request, pk, Action.VIEW)
    review = [(label, (audit.review or {}).get(key, "")) for key, label in q.REVIEW_QUESTIONS]
    return render(request, "localaudit/detail.html", {
        "audit": audit, "silos": audit.silos(), "grid": rep.grid(audit), "facts": rep.facts(audit),
        "observations": audit.observations.all(), "forums": audit.forums.all(), "review": review,
        "may_change": _may_change(request.user)})


@login_required
def cell(request, pk: int, silo: str, level: str):  # noqa: ANN001, ANN201
    audit = _audit(request, pk, Action.CHANGE, detail=f"matrix {silo} × {level}")
    silos = audit.silos()
    if silo not in dict(silos) or level not in q.LEVEL_NAMES:
        raise Http404("no such cell in this audit's matrix")
    existing = Cell.objects.filter(audit=audit, silo=silo, level=level).first()
    fields = ("exists", "what", "in_practice", "practice_note", "links_across", "across_note", "links_down",
              "down_note", "contexts", "contexts_note")
    initial = {f: getattr(existing, f) for f in fields} if existing else {}
    form = CellForm(request.POST or None, initial=initial, silos=silos, silo=silo, lowest=level == q.LOWEST)
    if request.method == "POST" and form.is_valid():
        values = {"links_down": "", "down_note": "", **form.cleaned_data}
        Cell.objects.update_or_create(audit=audit, silo=silo, level=level, defaults=values)
        audit.save(update_fields=["updated_at"])
        return redirect(f"{audit_url(audit)}#matrix")
    title = f"{q.SILOS[silo]}: {q.LEVEL_NAMES[level]}"
    return render(request, "localaudit/form.html", {"form": form, "audit": audit, "title": title,
                                                     "caption": "Audit matrix", "button": "Save the cell",
                                                     "button_id": "save-cell"})


def audit_url(audit: Audit) -> str:
    from django.urls import reverse

    return reverse("localaudit:detail", kwargs={"pk": audit.pk})


@login_required
def review(request, pk: int):  # noqa: ANN001, ANN201
    audit = _audit(request, pk, Action.CHANGE, detail="strategic review")
    form = ReviewForm(request.POST or None, initial=audit.review or {})
    if request.method == "POST" and form.is_valid():
        audit.review = form.cleaned_data
        audit.save(update_fields=["review", "updated_at"])
        return redirect(f"{audit_url(audit)}#review")
    return render(request, "localaudit/form.html", {
        "form": form, "audit": audit, "title": "Strategic review and drawing together", "caption": "Steps 1 and 2",
        "button": "Save the review", "button_id": "save-review"})


@login_required
def observation(request, pk: int, type: str = "", obs: int | None = None):  # noqa: A002, ANN001, ANN201
    audit = _audit(request, pk, Action.CHANGE, detail="observation")
    instance = get_object_or_404(Observation, pk=obs, audit=audit) if obs else Observation(audit=audit, type=type)
    if instance.type not in Observation.Type.values:
        raise Http404("observations are of meetings or training")
    form = ObservationForm(request.POST or None, instance=instance, type=instance.type)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.answers = form.answers()
        saved.save()
        return redirect(f"{audit_url(audit)}#observations")
    what = "a meeting" if instance.type == Observation.Type.MEETING else "a training session"
    return render(request, "localaudit/form.html", {
        "form": form, "audit": audit, "title": f"Observation of {what}", "caption": "Step 2 – Observations",
        "button": "Save the observation", "button_id": "save-observation"})


@login_required
def forum(request, pk: int, forum_pk: int | None = None):  # noqa: ANN001, ANN201
    audit = _audit(request, pk, Action.CHANGE, detail="practitioner forum")
    instance = get_object_or_404(Forum, pk=forum_pk, audit=audit) if forum_pk else Forum(audit=audit)
    form = ForumForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.answers = form.answers()
        saved.save()
        return redirect(f"{audit_url(audit)}#forums")
    return render(request, "localaudit/form.html", {
        "form": form, "audit": audit, "title": "Practitioner forum",
        "caption": "Step 3 – Follow-up meetings and practitioner forums",
        "button": "Save the forum", "button_id": "save-forum"})


@login_required
def findings(request, pk: int):  # noqa: ANN001, ANN201
    audit = _audit(request, pk, Action.CHANGE, detail="findings")
    initial = {f"{f.heading}__{part}": getattr(f, part) for f in audit.findings.all()
               for part, _, _ in q.FINDING_PARTS}
    form = FindingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        for heading, _ in q.HEADINGS:
            values = {part: form.cleaned_data[f"{heading}__{part}"] for part, _, _ in q.FINDING_PARTS}
            if any(values.values()) or Finding.objects.filter(audit=audit, heading=heading).exists():
                Finding.objects.update_or_create(audit=audit, heading=heading, defaults=values)
        audit.save(update_fields=["updated_at"])
        return redirect("localaudit:report", pk=audit.pk)
    return render(request, "localaudit/form.html", {
        "form": form, "audit": audit, "title": "Findings", "caption": "Outcomes: the audit report",
        "facts": rep.facts(audit), "button": "Save the findings", "button_id": "save-findings"})


def _report_context(audit: Audit) -> dict:
    forums = [{"forum": f, "answers": [(label, (f.answers or {}).get(k, "")) for k, label in q.FORUM_QUESTIONS]}
              for f in audit.forums.all()]
    observations = []
    for o in audit.observations.all():
        asked = q.MEETING_QUESTIONS if o.type == Observation.Type.MEETING else q.TRAINING_QUESTIONS
        answers = [(label, (o.answers or {}).get(k, {})) for k, label in asked]
        observations.append({"observation": o, "answers": answers})
    return {"audit": audit, "facts": rep.facts(audit), "observations": observations, "findings": rep.findings(audit),
            "grid": rep.grid(audit), "silos": audit.silos(), "forums": forums, "printed_at": timezone.now(),
            "review": [(label, (audit.review or {}).get(key, "")) for key, label in q.REVIEW_QUESTIONS]}


@login_required
def report(request, pk: int):  # noqa: ANN001, ANN201
    audit = _audit(request, pk, Action.VIEW, detail="report")
    return render(request, "localaudit/report.html", {**_report_context(audit),
                                                       "may_change": _may_change(request.user)})


def printable(audit: Audit) -> str:
    """The report as a self-contained printable page (inline style, no scripts, nothing fetched)."""
    return render_to_string("localaudit/print.html", _report_context(audit))


@login_required
def report_print(request, pk: int):  # noqa: ANN001, ANN201
    return print_response(printable(_audit(request, pk, Action.VIEW, detail="report print")))


@login_required
def report_pdf(request, pk: int):  # noqa: ANN001, ANN201
    audit = _audit(request, pk, Action.EXPORT, detail="report pdf")
    return pdf_response(printable(audit), f"local-audit-{audit.pk}.pdf")
