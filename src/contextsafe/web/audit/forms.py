from __future__ import annotations

from django import forms

from contextsafe.web.audit.models import Outcome

INPUT = {"class": "govuk-input govuk-!-width-one-third"}


class AuditSearchForm(forms.Form):
    username = forms.CharField(max_length=150, required=False, widget=forms.TextInput(attrs=INPUT))
    kind = forms.CharField(max_length=40, required=False, widget=forms.TextInput(attrs=INPUT))
    ident = forms.CharField(label="Record", max_length=300, required=False, widget=forms.TextInput(attrs=INPUT))
    outcome = forms.ChoiceField(choices=[("", "Any")] + list(Outcome.choices), required=False,
                                widget=forms.Select(attrs={"class": "govuk-select"}))
    flagged = forms.BooleanField(label="Flagged for review only", required=False)

    def filter(self, queryset):  # noqa: ANN001, ANN201
        data = self.cleaned_data if self.is_valid() else {}
        for name in ("username", "kind", "ident", "outcome"):
            if data.get(name):
                queryset = queryset.filter(**{name: data[name]})
        if data.get("flagged"):
            queryset = queryset.filter(flagged=True)
        return queryset


class ReviewForm(forms.Form):
    conclusion = forms.CharField(max_length=2000, min_length=5,
                                 widget=forms.TextInput(attrs={"class": "govuk-input", "aria-label": "Conclusion"}))
