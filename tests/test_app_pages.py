"""AppTest: every registered page in both languages, presets, links, sliders and the language switch.

The expected numbers always come from the engine (``qn_model``), never from the UI: a metric on a
page must equal ``evaluate_link`` / ``evaluate_scenario`` for the same link, formatted by ``fmt_pct``.
The first AppTest run in a process imports the stack and fits the default scenario's trends (seconds);
later runs take ~50-300 ms, which is why the hypothesis tests keep ``max_examples`` small.
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qsl, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from qn_model.core.links import ALL_KEYS, KEY_BY_NAME, NUMBER_KEYS, STREAMLIT_KEYS, serialize
from qn_model.core.messages import LANGS
from qn_model.data.dataset import load_dataset
from qn_model.engine.evaluate import Evaluation, evaluate_link, evaluate_scenario, parse_link
from qn_model.engine.presets import PRESETS, default_scenario, link_context, preset
from qn_model.i18n import render
from qn_model.i18n.formats import fmt_num, fmt_pct, t
from qn_model.views.pages import PAGES
from qn_model.views.session.keys import W_MORE
from tests.apptest import (
    APP,
    OVERVIEW,
    SCENARIO,
    assert_clean,
    growth_value,
    live_component,
    live_data,
    move_live,
    new_app,
    set_growth,
    shown_metrics,
)
from tests.hostile import parses_as_number

pytestmark = pytest.mark.usefixtures("warm_engine")
# Streamlit widgets bind keys as w_<link key>; the lang radio is w_lang.
HYPOTHESIS = settings(
    max_examples=20,
    deadline=None,
    derandomize=True,  # the same examples on every run and every xdist worker: a failure reproduces
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def expected_metrics(ev: Evaluation, lang: str) -> dict[str, str]:
    """Label -> value of each target verdict as the engine computes it."""
    return {t("share_in_year", lang, year=v.year): fmt_pct(v.value_pct, lang) for v in ev.verdicts}


def assert_metrics(at: AppTest, ev: Evaluation, lang: str) -> None:
    shown = shown_metrics(at)
    expected = expected_metrics(ev, lang)
    assert {k: shown.get(k) for k in expected} == expected


def warning_texts(at: AppTest) -> list[str]:
    """Warnings as plain text (the app escapes Markdown in text that came from a link)."""
    return [re.sub(r"\\(.)", r"\1", w.value) for w in at.warning]


def state_of(at: AppTest):
    return at.session_state["_state"]


def query_of(at: AppTest) -> dict[str, str | list[str]]:
    return dict(at.query_params)


def canonical(text: str) -> dict[str, str]:
    """The query the app should write back for a link: the engine's serialisation of its scenario."""
    ds = load_dataset()
    ctx = link_context(ds)
    parsed = parse_link(text, ds)
    return dict(
        parse_qsl(
            serialize(parsed.scenario, ctx.defaults, parsed.lang, False, ds.version, ctx.observed_share)
        )
    )


# --- one smoke test per registered page and language ---------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("spec", PAGES, ids=lambda s: s.url_path)
def test_page_smoke(spec, lang: str) -> None:
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = lang
    at.run()
    assert_clean(at)
    at.switch_page(spec.file).run()
    assert_clean(at)


@pytest.mark.parametrize("spec", PAGES, ids=lambda s: s.url_path)
def test_page_runs_through_router(spec) -> None:
    """The pages/ trap: a page opened directly must still get app.py's controls and language."""
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = "en"
    at.switch_page(spec.file)  # before the first run: a deep link is the session's first request
    at.run()
    assert_clean(at)
    assert [r.value for r in at.radio if r.key == "w_lang"] == ["en"], "app.py (router) did not run"
    # The sidebar's controls on every page; 2026-2030's beside the chart on the scenario page.
    assert any(s.key == "w_gd1" for s in at.slider), "the shared scenario controls are missing"
    assert any(s.key == "w_gd2" for s in at.slider) or live_component(at) is not None


# --- presets --------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PRESETS)
def test_preset_metrics_match_engine(name: str, lang: str) -> None:
    ds = load_dataset()
    at = new_app({"lang": lang})
    at.button_group(key="w_preset").set_value(name).run()
    assert_clean(at)
    scn = preset(name, ds, default_scenario(ds))
    assert_metrics(at, evaluate_scenario(scn, ds), lang)
    for key in ("gy1", "gd1", "gy2", "gd2"):
        assert at.slider(key=f"w_{key}").value == pytest.approx(getattr(scn, key), abs=1e-9)
    # The presets act as buttons: nothing stays picked, and the same one applies again.
    assert at.button_group(key="w_preset").value is None
    at.slider(key="w_gd1").set_value(scn.gd1 + 5).run()
    at.button_group(key="w_preset").set_value(name).run()
    assert at.slider(key="w_gd1").value == pytest.approx(scn.gd1, abs=1e-9)


# --- links ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", [OVERVIEW, SCENARIO])
def test_link_sets_scenario_and_survives_rewrite(page: str) -> None:
    ds = load_dataset()
    link = "gd2=40&t2=30&lang=en"
    at = new_app(dict(parse_qsl(link)), page)
    assert_clean(at)
    assert_metrics(at, evaluate_link(link, ds), "en")
    qp = query_of(at)
    assert (qp.get("gd2"), qp.get("t2"), qp.get("lang")) == ("40", "30", "en")
    assert growth_value(at, "gd2") == 40.0


def test_deep_link_as_first_request() -> None:
    """A session whose first request is /scenario?... (AppTest's equivalent of a fresh tab)."""
    ds = load_dataset()
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params.update({"gd2": "40", "t2": "30", "lang": "en"})
    at.switch_page(SCENARIO)
    at.run()
    assert_clean(at)
    assert at.title[0].value == t("scenario_title", "en")
    assert_metrics(at, evaluate_link("gd2=40&t2=30&lang=en", ds), "en")


def _number_text(key: str) -> st.SearchStrategy[str]:
    spec = KEY_BY_NAME[key]
    if spec.integer:
        return st.integers(int(spec.lo), int(spec.hi)).map(str)
    # Three decimals at most: finer than the sliders' 0.1 step, as a hand-edited link may be.
    return st.floats(spec.lo, spec.hi, allow_nan=False, allow_infinity=False).map(
        lambda v: repr(min(max(round(v, 3), spec.lo), spec.hi))
    )


VALID_LINKS = st.fixed_dictionaries(
    {},
    optional={spec.key: _number_text(spec.key) for spec in NUMBER_KEYS} | {"lang": st.sampled_from(LANGS)},
)

_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
_NOT_NUMBERS = st.one_of(
    st.sampled_from(
        [
            "abc",
            "nan",
            "NaN",
            "inf",
            "-inf",
            "Infinity",
            "1e999",
            "1e308",
            "12%",
            "1,5",
            "0x10",
            "",
            " ",
            "<script>alert(1)</script>",
            "<b>x</b>",
            "**bold**",
            ":red[x]",
            "$x$",
            "9" * 65,
            "1" + "0" * 200,
            "Tăng trưởng",
        ]
    ),
    _TEXT.filter(lambda s: not parses_as_number(s)),
)


def _bad_number(key: str) -> st.SearchStrategy[str]:
    spec = KEY_BY_NAME[key]
    below = st.floats(0.01, 1e6).map(lambda d: repr(round(spec.lo - d, 3)))
    above = st.floats(0.01, 1e6).map(lambda d: repr(round(spec.hi + d, 3)))
    return st.one_of(
        _NOT_NUMBERS, below.filter(lambda s: float(s) < spec.lo), above.filter(lambda s: float(s) > spec.hi)
    )


_UNKNOWN_KEYS = st.from_regex(r"\A[a-zA-Z_][a-zA-Z0-9_]{0,11}\Z").filter(
    lambda k: k not in ALL_KEYS and k not in STREAMLIT_KEYS
)
_NUMBER_KEY = st.sampled_from([spec.key for spec in NUMBER_KEYS])


@st.composite
def invalid_links(draw: st.DrawFn) -> dict[str, str | list[str]]:
    """A valid link with one to three defects."""
    params: dict[str, str | list[str]] = dict(draw(VALID_LINKS))
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["bad_number", "repeated", "unknown", "lang", "present", "long"]))
        if kind == "bad_number":
            key = draw(_NUMBER_KEY)
            params[key] = draw(_bad_number(key))
        elif kind == "repeated":
            key = draw(_NUMBER_KEY)
            params[key] = [draw(_number_text(key)), draw(_number_text(key))]
        elif kind == "unknown":
            params[draw(_UNKNOWN_KEYS)] = draw(_TEXT)
        elif kind == "lang":
            params["lang"] = draw(st.one_of(st.sampled_from(["fr", "EN", "vi-VN", "", "<i>x</i>"]), _TEXT))
            if params["lang"] in LANGS:
                params["lang"] = "xx"
        elif kind == "present":
            params["present"] = draw(st.sampled_from(["2", "yes", "", "-1", "<script>"]))
        else:
            params[draw(_NUMBER_KEY)] = "1" * draw(st.integers(65, 2000))
    return params


@pytest.mark.parametrize("page", [OVERVIEW, SCENARIO])
@HYPOTHESIS
@given(params=VALID_LINKS)
def test_random_valid_links_match_engine(page: str, params: dict[str, str]) -> None:
    ds = load_dataset()
    text = urlencode(params, doseq=True)
    ev, lang = evaluate_link(text, ds), parse_link(text, ds).lang
    at = new_app(params, page)
    assert_clean(at)
    assert_metrics(at, ev, lang)
    assert query_of(at) == canonical(text)


@pytest.mark.parametrize("page", [OVERVIEW, SCENARIO])
@HYPOTHESIS
@given(params=invalid_links())
def test_random_invalid_links_warn_and_match_engine(page: str, params: dict[str, str | list[str]]) -> None:
    ds = load_dataset()
    text = urlencode(params, doseq=True)
    ev, lang = evaluate_link(text, ds), parse_link(text, ds).lang
    assert ev.notices, f"the engine found nothing wrong with {text!r}"
    at = new_app(params, page)
    assert_clean(at)
    shown = "\n".join(warning_texts(at))
    for notice in ev.notices:
        assert render(notice, lang) in shown
    assert_metrics(at, ev, lang)
    assert query_of(at) == canonical(text)  # the bad parts are gone from the address


# --- widgets --------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", [OVERVIEW, SCENARIO])
def test_slider_by_key_rewrites_url_and_metric(page: str) -> None:
    ds = load_dataset()
    at = new_app(page=page)
    set_growth(at, "gd2", 45.0)
    assert_clean(at)
    assert at.query_params["gd2"] == "45"
    ev = evaluate_scenario(default_scenario(ds).with_(gd2=45.0), ds)
    label = t("share_in_year", "vi", year=2030)
    assert shown_metrics(at)[label] == expected_metrics(ev, "vi")[label]


def test_a_full_run_drops_the_url_an_interrupted_fragment_left() -> None:
    """A fragment's run writes the URL at its end; one cut short by the next key press leaves its
    query pending. A full run writes the current one, and the old one never reaches the address."""
    at = new_app(page=SCENARIO)
    at.session_state["_pending_url"] = [("gd2", "99")]
    set_growth(at, "gd2", 45.0)
    assert_clean(at)
    assert "_pending_url" not in at.session_state
    assert at.query_params["gd2"] == "45"


def fragment_only(at: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the app's next runs what the server runs when a slider in the scenario page's fragment
    moves: only the fragment (AppTest always reruns the whole script; its run request is given
    the fragment's id, as the browser's carries it)."""
    import streamlit.testing.v1.local_script_runner as lsr

    fragments = list(at._fragment_storage._fragments)  # private: AppTest has no public API for it
    assert len(fragments) == 1
    real = lsr.RerunData
    monkeypatch.setattr(lsr, "RerunData", lambda **kw: real(fragment_id_queue=list(fragments), **kw))


def test_a_fragment_run_writes_the_url_when_it_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    ds = load_dataset()
    at = new_app({"lang": "en"}, page=SCENARIO)
    fragment_only(at, monkeypatch)
    set_growth(at, "gd2", 45.0)
    assert_clean(at)
    assert at.query_params["gd2"] == "45" and "_pending_url" not in at.session_state
    label = t("share_in_year", "en", year=2030)
    ev = evaluate_scenario(default_scenario(ds).with_(gd2=45.0), ds)
    assert shown_metrics(at)[label] == expected_metrics(ev, "en")[label]


def test_a_failing_fragment_says_so_in_words_and_still_writes_the_url(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("chart failed")

    monkeypatch.setattr("qn_model.views.figures.headline_figure", broken)
    at = new_app({"lang": "en"}, page=SCENARIO)
    fragment_only(at, monkeypatch)
    set_growth(at, "gd2", 45.0)
    assert not at.exception
    assert [e.value for e in at.error] == [t("unexpected_error", "en")]
    assert at.query_params["gd2"] == "45" and "_pending_url" not in at.session_state
    assert t("share_in_year", "en", year=2030) in shown_metrics(at)  # drawn before the failure


def test_the_live_component_takes_a_release_held_to_the_contract_and_echoes_its_number(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A release sends the growths with a sequence number: the fragment's run takes them (held to
    the link contract's range) and sends the number back, so that the browser can tell its own
    latest move from an older run's data (a drag sends several)."""
    ds = load_dataset()
    at = new_app({"lang": "en"}, page=SCENARIO)
    fragment_only(at, monkeypatch)
    seq = live_data(at)["seq"]
    move_live(at, gd2=45.0, gy2=7.5)
    assert_clean(at)
    assert live_data(at)["seq"] == seq + 1
    assert (at.query_params["gd2"], at.query_params["gy2"]) == ("45", "7.5")
    assert live_data(at)["scenario"]["gd2"] == 45.0
    move_live(at, gd2=999.0)  # beyond the contract's 250: held to it, never an error
    assert_clean(at)
    assert live_data(at)["seq"] == seq + 2
    assert growth_value(at, "gd2") == 250.0 and at.query_params["gd2"] == "250"
    ev = evaluate_scenario(default_scenario(ds).with_(gd2=250.0, gy2=7.5), ds)
    label = t("share_in_year", "en", year=2030)
    assert shown_metrics(at)[label] == expected_metrics(ev, "en")[label]
    assert live_data(at)["probability"] is not None  # the server's Monte Carlo, with the release


def test_language_switch() -> None:
    ds = load_dataset()
    at = new_app()
    vi_labels = set(shown_metrics(at))
    at.radio(key="w_lang").set_value("en").run()
    assert_clean(at)
    assert at.query_params["lang"] == "en"
    ev = evaluate_scenario(default_scenario(ds), ds)
    assert shown_metrics(at) == expected_metrics(ev, "en")
    assert set(shown_metrics(at)).isdisjoint(vi_labels)
    assert all("." in v and "," not in v for v in shown_metrics(at).values())
    assert t("de_growth_pct", "en") in at.slider(key="w_gd2").label
    at.radio(key="w_lang").set_value("vi").run()
    assert "lang" not in at.query_params  # the default language is left out of the link
    assert all("," in v for v in shown_metrics(at).values())


def test_widget_change_wins_over_stale_query() -> None:
    """Two quick slider moves: the second rerun leaves the browser before the first's URL rewrite
    arrives, so it carries the old query. The user's move must still win."""
    at = new_app()
    set_growth(at, "gd2", 45.0)
    assert at.query_params["gd2"] == "45"
    at.query_params.clear()  # the query the browser still had when the second move was sent
    set_growth(at, "gd2", 46.0)
    assert growth_value(at, "gd2") == 46.0
    assert at.query_params.get("gd2") == "46"


def test_growth_sliders_keep_their_values_across_the_scenario_page() -> None:
    """The growth sliders live in the sidebar on most pages and beside the chart on the scenario
    page (a different widget to Streamlit): a value set on one must be the value on the other."""
    at = new_app({"lang": "en"}, SCENARIO)
    set_growth(at, "gd2", 33.3)
    assert_clean(at)
    at.switch_page(OVERVIEW).run()
    assert growth_value(at, "gd2") == pytest.approx(33.3)
    set_growth(at, "gy2", 5.5)
    at.switch_page(SCENARIO).run()
    assert growth_value(at, "gd2") == pytest.approx(33.3)
    assert growth_value(at, "gy2") == pytest.approx(5.5)
    ds = load_dataset()
    scn = default_scenario(ds).with_(gd2=33.3, gy2=5.5)
    assert_metrics(at, evaluate_scenario(scn, ds), "en")


def test_chart_numbers_one_click_away() -> None:
    """Off by default (nothing built or sent); one toggle shows the values the chart draws."""
    at = new_app({"lang": "en"})
    assert not at.dataframe
    at.toggle(key="show_data_overview_chart").set_value(True).run()
    assert_clean(at)
    (table,) = at.dataframe
    df = table.value
    assert df[t("year", "en")].tolist()[:2] == ["2020", "2021"]
    ev = evaluate_link("lang=en", load_dataset())
    row = df[df[t("year", "en")] == "2030"].iloc[0]
    assert row[t("series_projection", "en")] == fmt_num(ev.projection.share_pct[-1], "en", 2)


@pytest.mark.parametrize("lang", LANGS)
def test_scenario_details_each_render_for_the_scenario(lang: str) -> None:
    """The scenario page's details (the chart's numbers and notes, year table, verdicts,
    sensitivity map, downloads) are built only when chosen, and each shows the current scenario."""
    at = new_app({"lang": lang, "gd2": "40"}, SCENARIO)
    assert not at.dataframe  # nothing but verdicts, chart and sliders until a detail is picked
    assert t("scenario_chart_note", lang) not in [c.value for c in at.caption]
    ev = evaluate_link(f"lang={lang}&gd2=40", load_dataset())
    assert len(at.get("plotly_chart")) == 0  # the scenario's chart is the live component's
    assert live_data(at)["chart"]["traces"]
    at.button_group(key="w_detail").set_value("chart").run()
    assert_clean(at)
    assert t("scenario_chart_note", lang) in [c.value for c in at.caption]
    # issue 24: why the bands start wide (the base share's own spread, ss)
    assert t("fan_note_ss", lang, ss=fmt_num(ev.scenario.ss, lang)) in " ".join(c.value for c in at.caption)
    (table,) = at.dataframe
    row = table.value[table.value[t("year", lang)] == "2030"].iloc[0]
    assert row[t("series_projection", lang)] == fmt_num(ev.projection.share_pct[-1], lang, 2)
    at.button_group(key="w_detail").set_value("path").run()
    assert_clean(at)
    (table,) = at.dataframe
    assert fmt_num(ev.projection.share_pct[-1], lang, 2) in table.value.to_string()
    at.button_group(key="w_detail").set_value("verdicts").run()
    assert_clean(at)
    assert len(at.dataframe) == 1
    at.button_group(key="w_detail").set_value("sensitivity").run()
    assert_clean(at)
    assert at.button_group(key="w_sens_year").value == 2030
    assert len(at.get("plotly_chart")) == 1  # the sensitivity map (beside the live chart)
    assert live_data(at)["chart"]["traces"]
    at.button_group(key="w_detail").set_value("downloads").run()
    assert_clean(at)
    assert len(at.get("download_button")) == 6  # CSV, XLSX, HTML; the pack: PPTX, DOCX, PDF
    # A slider move keeps the chosen detail and updates it.
    set_growth(at, "gd2", 45.0)
    assert_clean(at)
    assert at.button_group(key="w_detail").value == "downloads"


def test_leaving_the_meeting_view_on_the_scenario_page_keeps_the_sliders() -> None:
    """In the meeting view the growth sliders are the sidebar's; leaving it on the scenario page
    puts them under the chart (new widgets to Streamlit): they must keep the scenario's values."""
    at = new_app({"present": "1", "lang": "en", "gd2": "15"}, SCENARIO)
    assert_clean(at)
    at.button(key="present_exit").click().run()
    assert_clean(at)
    assert growth_value(at, "gd2") == pytest.approx(15.0)
    gy1 = at.slider(key="w_gy1").value
    assert gy1 > -20.0  # not reset to the slider's minimum
    at.slider(key="w_gy1").set_value(gy1 + 0.1).run()
    assert growth_value(at, "gd2") == pytest.approx(15.0)
    assert query_of(at).get("gd2") == "15"


def test_target_set_choice_stays_when_another_set_has_the_same_numbers() -> None:
    """The resolution and the national strategy both say 20 % / 30 %: picking the national set
    must keep showing it (not jump to the first set with those numbers), and moving a target off
    those numbers names the set the targets now are."""
    at = new_app({"lang": "en"})
    open_further_assumptions(at)
    at.selectbox(key="w_tset").set_value("national").run()
    assert_clean(at)
    assert at.selectbox(key="w_tset").value == "national"
    assert (at.slider(key="w_t1").value, at.slider(key="w_t2").value) == (20.0, 30.0)
    set_growth(at, "gd2", 40.0)  # any other move keeps the pick
    assert at.selectbox(key="w_tset").value == "national"
    at.slider(key="w_t2").set_value(35.0).run()
    assert at.selectbox(key="w_tset").value == "article"
    at.slider(key="w_t2").set_value(31.0).run()
    assert at.selectbox(key="w_tset").value == "custom"


def open_further_assumptions(at: AppTest, is_open: bool = True) -> AppTest:
    """What a click on the sidebar's "further assumptions" does: its inputs exist only while open."""
    at.session_state[W_MORE] = is_open
    return at.run()


def test_further_assumptions_are_drawn_only_while_open_and_keep_their_values(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Closed, the base year, base share, targets and spreads are not sent to the browser (each
    is redrawn on every update), yet a link's values hold through other moves and are there when
    the planner opens them; a value set while open holds after closing."""
    at = new_app({"t2": "31", "sd": "9", "lang": "en"}, page=SCENARIO)
    assert_clean(at)
    more_keys = {"w_base", "w_s0", "w_t1", "w_t2", "w_sy", "w_sd"}
    drawn = {w.key for w in [*at.slider, *at.number_input]}
    assert not more_keys & drawn
    set_growth(at, "gd2", 40.0)
    at.slider(key="w_gy1").set_value(7.0).run()  # a full run (sidebar), not only the fragment
    assert (state_of(at).scenario.t2, state_of(at).scenario.sd) == (31.0, 9.0)
    assert query_of(at).get("t2") == "31" and query_of(at).get("sd") == "9"
    open_further_assumptions(at)
    assert_clean(at)
    assert more_keys <= {w.key for w in [*at.slider, *at.number_input]}
    assert (at.slider(key="w_t2").value, at.slider(key="w_sd").value) == (31.0, 9.0)
    at.slider(key="w_t2").set_value(33.0).run()
    open_further_assumptions(at, False)
    at.slider(key="w_gy1").set_value(7.5).run()
    with monkeypatch.context() as m:  # slider moves under the chart rerun only the fragment
        fragment_only(at, m)
        set_growth(at, "gd2", 41.0)
        assert state_of(at).scenario.t2 == 33.0
    at.switch_page(OVERVIEW).run()  # the sidebar is drawn again by another page
    assert_clean(at)
    assert query_of(at).get("t2") == "33" and state_of(at).scenario.t2 == 33.0


def test_the_link_names_the_target_set_when_the_targets_do_not() -> None:
    """Picking the national set writes ``ts=national`` (its 20 % / 30 % would reopen as the
    resolution); a colleague's link reopens it, with the chart naming that source."""
    at = new_app({"lang": "en"})
    at.selectbox(key="w_tset").set_value("national").run()
    assert query_of(at).get("t2") == "30" and query_of(at).get("ts") == "national"
    at.selectbox(key="w_tset").set_value("resolution09").run()
    assert "ts" not in query_of(at) and query_of(at).get("t2") == "30"

    opened = new_app({"t2": "30", "ts": "national", "lang": "en"}, page=SCENARIO)
    assert_clean(opened)
    assert opened.selectbox(key="w_tset").value == "national"
    assert query_of(opened).get("ts") == "national"
    assert not warning_texts(opened)
    # The scenario's chart is the live component's (its series come from the same figure).
    spec = json.dumps(live_data(opened)["chart"], ensure_ascii=False)
    assert "30% (national)" in spec and "(Res. 09)" not in spec


def test_details_and_numbers_stay_open_across_a_page_visit() -> None:
    """A detail picked on the scenario page, the sensitivity map's year and a chart's numbers
    are still shown after the planner visits another page and comes back."""
    at = new_app({"lang": "en"}, SCENARIO)
    at.button_group(key="w_detail").set_value("sensitivity").run()
    at.button_group(key="w_sens_year").set_value(2025).run()
    at.switch_page(OVERVIEW).run()
    at.toggle(key="show_data_overview_chart").set_value(True).run()
    at.switch_page("pages/history.py").run()
    assert_clean(at)
    at.switch_page(SCENARIO).run()
    assert_clean(at)
    assert at.button_group(key="w_detail").value == "sensitivity"
    assert at.button_group(key="w_sens_year").value == 2025
    at.switch_page(OVERVIEW).run()
    assert at.toggle(key="show_data_overview_chart").value is True
    assert len(at.dataframe) == 1
