"""The partnership's multi-agency meetings (step 1 of the coordinating approach: map the meetings), each with the
store source that holds its list and the information sharing terms that list was shared under."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from contextsafe.vocab import Purpose

TYPES = [
    ("mase", "MASE / SERAC (sexual exploitation)"),
    ("marac", "MARAC (domestic abuse)"),
    ("gangs", "Gangs panel"),
    ("hsb", "Harmful sexual behaviour meeting"),
    ("fap", "Fair Access Panel"),
    ("youth_disorder", "Youth disorder / anti-social behaviour panel"),
    ("missing", "Missing children panel"),
    ("mappa", "MAPPA"),
    ("mash", "MASH"),
    ("other", "Another multi-agency meeting"),
]
FREQUENCIES = [("weekly", "Weekly"), ("fortnightly", "Fortnightly"), ("monthly", "Monthly"),
               ("six_weekly", "Every six weeks"), ("quarterly", "Quarterly"), ("as_needed", "As needed")]


class Meeting(models.Model):
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=200)
    type = models.CharField(max_length=20, choices=TYPES)
    chair_organisation = models.CharField(max_length=200)
    frequency = models.CharField(max_length=20, choices=FREQUENCIES)
    source = models.CharField(max_length=100, blank=True, help_text="Store source holding the meeting's list")
    agreement = models.CharField(max_length=200, blank=True, help_text="Information sharing agreement")
    purposes = models.JSONField(default=list, blank=True, help_text="Purposes the sharing terms permit")
    terms = models.TextField(blank=True, max_length=4000)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def purposes_display(self) -> str:
        known = {p.value for p in Purpose}
        return ", ".join(p for p in self.purposes if p in known) or "none"
