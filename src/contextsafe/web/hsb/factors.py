"""The vocabulary of the HSB meeting framework (report appendix L): Hackett's continuum (its appendix 1), the
contextual table of its appendix 3 (rows: contexts; columns: points for discussion) and the risk, resilience
and vulnerability factors of its appendix 4, listed per context exactly as the site used them.

Two lines of the source were run together or split across a page break when the report was printed; they are
listed here as the separate items they are (noted where it happens). "Bulling" is the source's misprint of
"Bullying" and is corrected.
"""

from __future__ import annotations

# Hackett's continuum of sexual behaviours (Hackett 2010): which point best accounts for the behaviours?
CONTINUUM = [
    ("normal", "Normal", "Developmentally expected; socially acceptable; consensual, mutual, reciprocal; "
                         "shared decision making."),
    ("inappropriate", "Inappropriate", "Single instances of inappropriate sexual behaviour; socially acceptable "
                                       "behaviour within peer group; context for behaviour may be inappropriate; "
                                       "generally consensual and reciprocal."),
    ("problematic", "Problematic", "Problematic and concerning behaviours; developmentally unusual and socially "
                                   "unexpected; no overt elements of victimisation; consent issues may be unclear; "
                                   "may lack reciprocity or equal power; may include levels of compulsivity."),
    ("abusive", "Abusive", "Victimising intent or outcome; includes misuse of power, coercion and force to ensure "
                           "victim compliance; intrusive; informed consent lacking, or not able to be freely given "
                           "by victim; may include elements of expressive violence."),
    ("violent", "Violent", "Physically violent sexual abuse; highly intrusive; instrumental violence which is "
                           "physiologically and/or sexually arousing to the perpetrator; sadism."),
]
CONTINUUM_LABELS = {key: label for key, label, _ in CONTINUUM}
CONTINUUM_ORDER = {key: n for n, (key, _, _) in enumerate(CONTINUUM)}

# Appendix 3: rows (contexts) and columns (points for discussion / recording at the HSB MAP meeting).
CONTEXTS = [
    ("individual", "Individual young person's characteristics"),
    ("family", "Family / Home(s) characteristics"),
    ("peer", "Peer group(s)"),
    ("school", "School(s)"),
    ("neighbourhood", "Neighbourhood spaces (specify)"),
]
CONTEXT_LABELS = dict(CONTEXTS)
SHORT_CONTEXT = {"individual": "Individual", "family": "Family / home", "peer": "Peer group", "school": "School",
                 "neighbourhood": "Neighbourhood"}
COLUMNS = [
    ("current_situation", "Young person's current situation"),
    ("hsb", "Young person's HSB"),
    ("vulnerability", "Vulnerability factors"),
    ("risk", "Risk factors"),
    ("resilience", "Resilience factors"),
    ("strengths", "Strengths"),
    ("professional_involvement", "Professional involvement to date"),
    ("planned_actions", "Planned actions / interventions"),
    ("barriers", "Challenges / barriers to intervention"),
]
COLUMN_LABELS = dict(COLUMNS)
FACTOR_KINDS = ("vulnerability", "risk", "resilience")

_DISCLOSURES = "Disclosures made then withdrawn by subject or victim"
_RECRUITING = "Recruiting others into exploitative situations"
_ATTITUDES = "Harmful/Oppressive attitudes towards young women, relationships and consent"
_AGGRESSION = "History of aggressive behavior"
_PORN = "Obsession/ pre-occupation with pornography"
_IMAGES = "Evidence of sexual bullying and/or distributing sexually inappropriate images"
_SUPPORT = "Makes positive use of support network"
_SEXUAL_KNOWLEDGE = "Developmentally appropriate level of sexual knowledge"
_ONE_ADULT = "Access to a positive relationship with at least one adult"
_SIGNIFICANT_ADULTS = ("The most significant adults in a young person's life demonstrate protective attitudes and "
                       "behaviours")
_PROFESSIONALS = "Positive relationships with professionals"
_ABUSE = "Experience of abuse or neglect"
_GANG = "Gang association"
_MISSING = "Missing from home or care"
_ORIENTATION_PEERS = ("Unsure about their sexual orientation or unable to disclose sexual orientation to their "
                      "families or peers")
_ORIENTATION = "Unsure about their sexual orientation or unable to disclose sexual orientation to their families"
_BEREAVEMENT = "Recent bereavement or loss"
_BULLYING = "Bullying/ sexual bullying"
_SUBSTANCES = "Alcohol and/ or substance misuse"
_HARMFUL_FRIENDS = ("Attending school or are friends with young people who are involved in sexually harmful "
                    "behavior/ sexually exploited")

# Appendix 4, context -> kind -> factors, in the order printed.
FACTORS: dict[str, dict[str, list[str]]] = {
    "individual": {
        "risk": [
            "Formal diagnosis of Conduct Disorder or other formal mental health diagnosis",
            _AGGRESSION,
            "History of cruelty to animals",
            "Socially and emotionally isolated",
            _DISCLOSURES,
            _RECRUITING,
            # printed run together with the next item in the source
            "Concerns raised regarding sexualised or sexually harmful behaviour during childhood",
            "Cold, callous attitude towards offending & appears to lack of empathy",
            _ATTITUDES,
            _PORN,
            _IMAGES,
            "Allegations have been made against them in respect of sexually harmful behaviour, including when NFA'd",
        ],
        "resilience": [
            "Abusive behaviour appears to be peer influenced rather than led by young person",
            "Abusive behaviour ceased when victim demonstrated non-compliance or distress",
            "Accepts responsibility for the offence",
            "Engages in positive talents and or leisure interests",
            "Good negotiation/ problem solving skills",
            _SEXUAL_KNOWLEDGE,
            _SUPPORT,
        ],
        "vulnerability": [
            _ORIENTATION_PEERS,
            "Learning disabilities",
            _BEREAVEMENT,
            "Low self-esteem or self-confidence",
            "Experience of being bullied themselves and/ or coercion into bullying others",
            _SUBSTANCES,
        ],
    },
    "family": {
        "risk": [
            "Witnessed domestic violence",
            _DISCLOSURES,
            _RECRUITING,
            "Concerns raised regarding sexualised or sexually harmful behaviour within family",
            _ATTITUDES,
        ],
        "resilience": [_ONE_ADULT, _SIGNIFICANT_ADULTS, _SUPPORT],
        "vulnerability": [
            "Living in a chaotic or dysfunctional household",
            _ABUSE,
            _GANG,
            _MISSING,
            _ORIENTATION_PEERS,
            _BEREAVEMENT,
            _BULLYING,
            _SUBSTANCES,
        ],
    },
    "peer": {
        "risk": [
            _AGGRESSION,
            _DISCLOSURES,
            _RECRUITING,
            "Concerns raised regarding sexualised or sexually harmful behaviour amongst peers",
            _ATTITUDES,
            _PORN,
            _IMAGES,
        ],
        "resilience": ["Abusive behaviour challenged by some peers", _SEXUAL_KNOWLEDGE, _SUPPORT],
        "vulnerability": [
            _ABUSE,
            _GANG,
            _HARMFUL_FRIENDS,
            _MISSING,
            _ORIENTATION,
            # printed as "Recent bereavement" and "Bulling/ sexual bullying or loss": the words "or loss" slipped
            # to the next line
            _BEREAVEMENT,
            _BULLYING,
            _SUBSTANCES,
        ],
    },
    "school": {
        "risk": [
            _DISCLOSURES,
            _RECRUITING,
            "Concerns raised regarding sexualised or sexually harmful behaviour within school",
            _ATTITUDES,
            _IMAGES,
        ],
        "resilience": [
            "Opportunities for extra-curricular and or leisure interests",
            "Clear messaging about consent, relationships gender",
            "Clearly applied bullying policies and procedures",
            "Response to corridor cultures are consistent",  # split across a page break in the source
            _ONE_ADULT,
            _SIGNIFICANT_ADULTS,
            _PROFESSIONALS,
            "Makes positive use of support network – engaged in multi-agency partnerships",
        ],
        "vulnerability": [
            _ABUSE,
            _GANG,
            _HARMFUL_FRIENDS,
            _ORIENTATION,  # split across a page break in the source
            "Absent or exclusion from education or training",
            _MISSING,
            _BULLYING,
            _SUBSTANCES,
        ],
    },
    "neighbourhood": {
        "risk": [
            _DISCLOSURES,
            _RECRUITING,
            "Concerns raised regarding sexualised or sexually harmful behaviour within local areas where they "
            "spend their time",
            _ATTITUDES,
        ],
        "resilience": [
            "Available extra-curricular and or leisure interests",
            "Access to a consistent and positive relationship with at least one adult",
            _SIGNIFICANT_ADULTS,
            _PROFESSIONALS,
            "Places for safe socialisation are available",
            "Clear response to identified trends in crime and anti-social behaviour",
            "Relevant neighbourhood partners engaged in response to emerging trends",
        ],
        "vulnerability": [_ABUSE, _GANG, _MISSING, _BULLYING, _SUBSTANCES],
    },
}


def selected_factors(data: dict) -> set[tuple[str, str, str]]:
    """Every (context, kind, factor) picked in a meeting's contextual table (free-text additions excluded)."""
    table = data.get("table") or {}
    return {(context, kind, factor) for context, _ in CONTEXTS for kind in FACTOR_KINDS
            for factor in (table.get(context) or {}).get(kind) or []}
