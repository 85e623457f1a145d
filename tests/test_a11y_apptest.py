"""Issue 22 without a browser: each server-drawn chart has its numbers one control away, and the
scenario page's verdicts read as one list by a screen reader."""

from __future__ import annotations

import html
import re

import pytest

from qn_model.core.messages import LANGS
from qn_model.data.dataset import load_dataset
from qn_model.engine.evaluate import evaluate_link
from qn_model.i18n.formats import t
from qn_model.views import overview, peers
from qn_model.views.chart_text import value_table
from qn_model.views.session.keys import show_data_key
from qn_ui.cards import VERDICT_LIST_CLASS
from tests.apptest import OVERVIEW, SCENARIO, assert_clean, new_app

pytestmark = pytest.mark.usefixtures("warm_engine")


def _numbers_toggles(at) -> dict[str, object]:
    """The chart-numbers toggles on the page, by the key of the chart they belong to."""
    prefix = show_data_key("")
    return {tg.key[len(prefix) :]: tg for tg in at.toggle if tg.key and tg.key.startswith(prefix)}


@pytest.mark.parametrize("page", [OVERVIEW, "pages/history.py", "pages/trends.py", "pages/peers.py"])
def test_every_chart_has_its_numbers_one_control_away(page: str) -> None:
    at = new_app({"lang": "en"}, page)
    assert_clean(at)
    charts = at.get("plotly_chart")
    toggles = _numbers_toggles(at)
    assert charts and len(toggles) == len(charts), (page, len(charts), sorted(toggles))
    assert all(tg.label == t("chart_data", "en") and not tg.value for tg in toggles.values())


@pytest.mark.parametrize("lang", LANGS)
def test_the_peers_charts_numbers_in_the_language_shown(lang: str) -> None:
    ds = load_dataset()
    at = new_app({"lang": lang}, "pages/peers.py")
    before = len(at.dataframe)
    for tg in _numbers_toggles(at).values():
        tg.set_value(True)
    at.run()
    assert_clean(at)
    shown = [f.value for f in at.dataframe]
    assert len(shown) == before + len(peers.PARTS)
    for part in peers.PARTS:  # each chart's table, as value_table reads the chart, is on the page
        want = value_table(peers.bars(ds, part, lang), lang)
        assert any(f.equals(want) for f in shown), part
    assert t("chart_col_value", lang) in shown[0].columns


@pytest.mark.parametrize("lang", LANGS)
def test_the_scenario_verdicts_are_one_list(lang: str) -> None:
    link = "gd2=12&pj=2027:25"
    at = new_app({"lang": lang, "gd2": "12", "pj": "2027:25"}, SCENARIO)
    assert_clean(at)
    lists = [
        h.proto.body for h in at.get("html") if h.proto.body.startswith(f'<ul class="{VERDICT_LIST_CLASS}"')
    ]
    assert len(lists) == 1
    body = lists[0]
    assert f'aria-label="{html.escape(t("a11y_verdicts", lang))}"' in body
    items = [html.unescape(i) for i in re.findall(r"<li>(.*?)</li>", body)]
    ev = evaluate_link(f"{link}&lang={lang}", load_dataset())
    cards = [overview.verdict_card(v, ev.scenario, lang) for v in ev.verdicts]
    assert len(items) == len(cards) == 2
    for item, card in zip(items, cards, strict=True):  # 2025, then 2030, as the cards say
        assert item.startswith(card.word) and card.line in item and card.gap in item
