"""Retention deletion with its audit entries (shared by the DPO page and the CLI)."""

from __future__ import annotations

from datetime import date

from contextsafe.store import Workspace
from contextsafe.web.audit.log import record_event
from contextsafe.web.retention.expiry import DueItem, delete_due
from contextsafe.web.retention.reviews import take_off_lapsed


def delete_and_log(ws: Workspace, user=None, today: date | None = None) -> list[DueItem]:  # noqa: ANN001
    """Delete what is past retention (records, events, lapsed memberships, old outputs) and write one audit
    entry per source or file deleted."""
    items = delete_due(ws, today)
    for item in items:
        record_event(user, "retention_delete", "retention", item.source,
                     detail=f"{item.count} {item.what} past {item.retention_days} days")
    if not items:
        record_event(user, "retention_delete", "retention", "", detail="nothing past retention")
    return items


def unlist_and_log(today: date, user=None) -> list[dict]:  # noqa: ANN001
    """Take young people and contexts off every casework document whose review date has passed (one audit
    entry each, see :func:`reviews.take_off_lapsed`)."""
    return take_off_lapsed(today, user)
