"""How places and schools are called in free text, and the identifiers they resolve to.

Shared by the gazetteer and by the synthetic case notes, so a note's ground truth and an extracted
suggestion name a place the same way: a bus stop by the road or landmark it is named after
(``stop:kentish-town-road``), a station by its name (``station:chalk-farm``), a ward by its ONS code
(``ward:E05000128``) and a school by its context (``school:<urn>``).
"""

from __future__ import annotations

import re

_STATION = re.compile(r"^(?P<name>.*?)\s*\b(?:STATION|STN)\b", re.IGNORECASE)
_NOT_RAIL = re.compile(r"\b(POLICE|BUS|FIRE)\s+(STATION|STN)\b", re.IGNORECASE)
_SYMBOLS = re.compile(r"[<>#]|\bLOL\b|^\s*HAIL\s*&\s*RIDE\b", re.IGNORECASE)
# Words a school's short name leaves out ("Haverstock" for "Haverstock School").
_SCHOOL_WORDS = {"the", "school", "academy", "secondary", "senior", "catholic", "college", "independent", "fcj"}
# A short name of one of these words alone says nothing (the borough, "University" for University College School).
_GENERIC = {"camden", "hackney", "islington", "london", "university", "city", "north", "south", "the", "for",
            "girls", "boys", "high"}


def slug(text: str) -> str:
    """``"King's Cross"`` -> ``"kings-cross"``."""
    return "-".join(re.sub(r"[^a-z0-9 ]", "", text.lower().replace("&", " and ")).split())


def title(text: str) -> str:
    """A TfL capitalised name as people write it (``"KING'S CROSS"`` -> ``"King's Cross"``)."""
    words = []
    for word in text.split():
        low = word.lower()
        words.append(low if low in {"and", "of", "the", "with"} and words else low[:1].upper() + low[1:])
    return " ".join(words)


def stop_places(raw: str) -> list[tuple[str, str, str]]:
    """The places a TfL stop name refers to, as ``(kind, display name, entity id)``.

    ``"HIGH HOLBORN / CHANCERY LANE STATION <>"`` -> a stop on High Holborn and Chancery Lane station.
    """
    out = []
    for part in raw.split("/"):
        clean = " ".join(_SYMBOLS.sub(" ", part).split())
        if not clean:
            continue
        station = _STATION.match(clean)
        if station and not _NOT_RAIL.search(clean) and station.group("name"):
            name = title(station.group("name"))
            out.append(("station", name, f"station:{slug(name)}"))
        else:
            name = title(clean)
            out.append(("stop", name, f"stop:{slug(name)}"))
    return out


def ward_names(name: str) -> list[str]:
    """A ward's name and the parts it is known by (``"Holborn and Covent Garden"`` -> also Covent Garden)."""
    names = [name]
    parts = re.split(r"\s+(?:and|with)\s+", name)
    if len(parts) > 1:
        names += [p for p in parts if p]
    return names


def school_short_names(name: str) -> list[str]:
    """Short names a school goes by: ``"Haverstock School"`` -> ``["Haverstock", "HS"]``;
    ``"The Camden School for Girls"`` -> ``["Camden School for Girls", "CSG"]``."""
    words = name.split(" - ")[0].split()
    kept = [w for w in words if w.lower() not in _SCHOOL_WORDS]
    while kept and kept[-1].lower() in {"for", "girls", "boys", "-", "&"}:
        kept.pop()
    out = []
    if kept and len(kept) < len(words) and not (len(kept) == 1 and kept[0].lower() in _GENERIC):
        out.append(" ".join(kept))
    if words and words[0].lower() == "the":
        out.append(" ".join(words[1:]))
    initials = [w for w in words if w.lower() not in {"the", "for", "of"}]
    if len(initials) == 3 and not any(w.isupper() for w in initials):
        out.append("".join(w[0] for w in initials).upper())
    return [s for s in dict.fromkeys(out) if s and s != name]
