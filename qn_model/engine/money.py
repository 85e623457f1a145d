"""What the money in a path is, and where it parts from an observed level.

The path's GRDP and digital economy (trillion VND) are the base year's GRDP at current prices
grown at the scenario's constant-price rates: money at base-year prices. An observed level of a
later year is at its own year's prices, and may come from another release. The two are shown
side by side only with their basis named; where they part by more than
:data:`LEVEL_TOLERANCE` a warning says so, since a reader would otherwise take one for the other.
"""

from __future__ import annotations

import math

from qn_model.core.messages import Notice
from qn_model.core.projection import Projection
from qn_model.data.codebook import LEVEL_ID, PROVINCE
from qn_model.data.dataset import Dataset

PRICES_BASE_YEAR = "base_year"
LEVEL_TOLERANCE = 0.05  # a relative difference above this between the two levels is named


def money_basis(base_year: int) -> dict[str, object]:
    """The price basis of a path's money: ``{"prices": "base_year", "year": <base year>}``."""
    return {"prices": PRICES_BASE_YEAR, "year": int(base_year)}


def level_notices(projection: Projection, ds: Dataset) -> tuple[Notice, ...]:
    """One notice per projected year whose observed GRDP level (current prices) and the path's
    level (base-year prices) differ by more than :data:`LEVEL_TOLERANCE` of the observed one."""
    if not projection.years:
        return ()
    base = projection.years[0]
    out = []
    for year, path in zip(projection.years, projection.grdp_vnd_trn, strict=True):
        observed = ds.value(LEVEL_ID, PROVINCE, year)
        if year <= base or observed is None or not (math.isfinite(observed) and math.isfinite(path)):
            continue
        if observed > 0 and abs(path / observed - 1.0) > LEVEL_TOLERANCE:
            out.append(
                Notice.of(
                    "money_level_differs",
                    "money_level_differs",
                    year=int(year),
                    path=float(path),
                    observed=float(observed),
                    diff=(path / observed - 1.0) * 100.0,
                    base=int(base),
                )
            )
    return tuple(out)
