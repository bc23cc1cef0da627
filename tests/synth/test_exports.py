"""The exports look like real agency exports, and every one ingests through its own mapping."""

from __future__ import annotations

from openpyxl import load_workbook

from contextsafe.sources import LoadedMapping
from contextsafe.synth import SynthSummary
from contextsafe.vocab import Purpose
from tests.synth.conftest import read_table


def test_every_export_has_a_mapping_that_loads_and_finds_it(borough: SynthSummary,
                                                               mappings: dict[str, LoadedMapping]) -> None:
    assert set(mappings) == set(borough.exports)
    for source, loaded in mappings.items():
        assert loaded.mapping.source == source
        assert loaded.default_file() == borough.exports[source].resolve()


def test_every_mapped_column_is_in_the_export_header(mappings: dict[str, LoadedMapping]) -> None:
    for source, loaded in mappings.items():
        header, rows = read_table(loaded)
        missing = loaded.mapping.columns() - set(header)
        assert not missing, f"{source}: {missing}"
        assert rows, source


def test_there_is_a_mix_of_csv_and_xlsx_and_of_encodings(borough: SynthSummary,
                                                          mappings: dict[str, LoadedMapping]) -> None:
    kinds = {m.mapping.format.type for m in mappings.values()}
    assert kinds == {"csv", "xlsx"}
    cme = borough.exports["children_missing_education"].read_bytes()
    assert cme.startswith(b"\xef\xbb\xbf")
    exclusions = borough.exports["school_exclusions"].read_bytes()
    text = exclusions.decode("cp1252")
    assert any(name in text for name in ("Zoë", "Chloé", "Noémie", "Anaïs", "Amélie"))
    assert text.startswith("Export generated")


def test_youth_offending_caseload_has_a_merged_group_row_above_the_field_names(borough: SynthSummary) -> None:
    sheet = load_workbook(borough.exports["yos_caseload"]).active
    assert sheet is not None
    assert sheet.merged_cells.ranges
    assert sheet.cell(1, 1).value == "Young person" and sheet.cell(2, 1).value == "YOT No"


def test_police_rows_carry_roles_and_some_3x5x2_grading(mappings: dict[str, LoadedMapping]) -> None:
    _, rows = read_table(mappings["police_crime"])
    assert {r["Involvement"] for r in rows} >= {"VICTIM", "SUSPECT", "WITNESS"}
    graded = [r for r in rows if r["Source Eval"]]
    assert graded and all(r["Source Eval"] in "123" and r["Intel Grade"] in "ABCDE" and r["Handling"] in "PC"
                          for r in graded)
    per_crime: dict[str, int] = {}
    for r in rows:
        per_crime[r["Crime Ref"]] = per_crime.get(r["Crime Ref"], 0) + 1
    assert max(per_crime.values()) >= 3


def test_agencies_use_their_own_codes_and_date_formats(mappings: dict[str, LoadedMapping]) -> None:
    sexes = {s: set(m.mapping.values.get("sex", {})) for s, m in mappings.items() if "sex" in m.mapping.values}
    assert len({frozenset(v) for v in sexes.values()}) >= 5
    formats = {f for m in mappings.values() for f in m.mapping.date_formats}
    assert {"%d/%m/%Y", "%Y-%m-%d", "%d-%b-%y", "%d/%m/%Y %H:%M"} <= formats


def test_purposes_follow_the_governance_of_each_source(mappings: dict[str, LoadedMapping]) -> None:
    assert mappings["pgi_forms"].mapping.permitted_purposes == [Purpose.ASSESSMENT]
    for panel in ("mase_list", "marac_list", "gangs_panel", "hsb_meetings"):
        assert set(mappings[panel].mapping.permitted_purposes) == {Purpose.ASSESSMENT, Purpose.PROFILING}
    intelligence = {s for s, m in mappings.items() if m.mapping.permits(Purpose.INTELLIGENCE)}
    assert intelligence == {"police_crime"}


def test_fair_access_referrals_hold_the_contextual_sections_of_appendix_h(
        mappings: dict[str, LoadedMapping]) -> None:
    header, rows = read_table(mappings["fap_referrals"])
    for section in ("Home environment", "Peer Group", "School", "Neighbourhood"):
        assert f"{section} - Information" in header and f"{section} - School response" in header
    assert any(r["Peer-on-peer abuse (tick all that applies)"] for r in rows)


def test_peer_group_forms_name_one_peer_per_row_with_influence_and_lead(
        mappings: dict[str, LoadedMapping]) -> None:
    _, rows = read_table(mappings["pgi_forms"])
    forms: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        forms.setdefault(r["Form Ref"], []).append(r)
    assert max(len(v) for v in forms.values()) >= 2
    assert {r["Influence"] for r in rows} >= {"Positive", "Negative"}
    assert {r["Leads/Follows"] for r in rows} >= {"YP follows", "Neither"}
