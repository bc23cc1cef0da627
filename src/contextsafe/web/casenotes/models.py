"""Suggestions read from a case note, and the associations a practitioner confirmed from them.

A note is a :class:`~contextsafe.web.casework.models.CaseDocument` of kind ``case_note`` (its ``data`` holds
the text and the day it was written; its ``purpose`` is the one it was recorded under). Suggestions are kept
so each decision — confirm or reject, by whom, when — stays on record; only a confirmed suggestion becomes a
:class:`ConfirmedAssociation`, which carries the note's purpose and nothing else.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from contextsafe.vocab import Purpose

KINDS = [("person", "Young person"), ("school", "School"), ("place", "Place"), ("peer_group", "Peer group"),
         ("theme", "Theme")]


class State(models.TextChoices):
    PENDING = "pending", "To decide"
    CONFIRMED = "confirmed", "Confirmed"
    REJECTED = "rejected", "Rejected"


class NoteSuggestion(models.Model):
    """Something the note seems to name, with its span, candidate entity, score and evidence."""

    note = models.ForeignKey("casework.CaseDocument", on_delete=models.CASCADE, related_name="casenote_suggestions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=KINDS)
    entity_id = models.CharField(max_length=200, blank=True, help_text="Empty: ambiguous (see candidates)")
    label = models.CharField(max_length=300, blank=True)
    score = models.FloatField()
    evidence = models.TextField(max_length=1000)
    reason = models.CharField(max_length=300)
    candidates = models.JSONField(default=list, blank=True)  # [[entity id, label], …]
    state = models.CharField(max_length=20, choices=State.choices, default=State.PENDING)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["note", "start", "end"]

    def __str__(self) -> str:
        return f"{self.kind} {self.start}-{self.end}"

    @property
    def ambiguous(self) -> bool:
        return not self.entity_id and bool(self.candidates)

    @property
    def associable(self) -> bool:
        """Whether confirming it makes an association (themes and unnamed peer groups are only marked)."""
        return self.kind in ("person", "school", "place")


class ConfirmedAssociation(models.Model):
    """The young person a note is about associated with a person, school or place a practitioner confirmed."""

    note = models.ForeignKey("casework.CaseDocument", on_delete=models.CASCADE, related_name="casenote_associations")
    suggestion = models.OneToOneField(NoteSuggestion, on_delete=models.CASCADE, related_name="association")
    subject_person_id = models.CharField(max_length=100)
    kind = models.CharField(max_length=20, choices=KINDS)
    entity_id = models.CharField(max_length=200)
    label = models.CharField(max_length=300)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    evidence = models.TextField(max_length=1000)
    purpose = models.CharField(max_length=20, choices=[(p.value, p.value) for p in Purpose])
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    confirmed_at = models.DateTimeField(auto_now_add=True)
    exported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["note", "start"]

    def __str__(self) -> str:
        return f"{self.subject_person_id} – {self.kind} {self.entity_id}"
