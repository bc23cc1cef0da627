"""The local audit of appendix A ("Briefing – Auditing a local response to peer-on-peer abuse", Practitioner
Briefing #2) and its matrix (Figure 2, "MSU Audit Methodology"), word for word where the briefing words them.

The matrix crosses the siloed areas of response (four central ones, and those "surrounding" them chosen per
audit) with the levels from strategy to case management. At each level the audit asks whether the response
links *across* the silos and *down* to the level below (Figure 2's arrows), and whether it engages with
contexts beyond the home (peer groups, schools, neighbourhoods).
"""

from __future__ import annotations

# Figure 2: the four central areas of response.
CORE_SILOS = [
    ("cse", "Child sexual exploitation"),
    ("domestic_abuse", "Domestic abuse"),
    ("syv", "Serious youth violence"),
    ("hsb", "Harmful sexual behaviour"),
]
# "Surrounding these four central areas of response consideration also had to be given to any local response to:"
OPTIONAL_SILOS = [
    ("missing", "Children going missing from home, care or education"),
    ("substance_misuse", "Substance misuse"),
    ("exposure_da", "Childhood exposure to domestic abuse"),
    ("exclusions", "School exclusions and truancy"),
    ("asb", "Anti-social behaviour"),
    ("familial_abuse", "Familial child abuse"),
]
SILOS = dict(CORE_SILOS + OPTIONAL_SILOS)

# Figure 2: the rows, from strategy down to case management.
LEVELS = [
    ("strategy", "Strategy and action plan"),
    ("strategic_group", "Strategic group"),
    ("guidance", "Guidance"),
    ("protocol", "Protocol"),
    ("operational_meeting", "Multi-agency operational meeting"),
    ("assessment", "Assessment"),
    ("interventions", "Intervention plans and available interventions"),
    ("case_management", "Case management"),
]
LEVEL_NAMES = dict(LEVELS)
LOWEST = LEVELS[-1][0]

EXISTS = [("yes", "Yes"), ("partly", "Partly"), ("no", "No")]
LINKED = [("yes", "Yes"), ("partly", "Partly"), ("no", "No")]
# Contexts beyond the home the response may engage ("environments beyond the home").
CONTEXTS = [("peer_groups", "Peer groups"), ("schools", "Schools"), ("neighbourhoods", "Neighbourhoods")]
CONTEXT_NAMES = dict(CONTEXTS)

# Step 1 – Strategic review.
STRATEGY_QUESTIONS = [
    ("implications", "What are the implications of each of these documents for peer-on-peer abuse?"),
    ("environments", "To what extent do these documents recognise, and engage with, environments beyond the home "
                     "that may be associated to peer-on-peer abuse?"),
    ("governance", "Are the separate governance arrangements for each strategy sufficiently coordinated to "
                   "demonstrate a clear line of accountability for the local response to peer-on-peer abuse?"),
    ("consistent", "Taken together, do these documents provide a consistent message on the local response to "
                   "peer-on-peer abuse or does the message differ dependent on the issue under consideration (for "
                   "example – what is the difference between the strategic position on peer-on-peer sexual "
                   "exploitation and harmful sexual behaviour)?"),
]
PROTOCOL_QUESTIONS = [
    ("protocol_implications", "Protocols and guidance: what are the implications for responses to peer-on-peer "
                              "abuse?"),
    ("protocol_contexts", "Protocols and guidance: do they engage with contexts as well as individuals?"),
    ("protocol_consistent", "Protocols and guidance: taken together, are they consistent regarding referral "
                            "pathways, assessments and partnerships?"),
]
# "Drawing together the findings of training and meeting observations the audit is able to identify whether:"
SYNTHESIS_QUESTIONS = [
    ("practice_differs", "Practice differs locally from strategies, guidance and protocols"),
    ("engage_contexts", "Operational and strategic responses engage with contexts as well as individuals"),
    ("sufficiently_linked", "Operational and strategic responses are sufficiently linked across siloed areas to "
                            "offer a consistent response to peer-on-peer abuse"),
]
REVIEW_QUESTIONS = STRATEGY_QUESTIONS + PROTOCOL_QUESTIONS + SYNTHESIS_QUESTIONS

# Step 2 – Observations: the meetings that could be observed.
MEETINGS = [
    ("cse_strategic", "Child sexual exploitation strategic group"),
    ("mase", "Child sexual exploitation operational group (MASE / SERAC)"),
    ("marac", "Multi-agency risk assessment conference for domestic abuse (MARAC)"),
    ("vawg_strategic", "Violence against women and girls or domestic abuse strategic group"),
    ("hsb_group", "Harmful sexual behaviour strategic and/or operational group"),
    ("gangs_panel", "Gangs panel, bronze group or gangs action group – operational"),
    ("gangs_strategic", "Gangs and/or serious youth violence strategic group"),
    ("fair_access", "Fair access panel"),
    ("youth_disorder", "Youth crime disorder or anti-social behaviour panel"),
    ("yj_panel", "Youth Justice risk and vulnerability panels"),
    ("map", "Multi-agency planning meetings (MAP)"),
    ("other", "Another meeting"),
]
# "During observations of meetings, the audit considers the extent to which meetings:"
MEETING_QUESTIONS = [
    ("explore_contexts", "Explore the contexts in which peer-on-peer abuse has occurred and task partners to "
                         "intervene with those contexts to reduce risk"),
    ("share_trends", "Share trend data and identify overlaps in their cohort of individuals and contexts of concern"),
    ("consistent_language", "Use consistent language to describe peer-on-peer abuse and the risk associated to the "
                            "phenomenon"),
    ("comparable_risk", "Assess risk and vulnerability in comparable ways for peer-on-peer abuse cases"),
    ("appropriate_interventions", "Allocate interventions that are age and gender appropriate in peer-on-peer abuse "
                                  "cases (for example can CSE meetings access appropriate support for boys and young "
                                  "men, do domestic abuse meetings have access to services for young people)"),
]
TRAININGS = [
    ("hsb", "Harmful sexual behaviour"),
    ("teenage_relationship_abuse", "Teenage relationship abuse"),
    ("cse", "Child sexual exploitation"),
    ("gangs_syv", "Gangs and serious youth violence"),
    ("other", "Another session"),
]
# "During training observations the audit process considers the extent to which sessions:"
TRAINING_QUESTIONS = [
    ("shared_definitions", "Utilise shared definitions and language to describe peer-on-peer abuse"),
    ("shared_pathways", "Promote shared referral pathways and assessments for young people affected by "
                        "peer-on-peer abuse"),
    ("research_evidence", "Utilise evidence from research into domestic abuse, child sexual exploitation, harmful "
                          "sexual behaviour and serious youth violence to inform content"),
    ("local_profile", "Draw upon the local problem profile of peer-on-peer abuse"),
]
EXTENT = [("yes", "Yes"), ("partly", "Partly"), ("no", "No"), ("not_seen", "Not observed")]

# Step 3 – "follow up meetings, focus groups and workshops with practitioners".
FORUM_FORMATS = [("follow_up", "Follow-up meeting"), ("focus_group", "Focus group"), ("workshop", "Workshop")]
# Asked after practitioners have worked through a real-life case study.
FORUM_QUESTIONS = [
    ("respond_now", "How do you, and the partners you work with, respond to cases like this at present?"),
    ("effective", "What do you consider to be the most effective components of your local response to "
                  "peer-on-peer abuse?"),
    ("challenges", "What do you consider to be the most critical challenges in your local response to "
                   "peer-on-peer abuse?"),
]

# Outcomes: "Strengths, challenges and areas for development are identified in relation to:"
HEADINGS = [
    ("individuals", "Assessment of, and intervention with, individuals"),
    ("homes", "Assessment of, and intervention with, home environments"),
    ("peer_groups", "Assessment of, and intervention with, peer groups"),
    ("schools", "Assessment of, and intervention with, school environments"),
    ("neighbourhoods", "Assessment of, and intervention with, neighbourhoods"),
    ("leadership", "Leadership and governance"),
    ("multi_agency", "Multi-agency working"),
    ("strategy", "Strategy, protocol and guidance"),
    ("training", "Training"),
    ("overall", "Overarching findings and recommendations"),
]
FINDING_PARTS = [
    ("strengths", "Strengths", "Examples of contextual and holistic responses"),
    ("challenges", "Challenges", "Examples of where contextual and holistic practice were lacking or being hampered"),
    ("development", "Areas for development",
     "Examples of where local strengths could be maximised to address the identified challenges"),
]
