"""Search young people, open one, and break glass to open one outside your organisation's scope."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from contextsafe.web import store
from contextsafe.web.access import Action, Kind, Target, check, stated_purpose
from contextsafe.web.forms import BreakGlassForm, SearchForm, search_detail
from contextsafe.web.retention.reviews import listings


@login_required
def search(request):  # noqa: ANN001, ANN201
    form = SearchForm(request.GET or None)
    text = form.cleaned_data["q"] if form.is_valid() else ""
    decision = check(request, Target(Kind.PERSON), Action.SEARCH, detail=search_detail(text))
    results = store.search_people(text, decision.sources) if text.strip() else []
    return render(request, "people/search.html", {"form": form, "results": results, "q": text})


@login_required
def detail(request, person_id: str):  # noqa: ANN001, ANN201
    decision = check(request, Target(Kind.PERSON, person_id), Action.VIEW)
    person = store.person(person_id, decision.sources)
    # Casework naming this young person: each shown only if the user may open it for their purpose.
    named = listings(request.user, stated_purpose(request), store.today(), person_id=person_id)
    return render(request, "people/detail.html", {"person": person, "decision": decision, "listings": named})


@login_required
def break_glass(request, person_id: str):  # noqa: ANN001, ANN201
    """Ask for a reason; the next view of this record is allowed (if its sources permit the purpose) and flagged."""
    target = Target(Kind.PERSON, person_id)
    check(request, Target(Kind.BREAK_GLASS, f"person:{person_id}"), Action.CHANGE)
    form = BreakGlassForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        grants = request.session.get("break_glass", {})
        grants[f"{target.kind}:{target.ident}"] = form.cleaned_data["reason"]
        request.session["break_glass"] = grants
        messages.info(request, "Break-glass access recorded and flagged for review.")
        return redirect("people:detail", person_id=person_id)
    return render(request, "people/break_glass.html", {"form": form, "person_id": person_id})
