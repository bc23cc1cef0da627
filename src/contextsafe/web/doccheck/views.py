"""Strategic document checks: upload a set, read its report (in the app, printable, PDF), and the rules."""

from __future__ import annotations

import difflib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_POST

from contextsafe.doccheck import DocumentError, load_rules
from contextsafe.web.access import Action, Kind, Target, check, role_may
from contextsafe.web.casework.documents import pdf_response, print_response
from contextsafe.web.doccheck import service
from contextsafe.web.doccheck.forms import RulesForm, UploadForm
from contextsafe.web.doccheck.models import CheckSet, RulesVersion
from contextsafe.web.doccheck.permissions import RULES_KIND
from contextsafe.web.doccheck.presenting import present


def _may(request, kind, action: Action) -> bool:  # noqa: ANN001
    return role_may(request.user.role, Target(kind), action)


@login_required
def index(request):  # noqa: ANN001, ANN201
    check(request, Target(Kind.DOCUMENT_CHECK), Action.VIEW)
    sets = CheckSet.objects.select_related("created_by", "organisation").prefetch_related("documents")
    return render(request, "doccheck/index.html", {
        "sets": sets[:200], "may_upload": _may(request, Kind.DOCUMENT_CHECK, Action.CHANGE)})


@login_required
def new(request):  # noqa: ANN001, ANN201
    check(request, Target(Kind.DOCUMENT_CHECK), Action.CHANGE, detail="upload")
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            check_set = service.upload(form.cleaned_data["name"], form.cleaned_data["files"], request.user)
        except DocumentError as error:
            form.add_error("files", str(error))
        else:
            messages.info(request, f"{check_set.documents.count()} document(s) checked.")
            return redirect("doccheck:detail", pk=check_set.pk)
    return render(request, "doccheck/new.html", {"form": form, "max_mb": 2}, status=400 if form.errors else 200)


def _check_set(request, pk: int, action: Action, detail: str = "") -> CheckSet:  # noqa: ANN001
    check(request, Target(Kind.DOCUMENT_CHECK, str(pk)), action, detail=detail)
    return get_object_or_404(CheckSet.objects.select_related("created_by"), pk=pk)


@login_required
def detail(request, pk: int):  # noqa: ANN001, ANN201
    check_set = _check_set(request, pk, Action.VIEW)
    current, _ = service.current_rules()
    return render(request, "doccheck/detail.html", {
        "set": check_set, "report": present(check_set.report), "files": check_set.documents.all(),
        "current_rules": current, "may_rerun": _may(request, Kind.DOCUMENT_CHECK, Action.CHANGE)})


@login_required
def document(request, pk: int, doc: int):  # noqa: ANN001, ANN201
    """One uploaded document as it was read: its passages with headings and numbers, flagged ones marked."""
    check_set = _check_set(request, pk, Action.VIEW, detail=f"document {doc}")
    uploaded = get_object_or_404(check_set.documents, pk=doc)
    flagged: dict[str, list[str]] = {}
    for finding in check_set.report.get("findings", []):
        for quote in finding["quotes"]:
            if quote["document"] == uploaded.name:
                flagged.setdefault(quote["where"], []).append(finding["rule"])
    passages = [{**p, "where": (f"page {p['page']}, " if p.get("page") else "") + f"paragraph {p['number']}"}
                for p in uploaded.passages]
    for passage in passages:
        passage["rules"] = sorted(set(flagged.get(passage["where"], [])))
    return render(request, "doccheck/document.html", {"set": check_set, "document": uploaded, "passages": passages})


@login_required
@require_POST
def rerun(request, pk: int):  # noqa: ANN001, ANN201
    check_set = _check_set(request, pk, Action.CHANGE, detail="re-check with current rules")
    service.rerun(check_set)
    messages.info(request, f"Checked again with rules version {check_set.rules_number}.")
    return redirect("doccheck:detail", pk=pk)


def printable(check_set: CheckSet) -> str:
    """The self-contained report page (inline style, no scripts, nothing fetched) that is also printed to PDF."""
    return render_to_string("doccheck/print.html", {"set": check_set, "report": present(check_set.report)})


@login_required
def print_view(request, pk: int):  # noqa: ANN001, ANN201
    return print_response(printable(_check_set(request, pk, Action.VIEW, detail="print")))


@login_required
def pdf(request, pk: int):  # noqa: ANN001, ANN201
    return pdf_response(printable(_check_set(request, pk, Action.EXPORT, detail="pdf")), f"document-check-{pk}.pdf")


@login_required
def rules(request):  # noqa: ANN001, ANN201
    check(request, Target(RULES_KIND), Action.VIEW)
    number, text = service.current_rules()
    return render(request, "doccheck/rules.html", {
        "number": number, "ruleset": load_rules(text), "versions": RulesVersion.objects.select_related("changed_by"),
        "may_edit": _may(request, RULES_KIND, Action.CHANGE)})


@login_required
def rules_edit(request):  # noqa: ANN001, ANN201
    check(request, Target(RULES_KIND), Action.CHANGE, detail="edit rules")
    number, text = service.current_rules()
    form = RulesForm(request.POST or None, initial={"text": text})
    if request.method == "POST" and form.is_valid():
        saved = service.save_rules(form.cleaned_data["text"], request.user, form.cleaned_data["note"])
        messages.info(request, f"Rules version {saved.number} saved. Re-check a set to apply them to it.")
        return redirect("doccheck:rules")
    return render(request, "doccheck/rules_edit.html", {"form": form, "number": number},
                  status=400 if form.errors else 200)


@login_required
def rules_version(request, number: int):  # noqa: ANN001, ANN201
    check(request, Target(RULES_KIND, str(number)), Action.VIEW)
    text = service.rules_text(number)
    if text is None:
        raise Http404("no such rules version")
    before = service.rules_text(number - 1) if number > 0 else None
    diff = list(difflib.unified_diff((before or "").splitlines(), text.splitlines(), f"version {number - 1}",
                                     f"version {number}", lineterm="", n=2)) if before is not None else []
    version = RulesVersion.objects.filter(number=number).select_related("changed_by").first()
    return render(request, "doccheck/rules_version.html", {
        "number": number, "text": text, "diff": diff, "version": version})
