"""Child-on-child concerns (Keeping Children Safe in Education): a school records a concern between pupils (the
children harmed and those alleged to have harmed, both children), each discussion, and the decision with its
reason: manage internally, early help, refer to children's social care, or report to the police. Outcome counts
per organisation; never a score."""
