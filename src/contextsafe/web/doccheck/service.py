"""Uploading a set of documents, checking it against the current rules, and saving new rules versions.
Views call these; they hold no logic of their own."""

from __future__ import annotations

import hashlib
from dataclasses import asdict

from django.db import transaction

from contextsafe.doccheck import Document, Passage, RuleSet, check, default_text, load_rules, read
from contextsafe.web.audit.log import record_event
from contextsafe.web.doccheck.models import CheckSet, RulesVersion, UploadedDocument


def current_rules() -> tuple[int, str]:
    """The number and YAML text of the rules in force (0 and the shipped text before any edit)."""
    latest = RulesVersion.objects.order_by("-number").first()
    return (latest.number, latest.text) if latest else (0, default_text())


def rules_text(number: int) -> str | None:
    if number == 0:
        return default_text()
    found = RulesVersion.objects.filter(number=number).first()
    return found.text if found else None


@transaction.atomic
def save_rules(text: str, user, note: str) -> RulesVersion:  # noqa: ANN001
    """Store validated rules as the next version (raises RulesError when they do not validate)."""
    load_rules(text)
    number, _ = current_rules()
    saved = RulesVersion.objects.create(number=number + 1, text=text, note=note[:500], changed_by=user)
    record_event(user, "change", "document_check_rules", str(saved.number), detail=f"rules version {saved.number}: "
                 f"{note[:200]}")
    return saved


@transaction.atomic
def upload(name: str, files: list[tuple[str, bytes]], user) -> CheckSet:  # noqa: ANN001
    """Read every file (kind by content), check them together with the current rules and store the result."""
    documents = [read(filename, data) for filename, data in files]
    check_set = CheckSet.objects.create(name=name, organisation=user.organisation, created_by=user)
    for (filename, data), document in zip(files, documents, strict=True):
        UploadedDocument.objects.create(
            check_set=check_set, name=filename, kind=document.kind, size=len(data),
            sha256=hashlib.sha256(data).hexdigest(), title=document.title[:300],
            passages=[asdict(p) for p in document.passages])
    record_event(user, "upload", "document_check", str(check_set.pk), detail="; ".join(
        f"{d.name} ({d.kind}, {d.size} bytes, sha256 {d.sha256[:12]})" for d in check_set.documents.all())[:1000])
    return rerun(check_set)


def stored_documents(check_set: CheckSet) -> list[Document]:
    return [Document(d.name, d.kind, d.title, tuple(Passage(**p) for p in d.passages))
            for d in check_set.documents.all()]


def rerun(check_set: CheckSet, ruleset: RuleSet | None = None) -> CheckSet:
    """Check the stored documents again with the current rules (after the rules are edited)."""
    number, text = current_rules()
    report = check(stored_documents(check_set), ruleset or load_rules(text))
    check_set.report = report.to_dict()
    check_set.rules_number = number
    check_set.save()
    return check_set
