"""The ground truth covers every record, and the planted structure is there to be found."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from itertools import combinations

from contextsafe.sources import LoadedMapping
from contextsafe.synth import SynthSummary
from tests.synth.conftest import ground_truth, read_table


def _record_ids(loaded: LoadedMapping) -> set[str]:
    _, rows = read_table(loaded)
    columns = [block.id.column for block in loaded.mapping.records]
    return {r[c] for r in rows for c in columns if c is not None}


def test_every_person_record_of_every_export_has_its_true_person(borough: SynthSummary,
                                                                  mappings: dict[str, LoadedMapping]) -> None:
    truth = ground_truth(borough, "record_person")
    by_source: dict[str, set[str]] = defaultdict(set)
    for row in truth:
        by_source[row["source"]].add(row["record_id"])
    assert len(truth) == sum(len(v) for v in by_source.values()), "a record is listed twice"
    for source, loaded in mappings.items():
        assert _record_ids(loaded) == by_source.get(source, set()), source
    persons = {p["person_id"] for p in ground_truth(borough, "persons")}
    assert {row["person_id"] for row in truth} <= persons


def test_twins_are_planted_and_marked(borough: SynthSummary) -> None:
    persons = {p["person_id"]: p for p in ground_truth(borough, "persons")}
    twins = [p for p in persons.values() if p["twin_of"]]
    assert len(twins) >= 4
    for p in twins:
        other = persons[p["twin_of"]]
        assert other["twin_of"] == p["person_id"]
        assert (other["family_name"], other["date_of_birth"], other["household_id"]) == \
            (p["family_name"], p["date_of_birth"], p["household_id"])
        assert other["given_name"] != p["given_name"]


def test_population_looks_like_a_london_borough(borough: SynthSummary) -> None:
    persons = ground_truth(borough, "persons")
    years = Counter(int(p["date_of_birth"][:4]) for p in persons)
    teen = sum(n for y, n in years.items() if 2000 <= y <= 2007)  # aged 10-17 in 2018
    assert teen / len(persons) > 0.8
    assert len({p["ethnicity"] for p in persons}) >= 10
    assert 0.4 < sum(p["sex"] == "female" for p in persons) / len(persons) < 0.6


def test_peer_groups_have_three_to_twelve_members_and_one_or_two_leaders(borough: SynthSummary) -> None:
    groups: dict[str, list[str]] = defaultdict(list)
    for row in ground_truth(borough, "peer_groups"):
        groups[row["group_id"]].append(row["role"])
    assert len(groups) >= 4
    for roles in groups.values():
        assert 3 <= len(roles) <= 12
        assert 1 <= roles.count("leader") <= 2


def test_planted_groups_co_occur_in_events(borough: SynthSummary, mappings: dict[str, LoadedMapping]) -> None:
    person_of = {(r["source"], r["record_id"]): r["person_id"] for r in ground_truth(borough, "record_person")}
    group_of = {r["person_id"]: r["group_id"] for r in ground_truth(borough, "peer_groups")}
    together: Counter[str] = Counter()
    pairs = same = 0
    for source, event_col, record_col in (("police_crime", "Crime Ref", "Person Line Ref"),
                                          ("asb_callouts", "CAD Ref", "Person Ref"),
                                          ("travel_card_withdrawals", "Incident No", "Withdrawal Ref")):
        events: dict[str, set[str]] = defaultdict(set)
        for row in read_table(mappings[source])[1]:
            events[row[event_col]].add(person_of[(source, row[record_col])])
        for people in events.values():
            for a, b in combinations(sorted(people), 2):
                pairs += 1
                if a in group_of and group_of.get(a) == group_of.get(b):
                    same += 1
                    together[group_of[a]] += 1
    groups = set(group_of.values())
    assert len(together) >= 0.8 * len(groups)
    assert same / pairs > 0.2  # chance would be well under 1%


def test_events_concentrate_at_hotspots(borough: SynthSummary, mappings: dict[str, LoadedMapping]) -> None:
    hotspots = [(float(h["latitude"]), float(h["longitude"]), float(h["radius_m"]))
                for h in ground_truth(borough, "hotspots")]
    _, rows = read_table(mappings["police_crime"])
    crimes = {r["Crime Ref"]: (float(r["Latitude"]), float(r["Longitude"])) for r in rows}

    def near(lat: float, lon: float) -> bool:
        return any(math.hypot((lat - a) * 111_000, (lon - b) * 69_000) <= r + 1 for a, b, r in hotspots)

    share = sum(near(*p) for p in crimes.values()) / len(crimes)
    area_share = sum(math.pi * r * r for _, _, r in hotspots) / 21.8e6  # Camden is about 21.8 km2
    assert share > 10 * area_share and share > 0.2


def test_school_concentration_states_the_intended_answer(borough: SynthSummary) -> None:
    rows = ground_truth(borough, "school_concentration")
    top = [r for r in rows if r["concentration_school"] == "true"]
    assert len(top) == 5
    assert sum(float(r["share_of_planted_members"]) for r in top) > 0.6
    assert rows[0]["intended_answer"].startswith("concentrated")


def test_domestic_abuse_households_have_siblings_on_marac_and_call_outs(borough: SynthSummary,
                                                                        mappings: dict[str, LoadedMapping]) -> None:
    households = ground_truth(borough, "households")
    abusive = {m for h in households if h["domestic_abuse"] == "true" for m in h["members"].split(";")}
    assert any(len(h["members"].split(";")) > 1 for h in households if h["domestic_abuse"] == "true")
    person_of = {(r["source"], r["record_id"]): r["person_id"] for r in ground_truth(borough, "record_person")}
    _, rows = read_table(mappings["da_callouts"])
    domestic = [person_of[("da_callouts", r["Child Ref"])] for r in rows if r["Call Type"] == "DOMESTIC"]
    assert domestic and all(p in abusive for p in domestic)


def test_homes_schools_and_bus_stops_are_real(borough: SynthSummary, mappings: dict[str, LoadedMapping]) -> None:
    from contextsafe import geo

    postcodes = geo.load_postcodes("camden")
    usable = set(postcodes.filter(~postcodes["stacked"])["postcode"].to_list())
    assert {h["postcode"] for h in ground_truth(borough, "households")} <= usable
    urns = set(geo.load_schools("camden")["urn"].cast(str).to_list())
    assert {p["school_urn"] for p in ground_truth(borough, "persons") if p["school_urn"]} <= urns
    stops = set(geo.load_bus_stops("camden")["stop_code"].cast(str).to_list())
    _, rows = read_table(mappings["bus_incidents"])
    assert {r["Stop Code"] for r in rows if r["Stop Code"]} <= stops
    assert all(r["Stop Code"] for r in rows)
