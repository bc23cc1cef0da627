"""Enumerations with descriptions: the domain words of the design brief."""

from __future__ import annotations

from enum import StrEnum


class Concern(StrEnum):
    """One silo of concern about a young person (the report's manifestations of peer-on-peer abuse
    and the vulnerabilities profiled beside them)."""

    CSE = "cse"
    CCE = "cce"
    SERIOUS_YOUTH_VIOLENCE = "serious_youth_violence"
    GANG_ASSOCIATION = "gang_association"
    HSB = "hsb"
    RELATIONSHIP_ABUSE = "relationship_abuse"
    SEXUAL_BULLYING = "sexual_bullying"
    MISSING_FROM_HOME = "missing_from_home"
    MISSING_FROM_EDUCATION = "missing_from_education"
    EXCLUSION = "exclusion"
    ONLINE_EXPLOITATION = "online_exploitation"
    DOMESTIC_ABUSE_AT_HOME = "domestic_abuse_at_home"


CONCERN_DESCRIPTIONS: dict[Concern, str] = {
    Concern.CSE: "Child sexual exploitation",
    Concern.CCE: "Child criminal exploitation (including county lines)",
    Concern.SERIOUS_YOUTH_VIOLENCE: "Serious youth violence",
    Concern.GANG_ASSOCIATION: "Gang association / affected by gangs",
    Concern.HSB: "Harmful sexual behaviour",
    Concern.RELATIONSHIP_ABUSE: "Teenage relationship abuse / domestic abuse in own relationship",
    Concern.SEXUAL_BULLYING: "Sexual bullying",
    Concern.MISSING_FROM_HOME: "Missing from home or care",
    Concern.MISSING_FROM_EDUCATION: "Missing from education",
    Concern.EXCLUSION: "Exclusion from school (fixed-term, permanent, managed move)",
    Concern.ONLINE_EXPLOITATION: "Online exploitation (including image-based abuse, 'sexting')",
    Concern.DOMESTIC_ABUSE_AT_HOME: "Exposure to domestic abuse at home",
}


class Role(StrEnum):
    """A young person's role in one event. Roles are per event, never a label on the child."""

    VICTIM = "victim"  # complainant / victim
    SUSPECT = "suspect"
    WITNESS = "witness"
    OTHER = "other"
    LEADER = "leader"
    SUBJECT = "subject"  # the young person a form, list entry or referral is about
    NAMED_PEER = "named_peer"  # a peer named on a peer group information form


class Purpose(StrEnum):
    """Why data is processed. Each source declares which purposes it permits."""

    ASSESSMENT = "assessment"  # case management and assessment of an individual child
    PROFILING = "profiling"  # aggregate contextual problem profile
    AUDIT = "audit"  # audit of the local response and of access
    INTELLIGENCE = "intelligence"  # police intelligence / enforcement: never for assessment data


class ContextKind(StrEnum):
    """A context is a first-class record, not a tag on a person."""

    PEER_GROUP = "peer_group"
    SCHOOL = "school"
    PLACE = "place"
    HOME = "home"
    ONLINE = "online"


class EventType(StrEnum):
    """What happened: the kinds of event agency exports record."""

    CRIME = "crime"
    ASB = "asb"
    STOP_AND_SEARCH = "stop_and_search"
    REFERRAL = "referral"
    MISSING_EPISODE = "missing_episode"
    EXCLUSION = "exclusion"
    MISSING_EDUCATION = "missing_education"
    PANEL_DISCUSSION = "panel_discussion"
    FAIR_ACCESS_REFERRAL = "fair_access_referral"
    HEALTH_ATTENDANCE = "health_attendance"
    DOMESTIC_ABUSE_CALLOUT = "domestic_abuse_callout"
    HOUSEHOLD_DISTURBANCE = "household_disturbance"
    BUS_INCIDENT = "bus_incident"
    TRAVEL_CARD_WITHDRAWN = "travel_card_withdrawn"
    PEER_GROUP_INFORMATION = "peer_group_information"
    CASE_OPEN = "case_open"


class AssociationType(StrEnum):
    """How a person is tied to a context."""

    ATTENDS = "attends"  # school roll, alternative provision
    MEMBER = "member"  # peer group membership from evidence
    FREQUENTS = "frequents"  # place
    RESIDES = "resides"  # home / household
    USES = "uses"  # online platform


class Influence(StrEnum):
    """How a named peer influences a young person (appendix F)."""

    POSITIVE = "positive"
    NEGATIVE = "negative"
    UNKNOWN = "unknown"


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    UNKNOWN = "unknown"


class SourceEvaluation(StrEnum):
    """3x5x2 intelligence grading: how reliable the source is."""

    RELIABLE = "1"
    UNTESTED = "2"
    NOT_RELIABLE = "3"


class IntelligenceAssessment(StrEnum):
    """3x5x2 intelligence grading: how the source knows it."""

    KNOWN_DIRECTLY = "A"
    KNOWN_INDIRECTLY_CORROBORATED = "B"
    KNOWN_INDIRECTLY = "C"
    NOT_KNOWN = "D"
    SUSPECTED_FALSE = "E"


class HandlingCode(StrEnum):
    """3x5x2 intelligence grading: may it be shared."""

    SHARE = "P"  # lawful sharing permitted
    CONDITIONS = "C"  # lawful sharing permitted subject to conditions
