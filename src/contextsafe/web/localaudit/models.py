"""A local audit (appendix A): the audit itself, its matrix cells (Figure 2), observations of meetings and
training, practitioner forums and the auditor's findings per heading. About the partnership's response, not
about any child: no personal data belongs here."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from contextsafe.web.localaudit import questions as q


class Audit(models.Model):
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    partnership = models.CharField(max_length=200)
    period_start = models.DateField()
    period_end = models.DateField()
    lead = models.CharField(max_length=200, help_text="Who leads the audit")
    optional_silos = models.JSONField(default=list, blank=True)
    review = models.JSONField(default=dict, blank=True, help_text="Strategic review and drawing together")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-period_end", "-pk"]

    def __str__(self) -> str:
        return f"{self.partnership} ({self.period_start:%b %Y} – {self.period_end:%b %Y})"

    def silos(self) -> list[tuple[str, str]]:
        """The matrix's columns: the four central silos, then the surrounding ones chosen for this audit."""
        return q.CORE_SILOS + [(k, n) for k, n in q.OPTIONAL_SILOS if k in (self.optional_silos or [])]


class Cell(models.Model):
    """One cell of the matrix: what exists at this level for this silo, and how it links across and down."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="cells")
    silo = models.CharField(max_length=40, choices=list(q.SILOS.items()))
    level = models.CharField(max_length=40, choices=q.LEVELS)
    exists = models.CharField(max_length=10, choices=q.EXISTS, blank=True)
    what = models.TextField(blank=True, max_length=4000)
    in_practice = models.CharField(max_length=10, choices=q.EXTENT, blank=True)
    practice_note = models.TextField(blank=True, max_length=2000)
    links_across = models.JSONField(default=list, blank=True)
    across_note = models.TextField(blank=True, max_length=2000)
    links_down = models.CharField(max_length=10, choices=q.LINKED, blank=True)
    down_note = models.TextField(blank=True, max_length=2000)
    contexts = models.JSONField(default=list, blank=True)
    contexts_note = models.TextField(blank=True, max_length=2000)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["audit", "silo", "level"], name="one_cell_per_silo_level")]

    def across_names(self) -> list[str]:
        return [q.SILOS[s] for s in self.links_across if s in q.SILOS]

    def context_names(self) -> list[str]:
        return [q.CONTEXT_NAMES[c] for c in self.contexts if c in q.CONTEXT_NAMES]


class Observation(models.Model):
    class Type(models.TextChoices):
        MEETING = "meeting", "Meeting"
        TRAINING = "training", "Training"

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="observations")
    type = models.CharField(max_length=10, choices=Type.choices)
    subject = models.CharField(max_length=40)
    title = models.CharField(max_length=200, blank=True)
    observed_on = models.DateField()
    observer = models.CharField(max_length=200)
    answers = models.JSONField(default=dict, blank=True)
    notes = models.TextField(blank=True, max_length=4000)

    class Meta:
        ordering = ["observed_on", "pk"]

    def subject_name(self) -> str:
        names = dict(q.MEETINGS if self.type == self.Type.MEETING else q.TRAININGS)
        return self.title or names.get(self.subject, self.subject)


class Forum(models.Model):
    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="forums")
    held_on = models.DateField()
    format = models.CharField(max_length=20, choices=q.FORUM_FORMATS, default="workshop")
    attended_by = models.CharField(max_length=500, help_text="Roles and services represented (no names needed)")
    case_study = models.TextField(max_length=2000, help_text="The real-life case study worked through")
    answers = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["held_on", "pk"]


class Finding(models.Model):
    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="findings")
    heading = models.CharField(max_length=40, choices=q.HEADINGS)
    strengths = models.TextField(blank=True, max_length=6000)
    challenges = models.TextField(blank=True, max_length=6000)
    development = models.TextField(blank=True, max_length=6000)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["audit", "heading"], name="one_finding_per_heading")]
