"""The table of codes: young people featured get HA01, HA02… (with their roles: complainant, suspect, witness, other,
leader) and contexts HM1, PG1, SC1, NB1… as they are entered. The names typed here only feed the name list's
fingerprints; the stored review holds codes."""

from __future__ import annotations

from typing import Any

from contextsafe.web.access import Action, Kind, Target, decide, stated_purpose
from contextsafe.web.casereviews import names
from contextsafe.web.casereviews.schema import CONTEXT_KINDS, CONTEXT_PREFIX, ROLES, YOUNG_PERSON_PREFIX
from contextsafe.web.casework.models import CaseDocument

MAX_ROWS = 60


def next_code(existing: list[str], prefix: str, width: int) -> str:
    """The next unused code of a prefix.

    >>> next_code(["HA01", "HA02"], "HA", 2), next_code(["PG1"], "SC", 1)
    ('HA03', 'SC1')
    """
    used = {int(c[len(prefix):]) for c in existing if c.startswith(prefix) and c[len(prefix):].isdigit()}
    n = 1
    while n in used:
        n += 1
    return f"{prefix}{n:0{width}d}"


def _young_people(request, people: list[dict[str, Any]], errors: dict[str, str]) -> tuple[list, list[str]]:  # noqa: ANN001
    post, out, typed = request.POST, [], []
    for i in range(min(len(people) + 2, MAX_ROWS)):
        row = dict(people[i]) if i < len(people) else {}
        name = post.get(f"yp.{i}.name", "").strip()[:200]
        person = post.get(f"yp.{i}.person_id", "").strip()[:100]
        roles = [key for key, _ in ROLES if f"yp.{i}.role.{key}" in post]
        if not row and not (name or person or roles):
            continue
        if not row and not (name or person):
            errors[f"yp.{i}.name"] = (f"Young person row {i + 1}: give their name (kept only as a fingerprint, never "
                                      "stored) or link their record")
        if person and not decide(request.user, stated_purpose(request), Target(Kind.PERSON, person),
                                 Action.VIEW).allowed:
            errors[f"yp.{i}.person_id"] = (f"Young person row {i + 1}: no young person with this identifier is "
                                           "visible to you for this purpose")
        if not row:
            row["code"] = next_code([p["code"] for p in out], YOUNG_PERSON_PREFIX, 2)
        row.update(roles=roles, person_id=person)
        out.append(row)
        typed += [name] if name else []
    return out, typed


def _contexts(request, contexts: list[dict[str, Any]], errors: dict[str, str]) -> tuple[list, list[str]]:  # noqa: ANN001
    post, out, typed = request.POST, [], []
    kinds = {k for k, _, _ in CONTEXT_KINDS}
    for i in range(min(len(contexts) + 2, MAX_ROWS)):
        row = dict(contexts[i]) if i < len(contexts) else {}
        name = post.get(f"ctx.{i}.name", "").strip()[:200]
        description = post.get(f"ctx.{i}.description", "").strip()[:500]
        kind = row.get("kind") or post.get(f"ctx.{i}.kind", "")
        if not row and not (name or description or kind):
            continue
        if kind not in kinds:
            errors[f"ctx.{i}.kind"] = (f"Context row {i + 1}: choose whether it is a home, peer group, school or "
                                       "neighbourhood")
            kind = ""
        if not row and kind:
            row["code"] = next_code([c["code"] for c in out], CONTEXT_PREFIX[kind], 1)
        row.update(kind=kind, description=description)
        out.append(row)
        typed += [name] if name else []
    return out, typed


def read_codes(request, review: CaseDocument) -> tuple[dict[str, Any], list[str], list[str], dict[str, str]]:  # noqa: ANN001
    """(young people and contexts to store, people's names typed, contexts' names typed, errors)."""
    from contextsafe.web.casereviews.views import linked_names

    errors: dict[str, str] = {}
    data = review.data or {}
    people, people_names = _young_people(request, list(data.get("young_people", [])), errors)
    contexts, context_names = _contexts(request, list(data.get("contexts", [])), errors)
    people_names += [n.strip()[:200] for n in request.POST.get("other_names", "").splitlines() if n.strip()]
    held = names.NameList.objects.filter(document=review).first()
    linked = [*linked_names(request, {"young_people": people}), *people_names]
    for i, c in enumerate(contexts):
        said = names.phrases(names.tokens(c.get("description", "")))
        if names.contains_name(c.get("description", ""), held, linked) or any(
                names.name_forms(n, person=False) & said for n in context_names):
            errors[f"ctx.{i}.description"] = names.REFUSED
    title = request.POST.get("title", review.title).strip()[:300]
    if not title:
        errors["title"] = "Give the review a title: a case reference, not a name"
    elif names.contains_name(title, held, linked) or any(
            names.name_forms(n, person=False) & names.phrases(names.tokens(title)) for n in context_names):
        errors["title"] = "The title contains a name from the review's name list: use a case reference"
    review.title = title if "title" not in errors else review.title
    return {"young_people": people, "contexts": contexts}, people_names, context_names, errors
