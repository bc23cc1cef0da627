"""The case note form: which young person, when, and what happened (the purpose is the one the user stated)."""

from __future__ import annotations

import datetime as dt

from django import forms

from contextsafe.web.accounts.models import Organisation

TEXT = {"class": "govuk-input"}


class NoteForm(forms.Form):
    person_id = forms.CharField(label="Young person (person id in the store)", max_length=100,
                                help_text="Search above, or type the person id from the young person's page.",
                                widget=forms.TextInput(attrs=TEXT))
    title = forms.CharField(label="Title", max_length=200, help_text="For example: Home visit",
                            widget=forms.TextInput(attrs=TEXT))
    written_on = forms.DateField(label="Date of the contact or assessment", initial=dt.date.today,
                                 help_text="For example 2026-03-03",
                                 widget=forms.DateInput(attrs={"class": "govuk-input govuk-input--width-10"}))
    text = forms.CharField(label="Case note", max_length=20000,
                           help_text="Write as you would in the case record. People, schools, places and themes it "
                                     "mentions are suggested for you to confirm or reject; nothing is associated "
                                     "until you confirm it.",
                           widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 12}))
    shared_with = forms.ModelMultipleChoiceField(label="Share with (optional)", required=False,
                                                 queryset=Organisation.objects.none(),
                                                 widget=forms.CheckboxSelectMultiple(
                                                     attrs={"class": "govuk-checkboxes__input"}))

    def __init__(self, user, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["shared_with"].queryset = Organisation.objects.exclude(pk=user.organisation_id).order_by("name")


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("confirm", "Confirm"), ("reject", "Reject")])
    entity_id = forms.CharField(max_length=200, required=False)
