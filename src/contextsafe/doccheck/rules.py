"""The checks as data: load and validate ``rules.yaml`` (or an edited copy) into typed, compiled records.

Every problem in an edited file is collected and reported together (:class:`RulesError`), so the person
editing the rules in the web application sees them all at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from contextsafe.errors import ContextsafeError

SCOPES = ("passage", "document", "set")
SEVERITIES = ("high", "medium", "low")
QUESTION_IDS = ("a", "b", "c", "d", "e")


class RulesError(ContextsafeError):
    """The document-check rules cannot be used as written."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        listed = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"document-check rules: {len(problems)} problem(s)\n{listed}")


@dataclass(frozen=True)
class Silo:
    """One issue-specific area of safeguarding (a 'silo') and the wording that shows a passage is about it."""

    key: str
    label: str
    patterns: tuple[re.Pattern, ...]
    short: str = ""


@dataclass(frozen=True)
class Route:
    """A referral route a document may name (MASH, MARAC, the CSE panel, ...)."""

    key: str
    label: str
    patterns: tuple[re.Pattern, ...]


@dataclass(frozen=True)
class Rule:
    """One check; ``title`` is the message a reader sees beside the passage it flags."""

    id: str
    title: str
    silo: tuple[str, ...]
    scope: str
    severity: str
    rationale: str
    source: str = ""
    patterns: tuple[re.Pattern, ...] = ()
    negations: tuple[re.Pattern, ...] = ()
    window: int = 5
    exceptions: tuple[re.Pattern, ...] = ()
    passage_exceptions: tuple[re.Pattern, ...] = ()
    requires_any: tuple[re.Pattern, ...] = ()
    when_covers: tuple[str, ...] = ()
    must_mention_any: tuple[str, ...] = ()
    must_have_heading_any: tuple[re.Pattern, ...] = ()
    compare: str = ""
    recognised_by: tuple[re.Pattern, ...] = ()
    contradicted_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    """One of appendix P's questions (next steps 4 a-e) asked of every document."""

    id: str
    text: str
    evidence: tuple[re.Pattern, ...]
    topic: tuple[re.Pattern, ...] = ()
    counter_rules: tuple[str, ...] = ()
    uses_cross_references: bool = False
    yes_at: int = 1


@dataclass(frozen=True)
class RuleSet:
    """Everything the checks need, validated and compiled."""

    version: int
    silos: dict[str, Silo]
    youth: tuple[re.Pattern, ...]
    routes: dict[str, Route]
    referral_cues: tuple[re.Pattern, ...]
    doc_types: re.Pattern
    rules: tuple[Rule, ...]
    questions: tuple[Question, ...]
    text: str = field(default="", repr=False)

    def rule(self, rule_id: str) -> Rule:
        return next(r for r in self.rules if r.id == rule_id)


def default_text() -> str:
    """The rules shipped with contextsafe (the starting point of every edited version)."""
    return resources.files("contextsafe.doccheck").joinpath("rules.yaml").read_text(encoding="utf-8")


def load(text: str | None = None) -> RuleSet:
    """Parse and validate rules written as YAML (the shipped ones when ``text`` is None).

    >>> ruleset = load()
    >>> "LANG-LIFESTYLE" in [r.id for r in ruleset.rules]
    True
    """
    text = default_text() if text is None else text
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise RulesError([f"not valid YAML: {error}"]) from error
    if not isinstance(raw, dict):
        raise RulesError(["the file must be a mapping with silos, youth, routes, rules and questions"])
    builder = _Builder()
    ruleset = builder.build(raw, text)
    if builder.problems:
        raise RulesError(builder.problems)
    return ruleset


class _Builder:
    """Turns the parsed YAML into typed records, noting every problem instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def patterns(self, where: str, values: Any) -> tuple[re.Pattern, ...]:
        if values is None:
            return ()
        if isinstance(values, str):
            values = [values]
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            self.problems.append(f"{where}: must be a list of regular expressions")
            return ()
        compiled = []
        for value in values:
            try:
                compiled.append(re.compile(value, re.IGNORECASE))
            except re.error as error:
                self.problems.append(f"{where}: pattern {value!r} is not a valid regular expression ({error})")
        return tuple(compiled)

    def build(self, raw: dict, text: str) -> RuleSet:
        silos = self.silos(raw.get("silos"))
        youth = self.patterns("youth", raw.get("youth"))
        routes = self.routes(raw.get("routes"))
        cues = self.patterns("referral_cues", raw.get("referral_cues"))
        doc_types = self.patterns("doc_types", raw.get("doc_types") or r"\b(strategy|protocol|procedure|policy)\b")
        rules = self.rules(raw.get("rules"), silos, youth)
        questions = self.questions(raw.get("questions"), {r.id for r in rules})
        version = raw.get("version", 1)
        if not isinstance(version, int):
            self.problems.append("version: must be a whole number")
            version = 0
        return RuleSet(version, silos, youth, routes, cues, doc_types[0] if doc_types else re.compile("$^"),
                       rules, questions, text)

    def silos(self, raw: Any) -> dict[str, Silo]:
        if not isinstance(raw, dict) or not raw:
            self.problems.append("silos: must name at least one silo, each with a label and patterns")
            return {}
        found = {}
        for key, value in raw.items():
            if not isinstance(value, dict) or not value.get("label") or not value.get("patterns"):
                self.problems.append(f"silos.{key}: needs a label and patterns")
                continue
            found[str(key)] = Silo(str(key), str(value["label"]), self.patterns(f"silos.{key}", value["patterns"]),
                                   str(value.get("short") or value["label"]))
        return found

    def routes(self, raw: Any) -> dict[str, Route]:
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            self.problems.append("routes: must be a mapping of route keys to a label and patterns")
            return {}
        found = {}
        for key, value in raw.items():
            if not isinstance(value, dict) or not value.get("label") or not value.get("patterns"):
                self.problems.append(f"routes.{key}: needs a label and patterns")
                continue
            found[str(key)] = Route(str(key), str(value["label"]), self.patterns(f"routes.{key}", value["patterns"]))
        return found

    def rules(self, raw: Any, silos: dict[str, Silo], youth: tuple[re.Pattern, ...]) -> tuple[Rule, ...]:
        if not isinstance(raw, list) or not raw:
            self.problems.append("rules: must be a list of at least one rule")
            return ()
        found: list[Rule] = []
        for number, value in enumerate(raw, start=1):
            rule = self.rule(number, value, silos, youth)
            if rule is None:
                continue
            if rule.id in {r.id for r in found}:
                self.problems.append(f"rules[{number}] {rule.id}: the id is used twice")
            found.append(rule)
        passage_rules = {r.id for r in found if r.scope == "passage"}
        for rule in found:
            for other in rule.contradicted_by:
                if other not in passage_rules:
                    self.problems.append(f"rules {rule.id}: contradicted_by names {other}, which is not a passage rule")
        return tuple(found)

    def rule(self, number: int, value: Any, silos: dict[str, Silo], youth: tuple) -> Rule | None:
        where = f"rules[{number}]"
        if not isinstance(value, dict):
            self.problems.append(f"{where}: must be a mapping")
            return None
        where = f"{where} {value.get('id', '(no id)')}"
        missing = [k for k in ("id", "title", "silo", "scope", "severity", "rationale") if not value.get(k)]
        if missing:
            self.problems.append(f"{where}: missing {', '.join(missing)}")
            return None
        if not re.fullmatch(r"[A-Z][A-Z0-9-]{1,40}", str(value["id"])):
            self.problems.append(f"{where}: id must be capitals, digits and hyphens (e.g. LANG-LIFESTYLE)")
        if value["scope"] not in SCOPES:
            self.problems.append(f"{where}: scope must be one of {', '.join(SCOPES)}")
        if value["severity"] not in SEVERITIES:
            self.problems.append(f"{where}: severity must be one of {', '.join(SEVERITIES)}")
        silo = tuple(value["silo"]) if isinstance(value["silo"], list) else (str(value["silo"]),)
        for key in (*silo, *value.get("when_covers", []), *value.get("must_mention_any", [])):
            if key not in silos:
                self.problems.append(f"{where}: unknown silo {key!r} (known: {', '.join(silos)})")
        window = value.get("window", 5)
        if not isinstance(window, int) or not 0 <= window <= 50:
            self.problems.append(f"{where}: window must be a whole number of words from 0 to 50")
            window = 5
        requires = value.get("requires_any")
        self._scope_fields(where, value)
        return Rule(
            id=str(value["id"]), title=str(value["title"]).strip(), silo=silo, scope=str(value["scope"]),
            severity=str(value["severity"]), rationale=str(value["rationale"]).strip(),
            source=str(value.get("source", "")), patterns=self.patterns(f"{where} patterns", value.get("patterns")),
            negations=self.patterns(f"{where} negations", value.get("negations")), window=window,
            exceptions=self.patterns(f"{where} exceptions", value.get("exceptions")),
            passage_exceptions=self.patterns(f"{where} passage_exceptions", value.get("passage_exceptions")),
            requires_any=youth if requires == "youth" else self.patterns(f"{where} requires_any", requires),
            when_covers=tuple(value.get("when_covers", [])), must_mention_any=tuple(value.get("must_mention_any", [])),
            must_have_heading_any=self.patterns(f"{where} must_have_heading_any", value.get("must_have_heading_any")),
            compare=str(value.get("compare", "")), recognised_by=self.patterns(f"{where} recognised_by",
                                                                              value.get("recognised_by")),
            contradicted_by=tuple(value.get("contradicted_by", [])))

    def _scope_fields(self, where: str, value: dict) -> None:
        scope = value["scope"]
        if scope == "passage" and not value.get("patterns"):
            self.problems.append(f"{where}: a passage rule needs patterns")
        if scope == "document":
            if not value.get("when_covers"):
                self.problems.append(f"{where}: a document rule needs when_covers (the silo it applies to)")
            if not value.get("must_mention_any") and not value.get("must_have_heading_any"):
                self.problems.append(f"{where}: a document rule needs must_mention_any or must_have_heading_any")
        if scope == "set" and value.get("compare") != "referral_routes" and not (
                value.get("recognised_by") and value.get("contradicted_by")):
            self.problems.append(f"{where}: a set rule needs compare: referral_routes, or recognised_by and "
                                 "contradicted_by")

    def questions(self, raw: Any, rule_ids: set[str]) -> tuple[Question, ...]:
        if not isinstance(raw, list):
            self.problems.append("questions: must list appendix P's questions a to e")
            return ()
        found = []
        for value in raw:
            if not isinstance(value, dict) or value.get("id") not in QUESTION_IDS or not value.get("text"):
                self.problems.append(f"questions: each needs an id (one of a-e) and its text; got {value!r:.60}")
                continue
            counter = tuple(value.get("counter_rules", []))
            for rule_id in counter:
                if rule_id not in rule_ids:
                    self.problems.append(f"questions.{value['id']}: counter rule {rule_id} is not defined")
            found.append(Question(
                id=value["id"], text=str(value["text"]).strip(),
                evidence=self.patterns(f"questions.{value['id']} evidence", value.get("evidence")),
                topic=self.patterns(f"questions.{value['id']} topic", value.get("topic")), counter_rules=counter,
                uses_cross_references=bool(value.get("uses_cross_references")), yes_at=int(value.get("yes_at", 1))))
        if sorted(q.id for q in found) != list(QUESTION_IDS) and not any("questions" in p for p in self.problems):
            self.problems.append("questions: appendix P asks five questions, a to e; each must appear once")
        return tuple(found)
