"""The data matrix of need across Fair Access Panel referrals (report section on FAP work, seed 001): how many
referrals involve peer-on-peer abuse and of which kind, which schools refer and receive, which journeys (home
area to school) the children make, and the year group, gender and ethnicity counts the revised form collects.
Counts only: no child's name, date of birth, UPN or full postcode leaves this module."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from contextsafe.web.fap.form import PEER_ON_PEER

POPA_LABELS = dict(PEER_ON_PEER)


def home_area(referral: dict) -> str:
    """The ward, or else the postcode district (outward code), where the child lives; never the full postcode.

    >>> home_area({"home_ward": "Kilburn", "home_postcode": "NW6 7AB"}), home_area({"home_postcode": "nw5 1xy"})
    ('Kilburn', 'NW5')
    """
    ward = (referral.get("home_ward") or "").strip()
    if ward:
        return ward
    postcode = (referral.get("home_postcode") or "").strip().upper()
    match = re.match(r"^([A-Z]{1,2}\d[A-Z\d]?)", postcode)
    return match.group(1) if match else "Not recorded"


@dataclass
class Matrix:
    referrals: int = 0
    peer_on_peer: int = 0
    by_item: Counter = field(default_factory=Counter)
    referring: dict[str, list[int]] = field(default_factory=dict)  # school -> [referrals, peer-on-peer]
    receiving: dict[str, list[int]] = field(default_factory=dict)
    journeys: dict[tuple[str, str], list[int]] = field(default_factory=dict)  # (home area, school) -> [n, popa]
    year_group: Counter = field(default_factory=Counter)
    sex: Counter = field(default_factory=Counter)
    ethnicity: Counter = field(default_factory=Counter)

    def rows(self) -> list[tuple[str, str, str, int, int]]:
        """Every count as (table, row, column, referrals, of which peer-on-peer abuse), for the CSV export."""
        out = [("referrals", "all", "", self.referrals, self.peer_on_peer)]
        out += [("peer_on_peer_item", label, "", self.by_item[key], self.by_item[key]) for key, label in PEER_ON_PEER]
        out += [("referring_school", s, "", n, p) for s, (n, p) in sorted(self.referring.items())]
        out += [("receiving_school", s, "", n, p) for s, (n, p) in sorted(self.receiving.items())]
        out += [("journey", home, school, n, p) for (home, school), (n, p) in sorted(self.journeys.items())]
        for table, counts in (("year_group", self.year_group), ("sex", self.sex), ("ethnicity", self.ethnicity)):
            out += [(table, key, "", n, 0) for key, n in sorted(counts.items())]
        return out


def _add(table: dict, key, popa: bool) -> None:  # noqa: ANN001
    counts = table.setdefault(key, [0, 0])
    counts[0] += 1
    counts[1] += int(popa)


def build(referrals) -> Matrix:  # noqa: ANN001 - iterable of FAP referral documents' data
    """Count every referral's tick list, schools and journey."""
    matrix = Matrix()
    for data in referrals:
        referral, social = data.get("referral") or {}, data.get("social") or {}
        decision = data.get("decision") or {}
        items = [i for i in social.get("peer_on_peer") or [] if i in POPA_LABELS]
        popa = bool(items)
        matrix.referrals += 1
        matrix.peer_on_peer += int(popa)
        matrix.by_item.update(items)
        school = (referral.get("current_school") or "").strip() or "Not recorded"
        _add(matrix.referring, school, popa)
        if (receiving := (decision.get("receiving_school") or "").strip()):
            _add(matrix.receiving, receiving, popa)
        _add(matrix.journeys, (home_area(referral), school), popa)
        matrix.year_group[f"Year {referral['year_group']}" if referral.get("year_group") else "Not recorded"] += 1
        matrix.sex[(referral.get("sex") or "not recorded").capitalize()] += 1
        matrix.ethnicity[(referral.get("ethnicity") or "").strip() or "Not recorded"] += 1
    return matrix
