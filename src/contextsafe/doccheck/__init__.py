"""Strategic document checks (appendix P; step 3 of coordinating strategic approaches).

Read a partnership's strategies, protocols and guidance (DOCX, PDF, plain text), map which silos each covers,
find the cross-references between them and the ones missing, flag inconsistent language with the passage
quoted and the report's rationale, and answer appendix P's questions a-e for each document. The rules are
data (``rules.yaml``), so a partnership can edit them.

>>> from contextsafe.doccheck import check, from_text
>>> report = check([from_text("gangs.txt", "# Gangs Protocol\\nGang members have made a lifestyle choice.")])
>>> [f.rule for f in report.findings]
['LANG-LIFESTYLE', 'XREF-GANGS-CSE']
"""

from contextsafe.doccheck.check import Answer, CrossReference, Finding, Quote, Report, check
from contextsafe.doccheck.docs import rules_markdown
from contextsafe.doccheck.reading import Document, DocumentError, Passage, from_text, read, sniff
from contextsafe.doccheck.rules import Rule, RulesError, RuleSet, default_text
from contextsafe.doccheck.rules import load as load_rules

__all__ = ["Answer", "CrossReference", "Document", "DocumentError", "Finding", "Passage", "Quote", "Report", "Rule",
           "RuleSet", "RulesError", "check", "default_text", "from_text", "load_rules", "read", "rules_markdown",
           "sniff"]
