"""A peer group information request (appendix F): who asked whom, where it stands, and who has been told.

The form's content (request, answer, feedback) lives in the request's :class:`CaseDocument` so every save is
a version with an audit entry; these rows hold what needs querying: the information provider it was sent to,
its state, whether the agreement it cites permits profiling use, and the requester's unread updates.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class State(models.TextChoices):
    DRAFT = "draft", "Draft (not sent)"
    REQUESTED = "requested", "Requested"
    ANSWERED = "answered", "Answered"
    FEEDBACK_GIVEN = "feedback_given", "Feedback given"


class PgiRequest(models.Model):
    document = models.OneToOneField("casework.CaseDocument", on_delete=models.CASCADE, related_name="pgi")
    provider_organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    provider_user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="+")
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT, db_index=True)
    permits_profiling = models.BooleanField(
        default=False, help_text="Set from the agreement cited: the answer may also feed the aggregate profile")
    requested_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    feedback_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-document__updated_at"]

    def __str__(self) -> str:
        return f"PGI request {self.document_id} ({self.state})"


class PgiNotification(models.Model):
    """Something a user should know about a request: an answer arrived or changed, feedback was given."""

    request = models.ForeignKey(PgiRequest, on_delete=models.CASCADE, related_name="notifications")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    message = models.CharField(max_length=300)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
