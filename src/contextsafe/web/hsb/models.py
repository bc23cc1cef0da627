"""Actions agreed at an HSB meeting, monitored with the framework's traffic light (red, amber, green), and the
history of every change of colour. The meeting itself is a casework document (kind ``hsb_meeting``)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from contextsafe.web.hsb.factors import CONTEXTS


class Rag(models.TextChoices):
    RED = "red", "Red: not yet actioned"
    AMBER = "amber", "Amber: in progress"
    GREEN = "green", "Green: completed"


class MeetingAction(models.Model):
    """An intervention agreed at a meeting: what, in which context, who owns it, by when, and its RAG status.
    ``carried_from`` is the same action as it stood at the meeting this one reviews."""

    document = models.ForeignKey("casework.CaseDocument", on_delete=models.CASCADE, related_name="hsb_actions")
    what = models.CharField(max_length=500)
    context = models.CharField(max_length=20, choices=CONTEXTS)
    owner = models.CharField(max_length=200, help_text="Person and agency responsible")
    due_on = models.DateField()
    rag = models.CharField(max_length=10, choices=Rag.choices, default=Rag.RED)
    carried_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["document", "due_on", "pk"]

    def __str__(self) -> str:
        return self.what


class RagChange(models.Model):
    """One colour an action was given, by whom and when (the first is the colour it was agreed with)."""

    action = models.ForeignKey(MeetingAction, on_delete=models.CASCADE, related_name="changes")
    rag = models.CharField(max_length=10, choices=Rag.choices)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["action", "changed_at", "pk"]
