"""Filters for printing form data whose shape the generic page does not know."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def field_label(name: str) -> str:
    return str(name).replace("_", " ").capitalize()


@register.filter
def as_text(value: Any) -> str:
    """Lists joined, nested mappings as ``key: value`` lines, booleans as Yes/No, empty as a dash."""
    if value in (None, "", [], {}):
        return "—"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return "; ".join(as_text(v) for v in value)
    if isinstance(value, dict):
        return "\n".join(f"{field_label(k)}: {as_text(v)}" for k, v in value.items())
    return str(value)
