"""The demo on one laptop: plain HTTP on 127.0.0.1, SQLite beside the workspace unless told otherwise."""

from __future__ import annotations

import os
import secrets

from contextsafe.web.settings.base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# A fresh key per process unless given: sessions do not survive a restart of the demo.
SECRET_KEY = os.environ.get("CONTEXTSAFE_SECRET_KEY") or secrets.token_urlsafe(50)
# Served over plain HTTP on loopback, so cookies cannot be Secure here (production sets them).
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
