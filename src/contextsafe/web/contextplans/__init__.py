"""Context referrals, conferences and plans; context assessments; safety mapping (the Contextual Safeguarding
toolkit's tools for changing a context rather than a child).

* ``views.referrals``: refer a peer group, school or place -> context conference with Context Weighting ->
  context plan (actions with owner, organisation, due date and status) -> the context's safety over time.
* ``views.assessments``: place and peer group assessment triangles, a school's Beyond Referrals traffic-light
  self-assessment, and the Contextual Outcomes Framework (goals, planned responses, measures, measurements).
* ``views.maps``: a young person's red/amber/green safety map of the borough, and pooled maps (counts per place,
  no names, at least three maps) per quarter.

The rules of each workflow are in :mod:`.workflow`, the toolkit's questions in :mod:`.toolkit`, the drawings in
:mod:`.charts`; every record is a casework document saved through ``casework.documents``.
"""
