"""The presentation deck (qn_model.views.slides): which slides, in what order, evaluated how, and stepping."""

from __future__ import annotations

import pytest
from numpy.testing import assert_allclose

from qn_model.core.links import serialize
from qn_model.engine.evaluate import evaluate_scenario
from qn_model.engine.presets import PRESETS, default_scenario, preset, target_sets
from qn_model.views.compare import split_links
from qn_model.views.slides import (
    KIND_LINK,
    KIND_OPENED,
    KIND_PRESET,
    MAX_LINKS,
    SLIDE_HEIGHT,
    SlideSpec,
    build_deck,
    deck_specs,
    find_slide,
    slide_figure,
    slide_title,
    step,
    with_targets,
    without_present,
)


@pytest.fixture(scope="module")
def opened(ds):
    return default_scenario(ds)


@pytest.fixture(scope="module")
def custom(opened):
    return opened.with_(gd2=20.0, gy2=9.0)


def test_default_deck_opens_on_trend_and_shows_each_preset_once(ds, opened):
    specs = deck_specs(ds, opened)
    assert [s.kind for s in specs] == [KIND_OPENED, KIND_PRESET, KIND_PRESET, KIND_PRESET]
    # The default scenario is the trend preset: named so, and not shown twice.
    assert specs[0].name == "trend" and specs[0].scenario == opened
    assert [s.name for s in specs[1:]] == ["plan", "cautious", "ambitious"]
    assert len({s.scenario for s in specs}) == len(specs)


def test_custom_opening_comes_first_then_every_preset_applied_to_it(ds, custom):
    specs = deck_specs(ds, custom)
    assert [s.name for s in specs] == ["", *PRESETS]
    assert specs[0].scenario == custom
    for spec in specs[1:]:
        assert spec.scenario == preset(spec.name, ds, custom)
        # Presets keep the opened scenario's base year, base share and targets.
        assert (spec.scenario.base_year, spec.scenario.base_share_pct) == (
            custom.base_year,
            custom.base_share_pct,
        )
        assert (spec.scenario.t1, spec.scenario.t2) == (custom.t1, custom.t2)


def test_every_slide_carries_the_engines_evaluation_and_headlines(ds, custom):
    deck = build_deck(ds, custom, "en")
    for slide in deck:
        expected = evaluate_scenario(slide.scenario, ds)
        assert_allclose(
            [v.value_pct for v in slide.evaluation.verdicts], [v.value_pct for v in expected.verdicts]
        )
        assert [v.met for v in slide.evaluation.verdicts] == [v.met for v in expected.verdicts]
        assert len(slide.headlines) == len(expected.verdicts)
        assert all(h.verdict for h in slide.headlines)
    assert [s.title for s in deck] == [
        "The scenario as opened",
        "Trend",
        "Meet targets",
        "Cautious",
        "Ambitious",
    ]


def test_plan_slide_meets_its_targets(ds, opened):
    plan = next(s for s in build_deck(ds, opened, "vi") if s.spec.name == "plan")
    assert all(v.met for v in plan.evaluation.verdicts)


def test_a_chosen_target_set_judges_every_slide_and_replans(ds, opened):
    res = target_sets(ds)["resolution09"]
    deck = build_deck(ds, opened, "vi", targets=(res.t1, res.t2))
    assert all((s.scenario.t1, s.scenario.t2) == (res.t1, res.t2) for s in deck)
    plan = next(s for s in deck if s.spec.name == "plan")
    assert plan.scenario == preset("plan", ds, opened.with_(t1=res.t1, t2=res.t2))
    assert all(v.met for v in plan.evaluation.verdicts)
    assert with_targets(opened, None) is opened


def test_pasted_links_replace_the_presets_and_keep_their_notices(ds, opened, custom):
    good = "https://example.org/?" + serialize(custom, opened)
    bad = "?gd2=abc&zz=1"
    specs = deck_specs(ds, opened, [good, bad, good])
    assert [s.kind for s in specs] == [KIND_OPENED, KIND_LINK, KIND_LINK, KIND_LINK]
    assert [s.name for s in specs[1:]] == ["1", "2", "3"]
    assert specs[1].scenario == custom and specs[1].notices == ()
    # A bad value falls back to the default (as the link contract says) and says why.
    assert specs[2].scenario == opened
    assert {n.code for n in specs[2].notices} == {"not_a_number", "unknown_key"}
    # The same link twice stays twice: the presenter refers to links by number.
    assert specs[3].scenario == specs[1].scenario
    assert slide_title(specs[2], "vi") == "Đường dẫn 2"
    # The opened scenario equals no preset here: it is "the scenario as opened".
    assert slide_title(specs[0], "en") == "The scenario as opened"


def test_slides_name_the_target_set_they_carry(ds, opened):
    """20 % / 30 % are both Resolution 09's and the national strategy's: a pasted link that names
    its set keeps it; the opened scenario and the presets keep the set they were opened with;
    a set picked for the whole deck names every slide."""
    national = opened.with_(t2=30.0)
    link = "?" + serialize(national, opened, target_set="national")
    specs = deck_specs(ds, national, [link, "?t2=30"], target_set="resolution09")
    assert [s.target_set for s in specs] == ["resolution09", "national", None]
    deck = build_deck(ds, national, "en", [link, "?t2=30"], target_set="resolution09")
    assert [s.evaluation.target_set for s in deck] == ["resolution09", "national", "resolution09"]
    picked = deck_specs(ds, opened, [link], targets=(20.0, 30.0), target_set="national")
    assert [s.target_set for s in picked] == ["national", "national"]
    presets = deck_specs(ds, national, target_set="national")
    assert {s.target_set for s in presets} == {"national"}


def test_too_many_links_is_refused(ds, opened):
    with pytest.raises(ValueError, match="at most 8 links"):
        deck_specs(ds, opened, ["?gd2=20"] * (MAX_LINKS + 1))


def test_split_links_skips_blank_lines_and_caps_the_count():
    text = "\n  ?gd2=20  \n\n?gd2=21\r\n" + "\n".join(f"?gd2={30 + i}" for i in range(9))
    links, dropped = split_links(text, MAX_LINKS)
    assert links[:2] == ("?gd2=20", "?gd2=21")
    assert len(links) == MAX_LINKS and dropped == 3
    assert split_links("") == ((), 0)


@pytest.mark.parametrize(
    ("index", "delta", "n", "wrap", "expected"),
    [
        (0, 1, 4, False, 1),
        (3, 1, 4, False, 3),  # clamped at the last slide
        (0, -1, 4, False, 0),  # clamped at the first
        (3, 1, 4, True, 0),  # going round
        (0, -1, 4, True, 3),
        (9, 0, 4, False, 3),  # a stale index (the deck shrank) is brought back in
        (-2, 0, 4, False, 0),
        (0, 1, 1, False, 0),
    ],
)
def test_step(index, delta, n, wrap, expected):
    assert step(index, delta, n, wrap=wrap) == expected


def test_step_needs_a_deck():
    with pytest.raises(ValueError, match="at least one slide"):
        step(0, 1, 0)


def test_find_slide(ds, opened, custom):
    deck = build_deck(ds, opened, "vi")
    assert find_slide(deck, deck[2].scenario) == 2
    assert find_slide(deck, custom) is None


def test_slide_figure_fills_a_screen(ds, opened):
    ev = evaluate_scenario(opened, ds)
    fig = slide_figure(ev, ds, "vi")
    assert fig.layout.height == SLIDE_HEIGHT
    assert fig.layout.title.text  # the headline chart's own title
    assert slide_figure(ev, ds, "en", height=400).layout.height == 400


def test_without_present_keeps_the_scenario_only():
    assert without_present("gd2=20&lang=en&present=1") == "gd2=20&lang=en"
    assert without_present("present=1") == ""
    assert without_present("") == ""


def test_titles_in_both_languages(opened):
    assert slide_title(SlideSpec(KIND_PRESET, "cautious", opened), "vi") == "Thận trọng"
    assert slide_title(SlideSpec(KIND_OPENED, "trend", opened), "en") == "Trend"
    assert slide_title(SlideSpec(KIND_LINK, "4", opened), "en") == "Link 4"
