"""Organisations, agreements and requests for peer group information tests (over the tiny store)."""

from __future__ import annotations

from contextsafe.web.accounts.models import Organisation, UserRole
from contextsafe.web.governance.models import SharingAgreement
from contextsafe.web.pgi import services
from contextsafe.web.pgi.models import PgiRequest
from tests.web.accounts.factories import organisation, user


def agreement(reference: str = "ISA-PGI") -> SharingAgreement:
    return SharingAgreement.objects.get_or_create(reference=reference, defaults={"title": reference})[0]


def requester(org: Organisation | None = None):  # noqa: ANN201
    return user(UserRole.PRACTITIONER, org or organisation(sources=["csc_referrals", "pgi_forms", "school_exclusions"]))


def provider(org: Organisation | None = None):  # noqa: ANN201
    return user(UserRole.INFORMATION_PROVIDER, org or organisation(kind="school", sources=["school_exclusions"]))


def request_data(provider_org: Organisation, **overrides) -> dict:  # noqa: ANN003
    return {"person_id": "P-BEN", "young_person_name": "", "assessment_type": "social_care_assessment",
            "assessment_other": "", "concerns": ["serious_youth_violence"], "provider_organisation": provider_org.pk,
            "provider_user": "", "provider_name": "", "agreement": agreement().pk, "message": "", **overrides}


def sent_request(by, to, reference: str = "ISA-PGI", person_id: str = "P-BEN") -> PgiRequest:  # noqa: ANN001
    """A request sent through the service (as the view does), to ``to``'s organisation."""
    cleaned = {"person_id": person_id, "young_person_name": "Ben Okafor", "assessment_type": "asset_plus",
               "assessment_other": "", "concerns": ["serious_youth_violence"],
               "provider_organisation": to.organisation, "provider_user": to, "provider_name": "",
               "agreement": agreement(reference), "message": ""}
    return services.create_request(by, cleaned, send=True)


def answer_data(**overrides) -> dict:  # noqa: ANN003
    """POST data of an answer naming two peers: Cal (negative influence, followed) and a friend (positive)."""
    data = {"aware": "yes", "network": "few", "network_explanation": "A tight group of three or four.",
            "positive_influence": "Dee is a steadying friend from the football club.",
            "negative_influence": "Cal is older and has been seen with Ben near the estate late at night.",
            "follows": "Ben follows Cal's lead.", "leads": "", "other": "",
            "peers-TOTAL_FORMS": "3", "peers-INITIAL_FORMS": "0", "peers-MIN_NUM_FORMS": "0",
            "peers-MAX_NUM_FORMS": "30",
            # By name only: Cal's record is the police's, which a school may not see (nor link to).
            "peers-0-name": "Cal Smith", "peers-0-person_id": "", "peers-0-influence": "negative",
            "peers-0-relation": "follows", "peers-0-evidence": "Seen together after school most days.",
            "peers-1-name": "Dee Adeyemi", "peers-1-person_id": "", "peers-1-influence": "positive",
            "peers-1-relation": "neither", "peers-1-evidence": "Same football team.",
            "submit": "1"}
    data.update(overrides)
    return data
