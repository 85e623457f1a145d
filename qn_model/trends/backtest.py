"""Rolling-origin backtest of a trend model on the last observed years of an annual series."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from qn_model.trends.models import MODEL_KINDS, TrendModel, clean_series, readonly_series

__all__ = ["Backtest", "backtest"]


@dataclass(frozen=True, eq=False)
class Backtest:
    """Out-of-sample errors of one model kind; immutable.

    Attributes
    ----------
    kind : str
        The model kind.
    n_folds : int
        Test years at which the model could be fitted on the earlier data and forecast.
    mae : float
        Mean absolute error over the folds, in the series' units; nan when no fold ran.
    mape : float
        Mean absolute percentage error (in %, i.e. 5.0 means 5 %); nan when no fold ran or an actual
        value is 0 (the percentage is undefined).
    errors : pandas.Series
        Read-only; test year -> forecast error (forecast mean - actual).
    """

    kind: str
    n_folds: int
    mae: float
    mape: float
    errors: pd.Series


def backtest(series: pd.Series, kind: str, *, is_share: bool = False, n_test: int = 3) -> Backtest:
    """Rolling-origin, one-step-ahead backtest on the last `n_test` observed years.

    For each of the last `n_test` observed years, the model is fitted on every observation before
    that year and forecasts it. "One step" is in calendar years: when the year before the test year
    is a gap, the forecast horizon is 2 years (or more), which is the honest difficulty of the task.
    Folds where the model cannot be fitted (too little earlier data, failed fit) are skipped.

    Parameters
    ----------
    series : pandas.Series
        Values indexed by integer year, gaps absent (see :class:`~qn_model.trends.models.TrendModel`).
    kind : str
        One of :data:`~qn_model.trends.models.MODEL_KINDS`.
    is_share : bool, default False
        The values are a share in percent (needed by ``logit``).
    n_test : int, default 3
        How many of the most recent observed years to test.

    Returns
    -------
    Backtest

    Raises
    ------
    ValueError
        Invalid `series` or `kind` (as for ``TrendModel``), or `n_test` not a positive integer.

    Examples
    --------
    >>> s = pd.Series([1.0, 2.0, 3.0, 5.0], index=[2020, 2021, 2022, 2023])
    >>> backtest(s, "linear", n_test=1).errors.to_dict()
    {2023: -1.0}
    """
    if kind not in MODEL_KINDS:
        raise ValueError(f"unknown trend kind {kind!r}; expected one of {MODEL_KINDS}")
    check_n_test(n_test)
    years, values, name = clean_series(series)
    return backtest_clean(years, values, name, kind, bool(is_share), n_test)


def check_n_test(n_test: object) -> None:
    if isinstance(n_test, (bool, np.bool_)) or not isinstance(n_test, (int, np.integer)) or n_test < 1:
        raise ValueError(f"n_test must be a positive integer (years to hold out), got {n_test!r}")


def backtest_clean(
    years: np.ndarray, values: np.ndarray, name: object, kind: str, is_share: bool, n_test: int
) -> Backtest:
    """Backtest on already validated, year-sorted arrays."""
    err_years: list[int] = []
    errors: list[float] = []
    actuals: list[float] = []
    for i in range(max(len(years) - n_test, 1), len(years)):
        train = pd.Series(values[:i], index=pd.Index(years[:i], dtype=np.int64))
        result = TrendModel(train, kind, is_share=is_share).fit()
        if not result.ok:
            continue
        mean = float(result.forecast([int(years[i])])["mean"].iloc[0])
        if not math.isfinite(mean):
            continue
        err_years.append(int(years[i]))
        errors.append(mean - float(values[i]))
        actuals.append(float(values[i]))
    err = np.asarray(errors, dtype=float)
    act = np.asarray(actuals, dtype=float)
    if err.size:
        # Wild forecasts on extreme data may overflow to inf: an honest (if useless) score.
        with np.errstate(over="ignore", invalid="ignore"):
            mae = float(np.mean(np.abs(err)))
            mape = float(np.mean(np.abs(err) / np.abs(act)) * 100.0) if np.all(act != 0) else math.nan
    else:
        mae = mape = math.nan
    return Backtest(
        kind=kind, n_folds=len(errors), mae=mae, mape=mape, errors=readonly_series(err, err_years, name)
    )
