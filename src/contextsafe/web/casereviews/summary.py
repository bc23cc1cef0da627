"""The review's condensed tables, computed from what was entered (never typed twice): the overview table for each
young person (evidence of safety and of risk by environment), the case summary (number of homes, peer groups,
schools and neighbourhood localities, and safety/harm in each) and where the response intervened (with individuals
or with contexts); and the cross-case analysis of every review a user may see.

A context "features" for a young person when its stage 2 table has anything identified or written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from contextsafe.web.assessments.grid import filled
from contextsafe.web.casereviews.schema import CONTEXT_KINDS, CONTEXT_LABELS, RISK_ROWS, ROLES

KINDS = [k for k, _, _ in CONTEXT_KINDS]


def context_kinds(data: dict[str, Any]) -> dict[str, str]:
    """Context code -> kind."""
    return {c["code"]: c["kind"] for c in data.get("contexts", [])}


def _featured(data: dict[str, Any]) -> Iterable[tuple[str, str, dict[str, Any]]]:
    """(young person code, context code, stage 2 table) for every table with something in it."""
    known = context_kinds(data)
    for yp, tables in (data.get("environments") or {}).items():
        for code, table in (tables or {}).items():
            if code in known and filled(table):
                yield yp, code, table


def _risks(table: dict[str, Any]) -> list[str]:
    return [key for key, _ in RISK_ROWS if (table.get(key) or {}).get("identified")]


def _safe(table: dict[str, Any]) -> bool:
    return bool((table.get("protective_factors") or {}).get("identified"))


def overview(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """For each young person: one row per featured environment with its evidence of safety and of risk."""
    kinds = context_kinds(data)
    labels = dict(RISK_ROWS)
    out: dict[str, list[dict[str, Any]]] = {yp["code"]: [] for yp in data.get("young_people", [])}
    for yp, code, table in _featured(data):
        risk = [f"{labels[k]}: {(table.get(k) or {}).get('account', '')}".rstrip(": ") for k in _risks(table)]
        safety = (table.get("protective_factors") or {}).get("account", "") if _safe(table) else ""
        out.setdefault(yp, []).append({"kind": kinds[code], "environment": CONTEXT_LABELS[kinds[code]],
                                       "code": code, "safety": safety or ("Identified" if _safe(table) else ""),
                                       "risk": risk})
    for rows in out.values():
        rows.sort(key=lambda r: (KINDS.index(r["kind"]), r["code"]))
    return out


def case_summary(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Per context kind: how many feature, and how many of them hold harm (a risk identified for some young
    person), safety (protective factors identified), both or neither."""
    kinds = context_kinds(data)
    harm: dict[str, bool] = {}
    safe: dict[str, bool] = {}
    for _, code, table in _featured(data):
        harm[code] = harm.get(code, False) or bool(_risks(table))
        safe[code] = safe.get(code, False) or _safe(table)
    out = {}
    for kind in KINDS:
        codes = sorted(c for c in harm if kinds[c] == kind)
        out[kind] = {"label": CONTEXT_LABELS[kind], "number": len(codes), "codes": codes,
                     "harm": sum(harm[c] for c in codes), "safety": sum(safe[c] for c in codes),
                     "harm_codes": [c for c in codes if harm[c]], "safety_codes": [c for c in codes if safe[c]]}
    return out


def risk_by_context(data: dict[str, Any]) -> dict[str, Counter]:
    """Where risk sat: per context kind, how many (young person, context) tables identify each risk."""
    kinds = context_kinds(data)
    out = {kind: Counter() for kind in KINDS}
    for _, code, table in _featured(data):
        out[kinds[code]].update(_risks(table))
    return out


def response(data: dict[str, Any]) -> dict[str, int]:
    """Where the response intervened: interventions with individuals, and with contexts by kind."""
    kinds = context_kinds(data)
    out = {"individuals": sum(1 for r in data.get("interventions_individual", []) if r.get("code"))}
    for kind in KINDS:
        out[kind] = sum(1 for r in data.get("interventions_context", []) if kinds.get(r.get("code")) == kind)
    out["contexts"] = sum(out[k] for k in KINDS)
    return out


def roles(data: dict[str, Any]) -> dict[str, int]:
    counts = Counter(r for yp in data.get("young_people", []) for r in yp.get("roles", []))
    return {key: counts.get(key, 0) for key, _ in ROLES}


def measures(data: dict[str, Any]) -> list[tuple[str, str, int]]:
    """The review's figures in long form: (measure, context kind or "", count) — one row of the cross-case file."""
    rows: list[tuple[str, str, int]] = [("young people", "", len(data.get("young_people", [])))]
    rows += [(f"young people: {role}", "", n) for role, n in roles(data).items()]
    summary, risks, resp = case_summary(data), risk_by_context(data), response(data)
    for kind in KINDS:
        rows += [("contexts featured", kind, summary[kind]["number"]),
                 ("contexts with harm", kind, summary[kind]["harm"]),
                 ("contexts with safety", kind, summary[kind]["safety"])]
        rows += [(f"risk identified: {key}", kind, risks[kind].get(key, 0)) for key, _ in RISK_ROWS]
        rows.append(("interventions with contexts", kind, resp[kind]))
    rows.append(("interventions with individuals", "", resp["individuals"]))
    return rows


def cross_case(reviews: Iterable[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """Every review's measures and their totals: ``{"reviews": [(title, {measure key: n})], "totals", "keys"}``."""
    per_review = []
    totals: Counter = Counter()
    keys: list[tuple[str, str]] = []
    for title, data in reviews:
        figures = {(m, k): n for m, k, n in measures(data)}
        keys = keys or list(figures)
        totals.update(figures)
        per_review.append((title, figures))
    return {"reviews": per_review, "totals": dict(totals), "keys": keys or [(m, k) for m, k, _ in measures({})]}
