"""Set Django up over a workspace, migrate, create the demo accounts and serve on loopback."""

from __future__ import annotations

import os
from pathlib import Path


def configure(workspace: str | Path, database: str | None = None,
              settings_module: str = "contextsafe.web.settings.local") -> None:
    """Point the application at ``workspace`` (SQLite beside it unless ``database`` is given) and start Django."""
    import django

    root = Path(workspace).resolve()
    os.environ["CONTEXTSAFE_WORKSPACE"] = str(root)
    os.environ.setdefault("CONTEXTSAFE_WEB_DATABASE", database or str(root / "web.sqlite3"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module)
    django.setup()


def prepare(demo_accounts: bool = True) -> list:
    """Migrate, register the store's agreements, and create the demo accounts (returned with their secrets)."""
    from django.core.management import call_command

    from contextsafe.web.accounts.demo import create_demo_accounts
    from contextsafe.web.governance.registers import sync_agreements

    call_command("migrate", verbosity=0, interactive=False)
    sync_agreements()
    if not demo_accounts:
        return []
    accounts = create_demo_accounts()
    seed_demo_workflows()
    return accounts


# Apps whose ``demo.seed()`` fills in an example of each workflow over the demo borough (idempotent).
DEMO_APPS = ("pgi", "concerns", "assessments", "casereviews", "hsb", "fap", "contextplans", "localaudit", "panels",
             "doccheck", "casenotes")


def seed_demo_workflows() -> None:
    """Call every workflow app's ``demo.seed()`` (after the demo accounts exist), so the demo shows them filled in."""
    import importlib
    import importlib.util

    for app in DEMO_APPS:
        name = f"contextsafe.web.{app}.demo"
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name).seed()


def run(host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve until interrupted with Django's threaded WSGI server (a demo, not a production server), with a
    listen backlog large enough that many users connecting at once are queued rather than refused."""
    from django.core.servers.basehttp import WSGIServer, get_internal_wsgi_application
    from django.core.servers.basehttp import run as serve_wsgi

    class Server(WSGIServer):
        request_queue_size = 256

    serve_wsgi(host, port, get_internal_wsgi_application(), threading=True, server_cls=Server)
