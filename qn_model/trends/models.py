"""Trend models for short annual series with gaps: model -> fit() -> immutable result -> forecast.

The series this planner works with are annual, indexed by integer year, short (1-15 points) and
gappy (a missing year is simply absent). Five model kinds are offered:

``linear``
    OLS of the value on the year.
``loglinear``
    OLS of log(value) on the year (constant % growth).
``logit``
    OLS of logit(value / 100) on the year, for shares in percent (an S-curve bounded by 0-100).
``holt_damped``
    Additive-error, damped additive-trend exponential smoothing (``ETSModel``) on the most recent
    contiguous run of years.
``arima``
    ``ARIMA(p, d, q)`` with p, d, q in {0, 1}, chosen by AICc, on the full annual range with the
    gaps left missing (the state-space likelihood skips them, so nothing is interpolated).

Too little data is an outcome, not an error: :meth:`TrendModel.fit` then returns a
:class:`TrendResult` with ``status == "not_enough_data"`` and a machine ``reason``. Only
programmer errors (unknown kind, a non-integer index, NaN values) raise ``ValueError``.

AICc is reported on the scale of the data for every kind: the log and logit models' likelihoods
are corrected by the Jacobian of the transform, so AICc can be compared across kinds fitted on the
same observations. ``holt_damped`` fits fewer observations when the series has gaps, so its AICc
is then not comparable; the suite (:func:`qn_model.trends.suite.fit_trends`) therefore ranks by
out-of-sample backtest error first.
"""

from __future__ import annotations

import contextlib
import math
import threading
import types
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

__all__ = [
    "FORECAST_COLUMNS",
    "MODEL_KINDS",
    "TrendModel",
    "TrendResult",
]

MODEL_KINDS: tuple[str, ...] = ("linear", "loglinear", "logit", "holt_damped", "arima")
FORECAST_COLUMNS: tuple[str, ...] = ("mean", "lo80", "hi80", "lo95", "hi95")

# Minimum observations per kind. OLS needs 3 so that one residual degree of freedom is left for the
# prediction interval; ETS estimates 5 parameters; ARIMA is only worth its grid search from 8 points.
MIN_OBS: Mapping[str, int] = types.MappingProxyType(
    {"linear": 3, "loglinear": 3, "logit": 3, "holt_damped": 5, "arima": 8}
)

# (alpha, lower column, upper column) of the two prediction intervals.
_BANDS = ((0.2, "lo80", "hi80"), (0.05, "lo95", "hi95"))

# ARIMA grid, simplest first so that an AICc tie keeps the simpler order. A constant is the lowest
# trend term that survives differencing: "c" for d = 0, "t" (a drift) for d = 1.
_ARIMA_GRID = tuple(
    sorted(
        ((p, d, q) for p in (0, 1) for d in (0, 1) for q in (0, 1)),
        key=lambda o: (o[0] + o[2], o[1], o),
    )
)

# statsmodels keeps model state that get_prediction touches, and warnings.catch_warnings swaps the
# process-wide filter list; results are shared across Streamlit sessions through the cache, so every
# statsmodels call from this module runs under one lock.
_SM_LOCK = threading.RLock()


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Serialise statsmodels calls and silence their warnings and floating-point noise.

    Tiny samples make statsmodels warn about convergence and small-sample statistics on almost every
    fit; the outcome is judged from the numbers instead (non-finite output -> status "failed").
    """
    with _SM_LOCK, warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        yield


def readonly_series(values: Iterable[float], years: Iterable[int], name: object = None) -> pd.Series:
    """A float Series on an int64 ``year`` index whose values cannot be written in place.

    Results are cached and shared, so in-place edits by a caller (``s[2020] = 0``) must fail rather
    than corrupt every later reader.
    """
    arr = np.array(list(values) if not isinstance(values, np.ndarray) else values, dtype=float)
    arr.flags.writeable = False
    index = pd.Index(np.asarray(list(years) if not isinstance(years, np.ndarray) else years, dtype=np.int64))
    index.name = "year"
    return pd.Series(arr, index=index, name=name, copy=False)


def clean_series(series: object, what: str = "series") -> tuple[np.ndarray, np.ndarray, object]:
    """Validate an annual series; return (years int64, values float64, name), sorted by year.

    Raises
    ------
    ValueError
        If `series` is not a pandas Series, its index is not unique integer years, or a value is
        missing, non-numeric or infinite.
    """
    if not isinstance(series, pd.Series):
        raise ValueError(
            f"{what} must be a pandas Series indexed by integer year, got {type(series).__name__}"
        )
    index = series.index
    if len(index) and not pd.api.types.is_integer_dtype(index.dtype):
        raise ValueError(
            f"{what} index must be integer years (e.g. 2020, 2021), got dtype {index.dtype}; "
            "convert with series.index = series.index.astype(int)"
        )
    if not index.is_unique:
        dupes = sorted({int(y) for y in index[index.duplicated()]})
        raise ValueError(f"{what} has duplicate years {dupes}; keep one value per year")
    try:
        values = series.to_numpy(dtype=float, na_value=np.nan)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{what} values must be numeric: {exc}") from exc
    bad = ~np.isfinite(values)
    if bad.any():
        years_bad = [int(y) for y in index[bad]]
        raise ValueError(
            f"{what} has missing or infinite values in years {years_bad}; drop missing years "
            "(series.dropna()) instead of filling them: a gap is simply an absent year"
        )
    years = np.asarray(index, dtype=np.int64)
    order = np.argsort(years, kind="stable")
    return years[order], values[order], series.name


def _as_years(years: object) -> np.ndarray:
    """Forecast years as an int64 array (one int, or an iterable of ints)."""
    if isinstance(years, (bool, np.bool_)):
        raise ValueError("years must be integers, got a bool")
    if isinstance(years, (int, np.integer)):
        return np.array([int(years)], dtype=np.int64)
    if isinstance(years, (str, bytes)):
        raise ValueError(f"years must be integers, got {years!r}")
    arr = np.asarray(list(years) if not isinstance(years, np.ndarray) else years)
    if arr.size == 0:
        return np.array([], dtype=np.int64)
    if arr.ndim != 1 or arr.dtype.kind not in "iu":
        raise ValueError(f"years must be a 1-D sequence of integers, got {arr.dtype} values {arr[:5]!r}")
    return arr.astype(np.int64)


def _nan_frame(years: np.ndarray) -> pd.DataFrame:
    index = pd.Index(years, dtype=np.int64, name="year")
    return pd.DataFrame(np.nan, index=index, columns=list(FORECAST_COLUMNS))


def _aicc(llf: float, k: int, n: int) -> float:
    """AICc = AIC + 2k(k+1)/(n-k-1); nan when n-k-1 <= 0 or the likelihood is not finite."""
    if not math.isfinite(llf) or n - k - 1 <= 0:
        return math.nan
    return -2.0 * llf + 2.0 * k + 2.0 * k * (k + 1) / (n - k - 1)


def _trailing_run_start(years: np.ndarray) -> int:
    """Index where the most recent run of consecutive years starts."""
    i = len(years) - 1
    while i > 0 and years[i] - years[i - 1] == 1:
        i -= 1
    return max(i, 0)


# A forecaster maps int64 years to a frame of FORECAST_COLUMNS; it is only called under _quiet().
Forecaster = Callable[[np.ndarray], pd.DataFrame]


@dataclass(frozen=True, eq=False)
class TrendResult:
    """Outcome of :meth:`TrendModel.fit`; immutable and safe to share (it is cached).

    Attributes
    ----------
    kind : str
        One of :data:`MODEL_KINDS`.
    status : str
        ``"ok"``; ``"not_enough_data"`` when the data cannot support the model; ``"failed"`` when the
        optimiser failed or produced non-finite output.
    reason : str or None
        Machine code when ``status != "ok"``: ``"too_short"``, ``"not_contiguous"`` (holt: enough
        points but fewer than 5 consecutive recent years), ``"non_positive"``, ``"not_a_share"``,
        ``"optimiser_failed"``, ``"non_finite"``.
    n_obs : int
        Observations the model was (or would have been) fitted on; for ``holt_damped`` the length of
        the most recent contiguous run.
    params : Mapping[str, float]
        Read-only. OLS kinds: ``intercept``, ``slope`` (on the transformed scale for log/logit; the
        log model adds ``growth_pct``). holt: the ``ETSModel`` parameters plus ``first_year`` of the
        fitted run. arima: ``p``, ``d``, ``q`` plus the ``ARIMA`` parameters (``const`` or
        ``drift``, ``ar.L1``, ``ma.L1``, ``sigma2``).
    aicc : float
        Small-sample AIC on the data scale (see the module notes); nan when not applicable.
    fitted : pandas.Series
        Read-only in-sample fitted values by year, observed years only (holt: its run only; arima:
        nan for the first year when differenced, which has no prediction).
    residual_sd : float
        Estimated one-step error standard deviation in the series' units (log/logit: of the
        back-transformed residuals, n - 2 degrees of freedom); nan when not ok.
    """

    kind: str
    status: str
    reason: str | None
    n_obs: int
    params: Mapping[str, float]
    aicc: float
    fitted: pd.Series
    residual_sd: float
    _forecaster: Forecaster | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        """True when the fit succeeded and :meth:`forecast` returns numbers."""
        return self.status == "ok"

    def forecast(self, years: int | Iterable[int]) -> pd.DataFrame:
        """Mean and 80 % / 95 % prediction intervals for the given years.

        Parameters
        ----------
        years : int or iterable of int
            Calendar years, in any order. Years after the last observation are forecasts; earlier
            years give the model's in-sample (one-step) prediction, and nan where the model has
            none (holt: before its run; arima: before the first observation).

        Returns
        -------
        pandas.DataFrame
            Index ``year`` (as given), columns ``mean, lo80, hi80, lo95, hi95`` in the series' units;
            ``lo95 <= lo80 <= mean <= hi80 <= hi95``. All nan when ``status != "ok"``.

        Raises
        ------
        ValueError
            If `years` are not integers.
        """
        ys = _as_years(years)
        if self._forecaster is None or ys.size == 0:
            return _nan_frame(ys)
        with _quiet():
            frame = self._forecaster(ys)
        frame.index = pd.Index(ys, dtype=np.int64, name="year")
        return frame[list(FORECAST_COLUMNS)]


def _not_ok(kind: str, status: str, reason: str, n_obs: int) -> TrendResult:
    return TrendResult(
        kind=kind,
        status=status,
        reason=reason,
        n_obs=n_obs,
        params=types.MappingProxyType({}),
        aicc=math.nan,
        fitted=readonly_series([], []),
        residual_sd=math.nan,
    )


class TrendModel:
    """A trend model of one kind for an annual series with gaps.

    Parameters
    ----------
    series : pandas.Series
        Values indexed by integer year. Missing years are absent (never NaN): the models treat a gap
        as unobserved, never as data. Need not be sorted.
    kind : str
        One of :data:`MODEL_KINDS`.
    is_share : bool, default False
        The values are a share in percent (0-100). Required by ``logit``.

    Raises
    ------
    ValueError
        Unknown `kind`; `series` not a Series, index not unique integers, values missing/infinite.

    Examples
    --------
    >>> s = pd.Series([12.66, 12.87, 12.83, 12.87, 13.17, 14.02], index=range(2020, 2026))
    >>> res = TrendModel(s, "loglinear", is_share=True).fit()
    >>> res.forecast(range(2026, 2031))[["mean", "lo95", "hi95"]]  # doctest: +SKIP
    """

    def __init__(self, series: pd.Series, kind: str, *, is_share: bool = False) -> None:
        if kind not in MODEL_KINDS:
            raise ValueError(f"unknown trend kind {kind!r}; expected one of {MODEL_KINDS}")
        if not isinstance(is_share, (bool, np.bool_)):
            raise ValueError(f"is_share must be True or False, got {is_share!r}")
        self.years, self.values, name = clean_series(series)
        self.kind = kind
        self.is_share = bool(is_share)
        self.series = readonly_series(self.values, self.years, name)

    def __repr__(self) -> str:
        return f"TrendModel(kind={self.kind!r}, n_obs={len(self.years)}, is_share={self.is_share})"

    def fit(self) -> TrendResult:
        """Fit the model; never raises for data reasons.

        Returns
        -------
        TrendResult
            ``status`` is ``"ok"``, ``"not_enough_data"`` (with a ``reason``) or ``"failed"``.
        """
        fitter = {
            "linear": self._fit_ols,
            "loglinear": self._fit_ols,
            "logit": self._fit_ols,
            "holt_damped": self._fit_holt,
            "arima": self._fit_arima,
        }[self.kind]
        try:
            with _quiet():
                result = fitter()
        except (ValueError, ArithmeticError, np.linalg.LinAlgError, IndexError, RuntimeError):
            # statsmodels signals optimiser and numerical breakdowns with these; the data are valid
            # (checked in __init__), so this is an outcome to report, not a bug to raise.
            return _not_ok(self.kind, "failed", "optimiser_failed", len(self.years))
        return _check_finite(result, self.years)

    def _ok(
        self,
        n_obs: int,
        params: dict[str, float],
        aicc: float,
        fitted: np.ndarray,
        fitted_years: np.ndarray,
        residual_sd: float,
        forecaster: Forecaster,
    ) -> TrendResult:
        """A successful fit of this model's kind: ``fitted`` values for ``fitted_years``."""
        return TrendResult(
            kind=self.kind,
            status="ok",
            reason=None,
            n_obs=n_obs,
            params=types.MappingProxyType(params),
            aicc=aicc,
            fitted=readonly_series(fitted, fitted_years, self.series.name),
            residual_sd=residual_sd,
            _forecaster=forecaster,
        )

    # --- OLS kinds -------------------------------------------------------------------------------

    def _fit_ols(self) -> TrendResult:
        kind, years, y = self.kind, self.years, self.values
        n = len(years)
        if kind == "logit" and not (self.is_share and np.all((y > 0) & (y < 100))):
            return _not_ok(kind, "not_enough_data", "not_a_share", n)
        if kind == "loglinear" and np.any(y <= 0):
            return _not_ok(kind, "not_enough_data", "non_positive", n)
        if n < MIN_OBS[kind]:
            return _not_ok(kind, "not_enough_data", "too_short", n)

        # Imported here, after the data checks: statsmodels costs about a second to import, which a
        # data-poor series never needs.
        from statsmodels.regression.linear_model import OLS

        forward, back, log_jacobian = _TRANSFORMS[kind]
        z = forward(y)
        res = OLS(z, _design(years)).fit()
        # Log-likelihood of the data on their own scale: change of variables adds sum(log|dz/dy|).
        llf = float(res.llf) + float(np.sum(log_jacobian(y)))
        fitted = back(np.asarray(res.fittedvalues))
        resid_sd = math.sqrt(float(np.sum((y - fitted) ** 2)) / (n - 2))
        intercept, slope = (float(v) for v in res.params)
        params = {"intercept": intercept, "slope": slope}
        if kind == "loglinear":
            params["growth_pct"] = math.expm1(slope) * 100.0

        def forecaster(ys: np.ndarray) -> pd.DataFrame:
            pred = res.get_prediction(_design(ys))
            mean = pred.predicted_mean
            out = {"mean": back(mean)}
            for alpha, lo, hi in _BANDS:
                sf = pred.summary_frame(alpha=alpha)
                # An exact line on tiny values: the variance can round below zero and its root
                # be nan. That is no spread, not no forecast: the bound is the mean.
                out[lo] = back(np.where(np.isnan(sf["obs_ci_lower"]), mean, sf["obs_ci_lower"]))
                out[hi] = back(np.where(np.isnan(sf["obs_ci_upper"]), mean, sf["obs_ci_upper"]))
            return pd.DataFrame(out)

        # k = intercept, slope and the error variance.
        return self._ok(n, params, _aicc(llf, 3, n), fitted, years, resid_sd, forecaster)

    # --- damped Holt -----------------------------------------------------------------------------

    def _fit_holt(self) -> TrendResult:
        start = _trailing_run_start(self.years)
        run_years, y = self.years[start:], self.values[start:]
        n = len(run_years)
        if n < MIN_OBS["holt_damped"]:
            # ETS recursions need every year: a gap cannot be skipped, and fitting an older run
            # would forecast from a stale state, so only the latest consecutive years are usable.
            reason = "too_short" if len(self.years) < MIN_OBS["holt_damped"] else "not_contiguous"
            return _not_ok(self.kind, "not_enough_data", reason, n)
        from statsmodels.tsa.exponential_smoothing.ets import ETSModel

        first = int(run_years[0])
        # A 0-based RangeIndex: statsmodels reads integer start/end as positions, and with a plain
        # ndarray ETS get_prediction breaks (it expects a pandas result to label the rows).
        model = ETSModel(pd.Series(y), error="add", trend="add", damped_trend=True)
        res = model.fit(disp=False)
        params = {str(k): float(v) for k, v in zip(res.param_names, np.asarray(res.params), strict=True)}
        params["first_year"] = float(first)

        def forecaster(ys: np.ndarray) -> pd.DataFrame:
            return _state_space_band(
                ys - first,
                n,
                lambda s, e, a: _ets_band(res, s, e, a),
            )

        # ETS concentrates the error variance out of the likelihood: count it as a parameter.
        aicc = _aicc(float(res.llf), len(res.params) + 1, n)
        fitted = np.asarray(res.fittedvalues)
        return self._ok(n, params, aicc, fitted, run_years, math.sqrt(float(res.mse)), forecaster)

    # --- ARIMA -----------------------------------------------------------------------------------

    def _fit_arima(self) -> TrendResult:
        years, values = self.years, self.values
        n = len(years)
        if n < MIN_OBS["arima"]:
            return _not_ok(self.kind, "not_enough_data", "too_short", n)
        from statsmodels.tsa.arima.model import ARIMA

        first = int(years[0])
        # Full annual range with NaN in the gaps: the Kalman filter skips missing years in the
        # likelihood, which is the opposite of interpolating them.
        full = np.full(int(years[-1]) - first + 1, np.nan)
        full[years - first] = values
        endog = pd.Series(full)  # 0-based RangeIndex, see _fit_holt

        best = None
        for p, d, q in _ARIMA_GRID:
            try:
                res = ARIMA(endog, order=(p, d, q), trend="c" if d == 0 else "t").fit()
            except (ValueError, ArithmeticError, np.linalg.LinAlgError, IndexError, RuntimeError):
                continue
            # statsmodels' own aicc counts the NaN gap rows as observations; use observed years
            # minus the diffuse burn-in. AICc across d is only a heuristic (different likelihood
            # bases), accepted here because the suite ranks by backtest error first.
            k = len(res.params)
            aicc = _aicc(float(res.llf), k, n - int(res.loglikelihood_burn))
            if not math.isfinite(aicc):
                continue
            if best is None or aicc < best[0]:
                best = (aicc, (p, d, q), res)
        if best is None:
            return _not_ok(self.kind, "failed", "optimiser_failed", n)
        aicc, (p, d, q), res = best

        params: dict[str, float] = {"p": float(p), "d": float(d), "q": float(q)}
        for name, value in zip(res.param_names, np.asarray(res.params), strict=True):
            params["drift" if name == "x1" else str(name)] = float(value)
        fitted = np.asarray(res.fittedvalues)[years - first].astype(float)
        burn = int(res.loglikelihood_burn)
        if burn:
            # Before the differencing has data the "fit" is the diffuse prior (about 0): no prediction.
            fitted[(years - first) < burn] = np.nan

        def forecaster(ys: np.ndarray) -> pd.DataFrame:
            return _state_space_band(ys - first, len(full), lambda s, e, a: _arima_band(res, s, e, a))

        return self._ok(n, params, aicc, fitted, years, math.sqrt(float(params["sigma2"])), forecaster)


def _design(years: np.ndarray) -> np.ndarray:
    """[1, year] regressors; the raw year keeps the parameters comparable to a direct OLS call."""
    x = np.asarray(years, dtype=float)
    return np.column_stack([np.ones_like(x), x])


def _logit_fwd(y: np.ndarray) -> np.ndarray:
    p = y / 100.0
    return np.log(p / (1.0 - p))


def _logit_back(z: np.ndarray) -> np.ndarray:
    return 100.0 / (1.0 + np.exp(-z))


def _logit_log_jacobian(y: np.ndarray) -> np.ndarray:
    # z = log(p / (1 - p)), p = y / 100  =>  dz/dy = 1 / (100 p (1 - p))
    p = y / 100.0
    return -np.log(100.0 * p * (1.0 - p))


# kind -> (forward transform, inverse, log |dz/dy|). All inverses are increasing, so interval
# bounds map to interval bounds.
_TRANSFORMS: Mapping[
    str,
    tuple[
        Callable[[np.ndarray], np.ndarray],
        Callable[[np.ndarray], np.ndarray],
        Callable[[np.ndarray], np.ndarray],
    ],
] = types.MappingProxyType(
    {
        "linear": (lambda y: y, lambda z: np.asarray(z, dtype=float), np.zeros_like),
        "loglinear": (np.log, np.exp, lambda y: -np.log(y)),
        "logit": (_logit_fwd, _logit_back, _logit_log_jacobian),
    }
)


def _state_space_band(
    pos: np.ndarray, nobs: int, band: Callable[[int, int, float], pd.DataFrame]
) -> pd.DataFrame:
    """Rows of FORECAST_COLUMNS for 0-based positions `pos` of a model fitted on `nobs` periods.

    One get_prediction call covers every requested position: in-sample positions are one-step
    predictions, later ones are the multi-step forecast. Negative positions (before the data) are nan.
    """
    out = pd.DataFrame(np.nan, index=range(len(pos)), columns=list(FORECAST_COLUMNS))
    valid = pos >= 0
    if not valid.any():
        return out
    start = int(min(pos[valid].min(), nobs))
    end = int(max(pos[valid].max(), start))
    frames = {alpha: band(start, end, alpha) for alpha, _, _ in _BANDS}
    rows = pos[valid] - start
    for alpha, lo, hi in _BANDS:
        frame = frames[alpha]
        out.loc[valid, "mean"] = frame["mean"].to_numpy()[rows]
        out.loc[valid, lo] = frame["lo"].to_numpy()[rows]
        out.loc[valid, hi] = frame["hi"].to_numpy()[rows]
    return out


def _ets_band(res: object, start: int, end: int, alpha: float) -> pd.DataFrame:
    sf = res.get_prediction(start=start, end=end).summary_frame(alpha=alpha)
    return pd.DataFrame(
        {"mean": sf["mean"].to_numpy(), "lo": sf["pi_lower"].to_numpy(), "hi": sf["pi_upper"].to_numpy()}
    )


def _arima_band(res: object, start: int, end: int, alpha: float) -> pd.DataFrame:
    pred = res.get_prediction(start=start, end=end)
    ci = np.asarray(pred.conf_int(alpha=alpha))
    return pd.DataFrame({"mean": np.asarray(pred.predicted_mean), "lo": ci[:, 0], "hi": ci[:, 1]})


def _check_finite(result: TrendResult, years: np.ndarray) -> TrendResult:
    """Demote an "ok" fit whose parameters or next-year forecast are not finite to "failed"."""
    if not result.ok:
        return result
    probe_year = int(years[-1]) + 1
    finite = (
        all(math.isfinite(v) for v in result.params.values())
        and math.isfinite(result.residual_sd)
        and bool(np.isfinite(result.fitted.dropna().to_numpy()).all())
        and bool(np.isfinite(result.forecast([probe_year]).to_numpy()).all())
    )
    if finite:
        return result
    return _not_ok(result.kind, "failed", "non_finite", result.n_obs)
