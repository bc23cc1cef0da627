"""Signing in and stating a purpose are open to every signed-in user. Managing organisations and users (create,
lock and unlock, reset the authenticator, change role) is the administrator's alone.

``ACCOUNT`` is the kind of record the administration pages guard (the sign-in audit entries use it too).
"""

from contextsafe.web.access import Action, Kind
from contextsafe.web.accounts.models import UserRole

ACCOUNT = Kind.ACCOUNT

RULES: dict = {ACCOUNT: {Action.VIEW: {UserRole.ADMINISTRATOR}, Action.CHANGE: {UserRole.ADMINISTRATOR}}}

NAVIGATION = [("Users and organisations", "accounts:admin", ACCOUNT, Action.VIEW)]
