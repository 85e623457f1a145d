import json
import math
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from qn_model.engine.evaluate import evaluate_link, evaluate_scenario, headline_verdicts, parse_link
from qn_model.engine.plausibility import beyond_history
from qn_model.engine.presets import default_scenario
from qn_model.i18n import render
from qn_model.views.figures import headline_figure, sensitivity_for, target_markers
from qn_model.views.narrative import data_basis, headline
from qn_model.views.tables import path_table, verdict_table
from tests.contracts import VERDICT_FIELDS


def test_brief_facts_hold_on_the_shipped_data(ds):
    """The statements the product must make plainly, computed, not hard-coded."""
    ev = evaluate_link("", ds)
    v25, v30 = ev.verdicts
    # 20 % in 2025 was out of reach from 7.1 % in 2024
    assert v25.met is False and v25.basis == "projected"
    assert v25.required_de_growth_pct > 150
    # 35 % in 2030 takes roughly 45 % digital growth a year (more, since 2025 stays on trend)
    assert 40 < v30.required_de_growth_pct < 60
    assert v30.met is False


def test_json_document_shape(ds):
    doc = evaluate_link("gd2=40&t2=30&lang=en&gy1=abc", ds).to_json(lambda n: render(n, "en"))
    assert set(doc) == {"scenario", "path", "targets", "warnings", "target_set"}
    assert doc["target_set"] == "resolution09"  # 20 % / 30 %, no set named: what they read as
    assert evaluate_link("t2=30&ts=national", ds).to_json(str)["target_set"] == "national"
    assert set(doc["path"][0]) == {"year", "share_pct", "grdp_vnd_trn", "de_vnd_trn"}
    assert set(doc["targets"][0]) == VERDICT_FIELDS
    assert doc["warnings"] == [{"code": "not_a_number", "message": doc["warnings"][0]["message"]}]
    assert "not a number" in doc["warnings"][0]["message"]
    json.dumps(doc, allow_nan=False)  # strict JSON: no NaN
    assert doc["scenario"]["gd2"] == 40.0 and doc["scenario"]["t2"] == 30.0


def test_observed_2025_is_judged_on_the_data(ds):
    import pandas as pd

    mine = ds.with_rows(
        pd.DataFrame({"indicator_id": ["de_share"], "geo": ["QN"], "year": [2025], "value": [21.0]})
    )
    ev = evaluate_scenario(default_scenario(ds), mine)
    v25 = ev.verdicts[0]
    assert (v25.basis, v25.value_pct, v25.met, v25.required_de_growth_pct) == ("observed", 21.0, True, None)


def test_levels_where_grdp_is_known(ds):
    ev = evaluate_link("", ds)
    first = ev.projection.records()[0]
    assert first["grdp_vnd_trn"] == ds.value("grdp_vnd_trn", "QN", 2024)
    assert_allclose(first["de_vnd_trn"], first["grdp_vnd_trn"] * 7.1 / 100)


def test_headline_sentences_in_both_languages(ds):
    ev = evaluate_link("", ds)
    vi = headline(ev.verdicts[1], ev.scenario, "vi")
    en = headline(ev.verdicts[1], ev.scenario, "en")
    assert "KHÔNG ĐẠT" in vi.verdict and "NOT MET" in en.verdict
    assert "35%" in vi.verdict or "35,0%" in vi.verdict
    assert vi.detail and "%/năm" in vi.detail
    assert headline(ev.verdicts[0], ev.scenario, "en").caveat  # 2025 is past without data


def test_data_basis_states_gaps_and_freshness(ds):
    lines = data_basis(ds, "en")
    assert any("2016–2017, 2019–2025" in line for line in lines)  # 2018 stays a gap
    assert any("1 observed value" in line for line in lines)
    assert lines[-1].endswith(ds.version + ".")


def test_plausibility_warns_beyond_history(ds):
    scn = default_scenario(ds)
    assert beyond_history(scn, ds) == ()
    codes = {n.code for n in beyond_history(scn.with_(gd2=45.0, gy1=25.0), ds)}
    assert codes == {"gd2_beyond_history", "gy1_beyond_history"}


def test_figures_and_tables(ds):
    ev = evaluate_link("t2=30", ds)
    fig = headline_figure(ev, ds, "vi", with_required=True)
    names = [tr.name for tr in fig.data]
    assert "Cả nước (TCTK)" in names and "Kịch bản" in names
    markers = target_markers(ev, ds, "vi")
    # the selected 30 % (Resolution 09) and the article's 35 % are both drawn with sources
    assert {(m[1], m[3]) for m in markers if m[0] == 2030} == {(30.0, True), (35.0, False)}
    assert fig.layout.separators == ",."
    assert sensitivity_for(ev, 2030, "en") is not None
    assert sensitivity_for(evaluate_link("base=2026&s0=9", ds), 2025, "en") is None
    table = path_table(ev, "vi")
    assert table.iloc[0, 1] == "7,10%"
    assert len(verdict_table(ev, "en")) == 2


def test_a_target_set_for_the_nation_stays_off_the_provinces_chart(ds, tmp_path):
    """The sets drawn beside the selected one are the province's own, told by the geography of
    their rows, not by id: a new set for the nation (``VN``, 33 % in 2030) is not a marker on the
    province's chart, and the shipped sets keep their areas."""
    from qn_model.data.dataset import load_dataset
    from qn_model.engine.presets import target_sets
    from tests.data_copies import data_with_target_set

    assert {k: v.geo for k, v in target_sets(ds).items()} == {
        "article": "QN",
        "resolution09": "QN",
        "national": "VN",
    }
    ds2 = load_dataset(data_with_target_set(tmp_path, "nation2045", "VN", "20", "33"))
    assert target_sets(ds2)["nation2045"].geo == "VN"
    markers = target_markers(evaluate_link("t2=30", ds2), ds2, "en")
    assert {m[1] for m in markers if m[0] == 2030} == {30.0, 35.0}


def test_target_labels_take_room_inside_the_plot_not_a_fixed_margin(ds):
    """2030's two targets: the higher labelled above its marker, the other under it, 2025's left
    of it; no pixel margin kept for them (it left a phone's chart a plot 80 px wide), and the y
    range leaves room for the label above the highest marker."""
    from qn_model.views.chart_kit import TARGETS_TRACE

    ev = evaluate_link("t2=30", ds)
    for lang in ("vi", "en"):
        fig = headline_figure(ev, ds, lang, with_required=True)
        targets = next(tr for tr in fig.data if tr.name == TARGETS_TRACE)
        sides = {(x, y, pos) for x, y, pos in zip(targets.x, targets.y, targets.textposition, strict=True)}
        assert sides == {(2025, 20.0, "middle left"), (2030, 35.0, "top left"), (2030, 30.0, "bottom left")}
        assert fig.layout.margin.r <= 30
        assert fig.layout.yaxis.range[1] >= 35.0 * 1.15
        assert fig.layout.xaxis.range[1] < 2031  # no empty year on the axis for them


def test_axis_titles_and_legend_are_placed_by_plotly_not_fixed_pixels(ds):
    """The cause of the x-axis title sitting on the tick labels: a fixed bottom margin with a
    legend under it. Every year chart now grows its margins (automargin, title standoff), the
    legend and title reserve their own room (container coordinates), and years are not forced to
    one tick each (plotly thins them by the plot's width in the browser)."""
    ev = evaluate_link("", ds)
    fig = headline_figure(ev, ds, "vi", with_required=True)
    for axis in (fig.layout.xaxis, fig.layout.yaxis):
        assert axis.automargin is True and axis.title.standoff
    assert fig.layout.xaxis.dtick is None and fig.layout.xaxis.tickformat == "d"
    assert (fig.layout.legend.yref, fig.layout.legend.yanchor) == ("container", "bottom")
    assert (fig.layout.title.yref, fig.layout.title.automargin) == ("paper", True)
    assert fig.layout.margin.b <= 20


def test_scenario_chart_starts_from_settled_margins(ds):
    """The scenario page's chart is drawn afresh on each slider move: it starts from the margins
    plotly settles on (one draw, not two), still grows them (automargin), and hangs its title
    from the figure's top with room for it above the plot."""
    import plotly.graph_objects as go

    from qn_model.views.chart_kit import TITLE_BASELINE
    from qn_model.views.figures import SETTLED_MARGIN

    ev = evaluate_link("", ds)
    for lang in ("vi", "en"):
        fig = headline_figure(ev, ds, lang, with_required=True, height=480, settled_margins=True)
        go.Figure(fig.to_dict())  # valid for plotly
        margin = fig.layout.margin
        assert {k: getattr(margin, k) for k in SETTLED_MARGIN} == SETTLED_MARGIN
        assert margin.autoexpand is True
        assert fig.layout.xaxis.automargin is True and fig.layout.yaxis.automargin is True
        title = fig.layout.title
        assert title.yref == "container" and title.text.count("<br>") <= 1  # margin.t holds two lines
        assert (1 - title.y) * 480 == pytest.approx(TITLE_BASELINE)
        assert 0 < TITLE_BASELINE < margin.t
    plain = headline_figure(ev, ds, "vi", with_required=True)
    assert plain.layout.margin.b <= 20 and plain.layout.title.yref == "paper"


@given(st.integers(min_value=1990, max_value=2040), st.integers(min_value=0, max_value=40))
def test_year_axis_never_ticks_below_a_year(first, span):
    """Plotly's automatic ticks go below a year on a short span (2022, 2022, 2023 with whole-year
    labels): a short span gets a tick a year; a long one is left to plotly, which thins it by
    the plot's width but never below a year (at most 10 ticks over more than 6 years)."""
    from qn_model.views.chart_kit import SHORT_SPAN_YEARS, FigureSpec, year_axis

    fig = FigureSpec()
    year_axis(fig, first, first + span)
    axis = fig.layout["xaxis"]
    assert axis["range"] == [first - 0.5, first + span + 0.5]
    if span <= SHORT_SPAN_YEARS:
        assert (axis["dtick"], axis["tick0"]) == (1, first)
    else:
        assert "dtick" not in axis


@given(st.text(alphabet="ab cđ", min_size=0, max_size=120), st.integers(min_value=5, max_value=60))
def test_wrap_title_keeps_every_word_and_breaks_only_long_lines(text, width):
    from qn_model.views.chart_kit import wrap_title

    wrapped = wrap_title(text, width)
    lines = wrapped.split("<br>")
    assert " ".join(lines) == text or wrapped == text
    for line in lines:
        # a line is over the width only when it is a single word too long to break
        assert len(line) <= width or " " not in line
    if len(text) > width:  # balanced, but in no more lines than the width needs
        from qn_model.views.chart_kit import _greedy_lines

        assert len(lines) == len(_greedy_lines(text.split(" "), width))


def test_parse_link_uses_shipped_defaults(ds):
    parsed = parse_link("base=2024", ds)
    assert parsed.scenario == default_scenario(ds)
    assert math.isclose(parsed.scenario.base_share_pct, 7.1)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_fast_built_figures_are_valid_plotly(ds, lang):
    """Figures are built without plotly's validation (speed); plotly must accept them as is."""
    import plotly.graph_objects as go

    ev = evaluate_link("gd2=45&lang=" + lang, ds)
    for fig in (headline_figure(ev, ds, lang, with_required=True), sensitivity_for(ev, 2030, lang)):
        validated = go.Figure(fig.to_dict())  # raises on any invalid property
        assert validated.layout.xaxis.title.text
        assert validated.layout.separators == {"vi": ",.", "en": ".,"}[lang]


def test_figure_spec_matches_the_plotly_object_api():
    import plotly.graph_objects as go

    from qn_model.views.chart_kit import FigureSpec, add_series, base_layout

    slow, fast = go.Figure(), FigureSpec()
    for fig in (slow, fast):
        add_series(fig, [2020, 2021], [1.0, 2.0], "s", "vi", "#000000", dash="dot")
        base_layout(fig, "vi", "Tiêu đề", "Trục")
        # A title as a dict: plotly replaces a title given as a string whole (standoff too).
        fig.update_xaxes(dtick=None, title={"text": "X"})
    built = fast.build().to_dict()
    assert built["layout"].pop("datarevision")  # the one addition: see the test below
    assert go.Figure(built).to_dict() == slow.to_dict()


def test_figures_reach_the_browser_to_be_drawn_once(ds):
    """``for_browser``: no template object (plotly.js redraws a whole chart when one changes
    identity, and Streamlit re-sends a copy right after the first draw) and a data revision
    that follows the data: equal for equal data, new for new data, whichever way the figure
    was built."""
    from qn_model.views.chart_kit import data_revision, for_browser
    from qn_model.views.history import share_history_figure

    ev, other = evaluate_link("gd2=45", ds), evaluate_link("gd2=46", ds)
    a, same, b = (for_browser(headline_figure(e, ds, "vi", with_required=True)) for e in (ev, ev, other))
    assert a.to_dict()["layout"].get("template") is None
    assert a.layout.datarevision == same.layout.datarevision != b.layout.datarevision
    fig = share_history_figure(ds, "vi")  # plotly's object API: no revision until handed over
    assert fig.layout.datarevision is None
    for_browser(fig)
    assert fig.layout.datarevision == data_revision(fig.to_dict()["data"])
    assert fig.to_dict()["layout"].get("template") is None


def test_a_share_over_100_percent_is_called_impossible_not_met(ds):
    from qn_model.views.narrative import impossible, verdict_word

    ev = evaluate_link("gd1=215&gd2=150", ds)
    v30 = ev.verdicts[1]
    assert v30.value_pct > 100 and impossible(v30)
    assert verdict_word(v30, "vi") == "Không thực tế"
    assert "100%" in headline(v30, ev.scenario, "en").verdict
    assert "share_over_100" in {n.code for n in beyond_history(ev.scenario, ds)}
    assert headline_figure(ev, ds, "vi").layout.yaxis.range == (0, 105)


def test_a_hair_short_of_the_target_shows_the_hair(ds):
    from qn_model.views.narrative import margin_digits

    ev = evaluate_link("gd1=215", ds)
    v25 = ev.verdicts[0]
    assert v25.met is False and -0.05 < v25.margin_pp < 0
    assert margin_digits(v25.margin_pp) == 2
    assert (
        "0,01" in headline(v25, ev.scenario, "vi").verdict
        or "0,0" not in headline(v25, ev.scenario, "vi").verdict
    )


def test_required_path_is_the_one_the_2030_verdict_describes(ds):
    ev = evaluate_link("", ds)
    fig = headline_figure(ev, ds, "en", with_required=True)
    required = next(tr for tr in fig.data if tr.name == "Path that meets the 2030 target")
    assert required.y[1] == pytest.approx(ev.projection.share_pct[1])  # 2025 as in the scenario
    assert required.y[-1] == pytest.approx(ev.scenario.t2)
    growth = (required.y[-1] / required.y[-2]) * (1 + ev.scenario.gy2 / 100) - 1
    assert growth * 100 == pytest.approx(ev.verdicts[1].required_de_growth_pct)


def test_every_year_chart_has_its_numbers_as_a_table(ds):
    from qn_model.views.figures import figure_table

    ev = evaluate_link("", ds)
    table = figure_table(headline_figure(ev, ds, "vi"), "vi")
    assert list(table["Năm"])[:2] == ["2020", "2021"]
    assert table.loc[table["Năm"] == "2024", "Quảng Ninh – thực tế"].item() == "7,10"
    assert table.loc[table["Năm"] == "2025", "Cả nước (TCTK)"].item() == "14,02"
    assert figure_table(sensitivity_for(ev, 2030, "vi"), "vi") is None  # a map, not a year chart


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    gy1=st.floats(-20, 30),
    gd1=st.floats(-20, 250),
    gy2=st.floats(-20, 30),
    gd2=st.floats(-20, 250),
    t2=st.floats(0.1, 100),
    base=st.sampled_from([2020, 2023, 2024, 2025]),
)
def test_headline_verdicts_are_the_evaluation_without_probabilities(ds, gy1, gd1, gy2, gd2, t2, base):
    """The app draws the headline from these before the Monte Carlo runs: they must be the full
    evaluation's verdicts, probabilities aside, for any scenario."""
    scn = default_scenario(ds).with_(gy1=gy1, gd1=gd1, gy2=gy2, gd2=gd2, t2=t2, base_year=base)
    full = evaluate_scenario(scn, ds).verdicts
    assert headline_verdicts(scn, ds) == tuple(replace(v, probability=None) for v in full)
    assert any(v.probability is not None for v in full)  # the law is not vacuous
