"""What a planner should know about a model choice beyond which model won.

- A **near tie**: the two lowest backtest errors among the models tested on the most years are
  within :data:`NEAR_TIE_RTOL` of each other. The choice is then practically arbitrary, and what
  matters is how much it moves the forecast (:attr:`NearTie.change`).
- A fit **on a bound**: an estimated parameter sits where the optimiser was stopped, so the data
  did not choose it. Damped Holt's smoothing weights are bounded to [1e-4, 1 − 1e-4] (the trend's
  relative to the level's) and its damping to [0.8, 0.98] (statsmodels' ``ETSModel`` defaults);
  an ARIMA moving-average (or autoregressive) coefficient near ±1 sits on the invertibility
  (stationarity) boundary.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from qn_model.trends.suite import TrendResult, TrendSuite

NEAR_TIE_RTOL = 0.01
# statsmodels ETSModel's default bounds (_setup_bounds): smoothing in [1e-4, 1 - 1e-4], the trend's
# weight as a fraction of the level's; damping in [0.8, 0.98].
ETS_SMOOTHING_BOUNDS = (1e-4, 1.0 - 1e-4)
ETS_DAMPING_BOUNDS = (0.8, 0.98)
# |coefficient| at or above this counts as on the unit circle (ARIMA's boundary).
UNIT_ROOT_EDGE = 0.99
_REL = 1e-3  # how close to a bound counts as on it (relative)


@dataclass(frozen=True)
class NearTie:
    """The chosen model and those within :data:`NEAR_TIE_RTOL` of its backtest error."""

    best: str
    others: tuple[str, ...]
    maes: tuple[float, ...]  # the best's, then the others', in that order
    year: int
    change: float  # the largest |forecast(other) - forecast(best)| in ``year``, series units


@dataclass(frozen=True)
class BoundMark:
    """An estimated parameter that sits on a bound (``where``: ``lower``, ``upper`` or
    ``unit_circle``)."""

    kind: str
    param: str
    value: float
    where: str


def _contenders(suite: TrendSuite) -> list[str]:
    """The models the choice was made among: ok, backtested on the most years, finite error."""
    tested = [
        k
        for k, r in suite.results.items()
        if r.ok and suite.backtests[k].n_folds > 0 and math.isfinite(suite.backtests[k].mae)
    ]
    if not tested:
        return []
    most = max(suite.backtests[k].n_folds for k in tested)
    return [k for k in tested if suite.backtests[k].n_folds == most]


def near_tie(suite: TrendSuite | None, year: int) -> NearTie | None:
    """The near tie of ``suite``'s choice, with how much it changes ``year``'s forecast; None when
    the choice was not by backtest, or the runner-up is more than 1 % behind."""
    if suite is None or suite.best is None or suite.choice_reason != "backtest_mae":
        return None
    cands = _contenders(suite)
    if suite.best not in cands:
        return None
    best_mae = suite.backtests[suite.best].mae
    others = sorted(
        (k for k in cands if k != suite.best and suite.backtests[k].mae <= best_mae * (1.0 + NEAR_TIE_RTOL)),
        key=lambda k: suite.backtests[k].mae,
    )
    if not others:
        return None
    at = {k: float(suite.results[k].forecast([year])["mean"].iloc[0]) for k in (suite.best, *others)}
    change = max((abs(at[k] - at[suite.best]) for k in others if math.isfinite(at[k])), default=math.nan)
    maes = tuple(suite.backtests[k].mae for k in (suite.best, *others))
    return NearTie(suite.best, tuple(others), maes, year, change)


def _near(value: float, bound: float) -> bool:
    return abs(value - bound) <= _REL * max(abs(bound), 1e-12)


def bound_marks(result: TrendResult) -> tuple[BoundMark, ...]:
    """The parameters of ``result`` that sit on a bound (none for the OLS kinds or a failed fit)."""
    if not result.ok:
        return ()
    p = result.params
    out = []
    if result.kind == "holt_damped":
        lo, hi = ETS_SMOOTHING_BOUNDS
        level = p.get("smoothing_level", math.nan)
        trend = p.get("smoothing_trend", math.nan)
        checks = [("smoothing_level", level, level, lo, hi)]
        if level > 0:  # bounded as a fraction of the level's weight
            checks.append(("smoothing_trend", trend, trend / level, lo, hi))
        checks.append(("damping_trend", p.get("damping_trend", math.nan), None, *ETS_DAMPING_BOUNDS))
        for name, value, scaled, b_lo, b_hi in checks:
            x = value if scaled is None else scaled
            if _near(x, b_lo):
                out.append(BoundMark(result.kind, name, value, "lower"))
            elif _near(x, b_hi):
                out.append(BoundMark(result.kind, name, value, "upper"))
    elif result.kind == "arima":
        for name in ("ma.L1", "ar.L1"):
            value = p.get(name)
            if value is not None and abs(value) >= UNIT_ROOT_EDGE:
                out.append(BoundMark(result.kind, name, value, "unit_circle"))
    return tuple(out)
