"""What the printed review needs beyond its data: the tables computed from it and the template's labels."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.simple_tag
def review_tables(data: dict[str, Any]) -> dict[str, Any]:
    from contextsafe.web.assessments.grid import filled
    from contextsafe.web.casereviews import schema, summary
    from contextsafe.web.casereviews.pages import PAGES

    def rendered(*names: str) -> list[dict[str, Any]]:
        return [section.render(_get(data, section.path), {}) for name in names for section in PAGES[name][1](data, "")]

    people = [yp["code"] for yp in data.get("young_people", [])]
    environments = {code: [s.render(_get(data, s.path), {}) for s in PAGES["environments"][1](data, code)
                           if filled(_get(data, s.path))] for code in people}
    return {"stage1": rendered("stage1"), "stage3": rendered("engagement", "response", "outcomes"),
            "log": rendered("log"), "environments": environments, "overview": summary.overview(data),
            "summary": summary.case_summary(data), "response": summary.response(data), "roles": schema.ROLES}


def _get(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    from contextsafe.web.casereviews.pages import get_in

    return get_in(data, path)


@register.filter
def shown(cell) -> str:  # noqa: ANN001
    """A cell's answer as printed: X for a ticked box, the chosen label for a choice, the text otherwise."""
    field, value = cell.field, cell.value
    if field.kind == "checkbox":
        return "X" if value else ""
    if field.choices:
        return dict(field.choices).get(value, "")
    return value or ""


@register.filter
def get_item(mapping: dict, key: str) -> Any:
    return mapping.get(key, "") if isinstance(mapping, dict) else ""
