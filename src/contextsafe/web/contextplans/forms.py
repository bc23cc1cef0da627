"""The forms of context referrals, conferences, plans, outcomes, context assessments and safety maps.

Every message says what is wrong and what to do; validation that depends on the referral's stage lives in
:mod:`contextsafe.web.contextplans.workflow`."""

from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.utils import timezone

from contextsafe.web.accounts.models import Organisation
from contextsafe.web.contextplans.toolkit import (
    ACTION_STATUSES,
    ASSESSMENT_TYPES,
    BEYOND_REFERRALS,
    CONCERNS,
    CONTEXT_KINDS,
    RAG,
    SAFETY_SCALE,
    TRIANGLE_RATINGS,
    TRIANGLES,
)

AREA = {"class": "govuk-textarea", "rows": 4}
SHORT = {"class": "govuk-input"}
WEIGHT_ROWS = 5
DECISIONS = [("plan", "A context plan is needed"), ("no_further_action", "No further action for this context"),
             ("other_forum", "Refer to another forum (for example MASE, gangs panel)")]


def _date(label: str, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(label=label, required=required, help_text=help_text or "For example 2026-03-27",
                           widget=forms.DateInput(attrs={"class": "govuk-input govuk-input--width-10", "type": "date"}))


def _text(label: str, required: bool = True, help_text: str = "", rows: int = 4) -> forms.CharField:
    return forms.CharField(label=label, required=required, help_text=help_text, max_length=4000,
                           widget=forms.Textarea(attrs={**AREA, "rows": rows}))


def _line(label: str, required: bool = True, help_text: str = "", max_length: int = 200) -> forms.CharField:
    return forms.CharField(label=label, required=required, help_text=help_text, max_length=max_length,
                           widget=forms.TextInput(attrs=SHORT))


def _not_future(day: dt.date | None) -> dt.date | None:
    if day and day > timezone.localdate():
        raise forms.ValidationError("The date cannot be in the future.")
    return day


def slug(code: str) -> str:
    """A form field name for a place code (ward codes and ``place:<name>`` keys)."""
    return "place_" + re.sub(r"[^A-Za-z0-9]", "_", code)


class ReferralForm(forms.Form):
    """Refer a context (a peer group, school or place), not a child."""

    context = forms.ChoiceField(label="Context known to the partnership", required=False,
                                help_text="A peer group, school or place already in the store",
                                widget=forms.Select(attrs={"class": "govuk-select"}))
    place_name = _line("Or name the context", required=False,
                       help_text="For example 'Brecknock shopping parade' or 'Chalk Farm Road bus stops'")
    context_kind = forms.ChoiceField(label="What kind of context is it?", choices=CONTEXT_KINDS, initial="place",
                                     widget=forms.Select(attrs={"class": "govuk-select"}))
    concerns = forms.MultipleChoiceField(label="Concerns about young people in this context", choices=CONCERNS,
                                         widget=forms.CheckboxSelectMultiple)
    concern_summary = _text("What is happening in this context that harms young people?")
    evidence = _text("Evidence", help_text="Incidents, observations, what young people and local people say, with "
                     "dates and sources; no names of young people")
    strengths = _text("What already keeps young people safe there?", required=False)
    young_people_affected = forms.IntegerField(label="How many young people are known to be affected?",
                                               required=False, min_value=0, max_value=10000,
                                               widget=forms.NumberInput(attrs={"class": "govuk-input "
                                                                               "govuk-input--width-4"}))
    invited = forms.ModelMultipleChoiceField(Organisation.objects.none(), label="Organisations invited to the "
                                             "context conference", widget=forms.CheckboxSelectMultiple,
                                             help_text="They will see this referral, its conference and its plan")

    def __init__(self, *args, contexts: list[tuple[str, str]] = (), organisation=None, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["context"].choices = [("", "Choose a context"), *contexts]
        others = Organisation.objects.order_by("name")
        self.fields["invited"].queryset = others.exclude(pk=organisation.pk) if organisation else others

    def clean(self) -> dict:
        data = super().clean()
        chosen, named = data.get("context"), (data.get("place_name") or "").strip()
        if bool(chosen) == bool(named):
            raise forms.ValidationError("Choose a context known to the partnership or name one, not both and not "
                                        "neither.", code="context")
        return data


class ConferenceForm(forms.Form):
    held_on = _date("Date of the context conference")
    chair = _line("Chair")
    attendees = _text("Attendees", help_text="One per line: name, role, organisation", rows=5)
    organisations = forms.ModelMultipleChoiceField(Organisation.objects.order_by("name"), widget=forms.
                                                   CheckboxSelectMultiple, label="Organisations represented")
    information_shared = _text("Information shared", help_text="What each organisation knows about the context")
    decision = forms.ChoiceField(label="Decision", choices=DECISIONS, widget=forms.RadioSelect)
    next_review = _date("Date of the next review", required=False)

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        for i in range(1, WEIGHT_ROWS + 1):
            self.fields[f"context_{i}"] = _line(f"Context {i}", required=False, max_length=120)
            self.fields[f"weight_{i}"] = forms.IntegerField(
                label=f"Weight of context {i} (0–10)", required=False, min_value=0, max_value=10,
                widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-2"}))
            self.fields[f"why_{i}"] = _line(f"Why this weight (context {i})", required=False, max_length=500)

    def clean_held_on(self) -> dt.date | None:
        return _not_future(self.cleaned_data.get("held_on"))

    def clean(self) -> dict:
        data = super().clean()
        seen = set()
        for i in range(1, WEIGHT_ROWS + 1):
            name, weight = (data.get(f"context_{i}") or "").strip(), data.get(f"weight_{i}")
            if name and weight is None:
                self.add_error(f"weight_{i}", f"Give context {i} a weight from 0 to 10.")
            if weight is not None and not name:
                self.add_error(f"context_{i}", f"Name context {i}, or clear its weight.")
            if name.lower() in seen:
                self.add_error(f"context_{i}", f"'{name}' is weighted twice: weigh each context once.")
            if name:
                seen.add(name.lower())
        if not seen:
            raise forms.ValidationError("Weigh at least one context: which context must change first?",
                                        code="weighting")
        return data

    def weighting(self) -> list[dict]:
        d = self.cleaned_data
        return [{"context": d[f"context_{i}"].strip(), "weight": d[f"weight_{i}"], "why": d[f"why_{i}"]}
                for i in range(1, WEIGHT_ROWS + 1) if (d.get(f"context_{i}") or "").strip()]


class ActionForm(forms.Form):
    action = _text("Action", help_text="What will be done in or with the context, for example 'joint visits to "
                   "the shopping centre on Friday evenings'", rows=3)
    target = forms.ChoiceField(label="Context the action targets", widget=forms.Select(attrs={"class": "govuk-select"}))
    owner = _line("Owner", help_text="Name and role of the person responsible")
    organisation = forms.ModelChoiceField(Organisation.objects.order_by("name"), label="Organisation",
                                          widget=forms.Select(attrs={"class": "govuk-select"}))
    due = _date("Due date")
    status = forms.ChoiceField(label="Status", choices=ACTION_STATUSES, initial="planned",
                               widget=forms.Select(attrs={"class": "govuk-select"}))

    def __init__(self, *args, targets: list[str] = (), **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [(t, t) for t in targets]


class ActionStatusForm(forms.Form):
    action_id = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label="Status", choices=ACTION_STATUSES,
                               widget=forms.Select(attrs={"class": "govuk-select"}))
    note = _line("Progress note", required=False, max_length=500)


class RatingForm(forms.Form):
    rated_on = _date("Date of the rating")
    rating = forms.TypedChoiceField(label="How safe is this context for young people now?", coerce=int,
                                    choices=[(i, str(i)) for i in range(11)], help_text=SAFETY_SCALE,
                                    widget=forms.Select(attrs={"class": "govuk-select"}))
    evidence = _text("Evidence for the rating", help_text="What has changed in the context and how you know",
                     rows=3)

    def clean_rated_on(self) -> dt.date | None:
        return _not_future(self.cleaned_data.get("rated_on"))


class CloseForm(forms.Form):
    reason = _text("Why is the referral closing?", rows=3)


class AssessmentStartForm(forms.Form):
    assessment_type = forms.ChoiceField(label="Which assessment?", choices=ASSESSMENT_TYPES,
                                        widget=forms.RadioSelect)
    context = _line("Context assessed", help_text="The place, peer group (for example PG3) or school")
    invited = forms.ModelMultipleChoiceField(Organisation.objects.order_by("name"), required=False,
                                             widget=forms.CheckboxSelectMultiple,
                                             label="Organisations taking part in the assessment")


class AssessmentForm(forms.Form):
    """The toolkit's form of one assessment type: a triangle (place, peer group) or Beyond Referrals (school).
    Fields may be left empty in a draft; :meth:`missing` lists what a submission still needs."""

    def __init__(self, assessment_type: str, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.assessment_type = assessment_type
        if assessment_type == "school":
            for area, heading, statements in BEYOND_REFERRALS:
                for i, statement in enumerate(statements, start=1):
                    self.fields[f"{area}_{i}"] = forms.ChoiceField(label=statement, choices=RAG, required=False,
                                                                   widget=forms.RadioSelect)
                self.fields[f"{area}_evidence"] = _text(f"{heading}: evidence and what to do next", required=False,
                                                        rows=3)
        else:
            for side, heading, _ in TRIANGLES[assessment_type]:
                self.fields[f"{side}_strengths"] = _text(f"{heading}: strengths", required=False, rows=3)
                self.fields[f"{side}_needs"] = _text(f"{heading}: needs and concerns", required=False, rows=3)
                self.fields[f"{side}_rating"] = forms.ChoiceField(label=f"{heading}: overall", required=False,
                                                                  choices=TRIANGLE_RATINGS, widget=forms.RadioSelect)
        self.fields["summary"] = _text("Analysis: what is it about this context that harms or protects young "
                                       "people?", required=False)

    def missing(self) -> list[str]:
        """Labels of questions still unanswered (a draft may have them; a submitted assessment may not)."""
        data = self.cleaned_data
        needed = [n for n in self.fields if n.endswith(("_rating", "summary")) or re.fullmatch(r"[a-z]+_\d", n)]
        return [str(self.fields[n].label) for n in needed if not data.get(n)]


class OutcomeForm(forms.Form):
    """Contextual Outcomes Framework: a goal for the context, the response planned, and how change is measured."""

    goal = _line("Goal statement", help_text="What will be different in the context, for example 'Young people "
                 "feel safe walking through the park after school'", max_length=300)
    response = _text("Planned response", rows=3)
    measure = _line("Measure of change", help_text="What will be counted or asked, for example 'number of young "
                    "people who say they feel safe there (survey of 20)'", max_length=300)
    baseline = forms.FloatField(label="Baseline (the measure now)", required=False,
                                widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-5",
                                                                "step": "any"}))


class MeasurementForm(forms.Form):
    outcome_id = forms.IntegerField(widget=forms.HiddenInput)
    measured_on = _date("Date measured")
    value = forms.FloatField(label="Value", widget=forms.NumberInput(attrs={"class": "govuk-input "
                                                                            "govuk-input--width-5", "step": "any"}))
    note = _line("Note", required=False, max_length=500)

    def clean_measured_on(self) -> dt.date | None:
        return _not_future(self.cleaned_data.get("measured_on"))


class SafetyMapForm(forms.Form):
    """A young person's safety map: each place red (unsafe), amber (unsure) or green (safe), and why."""

    young_person = _line("Young person (initials or case reference)", max_length=40,
                         help_text="Never shown on pooled maps")
    mapped_on = _date("Date mapped")
    why_red = _text("What makes the red places unsafe?", required=False, rows=3)
    why_amber = _text("What makes the amber places uncertain?", required=False, rows=3)
    why_green = _text("What makes the green places safe?", required=False, rows=3)

    def __init__(self, places, *args, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.places = list(places)
        for place in self.places:
            self.fields[slug(place.code)] = forms.ChoiceField(
                label=place.name, required=False, choices=[("", "Not marked"), *RAG], initial="",
                widget=forms.RadioSelect)

    def clean_mapped_on(self) -> dt.date | None:
        return _not_future(self.cleaned_data.get("mapped_on"))

    def clean(self) -> dict:
        data = super().clean()
        if self.places and not any(data.get(slug(p.code)) for p in self.places):
            raise forms.ValidationError("Mark at least one place red, amber or green.", code="empty")
        return data

    def colours(self) -> dict[str, str]:
        return {p.code: self.cleaned_data[slug(p.code)] for p in self.places if self.cleaned_data.get(slug(p.code))}

    def place_fields(self) -> list:
        return [(place, self[slug(place.code)]) for place in self.places]
