"""The revised secondary referral form to the Fair Access Pupil Placement Panel (report appendix H), section by
section, with the same questions, tick lists and tables. Each section is a form; its cleaned data is stored under
the section's key in the referral document."""

from __future__ import annotations

from django import forms

TEXT = {"class": "govuk-input"}
SHORT = {"class": "govuk-input govuk-input--width-10"}
AREA = {"class": "govuk-textarea", "rows": 3}
DATE = {"class": "govuk-input govuk-input--width-10", "type": "date"}
SELECT = {"class": "govuk-select"}
PERSON_NOT_VISIBLE = "No young person with this identifier is visible to you for this purpose."
YES_NO = [("", "Not answered"), ("yes", "Yes"), ("no", "No")]

# 2. Social profile: "Peer-on-peer abuse (tick all that applies)", exactly the appendix's items.
PEER_ON_PEER = [
    ("cse", "Child Sexual Exploitation"),
    ("gangs", "Affected by Gangs and or serious youth violence"),
    ("relationship_abuse", "Relationship Abuse/Domestic Abuse in own relationships"),
    ("hsb", "Displays Harmful Sexual Behaviour"),
    ("sexual_bullying", "Sexual bullying"),
    ("missing_education", "Missing from Education"),
    ("missing_home", "Missing from Home"),
]
AGENCIES = [("yos", "YOS"), ("police", "Police"), ("camhs", "CAMHs"), ("ed_psych", "Education Psychology"),
            ("other", "Other (state)")]
VULNERABLE_GROUPS = ["Children Looked After", "Traveller Child", "Child of asylum seeker", "Young carer",
                     "Teenage parent", "School refuser", "Young offender", "Eligible for FSM", "EAL"]
INTERNAL_SUPPORT = ["Adapted timetables", "1:1 Sessions", "Respite – use of AP", "Internal Learning Unit",
                    "Internal Exclusion", "LSA Class Support", "Alternative Curriculum", "Peer Mentoring",
                    "Use of External Mentoring", "Counselling", "Smoking Cessation", "Drugs Worker", "School Nurse",
                    "Safeguarding", "Therapies e.g. Drama therapy", "Other"]
CHECKLIST_REQUIRED = ["Pastoral Support Plan", "Completed referral form", "SIMS attendance record",
                      "Most recent school report", "CAF", "Behaviour log"]
CHECKLIST_IF_APPLICABLE = ["Individual Education Plan (IEP)", "Statement of Educational Needs",
                           "Educational Psychologist Report", "YOS Report", "Statement Review", "Active PSP",
                           "Careers Plan", "Risk Assessment"]
# Panel decision: the issues that bring a pupil within the Fair Access protocol. The last item names the site's
# borough in the source ("in Croydon"); it reads "in the borough" here.
FAIR_ACCESS_ISSUES = [
    "Complex Issue Cases (CIC)", "Homeless", "Children with unsupportive family backgrounds",
    "Returning from the criminal justice system", "Permanent Exclusion previously or currently attending the PRU",
    "Children without a school place and a history of serious attendance problems",
    "At risk of Permanent Exclusion/Managed Move",
    "Out of education for more than 1 school term (includes movers in and returnees from EHE)", "Traveller",
    "Children of refugees and asylum seekers not in accommodation centres.",
    "Withdrawn by parents following fixed term exclusion and unable to find a school place",
    "Changing school in Year 10 or 11", "Moved between a number of schools in the borough and previously",
]
PROVISION = [("mainstream", "Placement at mainstream school"), ("respite_pru", "Respite place in PRU"),
             ("alternative", "Alternative Provision"), ("other", "Other (please elaborate)")]
# "Additional information relating to reasons for FAP referral": rows, each with "Information" and
# "School response, including referrals to external agencies".
CONTEXT_ROWS = [
    ("strengths", "Individual's strengths", ""),
    ("attitude", "Individual's attitude to work", ""),
    ("home", "Home environment / Parent/carer",
     "E.g. Response to concerns, relationship with school, does the child go missing from home."),
    ("peer", "Peer Group", "E.g. role within peer-group, School concerns about peers and friendship group, Bullies "
                           "others or is bullied, isolated or lacks friendship groups"),
    ("school", "School", "e.g. linked to other incidents or concerns within the school"),
    ("neighbourhood", "Neighbourhood", "E.g. impact of gangs, experience of violence/abuse outside of school "
                                       "including travelling to school"),
]


def _missing(label: str) -> dict[str, str]:
    return {"required": f"Answer \u201c{label}\u201d."}


def text(label: str, required: bool = False, attrs: dict | None = None, help_text: str = "") -> forms.CharField:
    return forms.CharField(label=label, required=required, max_length=300, help_text=help_text,
                           widget=forms.TextInput(attrs=attrs or TEXT), error_messages=_missing(label))


def area(label: str, required: bool = False, help_text: str = "") -> forms.CharField:
    return forms.CharField(label=label, required=required, max_length=6000, help_text=help_text,
                           widget=forms.Textarea(attrs=AREA), error_messages=_missing(label))


def date(label: str, required: bool = False) -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=forms.DateInput(attrs=DATE),
                           error_messages=_missing(label))


def yes_no(label: str, help_text: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(label=label, required=False, choices=YES_NO, help_text=help_text,
                             widget=forms.Select(attrs=SELECT))


def ticks(label: str, choices: list, help_text: str = "") -> forms.MultipleChoiceField:
    pairs = [(c, c) if isinstance(c, str) else c for c in choices]
    return forms.MultipleChoiceField(label=label, required=False, choices=pairs, help_text=help_text,
                                     widget=forms.CheckboxSelectMultiple(attrs={"class": "govuk-checkboxes__input"}))


def number(label: str, max_value: int = 100) -> forms.DecimalField:
    return forms.DecimalField(label=label, required=False, min_value=0, max_value=max_value, decimal_places=1,
                              widget=forms.NumberInput(attrs=SHORT))


def slug(label: str) -> str:
    return "".join(ch if ch.isalnum() else "_" for ch in label.lower()).strip("_")[:40]


class ReferralForm(forms.Form):
    """1. Referral & Recommendations."""

    name = text("Name", required=True)
    person_id = text("Linked young person (record identifier)", attrs={"class": "govuk-input govuk-input--width-20"},
                     help_text="Optional: the child's identifier in the partnership's records, so the referral shows "
                               "on their page and is reviewed for retention")
    review_on = date("Review by (retention)")
    other_names = text("Other Names")
    sex = forms.ChoiceField(label="Male / Female", required=False, widget=forms.Select(attrs=SELECT),
                            choices=[("", "Not answered"), ("male", "Male"), ("female", "Female")])
    ethnicity = text("Ethnicity")
    upn = text("UPN", attrs=SHORT)
    date_of_birth = date("Date of Birth")
    year_group = forms.ChoiceField(label="Year Group", required=False, widget=forms.Select(attrs=SELECT),
                                   choices=[("", "Not answered")] + [(str(y), f"Year {y}") for y in range(7, 14)])
    current_school = text("Current Provision/School", required=True)
    preferred_school = text("Preferred School/type of School")
    home_postcode = text("Postcode where the child lives", attrs=SHORT)
    home_ward = text("Ward where the child lives")
    reason = area("Reason for Referral and provision requested where appropriate", required=True,
                  help_text="See Type of provision/assessment below")
    provision_requested = ticks("Type of provision/assessment requested", PROVISION)
    lead_professional = text("Name of Lead Professional")
    risk_assessment_pru = area("Risk Assessment for placement at PRU: Please describe any intervention or "
                               "adaptation that has proved effective in the past")

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        for n in (1, 2):
            self.fields[f"carer{n}_name"] = text(f"Parent/Carer ({n}) Name")
            self.fields[f"carer{n}_relationship"] = text(f"Parent/Carer ({n}) Relationship")
            self.fields[f"carer{n}_primary"] = forms.BooleanField(label=f"Parent/Carer ({n}) is the primary carer",
                                                                  required=False)
            self.fields[f"carer{n}_tel"] = text(f"Parent/Carer ({n}) Tel No", attrs=SHORT)
            self.fields[f"carer{n}_email"] = forms.EmailField(label=f"Parent/Carer ({n}) Email", required=False,
                                                              widget=forms.EmailInput(attrs=TEXT))
            self.fields[f"carer{n}_address"] = text(f"Parent/Carer ({n}) Address")
            self.fields[f"carer{n}_postcode"] = text(f"Parent/Carer ({n}) Postcode", attrs=SHORT)
        for n in (1, 2, 3):
            self.fields[f"previous_school{n}"] = text(f"Previous school attended ({n}): Name of School")
            self.fields[f"previous_school{n}_from"] = date(f"Previous school ({n}): From")
            self.fields[f"previous_school{n}_to"] = date(f"Previous school ({n}): To")


class ContextForm(forms.Form):
    """Additional information relating to reasons for FAP referral: information, and the school's response."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        for key, label, hint in CONTEXT_ROWS:
            self.fields[f"{key}_information"] = area(f"{label}: Information", help_text=hint)
            self.fields[f"{key}_school_response"] = area(
                f"{label}: School response, including referrals to external agencies")


class SocialForm(forms.Form):
    """2. Social Profile."""

    open_to_social_care = yes_no("Is the student open to social care?", "If yes, please provide contact details")
    social_care_contact = text("Social care contact: Name")
    social_care_tel = text("Social care contact: Tel No", attrs=SHORT)
    early_help = yes_no("Does the student have a current Early Help Assessment or CAF?")
    early_help_reasons = area("If no, why not, please provide reasons")
    early_help_contact = text("Early Help / CAF contact: Name")
    early_help_tel = text("Early Help / CAF contact: Tel No", attrs=SHORT)
    child_protection = yes_no("Is the student on the Child Protection Register?")
    known_issues = area("Known Issues")
    school_support = area("Support provided by School")
    family_overview = area("Family Overview (i.e. Position of child in relation to siblings, parental details etc.)")
    peer_on_peer = ticks("Peer-on-peer abuse (tick all that applies)", PEER_ON_PEER)
    vulnerable_group = yes_no("Current Status: Does the student fall in to a vulnerable group?")
    vulnerable_groups = ticks("If yes, tick all that apply", VULNERABLE_GROUPS)
    medical = text("Medical Needs: Medical")
    allergies = text("Medical Needs: Known Allergies")
    dietary = text("Medical Needs: Dietary Requirements")
    accessibility = text("Medical Needs: Accessibility Issues")

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        for key, label in AGENCIES:
            self.fields[f"agency_{key}"] = forms.ChoiceField(
                label=f"Other Agency Involvement: {label}", required=False, widget=forms.Select(attrs=SELECT),
                choices=[("", "Not involved"), ("current", "Current"), ("expired", "Expired")])
            if key == "other":
                self.fields["agency_other_name"] = text("Other agency (state)")
            self.fields[f"agency_{key}_contact"] = text(f"{label}: Contact Name")
            self.fields[f"agency_{key}_email"] = forms.EmailField(label=f"{label}: Email", required=False,
                                                                  widget=forms.EmailInput(attrs=TEXT))


class EducationForm(forms.Form):
    """3. Education Profile."""

    cats_verbal = text("CATS Scores: Verbal", attrs=SHORT)
    cats_non_verbal = text("CATS Scores: Non-Verbal", attrs=SHORT)
    cats_quantitative = text("CATS Scores: Quantitative", attrs=SHORT)
    reading_age = text("Reading Age", attrs=SHORT)
    spelling_age = text("Spelling Age", attrs=SHORT)
    ks4_courses = area("KS4 Courses")
    attendance = number("Current Attendance (%)")
    authorised_absence = number("Authorised Absence (%)")
    unauthorised_absence = number("Unauthorised Absence (%)")
    last_attendance = date("Date of last Attendance")
    five_days = yes_no("Is the student expected to attend 5 days/week?")
    five_days_details = area("If no, please provide further details")
    ewo = yes_no("EWO Involvement", "If yes, please provide contact details")
    ewo_name = text("EWO: Name")
    ewo_tel = text("EWO: Tel No", attrs=SHORT)
    send_primary = text("SEND: Primary Need")
    send_secondary = text("SEND: Secondary Need")
    send_tertiary = text("SEND: Tertiary Need")
    iep = yes_no("IEP", "If yes, please attach")
    diagnosis = yes_no("Does the student have a specific diagnosis? (e.g. ADHD, ASD, Epilepsy, Dyslexia)")
    risk_assessment = yes_no("Does the student have a Risk Assessment in place?")

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        for subject in ("English", "Maths", "Science"):
            self.fields[f"ks2_{subject.lower()}"] = text(f"{subject}: Key Stage 2", attrs=SHORT)
            self.fields[f"current_{subject.lower()}"] = text(f"{subject}: Current Level", attrs=SHORT)
        for kind, label in (("exclusion", "Exclusion history"), ("internal_exclusion", "Internal Exclusions History")):
            for n in (1, 2, 3):
                self.fields[f"{kind}{n}_from"] = date(f"{label} ({n}): From")
                self.fields[f"{kind}{n}_to"] = date(f"{label} ({n}): To")
                self.fields[f"{kind}{n}_days"] = number(f"{label} ({n}): Length of Exclusion (days)", 400)
                self.fields[f"{kind}{n}_reason"] = text(f"{label} ({n}): Reason for Exclusion")
        for support in INTERNAL_SUPPORT:
            self.fields[f"support_{slug(support)}"] = yes_no(f"Internal Support: {support}")
            self.fields[f"support_{slug(support)}_comment"] = text(f"{support}: Comment and Impact")


class OfficeForm(forms.Form):
    """For Office Use Only, and the checklist of documents included with the referral."""

    referral_number = text("Referral Number", attrs=SHORT)
    referred_by = text("Referred by", required=True)
    date_completed = date("Date Form Completed", required=True)
    tel = text("Tel No", attrs=SHORT)
    email = forms.EmailField(label="Email", required=False, widget=forms.EmailInput(attrs=TEXT))
    checklist = ticks("These must be included within the referral documents: please tick to confirm",
                      CHECKLIST_REQUIRED)
    checklist_if_applicable = ticks("The following should be included if applicable", CHECKLIST_IF_APPLICABLE)


class DecisionForm(forms.Form):
    """Panel Decision: the Fair Access issues, the type of provision agreed and its support costs, the chair."""

    issues = ticks("Which of the following issues currently affect this pupil which, in your opinion, means they "
                   "fall within the Fair Access protocol?", FAIR_ACCESS_ISSUES,
                   help_text="If the pupil has left a previous school, please include reasons for this if known.")
    left_previous_reason = area("Reasons for leaving a previous school (if known)")
    placement_agreed = ticks("Placement Agreed", PROVISION)
    pru_support = ticks("Support costs: PRU Support", PROVISION[1:])
    school_costs = ticks("Support costs: School costs", PROVISION[1:])
    other_elaborate = area("Other (please elaborate)")
    receiving_school = text("School or provision the pupil will attend", required=True)
    decision_notes = area("Panel discussion and decision", required=True)
    signed_by = text("Signed by Chair of panel", required=True)
    signed_on = date("Date", required=True)


SECTIONS = [
    ("referral", "1. Referral & Recommendations", ReferralForm),
    ("context", "Additional information relating to reasons for FAP referral", ContextForm),
    ("social", "2. Social Profile", SocialForm),
    ("education", "3. Education Profile", EducationForm),
    ("office", "For Office Use Only and checklist", OfficeForm),
]
SECTION_FORMS = {key: form for key, _, form in SECTIONS}
SECTION_LABELS = {key: label for key, label, _ in SECTIONS} | {"decision": "Panel Decision"}
