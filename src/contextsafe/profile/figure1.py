"""Figure 1 of the profile: indicators of vulnerability and of resilience at every level.

Levels are the report's: individuals, families, networks and groups, schools, public spaces. Each row
is a count or a fact with the evidence behind it and the sources it came from — never a score, and
never a judgement about one child.
"""

from __future__ import annotations

import polars as pl

from contextsafe.profile.context_tables import ContextTables
from contextsafe.profile.data import ProfileData
from contextsafe.vocab import CONCERN_DESCRIPTIONS, Concern

LEVELS = ("individuals", "families", "networks and groups", "schools", "public spaces")
COLUMNS = {"level": pl.String, "indicator": pl.String, "kind": pl.String, "count": pl.Int64,
           "unit": pl.String, "evidence": pl.String, "sources": pl.String}
HOME_EVENTS = ("domestic_abuse_callout", "household_disturbance")


def figure1(data: ProfileData, contexts: ContextTables) -> pl.DataFrame:
    """One row per indicator: level, indicator, kind (vulnerability/resilience), count, unit, evidence, sources."""
    families = _households(contexts) if contexts.homes is not None else _families(data)
    rows = _individuals(data) + families + _groups(data, contexts) + _schools(contexts, data)
    rows += _places(contexts, data)
    return pl.DataFrame(rows, schema=COLUMNS, orient="row")


def _sources_of(frame: pl.DataFrame) -> str:
    return ", ".join(sorted(set(frame["source"].to_list()))) if "source" in frame.columns else ""


def _individuals(data: ProfileData) -> list[tuple]:
    rows = []
    concern_sources = _concern_sources(data)
    counts = data.person_concerns.group_by("concern").agg(pl.col("person_id").n_unique().alias("n")).sort("concern")
    for concern, n in counts.iter_rows():
        name = CONCERN_DESCRIPTIONS.get(Concern(concern), concern) if concern in Concern._value2member_map_ else concern
        rows.append(("individuals", name, "vulnerability", n, "young people",
                     "flagged by an agency or on an event of this concern (as subject, victim, suspect or other)",
                     concern_sources.get(concern, "")))
    several = data.person_concerns.group_by("person_id").agg(pl.col("concern").n_unique().alias("k"))
    rows.append(("individuals", "Known for two or more concerns", "vulnerability",
                 several.filter(pl.col("k") >= 2).height, "young people",
                 "distinct linked young people appearing under more than one concern", _sources_of(data.records)))
    on_roll = data.associations.filter(pl.col("context_kind") == "school")["person_id"].n_unique()
    excluded = _people_with_event(data, "exclusion")
    rows.append(("individuals", "On a school roll and never excluded in the period", "resilience",
                 len(set(data.associations.filter(pl.col("context_kind") == "school")["person_id"]) - excluded),
                 "young people", f"{on_roll} on a school roll in the permitted sources; exclusions subtracted",
                 _sources_of(data.associations.filter(pl.col("context_kind") == "school"))))
    engaged = _people_with_event(data, "health_attendance")
    rows.append(("individuals", "Seen by a youth worker at a health attendance (teachable moment)", "resilience",
                 len(engaged), "young people", "youth worker referral recorded at the attendance",
                 _event_sources(data, "health_attendance")))
    return rows


def _families(data: ProfileData) -> list[tuple]:
    homes = data.associations.filter(pl.col("context_kind") == "home").select("context_ref", "person_id").unique()
    of_concern = homes.join(data.person_concerns.select("person_id").unique(), on="person_id")
    siblings = of_concern.group_by("context_ref").agg(pl.col("person_id").n_unique().alias("k"))
    da_people = set().union(*(_people_with_event(data, t) for t in HOME_EVENTS))
    da_homes = homes.filter(pl.col("person_id").is_in(list(da_people)))["context_ref"].n_unique()
    homes_concern = of_concern["context_ref"].n_unique()
    calm = of_concern.filter(~pl.col("context_ref").is_in(
        homes.filter(pl.col("person_id").is_in(list(da_people)))["context_ref"].to_list()))["context_ref"].n_unique()
    src = _sources_of(data.associations.filter(pl.col("context_kind") == "home"))
    return [
        ("families", "Homes with domestic abuse or household disturbance call-outs", "vulnerability", da_homes,
         "homes", "a young person living there was recorded at a call-out", _event_sources(data, *HOME_EVENTS)),
        ("families", "Homes with two or more young people of concern (siblings or peers)", "vulnerability",
         siblings.filter(pl.col("k") >= 2).height, "homes", "same recorded home, different linked young people", src),
        ("families", "Homes of young people of concern with no call-out recorded", "resilience", calm, "homes",
         f"of {homes_concern} homes of young people of concern", src),
    ]


def _households(contexts: ContextTables) -> list[tuple]:
    """Families from ``contextsafe.contexts.home_contexts``: households found from shared postcode and surname,
    siblings and call-outs."""
    homes = contexts.homes
    abuse = homes.filter(pl.col("domestic_abuse"))
    src = ", ".join(sorted({s.split(":")[0] for v in abuse["domestic_abuse_sources"].drop_nulls()
                            for s in v.split(";") if s}))
    grouped = homes.filter(pl.col("peer_groups").fill_null("") != "")
    return [
        ("families", "Households linked to domestic abuse (call-outs, MARAC, case flags)", "vulnerability",
         abuse.height, "households", "contextsafe.contexts households: shared home evidence", src),
        ("families", "Households with two or more young people of concern (siblings or peers)", "vulnerability",
         homes.filter(pl.col("persons_of_concern") >= 2).height, "households", "linked young people in one household",
         "every permitted source"),
        ("families", "Households with a young person in a peer group", "vulnerability", grouped.height, "households",
         "where family and peer contexts meet", "every permitted source"),
        ("families", "Households of young people of concern with no domestic abuse recorded", "resilience",
         homes.filter(~pl.col("domestic_abuse") & (pl.col("persons_of_concern") > 0)).height, "households",
         "no call-out, MARAC case or flag", "every permitted source"),
    ]


def _groups(data: ProfileData, contexts: ContextTables) -> list[tuple]:
    groups = contexts.peer_groups
    concerns = groups.join(data.person_concerns, on="person_id").group_by("group_id").agg(
        pl.col("concern").n_unique().alias("k"))
    led = groups.filter(pl.col("role") == "leader")["group_id"].n_unique()
    schools = groups.join(data.associations.filter(pl.col("context_kind") == "school")
                          .select("person_id", "context_ref").unique(), on="person_id")
    spanning = schools.group_by("group_id").agg(pl.col("context_ref").n_unique().alias("s"))
    in_school = groups.join(schools.select("person_id").unique(), on="person_id", how="semi")
    share = in_school.group_by("group_id").len().join(groups.group_by("group_id").len(), on="group_id",
                                                      suffix="_all")
    method = contexts.methods.get("peer_groups", "")
    positive = data.participants.filter(pl.col("influence") == "positive")
    return [
        ("networks and groups", "Peer groups found", "vulnerability", groups["group_id"].n_unique(), "groups",
         method, _sources_of(data.participants)),
        ("networks and groups", "Peer groups with two or more concerns among members", "vulnerability",
         concerns.filter(pl.col("k") >= 2).height, "groups", "concerns of members, from every permitted source",
         _sources_of(data.participants)),
        ("networks and groups", "Peer groups where an agency recorded a leader", "vulnerability", led, "groups",
         "role 'leader' recorded on an event; followers are not guessed", _role_sources(data, "leader")),
        ("networks and groups", "Peer groups spanning two or more schools", "vulnerability",
         spanning.filter(pl.col("s") >= 2).height, "groups", "members on the rolls of different schools",
         _sources_of(data.associations.filter(pl.col("context_kind") == "school"))),
        ("networks and groups", "Peer groups with most members on a school roll", "resilience",
         share.filter(pl.col("len") * 2 > pl.col("len_all")).height, "groups", "school as a protective context",
         _sources_of(data.associations.filter(pl.col("context_kind") == "school"))),
        ("networks and groups", "Positive peer influences named", "resilience", positive.height, "named peers",
         "peer group information forms (only if their source permits this purpose)", _sources_of(positive)),
    ]


def _schools(contexts: ContextTables, data: ProfileData) -> list[tuple]:
    s = contexts.schools
    words = str(contexts.concentration.get("sentence", ""))
    src = _event_sources(data, "exclusion", "fair_access_referral")
    return [
        ("schools", "Schools with peer-group members on roll", "vulnerability",
         s.filter(pl.col("peer_group_members") > 0).height, "schools", words, contexts.methods.get("schools", "")),
        ("schools", "Exclusions of young people on these rolls", "vulnerability", int(s["exclusions"].sum()),
         "exclusions", "exclusion events of young people associated with the school", src),
        ("schools", "Fair Access Panel referrals", "vulnerability", int(s["fap_referrals"].sum()), "referrals",
         "managed moves and placements discussed at the panel", src),
        ("schools", "Schools with young people of concern on roll but no peer group", "resilience",
         s.filter((pl.col("persons") > 0) & (pl.col("peer_group_members") == 0)).height, "schools",
         "no peer group found spanning the school", contexts.methods.get("schools", "")),
    ]


def _places(contexts: ContextTables, data: ProfileData) -> list[tuple]:
    p = contexts.places
    method = contexts.methods.get("places", "")
    bus = data.events.filter(pl.col("event_type") == "bus_incident")
    return [
        ("public spaces", "Hotspot hexagons (Gi*)", "vulnerability", p.filter(pl.col("spot") == "hot").height,
         "hexagons", method, _sources_of(data.events)),
        ("public spaces", "Bus incident reports involving young people", "vulnerability", bus.height, "reports",
         "transport layer", _sources_of(bus)),
        ("public spaces", "Cold-spot hexagons (significantly fewer events)", "resilience",
         p.filter(pl.col("spot") == "cold").height, "hexagons", method, _sources_of(data.events)),
        ("public spaces", "Hexagons of the borough with no event involving a young person", "resilience",
         p.filter(pl.col("events") == 0).height, "hexagons", f"of {p.height} hexagons drawn", ""),
    ]


def _people_with_event(data: ProfileData, event_type: str) -> set[str]:
    ids = data.events.filter(pl.col("event_type") == event_type).select("source", "event_id")
    return set(data.participants.join(ids, on=["source", "event_id"])["person_id"].to_list())


def _event_sources(data: ProfileData, *types: str) -> str:
    return _sources_of(data.events.filter(pl.col("event_type").is_in(types)))


def _role_sources(data: ProfileData, role: str) -> str:
    return _sources_of(data.participants.filter(pl.col("role") == role))


def _concern_sources(data: ProfileData) -> dict[str, str]:
    flags = data.event_concerns.select("source", "concern").unique()
    per = flags.group_by("concern").agg(pl.col("source").sort().str.join(", "))
    return dict(per.iter_rows())
