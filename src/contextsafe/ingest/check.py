"""``sources check``: run a mapping over its file without loading anything, and explain every problem."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from contextsafe.ingest.reading import open_export
from contextsafe.ingest.rules import RULES
from contextsafe.ingest.transform import Problem, Transformer
from contextsafe.sources import LoadedMapping

_MESSAGES = {rule.rule_id: rule.message() for rule in RULES}


@dataclass
class CheckReport:
    """How an export would ingest: counts, problems by rule and column, and codes the mapping lacks."""

    source: str
    file: str
    rows_in: int = 0
    would_accept: int = 0
    would_quarantine: int = 0
    blank_rows: int = 0
    header_row: int = 0
    encoding: str = ""
    by_rule: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # (rule, column, message) -> rows
    unmapped_codes: Counter[tuple[str, str]] = field(default_factory=Counter)  # (column, code) -> rows
    examples: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.would_quarantine == 0


def check_source(loaded: LoadedMapping, path: str | Path | None = None, today: dt.date | None = None) -> CheckReport:
    """Validate ``loaded`` against its export (or ``path``) and report every problem, writing nothing."""
    source_path = Path(path) if path is not None else loaded.default_file()
    mapping = loaded.mapping
    opened = open_export(source_path, mapping.format, mapping.columns())  # type: ignore[arg-type]
    report = CheckReport(mapping.source, str(source_path), header_row=opened.header_row, encoding=opened.encoding)
    transformer = Transformer(loaded, opened.header, "check", mapping.format.type == "xlsx", today)
    for chunk in opened.chunks:
        result = transformer.apply(chunk)
        report.would_accept += result.accepted
        report.would_quarantine += result.quarantine.height
        report.blank_rows += result.blank_rows
        for rule_id, column, message, value, rows in (result.counts.iter_rows() if result.counts is not None else []):
            report.by_rule[(rule_id, column, message)] += rows
            if value is not None:
                report.unmapped_codes[(column, value)] += rows
        for bad in result.problems:
            if bad.rule_id in ("R009", "R010"):
                report.by_rule[(bad.rule_id, "", _MESSAGES[bad.rule_id])] += 1
        report.examples += result.problems[: max(0, 20 - len(report.examples))]
    report.rows_in = report.would_accept + report.would_quarantine
    return report
