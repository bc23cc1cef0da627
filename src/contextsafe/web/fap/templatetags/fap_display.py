"""The referral's sections for the printable page (which receives only the document and its data)."""

from django import template

from contextsafe.web.fap.display import sections

register = template.Library()


@register.filter
def fap_sections(data: dict) -> list[dict]:
    return sections(data)
