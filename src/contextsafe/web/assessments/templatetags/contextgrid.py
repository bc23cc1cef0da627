"""Filters for the declared tables (see :mod:`contextsafe.web.assessments.grid`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template

register = template.Library()


@register.filter
def cell_ident(name: str) -> str:
    """The element id of the input called ``name`` (the error summary links to it)."""
    return "f-" + str(name).replace(".", "-").replace("_", "-")


@register.filter
def get(mapping: Any, key: str) -> Any:
    """``mapping[key]`` in a template (empty when missing)."""
    return mapping.get(key, "") if isinstance(mapping, Mapping) else ""


@register.simple_tag
def assessment_schema() -> dict[str, Any]:
    """The assessment's contexts for templates that only receive ``document`` and ``data`` (the print page)."""
    from contextsafe.web.assessments.schema import CONTEXTS, OTHER_CONTROLS

    return {"contexts": [k for k, _ in CONTEXTS], "context_labels": CONTEXTS,
            "control_keys": [k for k, _ in OTHER_CONTROLS]}


@register.filter
def rating(value: str) -> str:
    """The label of a desistance or likely-to-change answer."""
    from contextsafe.web.assessments.schema import DESISTANCE, LIKELY_TO_CHANGE

    return dict(DESISTANCE + LIKELY_TO_CHANGE).get(value, "—")
