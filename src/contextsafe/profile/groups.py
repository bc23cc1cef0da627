"""Broad ethnic groups and age bands for equality monitoring and redaction.

Agencies record ethnicity in different codings — DfE 4-letter codes, police IC codes (officer-defined),
NHS letters, the 18+1 census names — so equality monitoring maps each onto the five broad groups of
the census (White, Mixed, Asian, Black, Other) and ``Unknown``. IC codes are an officer's view, not
self-defined ethnicity: the report says so.
"""

from __future__ import annotations

import datetime as dt

UNKNOWN = "Unknown"
BROAD_GROUPS = ("White", "Mixed", "Asian", "Black", "Other", UNKNOWN)

_IC = {"IC1": "White", "IC2": "White", "IC3": "Black", "IC4": "Asian", "IC5": "Asian", "IC6": "Other"}
_NHS = {**dict.fromkeys("ABC", "White"), **dict.fromkeys("DEFG", "Mixed"), **dict.fromkeys("HJKL", "Asian"),
        **dict.fromkeys("MNP", "Black"), "R": "Asian", "S": "Other"}
_DFE_PREFIX = {"W": "White", "M": "Mixed", "A": "Asian", "B": "Black", "O": "Other"}
_DFE_SPECIAL = {"CHNE": "Asian", "REFU": UNKNOWN, "NOBT": UNKNOWN}
_WORDS = (("white and", "Mixed"), ("mixed", "Mixed"), ("white", "White"), ("black", "Black"),
          ("caribbean", "Black"), ("african", "Black"), ("indian", "Asian"), ("pakistani", "Asian"),
          ("bangladeshi", "Asian"), ("chinese", "Asian"), ("asian", "Asian"), ("arab", "Other"),
          ("other", "Other"))

AGE_BANDS = ((0, 9, "under 10"), (10, 13, "10-13"), (14, 15, "14-15"), (16, 17, "16-17"), (18, 24, "18-24"))


def broad_ethnicity(code: str | None) -> str:
    """The census broad group of an agency's ethnicity code or name.

    >>> broad_ethnicity("WBRI"), broad_ethnicity("IC3"), broad_ethnicity("K"), broad_ethnicity("White and Asian")
    ('White', 'Black', 'Asian', 'Mixed')
    >>> broad_ethnicity(None)
    'Unknown'
    """
    text = (code or "").strip()
    if not text:
        return UNKNOWN
    upper = text.upper()
    if upper in _IC:
        return _IC[upper]
    if len(upper) == 1:
        return _NHS.get(upper, UNKNOWN)
    if len(upper) == 4 and upper.isalpha() and upper.isupper() == text.isupper():
        return _DFE_SPECIAL.get(upper) or _DFE_PREFIX.get(upper[0], UNKNOWN)
    lower = text.lower()
    return next((group for word, group in _WORDS if word in lower), UNKNOWN)


def age_band(date_of_birth: dt.date | None, on: dt.date) -> str:
    """The age band of a young person on ``on`` (the end of the profile period).

    >>> age_band(dt.date(2003, 7, 1), dt.date(2018, 6, 30))
    '14-15'
    """
    if date_of_birth is None:
        return UNKNOWN
    years = on.year - date_of_birth.year - ((on.month, on.day) < (date_of_birth.month, date_of_birth.day))
    for low, high, label in AGE_BANDS:
        if low <= years <= high:
            return label
    return "25+" if years > 24 else UNKNOWN


def sex_label(value: str | None) -> str:
    """``female``/``male`` as recorded, anything else ``Unknown``."""
    text = (value or "").strip().lower()
    return {"female": "Female", "f": "Female", "male": "Male", "m": "Male"}.get(text, UNKNOWN)
