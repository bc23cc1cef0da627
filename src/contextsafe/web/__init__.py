"""The secure multi-agency web application (Django, GOV.UK Design System).

Public surface: :func:`configure` (point Django at a workspace), :func:`prepare` (migrate, registers, demo
accounts) and :func:`run` (serve on loopback); :mod:`contextsafe.web.access` decides every access and writes
its audit entry; :mod:`contextsafe.web.retention.expiry` lists and deletes what is past retention.
"""

from contextsafe.web.serve import configure, prepare, run

__all__ = ["configure", "prepare", "run"]
