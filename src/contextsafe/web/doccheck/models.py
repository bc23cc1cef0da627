"""Sets of uploaded strategic documents, the report of their check, and every version of the rules."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class RulesVersion(models.Model):
    """One saved version of the check rules (YAML). Version 0 is the set shipped with contextsafe (no row)."""

    number = models.PositiveIntegerField(unique=True)
    text = models.TextField()
    note = models.CharField(max_length=500, blank=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"rules version {self.number}"


class CheckSet(models.Model):
    """Documents uploaded together and checked as a set (the silo map and cross-references need all of them)."""

    name = models.CharField(max_length=200)
    organisation = models.ForeignKey("accounts.Organisation", null=True, on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    checked_at = models.DateTimeField(auto_now=True)
    rules_number = models.PositiveIntegerField(default=0, help_text="Rules version used (0: shipped rules)")
    report = models.JSONField(default=dict)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name


class UploadedDocument(models.Model):
    """One uploaded file: what it was (kind by content, size, SHA-256) and its passages as read."""

    check_set = models.ForeignKey(CheckSet, on_delete=models.CASCADE, related_name="documents")
    name = models.CharField(max_length=255)
    kind = models.CharField(max_length=8)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    title = models.CharField(max_length=300)
    passages = models.JSONField(default=list)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name
