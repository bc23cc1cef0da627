"""Organisations, users and their roles. A role is what a person does in the partnership; what it may
see is declared in each app's ``permissions.py`` and decided in :mod:`contextsafe.web.access`."""

from __future__ import annotations

import hmac
from datetime import timedelta

import pyotp
from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone


class UserRole(models.TextChoices):
    ANALYST = "analyst", "Analyst (CSE, gangs, community safety, performance)"
    PRACTITIONER = "practitioner", "Practitioner (social care, youth offending, CSE service, youth service)"
    INFORMATION_PROVIDER = "information_provider", "Information provider (school, youth service, health, transport)"
    PANEL_CHAIR = "panel_chair", "Panel chair or manager"
    AUDITOR = "auditor", "Auditor or data protection officer"
    ADMINISTRATOR = "administrator", "Administrator"


class OrganisationKind(models.TextChoices):
    PARTNERSHIP = "partnership", "Safeguarding partnership"
    SOCIAL_CARE = "social_care", "Children's social care"
    YOUTH_OFFENDING = "youth_offending", "Youth offending service"
    CSE_SERVICE = "cse_service", "CSE service"
    YOUTH_SERVICE = "youth_service", "Youth service"
    SCHOOL = "school", "School"
    HEALTH = "health", "Health"
    TRANSPORT = "transport", "Transport"
    POLICE = "police", "Police"


class Organisation(models.Model):
    """A partner agency. ``sources`` names the store sources it provides: organisation-scoped roles see
    young people only through those sources."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=40, choices=OrganisationKind.choices)
    sources = models.JSONField(default=list, blank=True)

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, null=True, blank=True)
    role = models.CharField(max_length=40, choices=UserRole.choices, default=UserRole.PRACTITIONER)
    totp_secret = models.CharField(max_length=64, default=pyotp.random_base32)
    failed_attempts = models.PositiveIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)
    last_totp_step = models.BigIntegerField(default=0)  # a code once used cannot be replayed

    def is_locked(self) -> bool:
        return self.locked_until is not None and self.locked_until > timezone.now()

    def record_failure(self) -> None:
        """Count a failed password or code; lock the account at the threshold."""
        self.failed_attempts += 1
        if self.failed_attempts >= settings.LOCKOUT_THRESHOLD:
            self.locked_until = timezone.now() + timedelta(minutes=settings.LOCKOUT_MINUTES)
            self.failed_attempts = 0
        self.save(update_fields=["failed_attempts", "locked_until"])

    def record_success(self) -> None:
        self.failed_attempts = 0
        self.locked_until = None
        self.save(update_fields=["failed_attempts", "locked_until"])

    def verify_code(self, code: str) -> bool:
        """A TOTP code from the user's authenticator app: one 30-second step of clock drift allowed, and a
        code (time step) already used is refused, so an observed code cannot be replayed."""
        totp = pyotp.TOTP(self.totp_secret)
        now = timezone.now()
        current = totp.timecode(now)
        for step in (current - 1, current, current + 1):
            if step > self.last_totp_step and hmac.compare_digest(totp.generate_otp(step), code.strip()):
                self.last_totp_step = step
                self.save(update_fields=["last_totp_step"])
                return True
        return False

    def provisioning_uri(self) -> str:
        return pyotp.TOTP(self.totp_secret).provisioning_uri(name=self.username, issuer_name="contextsafe")
