"""Ingest agency exports: validate, quarantine what is bad, load the rest, reconcile the counts."""

from contextsafe.ingest.check import CheckReport, check_source
from contextsafe.ingest.load import IngestReport, ingest_file
from contextsafe.ingest.rules import RULES, Rule
from contextsafe.ingest.transform import Problem

__all__ = ["RULES", "CheckReport", "IngestReport", "Problem", "Rule", "check_source", "ingest_file"]
