"""Tests: SQLite in memory by default; CONTEXTSAFE_WEB_DATABASE=postgresql://… runs the same tests on PostgreSQL."""

from __future__ import annotations

from contextsafe.web.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast hashing in tests only
