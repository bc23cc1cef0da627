"""Search contexts and open one: members, events, and the network of members who share events."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from contextsafe.web import store
from contextsafe.web.access import Action, Kind, Target, check, stated_purpose
from contextsafe.web.contexts import drawing
from contextsafe.web.forms import SearchForm, search_detail
from contextsafe.web.retention.reviews import listings


@login_required
def search(request):  # noqa: ANN001, ANN201
    form = SearchForm(request.GET or None)
    text = form.cleaned_data["q"] if form.is_valid() else ""
    decision = check(request, Target(Kind.CONTEXT), Action.SEARCH, detail=search_detail(text))
    results = store.search_contexts(text, decision.sources) if text.strip() else []
    return render(request, "contexts/search.html", {"form": form, "results": results, "q": text})


@login_required
def detail(request, context_id: str):  # noqa: ANN001, ANN201
    decision = check(request, Target(Kind.CONTEXT, context_id), Action.VIEW)
    context = store.context(context_id, decision.sources)
    named = listings(request.user, stated_purpose(request), store.today(), context_key=context_id)
    return render(request, "contexts/detail.html", {
        "context": context, "decision": decision, "drawing": drawing.network(context["network"]),
        "map": drawing.event_map(context["events"]), "listings": named})
