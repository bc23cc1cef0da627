"""Schools, concerns and decisions for child-on-child concern tests."""

from __future__ import annotations

import datetime as dt

from contextsafe.web.accounts.models import UserRole
from tests.web.accounts.factories import organisation, user


def school_lead(org=None):  # noqa: ANN001, ANN201
    """A designated safeguarding lead: an information provider of a school."""
    return user(UserRole.INFORMATION_PROVIDER, org or organisation(kind="school", sources=["school_exclusions"]))


def concern_data(**overrides) -> dict:  # noqa: ANN003
    day = (dt.date.today() - dt.timedelta(days=3)).isoformat()
    data = {"what": "Year 9 pupil said two boys pushed her and took photos in the changing room.",
            "happened_on": day, "when_details": "Lunchtime", "where": "school_site",
            "where_details": "Girls' changing room", "harm": ["physical", "image_sharing"], "reported": "disclosure",
            "reported_on": day,
            "children-TOTAL_FORMS": "3", "children-INITIAL_FORMS": "0", "children-MIN_NUM_FORMS": "0",
            "children-MAX_NUM_FORMS": "20",
            # Ids the school may see only: Ben is in its exclusions, Amara (social care, police) is not its record.
            "children-0-name": "Amara Jones", "children-0-person_id": "", "children-0-role": "victim",
            "children-0-age": "14", "children-0-year_group": "9",
            "children-1-name": "Ben Okafor", "children-1-person_id": "P-BEN", "children-1-role": "alleged_harmer",
            "children-1-age": "15", "children-1-year_group": "10", "record": "1"}
    data.update(overrides)
    return data


def decision_data(outcome: str = "manage_internally", share_with: list | None = None, **overrides) -> dict:  # noqa: ANN003
    return {"outcome": outcome, "reason": "Both pupils are known to the school; a safety plan keeps them apart.",
            "decided_on": dt.date.today().isoformat(), "decided_by": "Designated safeguarding lead",
            "reference": "", "share_with": share_with or [], **overrides}
