"""Peer group information capture (appendix F): practitioners of children's social care, the youth offending
service and the CSE service ask a school or the youth service about a young person's peers, for assessment only;
the provider answers the form's questions with the named peers; the requester reads it, gives feedback and is
notified when the answer changes. :func:`contextsafe.web.pgi.feed.export_answers` feeds answered named peers into
the analysis workspace, for profiling only where the agreement cited permits it."""
