"""Where the shared open data lives, and whether it is the data we think it is.

The open data is not shipped inside the package (it is ~22 MB and carries its own licences); it sits
beside the repository at ``../shared/data``. Every loader resolves files through here so one
environment variable can point the whole system at another copy.
"""

from __future__ import annotations

import os
from pathlib import Path

from contextsafe.checksums import file_sha256
from contextsafe.errors import ContextsafeError

BOROUGHS: dict[str, str] = {"camden": "E09000007", "hackney": "E09000012", "islington": "E09000019"}
"""The boroughs the open data covers, by lower-case name, with their ONS local authority code."""

ENV_VAR = "CONTEXTSAFE_OPEN_DATA"
_CHECKSUMS = "SHA256SUMS"


def open_data_dir() -> Path:
    """The folder holding the open data and its ``SHA256SUMS``.

    ``$CONTEXTSAFE_OPEN_DATA`` wins when set; otherwise the first ``shared/data`` folder holding
    ``SHA256SUMS`` found walking up from the current directory, then from this package (the repository
    is cloned at ``X/main`` or ``X/ci`` with the data at ``X/shared/data``).
    """
    given = os.environ.get(ENV_VAR)
    if given:
        path = Path(given).expanduser()
        if not (path / _CHECKSUMS).is_file():
            raise ContextsafeError(f"${ENV_VAR} is {given!r}, but that folder holds no {_CHECKSUMS} — "
                                   "point it at the open data folder (the one with README.md and SHA256SUMS)")
        return path.resolve()
    for start in (Path.cwd(), Path(__file__).resolve().parent):
        found = _search_upwards(start)
        if found is not None:
            return found
    raise ContextsafeError(f"open data folder not found: no shared/data/{_CHECKSUMS} above {Path.cwd()} or the "
                           f"installed package — set ${ENV_VAR} to the folder holding the open data")


def _search_upwards(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "shared" / "data"
        if (candidate / _CHECKSUMS).is_file():
            return candidate.resolve()
    return None


def verify_open_data(dir: Path | None = None) -> list[str]:
    """Check every file listed in ``SHA256SUMS``; return the problems found (empty: all good).

    Run before a demo or a test session: a file edited by hand (or truncated by a bad copy) would
    silently change every count the profile reports.
    """
    folder = Path(dir) if dir is not None else open_data_dir()
    sums = folder / _CHECKSUMS
    if not sums.is_file():
        return [f"{sums}: missing"]
    problems = []
    for number, line in enumerate(sums.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        expected, _, name = line.partition("  ")
        name = name.lstrip("*").strip()
        if not name or len(expected) != 64:
            problems.append(f"{sums}: line {number} is not '<sha256>  <file>'")
            continue
        path = folder / name
        if not path.is_file():
            problems.append(f"{name}: listed in {_CHECKSUMS} but missing")
        elif file_sha256(path) != expected.lower():
            problems.append(f"{name}: SHA-256 does not match {_CHECKSUMS} (file changed or damaged)")
    return problems


def borough_file(borough: str, stem: str, suffix: str = "csv") -> Path:
    """Path of ``<stem>_<borough>.<suffix>`` in the open data folder (checks the borough name)."""
    return open_data_dir() / f"{stem}_{check_borough(borough)}.{suffix}"


def check_borough(borough: str) -> str:
    """The lower-case borough name, or a :class:`ContextsafeError` listing the ones available."""
    key = borough.strip().lower()
    if key not in BOROUGHS:
        raise ContextsafeError(f"no open data for borough {borough!r}: choose one of {', '.join(sorted(BOROUGHS))}")
    return key
