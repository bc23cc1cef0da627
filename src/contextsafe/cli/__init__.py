"""The ``contextsafe`` command line. Each stage registers its commands from its own module here;
the commands call the stages' public functions and hold no logic of their own."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="contextsafe",
    help="Contextual safeguarding: link young people across agency lists and profile their contexts.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)



@app.callback()
def _root() -> None:
    """Contextual safeguarding: link young people across agency lists and profile their contexts."""


# Modules under contextsafe.cli that define ``register(app: typer.Typer) -> None``.
_COMMAND_MODULES = ("workspace", "synth", "ingest", "link", "overlap", "profile", "web", "feed", "demo")

for _name in _COMMAND_MODULES:
    importlib.import_module(f"contextsafe.cli.{_name}").register(app)


def main() -> None:
    """Entry point for ``python -m contextsafe``."""
    app()
