"""Casework documents: the report's paper forms as versioned records (drafts, who changed what, print and PDF).

Every workflow of the practitioner and partnership issues (peer group information, contextual assessments,
HSB meetings, Fair Access Panel referrals, case reviews, context conferences, audits...) keeps its record as
a :class:`~contextsafe.web.casework.models.CaseDocument`: an owning organisation, the organisations it is
shared with, the purpose it was collected for, the agreement it is shared under, the young person or
context it is about, a review date and reason, and its content as validated form data. Access to one is
decided in :mod:`contextsafe.web.access` like any other record.
"""
