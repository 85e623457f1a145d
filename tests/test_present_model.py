"""The meeting view's view-model (qn_model.views.present), without a browser or Streamlit."""

from __future__ import annotations

import pytest

from qn_model.core import langs
from qn_model.core.links import KEY_BY_NAME
from qn_model.engine.evaluate import evaluate_scenario
from qn_model.engine.presets import default_scenario, preset, target_sets
from qn_model.i18n.formats import fmt_pct, t
from qn_model.views import present as pv

pytestmark = pytest.mark.usefixtures("warm_engine")


def test_the_language_switch_goes_round_the_languages(monkeypatch):
    assert [pv.next_lang(code) for code in langs.LANGS] == [*langs.LANGS[1:], langs.LANGS[0]]
    assert pv.next_lang("xx") == langs.DEFAULT_LANG
    monkeypatch.setattr(langs, "LANGS", ["vi", "en", "fr"])
    assert pv.next_lang("en") == "fr" and pv.next_lang("fr") == "vi"
    assert pv.lang_button("vi") == t("lang_name", "en")


def test_a_nudge_stays_in_the_link_contracts_range():
    spec = KEY_BY_NAME["gd2"]
    assert pv.nudged("gd2", 10.0, 5.0) == 15.0
    assert pv.nudged("gd2", 10.04, -1.0) == 9.0
    assert pv.nudged("gd2", spec.hi, 5.0) == spec.hi
    assert pv.nudged("gd2", spec.lo, -5.0) == spec.lo
    assert [pv.nudge_label(d) for d in pv.NUDGES] == ["−5", "−1", "+1", "+5"]


def test_the_cards_show_the_latest_target_first_with_the_engines_numbers(ds):
    scn = default_scenario(ds)
    ev = evaluate_scenario(scn, ds)
    cards = pv.verdict_cards(ev.verdicts, scn, "en")
    assert [c.year for c in cards] == sorted((v.year for v in ev.verdicts), reverse=True)
    for card, v in zip(cards, pv.newest_first(ev.verdicts), strict=True):
        assert card.value == fmt_pct(v.value_pct, "en")
        assert card.status == ("unknown" if v.met is None else ("met" if v.met else "notmet"))
        assert card.word.startswith(pv.MARKS[card.status])


def test_the_slide_shown_follows_the_scenario_when_it_is_another_slides(ds):
    opened = default_scenario(ds)
    deck = pv.deck(ds, opened, "en")
    plan = preset("plan", ds, opened)
    at_plan = next(i for i, s in enumerate(deck) if s.scenario == plan)
    assert pv.slide_shown(deck, 0, plan) == at_plan
    assert pv.slide_shown(deck, 99, deck[-1].scenario) == len(deck) - 1
    assert pv.slide_shown(deck, 0, opened.with_(gd2=77.0)) == 0  # adjusted: stays on its slide
    assert pv.deck(ds, opened, "en") is deck  # kept per dataset
    assert pv.title_line(deck, 0, True, "en").startswith(f"1/{len(deck)} · ")
    assert t("present_adjusted", "en") in pv.title_line(deck, 0, True, "en")
    assert pv.deck_line(deck[1], 1, 1, "en").startswith("▶ 2. ")


def test_widget_values_carry_every_number_of_the_link(ds):
    scn = default_scenario(ds).with_(gd2=31.5)
    values = pv.widget_values(scn)
    assert values["gd2"] == 31.5 and set(values) >= {"gy1", "gd1", "gy2", "gd2", "t1", "t2"}


def test_the_target_set_label_names_the_source_and_numbers(ds):
    sets = target_sets(ds)
    label = pv.target_set_label("resolution09", sets, "en")
    assert label.endswith(
        f"{fmt_pct(sets['resolution09'].t1, 'en', 0)} / {fmt_pct(sets['resolution09'].t2, 'en', 0)}"
    )
    assert pv.target_set_label("custom", sets, "en") == t("target_set_custom", "en")


def test_going_to_a_slide_writes_its_numbers_projects_and_target_set(ds):
    opened = default_scenario(ds).with_(gd2=31.5)
    deck = pv.deck(ds, opened, "en", ["?gd2=12&pj=2029:40"], named="resolution09")
    last = len(deck) - 1
    move = pv.go_to(deck, 99)  # brought into the deck
    assert move.index == last
    assert move.widgets == pv.widget_values(deck[last].scenario)
    assert move.projects == deck[last].scenario.projects and move.projects  # the link's project
    assert move.target_set == deck[last].spec.target_set  # a link's own (here none)
    assert pv.go_to(deck, 0).target_set == deck[0].spec.target_set == "resolution09"
    assert pv.go_to(deck, -3).index == 0 and pv.go_to(deck, 0).widgets["gd2"] == 31.5
    assert pv.first_link_slide(deck) == last and deck[last].spec.kind == "link"
    assert pv.first_link_slide(pv.deck(ds, opened, "en")) == 0  # no link: the first slide


def test_the_deck_knows_whether_the_controls_still_show_a_slide(ds):
    opened = default_scenario(ds)
    deck = pv.deck(ds, opened, "en")
    assert pv.on_slide(deck, 0, opened)
    assert not pv.on_slide(deck, 0, opened.with_(gd2=77.0))
    assert not pv.on_slide(deck, len(deck), deck[-1].scenario) and not pv.on_slide(deck, -1, opened)


def test_the_slides_are_named_by_the_set_picked_here_once_targets_are_chosen_here(ds):
    assert pv.naming_set((20.0, 30.0), "resolution09", "article") == "resolution09"
    assert pv.naming_set(None, "resolution09", "article") == "article"
    chosen = target_sets(ds)["resolution09"]
    assert pv.target_widgets(chosen) == {"t1": chosen.t1, "t2": chosen.t2}
    assert set(pv.target_widgets(chosen)) <= set(pv.widget_values(default_scenario(ds)))
