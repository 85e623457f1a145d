"""Seeded Monte Carlo of the share path: how sure can we be of a verdict?

Each simulated year draws GRDP growth and digital-economy growth independently from normal
distributions centred on the scenario's rates, with the scenario's spreads (``sy``, ``sd``,
percentage points). The spreads default to the historical year-to-year volatility (see
``presets.historical_spreads``). Independence is a simplification: in practice the two
rates move together, which would narrow the fan; we say so on the method page.

Projects are deterministic: each path's organic GRDP and digital economy vary, the projects'
value added is the same on every path.

The base-year share itself is uncertain too (``ss``, percentage points): the province's one
observed share is a press figure whose method is not named, and on the national series the two
methods differ by about a tenth for the same year. With ``ss > 0`` each path starts from its own
base share, drawn from a normal distribution around ``base_share_pct`` (clipped to a share), on a
stream of its own: the growth draws, and so every result at ``ss = 0``, are unchanged.
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
# A drawn base share stays a share: at least the link's smallest s0, at most all of GRDP.
MIN_BASE_SHARE_PCT, MAX_BASE_SHARE_PCT = 0.1, 100.0


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


@lru_cache(maxsize=4)
def _standard_base_draws(n_paths: int, seed: int) -> np.ndarray:
    """The seed's standard normal draws for the base share, one per path, from a stream of
    their own (``[seed, 1]``), so that the growth draws are those of ``seed`` alone."""
    z = np.random.default_rng([seed, 1]).standard_normal(n_paths)
    z.flags.writeable = False
    return z


def base_shares(scn: Scenario, n_paths: int = N_PATHS, seed: int = SEED) -> np.ndarray | None:
    """Each path's base-year share (% of GRDP) when the scenario gives it a spread (``ss > 0``),
    else None: every path starts at ``base_share_pct``."""
    if scn.ss <= 0:
        return None
    shares = scn.base_share_pct + scn.ss * _standard_base_draws(n_paths, seed)
    return np.clip(shares, MIN_BASE_SHARE_PCT, MAX_BASE_SHARE_PCT)


def base_share_range(scn: Scenario) -> tuple[float, float] | None:
    """The base share one spread below and above ``base_share_pct`` (kept a share), the range the
    required growth is shown for; None when the base share is taken as exact (``ss = 0``)."""
    if scn.ss <= 0:
        return None
    lo = max(scn.base_share_pct - scn.ss, MIN_BASE_SHARE_PCT)
    return lo, min(scn.base_share_pct + scn.ss, MAX_BASE_SHARE_PCT)


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
    starts = base_shares(scn, n_paths, seed)
    base: float | np.ndarray = scn.base_share_pct if starts is None else starts
    if amounts is None:
        paths = _log_growth((fd - 1.0) * 100.0, scn.sd, zd)
        paths -= _log_growth((fy - 1.0) * 100.0, scn.sy, zy)
        np.cumsum(paths, axis=0, out=paths)
        np.exp(paths, out=paths)
        paths *= base
    else:
        assert base_grdp_vnd_trn is not None  # amounts exist only with a level
        paths = _with_projects(scn, fy, fd, zy, zd, base_grdp_vnd_trn, amounts, base)
    qs = np.quantile(paths, QUANTILES, axis=1)
    # Without a spread of its own the base year is known: every path starts at the base share.
    firsts = (
        [float(scn.base_share_pct)] * len(QUANTILES)
        if starts is None
        else [float(v) for v in np.quantile(starts, QUANTILES)]
    )
    quantiles = {
        q: (first, *(float(v) for v in row)) for q, first, row in zip(QUANTILES, firsts, qs, strict=True)
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
    base_share: float | np.ndarray,
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
    de *= base_grdp * base_share / 100.0
    p = amounts[:, None]
    de += p
    grdp += p
    return 100.0 * de / grdp
