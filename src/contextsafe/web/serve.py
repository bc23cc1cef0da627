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


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def run(host: str = "127.0.0.1", port: int = 8000, server: str = "django", workers: int | None = None,
        threads: int = 4) -> None:
    """Serve on loopback until interrupted.

    ``server="django"``: Django's threaded WSGI server in this process (the demo; one process, so the
    retention page can take the store's write lock). ``server="gunicorn"``: gunicorn with ``workers`` processes
    (default 2 x cores + 1), each with ``threads`` threads, forked from this process after Django is set up,
    so every worker shares the settings (and the per-start secret key) of this one.
    """
    if host not in LOOPBACK:
        raise ValueError(f"contextsafe.web serves on loopback only, not {host}")
    if server == "gunicorn":
        _run_gunicorn(host, port, workers or 2 * (os.cpu_count() or 1) + 1, threads)
        return
    if server != "django":
        raise ValueError(f"unknown server {server!r}: django or gunicorn")
    from django.core.servers.basehttp import WSGIServer, get_internal_wsgi_application
    from django.core.servers.basehttp import run as serve_wsgi

    class Server(WSGIServer):
        request_queue_size = 256

    serve_wsgi(host, port, get_internal_wsgi_application(), threading=True, server_cls=Server)


def _run_gunicorn(host: str, port: int, workers: int, threads: int) -> None:
    from django.core.servers.basehttp import get_internal_wsgi_application
    from django.db import connections
    from gunicorn.app.base import BaseApplication

    from contextsafe.web import store

    application = get_internal_wsgi_application()
    # Nothing open may cross the fork: each worker opens its own database and store connections.
    connections.close_all()
    store.release()

    class Gunicorn(BaseApplication):
        def load_config(self) -> None:
            bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
            for key, value in {"bind": bind, "workers": workers, "threads": threads, "worker_class": "gthread",
                               "backlog": 256, "preload_app": True, "accesslog": None, "timeout": 60,
                               "graceful_timeout": 10, "proc_name": "contextsafe-web",
                               # no runtime control socket: nothing to manage, and one fixed path per machine
                               "control_socket_disable": True}.items():
                self.cfg.set(key, value)

        def load(self):  # noqa: ANN202
            return application

    Gunicorn().run()
