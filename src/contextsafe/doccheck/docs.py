"""The rules as a Markdown page, generated from the rules themselves so documentation and behaviour agree."""

from __future__ import annotations

from contextsafe.doccheck.rules import RuleSet
from contextsafe.doccheck.rules import load as load_rules


def rules_markdown(ruleset: RuleSet | None = None) -> str:
    """A Markdown page listing every silo, rule (with its rationale) and appendix P question.

    >>> "| LANG-LIFESTYLE |" in rules_markdown()
    True
    """
    ruleset = ruleset or load_rules()
    lines = ["# Strategic document checks: rules", "",
             f"Rules version {ruleset.version}. Generated from `contextsafe/doccheck/rules.yaml`.", "",
             "## Silos", "", "| key | silo |", "|---|---|"]
    lines += [f"| {s.key} | {s.label} |" for s in ruleset.silos.values()]
    lines += ["", "## Rules", "", "| rule | flags | scope | severity | rationale (from the report) |",
              "|---|---|---|---|---|"]
    lines += [f"| {r.id} | {r.title} | {r.scope} | {r.severity} | {_cell(r.rationale)} ({r.source}) |"
              for r in ruleset.rules]
    lines += ["", "## Questions asked of every document (appendix P, next steps 4)", ""]
    lines += [f"{q.id}. {q.text}" for q in ruleset.questions]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
