"""Information sharing agreements, DPIAs and the sharing ledger ("record your decision and the reasons for it")."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from contextsafe.vocab import Purpose


class Dpia(models.Model):
    reference = models.CharField(max_length=100, unique=True)
    title = models.CharField(max_length=300)
    approved_on = models.DateField(null=True, blank=True)
    review_on = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return self.reference


class SharingAgreement(models.Model):
    """An information sharing agreement; every store source names one by its reference."""

    reference = models.CharField(max_length=200, unique=True)
    title = models.CharField(max_length=300)
    parties = models.TextField(blank=True)
    lawful_basis = models.TextField(blank=True)
    dpia = models.ForeignKey(Dpia, null=True, blank=True, on_delete=models.PROTECT)
    review_on = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return self.reference


class Decision(models.TextChoices):
    SHARE = "share", "Share"
    NOT_SHARE = "not_share", "Do not share"


class SharingDecision(models.Model):
    """One decision to share — or not to share — with what, with whom, why, for which purpose, on what basis."""

    made_at = models.DateTimeField(auto_now_add=True)
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    recipient = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    decision = models.CharField(max_length=20, choices=Decision.choices)
    what = models.TextField(max_length=2000)
    purpose = models.CharField(max_length=20, choices=[(p.value, p.value) for p in Purpose])
    lawful_basis = models.TextField(max_length=2000)
    agreement = models.ForeignKey(SharingAgreement, null=True, blank=True, on_delete=models.PROTECT)
    reason = models.TextField(max_length=4000)
    consent_required = models.BooleanField(default=False)
    consent_obtained = models.BooleanField(default=False)
    consent_override_reason = models.TextField(blank=True, max_length=4000)

    class Meta:
        ordering = ["-made_at"]
        permissions = [("override_consent", "May share without consent where consent is required, giving a reason")]
