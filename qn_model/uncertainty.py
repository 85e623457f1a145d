"""Seeded Monte Carlo of the share path: how sure can we be of a verdict?

Each simulated year draws GRDP growth and digital-economy growth independently from normal
distributions centred on the scenario's rates, with the scenario's spreads (``sy``, ``sd``,
percentage points). The spreads default to the historical year-to-year volatility (see
``presets.historical_spreads``). Independence is a simplification: in practice the two
rates move together, which would narrow the fan; we say so on the method page.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from qn_model.projection import growth_factors
from qn_model.scenario import HORIZON_END, TARGET_YEAR_1, TARGET_YEAR_2, Scenario

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


def simulate(scn: Scenario, n_paths: int = N_PATHS, seed: int = SEED) -> FanChart:
    """Simulate ``n_paths`` share paths from the base year to 2030.

    Returns quantiles (2.5 %, 10 %, 25 %, 50 %, 75 %, 90 %, 97.5 %) per year and, for each
    target year after the base year, the share of paths at or above the target.
    """
    if n_paths < 1:
        raise ValueError(f"n_paths must be at least 1, got {n_paths}")
    fy, fd = growth_factors(scn)
    years = tuple(range(scn.base_year, HORIZON_END + 1))
    n_years = len(fy)
    rng = np.random.default_rng(seed)
    gy = (fy - 1.0) * 100.0 + scn.sy * rng.standard_normal((n_paths, n_years))
    gd = (fd - 1.0) * 100.0 + scn.sd * rng.standard_normal((n_paths, n_years))
    np.clip(gy, MIN_GROWTH_PCT, None, out=gy)
    np.clip(gd, MIN_GROWTH_PCT, None, out=gd)
    # Work in logs: a sum of log ratios is cheaper and steadier than a product of ratios.
    log_ratio = np.log1p(gd / 100.0) - np.log1p(gy / 100.0)
    paths = scn.base_share_pct * np.exp(np.cumsum(log_ratio, axis=1))
    paths = np.concatenate((np.full((n_paths, 1), scn.base_share_pct), paths), axis=1)
    qs = np.quantile(paths, QUANTILES, axis=0)
    quantiles = {q: tuple(float(v) for v in row) for q, row in zip(QUANTILES, qs, strict=True)}
    probabilities = {}
    for year, target in ((TARGET_YEAR_1, scn.t1), (TARGET_YEAR_2, scn.t2)):
        if year > scn.base_year:
            probabilities[year] = float(np.mean(paths[:, years.index(year)] >= target))
    return FanChart(years, quantiles, probabilities, n_paths, seed)
