"""Forms shared by several apps: search and break-glass."""

from __future__ import annotations

import hashlib

from django import forms


class SearchForm(forms.Form):
    q = forms.CharField(label="Search", max_length=100, required=False,
                        widget=forms.TextInput(attrs={"class": "govuk-input govuk-!-width-one-half", "type": "search"}))


class BreakGlassForm(forms.Form):
    reason = forms.CharField(label="Why do you need to open this record now?", min_length=10, max_length=2000,
                             help_text="This is recorded, flagged and reviewed by the data protection officer.",
                             widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 4}))


def search_detail(text: str) -> str:
    """What the audit log keeps of a search: a hash of the words, never the words (they may be a name)."""
    words = " ".join(text.lower().split())
    return f"search sha256:{hashlib.sha256(words.encode()).hexdigest()[:16]}" if words else ""
