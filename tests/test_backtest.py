"""Rolling-origin backtest: hand-computed errors, horizons across gaps, skipped folds."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose
from statsmodels.tsa.exponential_smoothing.ets import ETSModel

from qn_model.trends.backtest import Backtest, backtest
from qn_model.trends.suite import fit_trends


def test_hand_computed_mae_and_mape():
    s = pd.Series([1.0, 2.0, 3.0, 5.0, 8.0], index=range(2018, 2023))
    bt = backtest(s, "linear", n_test=2)
    # 2021: the line through (1, 2, 3) gives 4, actual 5 -> -1.
    # 2022: OLS on (1, 2, 3, 5) has slope 6.5 / 5 = 1.3 around mean 2.75 -> 2.75 + 1.3 * 2.5 = 6, actual 8 -> -2.
    assert isinstance(bt, Backtest) and bt.kind == "linear" and bt.n_folds == 2
    assert bt.errors.index.tolist() == [2021, 2022]
    assert_allclose(bt.errors.to_numpy(), [-1.0, -2.0], atol=1e-9)
    assert_allclose(bt.mae, 1.5, atol=1e-9)
    assert_allclose(bt.mape, (1 / 5 + 2 / 8) / 2 * 100, atol=1e-9)  # 22.5 %


def test_horizon_is_two_years_after_a_gap():
    # 2021 is missing: the fold for 2022 forecasts two calendar years ahead of 2020.
    s = pd.Series([1.0, 2.0, 3.0, 7.0], index=[2018, 2019, 2020, 2022])
    bt = backtest(s, "linear", n_test=1)
    assert bt.errors.to_dict() == pytest.approx({2022: 5.0 - 7.0})  # line gives 5 at 2022, not 4


def test_holt_horizon_after_gap_matches_two_step_ets_forecast():
    rng = np.random.default_rng(1)
    values = 10 + 0.5 * np.arange(7) + rng.normal(0, 0.2, 7)
    years = [*range(2010, 2016), 2017]  # 2016 missing
    s = pd.Series(values, index=years)
    bt = backtest(s, "holt_damped", n_test=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        direct = ETSModel(pd.Series(values[:6]), error="add", trend="add", damped_trend=True).fit(disp=False)
    expected = float(np.asarray(direct.forecast(2))[-1]) - values[6]
    assert bt.n_folds == 1
    assert_allclose(bt.errors[2017], expected, rtol=1e-8)


def test_folds_without_enough_history_are_skipped():
    s = pd.Series([1.0, 2.0, 4.0, 4.0], index=range(2020, 2024))
    bt = backtest(s, "linear", n_test=3)  # only 2023 has 3 earlier points
    assert bt.n_folds == 1 and bt.errors.index.tolist() == [2023]
    none = backtest(s, "arima")
    assert none.n_folds == 0 and none.errors.empty and math.isnan(none.mae) and math.isnan(none.mape)


def test_n_test_beyond_length_and_empty_series():
    s = pd.Series([1.0, 2.0, 3.0, 4.0, 5.0], index=range(2020, 2025))
    assert backtest(s, "linear", n_test=10).errors.index.tolist() == [2023, 2024]
    empty = backtest(pd.Series([], dtype=float), "linear")
    assert empty.n_folds == 0 and math.isnan(empty.mae)


def test_mape_undefined_when_an_actual_is_zero():
    s = pd.Series([3.0, 2.0, 1.0, 0.0], index=range(2020, 2024))
    bt = backtest(s, "linear", n_test=1)
    assert bt.n_folds == 1 and bt.mae == pytest.approx(0.0, abs=1e-9)
    assert math.isnan(bt.mape)


def test_errors_are_read_only():
    bt = backtest(pd.Series([1.0, 2.0, 3.0, 5.0], index=range(2020, 2024)), "linear", n_test=1)
    with pytest.raises(ValueError, match="read-only"):
        bt.errors.iloc[0] = 0.0


def test_suite_backtests_equal_direct_backtests():
    s = pd.Series([12.66, 12.87, 12.83, 12.87, 13.17, 14.02], index=range(2020, 2026))
    suite = fit_trends(s, is_share=True)
    for kind, bt in suite.backtests.items():
        direct = backtest(s, kind, is_share=True)
        assert bt.n_folds == direct.n_folds
        assert_allclose(bt.errors.to_numpy(), direct.errors.to_numpy(), rtol=1e-10)
        assert bt.errors.index.tolist() == direct.errors.index.tolist()


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"kind": "spline"}, "unknown trend kind 'spline'"),
        ({"kind": "linear", "n_test": 0}, "n_test must be a positive integer"),
        ({"kind": "linear", "n_test": True}, "n_test must be a positive integer"),
        ({"kind": "linear", "n_test": 1.5}, "n_test must be a positive integer"),
    ],
)
def test_backtest_validation(kwargs, match):
    with pytest.raises(ValueError, match=match):
        backtest(pd.Series([1.0, 2.0, 3.0, 4.0], index=range(2020, 2024)), **kwargs)


def test_backtest_validates_series():
    with pytest.raises(ValueError, match="index must be integer years"):
        backtest(pd.Series([1.0, 2.0], index=[2020.5, 2021.5]), "linear")
