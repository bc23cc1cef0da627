"""Writing and verifying the chain. :func:`record` is called by :func:`contextsafe.web.access.check`
(and by the few actions outside it: sign-in, retention, sharing decisions)."""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone

from contextsafe.web.audit.models import AuditEntry, Outcome

GENESIS = "0" * 64
_CHAIN_LOCK = 73195  # PostgreSQL advisory lock key serialising appends


def append(**fields: object) -> AuditEntry:
    """Append one entry, chained to the last (appends are serialised so the chain never forks).

    One short transaction: the last hash by primary key (an index lookup, no ordering scan), then the insert.
    PostgreSQL serialises appends with a transaction-scoped advisory lock. SQLite serialises writers itself,
    but a writer waiting for its lock polls with sleeps of up to 100 ms, so under load appends queue first on
    a lock file beside the database (processes) and a lock (threads), which wake the next writer at once."""
    with _sqlite_queue():
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK])
            last = AuditEntry.objects.order_by("-id").values_list("hash", flat=True).first()
            entry = AuditEntry(at=timezone.now(), prev_hash=last or GENESIS, **fields)
            entry.hash = entry.compute_hash()
            entry.save()
            return entry


_queue_lock = threading.Lock()
_queue_files: dict[tuple[int, str], int] = {}  # (process id, path) -> open descriptor: flock is per open file


@contextmanager
def _sqlite_queue():  # noqa: ANN202
    name = str(connection.settings_dict.get("NAME") or "")
    if connection.vendor != "sqlite" or not name or "memory" in name or connection.in_atomic_block:
        yield  # nothing to queue on (or already inside a transaction holding the database's own lock)
        return
    import fcntl

    with _queue_lock:
        key = (os.getpid(), name)
        if key not in _queue_files:
            _queue_files[key] = os.open(Path(name).with_name(Path(name).name + ".audit-lock"),
                                        os.O_RDWR | os.O_CREAT, 0o600)
        fd = _queue_files[key]
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)


def record(user, action: str, target, decision, reason: str = "", detail: str = "") -> AuditEntry:  # noqa: ANN001
    """The audit entry of one access decision."""
    outcome = Outcome.BREAK_GLASS if decision.break_glass else (
        Outcome.ALLOWED if decision.allowed else Outcome.REFUSED)
    return append(**_who(user), action=str(action), kind=str(target.kind), ident=target.ident,
                  purpose=decision.purpose or "", agreements="; ".join(decision.agreements), outcome=outcome,
                  reason=reason or ("" if decision.allowed else decision.reason), detail=detail,
                  flagged=decision.break_glass)


def record_event(user, action: str, kind: str, ident: str = "", allowed: bool = True,  # noqa: ANN001
                 reason: str = "", detail: str = "", purpose: str = "", agreements: str = "",
                 flagged: bool = False) -> AuditEntry:
    """An entry for something that is not a record access: sign-in, lockout, retention, a sharing decision."""
    return append(**_who(user), action=action, kind=kind, ident=ident, purpose=purpose, agreements=agreements,
                  outcome=Outcome.ALLOWED if allowed else Outcome.REFUSED, reason=reason, detail=detail,
                  flagged=flagged)


def _who(user) -> dict:  # noqa: ANN001
    if user is None or not getattr(user, "is_authenticated", False):
        return {"username": getattr(user, "username", "") or "(anonymous)", "organisation": "", "role": ""}
    org = user.organisation.name if getattr(user, "organisation", None) else ""
    return {"username": user.username, "organisation": org, "role": user.role}


@dataclass(frozen=True)
class ChainReport:
    entries: int
    broken_at: int | None  # id of the first entry whose hash or link does not hold
    problem: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def verify_chain() -> ChainReport:
    """Recompute every hash in order: the first edited, deleted or inserted row is reported."""
    previous = GENESIS
    count = 0
    for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=2000):
        count += 1
        if entry.prev_hash != previous:
            return ChainReport(count, entry.id, "does not follow the previous entry (a row removed or inserted)")
        if entry.compute_hash() != entry.hash:
            return ChainReport(count, entry.id, "its content does not match its hash (edited)")
        previous = entry.hash
    return ChainReport(count, None)
