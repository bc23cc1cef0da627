"""Audit entries: append-only (the model, its manager and a database trigger all refuse change and deletion)
and chained: each entry's hash covers its fields and the previous entry's hash, so an edited, removed or
inserted row breaks the chain at that row."""

from __future__ import annotations

import hashlib
import json

from django.db import models


class AppendOnlyError(Exception):
    """The audit log cannot be changed or deleted by the application."""


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):  # noqa: ANN003, ANN201
        raise AppendOnlyError("the audit log is append-only: entries cannot be updated")

    def delete(self):  # noqa: ANN201
        raise AppendOnlyError("the audit log is append-only: entries cannot be deleted")

    _raw_delete = delete  # noqa: SLF001


class Outcome(models.TextChoices):
    ALLOWED = "allowed", "Allowed"
    REFUSED = "refused", "Refused"
    BREAK_GLASS = "break_glass", "Break-glass"


class AuditEntry(models.Model):
    at = models.DateTimeField(db_index=True)
    username = models.CharField(max_length=150, db_index=True)
    organisation = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=40, blank=True)
    action = models.CharField(max_length=40, db_index=True)
    kind = models.CharField(max_length=40, db_index=True)
    ident = models.CharField(max_length=300, blank=True, db_index=True)
    purpose = models.CharField(max_length=40, blank=True)
    agreements = models.TextField(blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    reason = models.TextField(blank=True)
    detail = models.TextField(blank=True)
    flagged = models.BooleanField(default=False)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditQuerySet.as_manager()

    CHAINED = ("at", "username", "organisation", "role", "action", "kind", "ident", "purpose", "agreements",
               "outcome", "reason", "detail", "flagged", "prev_hash")

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "audit entries"

    def compute_hash(self) -> str:
        fields = {name: getattr(self, name) for name in self.CHAINED}
        fields["at"] = self.at.isoformat(timespec="microseconds")
        return hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()

    def save(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        if self.pk is not None:
            raise AppendOnlyError("the audit log is append-only: entries cannot be updated")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
        raise AppendOnlyError("the audit log is append-only: entries cannot be deleted")


class ReviewFlag(models.Model):
    """A reviewer's note that a flagged (break-glass) entry has been reviewed: kept beside the log, not in it."""

    entry = models.OneToOneField(AuditEntry, on_delete=models.PROTECT, related_name="review")
    reviewed_by = models.CharField(max_length=150)
    reviewed_at = models.DateTimeField(auto_now_add=True)
    conclusion = models.TextField()
