"""Accounts declare no record rules: signing in and stating a purpose are open to every signed-in user."""

RULES: dict = {}
