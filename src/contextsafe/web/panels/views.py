"""Panel coordination: register the partnership's multi-agency meetings (step 1), then see where the same young
people, families, peer groups, schools and places are discussed at more than one of them (step 2)."""

from __future__ import annotations

from types import SimpleNamespace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone

from contextsafe.web import store
from contextsafe.web.access import Action, Kind, PurposeRequired, Target, check, role_may, stated_purpose
from contextsafe.web.audit.log import record_event
from contextsafe.web.casework.documents import pdf_response, print_response
from contextsafe.web.governance.models import SharingAgreement
from contextsafe.web.panels import overlap as ov
from contextsafe.web.panels.forms import MeetingForm
from contextsafe.web.panels.models import Meeting

LISTED = 200  # young people listed per meeting (each asked of the access module); the rest counted


def _purpose(request) -> str:  # noqa: ANN001
    purpose = stated_purpose(request)
    if not purpose:
        raise PurposeRequired("no purpose stated")
    return purpose


def _refuse(request, action: Action, ident: str, reason: str, detail: str = "") -> None:  # noqa: ANN001
    record_event(request.user, str(action), str(Kind.PANEL), ident, allowed=False, reason=reason,
                 purpose=stated_purpose(request) or "", detail=detail)
    raise PermissionDenied(reason)


def _meeting(request, pk: int, action: Action, detail: str = "") -> Meeting:  # noqa: ANN001
    """The meeting, once the user's role may take ``action`` and it is their organisation's (a guessed number is
    refused like another organisation's meeting)."""
    target = Target(Kind.PANEL, str(pk))
    meeting = Meeting.objects.filter(pk=pk).first()
    if role_may(request.user.role, target, action):
        if meeting is None:
            _refuse(request, action, str(pk), "no such record", detail)
        if meeting.organisation_id != request.user.organisation_id:
            _refuse(request, action, str(pk), "record belongs to another organisation", detail)
    check(request, target, action, detail=detail)
    return meeting


def _mine(request):  # noqa: ANN001, ANN202
    return Meeting.objects.filter(organisation_id=request.user.organisation_id)


@login_required
def index(request):  # noqa: ANN001, ANN201
    check(request, Target(Kind.PANEL), Action.VIEW)
    purpose = _purpose(request)
    meetings = list(_mine(request))
    ok, excluded = ov.usable(meetings, purpose)
    reasons = {e.meeting.pk: e.reason for e in excluded}
    rows = [{"meeting": m, "reason": reasons.get(m.pk, "")} for m in meetings]
    return render(request, "panels/index.html", {"rows": rows, "purpose": purpose, "usable": len(ok)})


def _form_page(request, form: MeetingForm, meeting: Meeting | None):  # noqa: ANN001, ANN202
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        if meeting is None:
            saved.organisation_id, saved.created_by = request.user.organisation_id, request.user
        saved.save()
        messages.info(request, f"{saved.name} is registered with its sharing terms.")
        return redirect("panels:meeting", pk=saved.pk)
    return render(request, "panels/meeting_form.html", {"form": form, "meeting": meeting})


@login_required
def new(request):  # noqa: ANN001, ANN201
    check(request, Target(Kind.PANEL), Action.CHANGE, detail="register a meeting")
    if request.user.organisation_id is None:
        raise PermissionDenied("a meeting is registered by an organisation")
    return _form_page(request, MeetingForm(request.POST or None), None)


@login_required
def edit(request, pk: int):  # noqa: ANN001, ANN201
    meeting = _meeting(request, pk, Action.CHANGE, detail="edit meeting")
    return _form_page(request, MeetingForm(request.POST or None, instance=meeting), meeting)


@login_required
def meeting(request, pk: int):  # noqa: ANN001, ANN201
    """One meeting, its terms and the young people on its list (codes and dates), when its terms permit the
    stated purpose."""
    purpose = _purpose(request)
    found = _meeting(request, pk, Action.VIEW, detail="meeting and its list")
    ok, excluded = ov.usable([found], purpose)
    if excluded and excluded[0].for_purpose:
        _refuse(request, Action.VIEW, str(pk), f"{found.name}: {excluded[0].reason}", detail="meeting list")
    rows = store.query("""
        SELECT coalesce(pr.person_id, 'unlinked:' || r.source || '/' || r.record_id) AS person,
               list(DISTINCT coalesce(CAST(e.occurred_on AS DATE), r.recorded_on) ORDER BY 1) AS dates
        FROM records r LEFT JOIN person_records pr ON pr.source = r.source AND pr.record_id = r.record_id
        LEFT JOIN participants pa ON pa.source = r.source AND pa.record_id = r.record_id
        LEFT JOIN events e ON e.source = pa.source AND e.event_id = pa.event_id
        WHERE r.source = ? GROUP BY ALL ORDER BY person""", [found.source]) if ok else []
    people = [SimpleNamespace(key=row["person"], dates=[d for d in row["dates"] if d]) for row in rows[:LISTED]]
    coded = ov.identify(people, purpose, request.user)
    return render(request, "panels/meeting.html", {"meeting": found, "purpose": purpose, "people": people,
                                                   "not_read": excluded[0].reason if excluded else "",
                                                   "registered": SharingAgreement.objects.filter(
                                                       reference=found.agreement).exists(),
                                                   "total": len(rows), "coded": coded,
                                                   "more": max(0, len(rows) - LISTED)})


def _overlap(request, detail: str, action: Action = Action.VIEW) -> tuple[ov.Overlap, str]:  # noqa: ANN001
    purpose = _purpose(request)
    meetings = list(_mine(request))
    ok, _ = ov.usable(meetings, purpose)
    read = sorted({f"{m.source} ({m.agreement or 'no agreement'})" for m in ok})
    check(request, Target(Kind.PANEL), action,
          detail=f"{detail} for {purpose}; lists read: {', '.join(read) or 'none'}")
    return ov.compute(meetings, purpose, request.user), purpose


@login_required
def overlap(request):  # noqa: ANN001, ANN201
    found, purpose = _overlap(request, "overlap")
    return render(request, "panels/overlap.html", {"overlap": found, "purpose": purpose})


def printable(request, found: ov.Overlap) -> str:  # noqa: ANN001
    return render_to_string("panels/print.html", {"overlap": found, "printed_at": timezone.now(),
                                                  "organisation": request.user.organisation,
                                                  "username": request.user.username})


@login_required
def overlap_print(request):  # noqa: ANN001, ANN201
    found, _ = _overlap(request, "overlap print")
    return print_response(printable(request, found))


@login_required
def overlap_pdf(request):  # noqa: ANN001, ANN201
    found, purpose = _overlap(request, "overlap pdf", Action.EXPORT)
    return pdf_response(printable(request, found), f"panel-overlap-{purpose}.pdf")
