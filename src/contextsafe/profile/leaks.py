"""The automatic check a partner version must pass before it is written.

Every name, date of birth, postcode, record identifier, address and exact location held in the store
(every source, used or not) is looked for in the text and tables of the redacted output; any hit
refuses the whole write with :class:`RedactionLeakError`, which names the kind of item and the file
or table — never the value. Words of the report's own vocabulary and of the public geography (ward,
school and bus stop names) are not names, so a surname such as "Hill" in "Parliament Hill School"
is not a leak; a full name (given name followed by family name) always is.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from contextsafe.errors import ContextsafeError
from contextsafe.profile.suppress import is_safe_count, small_prose_counts
from contextsafe.store import Workspace

_WORD = re.compile(r"(?<!\w)[^\W\d_]+(?:['’-][^\W\d_]+)*(?!\w)", re.UNICODE)  # not inside an alphanumeric code
_POSTCODE = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})\b")
_NUMERIC_DATE = re.compile(r"\b(\d{1,4})[-/.](\d{1,2})[-/.](\d{2,4})\b")
_COMPACT_DATE = re.compile(r"\b((?:19|20)\d{6})\b")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WORDY_DATE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_PAIR = re.compile(r"(-?\d{1,3}\.\d{5,})\s*,\s*(-?\d{1,3}\.\d{5,})")
_ID_TOKENS = (re.compile(r"[A-Za-z0-9/_\-.]+"), re.compile(r"[A-Za-z0-9_\-]+"))
_TAG_NAME = re.compile(r"</?[A-Za-z][\w:-]*")
MIN_NAME = 3  # a one- or two-letter name ("Ed", "Jo") is checked only as part of a full name


class RedactionLeakError(ContextsafeError):
    """The partner version would disclose personal data or a small count; nothing was written."""

    def __init__(self, kind: str, where: str, how_many: int = 1):
        self.kind = kind
        self.where = where
        self.how_many = how_many
        super().__init__(f"redaction check refused to write the partner version: {how_many} {kind} item(s) found "
                         f"in {where}. Nothing was written; fix the redaction (not the check) and run again.")


@dataclass(frozen=True)
class Secrets:
    """What must never appear in a partner version (held in memory only, never logged)."""

    name_words: frozenset[str]
    full_names: frozenset[tuple[str, str]]
    dates_of_birth: frozenset[dt.date]
    postcodes: frozenset[str]
    identifiers: frozenset[str]
    addresses: frozenset[str]
    locations: frozenset[tuple[float, float]]
    public_words: frozenset[str]


def collect_secrets(workspace: Workspace) -> Secrets:
    """Everything personal in the store, from every source (not only those the run used)."""
    with workspace.connect(read_only=True) as con:
        records = con.sql("SELECT given_name, family_name, other_names, date_of_birth, postcode, address, record_id, "
                          "latitude, longitude FROM records").pl()
        events = con.sql("SELECT event_id, postcode, latitude, longitude FROM events").pl()
        public = _public_names(con)
    return secrets_from(records, events, public)


def secrets_from(records: pl.DataFrame, events: pl.DataFrame, public: Iterable[str] = ()) -> Secrets:
    """Secrets from frames shaped like the ``records`` and ``events`` tables."""
    words: set[str] = set()
    full: set[tuple[str, str]] = set()
    for given, family, other in records.select("given_name", "family_name", "other_names").unique().iter_rows():
        g, f = _words(given), _words(family) | _words(other)
        words |= g | f
        full |= {(a, b) for a in g for b in f} | {(b, a) for a in g for b in f}
    postcodes = {_norm_postcode(p) for p in pl.concat([records["postcode"], events["postcode"]]).drop_nulls()}
    ids = {str(i) for i in pl.concat([records["record_id"], events["event_id"]]).drop_nulls().unique()}
    ids = {i for i in ids if not (i.isdigit() and len(i) < 6)}  # a short number is indistinguishable from a count
    locations = {(round(a, 5), round(b, 5)) for frame in (records, events)
                 for a, b in frame.select("latitude", "longitude").drop_nulls().unique().iter_rows()}
    return Secrets(
        name_words=frozenset(w for w in words if len(w) >= MIN_NAME),
        full_names=frozenset(full),
        dates_of_birth=frozenset(records["date_of_birth"].drop_nulls().unique().to_list()),
        postcodes=frozenset(p for p in postcodes if p),
        identifiers=frozenset(ids),
        addresses=frozenset(a.strip().lower() for a in records["address"].drop_nulls().unique() if len(a.strip()) > 5),
        locations=frozenset(locations),
        public_words=frozenset(_vocabulary() | {w for text in public for w in _words(text)}),
    )


def check_output(secrets: Secrets, texts: Mapping[str, str], tables: Mapping[str, tuple[pl.DataFrame, Iterable[str]]],
                 threshold: int) -> None:
    """Raise :class:`RedactionLeakError` at the first kind of leak found in ``texts`` (file -> text) or
    ``tables`` (name -> (frame, count columns)); return quietly if the output is clean."""
    for name, (frame, counts) in tables.items():
        for column in counts:
            bad = [v for v in frame[column].to_list() if not is_safe_count(v, threshold)]
            if bad:
                raise RedactionLeakError("small count", f"table {name!r}, column {column!r}", len(bad))
        texts = {**texts, f"table {name!r}": _table_text(frame)}
    for where, text in texts.items():
        for kind, found in _scan(secrets, text):
            if found:
                raise RedactionLeakError(kind, where, found)
        if small := small_prose_counts(text, threshold):
            raise RedactionLeakError("small count", f"{where} (written in a sentence)", small)


def _scan(secrets: Secrets, text: str) -> Iterable[tuple[str, int]]:
    prose = _TAG_NAME.sub(" ", text)  # "<li>…</li><li>" is not the name "Li Li"; attribute values stay
    words = [w.lower() for w in _WORD.findall(prose)]
    single = _words(prose)
    yield "name", len({w for w in single if w in secrets.name_words and w not in secrets.public_words}) + \
        len({pair for pair in zip(words, words[1:], strict=False) if pair in secrets.full_names})
    yield "date of birth", len(_dates(text) & secrets.dates_of_birth)
    yield "postcode", len({a + b for a, b in _POSTCODE.findall(text.upper())} & secrets.postcodes)
    tokens = {t.strip(".-/") for pattern in _ID_TOKENS for t in pattern.findall(text)}
    tokens |= {part for t in tokens if "/" in t for part in _slash_runs(t)}
    yield "record identifier", len(tokens & secrets.identifiers)
    yield "address", _addresses(secrets.addresses, text, single)
    pairs = {(round(float(a), 5), round(float(b), 5)) for a, b in _PAIR.findall(text)}
    yield "exact location", len({p for p in pairs if p in secrets.locations or p[::-1] in secrets.locations})


def _addresses(addresses: frozenset[str], text: str, words: set[str]) -> int:
    """Addresses found verbatim; only those whose every word is in the text are searched for (fast)."""
    lower = text.lower()
    candidates = (a for a in addresses if _words(a) <= words)
    return sum(1 for a in candidates if a in lower)


def _slash_runs(token: str) -> set[str]:
    """Every run of '/'-separated parts: ``a/B/0042`` gives ``B/0042``, ``a/B`` … (an identifier inside a path)."""
    parts = token.split("/")
    return {"/".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)}


def _dates(text: str) -> set[dt.date]:
    found: set[dt.date] = set()
    for a, b, c in _NUMERIC_DATE.findall(text):
        for y, m, d in ((a, b, c), (c, b, a), (c, a, b)):
            found |= _date(y, m, d)
    for (compact,) in [(m,) for m in _COMPACT_DATE.findall(text)]:
        found |= _date(compact[:4], compact[4:6], compact[6:])
    for d, month, y in _WORDY_DATE.findall(text):
        if month[:3].lower() in _MONTHS:
            found |= _date(y, str(_MONTHS.index(month[:3].lower()) + 1), d)
    return found


def _date(y: str, m: str, d: str) -> set[dt.date]:
    year = int(y) + (2000 if len(y) == 2 and int(y) < 50 else 1900 if len(y) == 2 else 0)
    try:
        return {dt.date(year, int(m), int(d))}
    except ValueError:
        return set()


def _words(text: str | None) -> set[str]:
    whole = [w.lower() for w in _WORD.findall(text or "")]
    return set(whole) | {part for w in whole for part in re.split(r"['’-]", w) if part}


def _norm_postcode(text: str) -> str:
    return re.sub(r"\s+", "", str(text)).upper()


def _table_text(frame: pl.DataFrame) -> str:
    return "\n".join(" | ".join("" if v is None else str(v) for v in row) for row in frame.iter_rows())


def _public_names(con) -> set[str]:  # noqa: ANN001 - a DuckDB connection
    names: set[str] = set()
    for sql in ("SELECT name FROM ref_areas", "SELECT name FROM ref_bus_stops", "SELECT name FROM contexts "
                "WHERE kind = 'school'", "SELECT concat_ws(' ', source, agency, description, legal_basis, "
                "information_sharing_agreement, replace(source, '_', ' ')) FROM sources"):
        try:
            names |= {r[0] for r in con.execute(sql).fetchall() if r[0]}
        except Exception:  # noqa: BLE001, S112 - a workspace without reference tables has no public names
            continue
    return names


def _vocabulary() -> set[str]:
    """Words of the report's own text: every word written in the modules whose sentences it quotes (profile,
    overlap, contexts, places, vocabulary), and the entity names of HTML (``&amp;``)."""
    import contextsafe

    root = Path(contextsafe.__file__).parent
    words: set[str] = {"amp", "lt", "gt", "quot", "nbsp"}
    for folder in ("profile", "overlap", "contexts", "places", "vocab"):
        for path in (root / folder).glob("*.py"):
            words |= _words(path.read_text(encoding="utf-8"))
    return words
