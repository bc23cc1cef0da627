"""The demo borough's multi-agency meetings, registered with the store sources holding their lists, so the
overlap between them shows in the demo (synthetic lists; chairs and terms are illustrative)."""

from __future__ import annotations

from contextsafe.web import store
from contextsafe.web.accounts.models import User
from contextsafe.web.panels.models import Meeting

MEETINGS = [  # name, type, chaired by, frequency, source, terms
    ("MASE (multi-agency sexual exploitation meeting)", "mase", "Camden Children's Social Care", "monthly",
     "mase_list", "Core members only; actions minuted per young person; list kept by the MASE coordinator."),
    ("MARAC", "marac", "Metropolitan Police", "monthly", "marac_list",
     "Cases of young people aged 16–17 in relationships; the IDVA attends."),
    ("Gangs panel", "gangs", "Camden Youth Offending Service", "fortnightly", "gangs_panel",
     "Police, YOS, social care, youth service; intelligence shared under the gangs protocol."),
    ("HSB multi-agency meeting", "hsb", "Camden Children's Social Care", "monthly", "hsb_meetings",
     "Appendix L framework; both young people who displayed HSB and those harmed are discussed."),
    ("Fair Access Panel", "fap", "Camden schools (secondary)", "monthly", "fap_referrals",
     "Head teachers and the local authority; referral forms with the contextual questions (appendix H)."),
    ("Youth disorder panel", "youth_disorder", "Community safety", "monthly", "asb_callouts",
     "Anti-social behaviour call-outs involving young people, reviewed for places of concern."),
    ("Missing children panel", "missing", "Camden Children's Social Care", "monthly", "missing_episodes",
     "Return home interviews and missing episodes."),
    ("MAPPA", "mappa", "National Probation Service", "monthly", "",
     "Adults posing risk; young people discussed only as victims or siblings. List not held in the store."),
    ("MASH", "mash", "Camden Children's Social Care", "as_needed", "",
     "Front-door information sharing; not a list of its own."),
]


def seed() -> None:
    """Register the meetings for the partnership, by the panel chair (idempotent; works with no store)."""
    chair = User.objects.filter(username="panel_chair").select_related("organisation").first()
    if chair is None or chair.organisation is None:
        return
    sources = store.sources()
    for name, type_, chaired_by, frequency, source, terms in MEETINGS:
        known = sources.get(source)
        Meeting.objects.get_or_create(organisation=chair.organisation, name=name, defaults={
            "type": type_, "chair_organisation": chaired_by, "frequency": frequency, "source": source,
            "agreement": known.agreement if known else "",
            "purposes": list(known.purposes) if known else (["assessment", "profiling"] if source else []),
            "terms": terms, "created_by": chair})
