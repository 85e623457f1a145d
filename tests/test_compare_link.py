"""The compare selection in the link (``cmp``): round trips, canonical order, hostile values."""

from __future__ import annotations

from urllib.parse import quote, urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qn_model.core.compare_link import (
    DEFAULT_SELECTION,
    MAX_CMP_CHARS,
    MAX_ITEMS,
    PRESET_NAMES,
    CompareSelection,
    encode,
)
from qn_model.core.links import LinkContext, parse, parse_selection, selection, serialize, serialize_parsed
from qn_model.core.scenario import Scenario
from qn_model.engine.presets import PRESETS
from qn_model.i18n import render
from qn_model.views.compare import MAX_SCENARIOS

PROPS = settings(max_examples=200, deadline=None, derandomize=True)


def test_one_list_of_presets_and_one_limit():
    assert PRESET_NAMES == PRESETS
    assert MAX_ITEMS == MAX_SCENARIOS


def cmp_link(value: str) -> str:
    return urlencode({"cmp": value})


def test_a_compare_link_names_presets_and_scenarios_in_the_page_order(ctx):
    parsed = parse("cmp=" + quote("current,ambitious,?gd2=40&t2=30", safe=""), ctx)
    assert parsed.notices == ()
    assert parsed.compare == CompareSelection(True, ("ambitious",), ("gd2=40&t2=30",))
    assert "cmp" in parsed.explicit
    assert serialize_parsed(parsed, ctx) == "cmp=current%2Cambitious%2C%3Fgd2%3D40%26t2%3D30"


def test_no_cmp_is_no_selection_and_the_default_is_left_out(ctx):
    assert parse("gd2=40", ctx).compare is None
    assert encode(DEFAULT_SELECTION) is None
    assert encode(CompareSelection(False, (), ())) == "none"
    assert parse(cmp_link("none"), ctx).compare == CompareSelection(False, (), ())


def test_written_back_in_canonical_order(ctx):
    parsed = parse(cmp_link("?gy2=9,ambitious,current,trend"), ctx)
    assert parsed.notices == ()
    assert parsed.compare.items() == ("current", "trend", "ambitious", "?gy2=9")


def test_a_pasted_link_is_kept_as_its_scenario_canonical(ctx, scn):
    full = "https://planner.example.vn/scenario?gd2=40.0&lang=en&present=1&dv=abc&t2=30&gy1=" + str(scn.gy1)
    sel = selection(False, (), [full], ctx)
    # Its defaults, language, meeting keys and data version say nothing about the scenario compared.
    assert sel.links == ("gd2=40&t2=30",)
    assert parse(cmp_link(encode(sel)), ctx).compare == sel


@pytest.mark.parametrize(
    ("value", "codes", "items"),
    [
        ("bold", ["cmp_bad_item"], ()),
        ("current,<script>alert(1)</script>", ["cmp_bad_item"], ("current",)),
        ("plan,plan,current,current", ["cmp_repeated_item", "cmp_repeated_item"], ("current", "plan")),
        (
            "current,trend,plan,cautious,ambitious",
            ["cmp_too_many_items"],
            ("current", "trend", "plan", "cautious"),
        ),
        ("?gy2=abc", ["not_a_number"], ("?",)),
        ("?gd2=1e309&zzz=1", ["not_finite", "unknown_key"], ("?",)),
        (",,plan,,", [], ("plan",)),
    ],
)
def test_tampered_values_fall_back_with_a_notice(ctx, value, codes, items):
    parsed = parse(cmp_link(value), ctx)
    assert [n.code for n in parsed.notices] == codes
    assert parsed.compare.items() == items
    for n in parsed.notices:
        assert "cmp" in render(n, "vi") and "cmp" in render(n, "en")


def test_a_bad_pasted_scenario_is_named_by_its_number(ctx):
    parsed = parse(cmp_link("?gd2=40,?gy2=abc"), ctx)
    (notice,) = parsed.notices
    assert "Link 2" in render(notice, "en") and "Đường dẫn 2" in render(notice, "vi")
    assert "gy2" in render(notice, "en")


def test_too_long_falls_back_to_the_default_selection(ctx):
    parsed = parse(cmp_link("plan," * (MAX_CMP_CHARS // 5 + 1)), ctx)
    assert parsed.compare == DEFAULT_SELECTION
    assert [n.code for n in parsed.notices] == ["cmp_too_long"]


def test_a_repeated_cmp_key_falls_back_like_any_other(ctx):
    parsed = parse("cmp=plan&cmp=trend", ctx)
    assert parsed.compare is None
    assert [n.code for n in parsed.notices] == ["repeated_key"]


def test_a_pasted_compare_link_does_not_nest(ctx):
    inner = "?" + cmp_link("current,?gd2=9") + "&gd2=13"
    sel, notices = parse_selection(inner, ctx)
    assert notices == () and sel.links == ("gd2=13",)


def test_the_page_inputs_are_cut_to_four_as_the_page_compares_them(ctx):
    sel = selection(True, ["ambitious", "plan", "plan", "bold"], ["gd2=1", "gd2=2", "gd2=3"], ctx)
    assert sel.items() == ("current", "plan", "ambitious", "?gd2=1")


# --- properties ------------------------------------------------------------------------------------

rates = st.floats(-20, 250, allow_nan=False).map(lambda v: round(v, 1))


@st.composite
def scenarios(draw, defaults: Scenario) -> Scenario:
    return defaults.with_(gy2=draw(rates), gd2=draw(rates), t2=draw(st.sampled_from([30.0, 35.0, 42.5])))


@st.composite
def selections(draw, ctx: LinkContext) -> CompareSelection:
    include = draw(st.booleans())
    names = tuple(n for n in PRESET_NAMES if draw(st.booleans()))
    room = MAX_ITEMS - int(include) - len(names)
    n_links = draw(st.integers(0, max(0, room)))
    links = tuple(
        serialize(draw(scenarios(ctx.defaults)), ctx.defaults, observed_share=ctx.observed_share)
        for _ in range(n_links)
    )
    sel = CompareSelection(include, names, links)
    return CompareSelection(include, names[: MAX_ITEMS - int(include)], links) if room < 0 else sel


@PROPS
@given(data=st.data())
def test_round_trip(ctx, data):
    sel = data.draw(selections(ctx))
    value = encode(sel)
    parsed = parse("gd2=40" if value is None else "gd2=40&" + cmp_link(value), ctx)
    assert parsed.notices == ()
    assert (parsed.compare or DEFAULT_SELECTION) == sel
    again = parse(serialize_parsed(parsed, ctx), ctx)
    assert again.compare == parsed.compare and again.scenario == parsed.scenario


ITEM = st.one_of(
    st.sampled_from([*PRESET_NAMES, "current", "none", "", "?", "?gd2=40", "?gy2=abc", "?zzz=1&t2=30"]),
    st.text(max_size=30),
)


@PROPS
@given(items=st.lists(ITEM, max_size=8), sep=st.sampled_from([",", ", ", ",,"]))
def test_any_list_of_items_parses_to_a_canonical_selection(ctx, items, sep):
    parsed = parse(cmp_link(sep.join(items)), ctx)
    sel = parsed.compare
    assert sel is not None
    assert len(sel.items()) <= MAX_ITEMS
    assert list(sel.presets) == [n for n in PRESET_NAMES if n in sel.presets]
    # Canonical: what it writes back reads back the same, with nothing to say.
    value = encode(sel)
    again = parse(cmp_link(value) if value is not None else "", ctx)
    assert again.notices == ()
    assert (again.compare or DEFAULT_SELECTION) == sel
    assert encode(again.compare or DEFAULT_SELECTION) == value


@PROPS
@given(raw=st.text(max_size=300))
def test_hostile_text_never_raises(ctx, raw):
    sel, notices = parse_selection(raw, ctx)
    assert len(sel.items()) <= MAX_ITEMS
    for n in notices:
        assert render(n, "vi") and render(n, "en")
        assert len(render(n, "en")) < 400  # shortened, never the whole hostile value


def test_a_pasted_scenario_with_projects_keeps_its_commas_inside_its_item(ctx):
    """A project list's commas (``pj=2027:25,2029:40``) are not the selection's separators."""
    pasted = "https://planner.example.vn/scenario?gd2=40&pj=2029:40,2027:25"
    sel = selection(True, ["plan"], [pasted], ctx)
    assert len(sel.links) == 1
    reopened = parse(cmp_link(encode(sel)), ctx)
    assert reopened.notices == ()
    assert reopened.compare == sel
    inner = parse(sel.links[0], ctx)
    assert [(p.year, p.value_vnd_trn) for p in inner.scenario.projects] == [(2027, 25.0), (2029, 40.0)]
    # The scenario's own link keeps pj readable; inside cmp it is escaped with the rest.
    own = serialize(inner.scenario, ctx.defaults, observed_share=ctx.observed_share)
    assert "pj=2027:25,2029:40" in own
