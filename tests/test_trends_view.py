"""The trends page's model layer: carried rates, the choice sentence, the table and the figure."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from qn_model.engine.presets import de_growth_for, default_scenario, trend_rates
from qn_model.i18n.formats import fmt_num
from qn_model.trends.suite import MODEL_KINDS, fit_trends
from qn_model.views.trends import (
    backtest_table,
    carried_message,
    carried_rates,
    choice_sentence,
    default_kinds,
    fit_for,
    series_options,
    trend_view,
)


@pytest.fixture(scope="module")
def current(ds):
    return default_scenario(ds)


def _growth(ds) -> pd.Series:
    return ds.series("grdp_growth", "QN")


# --- carried rates ----------------------------------------------------------------------------------


def test_carried_gy_equals_period_means_of_the_chosen_forecast(ds, current):
    rates = carried_rates(ds, "qn_grdp_growth", None, current)
    assert rates is not None and rates.kind == "gy"
    growth = _growth(ds)
    suite = fit_trends(growth)
    assert rates.model == suite.best
    # Period 1 (2025 for base 2024) is observed; period 2 (2026-2030) is the forecast mean.
    assert rates.values["gy1"] == round(float(growth[2025]), 1)
    mean = suite.results[suite.best].forecast(range(2026, 2031))["mean"]
    assert rates.values["gy2"] == round(float(mean.mean()), 1)
    assert rates.observed == {"gy1": "observed", "gy2": "forecast"}


def test_carried_gy_with_all_models_equals_the_trend_preset(ds, current):
    rates = carried_rates(ds, "qn_grdp_growth", MODEL_KINDS, current)
    preset = trend_rates(ds, current.base_year)
    assert (rates.values["gy1"], rates.values["gy2"]) == (preset.gy1, preset.gy2)


def test_carried_gy_follows_the_selected_models(ds, current):
    rates = carried_rates(ds, "qn_grdp_growth", ["loglinear"], current)
    mean = fit_trends(_growth(ds), ("loglinear",)).results["loglinear"].forecast(range(2026, 2031))["mean"]
    assert rates.model == "loglinear"
    assert rates.values["gy2"] == round(float(np.mean(mean)), 1)


def test_carried_gy_earlier_base_year_uses_observed_years(ds, current):
    rates = carried_rates(ds, "qn_grdp_growth", None, current.with_(base_year=2022))
    growth = _growth(ds)
    assert rates.values["gy1"] == round(float(growth[[2023, 2024, 2025]].mean()), 1)
    assert rates.observed["gy1"] == "observed"


def test_carried_gy_leaves_out_an_empty_period(ds, current):
    rates = carried_rates(ds, "qn_grdp_growth", None, current.with_(base_year=2026))
    assert set(rates.values) == {"gy2"}


def test_carried_gd_uses_relative_growth_of_the_share_fit(ds, current):
    rates = carried_rates(ds, "vn_de_share", None, current)
    preset = trend_rates(ds, current.base_year)
    assert rates.kind == "gd" and rates.model == preset.share_model
    assert_allclose(rates.relative_growth_pct, preset.relative_growth_pct)
    for p in (1, 2):
        gy = getattr(current, f"gy{p}")
        assert rates.values[f"gd{p}"] == de_growth_for(gy, preset.relative_growth_pct)
    # With the default GRDP growth this is exactly the default scenario's DE growth.
    assert (rates.values["gd1"], rates.values["gd2"]) == (current.gd1, current.gd2)


def test_carried_gd_keeps_the_scenarios_grdp_growth(ds, current):
    scn = current.with_(gy1=5.0, gy2=6.0)
    rates = carried_rates(ds, "vn_de_share", None, scn)
    r = rates.relative_growth_pct / 100.0
    assert rates.values["gd1"] == round((1.05 * (1 + r) - 1) * 100, 1)
    assert rates.values["gd2"] == round((1.06 * (1 + r) - 1) * 100, 1)


@pytest.mark.parametrize("series_id", ["qn_grdp_vnd_trn", "qn_de_share"])
def test_nothing_to_carry(ds, current, series_id):
    assert carried_rates(ds, series_id, None, current) is None


def test_nothing_to_carry_when_no_selected_model_fits(ds, current):
    assert carried_rates(ds, "vn_de_share", ["arima"], current) is None


def test_carry_preview_lines(ds, current):
    scn = current.with_(gy2=7.0)
    view = trend_view(ds, "qn_grdp_growth", None, "vi", scn)
    assert view.carry_intro == "Tăng trưởng GRDP cho kịch bản theo chuỗi này:"
    assert view.carry_lines == (
        "đến 2025: 11,9%/năm (số liệu thực tế) – kịch bản hiện có 11,9%/năm",
        "2026–2030: 10,5%/năm (trung bình dự báo của mô hình tuyến tính) – kịch bản hiện có 7,0%/năm",
    )
    assert view.carry_button == "Dùng tốc độ này cho kịch bản" and not view.carry_same
    # The default scenario already holds the trend rates: nothing to carry.
    assert trend_view(ds, "qn_grdp_growth", None, "en", current).carry_same
    en = trend_view(ds, "vn_de_share", None, "en", scn)
    assert en.carry_button == "Use these digital-economy rates in the scenario"
    assert en.carry_intro.startswith(
        "On the log-linear (constant % growth) fit the national share grows 1.1%/year"
    )
    assert "with GRDP growing 7.0%/year" in en.carry_lines[1]


def test_carried_message_both_languages():
    values = {"gy1": 11.9, "gy2": 10.5}
    assert carried_message(values, "vi") == (
        "Đã đặt tăng trưởng GRDP của kịch bản – đến 2025: 11,9%/năm; 2026–2030: 10,5%/năm. "
        "Đường dẫn đã được cập nhật."
    )
    assert "11.9%/year" in carried_message(values, "en")


# --- the choice sentence ----------------------------------------------------------------------------


def test_choice_sentence_backtest_both_languages(ds):
    suite = fit_for(ds, "vn_de_share")
    assert suite.choice_reason == "backtest_mae"
    bt = suite.backtests[suite.best]
    mae_vi, mae_en = fmt_num(bt.mae, "vi", 2), fmt_num(bt.mae, "en", 2)
    assert suite.best == "loglinear" and bt.n_folds == 3
    assert choice_sentence(suite, 6, "vi") == (
        f"Chọn mô hình log-tuyến tính (tăng đều theo %) vì sai số dự báo lùi (MAE) thấp nhất: "
        f"{mae_vi} điểm % trên 3 năm cuối."
    )
    assert choice_sentence(suite, 6, "en") == (
        f"The log-linear (constant % growth) model is chosen because its backtest error (MAE) is the "
        f"lowest: {mae_en} pp over the last 3 years."
    )
    assert "," in mae_vi and "." in mae_en


def test_choice_sentence_names_the_fold_rule_when_a_less_tested_model_looks_better(ds):
    suite = fit_for(ds, "qn_grdp_growth")
    # ARIMA can only be backtested on the final year; its single error is lower than linear's.
    assert suite.backtests["arima"].n_folds < suite.backtests[suite.best].n_folds
    assert suite.backtests["arima"].mae < suite.backtests[suite.best].mae
    assert "thử được trên 3 năm cuối" in choice_sentence(suite, 9, "vi")
    assert "tested over the last 3 years" in choice_sentence(suite, 9, "en")


def test_choice_sentence_one_value(ds):
    suite = fit_for(ds, "qn_de_share")
    assert suite.best is None
    assert choice_sentence(suite, 1, "vi") == (
        "Chuỗi chỉ có 1 giá trị: không đủ để ước lượng xu hướng (cần ít nhất 3)."
    )
    assert choice_sentence(suite, 1, "en") == (
        "The series has only 1 value: not enough to estimate a trend (at least 3 are needed)."
    )


def test_choice_sentence_short_and_empty_and_unselected():
    two = fit_trends(pd.Series([1.0, 2.0], index=[2020, 2021]))
    assert choice_sentence(two, 2, "vi").startswith("Chuỗi chỉ có 2 giá trị")
    assert choice_sentence(None, 0, "en") == "This series has no data."
    assert choice_sentence(None, 6, "en", any_selected=False) == "No model is selected: pick at least one."


def test_choice_sentence_too_short_to_backtest():
    three = fit_trends(pd.Series([4.75, 5.01, 5.6], index=[2020, 2024, 2025]), is_share=True)
    assert three.choice_reason == "aicc_only"
    text = choice_sentence(three, 3, "vi")
    assert text.startswith("Chuỗi chỉ có 3 giá trị, chưa đủ để dự báo lùi")
    assert "tuyến tính" in text


# --- table, figure, options ---------------------------------------------------------------------------


def test_backtest_table_localised_with_reasons_in_words(ds):
    suite = fit_for(ds, "qn_grdp_growth")
    vi = backtest_table(suite, "vi")
    assert list(vi.columns) == [
        "Mô hình",
        "Được chọn",
        "Trạng thái",
        "Số quan sát",
        "AICc",
        "MAE dự báo lùi (điểm %)",
        "MAPE dự báo lùi",
        "Số năm thử",
    ]
    assert len(vi) == len(MODEL_KINDS)
    logit = vi[vi["Mô hình"] == "Logit (đường chữ S)"].iloc[0]
    assert logit["Trạng thái"] == "Không đủ dữ liệu: chỉ dùng cho tỷ trọng (0–100%)"
    assert logit["MAE dự báo lùi (điểm %)"] == "–"
    chosen = vi[vi["Được chọn"] == "✓"]
    assert list(chosen["Mô hình"]) == ["Tuyến tính"]
    assert "," in chosen.iloc[0]["MAE dự báo lùi (điểm %)"]
    en = backtest_table(fit_for(ds, "vn_de_share"), "en")
    arima = en[en["Model"] == "ARIMA"].iloc[0]
    assert arima["Status"] == "Not enough data: needs at least 8 values"
    assert backtest_table(None, "en").empty


def test_one_point_series_view(ds, current):
    view = trend_view(ds, "qn_de_share", None, "vi", current)
    assert view.suite is not None and view.suite.best is None
    assert view.carry is None and view.carry_intro is None and view.carry_lines == ()
    assert view.sentence.startswith("Chuỗi chỉ có 1 giá trị")
    assert view.table["Trạng thái"].str.startswith("Không đủ dữ liệu").all()
    # Only the observed point is drawn: no model line, no band.
    assert [tr.name for tr in view.figure.data] == ["Thực tế"]


def test_figure_keeps_gaps_and_bands_the_chosen_model(ds, current):
    view = trend_view(ds, "qn_grdp_growth", None, "en", current)
    observed = next(tr for tr in view.figure.data if tr.name == "Observed")
    years = list(observed.x)
    assert observed.y[years.index(2018)] is None  # 2018 has no source: a gap, never interpolated
    names = [tr.name for tr in view.figure.data]
    assert "80% band – Linear" in names and "95% band – Linear" in names
    assert "Linear (chosen)" in names
    assert view.figure.layout.separators == ".,"
    assert trend_view(ds, "qn_grdp_growth", None, "vi", current).figure.layout.separators == ",."


def test_figure_forecast_reaches_2030(ds, current):
    view = trend_view(ds, "vn_de_share", ["linear"], "vi", current)
    line = [tr for tr in view.figure.data if tr.name and tr.name.startswith("Tuyến tính")]
    assert max(max(tr.x) for tr in line) == 2030
    assert all(math.isfinite(v) for tr in line for v in tr.y)


def test_no_models_selected(ds, current):
    view = trend_view(ds, "qn_grdp_growth", [], "vi", current)
    assert view.suite is None and view.carry is None and view.table.empty
    assert view.sentence == "Chưa chọn mô hình nào: hãy chọn ít nhất một mô hình."


def test_series_options(ds):
    ids = [s.series_id for s in series_options(ds)]
    assert ids[:3] == ["qn_grdp_growth", "vn_de_share", "qn_grdp_vnd_trn"]
    assert "vn_de_digitalised_share" in ids  # 3 points
    assert "vn_de_core_share" not in ids  # 1 point
    assert ids[-1] == "qn_de_share"  # shown on purpose: one point, no trend


def test_default_kinds_are_the_ones_that_fit(ds):
    assert default_kinds(ds, "qn_grdp_growth") == ["linear", "loglinear", "holt_damped", "arima"]
    assert default_kinds(ds, "qn_de_share") == []


def test_unknown_inputs_raise(ds, current):
    with pytest.raises(ValueError, match="unknown trend series"):
        trend_view(ds, "nope", None, "vi", current)
    with pytest.raises(ValueError, match="unknown trend kinds"):
        fit_for(ds, "qn_grdp_growth", ["spline"])
