"""Signing in and stating a purpose are open to every signed-in user. Managing organisations and users (create,
lock and unlock, reset the authenticator, change role) is the administrator's alone.

``ACCOUNT`` is the kind of record the administration pages guard; it is the string the sign-in audit entries
already use ("account"), so ``access.Kind`` may gain ``ACCOUNT = "account"`` without any change here.
"""

from contextsafe.web.access import Action
from contextsafe.web.accounts.models import UserRole

ACCOUNT = "account"

RULES: dict = {ACCOUNT: {Action.VIEW: {UserRole.ADMINISTRATOR}, Action.CHANGE: {UserRole.ADMINISTRATOR}}}

NAVIGATION = [("Users and organisations", "accounts:admin", ACCOUNT, Action.VIEW)]
