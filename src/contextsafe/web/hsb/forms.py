"""The meeting's agenda (appendix L section 6), one row of the contextual table (appendix 3, with the appendix 4
factors as pick-lists), an action and its traffic-light status."""

from __future__ import annotations

from django import forms

from contextsafe.web.accounts.models import Organisation
from contextsafe.web.hsb.factors import COLUMNS, CONTEXTS, CONTINUUM, FACTOR_KINDS, FACTORS
from contextsafe.web.hsb.models import Rag

AREA = {"class": "govuk-textarea", "rows": 3}
TEXT = {"class": "govuk-input"}
DATE = {"class": "govuk-input govuk-input--width-10", "type": "date"}


def checkboxes() -> forms.CheckboxSelectMultiple:
    return forms.CheckboxSelectMultiple(attrs={"class": "govuk-checkboxes__input"})


def radios() -> forms.RadioSelect:
    return forms.RadioSelect(attrs={"class": "govuk-radios__input"})


REASON_REQUIRED = "State the reason for placing the behaviour at this point on the continuum."
PERSON_NOT_VISIBLE = "No young person with this identifier is visible to you for this purpose."


def _area(label: str, required: bool = False, help_text: str = "") -> forms.CharField:
    return forms.CharField(label=label, required=required, max_length=6000, help_text=help_text,
                           widget=forms.Textarea(attrs=AREA))


class AgendaForm(forms.Form):
    """Who, when, how the young person was referred, and the agenda's headings a) to g)."""

    young_person = forms.CharField(label="Young person", max_length=200, widget=forms.TextInput(attrs=TEXT),
                                   error_messages={"required": "Enter the young person discussed."},
                                   help_text="Name or case reference of the young person discussed")
    person_id = forms.CharField(label="Linked young person (record identifier)", max_length=100, required=False,
                                widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-20"}),
                                help_text="Optional: the young person's identifier in the partnership's records, so "
                                          "the meeting shows on their page and is reviewed for retention")
    review_on = forms.DateField(label="Review by", required=False, widget=forms.DateInput(attrs=DATE),
                                help_text="When the meeting is next reviewed, and the record's retention reviewed")
    meeting_date = forms.DateField(label="Date of meeting", widget=forms.DateInput(attrs=DATE),
                                   error_messages={"required": "Enter the date of the meeting."})
    chair = forms.CharField(label="Chair", max_length=200, required=False, widget=forms.TextInput(attrs=TEXT))
    attending = forms.ModelMultipleChoiceField(
        Organisation.objects.order_by("name"), required=False, widget=checkboxes(),
        label="Organisations attending", help_text="The meeting record is shared with these organisations")
    attendee_names = _area("Attendees (name, role and agency)")
    referral_route = _area("Route of referral", help_text="How the concern reached this meeting, and the single "
                                                          "point of contact (SPOC) for HSB")
    group_or_sole = forms.ChoiceField(label="Group or sole offence", required=False,
                                      choices=[("", "Not known"), ("group", "Group"), ("sole", "Sole")],
                                      widget=forms.Select(attrs={"class": "govuk-select"}))
    current_situation = _area("a) Summary of young person's current situation and their background")
    specific_concerns = _area("b) Specific concerns about young person's harmful sexual behaviour",
                              help_text="What did they do, and in what context did it occur?")
    factors_discussion = _area("c) Vulnerability, risk and resilience factors associated to the HSB",
                               help_text="Including those identified in any risk assessments already used; pick "
                                         "them per context in the contextual table")
    strengths = _area("d) Strengths", help_text="Contextual or individual?")
    professional_involvement = _area("e) Current professional involvement with the young person and any "
                                     "associated contexts")
    continuum_level = forms.ChoiceField(
        label="f) Decision regarding level of risk (Hackett continuum)", widget=radios(),
        error_messages={"required": "Choose the point on Hackett's continuum that best accounts for the behaviour."},
        choices=[(key, f"{label} \u2014 {hint}") for key, label, hint in CONTINUUM],
        help_text="Which point on this continuum best accounts for the young person's behaviours?")
    continuum_reason = _area("Reason for this decision", help_text="When making the decision explicitly state the "
                                                                   "reason for drawing this conclusion")
    decisions_young_person = _area("g) Decisions regarding interventions: young person")
    decisions_family = _area("g) Decisions regarding interventions: family")
    decisions_contexts = _area("g) Decisions regarding interventions: broader environmental / social contexts")
    contexts_summary = _area("Contexts summary", help_text="In what ways do the contexts interplay with one another? "
                                                           "Which are most strongly associated to the behaviours?")
    minutes = _area("Minutes")

    def clean_continuum_reason(self) -> str:
        reason = (self.cleaned_data.get("continuum_reason") or "").strip()
        if not reason:
            raise forms.ValidationError(REASON_REQUIRED, code="required")
        return reason


class ContextRowForm(forms.Form):
    """One row of the contextual table: the nine columns, the factor columns as the appendix 4 pick-list for
    this context plus free text for anything the list does not hold."""

    def __init__(self, context: str, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.context = context
        for name, label in COLUMNS:
            if name in FACTOR_KINDS:
                self.fields[name] = forms.MultipleChoiceField(
                    label=label, required=False, widget=checkboxes(),
                    choices=[(f, f) for f in FACTORS[context][name]])
                self.fields[f"{name}_other"] = forms.CharField(
                    label=f"{label}: other (not in the list)", required=False, max_length=3000,
                    widget=forms.Textarea(attrs={**AREA, "rows": 2}))
            else:
                self.fields[name] = _area(label)

    @staticmethod
    def contexts() -> list[tuple[str, str]]:
        return CONTEXTS


class ActionForm(forms.Form):
    what = forms.CharField(label="Action or intervention", max_length=500, widget=forms.Textarea(attrs=AREA))
    context = forms.ChoiceField(label="Context it addresses", choices=CONTEXTS,
                                widget=forms.Select(attrs={"class": "govuk-select"}))
    owner = forms.CharField(label="Owner (person and agency)", max_length=200, widget=forms.TextInput(attrs=TEXT))
    due_on = forms.DateField(label="Due by", widget=forms.DateInput(attrs=DATE))
    rag = forms.ChoiceField(label="Status", choices=Rag.choices, initial=Rag.RED,
                            widget=forms.Select(attrs={"class": "govuk-select"}))


class RagForm(forms.Form):
    rag = forms.ChoiceField(label="Status", choices=Rag.choices, widget=forms.Select(attrs={"class": "govuk-select"}))
    note = forms.CharField(label="Progress note", required=False, max_length=500, widget=forms.TextInput(attrs=TEXT))


class ReviewForm(forms.Form):
    meeting_date = forms.DateField(label="Date of the review meeting", widget=forms.DateInput(attrs=DATE))
