"""Anonymisation at input: the review's name list is kept as salted fingerprints (:class:`NameList`), and any text
containing a listed name — or a name of a linked young person in the store — is refused.

>>> tokens("Amara O'Brien-Jones, HA01")
['amara', 'o', 'brien', 'jones', 'ha']
>>> sorted(phrases(["amara", "jones"], longest=2))
['amara', 'amara jones', 'jones']
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Iterable

from contextsafe.web.casereviews.models import NameList
from contextsafe.web.casework.models import CaseDocument

LONGEST = 4  # words in the longest name phrase checked (e.g. a school's name)
REFUSED = ("This answer contains a name from the review's name list: use the codes (HA01, PG1…) instead — names "
           "are removed at input")
_WORD = re.compile(r"[^\W\d_]+")


def tokens(text: str) -> list[str]:
    return _WORD.findall(str(text).casefold())


def phrases(words: list[str], longest: int = LONGEST) -> set[str]:
    return {" ".join(words[i:i + n]) for n in range(1, longest + 1) for i in range(len(words) - n + 1)}


def name_forms(name: str, person: bool = True) -> set[str]:
    """What counts as the name in a text: the whole name and, for a person, each part of two letters or more."""
    words = tokens(name)
    if not words:
        return set()
    whole = {" ".join(words[:LONGEST])}
    return whole | ({w for w in words if len(w) >= 2} if person else set())


def _digest(salt: str, form: str) -> str:
    return hashlib.sha256(f"{salt}\x00{form}".encode()).hexdigest()


def name_list(document: CaseDocument) -> NameList:
    found, _ = NameList.objects.get_or_create(document=document, defaults={"salt": secrets.token_hex(16)})
    return found


def add_names(document: CaseDocument, people: Iterable[str] = (), contexts: Iterable[str] = ()) -> int:
    """Add names to the review's list (as fingerprints only); returns how many fingerprints it holds."""
    held = name_list(document)
    forms = {f for n in people for f in name_forms(n)} | {f for n in contexts for f in name_forms(n, person=False)}
    held.digests = sorted(set(held.digests) | {_digest(held.salt, f) for f in forms})
    held.save()
    return len(held.digests)


def contains_name(text: str, held: NameList | None, linked: Iterable[str] = ()) -> bool:
    """Whether ``text`` contains a listed name (by fingerprint) or a linked young person's name (in plain)."""
    found = phrases(tokens(text))
    if held and held.digests and {_digest(held.salt, p) for p in found} & set(held.digests):
        return True
    return any(found & name_forms(n) for n in linked)


def refused(values: dict[str, str], held: NameList | None, linked: Iterable[str] = ()) -> dict[str, str]:
    """The inputs (name → message) whose text holds a name."""
    linked = list(linked)
    return {name: REFUSED for name, text in values.items()
            if isinstance(text, str) and text.strip() and contains_name(text, held, linked)}
