"""Context referrals, assessments and safety maps for tests, through the app's own pages' data shapes."""

from __future__ import annotations

from contextsafe.web.access import Kind
from contextsafe.web.casework import documents
from contextsafe.web.casework.models import Status
from contextsafe.web.contextplans import workflow


def referral(owner, stage: str = workflow.REFERRED, shared_with=(), **data):  # noqa: ANN001, ANN003, ANN201
    base = {"stage": stage, "context_name": "Hill Park", "context_kind": "place", "context_key": "place:Hill Park",
            "concerns": ["cce"], "concern_summary": "Approaches after school", "evidence": "Observations",
            "strengths": "", "young_people_affected": 4, "actions": [], "ratings": []}
    return documents.create(Kind.CONTEXT_REFERRAL, owner, "Context referral: Hill Park", {**base, **data},
                            shared_with=shared_with, context_key="place:Hill Park",
                            status=Status.DRAFT if stage == workflow.DRAFT else Status.SUBMITTED)


def safety_map(owner, on: str, places: dict, status: str = Status.SUBMITTED):  # noqa: ANN001, ANN201
    return documents.create(Kind.SAFETY_MAP, owner, f"Safety map {on}", {
        "young_person": "YP-REF-7", "mapped_on": on, "places": places, "place_names": {}}, status=status)
