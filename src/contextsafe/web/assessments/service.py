"""What the assessment views ask: is the plan complete and consistent, may it be submitted, which peer group
information is there for this young person, and who may change the assessment."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from contextsafe.web.access import Action, Kind, Target, decide
from contextsafe.web.assessments.grid import filled, parse_date
from contextsafe.web.assessments.schema import CONCLUSIONS, CONTEXTS, GATHERING, OTHER_CONTROLS
from contextsafe.web.audit.log import record_event
from contextsafe.web.casework import documents
from contextsafe.web.casework.models import CaseDocument

PLAN_CONTEXTS = (("young_person", "young person"), *((k, label.lower()) for k, label in OTHER_CONTROLS))


def owned(request, document: CaseDocument) -> None:  # noqa: ANN001
    """Refuse (403, audited) a change by an organisation the assessment is only shared with."""
    if request.user.organisation_id != document.organisation_id:
        record_event(request.user, "change", document.kind, str(document.pk), allowed=False,
                     purpose=document.purpose, reason="only the owning organisation changes an assessment")
        raise PermissionDenied("only the owning organisation changes an assessment")


def _action_text(row: dict[str, Any], context: str) -> str:
    if context == "young_person":
        parts = (("referral", "Referral"), ("target", "target"), ("actions", "actions"))
        return "; ".join(f"{label}: {row[k]}" for k, label in parts if str(row.get(k, "")).strip())
    return str(row.get(f"{context}_action", "")).strip()


def plan_errors(rows: list[dict[str, Any]]) -> dict[str, str]:
    """Messages keyed by input name: every row names its key area and has an action; every action an owner and a
    real date; no owner or date without an action."""
    errors: dict[str, str] = {}
    for i, row in enumerate(rows):
        n = i + 1
        has_action = False
        for context, label in PLAN_CONTEXTS:
            action, owner, date = _action_text(row, context), row.get(f"{context}_owner", ""), \
                row.get(f"{context}_date", "")
            where = f"Plan row {n}, {label}"
            first = f"plan.{i}.actions" if context == "young_person" else f"plan.{i}.{context}_action"
            has_action = has_action or bool(action)
            if action and not owner:
                errors[f"plan.{i}.{context}_owner"] = f"{where}: say who owns this action"
            if action and not date:
                errors[f"plan.{i}.{context}_date"] = f"{where}: give the date the action is due by"
            if date and parse_date(date) is None:
                errors[f"plan.{i}.{context}_date"] = f"{where}: the date must be a real date, like 2027-01-31"
            if not action and (owner or date):
                errors[first] = f"{where}: describe the action this owner and date are for"
        if not str(row.get("key_area", "")).strip():
            errors[f"plan.{i}.key_area"] = f"Plan row {n}: name the key area of intervention"
        elif not has_action:
            errors[f"plan.{i}.actions"] = (f"Plan row {n}: add at least one action, with the young person or as "
                                           "another control (family, peer group, school, neighbourhood)")
    return errors


def submit_problems(data: dict[str, Any]) -> list[tuple[str, str]]:
    """What stops submission, as ``(section url name, message)``."""
    problems = []
    gathering = data.get("gathering", {})
    for row, label in GATHERING.rows:
        if not filled(gathering.get(row, {})):
            problems.append(("gathering", f"Information gathering: add what is known for “{label}”"))
    conclusions = data.get("conclusions", {})
    for row, label in CONCLUSIONS.rows:
        if not conclusions.get(row, {}).get("desistance"):
            problems.append(("conclusions",
                             f"Explanations and conclusions: rate desistance factors for {label.lower()}"))
    plan = data.get("plan", [])
    if not plan:
        problems.append(("plan", "Intervention plan: add at least one key area of intervention"))
    elif plan_errors(plan):
        problems.append(("plan", "Intervention plan: complete every action's owner and date"))
    return problems


def actions(data: dict[str, Any]) -> list[dict[str, str]]:
    """Every action of the plan, one per line: key area, context, action, owner, due date (soonest first)."""
    found = []
    for row in data.get("plan", []):
        for context, label in PLAN_CONTEXTS:
            text = _action_text(row, context)
            if text:
                found.append({"key_area": row.get("key_area", ""), "context": label, "action": text,
                              "owner": row.get(f"{context}_owner", ""), "date": row.get(f"{context}_date", "")})
    return sorted(found, key=lambda a: (a["date"] or "9999", a["key_area"]))


def peer_group_information(user, purpose: str | None, person_id: str) -> list[dict[str, Any]]:  # noqa: ANN001
    """Answered peer group information (appendix F) about the same young person that the user's organisation
    owns or has been shared, collected for the stated purpose: ``[{document, answer, peers}]`` (read-only here;
    an answer is the request document's ``answer``; a provider's unreturned draft is never shown)."""
    if not person_id:
        return []
    found = documents.visible(user, Kind.PGI, purpose).filter(person_id=person_id).order_by("-updated_at")
    out = []
    for document in found:
        answer = (document.data or {}).get("answer")
        if isinstance(answer, dict):
            peers = [p for p in answer.get("peers", []) if isinstance(p, dict)]
            rest = {k: v for k, v in answer.items() if k != "peers" and v not in ("", None, [], {})}
            out.append({"document": document, "answer": rest, "peers": peers})
    return out


def person_visible(user, purpose: str | None, person_id: str) -> bool:  # noqa: ANN001
    """Whether the user may open this linked young person's record (so no assessment names someone unseen)."""
    return decide(user, purpose, Target(Kind.PERSON, person_id), Action.VIEW).allowed


CONTEXT_LABELS = dict(CONTEXTS)
