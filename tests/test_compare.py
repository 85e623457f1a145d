"""Comparing scenarios: the same numbers as the engine, labels, link notices and limits."""

from __future__ import annotations

import pytest
from numpy.testing import assert_allclose

from qn_model.engine.evaluate import evaluate_scenario
from qn_model.engine.presets import PRESETS, default_scenario, preset
from qn_model.i18n import render
from qn_model.i18n.formats import t
from qn_model.views.compare import (
    MAX_SCENARIOS,
    assumptions_table,
    build_comparison,
    compare_figure,
    outcomes_table,
    split_links,
    style_outcomes,
)


@pytest.fixture(scope="module")
def current(ds):
    return default_scenario(ds).with_(gy2=9.0, gd2=15.0)


def test_presets_give_the_engines_numbers(ds, current):
    cmp = build_comparison(ds, current, include_current=False, presets=PRESETS)
    assert [i.name for i in cmp.items] == list(PRESETS)
    for item in cmp.items:
        expected = evaluate_scenario(preset(item.name, ds, current), ds)
        assert item.scenario == expected.scenario
        assert_allclose(item.evaluation.projection.share_pct, expected.projection.share_pct)
        assert item.evaluation.verdicts == expected.verdicts
        assert item.evaluation.fan.probabilities == expected.fan.probabilities


def test_a_language_switch_evaluates_nothing_again(ds, current, monkeypatch):
    # An evaluation holds no language, so the page's rerun in another language reuses the
    # cached evaluations: the engine is not asked again.
    from dataclasses import fields

    from qn_model.engine.evaluate import Evaluation
    from qn_model.views import compare

    assert "lang" not in {f.name for f in fields(Evaluation)}
    first = build_comparison(ds, current, presets=["trend", "plan"], links_text="?gd2=31")
    vi = outcomes_table(first, "vi")

    def refuse(*args, **kwargs):
        raise AssertionError("evaluated again")

    monkeypatch.setattr(compare, "evaluate_scenario", refuse)
    again = build_comparison(ds, current, presets=["trend", "plan"], links_text="?gd2=31")
    assert [i.evaluation for i in again.items] == [i.evaluation for i in first.items]
    assert outcomes_table(again, "en").shape == vi.shape


def test_current_first_and_its_evaluation_reused(ds, current):
    ev = evaluate_scenario(current, ds)
    cmp = build_comparison(ds, current, current_evaluation=ev, presets=["plan"])
    assert [i.title("en") for i in cmp.items] == ["Current scenario", t("preset_plan", "en")]
    assert cmp.items[0].evaluation is ev
    assert cmp.notices == ()


def test_bad_link_falls_back_with_its_notice(ds, current):
    cmp = build_comparison(ds, current, links_text="\n  ?gy2=abc&gd2=20  \n\n")
    link = cmp.items[1]
    assert link.title("vi") == "Đường dẫn 1" and link.source == "link"
    assert [n.code for n in link.notices] == ["not_a_number"]
    assert "gy2" in render(link.notices[0], "vi")
    defaults = default_scenario(ds)
    assert link.scenario.gy2 == defaults.gy2 and link.scenario.gd2 == 20.0


def test_unreadable_text_is_a_notice_not_an_error(ds, current):
    cmp = build_comparison(ds, current, include_current=False, links_text="<b>hello</b>\n?t2=30")
    assert [i.title("en") for i in cmp.items] == ["Link 1", "Link 2"]
    assert cmp.items[0].notices and cmp.items[0].scenario == default_scenario(ds)
    assert cmp.items[1].scenario.t2 == 30.0 and cmp.items[1].notices == ()


def test_more_than_four_uses_the_first_four(ds, current):
    links = "\n".join(f"?gy2={g}" for g in (5, 6, 7))
    cmp = build_comparison(ds, current, presets=["trend", "plan"], links_text=links)
    assert len(cmp.items) == MAX_SCENARIOS
    assert [i.title("en") for i in cmp.items] == [
        "Current scenario",
        t("preset_trend", "en"),
        t("preset_plan", "en"),
        "Link 1",
    ]
    (notice,) = [n for n in cmp.notices if n.code == "too_many"]
    assert "only the first 4" in render(notice, "en") and "Link 2, Link 3" in render(notice, "en")
    assert "chỉ so sánh 4" in render(notice, "vi")


def test_fewer_than_two_says_so(ds, current):
    cmp = build_comparison(ds, current)
    assert [n.code for n in cmp.notices] == ["too_few"]
    assert build_comparison(ds, current, include_current=False).items == ()


def test_identical_scenarios_are_pointed_out(ds):
    default = default_scenario(ds)
    cmp = build_comparison(ds, default, presets=["trend"])
    assert [n.code for n in cmp.notices] == ["identical"]
    assert "Current scenario" in render(cmp.notices[0], "en")


def test_unknown_preset_raises(ds, current):
    with pytest.raises(ValueError, match="unknown presets"):
        build_comparison(ds, current, presets=["bold"])


def test_split_links():
    assert split_links(" a \n\n b\r\n  ") == (("a", "b"), 0)
    assert split_links("") == ((), 0)


def test_tables(ds, current):
    cmp = build_comparison(ds, current, presets=["cautious"])
    assumptions = assumptions_table(cmp, "vi")
    assert list(assumptions.columns) == ["Giả định", "Kịch bản hiện tại", t("preset_cautious", "vi")]
    assert len(assumptions) == 8
    gy2 = assumptions[assumptions["Giả định"] == "Tăng trưởng GRDP 2026–2030 (%/năm)"].iloc[0]
    assert gy2["Kịch bản hiện tại"] == "9,0%"
    cmp = build_comparison(ds, current, presets=["cautious"])
    outcomes = outcomes_table(cmp, "en")
    assert list(outcomes.columns) == ["Measure", "Current scenario", t("preset_cautious", "en")]
    assert len(outcomes) == 14  # six measures per target year, and (issue 14) the gap in money
    verdict = outcomes[outcomes["Measure"] == "2030 verdict"].iloc[0]
    expected = "Met" if cmp.items[0].evaluation.verdicts[1].met else "Not met"
    assert verdict["Current scenario"] == expected


def test_figure_has_one_line_per_scenario(ds, current):
    cmp = build_comparison(ds, current, presets=["plan", "ambitious"])
    fig = compare_figure(cmp, ds, "en")
    names = [tr.name for tr in fig.data]
    labels = ("Current scenario", t("preset_plan", "en"), t("preset_ambitious", "en"))
    for label in labels:
        assert names.count(label) == 1
    dashes = {tr.line.dash for tr in fig.data if tr.name in labels}
    assert len(dashes) == 3  # told apart without colour too


def test_verdicts_are_coloured(ds, current):
    cmp = build_comparison(ds, current, presets=["plan"])
    html = style_outcomes(outcomes_table(cmp, "vi"), "vi").to_html()
    assert "color: #009E73;\n  font-weight: bold;" in html  # the plan meets its targets
    assert "color: #D55E00;\n  font-weight: bold;" in html
