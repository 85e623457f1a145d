"""AppTest: presentation mode (present=1) — big verdicts, stepping through the deck, the controls
that remain, pasted links, the QR code and leaving the mode.

Expected numbers come from the engine (``qn_model``), never from the UI.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from qn_model.data.dataset import load_dataset
from qn_model.engine.evaluate import evaluate_scenario
from qn_model.engine.presets import default_scenario, preset, target_sets
from qn_model.i18n.formats import fmt_pct, t
from qn_model.views.slides import build_deck
from tests.apptest import live_data, live_metric, move_live

APP = str(Path(__file__).resolve().parents[1] / "app.py")


@pytest.fixture(scope="module")
def ds():
    ds = load_dataset()
    default_scenario(ds)  # fit the trends once, outside AppTest's per-run timeout
    return ds


def present_app(url: str | None = None, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    if url is not None:
        at.context = {"url": url}  # the browser's address: the QR code needs one a phone can open
    at.query_params["present"] = "1"
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metric_values(at: AppTest) -> list[str]:
    """The verdicts' shares in the order on screen: 2030's in the live component, then 2025's."""
    return [*live_metric(at).values(), *(m.value for m in at.metric)]


def expected_values(scn, ds, lang="vi") -> list[str]:
    # In the order on screen: the latest target year first (2030, the one still open).
    verdicts = sorted(evaluate_scenario(scn, ds).verdicts, key=lambda v: v.year, reverse=True)
    return [fmt_pct(v.value_pct, lang) for v in verdicts]


def query(at: AppTest, key: str) -> str | None:
    """A URL parameter as the app wrote it (AppTest keeps a str or a list)."""
    value = at.query_params.get(key)
    return value[-1] if isinstance(value, list) else value


def markdown_text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def title(at: AppTest) -> str:
    """The slide's title line: ``1/4 · Xu hướng`` (escaped Markdown, read as text here; the view's
    h1, so behind a ``# ``)."""
    lines = (m.value.removeprefix("# ") for m in at.markdown)
    return next(v for v in lines if re.match(r"^\d+/\d+ · ", v.replace("\\", "")))


def test_opens_with_big_verdicts_and_the_engines_numbers(ds):
    at = present_app()
    opened = default_scenario(ds)
    assert metric_values(at) == expected_values(opened, ds)
    text = markdown_text(at)
    for v in evaluate_scenario(opened, ds).verdicts:
        word = t("verdict_met" if v.met else "verdict_not_met", "vi").upper()
        assert word in text
    assert "1/4" in title(at) and t("preset_trend", "vi") in title(at)
    # One chart per screen: the live component's (no plotly chart beside it).
    assert len(at.get("plotly_chart")) == 0 and live_data(at)["chart"]["traces"]
    assert at.button(key="present_prev").disabled
    assert at.session_state["_present"] is True


def test_next_steps_to_the_next_scenario_and_the_url_follows(ds):
    at = present_app()
    at.button(key="present_next").click().run()
    assert not at.exception
    plan = preset("plan", ds, default_scenario(ds))
    assert metric_values(at) == expected_values(plan, ds)
    assert at.session_state["w_gd2"] == plan.gd2 and at.session_state["w_gd1"] == plan.gd1
    assert "2/4" in title(at) and t("preset_plan", "vi") in title(at)
    assert t("verdict_met", "vi").upper() in markdown_text(at)
    assert query(at, "present") == "1"  # the URL reopens what is on screen
    assert float(query(at, "gd2")) == plan.gd2
    # The keyboard's hidden twin (PageDown, what a clicker sends) steps on.
    at.button(key="present_next_pagedown").click().run()
    cautious = preset("cautious", ds, default_scenario(ds))
    assert metric_values(at) == expected_values(cautious, ds)
    at.button(key="present_prev").click().run()
    assert metric_values(at) == expected_values(plan, ds)


def test_the_meeting_view_keeps_the_target_set_the_link_named(ds):
    """Opened on the national set (20 % / 30 %, Resolution 09's numbers too), with pasted links:
    one on the article's 35 %, one naming the national set. Each slide names its own set, in the
    URL and on the chart, also after a slide with other targets."""
    at = present_app(t2="30", ts="national", lang="en")
    assert query(at, "ts") == "national"
    at.text_area(key="present_links_text").input("?gd2=25\n?gd2=30&t2=30&ts=national").run()
    at.button(key="present_links_apply").click().run()
    assert not at.exception and "2/3" in title(at)
    assert query(at, "t2") is None and query(at, "ts") is None  # the article's 20 % / 35 %
    at.button(key="present_next").click().run()
    assert query(at, "t2") == "30" and query(at, "ts") == "national"
    at.button(key="present_prev").click().run()
    at.button(key="present_prev").click().run()
    assert "1/3" in title(at)
    assert query(at, "t2") == "30" and query(at, "ts") == "national"
    spec = json.dumps(live_data(at)["chart"], ensure_ascii=False)
    assert "30% (national)" in spec and "(Res. 09)" not in spec


def test_next_stops_at_the_last_slide(ds):
    at = present_app(lang="en")
    for _ in range(3):
        at.button(key="present_next").click().run()
    assert "4/4" in title(at) and "Ambitious" in title(at)
    assert at.button(key="present_next").disabled
    ambitious = preset("ambitious", ds, default_scenario(ds))
    assert metric_values(at) == expected_values(ambitious, ds, "en")


def test_the_qr_code_of_the_scenario_is_shown(ds):
    at = present_app(url="http://127.0.0.1:8501/", gd2="20")
    images = at.image
    assert len(images) == 1
    assert images[0].value[0].endswith(".png")  # lossless: a JPEG would blur the modules
    assert t("present_qr_caption", "vi") in markdown_text(at)


def test_decisive_controls_nudge_the_scenario_and_can_be_undone(ds):
    at = present_app()
    opened = default_scenario(ds)
    # The component's nudges: +5 points, rounded to a tenth, sent as a release (qn_ui/live).
    assert [n["delta"] for n in live_data(at)["nudges"]] == [-5.0, -1.0, 1.0, 5.0]
    move_live(at, gd2=round(opened.gd2 + 5, 1))
    assert at.session_state["w_gd2"] == pytest.approx(opened.gd2 + 5)
    assert metric_values(at) == expected_values(opened.with_(gd2=round(opened.gd2 + 5, 1)), ds)
    assert t("present_adjusted", "vi") in title(at)
    at.button(key="present_reset").click().run()
    assert at.session_state["w_gd2"] == opened.gd2
    assert t("present_adjusted", "vi") not in title(at)


def test_a_target_set_judges_the_whole_deck(ds):
    at = present_app()
    res = target_sets(ds)["resolution09"]
    at.radio(key="present_tset").set_value("resolution09").run()
    assert (at.session_state["w_t1"], at.session_state["w_t2"]) == (res.t1, res.t2)
    at.button(key="present_next").click().run()
    plan = preset("plan", ds, default_scenario(ds).with_(t1=res.t1, t2=res.t2))
    assert metric_values(at) == expected_values(plan, ds)
    # "national" has the same numbers as "resolution09": the presenter's pick stays picked.
    at.radio(key="present_tset").set_value("national").run()
    assert at.radio(key="present_tset").value == "national"


def test_pasted_links_become_the_deck_and_bad_ones_are_explained(ds):
    at = present_app()
    hostile = "?gd2=**bold**&x=<script>"
    at.text_area(key="present_links_text").input(f"?gd2=25&t2=30\n\n{hostile}").run()
    at.button(key="present_links_apply").click().run()
    assert not at.exception
    opened = default_scenario(ds)
    first = opened.with_(gd2=25.0, t2=30.0)
    assert "2/3" in title(at)
    assert metric_values(at) == expected_values(first, ds)
    warnings = "\n".join(w.value for w in at.warning)
    assert "\\*\\*bold\\*\\*" in warnings  # shown as typed, never as markup
    deck = build_deck(ds, opened, "vi", ["?gd2=25&t2=30", hostile])
    assert len(deck) == 3
    at.button(key="present_links_reset").click().run()
    assert "1/4" in title(at)


def test_leaving_presentation_mode_shows_the_page(ds):
    at = present_app()
    at.button(key="present_exit").click().run()
    assert not at.exception
    assert at.session_state["_present"] is False
    assert query(at, "present") is None
    assert not [b for b in at.button if b.key == "present_next"]
    assert any(h.value == t("app_title", "vi") for h in at.title)  # the overview page (its h1)


def test_language_switch(ds):
    at = present_app()
    at.button(key="present_lang").click().run()
    assert at.session_state["w_lang"] == "en"
    assert t("verdict_not_met", "en").upper() in markdown_text(at)
    assert query(at, "lang") == "en"
