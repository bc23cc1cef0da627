"""The questions of the Contextual Safeguarding toolkit the forms ask, in one place.

* Context assessment triangles: a neighbourhood or place, and a peer group, are each assessed on three sides.
* "Beyond Referrals": a school's traffic-light self-assessment of its response to harmful sexual behaviour,
  across four areas (systems, prevention, identification, response), each with statements rated red, amber
  or green.
* Context conference: the contexts weighted for which must change first; the context plan's actions and
  the context's safety over time.
"""

from __future__ import annotations

from contextsafe.vocab import CONCERN_DESCRIPTIONS

RAG = [("red", "Red"), ("amber", "Amber"), ("green", "Green")]
RAG_COLOURS = {"red": "#d4351c", "amber": "#f47738", "green": "#00703c", "": "#f3f2f1"}

CONTEXT_KINDS = [("place", "Place or neighbourhood (park, estate, high street, shopping centre, bus route)"),
                 ("peer_group", "Peer group"), ("school", "School or alternative provision"),
                 ("online", "Online space")]  # never a home: a named home is an address
KIND_NAMES = {"place": "Place", "peer_group": "Peer group", "school": "School", "home": "Home",
              "online": "Online space"}
CONCERNS = [(c.value, label) for c, label in CONCERN_DESCRIPTIONS.items()]

# The assessment triangle of each kind of context: (side key, heading, what to consider).
TRIANGLES: dict[str, list[tuple[str, str, str]]] = {
    "place": [
        ("young_people", "Young people's collective strengths and needs",
         "Who uses the place and when; what brings young people there; what they say about their safety; "
         "what they bring to it and what they need."),
        ("guardianship", "Guardianship",
         "Adults with a caring intention in the place (shop and security staff, residents, youth workers, "
         "transport staff, faith groups): are they there, do they notice, are they able and willing to act?"),
        ("environment", "Physical environment, resources and policy",
         "Lighting, sight lines, hidden spaces, CCTV, opening hours, services and activities available, "
         "licensing, dispersal and other policies that shape the place."),
    ],
    "peer_group": [
        ("group", "Group functioning and identity",
         "How the group formed and holds together; its norms, hierarchy and relationships; what it gives its "
         "members; attitudes to harm, consent and violence."),
        ("guardianship", "Guardianship",
         "Adults with a caring intention around the group (parents, youth workers, coaches, teachers): do "
         "they know the group, and can they influence it?"),
        ("environment", "Environmental and family factors",
         "The places the group spends time, the schools its members attend, family circumstances that bear "
         "on the group, online spaces it uses."),
    ],
}
TRIANGLE_RATINGS = [("green", "Green: protective"), ("amber", "Amber: mixed"), ("red", "Red: harmful")]

# Beyond Referrals: the school self-assessment of harmful sexual behaviour (area key, heading, statements).
BEYOND_REFERRALS: list[tuple[str, str, list[str]]] = [
    ("systems", "Systems: structures and policies", [
        "The school's policies name harmful sexual behaviour and sexual harassment and say how the school responds.",
        "Staff, governors and pupils know who leads on harmful sexual behaviour and how to raise a concern.",
        "Incidents are recorded so that patterns (places, times, peer groups) can be seen, not only single cases.",
        "The school works with partners (social care, police, youth services) on harm beyond the school gates.",
    ]),
    ("prevention", "Prevention", [
        "Relationships and sex education covers consent, sexual harassment and online abuse in every year group.",
        "Pupils help shape prevention work and say it reflects what they experience.",
        "Spaces where pupils feel unsafe (corridors, toilets, routes to and from school) are known and supervised.",
        "Parents and carers know what the school teaches and how to raise a concern.",
    ]),
    ("identification", "Identification", [
        "Staff are trained to recognise harmful sexual behaviour across the continuum from normal to violent.",
        "Pupils report sexual harassment and abuse, and the school knows what stops them from reporting.",
        "Sexualised language and 'low-level' harassment are challenged and recorded, not dismissed as banter.",
        "Information from outside the school (police, youth services, community) is used to identify risk "
        "to groups of pupils.",
    ]),
    ("response", "Response", [
        "Responses consider the safety of everyone involved: the pupil harmed, the pupil who harmed, and peers.",
        "Sanctions are balanced with support; exclusion is not the only response.",
        "After an incident the school reviews the places and peer groups involved and changes supervision or "
        "the environment where needed.",
        "Pupils and parents are told what happened as a result of a report, within what can be shared.",
    ]),
]

ASSESSMENT_TYPES = [("place", "Neighbourhood or place assessment"), ("peer_group", "Peer group assessment"),
                    ("school", "School: Beyond Referrals self-assessment")]

ACTION_STATUSES = [("planned", "Planned"), ("in_progress", "In progress"), ("done", "Done"),
                   ("stopped", "Stopped")]
# The context plan's action lifecycle: what may follow each status.
ACTION_TRANSITIONS: dict[str, set[str]] = {
    "planned": {"in_progress", "done", "stopped"},
    "in_progress": {"done", "stopped"},
    "done": set(),
    "stopped": set(),
}

SAFETY_SCALE = "0 = not safe at all for young people, 10 = safe"
