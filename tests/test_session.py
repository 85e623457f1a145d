"""The session's transitions (``qn_model/views/session``), run on a plain dict: what a callback
writes is what the next run's widgets show and the URL says."""

from __future__ import annotations

import pytest

from qn_model.core.links import NUMBER_KEYS, parse
from qn_model.data.dataset import load_dataset
from qn_model.engine.app_state import app_state
from qn_model.engine.evaluate import headline_verdicts
from qn_model.engine.presets import PRESETS, link_context, preset, target_sets
from qn_model.views.session import controls as sc
from qn_model.views.session import deck as sd
from qn_model.views.session import keys as k
from qn_model.views.session import mydata as sm
from qn_model.views.session import projects as sp
from qn_model.views.slides import MAX_LINKS


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def session_for(link: str, ds, lang: str = "vi") -> dict:
    """A session as the router leaves it after opening ``link``."""
    session: dict = {}
    sc.apply_parsed(session, parse(link, link_context(ds)))
    state, _ = app_state(ds, link_context(ds), sc.values(session), lang)
    session[k.STATE] = state
    return session


def test_a_parsed_link_round_trips_through_the_widgets(ds) -> None:
    ctx = link_context(ds)
    parsed = parse("gd2=47.5&gy2=8.2&pj=2028:40&t2=30", ctx)
    session: dict = {}
    sc.apply_parsed(session, parsed)
    assert sc.scenario_from_widgets(session) == parsed.scenario
    assert session[k.W_PJ] == parsed.scenario.projects


def test_hand_back_replaces_the_value_and_rebind_uses_the_snapshot() -> None:
    session = {k.SNAPSHOT: {k.widget_key("gd2"): 40.0, k.W_LANG: "en"}, k.widget_key("gy2"): 9.0}
    sc.rebind_widgets(session)
    assert session[k.widget_key("gd2")] == 40.0  # dropped by Streamlit: back from the snapshot
    assert session[k.widget_key("gy2")] == 9.0  # still there: kept
    assert session[k.W_LANG] == "en"


def test_growth_sliders_are_rebound_only_when_their_place_changes() -> None:
    session = {k.SNAPSHOT: {k.widget_key("gd2"): 40.0}}
    sc.place_growth_sliders(session, on_page=True)
    assert k.widget_key("gd2") not in session  # first run: nothing to hand back
    sc.place_growth_sliders(session, on_page=True)
    assert k.widget_key("gd2") not in session
    sc.place_growth_sliders(session, on_page=False)
    assert session[k.widget_key("gd2")] == 40.0


def test_a_kept_page_widget_comes_back_after_a_page_switch() -> None:
    session: dict = {}
    spec = sc.kept(session, "w_detail", None, valid=(None, "a", "b"))
    assert session["w_detail"] is None and spec["key"] == "w_detail"
    session["w_detail"] = "b"
    spec["on_change"](*spec["args"])  # the widget's on_change
    del session["w_detail"]  # Streamlit drops it while another page is shown
    sc.kept(session, "w_detail", None, valid=(None, "a", "b"))
    assert session["w_detail"] == "b"
    session.clear()
    session[k.KEEP_PREFIX + "w_detail"] = "gone"  # no longer a valid choice
    sc.kept(session, "w_detail", "a", valid=(None, "a", "b"))
    assert session["w_detail"] == "a"


def test_keep_in_order_keeps_the_links_order() -> None:
    session = {"cmp_presets": ["plan", "trend"]}
    sc.keep_in_order(session, "cmp_presets", PRESETS)
    assert session["cmp_presets"] == ["trend", "plan"]
    assert session[k.KEEP_PREFIX + "cmp_presets"] == ["trend", "plan"]


@pytest.mark.parametrize("name", PRESETS)
def test_a_preset_sets_the_four_growths_and_drops_projects(ds, name: str) -> None:
    session = session_for("pj=2028:40", ds)
    session[k.W_PRESET] = name
    sc.apply_preset(session)
    expected = preset(name, ds, sc.scenario_from_widgets(session))
    for key in ("gy1", "gd1", "gy2", "gd2"):
        assert session[k.widget_key(key)] == getattr(expected, key)
    assert session[k.W_PJ] == ()


def test_a_target_set_sets_both_targets(ds) -> None:
    session = session_for("", ds)
    for name, targets in target_sets(ds).items():
        session[k.W_TSET] = name
        sc.apply_target_set(session)
        assert (session[k.widget_key("t1")], session[k.widget_key("t2")]) == (targets.t1, targets.t2)
    before = dict(session)
    session[k.W_TSET] = "no such set"
    sc.apply_target_set(session)
    assert {key: v for key, v in session.items() if key != k.W_TSET} == {
        key: v for key, v in before.items() if key != k.W_TSET
    }


def test_a_new_base_year_takes_its_observed_share(ds) -> None:
    session = session_for("", ds)
    observed = link_context(ds).observed_share
    year = max(observed)
    session[k.widget_key("base")] = year
    session[k.widget_key("s0")] = 99.0
    sc.on_base_change(session)
    assert session[k.widget_key("s0")] == observed[year]
    session[k.widget_key("base")] = 2016  # no observed share that year: the value stays
    session[k.widget_key("s0")] = 12.5
    sc.on_base_change(session)
    assert session[k.widget_key("s0")] == 12.5


def test_closing_the_gap_meets_2030_and_undo_restores(ds) -> None:
    session = session_for("gd2=20", ds)
    session[k.W_PJ_CLOSE_YEAR] = 2027
    sp.close_gap(session)
    scn = sc.scenario_from_widgets(session)
    assert len(scn.projects) == 1 and scn.projects[0].year == 2027
    v30 = next(v for v in headline_verdicts(scn, ds) if v.year == 2030)
    assert v30.met
    assert sp.still_closed(session, scn.projects) is not None
    sp.undo(session)
    assert sc.scenario_from_widgets(session).projects == ()
    assert k.PJ_CLOSED not in session


def test_a_changed_project_list_forgets_the_undo(ds) -> None:
    session = session_for("gd2=20", ds)
    sp.close_gap(session)
    session[k.W_PJ_NEW_YEAR], session[k.W_PJ_NEW_VALUE] = 2029, 5.0
    sp.add(session)
    assert sp.still_closed(session, sp.projects(session)) is None
    assert k.PJ_CLOSED not in session


def test_add_and_remove_a_project(ds) -> None:
    session = session_for("", ds)
    session[k.W_PJ_NEW_YEAR], session[k.W_PJ_NEW_VALUE] = 2028, 12.0
    sp.add(session)
    (added,) = sp.projects(session)
    assert (added.year, added.value_vnd_trn) == (2028, 12.0)
    sp.remove(session, added)
    assert sp.projects(session) == ()


def test_the_deck_steps_through_slides_and_writes_the_widgets(ds) -> None:
    session = session_for("gd2=47&gy2=8", ds)
    deck = sd.current(session)
    assert len(deck) >= 2
    sd.go(session, 1)
    assert session[k.DECK_INDEX] == 1
    assert sc.scenario_from_widgets(session) == sd.current(session)[1].scenario
    sd.go(session, 0)  # back to the scenario the view was opened on
    assert sc.scenario_from_widgets(session).gd2 == 47


def test_nudges_move_a_growth_and_stay_in_range(ds) -> None:
    session = session_for("gd2=47", ds)
    sd.nudge(session, "gd2", 5.0)
    assert session[k.widget_key("gd2")] == pytest.approx(52.0)
    lo = next(s.lo for s in NUMBER_KEYS if s.key == "gd2")
    for _ in range(100):
        sd.nudge(session, "gd2", -5.0)
    assert session[k.widget_key("gd2")] == lo


def test_pasted_links_over_the_limit_are_counted_and_presets_restore(ds) -> None:
    session = session_for("", ds)
    session[k.W_DECK_LINKS_TEXT] = "\n".join(f"gd2={30 + i}" for i in range(MAX_LINKS + 3))
    sd.use_links(session)
    assert sd.links_in_use(session) and sd.links_dropped(session) == 3
    assert len(session[k.DECK_LINKS]) == MAX_LINKS
    sd.use_presets(session)
    assert not sd.links_in_use(session) and sd.links_dropped(session) == 0
    assert session[k.DECK_INDEX] == 0


def test_the_language_button_switches_language() -> None:
    session: dict = {}
    sd.switch_lang(session, "vi")
    assert session[k.W_LANG] == "en"
    sd.switch_lang(session, "en")
    assert session[k.W_LANG] == "vi"


def test_a_failed_upload_keeps_the_data_already_loaded(ds) -> None:
    session: dict = {}
    good = sm.process_upload(
        b"indicator_id,geo,year,value,note\nde_share,QN,2025,9.0,own\n", "a.csv", session
    )
    assert good.ok and sm.has_user_data(session)
    loaded = session[k.USER_DATASET]
    bad = sm.process_upload(b"\x00\x01 not a table", "b.csv", session)
    assert not bad.ok
    assert session[k.USER_DATASET] is loaded
    assert sm.outcome_here(session, sm.mydata.UPLOAD) is bad


def test_a_pending_reset_runs_once(ds) -> None:
    session: dict = {}
    sm.process_upload(b"indicator_id,geo,year,value,note\nde_share,QN,2025,9.0,own\n", "a.csv", session)
    sm.request(session, sm.mydata.RESET)
    outcome = sm.pending(session, None)
    assert outcome is not None and outcome.ok and not sm.has_user_data(session)
    assert sm.pending(session, None) is None
    before = session.get(k.MYDATA_GENERATION, 0)
    sm.bump(session)
    assert k.mydata_key(session, "table") == f"mydata_table_{before + 1}"
