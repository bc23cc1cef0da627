"""Source mappings: one YAML file per agency export.

A mapping declares who holds the data and on what basis (agency, legal basis, information sharing
agreement, permitted purposes, retention), how the file is laid out, and how its columns and codes
become the canonical model. It is validated once, on load, with every problem reported together.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from contextsafe.errors import MappingError
from contextsafe.vocab import Purpose

_RETENTION = re.compile(r"^\s*(\d+)\s*(day|days|d|month|months|m|year|years|y)\s*$", re.IGNORECASE)
_DAYS_PER_UNIT = {"d": 1, "m": 31, "y": 366}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Column(_Strict):
    """Where a canonical field comes from: a column of the file, a constant, or a derived key."""

    column: str | None = None
    value: str | None = None
    derive: list[str] | None = None  # hash of these columns' values: a stable id when the export has none
    # With derive: identical values give the "same" id (one young person on several rows; a duplicated line
    # is then caught by R011), or "numbered" ids (~2, ~3: two searches of the same age band at one place and
    # time are two events).
    repeats: Literal["same", "numbered"] = "same"
    formats: list[str] | None = None  # date formats for this column only

    @model_validator(mode="after")
    def _exactly_one(self) -> Column:
        given = [x for x in (self.column, self.value, self.derive) if x is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of 'column', 'value' or 'derive'")
        return self

    @property
    def columns(self) -> list[str]:
        """Columns of the file this field reads."""
        if self.column is not None:
            return [self.column]
        return list(self.derive or [])


def _column(value: Any) -> Any:
    """Let a mapping write ``given_name: Forename`` as shorthand for ``{column: Forename}``."""
    return {"column": value} if isinstance(value, str) else value


FieldSpec = Annotated[Column, Field(default=None)]


class _Fields(_Strict):
    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {k: _column(v) if k in cls.model_fields and k not in _NOT_COLUMNS else v
                    for k, v in data.items()}
        return data

    def specs(self) -> dict[str, Column]:
        """The canonical fields this block fills, by name."""
        return {name: getattr(self, name) for name in type(self).model_fields
                if isinstance(getattr(self, name), Column)}


_NOT_COLUMNS = {"required"}


class RecordMapping(_Fields):
    """A young person named in the row (the subject of a referral, a victim, a named peer …)."""

    id: Column
    given_name: Column | None = None
    family_name: Column | None = None
    full_name: Column | None = None  # "Surname, Forename" or "Forename Surname" when the export has one cell
    other_names: Column | None = None
    date_of_birth: Column | None = None
    age_band: Column | None = None
    sex: Column | None = None
    ethnicity: Column | None = None
    postcode: Column | None = None
    address: Column | None = None
    school: Column | None = None
    recorded_on: Column | None = None
    role: Column | None = None
    influence: Column | None = None
    relation: Column | None = None
    required: list[str] = []


class EventMapping(_Fields):
    """What happened: an incident, referral, episode, list entry or form."""

    id: Column
    type: Column
    occurred_on: Column | None = None
    category: Column | None = None
    place_name: Column | None = None
    postcode: Column | None = None
    latitude: Column | None = None
    longitude: Column | None = None
    lsoa: Column | None = None
    ward: Column | None = None
    outcome: Column | None = None
    description: Column | None = None
    subject_age_band: Column | None = None
    subject_sex: Column | None = None
    subject_ethnicity: Column | None = None
    source_evaluation: Column | None = None
    intelligence_assessment: Column | None = None
    handling_code: Column | None = None
    required: list[str] = []


class ConcernMapping(_Strict):
    """Agency flag columns and how each agency code maps onto the controlled vocabulary."""

    columns: list[str]
    separator: str | None = None  # several codes in one cell, e.g. "CSE;MFH"
    codes: dict[str, str | None]  # agency code -> concern (None: a code that is deliberately not a concern)
    # Only rows whose column holds one of these values carry the flags (e.g. "Child Present" counts as
    # exposure to domestic abuse on DOMESTIC call-outs, not on other household disturbances).
    when: dict[str, list[str]] = {}


class ContextLink(_Strict):
    """A column naming a context the young person is associated with (a school, platform, household)."""

    kind: Literal["peer_group", "school", "place", "home", "online"]
    column: str
    type: Literal["attends", "member", "frequents", "resides", "uses"]
    record: int = 0  # which record block of the mapping it belongs to


class FileFormat(_Strict):
    type: Literal["csv", "xlsx"]
    encoding: Literal["auto", "utf-8", "utf-8-sig", "cp1252"] = "auto"
    delimiter: str = ","
    sheet: str | None = None
    header_row: int | Literal["auto"] = "auto"  # 1-based; "auto" finds the row holding the mapped columns


class SourceMapping(_Strict):
    """Everything contextsafe needs to know about one agency export."""

    source: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    agency: str
    description: str = ""
    legal_basis: str
    information_sharing_agreement: str
    permitted_purposes: list[Purpose] = Field(min_length=1)
    retention: str
    format: FileFormat
    file: str | None = None  # default path of the export, relative to the mapping
    date_formats: list[str] = ["%Y-%m-%d"]
    records: list[RecordMapping] = []
    event: EventMapping | None = None
    concerns: ConcernMapping | None = None
    contexts: list[ContextLink] = []
    values: dict[str, dict[str, str | None]] = {}  # canonical field -> {agency code: canonical value}

    @model_validator(mode="before")
    @classmethod
    def _single_record(cls, data: Any) -> Any:
        if isinstance(data, dict) and "record" in data:
            data = dict(data)
            record = data.pop("record")
            data["records"] = ([record] if record is not None else []) + list(data.get("records") or [])
        return data

    @field_validator("retention")
    @classmethod
    def _retention_parses(cls, value: str) -> str:
        if not _RETENTION.match(value):
            raise ValueError("write retention as a number and a unit, e.g. '6 years', '18 months', '400 days'")
        return value

    @model_validator(mode="after")
    def _holds_something(self) -> SourceMapping:
        if not self.records and self.event is None:
            raise ValueError("a mapping needs at least one 'record' block or an 'event' block")
        for link in self.contexts:
            if link.record >= max(len(self.records), 1):
                raise ValueError(f"context link on column {link.column!r} names record block {link.record}")
        return self

    @property
    def retention_days(self) -> int:
        """Retention period in days (months count 31 days, years 366, rounding towards keeping less)."""
        match = _RETENTION.match(self.retention)
        assert match is not None
        unit = match.group(2)[0].lower()
        return int(match.group(1)) * _DAYS_PER_UNIT[unit]

    def permits(self, purpose: Purpose) -> bool:
        """Whether this source may be processed for ``purpose``."""
        return purpose in self.permitted_purposes

    def columns(self) -> set[str]:
        """Every column of the file the mapping reads."""
        used: set[str] = set()
        for block in [*self.records, self.event]:
            if block is not None:
                for spec in block.specs().values():
                    used.update(spec.columns)
        if self.concerns:
            used.update(self.concerns.columns)
            used.update(self.concerns.when)
        used.update(link.column for link in self.contexts)
        return used


class LoadedMapping(BaseModel):
    """A validated mapping with where it came from and its fingerprint (saved with every ingest)."""

    model_config = ConfigDict(frozen=True)
    path: Path
    text: str
    sha256: str
    mapping: SourceMapping

    def default_file(self) -> Path | None:
        """The export the mapping names, resolved beside the mapping file."""
        if self.mapping.file is None:
            return None
        return (self.path.parent / self.mapping.file).resolve()


def load_mapping(path: str | Path) -> LoadedMapping:
    """Read and validate a mapping file, reporting every problem at once.

    Raises :class:`MappingError` naming the mapping and each problem's place in it.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise MappingError(str(path), [f"cannot be read as YAML: {exc}"]) from exc
    if not isinstance(data, dict):
        raise MappingError(str(path), ["the file must hold a YAML mapping (key: value pairs)"])
    try:
        mapping = SourceMapping.model_validate(data)
    except ValidationError as exc:
        raise MappingError(str(path), [_describe(err) for err in exc.errors()]) from None
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return LoadedMapping(path=path, text=text, sha256=digest, mapping=mapping)


def _describe(err: Any) -> str:
    where = ".".join(str(p) for p in err["loc"]) or "(top level)"
    return f"{where}: {err['msg']}"
