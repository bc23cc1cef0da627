"""The questions of the Peer Group Information Capture Form (appendix F), asked as the pilot asked them."""

from __future__ import annotations

from django import forms
from django.forms import formset_factory

from contextsafe.web import store
from contextsafe.web.access import Action, Kind, Target, decide
from contextsafe.web.accounts.models import Organisation, User, UserRole
from contextsafe.web.governance.models import SharingAgreement
from contextsafe.web.pgi.permissions import PROVIDING

AREA = {"class": "govuk-textarea", "rows": 3}
TEXT = {"class": "govuk-input"}
SELECT = {"class": "govuk-select"}

ASSESSMENTS = [
    ("social_care_assessment", "Children's social care assessment"),
    ("asset_plus", "Youth offending: AssetPlus"),
    ("cse_assessment", "CSE service assessment"),
    ("other", "Other assessment (say which)"),
]
CONCERNS = [  # "referred into their service with concerns related to peer-on-peer abuse"
    ("peer_on_peer_cse", "Peer-on-peer child sexual exploitation"),
    ("teenage_relationship_abuse", "Teenage relationship abuse"),
    ("serious_youth_violence", "Serious youth violence"),
    ("harmful_sexual_behaviour", "Harmful sexual behaviour"),
]
YES_NO = [("yes", "Yes"), ("no", "No")]
NETWORK = [("many", "Many peer relationships"), ("few", "A small number of peer relationships"),
           ("isolated", "Socially isolated")]
INFLUENCE = [("", "Choose"), ("positive", "Positive or protective"), ("negative", "Negative or risky"),
             ("neither", "Neither"), ("not_known", "Not known")]
RELATION = [("", "Choose"), ("follows", "Follows this peer"), ("leads", "Leads or influences this peer"),
            ("neither", "Neither")]
FEEDBACK = [("yes", "Yes"), ("partly", "Partly"), ("no", "No")]


def _radio(choices: list) -> forms.RadioSelect:
    return forms.RadioSelect(attrs={"class": "govuk-radios__input"}, choices=choices)


class RequestForm(forms.Form):
    """What the requester fills in: about whom, why, from whom, under which agreement."""

    person_id = forms.CharField(label="Young person (person id in the store)", max_length=100,
                                help_text="Search below, or type the person id from the young person's page.",
                                widget=forms.TextInput(attrs=TEXT))
    young_person_name = forms.CharField(label="Name of young person concerned", max_length=200, required=False,
                                        help_text="Filled in from the store when left blank.",
                                        widget=forms.TextInput(attrs=TEXT))
    assessment_type = forms.ChoiceField(label="Type of assessment being conducted by requesting organisation",
                                        choices=[("", "Choose"), *ASSESSMENTS], widget=forms.Select(attrs=SELECT))
    assessment_other = forms.CharField(label="Other assessment", max_length=200, required=False,
                                       widget=forms.TextInput(attrs=TEXT))
    concerns = forms.MultipleChoiceField(label="Concerns related to peer-on-peer abuse in the referral",
                                         choices=CONCERNS, widget=forms.CheckboxSelectMultiple)
    provider_organisation = forms.ModelChoiceField(
        Organisation.objects.filter(kind__in=PROVIDING).order_by("name"), label="Information provider: agency",
        help_text="The young person's school or the youth service.", widget=forms.Select(attrs=SELECT))
    provider_user = forms.ModelChoiceField(
        User.objects.filter(organisation__kind__in=PROVIDING, is_active=True,
                            role__in=[UserRole.INFORMATION_PROVIDER, UserRole.PRACTITIONER]).order_by("username"),
        required=False, label="Information provider: named practitioner (optional)", widget=forms.Select(attrs=SELECT))
    provider_name = forms.CharField(label="Information provider: name, if they have no account", max_length=200,
                                    required=False, widget=forms.TextInput(attrs=TEXT))
    agreement = forms.ModelChoiceField(SharingAgreement.objects.order_by("reference"),
                                       label="Information sharing agreement this request is made under",
                                       widget=forms.Select(attrs=SELECT))
    message = forms.CharField(label="Message to the information provider (optional)", max_length=2000,
                              required=False, widget=forms.Textarea(attrs=AREA))

    def __init__(self, user, purpose: str | None, *args, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.user, self.purpose = user, purpose

    def clean_person_id(self) -> str:
        ident = self.cleaned_data["person_id"].strip()
        if not decide(self.user, self.purpose, Target(Kind.PERSON, ident), Action.VIEW).allowed:
            raise forms.ValidationError("No young person with this id is visible to you: search for them, or "
                                        "check the id on their page.")
        return ident

    def clean(self) -> dict:
        data = super().clean()
        if data.get("assessment_type") == "other" and not data.get("assessment_other", "").strip():
            self.add_error("assessment_other", "Say which assessment you are conducting.")
        org, named = data.get("provider_organisation"), data.get("provider_user")
        if org and named and named.organisation_id != org.pk:
            self.add_error("provider_user", f"{named.username} does not work for {org.name}: choose a practitioner "
                                            "of that agency, or leave it blank.")
        if data.get("person_id") and not data.get("young_person_name", "").strip():
            data["young_person_name"] = person_name(data["person_id"])
            if not data["young_person_name"]:
                self.add_error("young_person_name", "Give the young person's name.")
        return data


def person_name(person_id: str) -> str:
    """The name on the young person's earliest linked record in the store ('' when there is none)."""
    rows = store.query("SELECT r.given_name, r.family_name FROM person_records p JOIN records r "
                       "USING (source, record_id) WHERE p.person_id = ? AND r.given_name IS NOT NULL "
                       "ORDER BY r.recorded_on NULLS LAST, r.source, r.record_id LIMIT 1", [person_id])
    return " ".join(filter(None, (rows[0]["given_name"], rows[0]["family_name"]))) if rows else ""


class AnswerForm(forms.Form):
    """The information provider's answers, in the form's order."""

    aware = forms.ChoiceField(label="Are you (the information provider) aware of any peer relationships of the young "
                                    "person concerned?", choices=YES_NO, widget=_radio(YES_NO),
                              help_text="If no, return the form stating so; if yes, complete the rest.")
    network = forms.ChoiceField(label="Does the young person of concern have many peer relationships or a small "
                                      "number? Are they socially isolated?", choices=NETWORK, required=False,
                                widget=_radio(NETWORK))
    network_explanation = forms.CharField(label="About their peer relationships", max_length=4000, required=False,
                                          widget=forms.Textarea(attrs=AREA))
    positive_influence = forms.CharField(
        label="Do you consider any of the above individuals to have a positive or protective influence on the young "
              "person concerned? (Please explain answer)", max_length=4000, required=False,
        widget=forms.Textarea(attrs=AREA))
    negative_influence = forms.CharField(
        label="Do you consider any of the above individuals to have a negative or risky influence on the young "
              "person concerned? (Please explain answer)", max_length=4000, required=False,
        widget=forms.Textarea(attrs=AREA))
    follows = forms.CharField(
        label="Does the young person concerned appear to follow the influence of any of their peers? (Please name "
              "which peer and explain your answer)", max_length=4000, required=False, widget=forms.Textarea(attrs=AREA))
    leads = forms.CharField(
        label="Does the young person concerned appear to lead or influence the behaviour of any of their peers? "
              "(Please name which peer/s and explain your answer)", max_length=4000, required=False,
        widget=forms.Textarea(attrs=AREA))
    other = forms.CharField(
        label="Is there any other information regarding the nature and quality of this young person's peer "
              "associations that you think would inform my assessment? (if so please share here)",
        max_length=4000, required=False, widget=forms.Textarea(attrs=AREA))

    def check_with_peers(self, peers: list[dict]) -> None:
        """Errors that need the named peers: the form's "if yes … if no …" and its "please explain"."""
        data = self.cleaned_data
        if data.get("aware") == "no":
            if peers:
                self.add_error("aware", "You answered No, but named peers: remove them, or answer Yes.")
            return
        if not data.get("network"):
            self.add_error("network", "Say whether they have many peer relationships, a small number, or are "
                                      "socially isolated.")
        if not peers and data.get("network") != "isolated":
            self.add_error(None, "Name the young people with whom this young person spends their time.")
        needs = {"positive_influence": ("influence", "positive", "a positive or protective influence"),
                 "negative_influence": ("influence", "negative", "a negative or risky influence"),
                 "follows": ("relation", "follows", "someone the young person follows"),
                 "leads": ("relation", "leads", "someone the young person leads")}
        for name, (key, value, words) in needs.items():
            if any(p[key] == value for p in peers) and not data.get(name, "").strip():
                self.add_error(name, f"You named {words}: please explain your answer.")


# One answer for an id that exists nowhere and for one the user may not see: which ids exist is not told.
PERSON_NOT_VISIBLE = "No linked young person has this id among those visible to you: check it, or give the name only."


def person_visible(user, purpose: str | None, person_id: str) -> bool:  # noqa: ANN001
    """Whether ``user``, working for ``purpose``, may see the young person ``person_id`` (access.decide)."""
    return decide(user, purpose, Target(Kind.PERSON, person_id), Action.VIEW).allowed


class PeerForm(forms.Form):
    """One named peer: "the names of the young people with whom this young person spends their time"."""

    name = forms.CharField(label="Name", max_length=200, required=False, widget=forms.TextInput(attrs=TEXT))
    person_id = forms.CharField(label="Person id (if known)", max_length=100, required=False,
                                widget=forms.TextInput(attrs=TEXT))
    influence = forms.ChoiceField(label="Influence on the young person", choices=INFLUENCE, required=False,
                                  widget=forms.Select(attrs=SELECT))
    relation = forms.ChoiceField(label="The young person", choices=RELATION, required=False,
                                 widget=forms.Select(attrs=SELECT))
    evidence = forms.CharField(label="What you have seen (evidence)", max_length=2000, required=False,
                               widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 2}))

    def __init__(self, *args, user=None, purpose: str | None = None, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        """``user`` and ``purpose``: whose form it is, so a linked id is one they may see (none without them)."""
        super().__init__(*args, **kwargs)
        self.user, self.purpose = user, purpose

    def clean(self) -> dict:
        data = super().clean()
        if not any(data.get(k) for k in ("name", "person_id", "influence", "relation", "evidence")):
            return data  # a blank row: ignored
        if not data.get("name", "").strip() and not data.get("person_id", "").strip():
            self.add_error("name", "Give the peer's name or their person id.")
        if data.get("person_id") and not person_visible(self.user, self.purpose, data["person_id"].strip()):
            self.add_error("person_id", PERSON_NOT_VISIBLE)
        if not data.get("influence"):
            self.add_error("influence", "Say whether this peer's influence is positive, negative, neither or not "
                                        "known.")
        if not data.get("relation"):
            self.add_error("relation", "Say whether the young person follows or leads this peer, or neither.")
        return data


PeerFormSet = formset_factory(PeerForm, extra=3, max_num=30, validate_max=True)


def peer_rows(formset) -> list[dict]:  # noqa: ANN001
    """The named peers of a valid formset, blank rows left out, as plain dicts."""
    keys = ("name", "person_id", "influence", "relation", "evidence")
    rows = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", {}) or {}
        if any(data.get(k) for k in keys):
            rows.append({k: (data.get(k) or "").strip() for k in keys})
    return rows


class FeedbackForm(forms.Form):
    """The requester's report back: "whether the information informed the assessment and whether any other
    actions were required to safeguard the young people discussed"."""

    informed = forms.ChoiceField(label="Did the information inform the assessment?", choices=FEEDBACK,
                                 widget=_radio(FEEDBACK))
    how = forms.CharField(label="How it was used in the assessment", max_length=4000, required=False,
                          widget=forms.Textarea(attrs=AREA))
    actions_required = forms.ChoiceField(label="Are any other actions required to safeguard the young people "
                                               "discussed?", choices=YES_NO, widget=_radio(YES_NO))
    actions = forms.CharField(label="What actions follow, and who takes them", max_length=4000, required=False,
                              widget=forms.Textarea(attrs=AREA))

    def clean(self) -> dict:
        data = super().clean()
        if data.get("actions_required") == "yes" and not data.get("actions", "").strip():
            self.add_error("actions", "Say what actions follow and who takes them.")
        if data.get("informed") in ("yes", "partly") and not data.get("how", "").strip():
            self.add_error("how", "Say how the information was used in the assessment.")
        return data
