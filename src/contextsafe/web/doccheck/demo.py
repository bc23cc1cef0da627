"""An example check over four synthetic strategy documents of a made-up partnership (Northfield): a CSE
strategy, a gangs procedure (uploaded as a Word document), a draft domestic abuse policy and an HSB procedure,
written so that the checks have something to find. Idempotent; needs no analysis store."""

from __future__ import annotations

import io
from importlib import resources

from contextsafe.web.accounts.models import User

SET_NAME = "Northfield adolescent safeguarding documents (example)"
EXAMPLES = ("cse_strategy.txt", "gangs_procedure.txt", "domestic_abuse_policy.txt", "hsb_procedure.txt")


def example_files() -> list[tuple[str, bytes]]:
    """The example documents as uploads; the gangs procedure as a Word document, the rest as plain text."""
    folder = resources.files("contextsafe.doccheck").joinpath("examples")
    files = []
    for name in EXAMPLES:
        text = folder.joinpath(name).read_text(encoding="utf-8")
        files.append((name.replace(".txt", ".docx"), _docx(text)) if name.startswith("gangs") else
                     (name, text.encode("utf-8")))
    return files


def _docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for block in text.split("\n\n"):
        block = block.strip()
        if block.startswith("# "):
            document.add_heading(block[2:], level=1)
        elif block:
            document.add_paragraph(block)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def seed() -> None:
    from contextsafe.web.doccheck import service
    from contextsafe.web.doccheck.models import CheckSet

    chair = User.objects.filter(username="panel_chair").first()
    if chair is None or CheckSet.objects.filter(name=SET_NAME).exists():
        return
    service.upload(SET_NAME, example_files(), chair)
