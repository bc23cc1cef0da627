"""Files of an overlap run: CSVs for Excel, a self-contained UpSet SVG, and the run's settings."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET

import typer
from typer.testing import CliRunner

from contextsafe.cli.overlap import register
from contextsafe.overlap import compute_overlap, upset_svg, write_overlap

SVG = "{http://www.w3.org/2000/svg}"


def _rows(path):
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_write_overlap_files_and_csv_columns(thirty_thirty_fifteen, tmp_path):
    paths = write_overlap(thirty_thirty_fifteen, tmp_path / "out")

    assert sorted(p.name for p in paths) == ["overlap.csv", "overlap_panels.csv", "overlap_panels_upset.svg",
                                             "overlap_run.json", "overlap_totals.csv", "overlap_upset.svg"]
    rows = _rows(tmp_path / "out" / "overlap.csv")
    assert list(rows[0]) == ["cse", "gang_association", "persons", "combination"]
    assert {(r["cse"], r["gang_association"], r["persons"]) for r in rows} == {
        ("1", "0", "15"), ("0", "1", "15"), ("1", "1", "15")}
    assert (tmp_path / "out" / "overlap_panels.csv").read_text().strip() == "persons,combination"
    run = json.loads((tmp_path / "out" / "overlap_run.json").read_text())
    assert run["purpose"] == "profiling"
    assert run["distinct_young_people"] == {"concern": 45, "panel": 0}
    assert _rows(tmp_path / "out" / "overlap_totals.csv")[0] == {
        "by": "concern", "label": "cse", "persons": "30", "only_this": "15"}


def test_write_overlap_defaults_to_the_workspace_outputs(thirty_thirty_fifteen):
    paths = write_overlap(thirty_thirty_fifteen)

    assert all(p.parent == thirty_thirty_fifteen.outputs_dir for p in paths)


def _assert_self_contained(svg: str) -> ET.Element:
    root = ET.fromstring(svg)  # well-formed XML
    assert root.tag == f"{SVG}svg"
    for element in root.iter():
        assert element.tag.removeprefix(SVG) not in {"script", "image", "use", "style", "foreignObject", "a"}
        for name, value in element.attrib.items():
            assert "href" not in name and "url(" not in value and "http" not in value, (name, value)
    return root


def test_upset_svg_is_well_formed_and_self_contained(thirty_thirty_fifteen):
    svg = upset_svg(compute_overlap(thirty_thirty_fifteen))

    root = _assert_self_contained(svg)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert texts.count("15") == 3  # three combination bars of 15
    assert texts.count("30") == 2  # two lists of 30
    assert "CSE" in texts and "gangs" in texts
    assert len(list(root.iter(f"{SVG}circle"))) == 6  # 3 combinations x 2 lists
    assert "45 distinct young people" in root.find(f"{SVG}desc").text


def test_upset_svg_of_nothing_and_of_awkward_names(store):
    store.source("panels")
    store.record("panels", "a", "p1")
    store.event("panels", "m1", "panel_discussion", 'HSB & "sexual bullying" <meeting>', {"a": "subject"})
    ws = store.close()

    _assert_self_contained(upset_svg(compute_overlap(ws, by="concern")))
    root = _assert_self_contained(upset_svg(compute_overlap(ws, by="panel")))
    assert 'HSB & "sexual bullying" <meeting>' in [t.text for t in root.iter(f"{SVG}text")]


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """Test root."""

    register(app)
    return app


def test_cli_prints_table_and_summary_and_writes_files(thirty_thirty_fifteen, tmp_path):
    result = CliRunner().invoke(_app(), ["overlap", "--workspace", str(thirty_thirty_fifteen.root),
                                         "--out", str(tmp_path / "out")], terminal_width=200)

    assert result.exit_code == 0, result.output
    assert "45 distinct" in result.output
    assert "15 appear on both" in result.output
    assert (tmp_path / "out" / "overlap.csv").exists()


def test_cli_refuses_an_unknown_purpose(thirty_thirty_fifteen):
    result = CliRunner().invoke(_app(), ["overlap", "-w", str(thirty_thirty_fifteen.root), "--purpose", "fun"])

    assert result.exit_code != 0
