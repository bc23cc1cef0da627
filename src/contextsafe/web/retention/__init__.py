"""Retention: what is past its source's retention period, listed and deleted (logged)."""
