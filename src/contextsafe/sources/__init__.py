"""Source mappings: declared per agency export, validated on load, checked against their files."""

from contextsafe.sources.mapping import (
    Column,
    ConcernMapping,
    ContextLink,
    EventMapping,
    FileFormat,
    LoadedMapping,
    RecordMapping,
    SourceMapping,
    load_mapping,
)

__all__ = [
    "Column",
    "ConcernMapping",
    "ContextLink",
    "EventMapping",
    "FileFormat",
    "LoadedMapping",
    "RecordMapping",
    "SourceMapping",
    "load_mapping",
]
