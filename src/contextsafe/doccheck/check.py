"""Checking a set of documents: the silo map, cross-references found and missing, flagged passages, and the
answers to appendix P's questions a-e for each document. The result is plain data (``to_dict``) so the web
application can store it beside the rules version that produced it."""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import asdict, dataclass, field

from contextsafe.doccheck.matching import any_match, passage_hits, routes_in, silos_in
from contextsafe.doccheck.reading import Document, Passage
from contextsafe.doccheck.rules import Question, Rule, RuleSet
from contextsafe.doccheck.rules import load as load_rules

QUOTE_LIMIT = 600


@dataclass(frozen=True)
class Quote:
    """A passage quoted as evidence, with where to find it."""

    document: str
    where: str
    heading: str
    text: str

    @classmethod
    def of(cls, document: Document, passage: Passage, text: str | None = None) -> Quote:
        quoted = text or passage.text
        if len(quoted) > QUOTE_LIMIT:
            quoted = quoted[:QUOTE_LIMIT].rsplit(" ", 1)[0] + " …"
        return cls(document.name, passage.where, passage.heading if not passage.is_heading else "", quoted)


@dataclass(frozen=True)
class Finding:
    """One thing a rule flags: a passage (passage rules), a document or a pair of documents."""

    rule: str
    title: str
    severity: str
    rationale: str
    documents: tuple[str, ...]
    detail: str
    quotes: tuple[Quote, ...] = ()
    wording: str = ""
    sentence: str = ""


@dataclass(frozen=True)
class CrossReference:
    """A passage of one document that refers to another silo (and, when it names one, to its document)."""

    document: str
    silo: str
    names_document: bool
    uploaded: tuple[str, ...]
    quote: Quote


@dataclass(frozen=True)
class Answer:
    """The answer to one of appendix P's questions for one document: yes, partly, no or not addressed."""

    question: str
    text: str
    answer: str
    why: str
    evidence: tuple[Quote, ...] = ()


@dataclass
class DocumentResult:
    name: str
    kind: str
    title: str
    passages: int
    main_silos: list[str]
    mentions: dict[str, list[Quote]]
    cross_references: list[CrossReference] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)


@dataclass
class Report:
    """The whole check of a set of documents."""

    rules_version: int
    silos: dict[str, str]
    documents: list[DocumentResult]
    findings: list[Finding]
    silo_short: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)

    def fired(self, rule_id: str) -> list[Finding]:
        return [f for f in self.findings if f.rule == rule_id]


def main_silos(ruleset: RuleSet, document: Document) -> list[str]:
    """The silos a document is mainly about: those named in its title or file name; failing that, the silo
    its passages mention most (at least twice)."""
    named = silos_in(ruleset, f"{document.title} {document.name.rsplit('.', 1)[0].replace('_', ' ')}")
    if named:
        return named
    counts = Counter(k for p in document.passages for k in silos_in(ruleset, p.text))
    top = counts.most_common(1)
    return [top[0][0]] if top and top[0][1] >= 2 else []


def _mentions(ruleset: RuleSet, document: Document) -> dict[str, list[Quote]]:
    found: dict[str, list[Quote]] = {}
    for passage in document.passages:
        for key in silos_in(ruleset, passage.text):
            found.setdefault(key, []).append(Quote.of(document, passage))
    return found


def _passage_findings(rule: Rule, document: Document) -> list[Finding]:
    found = []
    for passage in document.passages:
        if passage.is_heading:
            continue
        hits = passage_hits(rule, passage.text)
        if hits:
            sentence, wording = hits[0]
            found.append(Finding(rule.id, rule.title, rule.severity, rule.rationale, (document.name,),
                                 f"“{wording}” in {passage.where}", (Quote.of(document, passage),), wording, sentence))
    return found


def _document_finding(rule: Rule, ruleset: RuleSet, result: DocumentResult, document: Document) -> Finding | None:
    if not set(rule.when_covers) & set(result.main_silos):
        return None
    if rule.must_mention_any and set(rule.must_mention_any) & set(result.mentions):
        return None
    if rule.must_have_heading_any and any(any_match(rule.must_have_heading_any, h.text) for h in document.headings):
        return None
    wanted = [ruleset.silos[k].label for k in rule.must_mention_any]
    if rule.must_mention_any:
        detail = f"{document.title} never mentions " + " or ".join(wanted)
    else:
        detail = f"{document.title} has no heading for it (headings: " + \
            "; ".join(h.text for h in document.headings[:12]) + ")"
    return Finding(rule.id, rule.title, rule.severity, rule.rationale, (document.name,), detail)


def _route_findings(rule: Rule, ruleset: RuleSet, documents: list[Document]) -> list[Finding]:
    routes: dict[str, tuple[list[str], list[Quote]]] = {}
    for document in documents:
        named, quotes = [], []
        for passage in document.passages:
            here = routes_in(ruleset, passage.text)
            if here:
                named += [r for r in here if r not in named]
                quotes.append(Quote.of(document, passage))
        if named:
            routes[document.name] = (named, quotes)
    found = []
    for (one, (r1, q1)), (two, (r2, q2)) in itertools.combinations(routes.items(), 2):
        if set(r1) & set(r2):
            continue
        labels = [", ".join(ruleset.routes[r].label for r in rs) for rs in (r1, r2)]
        found.append(Finding(rule.id, rule.title, rule.severity, rule.rationale, (one, two),
                             f"{one} refers to {labels[0]}; {two} refers to {labels[1]}", (*q1[:2], *q2[:2])))
    return found


def _position_findings(rule: Rule, documents: list[Document], findings: list[Finding]) -> list[Finding]:
    """Pairs of documents where one takes the position (``recognised_by``) and another is flagged by a rule
    that contradicts it (``contradicted_by``)."""
    taking = {}
    for document in documents:
        passage = next((p for p in document.passages if any_match(rule.recognised_by, p.text)), None)
        if passage is not None:
            taking[document.name] = Quote.of(document, passage)
    flagged: dict[str, Finding] = {}
    for finding in findings:
        if finding.rule in rule.contradicted_by and len(finding.documents) == 1:
            flagged.setdefault(finding.documents[0], finding)
    found = []
    for one, quote in taking.items():
        for two, against in flagged.items():
            if one != two:
                found.append(Finding(rule.id, rule.title, rule.severity, rule.rationale, (one, two),
                                     f"{one} takes the position ({quote.where}); {two} does not "
                                     f"({against.rule}: {against.detail})", (quote, *against.quotes)))
    return found


def _cross_references(ruleset: RuleSet, result: DocumentResult, documents: list[Document]) -> list[CrossReference]:
    covering = {k: [d.name for d in documents if d.name != result.name and k in main_silos(ruleset, d)]
                for k in ruleset.silos}
    found = []
    for key, quotes in result.mentions.items():
        if key in result.main_silos:
            continue
        for quote in quotes:
            names = bool(ruleset.doc_types.search(quote.text))
            found.append(CrossReference(result.name, key, names, tuple(covering[key]), quote))
    return found


def _answer(question: Question, result: DocumentResult, document: Document, findings: list[Finding]) -> Answer:
    evidence = [Quote.of(document, p) for p in document.passages if any_match(question.evidence, p.text)]
    against = [f for f in findings if f.rule in question.counter_rules and result.name in f.documents]
    topic = (not question.topic) or any(any_match(question.topic, p.text) for p in document.passages)
    if question.uses_cross_references:
        refs = [x for x in result.cross_references if x.names_document]
        evidence = [x.quote for x in refs[:3]] + evidence
        strength = (1 if refs else 0) + (1 if len(evidence) > len(refs[:3]) else 0)
        yes = strength == 2
    else:
        strength = len(evidence)
        yes = strength >= question.yes_at
    against_text = "; ".join(sorted({f.rule for f in against}))
    if not topic and not evidence:
        return Answer(question.id, question.text, "not addressed", "the document does not discuss this")
    if yes and not against:
        return Answer(question.id, question.text, "yes", f"{len(evidence)} passage(s) show it", tuple(evidence[:4]))
    if strength and (against or not yes):
        why = f"{len(evidence)} passage(s) show it" + (f", but flagged by {against_text}" if against else
                                                       ", but not consistently")
        return Answer(question.id, question.text, "partly", why, tuple(evidence[:4]))
    return Answer(question.id, question.text, "no",
                  f"flagged by {against_text}" if against else "no passage shows it", tuple(evidence[:4]))


def check(documents: list[Document], ruleset: RuleSet | None = None) -> Report:
    """Check a set of documents against the rules (the shipped ones when ``ruleset`` is None)."""
    ruleset = ruleset or load_rules()
    results = [DocumentResult(d.name, d.kind, d.title, len(d.passages), main_silos(ruleset, d),
                              _mentions(ruleset, d)) for d in documents]
    findings: list[Finding] = []
    for rule in ruleset.rules:
        if rule.scope == "passage":
            findings += [f for d in documents for f in _passage_findings(rule, d)]
        elif rule.scope == "document":
            findings += [f for r, d in zip(results, documents, strict=True)
                         if (f := _document_finding(rule, ruleset, r, d))]
    for rule in ruleset.rules:
        if rule.scope == "set" and rule.compare == "referral_routes":
            findings += _route_findings(rule, ruleset, documents)
        elif rule.scope == "set":
            findings += _position_findings(rule, documents, findings)
    covered = {k for r in results for k in r.main_silos}
    for result in results:
        result.cross_references = _cross_references(ruleset, result, documents)
        result.missing = sorted(k for k in covered - set(result.main_silos) - set(result.mentions))
    for result, document in zip(results, documents, strict=True):
        result.answers = [_answer(q, result, document, findings) for q in ruleset.questions]
    return Report(ruleset.version, {k: s.label for k, s in ruleset.silos.items()}, results, findings,
                  {k: s.short for k, s in ruleset.silos.items()})
