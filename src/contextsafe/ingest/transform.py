"""Turn one chunk of an export into canonical rows, and set aside the rows that break a rule.

Everything here is vectorised over a chunk with polars: a row is only ever looked at alone when it
is quarantined. A row is accepted whole or quarantined whole, so the store never holds half a row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

import numpy as np
import polars as pl

from contextsafe.ingest import rules as R
from contextsafe.ingest.reading import BadRow, RowChunk, normalise_header
from contextsafe.sources import Column, LoadedMapping, RecordMapping
from contextsafe.vocab import (
    Concern,
    EventType,
    HandlingCode,
    Influence,
    IntelligenceAssessment,
    Role,
    Sex,
    SourceEvaluation,
)

ROW = "__row"
# Fields whose values are personal data: never quoted in messages or logs.
PERSONAL = frozenset({"given_name", "family_name", "full_name", "other_names", "date_of_birth", "postcode",
                      "address"})
CODES: dict[str, set[str]] = {
    "sex": {s.value for s in Sex},
    "subject_sex": {s.value for s in Sex},
    "role": {r.value for r in Role},
    "influence": {i.value for i in Influence},
    "relation": {"leads", "follows", "associates"},
    "type": {e.value for e in EventType},
    "source_evaluation": {s.value for s in SourceEvaluation},
    "intelligence_assessment": {s.value for s in IntelligenceAssessment},
    "handling_code": {s.value for s in HandlingCode},
}
DATES = {"date_of_birth", "recorded_on"}
DATETIMES = {"occurred_on"}
ISO_FORMATS = ["%Y-%m-%d", "%Y-%m-%d %H:%M:%S"]


@dataclass
class Problem:
    """One broken rule on one row: where, which rule, and the value when it is not personal data."""

    row_number: int
    column: str
    rule_id: str
    message: str
    value: str | None

    def __str__(self) -> str:
        quoted = f" (value {self.value!r})" if self.value is not None else ""
        column = f", column {self.column!r}" if self.column else ""
        return f"row {self.row_number}{column}: {self.message}{quoted} [{self.rule_id}]"


@dataclass
class ChunkResult:
    tables: dict[str, pl.DataFrame]
    accepted: int
    quarantine: pl.DataFrame
    problems: list[Problem] = field(default_factory=list)
    blank_rows: int = 0
    counts: pl.DataFrame | None = None  # rows per (rule_id, column, message, value-if-code)


class Transformer:
    """Applies one mapping to the chunks of one export."""

    def __init__(self, loaded: LoadedMapping, header: list[str], ingest_id: str, is_xlsx: bool,
                 today: dt.date | None = None):
        self.mapping = loaded.mapping
        self.source = self.mapping.source
        self.ingest_id = ingest_id
        self.today = today or dt.datetime.now(dt.UTC).date()
        self.header = _unique(header)
        by_norm = {normalise_header(h): h for h in reversed(self.header)}
        self.resolve = {c: by_norm[normalise_header(c)] for c in self.mapping.columns()
                        if normalise_header(c) in by_norm}
        self.formats = list(self.mapping.date_formats) + (ISO_FORMATS if is_xlsx else [])
        self.seen_keys = np.empty(0, dtype=np.uint64)
        self.occurrences: dict[str, pl.DataFrame] = {}

    # -- chunk ---------------------------------------------------------------------------------
    def apply(self, chunk: RowChunk) -> ChunkResult:
        """Canonical frames of the chunk's good rows, and the quarantine of its bad ones."""
        frame = _frame(chunk, self.header)
        errors: list[pl.DataFrame] = [self._too_long(frame)]
        out: dict[str, pl.DataFrame] = {}
        event = self._event(frame, errors) if self.mapping.event is not None else None
        blocks = [self._record(frame, block, errors, event) for block in self.mapping.records]
        self._duplicates(frame, event, blocks, errors)
        flags = self._concerns(frame, event, blocks, errors)
        bad = pl.concat(errors) if errors else _no_errors()
        bad_rows = set(bad[ROW].to_list())
        keep = ~frame[ROW].is_in(list(bad_rows))
        out.update(self._canonical(frame, event, blocks, flags, keep))
        quarantine = _quarantine(frame, bad, chunk.bad_rows, self.header)
        problems = [Problem(r, c, i, m, v) for r, c, i, m, v in bad.head(200).iter_rows()]
        problems += [Problem(b.row_number, "", b.rule_id, b.reason, None) for b in chunk.bad_rows[:50]]
        counts = bad.with_columns(pl.when(pl.col("rule_id") == R.CodeNotMapped.rule_id).then(pl.col("value"))
                                  .alias("value")).group_by(["rule_id", "column", "message", "value"]).len()
        return ChunkResult(out, int(keep.sum()), quarantine, problems, chunk.blank_rows, counts)

    # -- fields --------------------------------------------------------------------------------
    def _value(self, frame: pl.DataFrame, spec: Column | None) -> pl.Series | None:
        if spec is None:
            return None
        if spec.value is not None:
            return pl.Series([spec.value] * frame.height, dtype=pl.String)
        if spec.derive is not None:
            return self._derived_id(frame, spec.derive, number_repeats=spec.repeats == "numbered")
        return _text(frame[self.resolve[spec.column]])  # type: ignore[index]

    def _derived_id(self, frame: pl.DataFrame, derive: list[str], number_repeats: bool) -> pl.Series:
        """A stable id from the listed columns, for exports that have none.

        Identical rows are different events (two young people of the same age band searched together),
        so the n-th repeat of the same values in a file gets ``~n``: re-ingesting the file gives the
        same ids, and nothing is collapsed.
        """
        parts = [frame[self.resolve[c]].fill_null("") for c in derive]
        joined = pl.DataFrame(parts).select(pl.concat_str(pl.all(), separator="\x1f")).to_series()
        digests = pl.Series("d", [hashlib.sha1(v.encode("utf-8")).hexdigest()[:20]  # noqa: S324 - an id only
                                  for v in joined.to_list()], dtype=pl.String)
        if not number_repeats:
            return digests.alias("id")
        key = "|".join(derive)
        seen = self.occurrences.get(key, pl.DataFrame(schema={"d": pl.String, "n": pl.UInt32}))
        numbered = (pl.DataFrame([digests]).with_row_index("i")
                    .with_columns(pl.col("d").cum_count().over("d").cast(pl.UInt32).alias("k"))
                    .join(seen, on="d", how="left").sort("i")
                    .with_columns((pl.col("k") + pl.col("n").fill_null(0)).alias("occurrence")))
        self.occurrences[key] = pl.concat([seen, numbered.group_by("d").agg(pl.col("k").max().alias("n"))]
                                          ).group_by("d").agg(pl.col("n").sum())
        return numbered.select(pl.when(pl.col("occurrence") > 1)
                               .then(pl.col("d") + "~" + pl.col("occurrence").cast(pl.String))
                               .otherwise(pl.col("d"))).to_series().alias("id")

    def _column_name(self, spec: Column | None) -> str:
        if spec is None or spec.column is None:
            return ""
        return self.resolve.get(spec.column, spec.column)

    def _field(self, frame: pl.DataFrame, name: str, spec: Column | None, errors: list[pl.DataFrame],
               required: bool = False) -> pl.Series | None:
        values = self._value(frame, spec)
        if values is None:
            return None
        column = self._column_name(spec)
        personal = name in PERSONAL
        if required:
            errors.append(_errors(frame, values.is_null(), column, R.RequiredValueMissing, None))
        if name in DATES or name in DATETIMES:
            parsed = _parse_dates(values, (spec.formats if spec else None) or self.formats, name in DATETIMES)
            errors.append(_errors(frame, values.is_not_null() & parsed.is_null(), column, R.DateUnparseable,
                                  None if personal else values))
            future = parsed.cast(pl.Date) > self.today
            errors.append(_errors(frame, future.fill_null(False), column, R.DateInFuture, None))
            return parsed
        if name in CODES or name in self.mapping.values:
            mapped, unknown = _map_codes(values, self.mapping.values.get(name, {}), CODES.get(name))
            errors.append(_errors(frame, unknown, column, R.CodeNotMapped, values))
            return mapped
        if name == "postcode":
            normal = R.normalise_postcode(values)
            errors.append(_errors(frame, R.postcode_malformed(normal), column, R.PostcodeMalformed, None))
            return normal
        if name in ("latitude", "longitude"):
            number = values.cast(pl.Float64, strict=False)
            low, high = R.GB_LAT if name == "latitude" else R.GB_LON
            bad = values.is_not_null() & (number.is_null() | (number < low) | (number > high)).fill_null(True)
            errors.append(_errors(frame, bad, column, R.CoordinateOutsideGreatBritain, values))
            return number
        return values

    def _block(self, frame: pl.DataFrame, block: object, errors: list[pl.DataFrame]) -> dict[str, pl.Series]:
        required = set(getattr(block, "required", [])) | {"id"}
        if isinstance(block, RecordMapping) is False:
            required.add("type")
        fields: dict[str, pl.Series] = {}
        for name, spec in block.specs().items():  # type: ignore[attr-defined]
            values = self._field(frame, name, spec, errors, required=name in required)
            if values is not None:
                fields[name] = values
        return fields

    def _record(self, frame: pl.DataFrame, block: RecordMapping, errors: list[pl.DataFrame],
                event: dict[str, pl.Series] | None) -> dict[str, pl.Series]:
        """A record block's fields, with the checks that need several of them (age on the date recorded)."""
        fields = self._block(frame, block, errors)
        if "full_name" in fields:
            _split_full_name(fields)
        dob, made = fields.get("date_of_birth"), fields.get("recorded_on")
        if made is None and event is not None and "occurred_on" in event:
            made = event["occurred_on"].cast(pl.Date)
        if dob is not None and made is not None:
            when = made
            column = self._column_name(block.date_of_birth)
            errors.append(_errors(frame, (dob > when).fill_null(False), column, R.DateOfBirthAfterRecorded, None))
            too_old = (when - dob).dt.total_days() > R.MAX_AGE_YEARS * 366
            errors.append(_errors(frame, too_old.fill_null(False), column, R.NotAYoungPerson, None))
        return fields

    def _event(self, frame: pl.DataFrame, errors: list[pl.DataFrame]) -> dict[str, pl.Series]:
        return self._block(frame, self.mapping.event, errors)

    def _too_long(self, frame: pl.DataFrame) -> pl.DataFrame:
        parts = [_errors(frame, R.too_long(frame[c]), c, R.ValueTooLong, None) for c in self.header]
        return pl.concat(parts) if parts else _no_errors()

    def _duplicates(self, frame: pl.DataFrame, event: dict[str, pl.Series] | None,
                    blocks: list[dict[str, pl.Series]], errors: list[pl.DataFrame]) -> None:
        """Quarantine a row whose key (event id and record ids) an earlier row of the file already had.

        Keys are compared by a 64-bit hash kept in a sorted array, so a million-row file costs a few
        megabytes; a false duplicate needs a hash collision (about 1 in 10^7 for 10^6 rows).
        """
        keys = pl.DataFrame([s.alias(f"k{i}") for i, s in enumerate(([event["id"]] if event else []) +
                                                                    [b["id"] for b in blocks])])
        complete = keys.select(pl.all_horizontal(pl.all().is_not_null())).to_series()
        hashes = keys.hash_rows(seed=0).to_numpy()
        first = pl.Series(hashes).is_first_distinct().to_numpy()
        repeat = (~first) | np.isin(hashes, self.seen_keys, assume_unique=False)
        repeat &= complete.to_numpy()
        self.seen_keys = np.union1d(self.seen_keys, hashes[complete.to_numpy()])
        errors.append(_errors(frame, pl.Series(repeat), "", R.DuplicateKey, None))

    def _concerns(self, frame: pl.DataFrame, event: dict[str, pl.Series] | None,
                  blocks: list[dict[str, pl.Series]], errors: list[pl.DataFrame]) -> pl.DataFrame | None:
        spec = self.mapping.concerns
        if spec is None:
            return None
        lookup = {k.strip().casefold(): v for k, v in spec.codes.items()}
        allowed = {c.value for c in Concern}
        parts = []
        applies = pl.Series([True] * frame.height)
        for name, wanted in spec.when.items():
            applies &= _text(frame[self.resolve[name]]).str.to_lowercase().is_in([w.casefold() for w in wanted])
        for name in spec.columns:
            column = self.resolve[name]
            cells = frame.select(pl.col(ROW), _text(frame[column]).alias("code")).filter(applies.fill_null(False))
            if spec.separator:
                cells = cells.with_columns(pl.col("code").str.split(spec.separator)).explode("code")
            cells = cells.with_columns(pl.col("code").str.strip_chars()).filter(
                pl.col("code").is_not_null() & (pl.col("code") != ""))
            keyed = cells["code"].str.to_lowercase()
            known = keyed.is_in(list(lookup))
            concern = keyed.replace_strict(lookup, default=None, return_dtype=pl.String)
            bad = ~known | (concern.is_not_null() & ~concern.is_in(list(allowed)))
            errors.append(pl.DataFrame({ROW: cells[ROW].filter(bad), "column": column,
                                        "rule_id": R.CodeNotMapped.rule_id,
                                        "message": R.CodeNotMapped.message(),
                                        "value": cells["code"].filter(bad)}, schema=_ERROR_SCHEMA))
            parts.append(cells.with_columns(concern.alias("concern")).filter(known & concern.is_not_null()))
        flags = pl.concat(parts).rename({"code": "source_code"}).unique([ROW, "concern"], keep="first")
        ids = frame.select(ROW)
        ids = ids.with_columns((blocks[0]["id"] if blocks else pl.lit(None, pl.String)).alias("record_id"),
                               (event["id"] if event else pl.lit(None, pl.String)).alias("event_id"))
        return flags.join(ids, on=ROW, how="left")

    # -- output --------------------------------------------------------------------------------
    def _canonical(self, frame: pl.DataFrame, event: dict[str, pl.Series] | None,
                   blocks: list[dict[str, pl.Series]], flags: pl.DataFrame | None,
                   keep: pl.Series) -> dict[str, pl.DataFrame]:
        base = {"source": self.source, "ingest_id": self.ingest_id}
        out: dict[str, list[pl.DataFrame]] = {"records": [], "participants": [], "associations": []}
        if event is not None:
            ev = {"event_id": event["id"], "row_number": frame[ROW], "event_type": event["type"],
                  **{k: v for k, v in event.items() if k not in ("id", "type")}}
            out["events"] = [_table("events", ev, base, keep)]
        for index, block in enumerate(blocks):
            rec = {"record_id": block["id"], "row_number": frame[ROW],
                   **{k: v for k, v in block.items() if k not in ("id", "role", "influence", "relation")}}
            out["records"].append(_table("records", rec, base, keep))
            if event is not None:
                role = block.get("role", pl.Series([Role.SUBJECT.value] * frame.height, dtype=pl.String))
                part = {"event_id": event["id"], "record_id": block["id"], "role": role.fill_null("other"),
                        "influence": block.get("influence"), "relation": block.get("relation")}
                out["participants"].append(_table("participants", part, base, keep))
            out["associations"] += self._associations(frame, index, block, event, base, keep)
        if flags is not None:
            kept = flags.filter(pl.col(ROW).is_in(frame[ROW].filter(keep).to_list()))
            out["concern_flags"] = [_table("concern_flags", {c: kept[c] for c in
                                           ("record_id", "event_id", "concern", "source_code")}, base, None)]
        return {name: pl.concat(parts, how="vertical_relaxed") for name, parts in out.items() if parts}

    def _associations(self, frame: pl.DataFrame, index: int, block: dict[str, pl.Series],
                      event: dict[str, pl.Series] | None, base: dict[str, str], keep: pl.Series) -> list[pl.DataFrame]:
        observed = block.get("recorded_on")
        if observed is None and event is not None and "occurred_on" in event:
            observed = event["occurred_on"].cast(pl.Date)
        result = []
        for link in self.mapping.contexts:
            if link.record != index:
                continue
            ref = _text(frame[self.resolve[link.column]])
            rows = {"record_id": block["id"], "context_kind": link.kind, "context_ref": ref,
                    "association_type": link.type, "observed_on": observed}
            result.append(_table("associations", rows, base, keep & ref.is_not_null()))
        return result


_ERROR_SCHEMA = {ROW: pl.Int64, "column": pl.String, "rule_id": pl.String, "message": pl.String,
                 "value": pl.String}


def _no_errors() -> pl.DataFrame:
    return pl.DataFrame(schema=_ERROR_SCHEMA)


def _errors(frame: pl.DataFrame, mask: pl.Series, column: str, rule: type[R.Rule],
            values: pl.Series | None) -> pl.DataFrame:
    mask = mask.fill_null(False)
    if not mask.any():
        return _no_errors()
    quoted = values.filter(mask).cast(pl.String) if values is not None else None
    return pl.DataFrame({ROW: frame[ROW].filter(mask), "column": column, "rule_id": rule.rule_id,
                         "message": rule.message(), "value": quoted}, schema=_ERROR_SCHEMA)


def _unique(header: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in header:
        name = name.strip() or "unnamed"
        count = seen.get(name, 0)
        seen[name] = count + 1
        out.append(name if count == 0 else f"{name} ({count + 1})")
    return out


def _frame(chunk: RowChunk, header: list[str]) -> pl.DataFrame:
    columns = list(zip(*chunk.rows, strict=True)) if chunk.rows else [()] * len(header)
    data = {name: pl.Series(name, list(values), dtype=pl.String) for name, values in zip(header, columns, strict=True)}
    data[ROW] = pl.Series(ROW, chunk.row_numbers, dtype=pl.Int64)
    return pl.DataFrame(data)


def _text(values: pl.Series) -> pl.Series:
    stripped = values.str.strip_chars()
    return stripped.set(stripped == "", None)  # type: ignore[arg-type]


def _parse_dates(values: pl.Series, formats: list[str], with_time: bool) -> pl.Series:
    frame = pl.DataFrame({"v": values})
    attempts = []
    for fmt in formats:
        has_time = any(token in fmt for token in ("%H", "%M", "%S", "%I"))
        if has_time:
            parsed = pl.col("v").str.strptime(pl.Datetime("us"), fmt, strict=False, exact=True)
            attempts.append(parsed if with_time else parsed.cast(pl.Date))
        else:
            parsed = pl.col("v").str.strptime(pl.Date, fmt, strict=False, exact=True)
            attempts.append(parsed.cast(pl.Datetime("us")) if with_time else parsed)
    return frame.select(pl.coalesce(attempts).alias("v"))["v"]


def _map_codes(values: pl.Series, mapping: dict[str, str | None], allowed: set[str] | None
               ) -> tuple[pl.Series, pl.Series]:
    """Map agency codes onto canonical values; return (mapped, unknown mask)."""
    none = "\x00none"
    lookup = {} if allowed is None else {a.casefold(): a for a in allowed}
    lookup.update({k.strip().casefold(): (none if v is None else v) for k, v in mapping.items()})
    keyed = values.str.to_lowercase()
    mapped = keyed.replace_strict(lookup, default=None, return_dtype=pl.String)
    unknown = values.is_not_null() & mapped.is_null()
    if allowed is not None:
        unknown = unknown | (mapped.is_not_null() & (mapped != none) & ~mapped.is_in(list(allowed)))
    mapped = mapped.set(mapped == none, None)  # type: ignore[arg-type]
    return mapped, unknown


def _split_full_name(fields: dict[str, pl.Series]) -> None:
    """Split a one-cell name ("SMITH, Jo Ann" or "Jo Ann Smith") into given, other and family names."""
    split = [_name_parts(name) for name in fields.pop("full_name").to_list()]
    for index, name in enumerate(("given_name", "other_names", "family_name")):
        fields.setdefault(name, pl.Series([parts[index] for parts in split], dtype=pl.String))


def _name_parts(name: str | None) -> tuple[str | None, str | None, str | None]:
    if not name:
        return None, None, None
    if "," in name:
        family, _, rest = name.partition(",")
        given = rest.split()
    else:
        words = name.split()
        family, given = words[-1], words[:-1]
    return (given[0] if given else None), (" ".join(given[1:]) or None), (family.strip() or None)


def _table(name: str, values: dict[str, object], base: dict[str, str], keep: pl.Series | None) -> pl.DataFrame:
    from contextsafe.store import columns

    height = next(len(v) for v in values.values() if isinstance(v, pl.Series))
    data = {}
    for column in columns(name):
        value = values.get(column, base.get(column))
        data[column] = value if isinstance(value, pl.Series) else pl.Series([value] * height)
    frame = pl.DataFrame(data)
    return frame.filter(keep) if keep is not None else frame


def _quarantine(frame: pl.DataFrame, bad: pl.DataFrame, unreadable: list[BadRow], header: list[str]) -> pl.DataFrame:
    reasons = (bad.with_columns(pl.when(pl.col("column") != "")
                                .then(pl.format("column {}: {} [{}]", pl.col("column"), pl.col("message"),
                                                pl.col("rule_id")))
                                .otherwise(pl.format("{} [{}]", pl.col("message"), pl.col("rule_id")))
                                .alias("reason"))
               .group_by(ROW, maintain_order=True)
               .agg(pl.col("rule_id").unique(maintain_order=True).str.join(" ").alias("rules"),
                    pl.col("reason").str.join("; ").alias("reasons")))
    rows = frame.join(reasons, on=ROW, how="inner").with_columns(pl.lit(None, pl.String).alias("raw_line"))
    extra = pl.DataFrame({ROW: [b.row_number for b in unreadable], "rules": [b.rule_id for b in unreadable],
                          "reasons": [b.reason for b in unreadable], "raw_line": [b.raw for b in unreadable]},
                         schema={ROW: pl.Int64, "rules": pl.String, "reasons": pl.String, "raw_line": pl.String})
    ordered = [ROW, "rules", "reasons", *header, "raw_line"]
    return pl.concat([rows.select(ordered), extra], how="diagonal_relaxed").select(ordered).sort(ROW)
