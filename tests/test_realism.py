"""The realism reference: which series, which years, the rate; and how scenarios and targets compare."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qn_model.data.dataset import load_dataset
from qn_model.data.peers import PeerValue, load_peers
from qn_model.engine.evaluate import evaluate_link, headline_verdicts
from qn_model.engine.presets import default_scenario
from qn_model.engine.realism import (
    ShareSeries,
    fastest_share_growth,
    realism_checks,
    realism_reference,
    relative_growth,
    share_series,
)
from qn_model.i18n.formats import fmt_pct, t
from qn_model.views.realism_text import describe, realism_lines, realism_summary, series_table


def _peer(geo: str, year: int | str, value: float, method: str = "gso") -> PeerValue:
    return PeerValue(geo, geo, geo, year, value, "de_share", method, "s", "https://x", "n")


# ---- the reference in the shipped data -------------------------------------------------------
def test_reference_is_the_ministry_national_2021_2022(ds) -> None:
    ref = realism_reference(ds)
    assert ref is not None
    assert (ref.series.geo, ref.series.method, ref.year_from, ref.year_to) == ("VN", "mic", 2021, 2022)
    assert ref.rate_pct == pytest.approx((14.26 / 11.91 - 1) * 100)
    assert describe(ref, "en") == "19.7%/year (Vietnam, ministry method, 2021–2022)"
    assert describe(ref, "vi") == "19,7%/năm (Cả nước, phương pháp Bộ TT&TT, 2021–2022)"


def test_series_are_single_method_and_exclude_periods_and_single_values(ds) -> None:
    found = {(s.geo, s.method): s.points for s in share_series(ds)}
    assert found[("VN", "gso")][0] == (2020, 12.66) and found[("VN", "gso")][-1] == (2025, 14.02)
    assert found[("VN", "mic")] == ((2021, 11.91), (2022, 14.26), (2023, 16.5))  # not the policy 18.3
    assert found[("HCM", "gso")] == ((2021, 13.84), (2022, 13.51))
    # a ministry 2022 value and a ministry assessment 2023 are two methods: no HCMC series of them
    assert ("HCM", "mic_annual_report_2022") not in found and ("HCM", "mic_assessment") not in found
    # periods ("2021-2025") are not years, Quảng Ninh's single press value is no series
    assert not any(geo == "QN" for geo, _ in found)
    assert len(found) == 3


def test_fastest_per_series_on_the_peers_page(ds) -> None:
    table = series_table(ds, "en")
    assert list(table.columns) == [
        t(k, "en") for k in ("peers_col_series", "peers_col_years", "peers_col_fastest")
    ]
    rows = dict(zip(table.iloc[:, 0], table.iloc[:, 2], strict=True))
    assert rows["Vietnam, GSO method"] == "6.5%/year (2024–2025)"  # 13.17 -> 14.02
    assert rows["Hồ Chí Minh City, GSO method"] == "-2.4%/year (2021–2022)"


def test_the_reference_moves_with_the_data(ds) -> None:
    """A faster rise in a user's national GSO rows becomes the reference, named by its years."""
    rows = pd.DataFrame({"indicator_id": ["de_share"], "geo": ["VN"], "year": [2026], "value": [20.0]})
    ref = realism_reference(ds.with_rows(rows))
    assert (ref.series.method, ref.year_from, ref.year_to) == ("gso", 2025, 2026)
    assert ref.rate_pct == pytest.approx((20.0 / 14.02 - 1) * 100)


# ---- the arithmetic ------------------------------------------------------------------------
def test_gaps_are_annualised_not_treated_as_one_year() -> None:
    s = ShareSeries("X", "gso", ((2020, 10.0), (2022, 12.1)))
    best = fastest_share_growth([s])
    assert (best.year_from, best.year_to) == (2020, 2022)
    assert best.rate_pct == pytest.approx(10.0)


def test_no_series_no_reference() -> None:
    assert fastest_share_growth([]) is None
    assert fastest_share_growth([ShareSeries("X", "gso", ((2020, 10.0),))]) is None
    assert realism_checks(default_scenario(load_dataset()), (), None) == ()


def test_peer_series_group_by_area_and_method(ds) -> None:
    peers = [_peer("A", 2020, 10.0), _peer("A", 2021, 13.0), _peer("A", 2021, 30.0, "mic_assessment")]
    peers.append(_peer("B", "2021-2025", 5.0))
    found = {(s.geo, s.method): s.points for s in share_series(ds, peers)}
    assert found[("A", "gso")] == ((2020, 10.0), (2021, 13.0))
    assert ("A", "mic_assessment") not in found and ("B", "gso") not in found
    best = fastest_share_growth(share_series(ds, peers))
    assert (best.series.geo, best.rate_pct) == ("A", pytest.approx(30.0))


@settings(max_examples=200, deadline=None)
@given(
    gy=st.floats(-19, 250, allow_nan=False),
    gd=st.floats(-19, 250, allow_nan=False),
)
def test_relative_growth_is_the_share_ratio(gy: float, gd: float) -> None:
    """The share's yearly change equals (1+gd)/(1+gy) - 1: the share after a year over the share before."""
    share0 = 7.1
    share1 = share0 * (1 + gd / 100) / (1 + gy / 100)
    assert relative_growth(gy, gd) == pytest.approx((share1 / share0 - 1) * 100, rel=1e-9, abs=1e-9)
    if abs(gd - gy) > 1e-6:
        assert (relative_growth(gy, gd) > 0) == (gd > gy)


@settings(max_examples=100, deadline=None)
@given(values=st.lists(st.floats(0.5, 90, allow_nan=False), min_size=2, max_size=8))
def test_fastest_is_at_least_every_consecutive_rise(values: list[float]) -> None:
    s = ShareSeries("X", "gso", tuple(zip(range(2015, 2015 + len(values)), values, strict=False)))
    best = fastest_share_growth([s])
    for a, b in itertools.pairwise(values):
        assert best.rate_pct >= (b / a - 1) * 100 - 1e-9


# ---- scenarios and targets against it ------------------------------------------------------
def test_default_scenario_needs_more_than_the_record_for_2030(ds) -> None:
    ev = evaluate_link("lang=en", ds)
    ref = realism_reference(ds)
    checks = realism_checks(ev.scenario, ev.verdicts, ref)
    target_2030 = next(c for c in checks if c.what == "target" and c.year == 2030)
    v2030 = next(v for v in ev.verdicts if v.year == 2030)
    assert target_2030.rate_pct == pytest.approx(
        relative_growth(ev.scenario.gy2, v2030.required_de_growth_pct)
    )
    assert target_2030.exceeds and target_2030.rate_pct > ref.rate_pct
    lines = realism_lines(ev.scenario, ev.verdicts, ds, "en")
    assert (
        lines[0].startswith("Fastest rise of a digital-economy share on record") and "19.7%/year" in lines[0]
    )
    assert any(line.startswith("The 2030 target of 35% needs the share to rise") for line in lines)


def test_a_modest_scenario_is_within_the_record(ds) -> None:
    """Targets the scenario already meets need no growth: one line, within the record."""
    ev = evaluate_link("gy2=10&gd2=15&t1=5&t2=5&lang=vi", ds)
    checks = realism_checks(ev.scenario, ev.verdicts, realism_reference(ds))
    assert checks and not any(c.exceeds for c in checks)
    lines = realism_lines(ev.scenario, ev.verdicts, ds, "vi")
    assert len(lines) == 1 and lines[0].startswith("Tốc độ tăng tỷ trọng của kịch bản")


def test_a_fast_scenario_says_so_per_period(ds) -> None:
    ev = evaluate_link("gy2=8&gd2=40&lang=en", ds)
    lines = realism_lines(ev.scenario, ev.verdicts, ds, "en")
    assert "In the scenario (2026–2030) the share rises 29.6%/year relative to GRDP" in " ".join(lines)


def test_checks_use_the_headline_verdicts_too(ds) -> None:
    """The page passes the verdicts drawn before the Monte Carlo: the same required growth."""
    ev = evaluate_link("", ds)
    ref = realism_reference(ds)
    fast = realism_checks(ev.scenario, headline_verdicts(ev.scenario, ds), ref)
    assert fast == realism_checks(ev.scenario, ev.verdicts, ref)


def test_the_shipped_peers_feed_the_series(ds) -> None:
    assert any(v.geo == "HCM" and v.method == "gso" for v in load_peers())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_summary_names_each_rate_beyond_the_record_once(ds, lang: str) -> None:
    ev = evaluate_link(f"gd2=40&lang={lang}", ds)
    text, beyond = realism_summary(ev.scenario, ev.verdicts, ds, lang)
    ref = realism_reference(ds)
    assert beyond and text.endswith(describe(ref, lang) + ".")
    for c in realism_checks(ev.scenario, ev.verdicts, ref):
        assert (fmt_pct(c.rate_pct, lang) in text) == c.exceeds
    within = evaluate_link(f"gy2=10&gd2=15&t1=5&t2=5&lang={lang}", ds)
    assert realism_summary(within.scenario, within.verdicts, ds, lang) == (
        realism_lines(within.scenario, within.verdicts, ds, lang)[0],
        False,
    )


def test_the_brief_states_the_reference_and_what_exceeds_it(ds) -> None:
    import html

    from qn_model.outputs.brief import build_brief

    ev = evaluate_link("gd2=40&lang=en", ds)
    doc = build_brief(ev, ds, "en", "http://127.0.0.1:8501/scenario?gd2=40&lang=en")
    lines = realism_lines(ev.scenario, ev.verdicts, ds, "en")
    assert len(lines) == 4  # the reference, the scenario 2026-2030, the 2025 and 2030 targets
    assert all(html.escape(line) in doc for line in lines)
    assert html.escape(t("real_title", "en")) in doc
