"""Retention deletion with its audit entries (shared by the DPO page and the CLI)."""

from __future__ import annotations

from contextsafe.store import Workspace
from contextsafe.web.audit.log import record_event
from contextsafe.web.retention.expiry import DueItem, delete_due


def delete_and_log(ws: Workspace, user=None) -> list[DueItem]:  # noqa: ANN001
    """Delete what is past retention and write one audit entry per source or file deleted."""
    items = delete_due(ws)
    for item in items:
        record_event(user, "retention_delete", "retention", item.source,
                     detail=f"{item.count} {item.what} past {item.retention_days} days")
    if not items:
        record_event(user, "retention_delete", "retention", "", detail="nothing past retention")
    return items
