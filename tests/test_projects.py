"""Issue 14: projects (``pj``) and the gap in money."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from qn_model.core.links import LinkContext, parse, parse_projects, serialize
from qn_model.core.projection import CLOSE_STEP_VND_TRN, closing_project, gap_vnd_trn, project
from qn_model.core.scenario import MAX_PROJECTS, Project, Scenario
from qn_model.core.sensitivity import sensitivity
from qn_model.core.targets import judge, required_de_growth_pct, with_required_growth
from qn_model.core.uncertainty import _log_growth, _standard_draws, growth_factors, simulate
from qn_model.engine.evaluate import evaluate_link, evaluate_scenario
from qn_model.engine.presets import PRESETS, default_scenario, preset
from qn_model.i18n import render
from qn_model.i18n.formats import fmt_money

LEVEL = 347.5  # a base-year GRDP level, VND trillion
rate = st.floats(min_value=-15.0, max_value=120.0, allow_nan=False)
share = st.floats(min_value=0.5, max_value=60.0, allow_nan=False)
project_st = st.builds(
    Project,
    year=st.integers(2026, 2030),
    value_vnd_trn=st.floats(min_value=0.1, max_value=1000.0, allow_nan=False),
)
projects_st = st.lists(project_st, max_size=MAX_PROJECTS).map(tuple)


@st.composite
def scenarios(draw, with_projects=True):
    return Scenario(
        base_year=draw(st.integers(2015, 2029)),
        base_share_pct=draw(share),
        gy1=draw(rate),
        gd1=draw(rate),
        gy2=draw(rate),
        gd2=draw(rate),
        t1=draw(st.floats(min_value=0.1, max_value=99.0)),
        t2=draw(st.floats(min_value=0.1, max_value=99.0)),
        sy=draw(st.floats(min_value=0.0, max_value=10.0)),
        sd=draw(st.floats(min_value=0.0, max_value=10.0)),
        projects=draw(projects_st) if with_projects else (),
    )


# --- with no projects, every result is today's --------------------------------------------------------


def _today_share(scn):
    """The share formula as it was before projects (the oracle)."""
    fy, fd = growth_factors(scn)
    return scn.base_share_pct * np.concatenate(([1.0], np.cumprod(fd / fy)))


def _today_required(scn, year, target):
    from qn_model.core.scenario import period_of_year, period_years

    years = [y for y in period_years(scn.base_year, period_of_year(year)) if y <= year]
    if not years:
        return None
    start = _today_share(scn)[years[0] - 1 - scn.base_year]
    gy, _ = scn.rates_for_year(year)
    return ((1.0 + gy / 100.0) * (target / start) ** (1.0 / len(years)) - 1.0) * 100.0


def _today_fan_paths(scn, n):
    fy, fd = growth_factors(scn)
    zy, zd = _standard_draws(n, len(fy), 20_251_231)
    paths = _log_growth((fd - 1.0) * 100.0, scn.sd, zd)
    paths -= _log_growth((fy - 1.0) * 100.0, scn.sy, zy)
    return scn.base_share_pct * np.exp(np.cumsum(paths, axis=0))


@settings(max_examples=60, deadline=None)
@given(scenarios(with_projects=False), st.sampled_from([None, LEVEL]))
def test_without_projects_every_result_is_todays(scn, level):
    p = project(scn, level)
    assert np.array_equal(np.array(p.share_pct), _today_share(scn))
    for year, target in ((2025, scn.t1), (2030, scn.t2)):
        assert required_de_growth_pct(scn, year, target, level) == _today_required(scn, year, target)
    fan = simulate(scn, n_paths=200, base_grdp_vnd_trn=level)
    expected = np.quantile(_today_fan_paths(scn, 200), 0.5, axis=1)
    assert fan.quantiles[0.5][1:] == tuple(float(v) for v in expected)
    grid = sensitivity(scn, 2030, base_grdp_vnd_trn=level) if scn.base_year < 2030 else None
    if grid is not None:
        assert np.array_equal(grid.share_pct, sensitivity(scn, 2030).share_pct)


@settings(max_examples=40, deadline=None)
@given(scenarios())
def test_projects_are_ignored_without_a_level(scn):
    plain = scn.with_(projects=())
    assert project(scn).share_pct == project(plain).share_pct
    assert judge(scn, project(scn), {}) == judge(plain, project(plain), {})
    assert simulate(scn, n_paths=100).quantiles == simulate(plain, n_paths=100).quantiles


def test_the_shipped_data_gives_todays_verdicts_without_pj(ds):
    ev = evaluate_link("", ds)
    assert ev.scenario.projects == ()
    assert evaluate_link("pj=", ds).verdicts == ev.verdicts
    # The README's figure: about 52 % a year over 2026-2030 for 35 % in 2030.
    assert 51 < ev.verdicts[1].required_de_growth_pct < 52.5


# --- the model ----------------------------------------------------------------------------------------


def test_a_project_adds_to_both_levels(scn):
    with_p = scn.with_(projects=((2027, 25.0), (2029, 40.0)))
    a, b = project(scn, LEVEL), project(with_p, LEVEL)
    added = {2024: 0, 2025: 0, 2026: 0, 2027: 25, 2028: 25, 2029: 65, 2030: 65}
    for i, year in enumerate(a.years):
        assert b.grdp_vnd_trn[i] == pytest.approx(a.grdp_vnd_trn[i] + added[year], rel=1e-12)
        assert b.de_vnd_trn[i] == pytest.approx(a.de_vnd_trn[i] + added[year], rel=1e-12)
        assert b.share_pct[i] == pytest.approx(100 * b.de_vnd_trn[i] / b.grdp_vnd_trn[i], rel=1e-12)


@settings(max_examples=100, deadline=None)
@given(scenarios(with_projects=False), projects_st, project_st)
def test_a_project_never_lowers_a_later_share_below_100(scn, projects, extra):
    before = project(scn.with_(projects=projects), LEVEL)
    after = project(scn.with_(projects=(*projects, extra)), LEVEL)
    for i, year in enumerate(before.years):
        if year >= extra.year and before.share_pct[i] < 100.0:
            assert after.share_pct[i] >= before.share_pct[i] - 1e-12 * max(1.0, before.share_pct[i])


@settings(max_examples=100, deadline=None)
@given(scenarios())
def test_the_gap_added_as_a_project_meets_the_target_exactly(scn):
    assume(scn.base_year < 2030)
    v30 = judge(scn, project(scn, LEVEL), {})[1]
    assert v30.gap_vnd_trn is not None and v30.gap_vnd_trn >= 0
    if v30.gap_vnd_trn == 0:
        assert v30.met
        return
    closed = scn.with_(projects=(*scn.projects, Project(2030, v30.gap_vnd_trn)))
    after = judge(closed, project(closed, LEVEL), {})[1]
    assert after.value_pct == pytest.approx(scn.t2, abs=1e-9)
    assert after.met and after.gap_vnd_trn == pytest.approx(0.0, abs=1e-6)


def test_gap_formula():
    # (DE + g) / (GRDP + g) = T: 30 % of (500 + g) = 50 + g  =>  g = 100 / 0.7
    assert gap_vnd_trn(30.0, 500.0, 50.0) == pytest.approx(100 / 0.7)
    assert gap_vnd_trn(30.0, 500.0, 200.0) == 0.0
    assert gap_vnd_trn(100.0, 500.0, 50.0) is None
    assert gap_vnd_trn(30.0, math.nan, math.nan) is None


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(scenarios(), st.sampled_from([2025, 2030]))
def test_required_growth_with_projects_meets_the_target_exactly(scn, year):
    assume(year > scn.base_year)
    target = scn.target_for_year(year)
    req = required_de_growth_pct(scn, year, target, LEVEL)
    if req is None:
        # The projects alone meet it: even a vanishing organic digital economy does.
        low = scn.with_(**{"gd1" if year == 2025 else "gd2": -99.999999})
        assert project(low, LEVEL).share_in(year) >= target - 1e-6
        return
    assume(-99.0 < req < 1e6)
    met = project(with_required_growth(scn, year, target, LEVEL), LEVEL)
    assert met.share_in(year) == pytest.approx(target, abs=1e-9)


def test_projects_lower_the_required_growth(ds):
    plain = evaluate_link("", ds).verdicts[1]
    with_p = evaluate_link("pj=2027:25,2029:40", ds).verdicts[1]
    assert with_p.required_de_growth_pct < plain.required_de_growth_pct
    assert with_p.gap_vnd_trn == pytest.approx(plain.gap_vnd_trn - 65.0)


def test_fan_varies_the_organic_growth_only(scn):
    with_p = scn.with_(projects=((2027, 25.0),), sy=0.0, sd=0.0)
    fan = simulate(with_p, n_paths=20, base_grdp_vnd_trn=LEVEL)
    assert_allclose(fan.quantiles[0.5], project(with_p, LEVEL).share_pct, rtol=1e-12)
    wide = simulate(with_p.with_(sy=2.0, sd=5.0), base_grdp_vnd_trn=LEVEL)
    lo, hi = wide.quantiles[0.025], wide.quantiles[0.975]
    assert all(a <= s <= b for a, s, b in zip(lo, project(with_p, LEVEL).share_pct, hi, strict=True))


def test_sensitivity_map_follows_the_projects(scn):
    with_p = scn.with_(projects=((2027, 25.0), (2030, 10.0)))
    grid = sensitivity(with_p, 2030, np.array([scn.gy2]), np.array([scn.gd2]), base_grdp_vnd_trn=LEVEL)
    assert float(grid.share_pct[0, 0]) == pytest.approx(project(with_p, LEVEL).share_in(2030), rel=1e-12)


def test_projects_without_a_level_or_before_the_base_say_so(ds):
    ev = evaluate_link("base=2026&pj=2027:10", ds)
    assert "projects_no_level" in [n.code for n in ev.notices]
    assert ev.verdicts[1].gap_vnd_trn is None
    ev = evaluate_scenario(default_scenario(ds).with_(projects=((2027, 10.0),)), ds)
    assert not any(n.code.startswith("projects_") for n in ev.notices)


def test_presets_carry_no_projects(ds):
    current = default_scenario(ds).with_(projects=((2027, 25.0),))
    for name in PRESETS:
        assert preset(name, ds, current).projects == ()


def test_money_format():
    assert fmt_money(48.2, "vi") == "48,2 nghìn tỷ đồng"
    assert fmt_money(48.2, "en") == "VND 48.2 trillion"
    assert fmt_money(1234.5, "vi") == "1.234,5 nghìn tỷ đồng"
    assert fmt_money(None, "en") == "–"


# --- the link -----------------------------------------------------------------------------------------


def test_pj_is_parsed_and_written_back_in_year_order(ctx):
    parsed = parse("pj=2029:40,2027:25", ctx)
    assert parsed.scenario.projects == (Project(2027, 25.0), Project(2029, 40.0))
    assert parsed.notices == ()
    assert serialize(parsed.scenario, ctx.defaults) == "pj=2027:25,2029:40"
    assert serialize(parse("pj=2027:25,2029:40", ctx).scenario, ctx.defaults) == "pj=2027:25,2029:40"


@pytest.mark.parametrize(
    ("raw", "code", "named"),
    [
        ("2031:5", "bad_project_year", "2031:5"),
        ("2025:5", "bad_project_year", "2025:5"),
        ("2027.5:5", "bad_project_year", "2027.5:5"),
        ("2027:0.05", "bad_project_value", "2027:0.05"),
        ("2027:1001", "bad_project_value", "2027:1001"),
        ("2027:nan", "bad_project_value", "2027:nan"),
        ("2027:inf", "bad_project_value", "2027:inf"),
        ("2027", "bad_project", "2027"),
        ("abc", "bad_project", "abc"),
    ],
)
def test_a_bad_entry_is_dropped_with_a_notice_naming_it(ctx, raw, code, named):
    parsed = parse(f"pj=2028:10,{raw}", ctx)
    assert parsed.scenario.projects == (Project(2028, 10.0),)
    assert [n.code for n in parsed.notices] == [code]
    assert named in render(parsed.notices[0], "en") and named in render(parsed.notices[0], "vi")


def test_a_sixth_project_is_dropped_with_a_notice(ctx):
    parsed = parse("pj=2026:1,2027:2,2028:3,2029:4,2030:5,2030:6,2026:7", ctx)
    assert [p.value_vnd_trn for p in parsed.scenario.projects] == [1, 2, 3, 4, 5]
    assert [n.code for n in parsed.notices] == ["too_many_projects"]
    assert "2030:6, 2026:7" in render(parsed.notices[0], "en")


def test_repeated_pj_falls_back_with_a_notice(ctx):
    parsed = parse("pj=2027:1&pj=2028:2", ctx)
    assert parsed.scenario.projects == ()
    assert [n.code for n in parsed.notices] == ["repeated_key"]


@settings(max_examples=200, deadline=None)
@given(projects_st)
def test_pj_round_trip(projects):
    ctx = LinkContext(defaults=_DEFAULT)
    scn = _DEFAULT.with_(projects=projects)
    parsed = parse(serialize(scn, ctx.defaults), ctx)
    assert parsed.notices == ()
    assert parsed.scenario == scn
    assert serialize(parsed.scenario, ctx.defaults) == serialize(scn, ctx.defaults)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120) | st.lists(st.text(max_size=12), max_size=9).map(",".join))
def test_hostile_pj_never_raises_and_keeps_the_contract(raw):
    projects, notices = parse_projects(raw)
    assert len(projects) <= MAX_PROJECTS
    assert list(projects) == sorted(projects)
    for p in projects:
        assert 2026 <= p.year <= 2030 and 0.1 <= p.value_vnd_trn <= 1000 and math.isfinite(p.value_vnd_trn)
    entries = [e.strip() for e in raw.split(",") if e.strip()]
    if len(raw) <= 400:
        dropped = len(entries) - len(projects)
        assert (dropped == 0) == (not notices)
    parsed = parse({"pj": raw}, LinkContext(defaults=_DEFAULT))
    assert parsed.scenario.projects == projects


_DEFAULT = Scenario(2024, 7.1, 11.9, 13.5, 10.0, 12.0, 20.0, 35.0, 1.1, 3.0)


# --- the command line ---------------------------------------------------------------------------------


def test_evaluate_json_carries_projects_and_the_gap(ds, capsys):
    import json

    from qn_model.cli import main

    assert main(["evaluate", "pj=2029:40,2027:25", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["scenario"]["projects"] == [
        {"year": 2027, "value_vnd_trn": 25.0},
        {"year": 2029, "value_vnd_trn": 40.0},
    ]
    plain = evaluate_link("", ds)
    for row, before in zip(doc["path"], plain.projection.records(), strict=True):
        added = {2027: 25.0, 2028: 25.0, 2029: 65.0, 2030: 65.0}.get(row["year"], 0.0)
        assert row["grdp_vnd_trn"] == pytest.approx(before["grdp_vnd_trn"] + added)
        assert row["de_vnd_trn"] == pytest.approx(before["de_vnd_trn"] + added)
    gaps = [v["gap_vnd_trn"] for v in doc["targets"]]
    assert all(isinstance(g, float) and g > 0 for g in gaps)
    assert gaps[1] == pytest.approx(plain.verdicts[1].gap_vnd_trn - 65.0)
    assert main(["evaluate", "base=2026&pj=2027:5", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [v["gap_vnd_trn"] for v in doc["targets"]] == [None, None]
    assert "projects_no_level" in [w["code"] for w in doc["warnings"]]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_readable_summary_states_the_gap_in_money(ds, lang):
    from qn_model.cli import summary

    ev = evaluate_link(f"pj=2027:25&lang={lang}", ds)
    text = summary(ev, lang)
    for v in ev.verdicts:
        assert fmt_money(v.gap_vnd_trn, lang) in text
    assert fmt_money(25.0, lang) in text


# --- compare, exports, brief, meeting view carry the projects -------------------------------------------


def test_compare_exports_and_brief_carry_the_projects(ds):
    from datetime import datetime

    from qn_model.outputs.brief import build_brief
    from qn_model.outputs.exports import export_tables
    from qn_model.views.compare import assumptions_table, build_comparison, outcomes_table

    current = evaluate_link("pj=2027:25", ds).scenario
    cmp = build_comparison(ds, current, presets=["trend"], links_text="?pj=2028:40")
    assert [item.scenario.projects for item in cmp.items] == [
        (Project(2027, 25.0),),
        (),
        (Project(2028, 40.0),),
    ]
    rows = assumptions_table(cmp, "en").set_index("Assumption")
    assert rows.loc["Projects (year: VND trillion)"].iloc[0] == "2027: 25.0"
    outcomes = outcomes_table(cmp, "en").set_index("Measure")
    assert outcomes.loc["Gap in money 2030"].iloc[0] == fmt_money(
        cmp.items[0].evaluation.verdicts[1].gap_vnd_trn, "en"
    )
    ev = evaluate_link("pj=2027:25&lang=en", ds)
    tables = {tb.key: tb for tb in export_tables(ev, ds, "en", "http://x/?pj=2027:25")}
    assert [r[8] for r in tables["path"].rows] == [0.0, 0.0, 0.0, 25.0, 25.0, 25.0, 25.0]
    assert [r[-1] for r in tables["targets"].rows] == [v.gap_vnd_trn for v in ev.verdicts]
    assert [r[1:3] for r in tables["assumptions"].rows if r[1] == "pj"] == [("pj", 25.0)]
    doc = build_brief(ev, ds, "en", "http://x/?pj=2027:25", generated=datetime(2026, 12, 1))
    assert "pj=2027:25" in doc and "VND 25.0 trillion" in doc
    assert fmt_money(ev.verdicts[1].gap_vnd_trn, "en") in doc


def test_meeting_deck_keeps_the_opened_projects_and_presets_have_none(ds):
    from qn_model.views.slides import build_deck

    opened = evaluate_link("pj=2027:25", ds).scenario
    deck = build_deck(ds, opened, "en")
    assert deck[0].scenario.projects == (Project(2027, 25.0),)
    assert all(s.scenario.projects == () for s in deck[1:])
    linked = build_deck(ds, opened, "en", links=["?pj=2029:40"])
    assert linked[1].scenario.projects == (Project(2029, 40.0),)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_method_page_documents_projects_and_the_price_basis(ds, lang):
    from qn_model.i18n.formats import t
    from qn_model.views import method as meth

    sections = {s.title: s for s in meth.sections(ds, lang)}
    section = sections[t("meth_projects_header", lang)]
    kinds = [b.kind for b in section.blocks]
    assert kinds.count("latex") == 2
    texts = " ".join(b.content if isinstance(b.content, str) else " ".join(b.content) for b in section.blocks)
    assert t("meth_price_basis", lang) in texts
    gap = evaluate_link("", ds).verdicts[1].gap_vnd_trn
    assert fmt_money(gap, lang) in texts


@pytest.mark.parametrize("year", [2026, 2028, 2030])
def test_the_closing_project_is_rounded_up_and_meets_2030(ds, year):
    scn = default_scenario(ds)
    level = LEVEL
    added, why = closing_project(scn, level, year, 2030)
    assert why is None and added.year == year
    gap = judge(scn, project(scn, level), {})[1].gap_vnd_trn
    assert gap <= added.value_vnd_trn < gap + CLOSE_STEP_VND_TRN + 1e-9
    assert added.value_vnd_trn == round(added.value_vnd_trn, 2)
    closed = scn.with_(projects=(added,))
    assert judge(closed, project(closed, level), {})[1].met


def test_the_closing_project_says_why_it_cannot_act(ds):
    scn = default_scenario(ds)
    assert closing_project(scn, None, 2028, 2030) == (None, "close_gap_unavailable")
    assert closing_project(scn, LEVEL, scn.base_year, 2030) == (None, "close_gap_unavailable")
    met = scn.with_(gd2=60.0)
    assert closing_project(met, LEVEL, 2028, 2030) == (None, "close_gap_met")
    full = scn.with_(projects=tuple(Project(2026 + i % 5, 1.0) for i in range(MAX_PROJECTS)))
    assert closing_project(full, LEVEL, 2028, 2030) == (None, "projects_full")
    # a gap beyond the largest project the link contract allows
    assert closing_project(scn.with_(t2=99.0), 1e5, 2028, 2030) == (None, "close_gap_too_big")
