"""Matching one rule's wording against a passage: sentences, negation windows and exceptions."""

from __future__ import annotations

import re
from collections.abc import Iterable

from contextsafe.doccheck.rules import Rule, RuleSet

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9\"'‘“(])")
_WORD = re.compile(r"[\w'’-]+")


def sentences(text: str) -> list[str]:
    """The sentences of a passage (a semicolon ends one too: policy text strings clauses together)."""
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def any_match(patterns: Iterable[re.Pattern], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def _negated(rule: Rule, sentence: str, start: int) -> bool:
    """A negation cue among the ``rule.window`` words just before the match (in the same sentence)."""
    if not rule.negations or rule.window == 0:
        return False
    before = _WORD.findall(sentence[:start])[-rule.window:]
    window = " ".join(before)
    return any_match(rule.negations, window)


def passage_hits(rule: Rule, text: str) -> list[tuple[str, str]]:
    """(sentence, matched wording) for each place a passage rule flags ``text``; [] when it does not."""
    if rule.requires_any and not any_match(rule.requires_any, text):
        return []
    if any_match(rule.passage_exceptions, text):
        return []
    hits = []
    for sentence in sentences(text):
        if any_match(rule.exceptions, sentence):
            continue
        for pattern in rule.patterns:
            found = next((m for m in pattern.finditer(sentence) if not _negated(rule, sentence, m.start())), None)
            if found:
                hits.append((sentence.strip(), found.group(0)))
                break
    return hits


def silos_in(ruleset: RuleSet, text: str) -> list[str]:
    """Keys of the silos a piece of text is about."""
    return [key for key, silo in ruleset.silos.items() if any_match(silo.patterns, text)]


def routes_in(ruleset: RuleSet, text: str) -> list[str]:
    """Referral routes named in sentences that refer, report or raise a concern."""
    found: list[str] = []
    for sentence in sentences(text):
        if not any_match(ruleset.referral_cues, sentence):
            continue
        found += [k for k, r in ruleset.routes.items() if any_match(r.patterns, sentence) and k not in found]
    return found
