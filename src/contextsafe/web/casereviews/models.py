"""The review's name list, held only as salted fingerprints: names are removed at input (the template codes young
people HA01… and contexts PG1…), yet every later answer can still be refused when it contains one of them."""

from __future__ import annotations

from django.db import models


class NameList(models.Model):
    """Salted SHA-256 fingerprints of the names (and each part of a person's name) given at input."""

    document = models.OneToOneField("casework.CaseDocument", on_delete=models.CASCADE, related_name="+")
    salt = models.CharField(max_length=64)
    digests = models.JSONField(default=list)

    def __str__(self) -> str:
        return f"name list of review {self.document_id} ({len(self.digests)} fingerprints)"
