"""The contextual assessment and intervention plan of appendix G (Asset Plus supplementary training) and Figure 4.

Three tools, as the seed lays them out:

1. the *information gathering table*: the Asset Plus information gathering sections (rows) × the contexts the
   information relates to (young person, family, peer group, school, neighbourhood);
2. *explanations and conclusions*: rate future desistance factors by context, past behaviours and significant
   life events, which contexts of risk/resilience are likely to change, which contextual risk/protective
   factors explain the ratings ("beyond today": episodes and predicting adverse outcomes);
3. the *contextual intervention plan* (Figure 4 / "Contextual Integrated Plan Exercise"): key area of
   intervention × young person (referral, young person's target, actions) and OTHER CONTROLS by family, peer
   group, school and neighbourhood — here each action also has an owner and a date.
"""

from __future__ import annotations

from contextsafe.web.assessments.grid import AREA, DATE, SELECT, TEXT, Field, Grid, Rows

CONTEXTS = (("young_person", "Young person"), ("family", "Family"), ("peer_group", "Peer group"),
            ("school", "School"), ("neighbourhood", "Neighbourhood"))
OTHER_CONTROLS = CONTEXTS[1:]

GATHERING = Grid(
    "gathering",
    rows=(("personal", "Personal, family and social factors"),
          ("offending", "Offending and anti-social behaviour"),
          ("foundations", "Foundations for change")),
    columns=tuple(Field(k, label) for k, label in CONTEXTS),
    hints={
        "personal": "Living arrangements and environmental factors; parenting, family and relationships; young "
                    "person's development; learning, education, training and employment",
        "offending": "Offending and anti-social behaviour; patterns and attitudes; other behaviours of particular "
                     "concern",
        "foundations": "Resilience and goals; opportunities; engagement and participation; factors affecting "
                       "desistance",
    })

# The seed asks practitioners to "rate future desistance factors" by context without printing a scale; this is
# the direction Asset Plus records a desistance factor in (supports or hinders desistance).
DESISTANCE = (("supports", "Supports desistance"), ("mixed", "Both supports and hinders"),
              ("hinders", "Hinders desistance"), ("not_known", "Not known"))
LIKELY_TO_CHANGE = (("likely", "Likely to change"), ("unlikely", "Unlikely to change"), ("not_known", "Not known"))

CONCLUSIONS = Grid(
    "conclusions",
    rows=CONTEXTS,
    columns=(
        Field("desistance", "1) Rate future desistance factors", SELECT, DESISTANCE),
        Field("significant_events", "2) Past behaviours and significant life events: how did they impact this "
                                    "context?"),
        Field("likely_to_change", "3) Is this context of risk/resilience likely to change?", SELECT,
              LIKELY_TO_CHANGE),
        Field("explanation", "4) Contextual risk/protective factors that explain the ratings"),
    ))

BEYOND = (
    Field("episodes", "Using episodes: interplay between contexts, and circumstances or influences stronger than "
                      "others (is context what connects the offences?)"),
    Field("adverse_outcomes", "Predicting adverse outcomes and safety/well-being: contextual concerns the plan "
                              "should target (e.g. continued risk of violence on the street, peer group attitudes)"),
)

ACTION_FIELDS = ("action", "owner", "date")
PLAN = Rows("plan", blank=1, columns=(
    Field("key_area", "Key area of intervention", TEXT, hint="e.g. abusive behaviours in intimate relationship"),
    Field("referral", "Young person — referral", TEXT),
    Field("target", "Young person's target", TEXT),
    Field("actions", "Young person — actions"),
    Field("young_person_owner", "Owner (young person's actions)", TEXT),
    Field("young_person_date", "By (young person's actions)", DATE),
    *(f for key, label in OTHER_CONTROLS for f in (
        Field(f"{key}_action", f"Other controls — {label.lower()}", AREA),
        Field(f"{key}_owner", f"Owner ({label.lower()})", TEXT),
        Field(f"{key}_date", f"By ({label.lower()})", DATE))),
))

DETAILS = (
    Field("reason", "Why is this young person being assessed?", AREA),
)
