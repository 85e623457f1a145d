"""Issue 24: the model choice made visible: near ties and fits on a bound, on the shipped data."""

from __future__ import annotations

import pandas as pd
import pytest

from qn_model.core.langs import LANGS
from qn_model.data.dataset import load_dataset
from qn_model.engine.presets import default_scenario
from qn_model.i18n.formats import fmt_num, t
from qn_model.trends.diagnostics import NEAR_TIE_RTOL, bound_marks, near_tie
from qn_model.trends.suite import fit_trends
from qn_model.views.method import choice_marks, sections
from qn_model.views.trends import fit_for, trend_view


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def test_the_national_share_choice_is_a_near_tie(ds):
    suite = fit_for(ds, "vn_de_share")
    tie = near_tie(suite, 2030)
    assert tie is not None and tie.best == suite.best == "loglinear"
    # every model named is within 1 % of the chosen one's backtest error, and tested as often
    best = suite.backtests[tie.best]
    for kind, mae in zip(tie.others, tie.maes[1:], strict=True):
        assert mae == suite.backtests[kind].mae <= best.mae * (1 + NEAR_TIE_RTOL)
        assert suite.backtests[kind].n_folds == best.n_folds
    assert "logit" in tie.others
    at = {k: float(suite.results[k].forecast([2030])["mean"].iloc[0]) for k in (tie.best, *tie.others)}
    assert tie.change == pytest.approx(max(abs(at[k] - at[tie.best]) for k in tie.others))


def test_a_clear_winner_is_no_tie():
    years = range(2010, 2022)
    series = pd.Series([10.0 + 0.5 * i + (0.3 if i % 2 else -0.3) for i, _ in enumerate(years)], index=years)
    suite = fit_trends(series, kinds=("linear", "holt_damped"))
    assert suite.best == "linear" and near_tie(suite, 2030) is None


def test_the_growth_series_marks_holt_and_arima_on_their_bounds(ds):
    suite = fit_for(ds, "qn_grdp_growth")
    assert near_tie(suite, 2030) is None  # ARIMA's lower error stands on fewer years
    holt = {m.param: m.where for m in bound_marks(suite.results["holt_damped"])}
    assert holt["smoothing_level"] == "lower" and holt["damping_trend"] == "lower"
    (arima,) = bound_marks(suite.results["arima"])
    assert arima.param == "ma.L1" and arima.where == "unit_circle" and abs(arima.value) > 0.99
    for kind in ("linear", "loglinear"):
        assert bound_marks(suite.results[kind]) == ()


@pytest.mark.parametrize("lang", LANGS)
def test_the_trends_page_says_so_in_plain_words(ds, lang):
    scn = default_scenario(ds)
    share = trend_view(ds, "vn_de_share", None, lang, scn)
    tie = near_tie(share.suite, 2030)
    (tie_text,) = [m for m in share.marks if fmt_num(tie.change, lang, 2) in m]
    assert "2030" in tie_text and t("trend_model_logit_text", lang) in tie_text
    growth = trend_view(ds, "qn_grdp_growth", None, lang, scn)
    assert len(growth.marks) == 2  # damped Holt and ARIMA
    assert any(t("trend_model_arima_text", lang) in m and "±1" in m for m in growth.marks)
    assert all("{" not in m for m in (*share.marks, *growth.marks))


@pytest.mark.parametrize("lang", LANGS)
def test_the_method_page_states_the_whole_rule_and_the_marks(ds, lang):
    blocks = [b for s in sections(ds, lang) for b in s.blocks]
    assert t("meth_trends_rule", lang) in [b.content for b in blocks]
    marks = choice_marks(ds, lang)
    # growth: damped Holt and ARIMA on a bound; national share: the near tie and damped Holt
    assert len(marks) == 4 and marks in [b.content for b in blocks if b.kind == "bullets"]


def test_a_failed_fit_has_no_marks(ds):
    suite = fit_trends(pd.Series([1.0, 2.0], index=[2020, 2021]))
    assert all(bound_marks(r) == () for r in suite.results.values())
    assert near_tie(suite, 2030) is None
