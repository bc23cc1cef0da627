"""Casework documents for tests of the workflow apps (through the service, so each has its version 1)."""

from __future__ import annotations

from contextsafe.web.casework import documents
from contextsafe.web.casework.models import CaseDocument


def document(owner, kind: str = "pgi", data: dict | None = None, purpose: str = "assessment",  # noqa: ANN001
             **meta) -> CaseDocument:  # noqa: ANN003
    return documents.create(kind, owner, meta.pop("title", f"A {kind} document"), data or {"answer": "first"},
                            purpose=purpose, **meta)
