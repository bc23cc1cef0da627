"""Exact-combination counts (UpSet intersections) and inclusive totals of distinct young people."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal

import duckdb
import polars as pl

from contextsafe.errors import ContextsafeError
from contextsafe.overlap.membership import COUNTED_ROLES, ExcludedSource, memberships, split_sources
from contextsafe.store import Workspace
from contextsafe.vocab import Concern, Purpose

By = Literal["concern", "panel"]

# Gang association and serious youth violence as one silo, as many partnerships run them.
GANGS_SYV = "gangs_syv"
GANGS_SYV_GROUPING: Mapping[str, str] = {
    Concern.GANG_ASSOCIATION: GANGS_SYV,
    Concern.SERIOUS_YOUTH_VIOLENCE: GANGS_SYV,
}

PERSONS = "persons"
COMBINATION = "combination"
SEPARATOR = " & "


@dataclass(frozen=True)
class Overlap:
    """Distinct young people by combination of lists, for one purpose.

    ``combinations`` has one 0/1 column per label (in ``labels`` order, largest list first), then
    ``persons`` (young people whose set of lists is exactly that combination) and ``combination``.
    """

    by: By
    purpose: Purpose
    labels: tuple[str, ...]
    combinations: pl.DataFrame
    excluded: tuple[ExcludedSource, ...] = ()
    grouping: Mapping[str, str] = field(default_factory=dict)

    @property
    def union(self) -> int:
        """Distinct young people on at least one list."""
        return int(self.combinations[PERSONS].sum()) if self.labels else 0

    @property
    def on_several(self) -> int:
        """Distinct young people on more than one list."""
        if not self.labels:
            return 0
        degree = pl.sum_horizontal(*[pl.col(label) for label in self.labels])
        return int(self.combinations.filter(degree > 1)[PERSONS].sum())

    def totals(self) -> pl.DataFrame:
        """Per list: ``persons`` on it (inclusive) and ``only_this`` (on it and on no other list)."""
        rows = [(label, self.total(label), self.only_on(label)) for label in self.labels]
        return pl.DataFrame(rows, schema={"label": pl.String, PERSONS: pl.Int64, "only_this": pl.Int64},
                            orient="row")

    def total(self, *labels: str) -> int:
        """Young people on every one of ``labels`` (and possibly others): 15 for ``total("cse", "gang…")``."""
        mask = pl.lit(True)
        for label in labels:
            mask = mask & (pl.col(label) == 1)
        return int(self.combinations.filter(mask)[PERSONS].sum())

    def only_on(self, label: str) -> int:
        """Young people on ``label`` and on no other list."""
        others = [pl.col(o) for o in self.labels if o != label]
        only = (pl.col(label) == 1) & (pl.sum_horizontal(*others) == 0 if others else pl.lit(True))
        return int(self.combinations.filter(only)[PERSONS].sum())

    def pairs(self) -> pl.DataFrame:
        """Every pair of lists with the young people on both, largest first (pairs with none left out)."""
        rows = [(a, b, self.total(a, b)) for i, a in enumerate(self.labels) for b in self.labels[i + 1:]]
        frame = pl.DataFrame(rows, schema={"a": pl.String, "b": pl.String, "both": pl.Int64}, orient="row")
        return frame.filter(pl.col("both") > 0).sort("both", descending=True, maintain_order=True)


def compute_overlap(
    con_or_workspace: duckdb.DuckDBPyConnection | Workspace,
    *,
    by: By = "concern",
    purpose: Purpose | str = Purpose.PROFILING,
    grouping: Mapping[str, str] | None = None,
    panels: Mapping[str, str] | None = None,
    only: Iterable[str] | None = None,
    roles: tuple[str, ...] = COUNTED_ROLES,
) -> Overlap:
    """Count distinct young people per combination of concerns (``by="concern"``) or panels.

    ``grouping`` maps a concern or panel onto a silo (e.g. :data:`GANGS_SYV_GROUPING`); ``panels`` maps
    source -> panel name (default: sources with panel or Fair Access events, named by the event's
    category, else by the source); ``only`` keeps those lists (after grouping) and drops the rest.
    Sources whose permitted purposes do not include ``purpose`` are left out and listed in ``excluded``.
    """
    if by not in ("concern", "panel"):
        raise ContextsafeError(f"overlap: 'by' must be 'concern' or 'panel', not {by!r}")
    purpose = Purpose(purpose)
    with _connection(con_or_workspace) as con:
        permitted, excluded = split_sources(con, purpose)
        pairs = memberships(con, by, permitted, panels=panels, roles=roles)
    grouping = dict(grouping or {})
    pairs = _group(pairs, grouping, only)
    labels, combinations = _combinations(pairs)
    return Overlap(by, purpose, labels, combinations, tuple(excluded), grouping)


def overlap_table(
    con_or_workspace: duckdb.DuckDBPyConnection | Workspace,
    *,
    by: By = "concern",
    purpose: Purpose | str = Purpose.PROFILING,
    grouping: Mapping[str, str] | None = None,
    panels: Mapping[str, str] | None = None,
    only: Iterable[str] | None = None,
) -> pl.DataFrame:
    """The exact-combination table of :func:`compute_overlap` (one row per combination observed)."""
    return compute_overlap(
        con_or_workspace, by=by, purpose=purpose, grouping=grouping, panels=panels, only=only
    ).combinations


@contextmanager
def _connection(con_or_workspace: duckdb.DuckDBPyConnection | Workspace) -> Iterator[duckdb.DuckDBPyConnection]:
    if isinstance(con_or_workspace, Workspace):
        with con_or_workspace.connect(read_only=True) as con:
            yield con
    else:
        yield con_or_workspace


def _group(pairs: pl.DataFrame, grouping: Mapping[str, str], only: Iterable[str] | None) -> pl.DataFrame:
    if grouping:
        pairs = pairs.with_columns(pl.col("label").replace({str(k): v for k, v in grouping.items()}))
    if only is not None:
        pairs = pairs.filter(pl.col("label").is_in([str(o) for o in only]))
    return pairs.unique()


def _combinations(pairs: pl.DataFrame) -> tuple[tuple[str, ...], pl.DataFrame]:
    """Labels ordered by list size, and one row per exact combination."""
    sizes = pairs.group_by("label").agg(pl.len().alias("n")).sort(["n", "label"], descending=[True, False])
    labels = tuple(sizes["label"].to_list())
    _check_names(labels)
    rank = {label: i for i, label in enumerate(labels)}
    per_person = (
        pairs.with_columns(pl.col("label").replace_strict(rank, return_dtype=pl.Int64).alias("rank"))
        .sort(["person", "rank"])
        .group_by("person", maintain_order=True)
        .agg(pl.col("label"), pl.col("label").str.join(SEPARATOR).alias(COMBINATION))
    )
    combos = per_person.group_by(COMBINATION).agg(pl.first("label"), pl.len().alias(PERSONS))
    flags = [pl.col("label").list.contains(label).cast(pl.Int64).alias(label) for label in labels]
    degree = pl.col("label").list.len()
    combos = combos.sort([pl.col(PERSONS), degree, pl.col(COMBINATION)], descending=[True, False, False])
    return labels, combos.select(*flags, pl.col(PERSONS).cast(pl.Int64), COMBINATION)


def _check_names(labels: tuple[str, ...]) -> None:
    clash = {PERSONS, COMBINATION, "label"} & set(labels)
    if clash:
        raise ContextsafeError(f"overlap: a list is named {sorted(clash)}, which is a column name; rename it "
                               "with the grouping or panels mapping")
