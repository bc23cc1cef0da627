"""The contextual case review template of appendix C ("Contextual Case Review — Evidence collection document"),
declared as data: three stages completed in a non-linear fashion, anonymised at the point of input (young people
HA01, HA02…; contexts PG1, SC1…), with a log of the documents reviewed and used.

Stage 1 — behaviour and individuals: case overview, incident/s under review, young people featured, missing
episodes. Stage 2 — the environments associated to each featured young person (home, peer group, school,
neighbourhood: abusive behaviours, criminality, harmful gender norms, lack of capacity to safeguard, protective
factors — identified and a qualitative account), condensed into an overview table and a case summary.
Stage 3 — professional engagement prior to the incident and identification, the response following
identification, outcomes, and changes to the local response since; then thematic findings and recommendations.
"""

from __future__ import annotations

from contextsafe.web.assessments.grid import AREA, CHECK, DATE, SELECT, TEXT, Field, Grid, Rows

YOUNG_PERSON_PREFIX = "HA"
ROLES = (("complainant", "Complainant"), ("suspect", "Suspect"), ("witness", "Witness"), ("other", "Other"),
         ("leader", "Leader"))
# Context kinds of stage 2, with the code prefix given at input (the seed's example codes a peer group PG1).
CONTEXT_KINDS = (("home", "Home", "HM"), ("peer_group", "Peer group", "PG"), ("school", "School", "SC"),
                 ("neighbourhood", "Neighbourhood", "NB"))
CONTEXT_LABELS = {k: label for k, label, _ in CONTEXT_KINDS}
CONTEXT_PREFIX = {k: prefix for k, _, prefix in CONTEXT_KINDS}

# --- Stage 1 -----------------------------------------------------------------------------------------------
OVERVIEW = (
    Field("incident_summary", "Incident/s or offence/s under investigation (qualitative account)"),
    Field("year_of_incident", "Year (of incident)", TEXT),
    Field("year_of_response", "Year (of response)", TEXT),
)
AGENCIES = Rows("agencies", blank=2, columns=(
    Field("prior", "Prior to identification", TEXT), Field("prior_code", "Code (if relevant)", TEXT),
    Field("post", "Post identification", TEXT), Field("post_code", "Code (if relevant)", TEXT)))
DEFINITIONS = (("cse", "Child sexual exploitation"), ("domestic_abuse", "Domestic abuse"),
               ("serious_youth_violence", "Serious youth violence"),
               ("gang_associated_violence", "Gang-associated violence"), ("hsb", "Harmful sexual behaviour"))
DEFINITION_FIELDS = tuple(Field(k, label, CHECK) for k, label in DEFINITIONS)
BEHAVIOURS = Grid("behaviours", rows=(("physical", "Physical"), ("sexual", "Sexual"), ("emotional", "Emotional"),
                                      ("financial", "Financial"), ("coercive_control", "Coercive control")),
                  columns=(Field("prior", "Prior (during escalation)", CHECK),
                           Field("during", "During incident", CHECK), Field("following", "Following incident", CHECK)))
INCIDENT = (
    Field("behaviour_description", "Abusive behaviours: qualitative description"),
    Field("weapons", "Weapons used"),
    Field("technology", "Technology featured"),
    Field("locations", "Location/s of incident/s", hint="Use context codes (NB1, SC1…), not place names"),
    Field("escalation", "Escalation (qualitative account)"),
)
YES_NO = (("yes", "Yes"), ("no", "No"), ("not_known", "Not known"))
CHARACTERISTICS = (
    Field("age", "Age", TEXT), Field("gender", "Gender", TEXT), Field("ethnicity", "Ethnicity", TEXT),
    Field("disability", "Disability", TEXT), Field("sexuality", "Sexuality", TEXT),
    Field("lac", "LAC", SELECT, YES_NO), Field("offending", "Offending", SELECT, YES_NO),
    Field("ga", "GA (gang-association)", SELECT, YES_NO), Field("cin_cp", "CIN/CP", TEXT),
    Field("education", "Education", TEXT, hint="In education / exclusion"),
    Field("qualitative", "Qualitative examples"),
)
MISSING = (
    Field("missing", "Missing", SELECT, YES_NO), Field("episodes", "No of episodes", TEXT),
    Field("length", "Length of missing", TEXT), Field("reported", "Reported", TEXT),
    Field("qualitative", "Qualitative examples"),
)

# --- Stage 2 -----------------------------------------------------------------------------------------------
RISK_ROWS = (("abusive_behaviours", "Abusive behaviours"), ("criminality", "Criminality"),
             ("harmful_gender_norms", "Harmful gender norms"),
             ("lack_of_capacity", "Lack of capacity to safeguard"))
SAFETY_ROWS = (("protective_factors", "Protective factors"),)
ENVIRONMENT_ROWS = RISK_ROWS + SAFETY_ROWS
ENVIRONMENT_COLUMNS = (Field("identified", "Identified", CHECK), Field("account", "Qualitative account"))

# --- Stage 3 -----------------------------------------------------------------------------------------------
SERVICES = (("social_care", "Children's social care"), ("health", "Health"), ("police", "Police"),
            ("private_sector", "Private sector"), ("schools", "School/s"), ("voluntary_sector", "Voluntary sector"),
            ("youth_offending", "Youth offending"), ("youth_service", "Youth service"))
PRIOR_ENGAGEMENT = Grid("prior", rows=SERVICES, columns=(
    Field("prior_to_incident", "Prior to incident", CHECK), Field("prior_to_identification", "Prior to identification",
                                                                  CHECK),
    Field("account", "Qualitative account")),
    hints={"health": "insert which service", "private_sector": "insert which", "voluntary_sector": "insert which"})
IDENTIFICATION = (
    Field("identified_by", "Identified by", TEXT),
    Field("identification_account", "Qualitative account of the identification process"),
    Field("initial_response", "Initial response to identification"),
    Field("meetings", "Multi-agency meetings: held, attendance and actions"),
    Field("risk_assessment", "Risk assessment of incident"),
)
SERVICE_CHOICES = SERVICES
INTERVENTION_COLUMNS = (Field("service", "Service", SELECT, SERVICE_CHOICES), Field("assessment", "Assessment", TEXT),
                        Field("account", "Qualitative account"))
OUTCOME_ROWS = (("investigation", "Investigation"), ("charges", "Charges"), ("convictions", "Convictions"),
                ("relocations", "Relocations (home)"), ("managed_move", "Managed move (school)"),
                ("exclusion", "Exclusion (school)"), ("child_protection_plan", "Child protection plan"),
                ("looked_after", "Looked after"))
OUTCOMES = Grid("outcomes", rows=OUTCOME_ROWS, columns=(Field("code", "Code", TEXT, hint="e.g. HA01, HA02"),
                                                         Field("account", "Qualitative account")))
SAFEGUARDED = (("yes", "Safeguarded"), ("partly", "Partly"), ("no", "Not safeguarded"), ("not_known", "Not known"))
SAFETY = (("safe", "Evidence of safety"), ("ongoing_risk", "On-going risk"), ("mixed", "Both"),
          ("not_known", "Not known"))
CHANGES = Grid("changes", rows=(("multi_agency", "Multi-agency working"), ("strategies", "Local strategies"),
                                ("risk_tools", "Risk assessment tools"), ("specialist", "Specialist services"),
                                ("schools", "Partnerships with schools involved"), ("training", "Training"),
                                ("profile", "Local problem profile")),
               columns=(Field("then", "Time of offence/response"), Field("current", "Current")))
CONCLUSIONS = (Field("thematic_findings", "Thematic findings (following analysis)"),
               Field("recommendations", "Recommendations"))

# --- Log of documents reviewed and used --------------------------------------------------------------------
DOCUMENT_TYPES = (("chronology", "Chronology"), ("witness_statement", "Witness statement"),
                  ("assessment", "Assessment"), ("referral", "Referral form"), ("case_notes", "Case notes"),
                  ("minutes", "Minutes of a meeting"), ("investigation", "Investigation document"),
                  ("ofsted", "Ofsted report"), ("crime_data", "Crime data"), ("interview", "Interview with a "
                                                                                          "professional"),
                  ("strategic", "Strategic document"), ("other", "Other"))
DOCUMENT_LOG = Rows("log", blank=2, columns=(
    Field("title", "Title", TEXT, hint="Without names: e.g. 'CSC chronology HA01'"),
    Field("type", "Type", SELECT, DOCUMENT_TYPES), Field("date", "Date", DATE),
    Field("used", "Used", SELECT, (("yes", "Yes"), ("no", "No"))), Field("notes", "Notes", AREA)))
