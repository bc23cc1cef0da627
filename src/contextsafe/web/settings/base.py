"""Settings shared by every deployment. Deployment values come from the environment (``CONTEXTSAFE_*``)."""

from __future__ import annotations

import os
from pathlib import Path

WEB_DIR = Path(__file__).resolve().parent.parent

# The analysis workspace (DuckDB store and outputs) the application reads.
CONTEXTSAFE_WORKSPACE = os.environ.get("CONTEXTSAFE_WORKSPACE", "")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "contextsafe.web.accounts",
    "contextsafe.web.audit",
    "contextsafe.web.governance",
    "contextsafe.web.people",
    "contextsafe.web.contexts",
    "contextsafe.web.profiles",
    "contextsafe.web.retention",
    "contextsafe.web.casework",
    # Practitioner workflows (each keeps its records as casework documents).
    "contextsafe.web.pgi",
    "contextsafe.web.concerns",
    "contextsafe.web.assessments",
    "contextsafe.web.casereviews",
    "contextsafe.web.hsb",
    "contextsafe.web.fap",
    "contextsafe.web.contextplans",
    # Partnership view.
    "contextsafe.web.localaudit",
    "contextsafe.web.panels",
    "contextsafe.web.doccheck",
    "contextsafe.web.casenotes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "contextsafe.web.middleware.SecurityHeadersMiddleware",
    "contextsafe.web.middleware.RequestSizeLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "contextsafe.web.middleware.StoreConnectionMiddleware",
    "contextsafe.web.middleware.PurposeRequiredMiddleware",
]

ROOT_URLCONF = "contextsafe.web.urls"
WSGI_APPLICATION = "contextsafe.web.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "home"

TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [WEB_DIR / "templates"],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
        "contextsafe.web.context.navigation",
    ]},
}]

# Passwords: NCSC guidance — length (at least 12), a deny-list of common passwords, no composition rules.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
]

# Sessions: 30 minutes of inactivity, gone when the browser closes, cookie not readable by scripts.
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
SESSION_COOKIE_NAME = "contextsafe_session"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Strict"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Lockout after repeated failures (password or code), for LOCKOUT_MINUTES.
LOCKOUT_THRESHOLD = 5
LOCKOUT_MINUTES = 15

# Uploads and form bodies: refuse anything larger than 2 MiB.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
UPLOAD_MAX_BYTES = 2 * 1024 * 1024

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [WEB_DIR / "static"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def database_from_url(url: str) -> dict:
    """A Django ``DATABASES['default']`` from ``postgresql://user:pass@host:port/name`` or a SQLite path."""
    from urllib.parse import unquote, urlparse

    if not url.startswith(("postgres://", "postgresql://")):
        # Writers take the lock at BEGIN (no upgrade deadlocks when many users append to the audit chain);
        # WAL lets pages be read while the log is written.
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": url or str(Path.cwd() / "contextsafe-web.sqlite3"),
                "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 30,
                            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}}
    parts = urlparse(url)
    return {"ENGINE": "django.db.backends.postgresql", "NAME": parts.path.lstrip("/"),
            "USER": unquote(parts.username or ""), "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "", "PORT": str(parts.port or "")}


DATABASES = {"default": database_from_url(os.environ.get("CONTEXTSAFE_WEB_DATABASE", ""))}

# Errors go to the server's standard error with the request path (record ids only: no personal data in paths).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR"}},
}
