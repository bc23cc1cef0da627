"""Contexts drawn out of case notes.

A note about a young person is read against a gazetteer built from the workspace store — the linked young
people and the names their records give them, school contexts, and the real geography (bus stops,
stations, wards) — with fuzzy matching (rapidfuzz) and rules for the themes of a contextual assessment.
The result is suggestions (span, kind, candidate entity, score, evidence), never decisions: a
practitioner confirms or rejects each, and only confirmed ones become associations, under the purpose
the note was recorded for.

Typical use::

    with ws.connect(read_only=True) as con:
        gaz = build_gazetteer(duckdb_query(con), sources=permitted)
        for s in extract(note_text, gaz, subject="P-…"):
            s.kind, s.text, s.entity_id, s.score, s.evidence
"""

from contextsafe.casenotes.export import CONFIRMED_SOURCE, export_associations
from contextsafe.casenotes.extract import Suggestion, extract
from contextsafe.casenotes.gazetteer import Gazetteer, build_gazetteer, duckdb_query, known_peers
from contextsafe.casenotes.themes import THEME_CUES, find_themes

__all__ = [
    "CONFIRMED_SOURCE",
    "THEME_CUES",
    "Gazetteer",
    "Suggestion",
    "build_gazetteer",
    "duckdb_query",
    "export_associations",
    "extract",
    "find_themes",
    "known_peers",
]
