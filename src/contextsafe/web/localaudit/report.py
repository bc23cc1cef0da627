"""The audit report: facts computed from the matrix and the observations, next to the auditor's findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from contextsafe.web.localaudit import questions as q
from contextsafe.web.localaudit.models import Audit, Cell

PRESENT = ("yes", "partly")


@dataclass
class Facts:
    cells: int = 0
    recorded: int = 0
    missing: list[tuple[str, str]] = field(default_factory=list)  # exists = no
    not_recorded: list[tuple[str, str]] = field(default_factory=list)
    partly: list[tuple[str, str]] = field(default_factory=list)
    not_in_practice: list[tuple[str, str]] = field(default_factory=list)  # on paper, not (fully) seen in practice
    no_contexts: list[tuple[str, str]] = field(default_factory=list)  # present but engages no context
    context_counts: list[tuple[str, int]] = field(default_factory=list)
    not_linked_down: list[tuple[str, str]] = field(default_factory=list)
    not_linked_across: list[tuple[str, str]] = field(default_factory=list)  # present, links to no other silo
    unlinked_pairs: list[tuple[str, str]] = field(default_factory=list)  # silos linked at no level
    isolated_silos: list[str] = field(default_factory=list)  # silos linked to no other silo at any level
    meeting_answers: list[dict] = field(default_factory=list)
    training_answers: list[dict] = field(default_factory=list)
    meetings_not_observed: list[str] = field(default_factory=list)
    trainings_not_observed: list[str] = field(default_factory=list)


def grid(audit: Audit) -> list[dict]:
    """The matrix as rows (levels) of cells (silos), with a cell or None where nothing is recorded."""
    cells = {(c.silo, c.level): c for c in audit.cells.all()}
    return [{"level": level, "name": name, "cells": [{"silo": silo, "silo_name": silo_name,
                                                      "cell": cells.get((silo, level))}
                                                     for silo, silo_name in audit.silos()]}
            for level, name in q.LEVELS]


def facts(audit: Audit) -> Facts:
    silos = [s for s, _ in audit.silos()]
    cells: dict[tuple[str, str], Cell] = {(c.silo, c.level): c for c in audit.cells.all() if c.silo in silos}
    found = Facts(cells=len(silos) * len(q.LEVELS))
    linked: set[frozenset[str]] = set()
    engaging = dict.fromkeys(q.CONTEXT_NAMES, 0)
    for level, _ in q.LEVELS:
        for silo in silos:
            where = (q.SILOS[silo], q.LEVEL_NAMES[level])
            cell = cells.get((silo, level))
            if cell is None or not cell.exists:
                found.not_recorded.append(where)
                continue
            found.recorded += 1
            if cell.exists == "no":
                found.missing.append(where)
                continue
            if cell.exists == "partly":
                found.partly.append(where)
            if cell.in_practice in ("no", "partly"):
                found.not_in_practice.append(where)
            if not cell.contexts:
                found.no_contexts.append(where)
            for context in cell.contexts:
                if context in engaging:
                    engaging[context] += 1
            others = [s for s in cell.links_across if s in silos and s != silo]
            if not others:
                found.not_linked_across.append(where)
            linked |= {frozenset((silo, other)) for other in others}
            if level != q.LOWEST and cell.links_down != "yes":
                found.not_linked_down.append(where)
    found.context_counts = [(q.CONTEXT_NAMES[k], n) for k, n in engaging.items()]
    found.unlinked_pairs = [(q.SILOS[a], q.SILOS[b]) for a, b in combinations(silos, 2)
                            if frozenset((a, b)) not in linked]
    found.isolated_silos = [q.SILOS[s] for s in silos if not any(s in pair for pair in linked)]
    observations = list(audit.observations.all())
    found.meeting_answers = _tally([o for o in observations if o.type == "meeting"], q.MEETING_QUESTIONS)
    found.training_answers = _tally([o for o in observations if o.type == "training"], q.TRAINING_QUESTIONS)
    seen = {(o.type, o.subject) for o in observations}
    found.meetings_not_observed = [n for k, n in q.MEETINGS if k != "other" and ("meeting", k) not in seen]
    found.trainings_not_observed = [n for k, n in q.TRAININGS if k != "other" and ("training", k) not in seen]
    return found


def _tally(observations: list, questions: list[tuple[str, str]]) -> list[dict]:
    """Per question: how many observed meetings (or sessions) did it, partly did it, did not."""
    rows = []
    for key, label in questions:
        counts = {k: 0 for k, _ in q.EXTENT}
        for o in observations:
            answer = (o.answers or {}).get(key, {}).get("answer")
            if answer in counts:
                counts[answer] += 1
        rows.append({"key": key, "question": label, **counts})
    return rows


def findings(audit: Audit) -> list[dict]:
    written = {f.heading: f for f in audit.findings.all()}
    return [{"heading": key, "title": title, "finding": written.get(key)} for key, title in q.HEADINGS]
