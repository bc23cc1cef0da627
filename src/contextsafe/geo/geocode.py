"""Postcode → position for agency exports (addresses of young people, schools, incidents).

Agency exports write postcodes every way ('n16 5rp', 'N165RP', ' N16  5RP '); matching is on the
upper-case, space-free key. Only postcodes live in the October 2025 Code-Point Open release are known:
a terminated postcode from an old record comes back as NaN, never as a guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import polars as pl

from contextsafe.geo.tables import load_postcodes, postcode_key


class Geocoder:
    """Vectorised postcode look-up over the postcode files of one or more boroughs.

    >>> lat, lon = Geocoder.for_boroughs(["hackney"]).locate_postcodes(["n16 5rp", "nowhere", None])
    >>> bool(np.isnan(lat[1])) and bool(np.isnan(lat[2]))
    True
    """

    def __init__(self, postcodes: pl.DataFrame):
        self._table = (postcodes.select("postcode_key", "latitude", "longitude")
                       .unique("postcode_key", keep="first", maintain_order=True))

    @classmethod
    def for_boroughs(cls, boroughs: Iterable[str]) -> Geocoder:
        """A geocoder knowing every postcode of the boroughs named (a postcode on a border is in one)."""
        frames = [load_postcodes(b) for b in boroughs]
        if not frames:
            return cls(pl.DataFrame(schema={"postcode_key": pl.String, "latitude": pl.Float64,
                                            "longitude": pl.Float64}))
        return cls(pl.concat(frames))

    def __len__(self) -> int:
        return self._table.height

    def locate_postcodes(self, postcodes: Sequence[str | None]) -> tuple[np.ndarray, np.ndarray]:
        """(latitudes, longitudes) as float arrays in input order; NaN where the postcode is unknown."""
        asked = pl.DataFrame({"postcode": pl.Series(list(postcodes) if not isinstance(postcodes, pl.Series)
                                                    else postcodes, dtype=pl.String)})
        joined = (asked.with_columns(postcode_key=postcode_key(pl.col("postcode")))
                  .join(self._table, on="postcode_key", how="left", maintain_order="left"))
        return (joined["latitude"].fill_null(np.nan).to_numpy().astype(np.float64),
                joined["longitude"].fill_null(np.nan).to_numpy().astype(np.float64))
