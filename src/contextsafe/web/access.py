"""The one place that answers: may this user, for this purpose, see or change this record?

Each app declares in its ``permissions.py`` which roles may take which action on its kind of record
(``RULES``). :func:`decide` combines that with the user's organisation, the sources' permitted purposes
and the purpose the user has stated; :func:`check` is what views call: it decides, writes the audit
entry (allowed or refused) and raises ``PermissionDenied`` when refused, so no view can forget either.
Peer group information (sources permitting assessment only) never reaches an intelligence view because
a source is only ever visible for a purpose it permits.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from django.core.exceptions import PermissionDenied

from contextsafe.vocab import Purpose
from contextsafe.web.accounts.models import UserRole


class Kind(StrEnum):
    """Kinds of record the application guards."""

    PERSON = "person"
    CONTEXT = "context"
    PROFILE = "profile"
    PROFILE_REDACTED = "profile_redacted"
    AUDIT_LOG = "audit_log"
    REGISTER = "register"
    SHARING = "sharing"
    RETENTION = "retention"
    BREAK_GLASS = "break_glass"
    ACCOUNT = "account"  # organisations and users (the administrator's pages; sign-in entries use it too)
    # Casework documents (contextsafe.web.casework): the practitioner and partnership workflows.
    PGI = "pgi"  # peer group information request and answer (appendix F)
    CHILD_CONCERN = "child_concern"  # child-on-child concern, discussion and decision (KCSiE)
    ASSESSMENT = "contextual_assessment"  # contextual assessment and intervention plan (appendix G)
    CASE_REVIEW = "case_review"  # contextual case review (appendix C)
    HSB_MEETING = "hsb_meeting"  # HSB multi-agency planning meeting (appendix L)
    FAP_REFERRAL = "fap_referral"  # Fair Access Panel referral (appendix H)
    CONTEXT_REFERRAL = "context_referral"  # context referral, conference and plan
    CONTEXT_ASSESSMENT = "context_assessment"  # toolkit assessments of a place, peer group or school
    SAFETY_MAP = "safety_map"  # a young person's red/amber/green places
    CASE_NOTE = "case_note"  # case notes and the contexts suggested from them
    # Partnership view (not about one child).
    LOCAL_AUDIT = "local_audit"  # appendix A audit matrix, observations, forum, report
    PANEL = "panel"  # multi-agency meetings and the overlap between their lists
    DOCUMENT_CHECK = "document_check"  # strategic document checks (appendix P)
    DOCUMENT_CHECK_RULES = "document_check_rules"  # the editable rules of those checks


class Action(StrEnum):
    VIEW = "view"
    SEARCH = "search"
    EXPORT = "export"
    CHANGE = "change"
    DELETE = "delete"


# Kinds owned by organisations: only the owning organisations see one (IDOR guard).
OWNED = frozenset({Kind.SHARING})
# Kinds holding personal data about young people: visible only through sources that permit the purpose.
PERSONAL = frozenset({Kind.PERSON, Kind.CONTEXT})
# Casework documents: visible to the owning and sharing organisations (and the document's team, when it
# names one), only for the purpose the document was collected for.
CASEWORK = frozenset({Kind.PGI, Kind.CHILD_CONCERN, Kind.ASSESSMENT, Kind.CASE_REVIEW, Kind.HSB_MEETING,
                      Kind.FAP_REFERRAL, Kind.CONTEXT_REFERRAL, Kind.CONTEXT_ASSESSMENT, Kind.SAFETY_MAP,
                      Kind.CASE_NOTE})

# Purposes each role may state. Auditors work for audit only; analysts never for assessment of one child.
ROLE_PURPOSES: dict[str, frozenset[Purpose]] = {
    UserRole.ANALYST: frozenset({Purpose.PROFILING, Purpose.INTELLIGENCE}),
    UserRole.PRACTITIONER: frozenset({Purpose.ASSESSMENT}),
    UserRole.INFORMATION_PROVIDER: frozenset({Purpose.ASSESSMENT}),
    UserRole.PANEL_CHAIR: frozenset({Purpose.ASSESSMENT, Purpose.PROFILING}),
    UserRole.AUDITOR: frozenset({Purpose.AUDIT}),
    UserRole.ADMINISTRATOR: frozenset({Purpose.AUDIT}),
}

# Roles that see young people only through their own organisation's sources (break-glass aside).
ORGANISATION_SCOPED = frozenset({UserRole.PRACTITIONER, UserRole.INFORMATION_PROVIDER})
# Roles that may open a record outside their scope with a reason (flagged for review).
MAY_BREAK_GLASS = frozenset({UserRole.PRACTITIONER, UserRole.PANEL_CHAIR})

# Roles that see organisation-owned records (sharing decisions) of every organisation.
SEES_EVERY_ORGANISATION = frozenset({UserRole.AUDITOR})

APPS_WITH_RULES = ("accounts", "audit", "governance", "people", "contexts", "profiles", "retention", "casework",
                   *("pgi", "concerns", "assessments", "casereviews", "hsb", "fap", "contextplans"),
                   *("localaudit", "panels", "doccheck", "casenotes"))


@dataclass(frozen=True)
class Target:
    """What is being accessed: a kind of record and, for one record, its identifier."""

    kind: Kind
    ident: str = ""


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str
    purpose: str = ""
    sources: tuple[str, ...] = ()
    agreements: tuple[str, ...] = field(default=())
    break_glass: bool = False


class PurposeRequired(PermissionDenied):
    """The user has not stated why they are looking (the middleware sends them to say so)."""


@cache
def rules() -> dict[Kind, dict[Action, frozenset[str]]]:
    """Every app's declared ``RULES``, merged: kind -> action -> roles."""
    merged: dict[Kind, dict[Action, frozenset[str]]] = {}
    for app in APPS_WITH_RULES:
        module = importlib.import_module(f"contextsafe.web.{app}.permissions")
        for kind, actions in getattr(module, "RULES", {}).items():
            merged.setdefault(kind, {}).update({a: frozenset(r) for a, r in actions.items()})
    return merged


@cache
def _owner_lookups() -> dict:
    merged: dict = {}
    for app in APPS_WITH_RULES:
        module = importlib.import_module(f"contextsafe.web.{app}.permissions")
        merged.update(getattr(module, "OWNERS", {}))
    return merged


def owners_of(target: Target) -> set[int]:
    """Organisation ids owning an organisation-owned record (declared in the apps' ``OWNERS``)."""
    lookup = _owner_lookups().get(target.kind)
    return set(lookup(target.ident)) if lookup else set()


def role_may(role: str, target: Target, action: Action) -> bool:
    return role in rules().get(target.kind, {}).get(action, frozenset())


def decide(user, purpose: str | None, target: Target, action: Action,  # noqa: ANN001 - accounts.User
           break_glass: bool = False) -> Decision:
    """Decide without side effects. ``break_glass`` means the user has given a reason to open this record."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Decision(False, "not signed in")
    if not role_may(user.role, target, action):
        return Decision(False, f"role {user.role} may not {action} {target.kind}", purpose or "")
    if target.kind in OWNED and target.ident and user.role not in SEES_EVERY_ORGANISATION:
        owners = owners_of(target)
        if user.organisation_id not in owners:
            return Decision(False, "record belongs to another organisation", purpose or "")
    if target.kind in CASEWORK:
        return _decide_casework(user, purpose, target)
    if target.kind not in PERSONAL:
        return Decision(True, "role permits", purpose or "")
    if not purpose:
        return Decision(False, "no purpose stated")
    if purpose not in ROLE_PURPOSES.get(user.role, ()):
        return Decision(False, f"role {user.role} may not work for purpose {purpose}", purpose)
    return _decide_personal(user, purpose, target, break_glass)


def _decide_casework(user, purpose: str | None, target: Target) -> Decision:  # noqa: ANN001
    """A casework document: the stated purpose must be the one it was collected for (peer group information
    gathered for assessment never reaches an intelligence view), and the user's organisation must own it or
    have it shared with them (and the user be on its team, when it names one)."""
    from contextsafe.web.casework.models import CaseDocument

    if not purpose:
        return Decision(False, "no purpose stated")
    if purpose not in ROLE_PURPOSES.get(user.role, ()):
        return Decision(False, f"role {user.role} may not work for purpose {purpose}", purpose)
    if not target.ident:
        return Decision(True, "role and purpose permit", purpose)
    document = CaseDocument.objects.filter(pk=int(target.ident) if target.ident.isdigit() else -1,
                                           kind=str(target.kind)).select_related("agreement").first()
    if document is None:
        return Decision(False, "no such record", purpose)
    if user.role not in SEES_EVERY_ORGANISATION and user.organisation_id not in document.organisation_ids():
        return Decision(False, "record belongs to another organisation", purpose)
    team = set(document.team.values_list("id", flat=True))
    if team and user.id not in team:
        return Decision(False, "record is restricted to its team", purpose)
    if document.purpose != purpose:
        return Decision(False, f"collected for {document.purpose}; not available for {purpose}", purpose)
    agreements = (document.agreement.reference,) if document.agreement else ()
    return Decision(True, "owning or sharing organisation, collected for this purpose", purpose, (), agreements)


def _decide_personal(user, purpose: str, target: Target, break_glass: bool) -> Decision:  # noqa: ANN001
    from contextsafe.web import store

    permitting = store.sources_permitting(purpose)
    scoped = permitting
    if user.role in ORGANISATION_SCOPED:
        own = set(user.organisation.sources if user.organisation else [])
        scoped = {s for s in permitting if s in own}
    if not target.ident:
        return _allow(purpose, scoped, "sources permitting the purpose")
    held = store.sources_of(target.kind, target.ident)
    visible = held & scoped
    if visible:
        return _allow(purpose, visible, "record held by visible sources")
    if break_glass and user.role in MAY_BREAK_GLASS and held & permitting:
        return _allow(purpose, held & permitting, "break-glass with reason", glass=True)
    return Decision(False, "record not visible to this user for this purpose", purpose)


def _allow(purpose: str, sources: set[str], reason: str, glass: bool = False) -> Decision:
    from contextsafe.web import store

    names = tuple(sorted(sources))
    return Decision(True, reason, purpose, names, store.agreements(names), glass)


def stated_purpose(request) -> str | None:  # noqa: ANN001
    return request.session.get("purpose")


def break_glass_reason(request, target: Target) -> str:  # noqa: ANN001
    return request.session.get("break_glass", {}).get(f"{target.kind}:{target.ident}", "")


def check(request, target: Target, action: Action, detail: str = "") -> Decision:  # noqa: ANN001
    """Decide for the signed-in user and their stated purpose, write the audit entry, refuse with 403."""
    from contextsafe.web.audit.log import record

    purpose = stated_purpose(request)
    glass_reason = break_glass_reason(request, target) if target.ident else ""
    decision = decide(request.user, purpose, target, action, break_glass=bool(glass_reason))
    if not decision.allowed and decision.reason == "no purpose stated":
        raise PurposeRequired(decision.reason)
    record(request.user, action, target, decision, reason=glass_reason if decision.break_glass else "",
           detail=detail)
    if not decision.allowed:
        raise PermissionDenied(decision.reason)
    return decision


def allowed_purposes(user) -> list[Purpose]:  # noqa: ANN001
    return sorted(ROLE_PURPOSES.get(getattr(user, "role", ""), ()))


def owning_organisations_visible(user) -> set[int] | None:  # noqa: ANN001
    """For lists of organisation-owned records: the organisations whose records the user sees (None: all)."""
    if user.role in SEES_EVERY_ORGANISATION:
        return None
    return {user.organisation_id} if user.organisation_id else set()
