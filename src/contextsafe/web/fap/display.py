"""A referral's stored sections as labelled answers, in the form's order (for its page and its printout)."""

from __future__ import annotations

from django import forms

from contextsafe.web.fap.form import SECTION_LABELS, SECTIONS, DecisionForm


def _value(field: forms.Field, value) -> str:  # noqa: ANN001
    if value in (None, "", [], False):
        return ""
    if value is True:
        return "Yes"
    choices = dict(getattr(field, "choices", []) or [])
    if isinstance(value, list):
        return "; ".join(str(choices.get(v, v)) for v in value)
    return str(choices.get(value, value))


def sections(data: dict) -> list[dict]:
    """``[{key, label, rows: [(question, answer)]}]`` with unanswered questions left out."""
    found = []
    for key, form_class in [(k, f) for k, _, f in SECTIONS] + [("decision", DecisionForm)]:
        stored = data.get(key) or {}
        form = form_class()
        rows = [(field.label, text) for name, field in form.fields.items()
                if (text := _value(field, stored.get(name)))]
        found.append({"key": key, "label": SECTION_LABELS[key], "rows": rows, "filled": bool(stored)})
    return found
