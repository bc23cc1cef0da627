import csv

import pytest

from contextsafe.link import LinkSettings, decisions, link_workspace, record_decision, review_queue
from contextsafe.link.store import DecisionError


def _person(ws, source, record_id):
    with ws.connect(read_only=True) as con:
        return con.execute("SELECT person_id FROM person_records WHERE source = ? AND record_id = ?",
                           [source, record_id]).fetchone()[0]


def test_a_run_writes_the_output_contract_and_the_model(workspace):
    result = link_workspace(workspace)
    folder = workspace.outputs_dir / "links"
    with open(folder / "person_records.csv", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["source", "record_id", "person_id", "match_probability"]
    assert len(rows) - 1 == result.person_records.height
    assert (folder / "model.json").exists() and (folder / "link_settings.json").exists()
    with workspace.connect(read_only=True) as con:
        assert con.execute("SELECT count(*) FROM person_records").fetchone()[0] == len(rows) - 1


def test_decisions_are_kept_and_reapplied_on_every_later_run(workspace):
    link_workspace(workspace)
    assert _person(workspace, "social_care", "N1") == _person(workspace, "police", "N2")
    record_decision(workspace, ("police", "N2"), ("social_care", "N1"), "reject",
                    decided_by="analyst.a", reason="different school year")
    record_decision(workspace, ("social_care", "K3"), ("police", "K5"), "accept", decided_by="analyst.b")
    for reuse in (True, False):
        link_workspace(workspace, reuse_model=reuse)
        assert _person(workspace, "social_care", "N1") != _person(workspace, "police", "N2")
        assert _person(workspace, "social_care", "K3") == _person(workspace, "police", "K5")
    kept = decisions(workspace)
    assert kept.height == 2 and set(kept["decided_by"]) == {"analyst.a", "analyst.b"}


def test_a_decided_pair_leaves_the_review_queue(workspace):
    strict = LinkSettings(link_threshold=0.9999999, review_from=0.5)
    link_workspace(workspace, settings=strict)
    queue = review_queue(workspace)
    assert queue.height > 0 and queue["explanation"].str.contains("first name").all()
    row = queue.row(0, named=True)
    left, right = (row["left_source"], row["left_record_id"]), (row["right_source"], row["right_record_id"])
    record_decision(workspace, left, right, "accept", decided_by="analyst.c")
    assert review_queue(workspace).height == queue.height - 1
    link_workspace(workspace, settings=strict, reuse_model=True)
    assert review_queue(workspace).height == queue.height - 1


def test_a_decision_on_an_unknown_record_is_refused(workspace):
    with pytest.raises(DecisionError, match="no record"):
        record_decision(workspace, ("police", "NOPE"), ("police", "K1"), "accept", decided_by="analyst.a")


def test_pairs_csv_holds_the_links_that_join_each_person(workspace):
    result = link_workspace(workspace)
    with open(workspace.outputs_dir / "links" / "pairs.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["left_source", "left_record_id", "right_source", "right_record_id",
                             "match_probability", "status", "explanation"]
    sizes = result.person_records.group_by("person_id").len()["len"]
    joining = result.pairs.filter(result.pairs["joins_person"]).height
    assert joining == int((sizes - 1).sum())
    assert all(row["explanation"] for row in rows)
