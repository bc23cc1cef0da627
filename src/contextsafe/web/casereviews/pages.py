"""The template's pages as lists of sections (questions, fixed tables, growing tables), each bound to a place in the
review's data: one declaration reads the post, checks it and lays the page out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from contextsafe.web.assessments.grid import (
    SELECT,
    Field,
    Grid,
    Rows,
    field_cells,
    grid_cells,
    parse_date,
    read_fields,
    read_grid,
    read_rows,
    rows_cells,
)
from contextsafe.web.casereviews import schema as s


@dataclass(frozen=True)
class Section:
    title: str
    spec: tuple[Field, ...] | Grid | Rows
    path: tuple[str, ...]
    hint: str = ""

    @property
    def prefix(self) -> str:
        return ".".join(self.path) + "."

    def read(self, post) -> Any:  # noqa: ANN001
        if isinstance(self.spec, Grid):
            return read_grid(self.spec, post)
        if isinstance(self.spec, Rows):
            return read_rows(self.spec, post)
        return read_fields(self.spec, post, self.prefix)

    def render(self, value: Any, errors: dict[str, str]) -> dict[str, Any]:
        out: dict[str, Any] = {"title": self.title, "hint": self.hint, "id": "-".join(self.path).replace("_", "-")}
        if isinstance(self.spec, Grid):
            return {**out, "kind": "grid", "columns": self.spec.columns, "rows": grid_cells(self.spec, value or {},
                                                                                              errors)}
        if isinstance(self.spec, Rows):
            return {**out, "kind": "rows", "columns": self.spec.columns,
                    "rows": rows_cells(self.spec, value or [], errors)}
        return {**out, "kind": "fields", "cells": field_cells(self.spec, value or {}, errors, self.prefix)}


def get_in(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    for key in path:
        data = (data or {}).get(key) if isinstance(data, dict) else None
    return data


def set_in(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data.setdefault(key, {})
    data[path[-1]] = value


def _codes(data: dict[str, Any]) -> list[str]:
    return [yp["code"] for yp in data.get("young_people", [])]


def _contexts(data: dict[str, Any]) -> list[dict[str, str]]:
    return list(data.get("contexts", []))


def stage1(data: dict[str, Any], _code: str = "") -> list[Section]:
    sections = [
        Section("Case overview", s.OVERVIEW, ("overview",)),
        Section("Agencies featured", s.AGENCIES, ("agencies",)),
        Section("Definition of incident/s", s.DEFINITION_FIELDS, ("definitions",)),
        Section("Abusive behaviours (cross if identified)", s.BEHAVIOURS, ("behaviours",)),
        Section("Incident/s under review/investigation", s.INCIDENT, ("incident",)),
    ]
    people = tuple((code, code) for code in _codes(data))
    if people:
        sections += [Section("Young people featured", Grid("characteristics", people, s.CHARACTERISTICS),
                             ("characteristics",)),
                     Section("Missing episodes", Grid("missing", people, s.MISSING), ("missing",))]
    return sections


def environments(data: dict[str, Any], code: str) -> list[Section]:
    """Stage 2 for one young person: a table for every coded context (leave a context's table empty when it is
    not associated to this young person)."""
    return [Section(f"{s.CONTEXT_LABELS[c['kind']]} ({c['code']})",
                    Grid(f"environments.{code}.{c['code']}", s.ENVIRONMENT_ROWS, s.ENVIRONMENT_COLUMNS),
                    ("environments", code, c["code"]), c.get("description", ""))
            for c in _contexts(data)]


def engagement(data: dict[str, Any], _code: str = "") -> list[Section]:
    sections = [Section(f"Professional engagement prior to incident and identification: {code}",
                        Grid(f"prior.{code}", s.SERVICES, s.PRIOR_ENGAGEMENT.columns, s.PRIOR_ENGAGEMENT.hints),
                        ("prior", code)) for code in _codes(data)]
    return [*sections, Section("Professional response following identification", s.IDENTIFICATION,
                               ("identification",))]


def response(data: dict[str, Any], _code: str = "") -> list[Section]:
    people = tuple((c, c) for c in _codes(data))
    contexts = tuple((c["code"], f"{s.CONTEXT_LABELS[c['kind']]} ({c['code']})") for c in _contexts(data))
    return [
        Section("Intervention with young people", Rows("interventions_individual", blank=2, columns=(
            Field("code", "Code", SELECT, people), *s.INTERVENTION_COLUMNS)), ("interventions_individual",)),
        Section("Intervention with contexts", Rows("interventions_context", blank=2, columns=(
            Field("code", "Context (code)", SELECT, contexts), *s.INTERVENTION_COLUMNS)), ("interventions_context",)),
    ]


def outcomes(data: dict[str, Any], _code: str = "") -> list[Section]:
    sections = [Section("Outcomes: overview", s.OUTCOMES, ("outcomes",))]
    people = tuple((code, code) for code in _codes(data))
    contexts = tuple((c["code"], f"{s.CONTEXT_LABELS[c['kind']]} ({c['code']})") for c in _contexts(data))
    if people:
        sections.append(Section("Outcomes: individual young people", Grid("individual_outcomes", people, (
            Field("safeguarded", "Safeguarded", SELECT, s.SAFEGUARDED), Field("account", "Qualitative account"))),
            ("individual_outcomes",)))
    if contexts:
        sections.append(Section("Outcomes: contexts", Grid("context_outcomes", contexts, (
            Field("safety", "Safety", SELECT, s.SAFETY), Field("account", "Qualitative account"))),
            ("context_outcomes",)))
    return [*sections, Section("Changes to the local response since", s.CHANGES, ("changes",)),
            Section("Conclusions", s.CONCLUSIONS, ("conclusions",))]


def log(data: dict[str, Any], _code: str = "") -> list[Section]:
    return [Section("Documents reviewed and used", s.DOCUMENT_LOG, ("log",),
                    "Log all material reviewed, and whether it was drawn upon.")]


PAGES = {
    "stage1": ("Stage 1: behaviour and individuals", stage1),
    "environments": ("Stage 2: environments associated to", environments),
    "engagement": ("Stage 3: engagement with services", engagement),
    "response": ("Stage 3: response — interventions", response),
    "outcomes": ("Stage 3: outcomes, changes since, conclusions", outcomes),
    "log": ("Log of documents reviewed and used", log),
}


def validate(page: str, values: dict[str, Any]) -> dict[str, str]:
    """Checks beyond the name check: growing tables need their key column; dates must be real."""
    errors = {}
    if page == "log":
        for i, row in enumerate(values.get("log", [])):
            if not row.get("title"):
                errors[f"log.{i}.title"] = f"Document {i + 1}: give the document's title (without names)"
            if not row.get("type"):
                errors[f"log.{i}.type"] = f"Document {i + 1}: choose the type of document"
            if row.get("date") and parse_date(row["date"]) is None:
                errors[f"log.{i}.date"] = f"Document {i + 1}: the date must be a real date, like 2026-03-31"
            if not row.get("used"):
                errors[f"log.{i}.used"] = f"Document {i + 1}: say whether it was used"
    if page == "stage1":
        for key, label in (("year_of_incident", "Year of incident"), ("year_of_response", "Year of response")):
            year = str((values.get("overview") or {}).get(key, ""))
            if year and not (year.isdigit() and 1990 <= int(year) <= 2100):
                errors[f"overview.{key}"] = f"{label}: give a year as four digits, like 2025"
        for code, row in (values.get("missing") or {}).items():
            episodes = str((row or {}).get("episodes", ""))
            if episodes and not episodes.isdigit():
                errors[f"missing.{code}.episodes"] = f"Missing episodes of {code}: give the number as a whole number"
    if page == "response":
        for key, what in (("interventions_individual", "young person"), ("interventions_context", "context")):
            for i, row in enumerate(values.get(key, [])):
                if not row.get("code"):
                    errors[f"{key}.{i}.code"] = f"Intervention {i + 1}: choose the {what}'s code"
    return errors
