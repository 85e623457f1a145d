"""Trend models and the trend suite: agreement with direct statsmodels calls, data-poor outcomes,
model choice, the cache, and properties on random gappy series."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose
from statsmodels.tsa.arima.model import ARIMA
from statsmodels.tsa.exponential_smoothing.ets import ETSModel

from qn_model.trends.suite import (
    FORECAST_COLUMNS,
    MODEL_KINDS,
    TrendModel,
    TrendResult,
    TrendSuite,
    fit_trends,
    implied_growth_pct,
)

# ---- The real series (data/indicators.csv), hard-coded so these tests do not depend on the data.
QN_GROWTH = pd.Series(
    [10.1, 10.2, 12.01, 10.05, 10.28, 10.28, 11.03, 8.42, 11.89],
    index=[2016, 2017, 2019, 2020, 2021, 2022, 2023, 2024, 2025],
    name="grdp_growth_qn",
)  # 2018 has no source: absent, not NaN
VN_SHARE = pd.Series([12.66, 12.87, 12.83, 12.87, 13.17, 14.02], index=range(2020, 2026), name="de_share_vn")
QN_GRDP = pd.Series(
    [220.0, 269.0, 315.8, 347.5, 368.445], index=[2020, 2022, 2023, 2024, 2025], name="grdp_vnd"
)
QN_SHARE = pd.Series([7.1], index=[2024], name="de_share_qn")

FUTURE = list(range(2026, 2031))


def _x(years) -> np.ndarray:
    return sm.add_constant(np.asarray(years, dtype=float), has_constant="add")


def _quiet_fit(fn):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn()


def _assert_nested(frame: pd.DataFrame) -> None:
    """lo95 <= lo80 <= mean <= hi80 <= hi95 on every row that has numbers."""
    f = frame.dropna()
    tol = 1e-9 * (1.0 + f.abs().to_numpy().max()) if len(f) else 0.0
    for lo, hi in (("lo95", "lo80"), ("lo80", "mean"), ("mean", "hi80"), ("hi80", "hi95")):
        assert (f[lo] <= f[hi] + tol).all(), f"{lo} > {hi}:\n{f}"


# ---------------------------------------------------------------------------------------------
# Constructor and argument validation (programmer errors raise ValueError)
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("series", "kind", "kwargs", "match"),
    [
        (VN_SHARE, "cubic", {}, "unknown trend kind 'cubic'"),
        ([1.0, 2.0, 3.0], "linear", {}, "must be a pandas Series"),
        (pd.Series([1.0, 2.0], index=[2020.0, 2021.0]), "linear", {}, "index must be integer years"),
        (pd.Series([1.0, 2.0], index=["2020", "2021"]), "linear", {}, "index must be integer years"),
        (pd.Series([1.0, 2.0, 3.0], index=[2020, 2021, 2021]), "linear", {}, r"duplicate years \[2021\]"),
        (
            pd.Series([1.0, np.nan, 3.0], index=[2020, 2021, 2022]),
            "linear",
            {},
            r"missing or infinite.*\[2021\]",
        ),
        (pd.Series([1.0, np.inf], index=[2020, 2021]), "linear", {}, "missing or infinite"),
        (pd.Series(["a", "b"], index=[2020, 2021]), "linear", {}, "values must be numeric"),
        (VN_SHARE, "logit", {"is_share": "yes"}, "is_share must be True or False"),
    ],
)
def test_constructor_validation(series, kind, kwargs, match):
    with pytest.raises(ValueError, match=match):
        TrendModel(series, kind, **kwargs)


def test_forecast_years_must_be_integers():
    res = TrendModel(VN_SHARE, "linear").fit()
    with pytest.raises(ValueError, match="years must be"):
        res.forecast([2026.5])
    with pytest.raises(ValueError, match="years must be"):
        res.forecast("2026")


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"kinds": ["linear", "spline"]}, r"unknown trend kinds \['spline'\]"),
        ({"kinds": []}, "at least one"),
        ({"n_test": 0}, "n_test must be a positive integer"),
        ({"n_test": 2.0}, "n_test must be a positive integer"),
        ({"is_share": None}, "is_share must be True or False"),
    ],
)
def test_fit_trends_validation(kwargs, match):
    with pytest.raises(ValueError, match=match):
        fit_trends(VN_SHARE, **kwargs)


def test_implied_growth_validation():
    suite = fit_trends(VN_SHARE, is_share=True)
    with pytest.raises(ValueError, match="must be after"):
        implied_growth_pct(suite, 2030, 2025)
    with pytest.raises(ValueError, match="years must be integers"):
        implied_growth_pct(suite, 2025.0, 2030)
    with pytest.raises(ValueError, match="expected a TrendSuite or TrendResult"):
        implied_growth_pct("loglinear", 2025, 2030)


# ---------------------------------------------------------------------------------------------
# Agreement with direct statsmodels calls
# ---------------------------------------------------------------------------------------------

OLS_CASES = [
    ("linear", QN_GROWTH, False, lambda v: v, lambda z: z),
    ("loglinear", QN_GRDP, False, np.log, np.exp),
    ("logit", VN_SHARE, True, lambda v: np.log(v / (100 - v)), lambda z: 100 / (1 + np.exp(-z))),
]


@pytest.mark.parametrize(("kind", "series", "is_share", "fwd", "back"), OLS_CASES)
def test_ols_kinds_match_statsmodels(kind, series, is_share, fwd, back):
    res = TrendModel(series, kind, is_share=is_share).fit()
    assert res.status == "ok" and res.reason is None and res.n_obs == len(series)
    years = series.index.to_numpy()
    direct = sm.OLS(fwd(series.to_numpy()), _x(years)).fit()
    assert_allclose([res.params["intercept"], res.params["slope"]], direct.params, rtol=1e-10)
    assert_allclose(res.fitted.to_numpy(), back(direct.fittedvalues), rtol=1e-10)
    assert res.fitted.index.tolist() == years.tolist()

    ask = [2018, *FUTURE]  # a gap year (for QN_GROWTH) and the future
    fc = res.forecast(ask)
    assert fc.index.tolist() == ask and list(fc.columns) == list(FORECAST_COLUMNS)
    for alpha, lo, hi in ((0.2, "lo80", "hi80"), (0.05, "lo95", "hi95")):
        sf = direct.get_prediction(_x(ask)).summary_frame(alpha=alpha)
        assert_allclose(fc["mean"], back(sf["mean"]), rtol=1e-10)
        assert_allclose(fc[lo], back(sf["obs_ci_lower"]), rtol=1e-10)
        assert_allclose(fc[hi], back(sf["obs_ci_upper"]), rtol=1e-10)
    _assert_nested(fc)


def test_aicc_is_on_the_data_scale():
    n = len(QN_GRDP)
    y = QN_GRDP.to_numpy()
    lin = sm.OLS(y, _x(QN_GRDP.index)).fit()
    log = sm.OLS(np.log(y), _x(QN_GRDP.index)).fit()
    k = 3  # intercept, slope, error variance
    penalty = 2 * k + 2 * k * (k + 1) / (n - k - 1)
    assert_allclose(TrendModel(QN_GRDP, "linear").fit().aicc, -2 * lin.llf + penalty, rtol=1e-10)
    # The log model's density of y is its density of log y times |d log y / dy| = 1 / y.
    assert_allclose(
        TrendModel(QN_GRDP, "loglinear").fit().aicc, -2 * (log.llf - np.log(y).sum()) + penalty, rtol=1e-10
    )
    # n - k - 1 <= 0: not applicable.
    assert math.isnan(TrendModel(QN_GRDP.iloc[:4], "linear").fit().aicc)


def test_linear_residual_sd_is_ols_standard_error():
    res = TrendModel(QN_GROWTH, "linear").fit()
    direct = sm.OLS(QN_GROWTH.to_numpy(), _x(QN_GROWTH.index)).fit()
    assert_allclose(res.residual_sd, math.sqrt(direct.scale), rtol=1e-10)


def test_holt_matches_ets_on_latest_contiguous_run():
    res = TrendModel(QN_GROWTH, "holt_damped").fit()
    assert res.status == "ok" and res.n_obs == 7  # 2019-2025: the run after the 2018 gap
    run = QN_GROWTH.loc[2019:]
    direct = _quiet_fit(
        lambda: ETSModel(pd.Series(run.to_numpy()), error="add", trend="add", damped_trend=True).fit(
            disp=False
        )
    )
    for name, value in zip(direct.param_names, direct.params, strict=True):
        assert_allclose(res.params[name], value, rtol=1e-8)
    assert res.params["first_year"] == 2019
    assert res.fitted.index.tolist() == list(range(2019, 2026))
    assert_allclose(res.fitted.to_numpy(), direct.fittedvalues.to_numpy(), rtol=1e-8)

    fc = res.forecast(FUTURE)
    pred = direct.get_prediction(start=len(run), end=len(run) + len(FUTURE) - 1)
    for alpha, lo, hi in ((0.2, "lo80", "hi80"), (0.05, "lo95", "hi95")):
        sf = pred.summary_frame(alpha=alpha)
        assert_allclose(fc["mean"], sf["mean"], rtol=1e-8)
        assert_allclose(fc[lo], sf["pi_lower"], rtol=1e-8)
        assert_allclose(fc[hi], sf["pi_upper"], rtol=1e-8)
    assert_allclose(fc["mean"], direct.forecast(len(FUTURE)), rtol=1e-8)
    # Before the run the model has no prediction.
    assert fc.notna().all().all()
    assert res.forecast([2017]).isna().all().all()


def test_arima_matches_statsmodels_for_chosen_order():
    res = TrendModel(QN_GROWTH, "arima").fit()
    assert res.status == "ok"
    p, d, q = (int(res.params[k]) for k in ("p", "d", "q"))
    assert {p, d, q} <= {0, 1}
    endog = pd.Series(QN_GROWTH.reindex(range(2016, 2026)).to_numpy())  # 2018 missing, not filled
    direct = _quiet_fit(lambda: ARIMA(endog, order=(p, d, q), trend="c" if d == 0 else "t").fit())
    fc = res.forecast(FUTURE)
    pred = direct.get_forecast(len(FUTURE))
    assert_allclose(fc["mean"], pred.predicted_mean, rtol=1e-8)
    for alpha, lo, hi in ((0.2, "lo80", "hi80"), (0.05, "lo95", "hi95")):
        ci = np.asarray(pred.conf_int(alpha=alpha))
        assert_allclose(fc[lo], ci[:, 0], rtol=1e-8)
        assert_allclose(fc[hi], ci[:, 1], rtol=1e-8)
    assert_allclose(res.params["sigma2"], direct.params["sigma2"], rtol=1e-8)
    # AICc counts observed years (9, not the 10-year range) less the diffuse burn-in.
    k, n = len(direct.params), 9 - int(direct.loglikelihood_burn)
    assert_allclose(res.aicc, -2 * direct.llf + 2 * k + 2 * k * (k + 1) / (n - k - 1), rtol=1e-8)
    assert res.fitted.index.tolist() == QN_GROWTH.index.tolist()  # the gap year is not "fitted"


def test_arima_order_minimises_aicc_over_grid():
    res = TrendModel(QN_GROWTH, "arima").fit()
    endog = pd.Series(QN_GROWTH.reindex(range(2016, 2026)).to_numpy())
    aiccs = []
    for p in (0, 1):
        for d in (0, 1):
            for q in (0, 1):
                r = _quiet_fit(
                    lambda p=p, d=d, q=q: ARIMA(endog, order=(p, d, q), trend="c" if d == 0 else "t").fit()
                )
                k, n = len(r.params), 9 - int(r.loglikelihood_burn)
                aiccs.append(-2 * r.llf + 2 * k + 2 * k * (k + 1) / (n - k - 1))
    assert_allclose(res.aicc, min(aiccs), rtol=1e-8)


# ---------------------------------------------------------------------------------------------
# Too little data is a status, not an exception
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("series", "kind", "is_share", "reason"),
    [
        (QN_SHARE, "linear", True, "too_short"),
        (QN_SHARE, "logit", True, "too_short"),
        (QN_SHARE.iloc[:0], "linear", False, "too_short"),
        (VN_SHARE.iloc[:2], "loglinear", True, "too_short"),
        (pd.Series([1.0, 0.0, 2.0, 3.0], index=range(2020, 2024)), "loglinear", False, "non_positive"),
        (VN_SHARE, "logit", False, "not_a_share"),
        (pd.Series([50.0, 99.0, 100.0], index=range(2020, 2023)), "logit", True, "not_a_share"),
        (VN_SHARE.iloc[:4], "holt_damped", True, "too_short"),
        (QN_GRDP, "holt_damped", False, "not_contiguous"),  # 5 points but the 2021 gap leaves 4
        (VN_SHARE, "arima", True, "too_short"),
    ],
)
def test_not_enough_data(series, kind, is_share, reason):
    res = TrendModel(series, kind, is_share=is_share).fit()
    assert (res.status, res.reason) == ("not_enough_data", reason)
    assert math.isnan(res.aicc) and math.isnan(res.residual_sd) and not res.params and res.fitted.empty
    fc = res.forecast(FUTURE)
    assert fc.index.tolist() == FUTURE and list(fc.columns) == list(FORECAST_COLUMNS)
    assert fc.isna().all().all()
    assert math.isnan(implied_growth_pct(res, 2025, 2030))


def test_one_point_suite_is_empty_handed():
    suite = fit_trends(QN_SHARE, is_share=True)
    assert suite.best is None and suite.choice_reason == "none" and suite.best_result is None
    assert all(r.status == "not_enough_data" for r in suite.results.values())
    assert all(b.n_folds == 0 and math.isnan(b.mae) for b in suite.backtests.values())
    assert math.isnan(implied_growth_pct(suite, 2025, 2030))


def test_empty_series_suite():
    suite = fit_trends(pd.Series([], dtype=float))
    assert suite.best is None and suite.choice_reason == "none"
    assert set(suite.results) == set(MODEL_KINDS)


# ---------------------------------------------------------------------------------------------
# Real series give sensible fits
# ---------------------------------------------------------------------------------------------


def test_vn_share_loglinear_growth_is_modest():
    suite = fit_trends(VN_SHARE, is_share=True)
    g = implied_growth_pct(suite.results["loglinear"], 2025, 2030)
    assert 0 < g < 10
    # Constant-growth model: the implied rate is exp(slope) - 1 whatever the years.
    assert_allclose(g, suite.results["loglinear"].params["growth_pct"], rtol=1e-9)
    assert {k for k, r in suite.results.items() if r.ok} == {"linear", "loglinear", "logit", "holt_damped"}
    assert suite.results["arima"].reason == "too_short"
    assert suite.choice_reason == "backtest_mae" and suite.best in suite.results
    fc = suite.best_result.forecast(FUTURE)
    assert ((fc["mean"] > 13) & (fc["mean"] < 20)).all()
    _assert_nested(fc)


def test_qn_growth_suite():
    suite = fit_trends(QN_GROWTH)
    assert suite.choice_reason == "backtest_mae"
    assert suite.results["logit"].reason == "not_a_share"
    assert all(suite.results[k].ok for k in ("linear", "loglinear", "holt_damped", "arima"))
    assert suite.backtests["linear"].n_folds == 3
    mean = suite.best_result.forecast(FUTURE)["mean"]
    assert ((mean > 5) & (mean < 20)).all()


def test_qn_grdp_suite():
    suite = fit_trends(QN_GRDP)
    assert suite.best in {"linear", "loglinear"}
    assert suite.results["holt_damped"].reason == "not_contiguous"
    assert 0 < implied_growth_pct(suite, 2025, 2030) < 20
    assert suite.best_result.forecast([2021]).notna().all().all()  # a gap year: the line, not data


def test_choice_on_exact_line_is_linear_by_backtest():
    line = pd.Series(5.0 + 0.5 * np.arange(8), index=range(2015, 2023))
    suite = fit_trends(line, kinds=("loglinear", "linear"))
    assert (suite.best, suite.choice_reason) == ("linear", "backtest_mae")
    assert list(suite.results) == ["loglinear", "linear"]


def test_choice_without_backtest_falls_back_to_aicc_then_simplest():
    three = pd.Series([10.0, 11.0, 12.5], index=[2022, 2023, 2024])  # too short for any fold
    suite = fit_trends(three)
    assert all(b.n_folds == 0 for b in suite.backtests.values())
    # AICc is not applicable at n = 3 either, so the simplest ok kind wins.
    assert (suite.best, suite.choice_reason) == ("linear", "aicc_only")


# ---------------------------------------------------------------------------------------------
# Cache and immutability
# ---------------------------------------------------------------------------------------------


def test_cache_returns_identical_object():
    a = fit_trends(VN_SHARE, is_share=True)
    b = fit_trends(VN_SHARE.sample(frac=1.0, random_state=0).copy(), is_share=True)  # same data, shuffled
    assert a is b
    assert fit_trends(VN_SHARE, is_share=False) is not a
    assert fit_trends(VN_SHARE, kinds=["linear"], is_share=True) is not a


def test_cached_objects_are_read_only():
    suite = fit_trends(VN_SHARE, is_share=True)
    res = suite.results["linear"]
    with pytest.raises(ValueError, match="read-only"):
        suite.series[2020] = 0.0
    with pytest.raises(ValueError, match="read-only"):
        res.fitted.iloc[0] = 0.0
    with pytest.raises(ValueError, match="read-only"):
        suite.backtests["linear"].errors.iloc[0] = 0.0
    with pytest.raises(TypeError):
        suite.results["linear"] = res
    with pytest.raises(TypeError):
        res.params["slope"] = 0.0
    with pytest.raises(AttributeError):
        suite.best = "arima"
    # Forecast frames are fresh copies: editing one does not leak into the next.
    fc = res.forecast([2030])
    fc.loc[2030, "mean"] = -1.0
    assert res.forecast([2030]).loc[2030, "mean"] > 0
    assert fit_trends(VN_SHARE, is_share=True) is suite


def test_results_are_typed():
    suite = fit_trends(VN_SHARE, is_share=True)
    assert isinstance(suite, TrendSuite)
    assert all(isinstance(r, TrendResult) for r in suite.results.values())
    assert suite.series.index.name == "year"


# ---------------------------------------------------------------------------------------------
# Properties on random gappy series
# ---------------------------------------------------------------------------------------------


@st.composite
def gappy_years(draw, min_size: int, max_size: int, max_gaps: int = 3) -> list[int]:
    """Increasing years with a few gaps (a gap is 1-2 missing years)."""
    n = draw(st.integers(min_size, max_size))
    start = draw(st.integers(1995, 2010))
    steps = [1] * max(n - 1, 0)
    for _ in range(draw(st.integers(0, max_gaps))):
        if steps:
            steps[draw(st.integers(0, len(steps) - 1))] = draw(st.integers(2, 3))
    return [start + sum(steps[:i]) for i in range(n)]


@st.composite
def share_series(draw, min_size: int = 3, max_size: int = 11) -> pd.Series:
    years = draw(gappy_years(min_size, max_size, max_gaps=1))
    values = draw(st.lists(st.floats(1.0, 99.0), min_size=len(years), max_size=len(years)))
    return pd.Series(values, index=years)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(series=share_series())
def test_prop_95_contains_80_every_kind(series):
    ask = list(range(int(series.index[0]) - 1, int(series.index[-1]) + 6))
    for kind in MODEL_KINDS:
        res = TrendModel(series, kind, is_share=True).fit()
        fc = res.forecast(ask)
        assert fc.index.tolist() == ask
        if res.ok:
            assert fc.loc[int(series.index[-1]) + 1 :].notna().all().all()
            _assert_nested(fc)


finite = st.floats(allow_nan=False, allow_infinity=False)


@st.composite
def any_series(draw, min_size: int = 0, max_size: int = 15) -> pd.Series:
    years = draw(gappy_years(min_size, max_size))
    values = draw(st.lists(finite, min_size=len(years), max_size=len(years)))
    return pd.Series(values, index=pd.Index(years, dtype="int64"), dtype=float)


def _check_suite_invariants(series: pd.Series, suite: TrendSuite, kinds: tuple[str, ...]) -> None:
    assert tuple(suite.results) == kinds and tuple(suite.backtests) == kinds
    ok = [k for k, r in suite.results.items() if r.ok]
    assert (suite.best is None) == (not ok)
    assert suite.choice_reason in ({"backtest_mae", "aicc_only"} if ok else {"none"})
    for r in suite.results.values():
        assert r.status in {"ok", "not_enough_data", "failed"}
        assert (r.reason is None) == r.ok
    for b in suite.backtests.values():
        assert b.n_folds == len(b.errors) <= 3
    if suite.best is not None:
        assert suite.results[suite.best].ok
        _assert_nested(suite.best_result.forecast([int(series.index[-1]) + 1]))


CHEAP_KINDS = tuple(k for k in MODEL_KINDS if k != "arima")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(series=any_series(), is_share=st.booleans())
def test_prop_fit_trends_never_raises(series, is_share):
    _check_suite_invariants(series, fit_trends(series, CHEAP_KINDS, is_share=is_share), CHEAP_KINDS)


# ARIMA runs an 8-model grid per fit and per backtest fold: few examples, one fold each.
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(series=any_series(min_size=8, max_size=15))
def test_prop_fit_trends_never_raises_arima(series):
    _check_suite_invariants(series, fit_trends(series, n_test=1), MODEL_KINDS)


@settings(max_examples=40, deadline=None)
@given(
    years=gappy_years(3, 12),
    intercept=st.floats(-1e3, 1e3),
    slope=st.floats(-50, 50),
)
def test_prop_linear_reproduces_exact_line(years, intercept, slope):
    def line(ys):
        return intercept + slope * (np.asarray(ys, dtype=float) - 2000)

    res = TrendModel(pd.Series(line(years), index=years), "linear").fit()
    ask = [years[0] - 3, *years, years[-1] + 1, years[-1] + 10]
    scale = 1.0 + abs(intercept) + abs(slope) * 50
    assert_allclose(res.forecast(ask)["mean"].to_numpy(), line(ask), rtol=0, atol=1e-7 * scale)
