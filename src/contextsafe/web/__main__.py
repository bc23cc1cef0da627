"""``python -m contextsafe.web serve --workspace WS`` (the same command as ``contextsafe web serve``)."""

import typer

from contextsafe.cli import web

app = typer.Typer(no_args_is_help=True)
web.register(app)

if __name__ == "__main__":
    app(prog_name="python -m contextsafe.web")
