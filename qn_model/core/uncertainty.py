"""Seeded Monte Carlo of the share path: how sure can we be of a verdict?

Each simulated year draws GRDP growth and digital-economy growth independently from normal
distributions centred on the scenario's rates, with the scenario's spreads (``sy``, ``sd``,
percentage points). The spreads default to the historical year-to-year volatility (see
``presets.historical_spreads``). Independence is a simplification: in practice the two
rates move together, which would narrow the fan; we say so on the method page.

Projects are deterministic: each path's organic GRDP and digital economy vary, the projects'
value added is the same on every path.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from qn_model.core.projection import growth_factors, project_amounts
from qn_model.core.scenario import HORIZON_END, TARGET_YEAR_1, TARGET_YEAR_2, Scenario

N_PATHS = 10_000
SEED = 20_251_231
QUANTILES = (0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975)
# Growth below -95 % a year would mean the economy vanishing; clip draws to keep factors positive.
MIN_GROWTH_PCT = -95.0


@dataclass(frozen=True)
class FanChart:
    """Quantiles of the simulated share per year, and the probability of meeting each target."""

    years: tuple[int, ...]
    quantiles: dict[float, tuple[float, ...]]
    probabilities: dict[int, float]
    n_paths: int
    seed: int

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            {f"q{round(q * 1000):03d}": v for q, v in self.quantiles.items()},
            index=pd.Index(self.years, name="year"),
        )


@lru_cache(maxsize=8)
def _standard_draws(n_paths: int, n_years: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The seed's standard normal draws for GRDP and digital-economy growth, one row per year.

    The same for every scenario with this horizon, so drawn once (a third of a simulation's
    time). Drawn in the (path, year) order of the original layout, so that a seed gives the
    same paths as before; stored year by year (each year's values contiguous, quicker to sort);
    read-only, since every caller shares them."""
    rng = np.random.default_rng(seed)
    zy = np.ascontiguousarray(rng.standard_normal((n_paths, n_years)).T)
    zd = np.ascontiguousarray(rng.standard_normal((n_paths, n_years)).T)
    zy.flags.writeable = False
    zd.flags.writeable = False
    return zy, zd


def _log_growth(mean_pct: np.ndarray, spread: float, z: np.ndarray) -> np.ndarray:
    """log(1 + g/100) of each draw g = mean + spread * z (clipped), computed in place."""
    g = spread * z
    g += mean_pct[:, None]
    np.maximum(g, MIN_GROWTH_PCT, out=g)
    g /= 100.0
    return np.log1p(g, out=g)


def simulate(
    scn: Scenario, n_paths: int = N_PATHS, seed: int = SEED, base_grdp_vnd_trn: float | None = None
) -> FanChart:
    """Simulate ``n_paths`` share paths from the base year to 2030.

    Returns quantiles (2.5 %, 10 %, 25 %, 50 %, 75 %, 90 %, 97.5 %) per year and, for each
    target year after the base year, the share of paths at or above the target. With the base
    year's GRDP level (``base_grdp_vnd_trn``) the scenario's projects are added to each path.
    """
    if n_paths < 1:
        raise ValueError(f"n_paths must be at least 1, got {n_paths}")
    fy, fd = growth_factors(scn)
    years = tuple(range(scn.base_year, HORIZON_END + 1))
    zy, zd = _standard_draws(n_paths, len(fy), seed)
    # Work in logs, one row per year: a running sum of log ratios is cheaper and steadier than a
    # product of ratios.
    amounts = project_amounts(scn, base_grdp_vnd_trn)
    if amounts is None:
        paths = _log_growth((fd - 1.0) * 100.0, scn.sd, zd)
        paths -= _log_growth((fy - 1.0) * 100.0, scn.sy, zy)
        np.cumsum(paths, axis=0, out=paths)
        np.exp(paths, out=paths)
        paths *= scn.base_share_pct
    else:
        assert base_grdp_vnd_trn is not None  # amounts exist only with a level
        paths = _with_projects(scn, fy, fd, zy, zd, base_grdp_vnd_trn, amounts)
    qs = np.quantile(paths, QUANTILES, axis=1)
    # The base year is known: every path starts at the base share.
    quantiles = {
        q: (float(scn.base_share_pct), *(float(v) for v in row)) for q, row in zip(QUANTILES, qs, strict=True)
    }
    probabilities = {}
    for year, target in ((TARGET_YEAR_1, scn.t1), (TARGET_YEAR_2, scn.t2)):
        if year > scn.base_year:
            probabilities[year] = float(np.mean(paths[years.index(year) - 1] >= target))
    return FanChart(years, quantiles, probabilities, n_paths, seed)


def _with_projects(
    scn: Scenario,
    fy: np.ndarray,
    fd: np.ndarray,
    zy: np.ndarray,
    zd: np.ndarray,
    base_grdp: float,
    amounts: np.ndarray,
) -> np.ndarray:
    """Share paths (one row per year) with the projects' value added on every path: each path's
    organic GRDP and digital economy, in money, plus the same ``amounts``."""
    grdp = _log_growth((fy - 1.0) * 100.0, scn.sy, zy)
    np.cumsum(grdp, axis=0, out=grdp)
    np.exp(grdp, out=grdp)
    grdp *= base_grdp
    de = _log_growth((fd - 1.0) * 100.0, scn.sd, zd)
    np.cumsum(de, axis=0, out=de)
    np.exp(de, out=de)
    de *= base_grdp * scn.base_share_pct / 100.0
    p = amounts[:, None]
    de += p
    grdp += p
    return 100.0 * de / grdp
