"""The controlled vocabularies every stage shares.

Agencies flag the same harm differently (that is the point of profiling across silos), so every
agency code is mapped, in its source mapping, onto one of these terms.
"""

from contextsafe.vocab.terms import (
    CONCERN_DESCRIPTIONS,
    AssociationType,
    Concern,
    ContextKind,
    EventType,
    HandlingCode,
    Influence,
    IntelligenceAssessment,
    Purpose,
    Role,
    Sex,
    SourceEvaluation,
)

__all__ = [
    "CONCERN_DESCRIPTIONS",
    "AssociationType",
    "Concern",
    "ContextKind",
    "EventType",
    "HandlingCode",
    "Influence",
    "IntelligenceAssessment",
    "Purpose",
    "Role",
    "Sex",
    "SourceEvaluation",
]
