"""Case notes: the list, a new note, one note with its highlighted suggestions, and a decision on one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from contextsafe.web import store
from contextsafe.web.access import Action, Kind, Target, check, stated_purpose
from contextsafe.web.casenotes import services
from contextsafe.web.casenotes.forms import DecisionForm, NoteForm
from contextsafe.web.casenotes.models import NoteSuggestion, State
from contextsafe.web.casework import documents
from contextsafe.web.casework.models import CaseDocument
from contextsafe.web.forms import SearchForm, search_detail


def _note(request, pk: int, action: Action = Action.VIEW) -> CaseDocument:  # noqa: ANN001
    check(request, Target(Kind.CASE_NOTE, str(pk)), action)
    return get_object_or_404(CaseDocument.objects.select_related("organisation", "created_by"), pk=pk,
                             kind=Kind.CASE_NOTE)


@login_required
def note_list(request):  # noqa: ANN001, ANN201
    check(request, Target(Kind.CASE_NOTE), Action.VIEW)
    notes = documents.visible(request.user, Kind.CASE_NOTE, stated_purpose(request)).order_by("-created_at")
    rows = [{"note": n, "pending": n.casenote_suggestions.filter(state=State.PENDING).count(),
             "confirmed": n.casenote_associations.count()} for n in notes[:200]]
    return render(request, "casenotes/list.html", {"rows": rows, "purpose": stated_purpose(request)})


def _people(request, text: str) -> list[dict]:  # noqa: ANN001
    if not text.strip():
        return []
    decision = check(request, Target(Kind.PERSON), Action.SEARCH, detail=search_detail(text))
    return store.search_people(text, decision.sources)


@login_required
def new_note(request):  # noqa: ANN001, ANN201
    check(request, Target(Kind.CASE_NOTE), Action.CHANGE)
    purpose = stated_purpose(request)
    search = SearchForm(request.GET or None)
    q = search.cleaned_data.get("q", "") if search.is_valid() else ""
    initial = {"person_id": request.GET.get("person", "")}
    form = NoteForm(request.user, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        person_id = form.cleaned_data["person_id"].strip()
        try:  # the young person must be one this user may see for this purpose (the refusal is audited)
            check(request, Target(Kind.PERSON, person_id), Action.VIEW, detail="case note subject")
        except PermissionDenied:
            form.add_error("person_id", "No young person with this id is visible to you for this purpose.")
        else:
            note = services.add_note(request.user, person_id, form.cleaned_data["title"], form.cleaned_data["text"],
                                     form.cleaned_data["written_on"], purpose,
                                     shared_with=form.cleaned_data["shared_with"])
            count = note.casenote_suggestions.count()
            messages.info(request, f"Note saved. {count} suggestion{'s' if count != 1 else ''} to confirm or reject.")
            return redirect("casenotes:detail", pk=note.pk)
    return render(request, "casenotes/new.html", {"form": form, "q": q, "people": _people(request, q),
                                                  "purpose": purpose})


@login_required
def detail(request, pk: int):  # noqa: ANN001, ANN201
    note = _note(request, pk)
    suggestions = list(note.casenote_suggestions.select_related("decided_by"))
    may_change = _may_change(request, note)
    return render(request, "casenotes/detail.html", {
        "note": note, "segments": services.segments(note.data.get("text", ""), suggestions),
        "suggestions": suggestions, "associations": note.casenote_associations.select_related("confirmed_by"),
        "may_change": may_change, "pending": sum(1 for s in suggestions if s.state == State.PENDING)})


def _may_change(request, note: CaseDocument) -> bool:  # noqa: ANN001
    from contextsafe.web.access import decide as decide_access

    return decide_access(request.user, stated_purpose(request), Target(Kind.CASE_NOTE, str(note.pk)),
                         Action.CHANGE).allowed


@login_required
@require_POST
def decide(request, pk: int, sid: int):  # noqa: ANN001, ANN201
    note = _note(request, pk, Action.CHANGE)
    suggestion = get_object_or_404(NoteSuggestion, pk=sid, note=note)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose confirm or reject.")
        return redirect("casenotes:detail", pk=pk)
    confirm = form.cleaned_data["decision"] == "confirm"
    try:
        services.decide_suggestion(note, suggestion, request.user, confirm, form.cleaned_data["entity_id"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.info(request, f"{'Confirmed' if confirm else 'Rejected'}: “{suggestion.text}”.")
    return redirect(f"{note_url(pk)}#suggestion-{sid}")


def note_url(pk: int) -> str:
    from django.urls import reverse

    return reverse("casenotes:detail", kwargs={"pk": pk})


