"""Records to persons: greedy clustering of links, strongest first, that never joins a forbidden pair.

Plain connected components would let a third record chain two twins (or a pair an analyst rejected)
into one person. Here each link is taken in order of decreasing match probability and skipped if it
would put two records that must not link into the same cluster; accepted pairs are taken first.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import polars as pl


class _Clusters:
    def __init__(self, uids: Iterable[str]):
        self.parent = {u: u for u in uids}
        self.members: dict[str, list[str]] = {u: [u] for u in self.parent}
        self.forbidden: dict[str, set[str]] = {}
        self.probability: dict[str, float] = {}

    def find(self, uid: str) -> str:
        root = uid
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[uid] != root:
            self.parent[uid], uid = root, self.parent[uid]
        return root

    def forbid(self, a: str, b: str) -> None:
        self.forbidden.setdefault(a, set()).add(b)
        self.forbidden.setdefault(b, set()).add(a)

    def _conflict(self, ra: str, rb: str) -> bool:
        fa, fb = self.forbidden.get(ra), self.forbidden.get(rb)
        if not fa and not fb:
            return False
        if fa and len(self.members[rb]) <= len(fa):
            return any(m in fa for m in self.members[rb])
        if fb and len(self.members[ra]) <= len(fb):
            return any(m in fb for m in self.members[ra])
        return bool((fa or set()) & set(self.members[rb]))

    def link(self, a: str, b: str, p: float) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self._conflict(ra, rb):
            return False
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        merged = self.forbidden.pop(rb, set()) | self.forbidden.get(ra, set())
        if merged:
            self.forbidden[ra] = merged
        for uid in (a, b):
            self.probability[uid] = max(self.probability.get(uid, 0.0), p)
        return True


def person_id(first_uid: str) -> str:
    """A stable person identifier derived from the smallest record key in the cluster."""
    return "P-" + hashlib.sha256(first_uid.encode()).hexdigest()[:12]


def cluster(
    uids: list[str],
    links: pl.DataFrame,
    *,
    accepted: Iterable[tuple[str, str]] = (),
    forbidden: Iterable[tuple[str, str]] = (),
) -> pl.DataFrame:
    """Assign every uid a ``person_id``; ``links`` has ``uid_l``, ``uid_r``, ``match_probability``.

    Returns ``uid``, ``person_id`` and ``match_probability`` (the strongest link that joined the
    record to its person; null for a record linked to no other).
    """
    state = _Clusters(uids)
    for a, b in forbidden:
        if a in state.parent and b in state.parent:
            state.forbid(a, b)
    for a, b in accepted:
        if a in state.parent and b in state.parent:
            state.link(a, b, 1.0)
    ordered = links.sort(["match_probability", "uid_l", "uid_r"], descending=[True, False, False])
    for a, b, p in ordered.select("uid_l", "uid_r", "match_probability").iter_rows():
        state.link(a, b, float(p))
    rows = []
    for members in state.members.values():
        pid = person_id(min(members))
        rows.extend((m, pid, state.probability.get(m)) for m in members)
    return pl.DataFrame(
        rows, schema={"uid": pl.String, "person_id": pl.String, "match_probability": pl.Float64}, orient="row"
    ).sort("uid")
