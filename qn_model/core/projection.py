"""Deterministic projection of the digital-economy share, year by year.

The share moves with the ratio of the two growth rates:
``share[t] = share[t-1] * (1 + gd/100) / (1 + gy/100)``, where ``gd`` is the growth of
digital-economy value added and ``gy`` the growth of GRDP (same price basis).

Money is at the base year's prices: GRDP in the base year is the observed current-price level,
later years grow it with the scenario's GRDP growth, and the digital economy is the share times
GRDP. A project adds its value added to both from its start year on:
``DE = DE0 + P``, ``GRDP = GRDP0 + P``, ``share = 100 DE / GRDP`` (``0`` = organic path).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from qn_model.core.messages import N_
from qn_model.core.scenario import (
    HORIZON_END,
    MAX_PROJECTS,
    PROJECT_MAX_VND_TRN,
    PROJECT_MIN_VND_TRN,
    Project,
    Scenario,
)


@dataclass(frozen=True)
class Projection:
    """A scenario's path from its base year to 2030, indexed by year.

    ``grdp_vnd_trn`` and ``de_vnd_trn`` are NaN when no GRDP level is known for the base
    year; the levels are at base-year prices (grown by the scenario's GRDP growth).
    """

    years: tuple[int, ...]
    share_pct: tuple[float, ...]
    grdp_vnd_trn: tuple[float, ...]
    de_vnd_trn: tuple[float, ...]

    @property
    def base_level(self) -> float | None:
        """GRDP of the base year (VND trillion), or None when unknown."""
        level = self.grdp_vnd_trn[0] if self.grdp_vnd_trn else math.nan
        return level if math.isfinite(level) else None

    def share_in(self, year: int) -> float | None:
        """Share in ``year`` (% of GRDP), or None when the year is outside the path."""
        if year not in self.years:
            return None
        return self.share_pct[self.years.index(year)]

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "share_pct": self.share_pct,
                "grdp_vnd_trn": self.grdp_vnd_trn,
                "de_vnd_trn": self.de_vnd_trn,
            },
            index=pd.Index(self.years, name="year"),
        )

    def records(self) -> list[dict[str, float | int | None]]:
        """Rows for JSON output (NaN becomes None)."""
        return [
            {
                "year": y,
                "share_pct": s,
                "grdp_vnd_trn": None if math.isnan(g) else g,
                "de_vnd_trn": None if math.isnan(d) else d,
            }
            for y, s, g, d in zip(self.years, self.share_pct, self.grdp_vnd_trn, self.de_vnd_trn, strict=True)
        ]


def growth_factors(scn: Scenario) -> tuple[np.ndarray, np.ndarray]:
    """(1 + gy/100, 1 + gd/100) for each projected year after the base year."""
    years = range(scn.base_year + 1, HORIZON_END + 1)
    rates = np.array([scn.rates_for_year(y) for y in years], dtype=float).reshape(-1, 2)
    return 1.0 + rates[:, 0] / 100.0, 1.0 + rates[:, 1] / 100.0


def known_level(base_grdp_vnd_trn: float | None) -> bool:
    return base_grdp_vnd_trn is not None and math.isfinite(base_grdp_vnd_trn)


def applied_projects(scn: Scenario, base_grdp_vnd_trn: float | None) -> tuple[Project, ...]:
    """The scenario's projects that move its path: none when the base year's GRDP level is
    unknown (money cannot be computed), and only those starting after the base year (one that
    started in or before it is already in the base year's observed level)."""
    if not scn.projects or not known_level(base_grdp_vnd_trn):
        return ()
    return tuple(p for p in scn.projects if p.year > scn.base_year)


def project_amounts(scn: Scenario, base_grdp_vnd_trn: float | None) -> np.ndarray | None:
    """P[t], the projects' value added in each projected year after the base year (VND
    trillion), or None when no project applies (the organic path is the path)."""
    applied = applied_projects(scn, base_grdp_vnd_trn)
    if not applied:
        return None
    years = np.arange(scn.base_year + 1, HORIZON_END + 1)
    return np.array([sum(p.value_vnd_trn for p in applied if p.year <= y) for y in years], dtype=float)


def gap_vnd_trn(target_pct: float, grdp_vnd_trn: float, de_vnd_trn: float) -> float | None:
    """Value added of new digital projects that lifts a year's share to ``target_pct``.

    A project adds to both the digital economy and GRDP, so ``g`` solves
    ``(DE + g) / (GRDP + g) = T / 100``: ``g = max(0, (T/100 GRDP - DE) / (1 - T/100))``. None when
    the levels are unknown or the target is 100 % (no project reaches it).
    """
    if not (math.isfinite(grdp_vnd_trn) and math.isfinite(de_vnd_trn)) or target_pct >= 100.0:
        return None
    share = target_pct / 100.0
    return max(0.0, (share * grdp_vnd_trn - de_vnd_trn) / (1.0 - share))


def project(scn: Scenario, base_grdp_vnd_trn: float | None = None) -> Projection:
    """Project the share (and levels, if the base-year GRDP is known) to 2030.

    Parameters
    ----------
    scn : Scenario
    base_grdp_vnd_trn : float, optional
        GRDP of the base year, VND trillion. Without it the levels are NaN and the scenario's
        projects are ignored (money cannot be computed).

    Returns
    -------
    Projection
        Path from ``scn.base_year`` (the base value itself) to 2030.
    """
    fy, fd = growth_factors(scn)
    share = scn.base_share_pct * np.concatenate(([1.0], np.cumprod(fd / fy)))
    if base_grdp_vnd_trn is None or not math.isfinite(base_grdp_vnd_trn):
        grdp = np.full(share.shape, np.nan)
    else:
        grdp = base_grdp_vnd_trn * np.concatenate(([1.0], np.cumprod(fy)))
    de = share * grdp / 100.0
    amounts = project_amounts(scn, base_grdp_vnd_trn)
    if amounts is not None:
        p = np.concatenate(([0.0], amounts))
        de = de + p
        grdp = grdp + p
        share = 100.0 * de / grdp
    years = tuple(range(scn.base_year, HORIZON_END + 1))
    return Projection(
        years=years,
        share_pct=tuple(float(v) for v in share),
        grdp_vnd_trn=tuple(float(v) for v in grdp),
        de_vnd_trn=tuple(float(v) for v in de),
    )


# "Close the gap" rounds its project up to this (VND trillion): a short link, and the target
# still met (by less than a thousandth of a point).
CLOSE_STEP_VND_TRN = 0.01


def closing_project(
    scn: Scenario, base_grdp_vnd_trn: float | None, year: int, target_year: int
) -> tuple[Project | None, str | None]:
    """The one project, starting in ``year``, that lifts ``target_year``'s share to ``scn.t2``.

    Returns
    -------
    (Project, None), or (None, reason) with reason a catalog key: ``close_gap_unavailable`` (no
    GRDP level, a year not after the base year, or no money path), ``close_gap_met``,
    ``projects_full`` or ``close_gap_too_big``. The value is rounded up to
    :data:`CLOSE_STEP_VND_TRN`, never down, so the target is met, not missed by a rounding.
    """
    path = project(scn, base_grdp_vnd_trn)
    if base_grdp_vnd_trn is None or target_year not in path.years or year <= scn.base_year:
        return None, "close_gap_unavailable"
    i = path.years.index(target_year)
    gap = gap_vnd_trn(scn.t2, path.grdp_vnd_trn[i], path.de_vnd_trn[i])
    if gap is None:
        return None, "close_gap_unavailable"
    if gap <= 0:
        return None, "close_gap_met"
    if len(scn.projects) >= MAX_PROJECTS:
        return None, "projects_full"
    value = round(math.ceil(gap / CLOSE_STEP_VND_TRN) * CLOSE_STEP_VND_TRN, 2)
    if value < gap:
        value = round(value + CLOSE_STEP_VND_TRN, 2)
    value = max(PROJECT_MIN_VND_TRN, value)
    if value > PROJECT_MAX_VND_TRN:
        return None, N_("close_gap_too_big")
    return Project(int(year), value), None
