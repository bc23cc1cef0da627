"""Contexts as records: peer groups, schools, places and homes, with members, events and network."""
