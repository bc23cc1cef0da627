"""Production: HTTPS only, secure cookies, HSTS. Every secret comes from the environment, no default."""

from __future__ import annotations

import os

from contextsafe.web.settings.base import *  # noqa: F403


def _required(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"set {name} in the environment before starting contextsafe.web")
    return value


DEBUG = False
SECRET_KEY = _required("CONTEXTSAFE_SECRET_KEY")
ALLOWED_HOSTS = _required("CONTEXTSAFE_ALLOWED_HOSTS").split(",")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
