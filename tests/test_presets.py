import math

import pytest
from numpy.testing import assert_allclose

from qn_model.core.links import link_target_set, serialize
from qn_model.core.projection import project
from qn_model.core.scenario import TARGET_YEAR_1, TARGET_YEAR_2
from qn_model.engine.evaluate import evaluate_link
from qn_model.engine.presets import (
    PRESETS,
    base_year_of,
    default_scenario,
    historical_spreads,
    link_context,
    national_required_relative_growth,
    observed_share,
    preset,
    target_set_for,
    target_set_of,
    target_sets,
    trend_rates,
)
from qn_model.views.figures import target_markers


def test_default_is_the_trend_preset_on_the_latest_observed_share(ds):
    scn = default_scenario(ds)
    assert scn.base_year == 2024 == base_year_of(ds)
    assert scn.base_share_pct == 7.1
    assert (scn.t1, scn.t2) == (20.0, 35.0)  # the article's targets by default
    assert preset("trend", ds) == scn


def test_trend_uses_observed_2025_growth_and_rounds_to_the_slider_step(ds):
    rates = trend_rates(ds)
    assert rates.gy1_observed
    assert rates.gy1 == round(ds.value("grdp_growth", "QN", 2025), 1)
    for v in (rates.gy1, rates.gy2):
        assert v == round(v, 1)
    assert rates.gy_model is not None and rates.share_model is not None


def test_trend_relative_growth_is_the_national_share_trend(ds):
    rates = trend_rates(ds)
    # the national share rose from 12.66 (2020) to 14.02 (2025): a modest positive trend
    assert 0.0 < rates.relative_growth_pct < 5.0
    scn = default_scenario(ds)
    implied = ((1 + scn.gd2 / 100) / (1 + scn.gy2 / 100) - 1) * 100
    assert abs(implied - rates.relative_growth_pct) < 0.1


def test_target_sets_carry_both_2030_values(ds):
    sets = target_sets(ds)
    assert (sets["article"].t1, sets["article"].t2) == (20.0, 35.0)
    assert (sets["resolution09"].t1, sets["resolution09"].t2) == (20.0, 30.0)
    assert (sets["national"].t1, sets["national"].t2) == (20.0, 30.0)
    assert all(s.source_ids for s in sets.values())


def test_plan_meets_both_targets_exactly(ds):
    for t2 in (35.0, 30.0):
        scn = preset("plan", ds, default_scenario(ds).with_(t2=t2))
        path = project(scn)
        assert_allclose(path.share_in(TARGET_YEAR_1), scn.t1, rtol=1e-12)
        assert_allclose(path.share_in(TARGET_YEAR_2), t2, rtol=1e-12)


def test_cautious_below_trend_below_ambitious(ds):
    ends = {name: project(preset(name, ds)).share_in(TARGET_YEAR_2) for name in PRESETS}
    assert ends["cautious"] < ends["trend"] < ends["ambitious"]


def test_ambitious_matches_what_the_national_strategy_asks(ds):
    rel = national_required_relative_growth(ds)
    latest = ds.series("de_share", "VN")
    assert_allclose(rel, ((30.0 / latest.iloc[-1]) ** (1 / (2030 - latest.index[-1])) - 1) * 100)
    scn = preset("ambitious", ds)
    assert abs(((1 + scn.gd2 / 100) / (1 + scn.gy2 / 100) - 1) * 100 - rel) < 0.1


def test_presets_keep_base_and_targets(ds):
    current = default_scenario(ds).with_(t2=30.0, base_share_pct=8.0)
    for name in PRESETS:
        scn = preset(name, ds, current)
        assert (scn.base_year, scn.base_share_pct, scn.t1, scn.t2) == (2024, 8.0, 20.0, 30.0)


def test_unknown_preset(ds):
    with pytest.raises(ValueError, match="unknown preset 'x'"):
        preset("x", ds)


def test_spreads_from_history(ds):
    sy, sd = historical_spreads(ds)
    growth = ds.series("grdp_growth", "QN")
    assert_allclose(sy, round(float(growth.std(ddof=1)), 1))
    assert sd >= sy > 0
    assert math.isfinite(sd)


def test_link_context(ds):
    ctx = link_context(ds)
    assert ctx.defaults == default_scenario(ds)
    assert ctx.observed_share == observed_share(ds) == {2024: 7.1}


def test_defaults_follow_user_data(ds):
    import pandas as pd

    mine = ds.with_rows(
        pd.DataFrame({"indicator_id": ["de_share"], "geo": ["QN"], "year": [2025], "value": [9.0]})
    )
    scn = default_scenario(mine)
    assert scn.base_year == 2025
    assert scn.base_share_pct == 9.0
    assert default_scenario(ds).base_year == 2024  # the shipped defaults are untouched


def test_target_set_for_keeps_a_pick_that_holds_the_numbers(ds):
    """Two sets share 20 % / 30 %: the one picked is kept while the targets are its numbers; any
    other pick, or none, names the set the numbers are (first match), else custom."""
    assert target_set_for(20.0, 30.0, ds, "national") == "national"
    assert target_set_for(20.0, 30.0, ds, "resolution09") == "resolution09"
    assert target_set_for(20.0, 30.0, ds, "article") == target_set_of(20.0, 30.0, ds) == "resolution09"
    assert target_set_for(20.0, 30.0, ds, None) == "resolution09"
    assert target_set_for(20.0, 35.0, ds, "national") == "article"
    assert target_set_for(20.0, 31.0, ds, "national") == "custom"


def test_a_link_names_the_target_set_only_when_the_targets_do_not(ds):
    ctx = link_context(ds)
    assert link_target_set(ctx, 20.0, 30.0, "national") == "national"
    assert link_target_set(ctx, 20.0, 30.0, "resolution09") is None  # what 20 / 30 reads as
    assert link_target_set(ctx, 20.0, 35.0, "national") is None  # not its numbers
    assert link_target_set(ctx, 20.0, 35.0, "article") is None
    assert link_target_set(ctx, 20.0, 31.0, None) is None


def test_links_reopen_the_target_set_the_planner_picked(ds):
    """A link on the national strategy's 20 % / 30 % opens as the national set, not as the
    resolution that has the same numbers; the chart and the exports name that source."""
    ctx = link_context(ds)
    scn = default_scenario(ds).with_(t2=30.0)
    text = serialize(scn, ctx.defaults, "en", target_set=link_target_set(ctx, 20.0, 30.0, "national"))
    ev = evaluate_link(text, ds)
    assert ev.target_set == "national" and ev.notices == ()
    labels = [label for _, _, label, chosen in target_markers(ev, ds, "en") if chosen]
    assert labels and all("(national)" in label for label in labels)
    assert evaluate_link(serialize(scn, ctx.defaults, "en"), ds).target_set == "resolution09"
