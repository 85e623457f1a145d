"""Target checks: is a target share met, by how much, on what basis, and what growth it takes."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass

from qn_model.projection import Projection, project
from qn_model.scenario import TARGET_YEAR_1, TARGET_YEAR_2, Scenario, period_of_year, period_years

# A target met "exactly" by the required growth must count as met despite float rounding.
MET_TOLERANCE_PP = 1e-9

BASIS_OBSERVED = "observed"  # the data has the share for that year: judged on the data
BASIS_PROJECTED = "projected"  # the scenario's projection
BASIS_ASSUMED = "assumed"  # the target year is the base year: the planner's own base share
BASIS_UNAVAILABLE = "unavailable"  # before the base year and not in the data


@dataclass(frozen=True)
class TargetVerdict:
    """The verdict on one target.

    ``margin_pp`` is value minus target, in percentage points. ``required_de_growth_pct`` is
    the constant digital-economy growth of the target's period that meets the target exactly,
    earlier periods held as in the scenario (None when the basis is not ``projected``).
    ``probability`` is the Monte Carlo share of paths that meet it (None when not simulated
    or when the value is observed).
    """

    year: int
    target_pct: float
    value_pct: float | None
    met: bool | None
    margin_pp: float | None
    basis: str
    required_de_growth_pct: float | None
    probability: float | None

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def required_de_growth_pct(scn: Scenario, target_year: int, target_pct: float) -> float | None:
    """Constant DE growth (% per year) in ``target_year``'s period that reaches ``target_pct``.

    Earlier periods keep the scenario's rates. Returns None when the target year is not
    projected (it is the base year or earlier).
    """
    period = period_of_year(target_year)
    years = [y for y in period_years(scn.base_year, period) if y <= target_year]
    if not years:
        return None
    start = project(scn).share_in(years[0] - 1)
    assert start is not None  # years[0] - 1 >= base_year by construction
    gy, _ = scn.rates_for_year(target_year)
    factor = (target_pct / start) ** (1.0 / len(years))
    return ((1.0 + gy / 100.0) * factor - 1.0) * 100.0


def with_required_growth(scn: Scenario, target_year: int, target_pct: float) -> Scenario:
    """The scenario with the target's period DE growth set to the required value."""
    req = required_de_growth_pct(scn, target_year, target_pct)
    if req is None:
        return scn
    return scn.with_(**{"gd1" if period_of_year(target_year) == 1 else "gd2": req})


def judge(
    scn: Scenario,
    projection: Projection,
    observed_share: Mapping[int, float],
    probabilities: Mapping[int, float] | None = None,
) -> tuple[TargetVerdict, ...]:
    """Verdicts for the 2025 and 2030 targets.

    Parameters
    ----------
    scn : Scenario
    projection : Projection
        ``project(scn)``; passed in so it is computed once per rerun.
    observed_share : mapping year -> % of GRDP
        Observed provincial shares. A target year found here is judged on the data.
    probabilities : mapping year -> probability in [0, 1], optional
        Monte Carlo probabilities of meeting each target.
    """
    verdicts = []
    for year, target in ((TARGET_YEAR_1, scn.t1), (TARGET_YEAR_2, scn.t2)):
        required: float | None = None
        probability: float | None = None
        if year in observed_share and math.isfinite(observed_share[year]):
            value: float | None = float(observed_share[year])
            basis = BASIS_OBSERVED
        elif year > scn.base_year:
            value = projection.share_in(year)
            basis = BASIS_PROJECTED
            required = required_de_growth_pct(scn, year, target)
            if probabilities is not None:
                probability = probabilities.get(year)
        elif year == scn.base_year:
            value, basis = scn.base_share_pct, BASIS_ASSUMED
        else:
            value, basis = None, BASIS_UNAVAILABLE
        met = None if value is None else value >= target - MET_TOLERANCE_PP
        margin = None if value is None else value - target
        verdicts.append(TargetVerdict(year, target, value, met, margin, basis, required, probability))
    return tuple(verdicts)
