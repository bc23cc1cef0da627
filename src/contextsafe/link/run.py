"""Train (or load) a Splink model, score candidate pairs, and cluster records into persons."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import duckdb
import polars as pl
from splink import Linker, SettingsCreator

from contextsafe.link.cluster import cluster
from contextsafe.link.collapse import collapse
from contextsafe.link.engines import fetch, open_engine, register
from contextsafe.link.explain import PairExplanation, add_explanations, explain_from_row, level_labels
from contextsafe.link.models import MODELS, ModelSpec
from contextsafe.link.prepare import UID_SEPARATOR
from contextsafe.link.settings import Engine, LinkSettings

PERSON_COLUMNS = ["source", "record_id", "person_id", "match_probability"]
PAIR_KEYS = ["left_source", "left_record_id", "right_source", "right_record_id"]


@dataclass(frozen=True)
class LinkResult:
    """The outcome of a linkage run.

    ``person_records``: source, record_id, person_id, match_probability — one row per record.
    ``pairs``: scored candidate pairs at or above ``settings.review_from``, with ``status``
    (linked / review / rejected / accepted / not linked), ``joins_person`` (the link is one of those
    that join each person's records together) and a readable ``explanation``.
    ``review_queue``: the pairs in the uncertain band that no analyst has decided yet.
    ``model``: the trained Splink model (JSON-serialisable), enough to re-run identically.
    """

    person_records: pl.DataFrame
    pairs: pl.DataFrame
    review_queue: pl.DataFrame
    model: dict[str, Any]
    settings: LinkSettings

    def explain(self, left: tuple[str, str], right: tuple[str, str]) -> PairExplanation:
        """Why ``left`` and ``right`` (each ``(source, record_id)``) were linked or not."""
        return explain_pair(self, left, right)


def explain_pair(result: LinkResult, left: tuple[str, str], right: tuple[str, str]) -> PairExplanation:
    """Explain one pair of records: each field's agreement level and its contribution in match weight."""
    for a, b in ((left, right), (right, left)):
        hit = result.pairs.filter(
            (pl.col("left_source") == a[0]) & (pl.col("left_record_id") == a[1])
            & (pl.col("right_source") == b[0]) & (pl.col("right_record_id") == b[1])
        )
        if hit.height:
            row = hit.row(0, named=True)
            if row.get("match_weight") is None:  # identical copies: linked without scoring
                return PairExplanation(left=left, right=right, compared=True, match_probability=1.0,
                                       note=row["explanation"])
            return explain_from_row(row, result.model)
    return PairExplanation(left=left, right=right, compared=False)


def _splink_settings(spec: ModelSpec, settings: LinkSettings) -> SettingsCreator:
    return SettingsCreator(
        link_type=settings.link_type,
        unique_id_column_name="uid",
        comparisons=spec.comparisons,
        blocking_rules_to_generate_predictions=spec.blocking_rules,
        retain_intermediate_calculation_columns=True,
        retain_matching_columns=True,
        additional_columns_to_retain=["source", "record_id"],
    )


def _train(linker: Linker, spec: ModelSpec, settings: LinkSettings, seed: int) -> None:
    training = linker.training
    training.estimate_probability_two_random_records_match(spec.deterministic_rules, recall=settings.prior_recall)
    training.estimate_u_using_random_sampling(
        max_pairs=settings.u_max_pairs, seed=seed, num_chunks=settings.u_chunks)
    for rule in spec.training_rules:
        training.estimate_parameters_using_expectation_maximisation(
            rule, estimate_without_term_frequencies=True, max_pairs=settings.em_max_pairs
        )


def smooth(model: dict[str, Any], floor: float = 1e-3) -> dict[str, Any]:
    """Floor every trained m and u probability, so no level in unseen data weighs an infinite amount.

    Expectation maximisation gives m = 0 to a level it never saw among matches (a typo in a date of
    birth, in a clean sample), which would forbid such links outright; random sampling can give u = 0.
    """
    for comparison in model["comparisons"]:
        levels = [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]
        for key in ("m_probability", "u_probability"):
            values = [max(lv.get(key) or 0.0, floor) for lv in levels]
            total = sum(values)
            for level, value in zip(levels, values, strict=True):
                level[key] = value / total
    return model


_LEVEL_PARAMETERS = ("m_probability", "u_probability")


def model_for_dialect(model: dict[str, Any], spec: ModelSpec, settings: LinkSettings, dialect: str) -> dict[str, Any]:
    """A trained model rewritten for another SQL engine: the spec's comparisons built for ``dialect``,
    carrying the trained parameters (so DuckDB's model scores identically on Spark)."""
    if model.get("sql_dialect") == dialect:
        return model
    target = _splink_settings(spec, settings).get_settings(dialect).as_dict()
    if [len(c["comparison_levels"]) for c in target["comparisons"]] != [
            len(c["comparison_levels"]) for c in model["comparisons"]]:
        raise ValueError("link: the saved model was not trained with this model specification")
    for trained, fresh in zip(model["comparisons"], target["comparisons"], strict=True):
        for old, new in zip(trained["comparison_levels"], fresh["comparison_levels"], strict=True):
            new.update({k: old[k] for k in _LEVEL_PARAMETERS if k in old})
    target["probability_two_random_records_match"] = model["probability_two_random_records_match"]
    return target


def _input_tables(api: Any, features: pl.DataFrame, settings: LinkSettings, name: str = "records") -> list[Any]:
    if settings.link_type == "dedupe_only":
        return [register(api, features, name)]
    sources = sorted(features.get_column("source").unique().to_list())
    return [register(api, features.filter(pl.col("source") == s), f"{name}_{i}") for i, s in enumerate(sources)]


def _score(features: pl.DataFrame, spec: ModelSpec, settings: LinkSettings, engine: Engine, seed: int,
           model: dict[str, Any] | None, training: pl.DataFrame | None = None) -> tuple[pl.DataFrame, dict[str, Any]]:
    """Score the candidate pairs of ``features``; train first (on ``training``, by default the same records)
    unless a ``model`` is given. Training on every record keeps the estimates (the prior above all) those
    of the agencies' real data when ``features`` holds one representative per identity."""
    with open_engine(engine, features.height, settings.memory_limit_mb) as api:
        tables = _input_tables(api, features, settings)
        if model is None:
            sample = tables if training is None else _input_tables(api, training, settings, "training")
            trainer = Linker(sample, _splink_settings(spec, settings), log_level=logging.WARNING)
            _train(trainer, spec, settings, seed)
            model = smooth(trainer.misc.save_model_to_json())
        model = model_for_dialect(model, spec, settings, api.sql_dialect.sql_dialect_str)
        linker = Linker(tables, model, log_level=logging.WARNING)
        predictions = linker.inference.predict(threshold_match_probability=settings.review_from)
        keep = {"uid_l", "uid_r", "match_weight", "match_probability"}
        frame = fetch(api, predictions, lambda c: c in keep or c.startswith(("gamma_", "mw_")))
        return frame, linker.misc.save_model_to_json()


def _split_uid(frame: pl.DataFrame, column: str, prefix: str) -> pl.DataFrame:
    parts = pl.col(column).str.splitn(UID_SEPARATOR, 2)
    return frame.with_columns(
        parts.struct.field("field_0").alias(f"{prefix}_source"),
        parts.struct.field("field_1").alias(f"{prefix}_record_id"),
    )


def _ordered(a: pl.Expr, b: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    return pl.min_horizontal(a, b), pl.max_horizontal(a, b)


def _decision_pairs(decisions: Any) -> pl.DataFrame:
    """Latest decision per unordered pair, as ``uid_l < uid_r`` and ``decision``."""
    schema = {"uid_l": pl.String, "uid_r": pl.String, "decision": pl.String}
    if decisions is None:
        return pl.DataFrame(schema=schema)
    frame = decisions if isinstance(decisions, pl.DataFrame) else pl.from_pandas(decisions)
    if frame.is_empty():
        return pl.DataFrame(schema=schema)
    left = pl.concat_str([pl.col("left_source"), pl.col("left_record_id")], separator=UID_SEPARATOR)
    right = pl.concat_str([pl.col("right_source"), pl.col("right_record_id")], separator=UID_SEPARATOR)
    lo, hi = _ordered(left, right)
    frame = frame.with_columns(lo.alias("uid_l"), hi.alias("uid_r"))
    if "decided_at" in frame.columns:
        frame = frame.sort("decided_at", nulls_last=False, maintain_order=True)
    return frame.unique(["uid_l", "uid_r"], keep="last", maintain_order=True).select(list(schema))


def cannot_link_pairs(features: pl.DataFrame, spec: ModelSpec) -> pl.DataFrame:
    """Pairs the model's guard forbids (e.g. twins), found by a join on surname and date of birth."""
    if spec.cannot_link_sql is None:
        return pl.DataFrame(schema={"uid_l": pl.String, "uid_r": pl.String})
    con = duckdb.connect()
    try:
        con.register("f", features.to_arrow())
        sql = (
            "SELECT l.uid AS uid_l, r.uid AS uid_r FROM f l JOIN f r "
            f"ON l.family = r.family AND l.dob = r.dob AND l.uid < r.uid WHERE {spec.cannot_link_sql}"
        )
        return pl.from_arrow(con.sql(sql).to_arrow_table())  # type: ignore[return-value]
    finally:
        con.close()


def _status(pairs: pl.DataFrame, decided: pl.DataFrame, guarded: pl.DataFrame, persons: pl.DataFrame,
            settings: LinkSettings) -> pl.DataFrame:
    pairs = pairs.join(decided, on=["uid_l", "uid_r"], how="left")
    pairs = pairs.join(guarded.with_columns(pl.lit(True).alias("guarded")), on=["uid_l", "uid_r"], how="left")
    person = persons.select("uid", "person_id")
    pairs = pairs.join(person.rename({"uid": "uid_l", "person_id": "_pl"}), on="uid_l", how="left")
    pairs = pairs.join(person.rename({"uid": "uid_r", "person_id": "_pr"}), on="uid_r", how="left")
    status = (
        pl.when(pl.col("decision") == "reject").then(pl.lit("rejected"))
        .when(pl.col("decision") == "accept").then(pl.lit("accepted"))
        .when(pl.col("guarded").fill_null(False)).then(pl.lit("guarded"))
        .when(pl.col("_pl") == pl.col("_pr")).then(pl.lit("linked"))
        .when(pl.col("match_probability") < settings.link_threshold).then(pl.lit("review"))
        .otherwise(pl.lit("not linked"))
    )
    lo, hi = _ordered(pl.col("_pl"), pl.col("_pr"))
    pairs = pairs.with_columns(status.alias("status"), lo.alias("_persons_lo"), hi.alias("_persons_hi"))
    # One review item per pair of persons: the most probable of the pairs joining them.
    best = (
        pairs.filter(pl.col("status") == "review")
        .sort(["match_probability", "uid_l", "uid_r"], descending=[True, False, False])
        .unique(["_persons_lo", "_persons_hi"], keep="first")
        .select("uid_l", "uid_r", pl.lit(True).alias("_best"))
    )
    pairs = pairs.join(best, on=["uid_l", "uid_r"], how="left")
    pairs = pairs.with_columns(
        pl.when((pl.col("status") == "review") & pl.col("_best").is_null()).then(pl.lit("review (other pair)"))
        .otherwise(pl.col("status")).alias("status")
    )
    return pairs.drop("_pl", "_pr", "guarded", "_persons_lo", "_persons_hi", "_best")


def _guards(features: pl.DataFrame, settings: LinkSettings) -> dict[str, Any]:
    """The per-record evidence the clustering guards need (dates of birth, first names)."""
    guards: dict[str, Any] = {}
    if settings.date_of_birth_guard and "dob" in features.columns:
        dated = features.select("uid", "dob").drop_nulls()
        guards["dates_of_birth"] = dict(zip(dated["uid"], dated["dob"], strict=True))
    if settings.twin_guard and "given" in features.columns:
        named = features.filter(pl.col("given").is_not_null())
        keys = zip(named["given"], named["family"], named["given_groups"], named["other_first"], strict=True)
        guards["names"] = {
            uid: (g, f, tuple(groups) if groups is not None else (), o)
            for uid, (g, f, groups, o) in zip(named["uid"], keys, strict=True)
        }
    return guards


def link_features(
    features: pl.DataFrame,
    *,
    spec: ModelSpec,
    settings: LinkSettings,
    engine: Engine = "duckdb",
    decisions: Any = None,
    seed: int = 1,
    model: dict[str, Any] | None = None,
) -> LinkResult:
    """Link prepared features (see :func:`contextsafe.link.prepare.prepare`) into persons.

    Records identical in every compared field are scored once (see :mod:`contextsafe.link.collapse`);
    the pairs and the review queue name representatives, and every record joins its representative's person.
    """
    decided = _decision_pairs(decisions)
    everyone = features
    protected = set(decided.get_column("uid_l").to_list()) | set(decided.get_column("uid_r").to_list())
    if settings.collapse_duplicates:
        features, members = collapse(features, settings.link_type, protected)
    else:
        members = features.select("uid", pl.col("uid").alias("rep"))
    scored, trained = _score(features, spec, settings, engine, seed, model,
                             training=everyone if everyone.height != features.height else None)
    lo, hi = _ordered(pl.col("uid_l"), pl.col("uid_r"))
    scored = scored.with_columns(lo.alias("uid_l"), hi.alias("uid_r"))
    guarded = cannot_link_pairs(features, spec)
    rejected = decided.filter(pl.col("decision") == "reject").select("uid_l", "uid_r")
    accepted_pairs = decided.filter(pl.col("decision") == "accept").select("uid_l", "uid_r")
    # An analyst's accept overrides the twin guard; a reject always holds.
    forbidden = pl.concat([guarded.join(accepted_pairs, on=["uid_l", "uid_r"], how="anti"), rejected]).unique()
    links = scored.filter(pl.col("match_probability") >= settings.link_threshold).join(
        forbidden, on=["uid_l", "uid_r"], how="anti")
    joins: list[tuple[str, str]] = []
    persons = cluster(features.get_column("uid").to_list(), links, accepted=accepted_pairs.iter_rows(),
                      forbidden=forbidden.iter_rows(), joins=joins, **_guards(features, settings))
    joined = pl.DataFrame([(min(a, b), max(a, b)) for a, b in joins], schema=["uid_l", "uid_r"], orient="row")
    scored = scored.join(joined.with_columns(pl.lit(True).alias("joins_person")), on=["uid_l", "uid_r"], how="left")
    scored = scored.with_columns(pl.col("joins_person").fill_null(False))
    pairs = _status(scored, decided, guarded, persons, settings)
    pairs = _explained(_split_uid(_split_uid(pairs, "uid_l", "left"), "uid_r", "right").drop("uid_l", "uid_r"),
                       trained)
    pairs = pl.concat([pairs, _identical_pairs(members, trained)], how="diagonal_relaxed")
    queue = pairs.filter(pl.col("status") == "review").select(
        *PAIR_KEYS, "match_weight", "match_probability", "explanation").sort("match_probability", descending=True)
    person_records = _expand(everyone, members, persons)
    return LinkResult(
        person_records=person_records.select(PERSON_COLUMNS).sort(["source", "record_id"]),
        pairs=pairs, review_queue=queue, model=trained, settings=settings,
    )


def _explained(pairs: pl.DataFrame, model: dict[str, Any]) -> pl.DataFrame:
    """Readable explanations for the pairs anyone reads: the links that join each person, the review queue
    and decided or guarded pairs. A pair linked only through other records keeps its probability and
    comparison levels but no sentence: at borough scale those are millions of strings nobody opens."""
    wanted = pl.col("joins_person") | ~pl.col("status").is_in(["linked", "not linked"])
    return pl.concat([add_explanations(pairs.filter(wanted), model), pairs.filter(~wanted)], how="diagonal_relaxed")


def _identical_pairs(members: pl.DataFrame, model: dict[str, Any]) -> pl.DataFrame:
    """The link of each collapsed copy to its representative, so every person's records stay joined by
    listed, explained links (records - 1 per person)."""
    fields = ", ".join(description for description, _ in level_labels(model).values())
    explanation = f"identical in every compared field ({fields}): scored once, as one identity"
    copies = members.filter(pl.col("uid") != pl.col("rep"))
    lo, hi = _ordered(pl.col("rep"), pl.col("uid"))
    frame = copies.select(lo.alias("uid_l"), hi.alias("uid_r")).with_columns(
        pl.lit(1.0).alias("match_probability"), pl.lit("linked").alias("status"),
        pl.lit(True).alias("joins_person"), pl.lit(explanation).alias("explanation"))
    return _split_uid(_split_uid(frame, "uid_l", "left"), "uid_r", "right").drop("uid_l", "uid_r")


def _expand(everyone: pl.DataFrame, members: pl.DataFrame, persons: pl.DataFrame) -> pl.DataFrame:
    """Every record with its representative's person; a record with identical copies is linked to them with
    certainty (probability 1), a lone record keeps the clustering's strongest link."""
    sizes = members.group_by("rep").agg(pl.len().alias("_copies"))
    joined = (everyone.select("uid", "source", "record_id").join(members, on="uid", how="left")
              .join(persons.rename({"uid": "rep"}), on="rep", how="left").join(sizes, on="rep", how="left"))
    probability = pl.when(pl.col("_copies") > 1).then(pl.lit(1.0)).otherwise(pl.col("match_probability"))
    return joined.with_columns(probability.alias("match_probability")).drop("rep", "_copies")


def link_records(
    records: Any,
    *,
    engine: Engine = "duckdb",
    settings: LinkSettings | None = None,
    decisions: Any = None,
    seed: int = 1,
    model: dict[str, Any] | None = None,
    spec: ModelSpec | None = None,
) -> LinkResult:
    """Link canonical records (a pandas or polars frame of the ``records`` table) into persons.

    Parameters are estimated without labels, as Splink does (u by random sampling with ``seed``,
    m by expectation maximisation), unless a trained ``model`` (from a previous ``LinkResult.model``)
    is given. ``decisions`` (rows of ``link_decisions``) are applied: accept forces a link, reject
    forbids one, even through a third record.
    """
    settings = settings or LinkSettings()
    spec = spec or MODELS[settings.model_name]()
    features = spec.prepare(records)
    return link_features(features, spec=spec, settings=settings, engine=engine, decisions=decisions,
                         seed=seed, model=model)
