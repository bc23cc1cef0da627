"""A casework document and its versions (every save is a version: who, when, which fields changed)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from contextsafe.vocab import Purpose


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    CLOSED = "closed", "Closed"


class CaseDocument(models.Model):
    """One filled-in form. ``kind`` is an :class:`contextsafe.web.access.Kind` value; ``data`` is the form's
    cleaned content (JSON); ``purpose`` is what it was collected for and the only purpose it is shown for."""

    kind = models.CharField(max_length=40, db_index=True)
    title = models.CharField(max_length=300)
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    shared_with = models.ManyToManyField("accounts.Organisation", blank=True, related_name="+")
    team = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+",
                                  help_text="When not empty, only these users may open the document")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    purpose = models.CharField(max_length=20, choices=[(p.value, p.value) for p in Purpose],
                               default=Purpose.ASSESSMENT)
    agreement = models.ForeignKey("governance.SharingAgreement", null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+")
    person_id = models.CharField(max_length=100, blank=True, db_index=True, help_text="Linked person in the store")
    context_key = models.CharField(max_length=200, blank=True, db_index=True, help_text="Context in the store")
    review_on = models.DateField(null=True, blank=True)
    reason = models.TextField(blank=True, max_length=4000, help_text="Why the young person or context is here")
    data = models.JSONField(default=dict, blank=True)
    version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return self.title

    def organisation_ids(self) -> set[int]:
        return {self.organisation_id, *self.shared_with.values_list("id", flat=True)}


class CaseVersion(models.Model):
    """A saved state of a document with the fields that changed from the previous one."""

    document = models.ForeignKey(CaseDocument, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=20, choices=Status.choices)
    data = models.JSONField(default=dict)
    changes = models.JSONField(default=list)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["document", "number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="one_version_number")]
