from __future__ import annotations

from django import forms

from contextsafe.web.accounts.models import Organisation
from contextsafe.web.governance.models import SharingAgreement, SharingDecision
from contextsafe.web.governance.permissions import may_override_consent

AREA = {"class": "govuk-textarea", "rows": 3}
CONSENT_REFUSED = ("Consent is required and has not been obtained: this cannot be shared unless someone with the "
                   "consent override permission records why.")
OVERRIDE_REASON = "Give the reason for sharing without consent."


class SharingDecisionForm(forms.ModelForm):
    recipient = forms.ModelChoiceField(Organisation.objects.order_by("name"), label="With whom",
                                       widget=forms.Select(attrs={"class": "govuk-select"}))
    agreement = forms.ModelChoiceField(SharingAgreement.objects.order_by("reference"), required=False,
                                       label="Under which information sharing agreement",
                                       widget=forms.Select(attrs={"class": "govuk-select"}))

    class Meta:
        model = SharingDecision
        fields = ["decision", "recipient", "what", "purpose", "lawful_basis", "agreement", "reason",
                  "consent_required", "consent_obtained", "consent_override_reason"]
        labels = {"what": "What information", "reason": "Reasons for the decision",
                  "consent_override_reason": "Reason for sharing without consent (override only)"}
        widgets = {"decision": forms.Select(attrs={"class": "govuk-select"}),
                   "purpose": forms.Select(attrs={"class": "govuk-select"}),
                   "what": forms.Textarea(attrs=AREA), "lawful_basis": forms.Textarea(attrs=AREA),
                   "reason": forms.Textarea(attrs=AREA), "consent_override_reason": forms.Textarea(attrs=AREA)}

    def __init__(self, user, *args, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self) -> dict:
        data = super().clean()
        needs_override = (data.get("decision") == "share" and data.get("consent_required")
                          and not data.get("consent_obtained"))
        if needs_override:
            if not may_override_consent(self.user):
                raise forms.ValidationError(CONSENT_REFUSED, code="consent")
            if not (data.get("consent_override_reason") or "").strip():
                self.add_error("consent_override_reason", OVERRIDE_REASON)
        return data
