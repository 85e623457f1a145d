"""Sensitivity of a target year's share to the growth rates of that target's period."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qn_model.core.projection import project, project_amounts
from qn_model.core.scenario import Scenario, period_of_year, period_years


@dataclass(frozen=True)
class SensitivityGrid:
    """``share_pct[i, j]`` is the share in ``year`` with GRDP growth ``gy_pct[i]`` and DE growth
    ``gd_pct[j]`` in the target's period (earlier periods as in the scenario)."""

    year: int
    target_pct: float
    gy_pct: tuple[float, ...]
    gd_pct: tuple[float, ...]
    share_pct: np.ndarray

    def meets(self) -> np.ndarray:
        return self.share_pct >= self.target_pct


def default_axes(scn: Scenario, year: int, n: int = 50) -> tuple[np.ndarray, np.ndarray]:
    """Axes centred on the scenario: GRDP growth ±8 pp, DE growth from -10 % to beyond what
    the target needs, so the target's contour is on the map."""
    gy, gd = scn.rates_for_year(year)
    gy_axis = np.linspace(max(-20.0, gy - 8.0), gy + 8.0, n)
    gd_axis = np.linspace(-10.0, max(60.0, gd * 1.5 + 10.0), n)
    return gy_axis, gd_axis


def sensitivity(
    scn: Scenario,
    year: int,
    gy_pct: np.ndarray | None = None,
    gd_pct: np.ndarray | None = None,
    base_grdp_vnd_trn: float | None = None,
) -> SensitivityGrid:
    """Share in ``year`` over a grid of (GRDP growth, DE growth) for that year's period; with
    the base year's GRDP level, the scenario's projects in place (their value added is fixed,
    the organic levels follow the grid's rates)."""
    if year <= scn.base_year:
        raise ValueError(f"year {year} is not after the base year {scn.base_year}")
    if gy_pct is None or gd_pct is None:
        gy_default, gd_default = default_axes(scn, year)
        gy_pct = gy_default if gy_pct is None else gy_pct
        gd_pct = gd_default if gd_pct is None else gd_pct
    gy_arr = np.asarray(gy_pct, dtype=float)
    gd_arr = np.asarray(gd_pct, dtype=float)
    period = period_of_year(year)
    years = [y for y in period_years(scn.base_year, period) if y <= year]
    start = project(scn).share_in(years[0] - 1)
    ratio = (1.0 + gd_arr[None, :] / 100.0) / (1.0 + gy_arr[:, None] / 100.0)
    share = start * ratio ** len(years)
    amounts = project_amounts(scn, base_grdp_vnd_trn)
    if amounts is not None and amounts[year - scn.base_year - 1] > 0:
        p = float(amounts[year - scn.base_year - 1])
        organic = project(scn.with_(projects=()), base_grdp_vnd_trn)
        level = organic.grdp_vnd_trn[organic.years.index(years[0] - 1)]
        grdp = level * (1.0 + gy_arr[:, None] / 100.0) ** len(years)
        share = 100.0 * (share * grdp / 100.0 + p) / (grdp + p)
    return SensitivityGrid(
        year=year,
        target_pct=scn.target_for_year(year),
        gy_pct=tuple(float(v) for v in gy_arr),
        gd_pct=tuple(float(v) for v in gd_arr),
        share_pct=share,
    )
