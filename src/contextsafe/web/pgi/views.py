"""Peer group information: the list (with unread updates), a new request, one request, the answer, feedback."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render

from contextsafe.web import store
from contextsafe.web.access import Action, Kind, Target, check, stated_purpose
from contextsafe.web.audit.log import record_event
from contextsafe.web.casework import documents
from contextsafe.web.forms import SearchForm, search_detail
from contextsafe.web.pgi import forms as pgi_forms
from contextsafe.web.pgi import services, workflow
from contextsafe.web.pgi.models import PgiRequest, State
from contextsafe.web.pgi.permissions import may_request


def _pgi(request, pk: int, action: Action = Action.VIEW, detail: str = "") -> PgiRequest:  # noqa: ANN001
    check(request, Target(Kind.PGI, str(pk)), action, detail=detail)
    return get_object_or_404(PgiRequest.objects.select_related(
        "document", "document__organisation", "document__agreement", "document__created_by",
        "provider_organisation", "provider_user"), document_id=pk)


@login_required
def request_list(request):  # noqa: ANN001, ANN201
    check(request, Target(Kind.PGI), Action.VIEW)
    visible = documents.visible(request.user, Kind.PGI, stated_purpose(request))
    requests = (PgiRequest.objects.filter(document__in=visible)
                .select_related("document", "document__organisation", "provider_organisation", "provider_user"))
    org = request.user.organisation_id
    sent = [r for r in requests if r.document.organisation_id == org]
    received = [r for r in requests if r.provider_organisation_id == org and r.state != State.DRAFT]
    unread = services.unread(request.user).filter(request__document__in=visible)
    return render(request, "pgi/list.html", {
        "sent": sent, "received": received, "unread": unread, "may_request": may_request(request.user)})


def _refuse_requesting(request) -> None:  # noqa: ANN001
    if not may_request(request.user):
        why = "only practitioners of children's social care, the youth offending service or the CSE service request"
        record_event(request.user, "change", Kind.PGI, allowed=False, reason=why, purpose=stated_purpose(request) or "")
        raise PermissionDenied(why)


def _people(request, text: str) -> list[dict]:  # noqa: ANN001
    if not text.strip():
        return []
    decision = check(request, Target(Kind.PERSON), Action.SEARCH, detail=search_detail(text))
    return store.search_people(text, decision.sources)


@login_required
def new_request(request):  # noqa: ANN001, ANN201
    check(request, Target(Kind.PGI), Action.CHANGE)
    _refuse_requesting(request)
    search = SearchForm(request.GET or None)
    text = search.cleaned_data["q"] if search.is_valid() else ""
    initial = {"person_id": request.GET.get("person", "")}
    form = pgi_forms.RequestForm(request.user, stated_purpose(request), request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        send = "send" in request.POST
        pgi = services.create_request(request.user, form.cleaned_data, send=send)
        messages.info(request, "Request sent." if send else "Draft request saved: it has not been sent.")
        return redirect("pgi:detail", pk=pgi.document_id)
    return render(request, "pgi/request_form.html", {"form": form, "search": search, "q": text,
                                                     "people": _people(request, text), "pgi": None})


@login_required
def edit_request(request, pk: int):  # noqa: ANN001, ANN201
    pgi = _pgi(request, pk, Action.CHANGE, detail="edit request")
    workflow.require(request.user, pgi, "edit_request")
    saved = pgi.document.data.get("request", {})
    initial = {**saved, "agreement": pgi.document.agreement_id, "provider_organisation": pgi.provider_organisation_id,
               "provider_user": pgi.provider_user_id}
    form = pgi_forms.RequestForm(request.user, stated_purpose(request), request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        send = "send" in request.POST
        services.update_request(request.user, pgi, form.cleaned_data, send=send)
        messages.info(request, "Request sent." if send else "Draft request saved: it has not been sent.")
        return redirect("pgi:detail", pk=pk)
    return render(request, "pgi/request_form.html", {"form": form, "search": None, "people": [], "pgi": pgi})


@login_required
def detail(request, pk: int):  # noqa: ANN001, ANN201
    pgi = _pgi(request, pk)
    sides = workflow.parties(request.user, pgi)
    services.mark_read(request.user, pgi)
    data = pgi.document.data
    return render(request, "pgi/detail.html", {
        "pgi": pgi, "document": pgi.document, "req": data.get("request", {}), "answer": data.get("answer"),
        "draft": data.get("answer_draft") if workflow.PROVIDER in sides else None,
        "feedback": data.get("feedback"), "actions": workflow.available(request.user, pgi),
        "labels": _labels()})


def _labels() -> dict:
    return {"assessment": dict(pgi_forms.ASSESSMENTS), "concern": dict(pgi_forms.CONCERNS),
            "network": dict(pgi_forms.NETWORK), "influence": dict(pgi_forms.INFLUENCE),
            "relation": dict(pgi_forms.RELATION), "feedback": dict(pgi_forms.FEEDBACK)}


@login_required
def answer(request, pk: int):  # noqa: ANN001, ANN201
    pgi = _pgi(request, pk, Action.CHANGE, detail="answer")
    workflow.require(request.user, pgi, "draft_answer")
    saved = pgi.document.data.get("answer_draft") or pgi.document.data.get("answer") or {}
    form = pgi_forms.AnswerForm(request.POST or None, initial=saved)
    # Initial rows only when unbound: a bound row equal to its initial would count as unchanged and be dropped.
    peers = pgi_forms.PeerFormSet(request.POST or None, prefix="peers",
                                  initial=None if request.method == "POST" else saved.get("peers", []),
                                  form_kwargs={"user": request.user, "purpose": stated_purpose(request)})
    if request.method == "POST" and form.is_valid():
        peers_valid, rows, submit = peers.is_valid(), pgi_forms.peer_rows(peers), "submit" in request.POST
        if submit:
            form.check_with_peers(rows)  # also when a peer row is wrong, so every problem is listed at once
        if peers_valid and not form.errors:
            content = {**form.cleaned_data, "peers": rows}
            if content["aware"] == "no":
                content = {"aware": "no", "peers": []}
            services.save_answer(request.user, pgi, content, submit=submit)
            messages.info(request, "Answer returned to the requester." if submit else
                          "Draft answer saved: the requester cannot see it until you return it.")
            return redirect("pgi:detail", pk=pk)
    return render(request, "pgi/answer_form.html", {"pgi": pgi, "form": form, "peers": peers,
                                                    "req": pgi.document.data.get("request", {})})


@login_required
def feedback(request, pk: int):  # noqa: ANN001, ANN201
    pgi = _pgi(request, pk, Action.CHANGE, detail="feedback")
    workflow.require(request.user, pgi, "feedback")
    form = pgi_forms.FeedbackForm(request.POST or None, initial=pgi.document.data.get("feedback") or {})
    if request.method == "POST" and form.is_valid():
        services.give_feedback(request.user, pgi, form.cleaned_data)
        messages.info(request, "Feedback recorded and sent to the information provider.")
        return redirect("pgi:detail", pk=pk)
    return render(request, "pgi/feedback_form.html", {"pgi": pgi, "form": form})
