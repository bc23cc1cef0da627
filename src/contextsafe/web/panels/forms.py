"""Registering a multi-agency meeting and its information sharing terms."""

from __future__ import annotations

from django import forms

from contextsafe.vocab import Purpose
from contextsafe.web import store
from contextsafe.web.localaudit.forms import govuk
from contextsafe.web.panels.models import Meeting


class MeetingForm(forms.ModelForm):
    source = forms.ChoiceField(label="Store source holding the meeting's list", required=False,
                               help_text="Leave empty if the meeting's list is not held in the analysis store")
    purposes = forms.MultipleChoiceField(
        label="Purposes the information sharing terms permit", required=False, widget=forms.CheckboxSelectMultiple,
        choices=[(p.value, p.value) for p in Purpose],
        help_text="The list is used only for these purposes, and never for one its source does not permit")

    class Meta:
        model = Meeting
        fields = ["name", "type", "chair_organisation", "frequency", "source", "agreement", "purposes", "terms"]
        labels = {"name": "Meeting name", "type": "Kind of meeting", "chair_organisation": "Chaired by (organisation)",
                  "frequency": "How often it meets", "agreement": "Information sharing agreement",
                  "terms": "Other sharing terms (who attends, what may be shared, how the list is kept)"}
        widgets = {"terms": forms.Textarea}

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.known = store.sources()
        self.fields["source"].choices = [("", "Not held in the store")] + [
            (name, f"{name} — {s.agency}") for name, s in self.known.items()]
        if self.instance.pk and self.instance.source and self.instance.source not in self.known:
            self.fields["source"].choices.append((self.instance.source, f"{self.instance.source} (not in the store)"))
        self.fields["agreement"].help_text = "Empty: the agreement the source was shared under"
        govuk(self)

    def clean(self) -> dict:
        data = super().clean()
        source = self.known.get(data.get("source") or "")
        if source is not None:
            wider = sorted(set(data.get("purposes") or []) - set(source.purposes))
            if wider:
                self.add_error("purposes", f"The source {source.source} was shared for "
                                           f"{', '.join(source.purposes)} only, not for {', '.join(wider)}")
            if not data.get("agreement"):
                data["agreement"] = source.agreement
        return data
