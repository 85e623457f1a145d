"""One run of the app without Streamlit (qn_model.engine.app_state): the controls' values to the
state and the link, and when an address is a new link to read."""

from __future__ import annotations

import pytest

from qn_model.core.links import encode, parse
from qn_model.core.scenario import Project
from qn_model.engine.app_state import app_state, compare_inputs, is_new_link, read_link, scenario_from_values
from qn_model.engine.evaluate import evaluate_scenario, link_notices
from qn_model.engine.presets import link_context

pytestmark = pytest.mark.usefixtures("warm_engine")
A = [("gd2", "20")]
B = [("gd2", "30")]


@pytest.mark.parametrize(
    ("query", "last", "page_changed", "moved", "new"),
    [
        (A, None, False, False, True),  # first load
        (A, A, False, False, False),  # the address the app wrote
        (A, A, False, True, False),
        ([], A, True, False, False),  # a page switch: the navigation drops the query
        ([], A, False, False, True),  # the bare address typed in: the defaults
        (B, A, False, False, True),  # pasted, edited, Back/Forward
        (B, A, True, False, True),
        (B, A, False, True, False),  # a control moved: an older address came with the move
    ],
)
def test_when_an_address_is_a_new_link(query, last, page_changed, moved, new):
    assert is_new_link(query, last, page_changed=page_changed, controls_moved=moved) is new


def test_the_controls_values_make_the_scenario(ds):
    ctx = link_context(ds)
    assert scenario_from_values(ctx, {}) == ctx.defaults
    scn = scenario_from_values(ctx, {"gd2": 31, "base": 2023.0, "projects": [Project(2027, 5.0)]})
    assert scn.gd2 == 31.0 and isinstance(scn.gd2, float)
    assert scn.base_year == 2023 and isinstance(scn.base_year, int)
    assert scn.projects == (Project(2027, 5.0),)


def test_the_state_and_the_link_of_a_run(ds):
    ctx = link_context(ds)
    state, items = app_state(ds, ctx, {"gd2": 40.0}, "en", present=True, cmp="trend")
    assert dict(items)["gd2"] == "40" and dict(items)["lang"] == "en" and dict(items)["present"] == "1"
    assert dict(items)["dv"] == ds.version and dict(items)["cmp"] == "trend"
    assert state.query == encode(items)
    assert parse(state.query, ctx).scenario == state.scenario
    expected = evaluate_scenario(state.scenario, ds)
    assert state.evaluation.verdicts == expected.verdicts
    assert [v.value_pct for v in state.headline] == [v.value_pct for v in expected.verdicts]
    # An unknown language falls back to the default; defaults leave the link.
    state, items = app_state(ds, ctx, {}, "xx")
    assert state.lang == "vi" and dict(items) == {"dv": ds.version}


def test_projects_that_cannot_move_the_path_are_told_once(ds):
    ctx = link_context(ds)
    early = Project(ctx.defaults.base_year, 5.0)
    state, _ = app_state(ds, ctx, {"projects": (early,)}, "vi")
    assert [n.code for n in state.notices] == ["projects_before_base"]
    state, _ = app_state(ds, ctx, {"projects": (early,)}, "vi", notices=state.notices)
    assert [n.code for n in state.notices] == ["projects_before_base"]


def test_reading_a_link_is_the_engines_reading(ds):
    ctx = link_context(ds)
    query = [("gd2", "25"), ("gd2", "26"), ("dv", "0123456789ab"), ("x", "1")]
    parsed, notices = read_link(query, ctx, ds)
    assert parsed == parse("gd2=25&gd2=26&dv=0123456789ab&x=1", ctx)
    assert notices == link_notices(parsed, ds) and len(notices) >= 2


def test_the_compare_inputs_make_the_canonical_selection(ds):
    from qn_model.core.compare_link import DEFAULT_SELECTION

    ctx = link_context(ds)
    assert compare_inputs(None, None, None, ctx) == DEFAULT_SELECTION
    sel = compare_inputs(False, ["plan"], "\n ?gd2=40 \n\n", ctx)
    assert not sel.include_current and sel.presets == ("plan",) and sel.links == ("gd2=40",)  # canonical
    assert compare_inputs(True, "not a list", "", ctx).presets == ()


def test_the_early_language_is_the_chosen_one_else_a_single_known_link_value():
    from qn_model.core.messages import DEFAULT_LANG
    from qn_model.engine.app_state import early_lang

    assert early_lang("en", ["vi"]) == "en"
    assert early_lang(None, ["en"]) == "en"
    assert early_lang("xx", ["en", "vi"]) == DEFAULT_LANG  # a repeated key is not a choice
    assert early_lang(None, ["xx"]) == DEFAULT_LANG
    assert early_lang(None, []) == DEFAULT_LANG


def test_controls_moved_compares_with_the_last_snapshot():
    from qn_model.engine.app_state import controls_moved

    assert not controls_moved(None, {"w_gd2": 1.0})  # no run yet
    assert not controls_moved({"w_gd2": 1.0}, {"w_gd2": 1.0, "other": 3})
    assert controls_moved({"w_gd2": 1.0}, {"w_gd2": 2.0})
    assert controls_moved({"w_gd2": 1.0}, {})  # dropped by Streamlit counts as changed


def test_the_present_route_opens_follows_and_leaves_the_meeting_view():
    from qn_model.engine.app_state import PresentRoute, present_route

    def route(page, **kw):
        args = {"asked": False, "shown": False, "same_link": False, "deck_from": None, "previous": None}
        return present_route(page, present_page="present", **{**args, **kw})

    # present=1 in a link on another page: to the view, a fresh deck remembering that page ...
    assert route("compare", asked=True) == PresentRoute("present", "compare", False, True)
    # ... unless it is the view's own address on a rerun
    assert route("compare", asked=True, shown=True, same_link=True, deck_from="compare").open_from is None
    assert route("compare", asked=True, shown=True, same_link=False).open_from == "compare"
    # the exit: back where the deck was opened, the deck closed (also an opened-nowhere deck)
    assert route("present", deck_from="scenario") == PresentRoute("scenario", None, True, False)
    assert route("present", deck_from="").go == ""
    # entering by the navigation opens a deck on the previous page (never the view itself)
    assert route("present", shown=True, previous="history") == PresentRoute(None, "history", False, True)
    assert route("present", previous="present").open_from == ""
    assert route("present", shown=True, deck_from="history") == PresentRoute(None, None, False, True)
    # any other page closes the deck
    assert route("history", deck_from="scenario") == PresentRoute(None, None, True, False)
