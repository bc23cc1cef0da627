"""Typed linkage settings, validated once and saved beside every run so it can be reproduced."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Engine = Literal["duckdb", "spark"]


class LinkSettings(BaseModel):
    """How a linkage run trains, thresholds and clusters.

    ``link_threshold``: pairs at or above this match probability link automatically.
    ``review_from``: pairs from this probability up to ``link_threshold`` go to the review queue.
    ``twin_guard``: never merge records that share no compatible first name (twins share a surname,
    a date of birth and an address). ``date_of_birth_guard``: never merge records whose dates of
    birth all differ by more than one slip (so a record with a name alone cannot join namesakes).
    ``memory_limit_mb``: DuckDB's memory bound (it spills to disk beyond it).
    ``collapse_duplicates``: records identical in every compared field (with a name and a date of birth)
    are scored once, as one representative, and all join its person (see :mod:`contextsafe.link.collapse`).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    link_threshold: float = Field(0.9, gt=0, le=1)
    review_from: float = Field(0.5, gt=0, le=1)
    twin_guard: bool = True
    date_of_birth_guard: bool = True
    link_type: Literal["dedupe_only", "link_only"] = "dedupe_only"
    u_max_pairs: float = Field(2e6, gt=0)
    u_chunks: int = Field(1, ge=1)
    em_max_pairs: float | None = Field(5e6, gt=0)
    prior_recall: float = Field(0.7, gt=0, le=1)
    model_name: str = "uk_children"
    memory_limit_mb: int = Field(1536, ge=256)
    collapse_duplicates: bool = True

    @model_validator(mode="after")
    def _band_is_ordered(self) -> LinkSettings:
        if self.review_from > self.link_threshold:
            raise ValueError("review_from must not exceed link_threshold")
        return self
