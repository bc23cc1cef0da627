from __future__ import annotations

from django import forms

from contextsafe.web.access import allowed_purposes

TEXT = {"class": "govuk-input govuk-!-width-one-half", "autocomplete": "off"}


class SignInForm(forms.Form):
    username = forms.CharField(max_length=150, widget=forms.TextInput(attrs={**TEXT, "autocomplete": "username"}))
    password = forms.CharField(max_length=256, widget=forms.PasswordInput(
        attrs={**TEXT, "autocomplete": "current-password"}))


class CodeForm(forms.Form):
    code = forms.CharField(label="Code from your authenticator app", max_length=6, min_length=6,
                           widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-5",
                                                         "inputmode": "numeric", "autocomplete": "one-time-code"}))


class PurposeForm(forms.Form):
    purpose = forms.ChoiceField(label="Why are you using contextsafe now?",
                                widget=forms.Select(attrs={"class": "govuk-select"}))

    def __init__(self, user, *args, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["purpose"].choices = [(p.value, p.value.capitalize()) for p in allowed_purposes(user)]
