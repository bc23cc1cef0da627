"""Filters the context plan pages and their printed forms share (the charts are drawn server-side)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import mark_safe

from contextsafe.web.contextplans import charts, workflow
from contextsafe.web.contextplans.forms import DECISIONS
from contextsafe.web.contextplans.toolkit import ACTION_STATUSES, CONCERNS, KIND_NAMES

register = template.Library()
STAGES = dict(workflow.STAGES)
LABELS = {**dict(CONCERNS), **KIND_NAMES, **dict(ACTION_STATUSES), **dict(DECISIONS)}


@register.filter
def stage_label(document: Any) -> str:
    return STAGES.get(workflow.stage_of(document.data or {}), "")


@register.filter
def label(value: str) -> str:
    return LABELS.get(value, str(value).replace("_", " "))


@register.filter
def weighting_svg(rows: list) -> str:
    return mark_safe(charts.weighting_svg(rows or []))  # noqa: S308 - charts escape every text they draw


@register.filter
def trend_svg(ratings: list) -> str:
    return mark_safe(charts.trend_svg(workflow.ratings_in_order(ratings or [])))  # noqa: S308


@register.filter
def assessment_view(data: dict) -> dict:
    from contextsafe.web.contextplans.views.assessments import view_of

    view = view_of(data or {})
    return {**view, "svg": mark_safe(view["svg"])}  # noqa: S308


@register.filter
def safety_map_svg(data: dict) -> str:
    from contextsafe.web.contextplans import places

    return mark_safe(charts.safety_map_svg(places.places(), (data or {}).get("places", {}),  # noqa: S308
                                           "Safety map", ident="printed-map"))


@register.filter
def get_item(mapping: dict, key: str) -> Any:
    return (mapping or {}).get(key, "")
