"""Show stored codes with their form labels."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def label(value: str, labels: dict) -> str:
    return labels.get(value, value) if value else "—"
