"""Themes of a contextual assessment read from a note by rules: keyword cues, and the negations that
mean a sentence names a theme to say it is absent ("no concerns about social media")."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Theme -> cues (regular expressions, case-insensitive, on word boundaries).
THEME_CUES: dict[str, tuple[str, ...]] = {
    "harmful_gender_norms": (
        r"controlling behaviour", r"sexist", r"nude images?", r"nudes", r"rate girls", r"rating girls",
        r"derogatory language about (?:women|girls)", r"girls as (?:property|possessions)",
        r"girls to do what", r"attitudes? towards girls", r"misogyn\w*"),
    "capacity_to_safeguard": (
        r"struggling to (?:safeguard|cope|keep)", r"capacity to safeguard",
        r"unable to keep (?:\w+ )?(?:them|him|her) safe",
        r"do(?:es)? not know where (?:they|he|she) (?:are|is)", r"unable to set boundaries", r"cannot supervise",
        r"lack of (?:parental )?supervision"),
    "protective_factors": (
        r"protective factors?", r"positive relationship", r"boxing club", r"engaged well", r"trusted adult",
        r"strong bond", r"football training", r"mentor(?:ing)? sessions"),
    "weapons": (
        r"knife", r"knives", r"blade", r"machete", r"bb gun", r"firearm", r"\bgun\b", r"weapons?", r"stab vest"),
    "technology": (
        r"snapchat", r"instagram", r"whatsapp(?: group)?", r"tiktok", r"youtube", r"facebook", r"group chat",
        r"social media", r"online", r"sharing images", r"sexting"),
}
# Words before a cue, in the same sentence, that negate it.
NEGATION = re.compile(r"\b(?:no|never|denies|denied|not aware of|nothing to suggest|without)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_COMPILED = {theme: re.compile(r"\b(?:" + "|".join(cues) + r")", re.IGNORECASE) for theme, cues in THEME_CUES.items()}


@dataclass(frozen=True)
class ThemeHit:
    theme: str
    start: int
    end: int
    cue: str
    negated: bool


def find_themes(text: str, keep_negated: bool = False) -> list[ThemeHit]:
    """Theme cues in ``text``, one hit per theme per sentence (spanning its cues). Negated sentences are left
    out unless ``keep_negated``."""
    hits: list[ThemeHit] = []
    for sentence in _SENTENCE.finditer(text):
        body = sentence.group(0)
        for theme, pattern in _COMPILED.items():
            found = list(pattern.finditer(body))
            if not found:
                continue
            negated = bool(NEGATION.search(body[: found[0].start()]))
            if negated and not keep_negated:
                continue
            start, end = sentence.start() + found[0].start(), sentence.start() + found[-1].end()
            hits.append(ThemeHit(theme, start, end, ", ".join(m.group(0) for m in found), negated))
    return hits
