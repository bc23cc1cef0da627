"""Organisations, users, roles and two-factor sign-in."""
