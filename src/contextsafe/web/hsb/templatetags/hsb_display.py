"""The meeting's contextual table and continuum for the printable page (which receives only the data)."""

from django import template

from contextsafe.web.hsb.factors import COLUMNS, CONTEXT_LABELS, CONTEXTS, CONTINUUM_LABELS, FACTOR_KINDS

register = template.Library()


@register.filter
def hsb_table(data: dict) -> list[dict]:
    table = data.get("table") or {}
    rows = []
    for context, label in CONTEXTS:
        row = table.get(context) or {}
        cells = [{"factors": row.get(c) or [] if c in FACTOR_KINDS else [],
                  "text": row.get(f"{c}_other" if c in FACTOR_KINDS else c) or ""} for c, _ in COLUMNS]
        rows.append({"label": label, "cells": cells})
    return rows


@register.filter
def hsb_columns(_data: dict) -> list[str]:
    return [label for _, label in COLUMNS]


@register.filter
def continuum_label(key: str) -> str:
    return CONTINUUM_LABELS.get(key or "", "not recorded")


@register.filter
def context_label(key: str) -> str:
    return CONTEXT_LABELS.get(key or "", key)
