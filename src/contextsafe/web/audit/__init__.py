"""The append-only, hash-chained audit log: who did what, when, why, under which agreement."""
