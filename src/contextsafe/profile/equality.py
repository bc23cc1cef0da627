"""Equality monitoring: who is on each list, against the borough's young population.

For every list (concern, panel), peer group table and profile table, the breakdown by ethnicity, sex
and age band, with the ratio of each group's share on the list to its share of the young population.
A group is flagged over-represented when that ratio is at least ``ratio`` (default 1.5) and the list
holds at least ``min_count`` of them. This is the check that was missing from the Metropolitan Police
"Gangs Matrix" (78% Black against 27% of those responsible for serious youth violence): it must be
read before anyone acts on a list.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from contextsafe.profile.groups import age_band, broad_ethnicity, sex_label

DIMENSIONS = ("ethnicity", "sex", "age_band")
NOT_RECORDED = "not recorded"
GANGS_MATRIX_LESSON = ("The Metropolitan Police Gangs Matrix listed young people who were 78% Black, against 27% of "
                       "those responsible for serious youth violence (Amnesty International, 2018; ICO enforcement "
                       "notice, 2018). Read these ratios before acting on any list.")


@dataclass(frozen=True)
class Population:
    """The denominator: one row per young person of the borough (ethnicity, sex, age_band), and where it came from."""

    people: pl.DataFrame
    description: str


def population_from_csv(path: Path, period_end) -> Population:  # noqa: ANN001 - a date
    """A population file with ``ethnicity``, ``sex`` and ``date_of_birth`` columns (one row per young person)."""
    frame = pl.read_csv(path, columns=["ethnicity", "sex", "date_of_birth"], try_parse_dates=True,
                        schema_overrides={"ethnicity": pl.String, "sex": pl.String})
    people = frame.select(
        pl.col("ethnicity").map_elements(broad_ethnicity, return_dtype=pl.String),
        pl.col("sex").map_elements(sex_label, return_dtype=pl.String),
        pl.col("date_of_birth").map_elements(lambda d: age_band(d, period_end), return_dtype=pl.String)
        .alias("age_band"))
    return Population(people, f"{path.name}: {people.height:,} young people (one row each)")


def population_from_persons(persons: pl.DataFrame) -> Population:
    """Fallback denominator: every young person known to the permitted sources (biased towards those known)."""
    return Population(persons.select(*DIMENSIONS),
                      f"every linked young person in the permitted sources ({persons.height:,}); no population "
                      "file was found, so this denominator over-represents young people already known to agencies")


def breakdown(list_name: str, members: pl.DataFrame, population: Population, *, ratio: float = 1.5,
              min_count: int = 5) -> pl.DataFrame:
    """Rows: list, dimension, group, count, share, population_share, ratio, over_represented.

    Shares are among those whose group is recorded; a last row per dimension counts the not recorded.
    """
    frames = []
    for dim in DIMENSIONS:
        on_list = members.group_by(dim).agg(pl.len().cast(pl.Int64).alias("count"))
        base = population.people.group_by(dim).agg(pl.len().alias("pop"))
        known_list = on_list.filter(pl.col(dim) != "Unknown")["count"].sum() or 0
        known_pop = base.filter(pl.col(dim) != "Unknown")["pop"].sum() or 0
        frame = (on_list.join(base, on=dim, how="full", coalesce=True).with_columns(
            pl.col("count").fill_null(0), pl.col("pop").fill_null(0)).filter(pl.col(dim) != "Unknown")
            .with_columns((pl.col("count") / known_list if known_list else pl.lit(0.0)).alias("share"),
                          (pl.col("pop") / known_pop if known_pop else pl.lit(0.0)).alias("population_share")))
        frame = frame.with_columns(pl.when(pl.col("population_share") > 0)
                                   .then(pl.col("share") / pl.col("population_share")).otherwise(None).alias("ratio"))
        unknown = int(on_list.filter(pl.col(dim) == "Unknown")["count"].sum() or 0)
        frame = frame.select(pl.lit(list_name).alias("list"), pl.lit(dim).alias("dimension"),
                             pl.col(dim).alias("group"), pl.col("count").cast(pl.Int64), "share", "population_share",
                             "ratio", ((pl.col("ratio") >= ratio) & (pl.col("count") >= min_count))
                             .fill_null(False).alias("over_represented")).sort("group")
        frames += [frame, pl.DataFrame([(list_name, dim, NOT_RECORDED, unknown, None, None, None, False)],
                                       schema=frame.schema, orient="row")]
    return pl.concat(frames)


def equality_tables(lists: dict[str, pl.DataFrame], persons: pl.DataFrame, population: Population, *,
                    ratio: float = 1.5, min_count: int = 5) -> pl.DataFrame:
    """Breakdowns of every list (name -> frame with a ``person_id`` column) joined to ``persons``."""
    frames = [breakdown(name, persons.join(members.select("person_id").unique(), on="person_id"), population,
                        ratio=ratio, min_count=min_count) for name, members in lists.items()]
    return pl.concat(frames) if frames else pl.DataFrame()


def warnings(table: pl.DataFrame) -> list[str]:
    """Plain sentences for every over-represented group."""
    flagged = table.filter(pl.col("over_represented"))
    return [f"{row['list']}: {row['group']} ({row['dimension'].replace('_', ' ')}) are {row['share']:.0%} of the list "
            f"against {row['population_share']:.0%} of the young population — {row['ratio']:.1f} times their share"
            for row in flagged.iter_rows(named=True)]
