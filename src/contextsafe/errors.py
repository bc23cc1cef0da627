"""One base exception and a few meaningful children.

Messages name the file, stage, row and column, quote an offending value only when it is not
personal data, and say what to do next. They never carry names, dates of birth or addresses.
"""

from __future__ import annotations


class ContextsafeError(Exception):
    """Base of every error contextsafe raises on purpose."""


class MappingError(ContextsafeError):
    """A source mapping is invalid or does not fit its file."""

    def __init__(self, mapping: str, problems: list[str]):
        self.mapping = mapping
        self.problems = problems
        listed = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"mapping {mapping}: {len(problems)} problem(s)\n{listed}")


class InputFileError(ContextsafeError):
    """An input file cannot be read at all (not text, wrong delimiter, no header)."""

    def __init__(self, path: str, message: str, hint: str = ""):
        self.path = path
        text = f"{path}: {message}"
        if hint:
            text += f" — {hint}"
        super().__init__(text)


class PurposeError(ContextsafeError, PermissionError):
    """A purpose does not permit the processing asked for."""


class WorkspaceError(ContextsafeError):
    """The workspace folder or its store is missing or inconsistent."""
