"""The answers, written apart from the exports: who every record really is, and what was planted.

The pipeline never reads these files; tests and benchmarks score the pipeline against them.
"""

from __future__ import annotations

import csv
from pathlib import Path

from contextsafe.synth.world import World


def _write(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_planted(world: World, folder: Path) -> dict[str, Path]:
    """persons, households, peer groups, hotspots and school concentration as CSV files."""
    folder.mkdir(parents=True, exist_ok=True)
    pop, geo = world.pop, world.geo
    urns = geo.schools["urn"].to_list()
    persons = [[pop.person_id[i], pop.given[i], pop.family[i], pop.other_family[i] or "", pop.dob[i].isoformat(),
                pop.sex[i], pop.ethnicity[i], pop.households[pop.household[i]].household_id,
                urns[pop.school[i]] if pop.school[i] >= 0 else "",
                pop.person_id[pop.twin_of[i]] if pop.twin_of[i] >= 0 else "",
                world.postcodes[pop.postcode(i)],
                world.postcodes[pop.previous_postcode[i]] if pop.previous_postcode[i] >= 0 else ""]
               for i in range(len(pop))]
    households = [[h.household_id, world.postcodes[h.postcode], str(h.domestic_abuse).lower(),
                   ";".join(pop.person_id[m] for m in h.members)] for h in pop.households]
    groups = [[g.group_id, pop.person_id[m], "leader" if m in g.leaders else "follower", g.profile,
               urns[g.school] if g.school >= 0 else ""] for g in pop.groups for m in g.members]
    hotspots = [[h.place_id, h.name, h.latitude, h.longitude, h.radius_m, ";".join(sorted(h.concerns))]
                for h in world.hotspots]
    return {
        "persons": _write(folder / "persons.csv", ["person_id", "given_name", "family_name", "other_family_name",
                                                   "date_of_birth", "sex", "ethnicity", "household_id",
                                                   "school_urn", "twin_of", "postcode", "previous_postcode"],
                          persons),
        "households": _write(folder / "households.csv", ["household_id", "postcode", "domestic_abuse", "members"],
                             households),
        "peer_groups": _write(folder / "peer_groups.csv", ["group_id", "person_id", "role", "profile", "school_urn"],
                              groups),
        "hotspots": _write(folder / "hotspots.csv", ["place_id", "name", "latitude", "longitude", "radius_m",
                                                     "concerns"], hotspots),
        "school_concentration": _school_concentration(world, folder / "school_concentration.csv"),
        "planted_flaws": _write(folder / "planted_flaws.csv", ["source", "record_id", "expected_rule", "what"],
                                      [list(f) for f in world.flaws]),
    }


def _school_concentration(world: World, path: Path) -> Path:
    """Per school: planted groups and members there, and the intended answer to the profiling question."""
    pop, schools = world.pop, world.geo.schools
    members = [m for g in pop.groups for m in g.members]
    at_school = [int(pop.school[m]) for m in members if pop.school[m] >= 0]
    in_top = sum(1 for s in at_school if s in world.concentration_schools)
    share = in_top / max(len(at_school), 1)
    answer = (f"concentrated: {len(pop.groups)} planted peer groups draw {share:.0%} of their school-age members "
              f"from {len(world.concentration_schools)} of {schools.height} schools")
    rows = []
    for s in range(schools.height):
        groups_here = sorted({pop.groups[int(pop.group_of[m])].group_id for m in members if pop.school[m] == s})
        count = sum(1 for x in at_school if x == s)
        rows.append([schools["urn"][s], schools["name"][s], str(s in world.concentration_schools).lower(),
                     len(groups_here), count, f"{count / max(len(at_school), 1):.3f}", ";".join(groups_here),
                     answer])
    header = ["school_urn", "name", "concentration_school", "planted_groups", "planted_members",
              "share_of_planted_members", "group_ids", "intended_answer"]
    return _write(path, header, rows)


