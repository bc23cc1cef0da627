"""Shared pieces of the security tests of the workflow and partnership apps.

Stored XSS: :func:`fill` builds the POST of a Django form with a distinct payload in every free-text field
(discovered from the form's fields, so a new field is covered without touching the tests) and plausible values in
the others; :func:`grid_post` does the same for the declared tables of the assessment and case review apps.
:func:`assert_escaped` then checks that none of the payloads' markup reaches a page raw and reports which fields
were shown (escaped).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

from django import forms

from contextsafe.web.assessments.grid import CHECK, DATE, SELECT, Grid, Rows
from contextsafe.web.audit.models import AuditEntry

# Markup that must never reach a page as markup (checked case-insensitively).
RAW = ("<script>alert(", "<img src=x onerror", "<svg onload=", "<i>alert(")
JAVASCRIPT_URL = re.compile(r"""(href|src|action|formaction)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)
# Query-string payloads for reflected XSS.
REFLECTED = ['<script>alert("r")</script>', '"><img src=x onerror=alert(1)>', "javascript:alert(1)//</textarea>",
             "'><svg onload=alert(1)>"]
# Search and filter texts made of SQL metacharacters (none matches anything literally).
SQL = ["'; DROP TABLE casework_casedocument; --", "\" OR 1=1 --", "%", "\\", "x' OR '1'='1", "_%_",
       "); DELETE FROM audit_auditentry; --", "1 UNION SELECT username FROM accounts_user"]
# Free-text fields that name a record rather than describe it: checked against the store or the access module,
# so a payload there is refused by validation (tested for escaping through the form's own error page instead).
IDENTIFIERS = frozenset({"person_id", "entity_id"})
DAY = (dt.date.today() - dt.timedelta(days=3)).isoformat()


def payload(tag: str, max_length: int | None = None) -> str:
    """A payload marked with ``tag`` (so a page showing it says which field it came from)."""
    long = f'javascript:alert({tag})//"><script>alert({tag})</script><img src=x onerror=alert({tag})>'
    if max_length is None or len(long) <= max_length:
        return long
    short = f"<svg onload=alert({tag})>"
    return short if len(short) <= max_length else f"<i>alert({tag})</i>"


def is_free_text(field: forms.Field) -> bool:
    exact = (forms.EmailField, forms.URLField, forms.SlugField, forms.RegexField, forms.UUIDField,
             forms.GenericIPAddressField)
    return isinstance(field, forms.CharField) and not isinstance(field, exact)


def text_fields(form: forms.BaseForm, skip: Iterable[str] = ()) -> list[str]:
    """Names of the free-text fields of ``form`` (identifiers and ``skip`` left out)."""
    return [name for name, field in form.fields.items()
            if is_free_text(field) and name not in IDENTIFIERS and name not in set(skip)]


def _first_choice(field: forms.ChoiceField) -> str:
    if isinstance(field, forms.ModelChoiceField):
        first = field.queryset.first()
        return str(first.pk) if first is not None else ""
    for value, label in field.choices:
        if isinstance(label, (list, tuple)):  # an optgroup
            for inner, _ in label:
                if inner not in ("", None):
                    return str(inner)
        elif value not in ("", None):
            return str(value)
    return ""


def fill(form: forms.BaseForm, tags: dict[str, str], label: str, base: Mapping | None = None,
         skip: Iterable[str] = (), prefix: str = "") -> dict:
    """POST data for ``form``: ``base`` first, then a payload in every free-text field (recorded in ``tags`` as
    tag -> "<label>.<field>") and a plausible value in every other field ``base`` does not give."""
    data = dict(base or {})
    skipped = set(skip)
    for name, field in form.fields.items():
        key = f"{prefix}{name}"
        if name in skipped:
            continue
        if is_free_text(field) and name not in IDENTIFIERS:
            tag = f"t{len(tags)}"
            tags[tag] = f"{label}.{name}"
            data[key] = payload(tag, field.max_length)
        elif key in data or name in IDENTIFIERS or isinstance(field, forms.FileField):
            continue
        elif isinstance(field, forms.MultipleChoiceField):  # includes ModelMultipleChoiceField
            first = _first_choice(field)
            if field.required and first:
                data[key] = [first]
        elif isinstance(field, forms.ChoiceField):  # includes ModelChoiceField
            if field.required:
                data[key] = _first_choice(field)
        elif isinstance(field, forms.BooleanField):
            if field.required:
                data[key] = "on"
        elif isinstance(field, forms.DateField):
            data[key] = DAY
        elif isinstance(field, (forms.IntegerField, forms.DecimalField, forms.FloatField)):
            data[key] = str(field.min_value if field.min_value is not None else 1)
    return data


def _spec_fields(spec, prefix: str) -> list[tuple[str, object]]:  # noqa: ANN001
    if isinstance(spec, Grid):
        return [(f"{prefix}{spec.key}.{row}.{f.key}", f) for row, _ in spec.rows for f in spec.columns]
    if isinstance(spec, Rows):
        return [(f"{prefix}{spec.key}.0.{f.key}", f) for f in spec.columns]
    return [(f"{prefix}{f.key}", f) for f in spec]


def grid_post(spec, tags: dict[str, str], label: str, prefix: str = "") -> dict:  # noqa: ANN001
    """POST data for a declared table (``Grid``, ``Rows`` or a tuple of ``Field``): a payload in every text cell,
    the first choice in selects, today in dates, ticked boxes."""
    data = {}
    for name, f in _spec_fields(spec, prefix):
        if f.kind == CHECK:
            data[name] = "on"
        elif f.kind == SELECT:
            data[name] = f.choices[0][0] if f.choices else ""
        elif f.kind == DATE:
            data[name] = DAY
        else:
            tag = f"t{len(tags)}"
            tags[tag] = f"{label}.{name}"
            data[name] = payload(tag)
    return data


def raw_markup(html: str) -> list[str]:
    """The payload markup found raw in ``html`` (empty when everything was escaped)."""
    low = html.lower()
    found = [m for m in RAW if m in low]
    found += [m.group(0) for m in JAVASCRIPT_URL.finditer(html)]
    return found


def shown(html: str, tags: Iterable[str]) -> set[str]:
    return {t for t in tags if f"alert({t})" in html}


def assert_escaped(pages: Mapping[str, str], tags: Mapping[str, str], not_shown: Iterable[str] = ()) -> None:
    """No page holds payload markup raw, and every tagged field (but ``not_shown``) appears, escaped, on one."""
    raw = {url: found for url, html in pages.items() if (found := raw_markup(html))}
    assert raw == {}, f"payload markup reached these pages raw: {raw}"
    seen = set().union(*(shown(html, tags) for html in pages.values())) if pages else set()
    missing = sorted(tags[t] for t in set(tags) - seen if tags[t] not in set(not_shown))
    assert missing == [], f"fields stored but shown on none of {sorted(pages)}: {missing}"


def fetch(client, urls: Iterable[str]) -> dict[str, str]:  # noqa: ANN001
    """The pages at ``urls`` (each must answer 200)."""
    pages = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        pages[url] = response.content.decode()
    return pages


def refusals(username: str, kind: str | None = None) -> int:
    entries = AuditEntry.objects.filter(username=username, outcome="refused")
    return entries.filter(kind=kind).count() if kind else entries.count()


def pk_from(response) -> int:  # noqa: ANN001
    """The record number in a redirect to its page (``/app/<pk>/...``)."""
    assert response.status_code == 302, response.content.decode()[:3000]
    return int(re.search(r"/(\d+)/", response["Location"]).group(1))


def elsewhere(client) -> dict[str, str]:  # noqa: ANN001
    """Pages that may show any record: the user's start page, the retention list and the audit log."""
    from tests.web.accounts.factories import signed_in, user

    pages = {f"start page of {client}": fetch(client, ["/"])["/"]}
    pages.update(fetch(signed_in(user("auditor")), ["/retention/", "/audit/"]))
    return pages
