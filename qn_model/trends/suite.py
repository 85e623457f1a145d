"""Trend suite for annual series: fit every model kind, backtest each, choose one; cached.

This is the module the rest of the app imports. The models live in :mod:`qn_model.trends.models`
and the backtest in :mod:`qn_model.trends.backtest`; their public names are re-exported here.

Examples
--------
>>> import pandas as pd
>>> share = pd.Series([12.66, 12.87, 12.83, 12.87, 13.17, 14.02], index=range(2020, 2026))
>>> suite = fit_trends(share, is_share=True)
>>> suite.best, suite.choice_reason  # doctest: +SKIP
('loglinear', 'backtest_mae')
>>> suite.results["loglinear"].forecast([2030])  # doctest: +SKIP
>>> implied_growth_pct(suite.results["loglinear"], 2025, 2030)  # doctest: +SKIP
"""

from __future__ import annotations

import math
import types
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from qn_model.data.cache import memoize
from qn_model.trends.backtest import Backtest, backtest, backtest_clean, check_n_test
from qn_model.trends.models import (
    FORECAST_COLUMNS,
    MODEL_KINDS,
    TrendModel,
    TrendResult,
    clean_series,
    readonly_series,
)

__all__ = [
    "FORECAST_COLUMNS",
    "MODEL_KINDS",
    "Backtest",
    "TrendModel",
    "TrendResult",
    "TrendSuite",
    "backtest",
    "fit_trends",
    "implied_growth_pct",
]

# Relative tolerance under which two backtest MAEs (or AICcs) count as a tie.
_TIE_RTOL = 1e-9


@dataclass(frozen=True, eq=False)
class TrendSuite:
    """Every requested model kind fitted and backtested on one series; immutable (it is cached).

    Attributes
    ----------
    series : pandas.Series
        Read-only copy of the input, sorted by year.
    results : Mapping[str, TrendResult]
        Read-only; kind -> fit on all observations, in the requested order.
    backtests : Mapping[str, Backtest]
        Read-only; kind -> rolling-origin backtest.
    best : str or None
        The chosen kind, or None when no kind fits.
    choice_reason : str
        ``"backtest_mae"``: lowest backtest MAE among ok kinds backtested on the most folds (ties
        -> lowest AICc -> simplest kind, in :data:`MODEL_KINDS` order). ``"aicc_only"``: no ok kind
        could be backtested (series too short), so lowest AICc then simplest. ``"none"``.
    """

    series: pd.Series
    results: Mapping[str, TrendResult]
    backtests: Mapping[str, Backtest]
    best: str | None
    choice_reason: str

    @property
    def best_result(self) -> TrendResult | None:
        """The chosen kind's :class:`TrendResult`, or None."""
        return None if self.best is None else self.results[self.best]


def fit_trends(
    series: pd.Series,
    kinds: Iterable[str] | str | None = None,
    *,
    is_share: bool = False,
    n_test: int = 3,
) -> TrendSuite:
    """Fit and backtest each model kind on `series` and choose the best; cached.

    Parameters
    ----------
    series : pandas.Series
        Values indexed by integer year, gaps absent. Any length, including 0 and 1.
    kinds : iterable of str, str or None
        Kinds to fit (default: all of :data:`MODEL_KINDS`), in this order.
    is_share : bool, default False
        The values are a share in percent (enables ``logit``).
    n_test : int, default 3
        Years held out by the rolling-origin backtest.

    Returns
    -------
    TrendSuite
        The same object for equal inputs (an LRU cache keyed on the (year, value) pairs, the series
        name and the arguments); it is read-only so sharing it is safe.

    Raises
    ------
    ValueError
        Invalid `series` (see ``TrendModel``), unknown or empty `kinds`, bad `n_test`/`is_share`.

    Notes
    -----
    Backtest error is on the data scale for every kind, which is why it decides; AICc only breaks
    ties or stands in when the series is too short to backtest. Requiring the most folds keeps a
    kind that could only be tested on the final year from winning on one lucky forecast.
    """
    if kinds is None:
        kinds_t = MODEL_KINDS
    else:
        kinds_t = tuple(dict.fromkeys([kinds] if isinstance(kinds, str) else list(kinds)))
        if not kinds_t:
            raise ValueError(f"kinds must name at least one of {MODEL_KINDS}")
        unknown = [k for k in kinds_t if k not in MODEL_KINDS]
        if unknown:
            raise ValueError(f"unknown trend kinds {unknown}; expected some of {MODEL_KINDS}")
    if not isinstance(is_share, (bool, np.bool_)):
        raise ValueError(f"is_share must be True or False, got {is_share!r}")
    check_n_test(n_test)
    years, values, name = clean_series(series)
    try:
        hash(name)
    except TypeError:
        name = None
    data = tuple(zip(years.tolist(), values.tolist(), strict=True))
    return _fit_trends_cached(data, name, kinds_t, bool(is_share), int(n_test))


@memoize(maxsize=256)
def _fit_trends_cached(
    data: tuple[tuple[int, float], ...], name: object, kinds: tuple[str, ...], is_share: bool, n_test: int
) -> TrendSuite:
    years = np.array([y for y, _ in data], dtype=np.int64)
    values = np.array([v for _, v in data], dtype=float)
    series = readonly_series(values, years, name)
    # These matrices are tiny: BLAS threads only add overhead, and on a busy 2-core server they
    # made a cold fit 40x slower (measured). One thread, for the fits only.
    with threadpool_limits(limits=1):
        results = {k: TrendModel(series, k, is_share=is_share).fit() for k in kinds}
        backtests = {k: backtest_clean(years, values, name, k, is_share, n_test) for k in kinds}
    best, reason = _choose(results, backtests)
    return TrendSuite(
        series=series,
        results=types.MappingProxyType(results),
        backtests=types.MappingProxyType(backtests),
        best=best,
        choice_reason=reason,
    )


# Expose the cache controls (cold timings in benchmarks, tests).
fit_trends.cache_clear = _fit_trends_cached.cache_clear  # type: ignore[attr-defined]
fit_trends.cache_info = _fit_trends_cached.cache_info  # type: ignore[attr-defined]


def _near_min(kinds: list[str], score: Mapping[str, float]) -> list[str]:
    """Kinds whose finite score is within the tie tolerance of the lowest; all if none is finite."""
    finite = [k for k in kinds if math.isfinite(score[k])]
    if not finite:
        return kinds
    low = min(score[k] for k in finite)
    return [k for k in finite if score[k] <= low + _TIE_RTOL * max(abs(low), 1.0)]


def _choose(results: Mapping[str, TrendResult], backtests: Mapping[str, Backtest]) -> tuple[str | None, str]:
    ok = [k for k, r in results.items() if r.ok]
    if not ok:
        return None, "none"
    tested = [k for k in ok if backtests[k].n_folds > 0 and math.isfinite(backtests[k].mae)]
    if tested:
        most = max(backtests[k].n_folds for k in tested)
        cands = _near_min(
            [k for k in tested if backtests[k].n_folds == most], {k: backtests[k].mae for k in tested}
        )
        reason = "backtest_mae"
    else:
        cands, reason = ok, "aicc_only"
    cands = _near_min(cands, {k: results[k].aicc for k in cands})
    return min(cands, key=MODEL_KINDS.index), reason


def implied_growth_pct(suite_or_result: TrendSuite | TrendResult, from_year: int, to_year: int) -> float:
    """Mean annual % change of the forecast mean from `from_year` to `to_year`.

    The compound (geometric) rate: ``((m_to / m_from) ** (1 / (to_year - from_year)) - 1) * 100``,
    e.g. to turn a share trend into a yearly growth rate. Both years use the model's mean (the fitted
    line for an observed year), so the rate is the trend's, not the last observation's.

    Parameters
    ----------
    suite_or_result : TrendSuite or TrendResult
        A suite uses its ``best`` kind.
    from_year, to_year : int
        Calendar years, ``to_year > from_year``.

    Returns
    -------
    float
        % per year; nan when the model is not ok, or a mean is not finite or not positive.

    Raises
    ------
    ValueError
        If the years are not integers or `to_year <= from_year`.
    """
    for y in (from_year, to_year):
        if isinstance(y, (bool, np.bool_)) or not isinstance(y, (int, np.integer)):
            raise ValueError(f"years must be integers, got {y!r}")
    if to_year <= from_year:
        raise ValueError(f"to_year ({to_year}) must be after from_year ({from_year})")
    if isinstance(suite_or_result, TrendSuite):
        result = suite_or_result.best_result
    elif isinstance(suite_or_result, TrendResult):
        result = suite_or_result
    else:
        raise ValueError(f"expected a TrendSuite or TrendResult, got {type(suite_or_result).__name__}")
    if result is None or not result.ok:
        return math.nan
    mean = result.forecast([int(from_year), int(to_year)])["mean"].to_numpy()
    m0, m1 = float(mean[0]), float(mean[1])
    if not (math.isfinite(m0) and math.isfinite(m1)) or m0 <= 0 or m1 <= 0:
        return math.nan
    return ((m1 / m0) ** (1.0 / (int(to_year) - int(from_year))) - 1.0) * 100.0
