"""A child-on-child concern, its discussions and the decision (Keeping Children Safe in Education, part five).

Both the children harmed and the children alleged to have harmed are children: each is recorded with their
role in this concern only, and the record holds reasons and outcomes, never a score.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.forms import formset_factory
from django.utils import timezone

from contextsafe.web.access import Action, Kind, Target, decide
from contextsafe.web.accounts.models import Organisation

AREA = {"class": "govuk-textarea", "rows": 4}
TEXT = {"class": "govuk-input"}
SELECT = {"class": "govuk-select"}
DATE = {"class": "govuk-input govuk-input--width-10", "type": "date"}

HARM = [  # KCSiE: the forms child-on-child abuse may take
    ("bullying", "Bullying (including cyberbullying, prejudice-based and discriminatory bullying)"),
    ("relationship_abuse", "Abuse in intimate personal relationships between children"),
    ("physical", "Physical abuse (hitting, kicking, shaking, biting, hair pulling or otherwise causing harm)"),
    ("sexual_violence", "Sexual violence (rape, assault by penetration, sexual assault)"),
    ("sexual_harassment", "Sexual harassment (comments, remarks, jokes, online sexual harassment)"),
    ("coerced_sexual_activity", "Causing someone to engage in sexual activity without consent"),
    ("image_sharing", "Consensual and non-consensual sharing of nude and semi-nude images and/or videos"),
    ("upskirting", "Upskirting"),
    ("initiation", "Initiation or hazing type violence and rituals"),
]
WHERE = [("school_site", "On the school site"), ("journey", "On the way to or from school, or on school transport"),
         ("online", "Online"), ("community", "In the community (park, estate, shops, transport hub)"),
         ("home", "At home or another child's home"), ("other", "Somewhere else")]
REPORTED = [("disclosure", "Disclosed by the child harmed"), ("pupil", "Reported by another pupil"),
            ("staff", "Seen or heard by staff"), ("parent", "Reported by a parent or carer"),
            ("agency", "Reported by another agency"), ("other", "Other")]
ROLES = [("", "Choose"), ("victim", "Child harmed (victim)"), ("alleged_harmer", "Child alleged to have harmed")]
OUTCOMES = [
    ("manage_internally", "Manage internally (school support and safety plan)"),
    ("early_help", "Early help"),
    ("refer_social_care", "Refer to children's social care"),
    ("report_police", "Report to the police"),
]


def _not_future(value: dt.date | None) -> None:
    if value and value > timezone.localdate():
        raise forms.ValidationError("The date must be today or in the past.")


class ConcernForm(forms.Form):
    """What happened, when and where, what kind of harm, and how the school heard of it."""

    what = forms.CharField(label="What happened", max_length=6000, widget=forms.Textarea(attrs=AREA),
                           help_text="Record what was said or seen, in the words used, without judgement.")
    happened_on = forms.DateField(label="When it happened (date)", validators=[_not_future],
                                  widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"))
    when_details = forms.CharField(label="When: time or period (optional)", max_length=300, required=False,
                                   widget=forms.TextInput(attrs=TEXT))
    where = forms.ChoiceField(label="Where it happened", choices=WHERE, widget=forms.RadioSelect)
    where_details = forms.CharField(label="Where: details", max_length=500, required=False,
                                    widget=forms.TextInput(attrs=TEXT))
    harm = forms.MultipleChoiceField(label="Kind of harm", choices=HARM, widget=forms.CheckboxSelectMultiple)
    reported = forms.ChoiceField(label="How the school came to know", choices=REPORTED, widget=forms.RadioSelect)
    reported_on = forms.DateField(label="Date the school came to know", validators=[_not_future],
                                  widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"))

    def clean(self) -> dict:
        data = super().clean()
        if data.get("where") == "other" and not data.get("where_details", "").strip():
            self.add_error("where_details", "Say where it happened.")
        if data.get("happened_on") and data.get("reported_on") and data["reported_on"] < data["happened_on"]:
            self.add_error("reported_on", "The school cannot have come to know before it happened.")
        return data


# One answer for an id that exists nowhere and for one the user may not see: which ids exist is not told.
PERSON_NOT_VISIBLE = "No linked young person has this id among those visible to you: check it, or give the name only."


def person_visible(user, purpose: str | None, person_id: str) -> bool:  # noqa: ANN001
    """Whether ``user``, working for ``purpose``, may see the young person ``person_id`` (access.decide)."""
    return decide(user, purpose, Target(Kind.PERSON, person_id), Action.VIEW).allowed


class ChildForm(forms.Form):
    """A child involved: the child harmed or the child alleged to have harmed (both children)."""

    name = forms.CharField(label="Name", max_length=200, required=False, widget=forms.TextInput(attrs=TEXT))
    person_id = forms.CharField(label="Person id (if known)", max_length=100, required=False,
                                widget=forms.TextInput(attrs=TEXT))
    role = forms.ChoiceField(label="Role in this concern", choices=ROLES, required=False,
                             widget=forms.Select(attrs=SELECT))
    age = forms.IntegerField(label="Age", min_value=3, max_value=25, required=False,
                             widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-3"}))
    year_group = forms.CharField(label="Year group", max_length=20, required=False,
                                 widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-5"}))

    def __init__(self, *args, user=None, purpose: str | None = None, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        """``user`` and ``purpose``: whose form it is, so a linked id is one they may see (none without them)."""
        super().__init__(*args, **kwargs)
        self.user, self.purpose = user, purpose

    def clean(self) -> dict:
        data = super().clean()
        if not any(data.get(k) not in (None, "") for k in ("name", "person_id", "role", "age", "year_group")):
            return data
        if not data.get("name", "").strip() and not data.get("person_id", "").strip():
            self.add_error("name", "Give the child's name or their person id.")
        if not data.get("role"):
            self.add_error("role", "Say whether this child was harmed or is alleged to have harmed.")
        if data.get("age") is None:
            self.add_error("age", "Give the child's age.")
        elif data["age"] >= 18:
            self.add_error("age", "Child-on-child abuse is between children: this person is 18 or over. Follow the "
                                  "allegations against adults procedure instead.")
        if data.get("person_id") and not person_visible(self.user, self.purpose, data["person_id"].strip()):
            self.add_error("person_id", PERSON_NOT_VISIBLE)
        return data


class BaseChildFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        if any(self.errors):
            return
        rows = children(self)
        roles = {r["role"] for r in rows}
        if "victim" not in roles:
            raise forms.ValidationError("Name at least one child harmed (victim).")
        if "alleged_harmer" not in roles:
            raise forms.ValidationError("Name at least one child alleged to have harmed.")
        seen: dict[str, str] = {}
        for r in rows:
            keys = {k for k in (f"id:{r['person_id']}" if r["person_id"] else "",
                                f"name:{r['name'].lower()}" if r["name"] else "") if k}
            if any(seen.get(k, r["role"]) != r["role"] for k in keys):
                raise forms.ValidationError(f"Row for {r['name'] or r['person_id']}: the same child cannot be both "
                                            "harmed and alleged to have harmed in one concern; record two concerns.")
            seen.update(dict.fromkeys(keys, r["role"]))


ChildFormSet = formset_factory(ChildForm, formset=BaseChildFormSet, extra=3, max_num=20, validate_max=True)


def children(formset) -> list[dict]:  # noqa: ANN001
    rows = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", {}) or {}
        if any(data.get(k) not in (None, "") for k in ("name", "person_id", "role", "age", "year_group")):
            rows.append({"name": (data.get("name") or "").strip(), "person_id": (data.get("person_id") or "").strip(),
                         "role": data.get("role", ""), "age": data.get("age"),
                         "year_group": (data.get("year_group") or "").strip()})
    return rows


class DiscussionForm(forms.Form):
    held_on = forms.DateField(label="Date of the discussion", validators=[_not_future],
                              widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"))
    participants = forms.CharField(label="Who took part (name and role)", max_length=1000,
                                   widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 2}),
                                   help_text="For example: the designated safeguarding lead, the head of year, "
                                             "the child and their parent or carer.")
    notes = forms.CharField(label="What was discussed and agreed", max_length=6000, widget=forms.Textarea(attrs=AREA))


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label="Decision", choices=OUTCOMES, widget=forms.RadioSelect)
    reason = forms.CharField(label="Reason for the decision", max_length=6000, widget=forms.Textarea(attrs=AREA),
                             help_text="Why this response fits what happened and the needs of every child involved.")
    decided_on = forms.DateField(label="Date of the decision", validators=[_not_future],
                                 widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"))
    decided_by = forms.CharField(label="Decided by (name and role)", max_length=300,
                                 widget=forms.TextInput(attrs=TEXT))
    reference = forms.CharField(label="Referral or crime reference (if any)", max_length=100, required=False,
                                widget=forms.TextInput(attrs=TEXT))
    share_with = forms.ModelMultipleChoiceField(
        Organisation.objects.order_by("name"), required=False, label="Share this record with",
        help_text="Organisations the decision refers the concern to (they will be able to read it).",
        widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, owner_id: int | None = None, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        if owner_id:
            self.fields["share_with"].queryset = Organisation.objects.exclude(pk=owner_id).order_by("name")

    def clean(self) -> dict:
        data = super().clean()
        if len((data.get("reason") or "").strip()) < 20:
            self.add_error("reason", "Give the reason for the decision (at least a sentence).")
        if data.get("outcome") == "refer_social_care" and not data.get("share_with"):
            self.add_error("share_with", "A referral to children's social care shares the record: choose the "
                                         "organisation it goes to.")
        return data
