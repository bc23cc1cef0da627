"""Forms of the local audit, with the GOV.UK classes on their widgets."""

from __future__ import annotations

from django import forms

from contextsafe.web.localaudit import questions as q
from contextsafe.web.localaudit.models import Audit, Forum, Observation

CLASSES = {"textinput": "govuk-input", "textarea": "govuk-textarea", "dateinput": "govuk-input govuk-input--width-10",
           "select": "govuk-select", "radioselect": "govuk-radios__input",
           "checkboxselectmultiple": "govuk-checkboxes__input", "checkboxinput": "govuk-checkboxes__input"}


def govuk(form: forms.Form) -> forms.Form:
    """Give every widget of ``form`` its GOV.UK class (and dates a date picker)."""
    for field in form.fields.values():
        kind = type(field.widget).__name__.lower()
        field.widget.attrs.setdefault("class", CLASSES.get(kind, ""))
        if kind == "textarea":
            field.widget.attrs["rows"] = 3
    return form


class DateInput(forms.DateInput):
    input_type = "date"


def _radios(choices: list, label: str, required: bool = False, help_text: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=choices, required=required, help_text=help_text,
                             widget=forms.RadioSelect)


def _checks(choices: list, label: str, help_text: str = "") -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(label=label, choices=choices, required=False, help_text=help_text,
                                     widget=forms.CheckboxSelectMultiple)


def _text(label: str, required: bool = False, help_text: str = "", max_length: int = 4000) -> forms.CharField:
    return forms.CharField(label=label, required=required, help_text=help_text, max_length=max_length,
                           widget=forms.Textarea)


class AuditForm(forms.ModelForm):
    optional_silos = _checks(q.OPTIONAL_SILOS, "Surrounding areas of response to include in the matrix",
                             "Children going missing, substance misuse and the others the steering group chose")

    class Meta:
        model = Audit
        fields = ["partnership", "period_start", "period_end", "lead", "optional_silos"]
        labels = {"partnership": "Partnership audited", "period_start": "Audit period from",
                  "period_end": "Audit period to", "lead": "Audit lead"}
        widgets = {"period_start": DateInput(), "period_end": DateInput()}

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        govuk(self)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("period_start") and data.get("period_end") and data["period_end"] < data["period_start"]:
            self.add_error("period_end", "The audit period must end after it starts")
        return data


class CellForm(forms.Form):
    exists = _radios(q.EXISTS, "Does this exist?")
    what = _text("What exists", help_text="Name the documents, groups, meetings or tools, and what they say or do")
    in_practice = _radios(q.EXTENT, "Is it seen in practice?", help_text=(
        "Figure 2 asks at each level both on paper and in practice: is what is written mirrored in the meetings, "
        "training and casework observed?"))
    practice_note = _text("What was seen in practice")
    links_across = _checks([], "Links across: the other areas of response it links to")
    across_note = _text("How it links across")
    links_down = _radios(q.LINKED, "Links down: is it linked to the level below?")
    down_note = _text("How it links down")
    contexts = _checks(q.CONTEXTS, "Contexts it engages (beyond the home)")
    contexts_note = _text("How it engages those contexts")

    def __init__(self, *args, silos: list[tuple[str, str]], silo: str, lowest: bool, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["links_across"].choices = [(k, n) for k, n in silos if k != silo]
        if lowest:  # case management is the bottom of the matrix: nothing below to link to
            del self.fields["links_down"], self.fields["down_note"]
        govuk(self)


class ReviewForm(forms.Form):
    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        for key, label in q.REVIEW_QUESTIONS:
            self.fields[key] = _text(label, max_length=6000)
        govuk(self)


class ObservationForm(forms.ModelForm):
    class Meta:
        model = Observation
        fields = ["subject", "title", "observed_on", "observer", "notes"]
        labels = {"title": "Name used locally (optional)", "observed_on": "Date observed", "observer": "Observed by",
                  "notes": "Other notes"}
        widgets = {"observed_on": DateInput(), "notes": forms.Textarea}

    def __init__(self, *args, type: str, **kwargs) -> None:  # noqa: A002, ANN002, ANN003
        super().__init__(*args, **kwargs)
        meeting = type == Observation.Type.MEETING
        self.questions = q.MEETING_QUESTIONS if meeting else q.TRAINING_QUESTIONS
        self.fields["subject"] = forms.ChoiceField(label="Meeting observed" if meeting else "Training session observed",
                                                   choices=q.MEETINGS if meeting else q.TRAININGS)
        answers = (self.instance.answers or {}) if self.instance.pk else {}
        for key, label in self.questions:
            self.fields[f"{key}__answer"] = _radios(q.EXTENT, label, required=True)
            self.fields[f"{key}__note"] = _text("What was seen", max_length=2000)
            self.initial.setdefault(f"{key}__answer", answers.get(key, {}).get("answer"))
            self.initial.setdefault(f"{key}__note", answers.get(key, {}).get("note", ""))
        self.order_fields(["subject", "title", "observed_on", "observer",
                           *[f"{k}__{p}" for k, _ in self.questions for p in ("answer", "note")], "notes"])
        govuk(self)

    def answers(self) -> dict:
        return {key: {"answer": self.cleaned_data[f"{key}__answer"], "note": self.cleaned_data[f"{key}__note"]}
                for key, _ in self.questions}


class ForumForm(forms.ModelForm):
    class Meta:
        model = Forum
        fields = ["format", "held_on", "attended_by", "case_study"]
        labels = {"format": "Kind of session", "held_on": "Date held", "attended_by": "Attended by",
                  "case_study": "Case study worked through"}
        widgets = {"held_on": DateInput(), "format": forms.RadioSelect}

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        answers = (self.instance.answers or {}) if self.instance.pk else {}
        for key, label in q.FORUM_QUESTIONS:
            self.fields[key] = _text(label, max_length=6000)
            self.initial.setdefault(key, answers.get(key, ""))
        govuk(self)

    def answers(self) -> dict:
        return {key: self.cleaned_data[key] for key, _ in q.FORUM_QUESTIONS}


class FindingsForm(forms.Form):
    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        for heading, title in q.HEADINGS:
            for part, label, hint in q.FINDING_PARTS:
                self.fields[f"{heading}__{part}"] = _text(f"{title}: {label.lower()}", help_text=hint, max_length=6000)
        govuk(self)
