"""Target checks: is a target share met, by how much, on what basis, and what growth it takes."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass

from qn_model.core.projection import Projection, gap_vnd_trn, project, project_amounts
from qn_model.core.scenario import TARGET_YEAR_1, TARGET_YEAR_2, Scenario, period_of_year, period_years
from qn_model.core.uncertainty import base_share_range

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
        or when the value is observed). ``gap_vnd_trn`` is the value added of new digital projects
        (trillion VND at base-year prices) that would lift the year's share to the target, projects
        already in the scenario counted (None unless the basis is ``projected`` and the GRDP level is
        known). ``required_range_pct`` is the required growth with the base share one spread above and
    below (``ss``; lower growth first), None when the base share is taken as exact or the growth
    is not projected.
    """

    year: int
    target_pct: float
    value_pct: float | None
    met: bool | None
    margin_pp: float | None
    basis: str
    required_de_growth_pct: float | None
    probability: float | None
    gap_vnd_trn: float | None = None
    required_range_pct: tuple[float, float] | None = None

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def required_de_growth_pct(
    scn: Scenario, target_year: int, target_pct: float, base_grdp_vnd_trn: float | None = None
) -> float | None:
    """Constant DE growth (% per year) in ``target_year``'s period that reaches ``target_pct``.

    Earlier periods keep the scenario's rates. With the base year's GRDP level, the scenario's
    projects are in place: the organic growth is solved for with the projects' value added
    ``P`` in the target year. GRDP's organic level ``GRDP0`` does not depend on DE growth, so
    ``(DE0 + P) / (GRDP0 + P) = T/100`` fixes the organic share ``100 DE0 / GRDP0`` the organic
    growth must reach, and the answer is exact (no iteration).

    Returns None when the target year is not projected (it is the base year or earlier), or
    when the projects alone meet the target whatever the organic growth.
    """
    period = period_of_year(target_year)
    years = [y for y in period_years(scn.base_year, period) if y <= target_year]
    if not years:
        return None
    start = project(scn).share_in(years[0] - 1)  # the organic share: no level, no projects
    assert start is not None  # years[0] - 1 >= base_year by construction
    amounts = project_amounts(scn, base_grdp_vnd_trn)
    needed = target_pct
    if amounts is not None and amounts[target_year - scn.base_year - 1] > 0:
        p = float(amounts[target_year - scn.base_year - 1])
        organic = project(scn.with_(projects=()), base_grdp_vnd_trn)
        grdp0 = organic.grdp_vnd_trn[organic.years.index(target_year)]
        needed = (target_pct * (grdp0 + p) - 100.0 * p) / grdp0
        if needed <= 0:
            return None
    gy, _ = scn.rates_for_year(target_year)
    factor = (needed / start) ** (1.0 / len(years))
    return ((1.0 + gy / 100.0) * factor - 1.0) * 100.0


def required_range_pct(
    scn: Scenario, target_year: int, target_pct: float, base_grdp_vnd_trn: float | None = None
) -> tuple[float, float] | None:
    """The required growth (:func:`required_de_growth_pct`) from a base share one spread
    (``ss``) above and one below the scenario's: (lower, higher) % per year. None when ``ss`` is
    0 or either end has no required growth."""
    shares = base_share_range(scn)
    if shares is None:
        return None
    lo_share, hi_share = shares
    fast = required_de_growth_pct(
        scn.with_(base_share_pct=lo_share), target_year, target_pct, base_grdp_vnd_trn
    )
    slow = required_de_growth_pct(
        scn.with_(base_share_pct=hi_share), target_year, target_pct, base_grdp_vnd_trn
    )
    if fast is None or slow is None:
        return None
    return (slow, fast)


def with_required_growth(
    scn: Scenario, target_year: int, target_pct: float, base_grdp_vnd_trn: float | None = None
) -> Scenario:
    """The scenario with the target's period DE growth set to the required value (projects in
    place when the base year's GRDP level is given)."""
    req = required_de_growth_pct(scn, target_year, target_pct, base_grdp_vnd_trn)
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
    base_level = projection.grdp_vnd_trn[0] if projection.years else math.nan
    base_grdp = base_level if math.isfinite(base_level) else None
    verdicts = []
    for year, target in ((TARGET_YEAR_1, scn.t1), (TARGET_YEAR_2, scn.t2)):
        required: float | None = None
        probability: float | None = None
        gap: float | None = None
        spread: tuple[float, float] | None = None
        if year in observed_share and math.isfinite(observed_share[year]):
            value: float | None = float(observed_share[year])
            basis = BASIS_OBSERVED
        elif year > scn.base_year:
            value = projection.share_in(year)
            basis = BASIS_PROJECTED
            required = required_de_growth_pct(scn, year, target, base_grdp)
            if required is not None:
                spread = required_range_pct(scn, year, target, base_grdp)
            i = projection.years.index(year)
            gap = gap_vnd_trn(target, projection.grdp_vnd_trn[i], projection.de_vnd_trn[i])
            if probabilities is not None:
                probability = probabilities.get(year)
        elif year == scn.base_year:
            value, basis = scn.base_share_pct, BASIS_ASSUMED
        else:
            value, basis = None, BASIS_UNAVAILABLE
        met = None if value is None else value >= target - MET_TOLERANCE_PP
        margin = None if value is None else value - target
        verdicts.append(
            TargetVerdict(year, target, value, met, margin, basis, required, probability, gap, spread)
        )
    return tuple(verdicts)
