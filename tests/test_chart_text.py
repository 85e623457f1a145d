"""Issue 22: every chart's text alternative names its numbers, and every chart text is legible."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import pytest
from hypothesis import given
from hypothesis import strategies as st

from qn_model.data.dataset import load_dataset
from qn_model.engine.evaluate import evaluate_link
from qn_model.i18n.formats import t
from qn_model.views import history as hist
from qn_model.views import palette as pal
from qn_model.views.chart_kit import base_layout, for_browser, legible, share_figure
from qn_model.views.chart_text import describe, plain, value_text
from qn_model.views.figures import headline_figure, sensitivity_for


@pytest.fixture(scope="module")
def ds():
    return load_dataset()


def test_a_small_share_chart_in_both_languages() -> None:
    kwargs = dict(
        national={2020: 12.66, 2025: 14.0},
        observed={2024: 7.1},
        projection=([2024, 2025, 2030], [7.1, 8.0, 7.6]),
        targets=[(2030, 35.0, "2030: 35%", True)],
    )
    vi = describe(share_figure("vi", "Tỷ trọng", **kwargs), "vi")
    en = describe(share_figure("en", "Share", **kwargs), "en")
    assert vi == (
        "Tỷ trọng. Cả nước (TCTK): 12,7% năm 2020, 14,0% năm 2025. Kịch bản: 7,1% năm 2024, "
        "7,6% năm 2030. Quảng Ninh – thực tế: 7,1% năm 2024. Mục tiêu: 2030: 35%."
    )
    assert en == (
        "Share. Vietnam (GSO): 12.7% in 2020, 14.0% in 2025. Scenario: 7.1% in 2024, "
        "7.6% in 2030. Quảng Ninh – observed: 7.1% in 2024. Targets: 2030: 35%."
    )


def test_bands_hidden_entries_and_text_labels_say_nothing() -> None:
    fig = go.Figure()
    fig.add_scatter(x=[2020, 2021, 2021, 2020], y=[1, 2, 1, 0], fill="toself", name="band")
    fig.add_scatter(x=[None], y=[None], name="legend only")
    fig.add_scatter(x=[0, 0], y=[1, 2], mode="text", text=["a", "b"])
    fig.add_scatter(x=np.array([2020, 2030]), y=np.array([1.26, 3.0]), name="line")
    base_layout(fig, "en", "T", "y")
    assert describe(fig, "en") == "T. line: 1.3 in 2020, 3.0 in 2030."


def test_bars_name_each_bar_and_maps_their_range(ds) -> None:
    text = describe(hist.structure_figure(ds, "en"), "en")
    for r in ("Agriculture", "Industry", "Services"):
        assert r in text
    ev = evaluate_link("lang=vi", ds)
    sens = describe(sensitivity_for(ev, 2030, "vi"), "vi")
    assert " từ " in sens and " đến " in sens and "Kịch bản hiện tại" in sens


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_headline_chart_names_first_last_values_and_targets(ds, lang: str) -> None:
    ev = evaluate_link(f"pj=2027:25,2029:40&lang={lang}", ds)
    text = describe(headline_figure(ev, ds, lang, with_required=True), lang)
    share = ev.projection.share_pct
    years = ev.projection.years
    assert value_text(share[0], lang, "%") in text and value_text(share[-1], lang, "%") in text
    assert str(years[0]) in text and str(years[-1]) in text
    assert ("35%" in text) and ("2027" in text and "2029" in text)


def test_plain_drops_rich_text() -> None:
    assert plain("<b>A</b><br>B  <span style='x'>C</span>") == "A B C"


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_value_text_is_the_language_format(value: float) -> None:
    vi, en = value_text(value, "vi", "%"), value_text(value, "en", "%")
    assert vi.endswith("%") and en.endswith("%")
    assert vi.replace(".", "#").replace(",", ".").replace("#", ",") == en


# --- legibility --------------------------------------------------------------------------------------


def test_contrast_matches_wcag_reference_values() -> None:
    assert pal.contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert pal.contrast("#767676") == pytest.approx(4.54, abs=0.01)
    assert pal.contrast("#828180") < 4.5  # Streamlit's caption grey, issue 22


@given(st.sampled_from((*pal.SEQUENCE, pal.GREY, pal.TARGET, pal.TARGET_ALT, pal.USER)))
def test_ink_reaches_the_ratio_and_keeps_what_passes(colour: str) -> None:
    out = pal.ink(colour)
    assert pal.contrast(out) >= pal.TEXT_CONTRAST
    if pal.contrast(colour) >= pal.TEXT_CONTRAST:
        assert out == colour


def test_every_chart_text_colour_is_legible_once_in_the_browser_form(ds) -> None:
    ev = evaluate_link("pj=2027:25,2029:40", ds)
    figs = [headline_figure(ev, ds, "vi", with_required=True), hist.share_history_figure(ds, "vi")]
    for fig in figs:
        fig = for_browser(fig)
        for trace in fig.data:
            colours = getattr(getattr(trace, "textfont", None), "color", None)
            for c in [colours] if isinstance(colours, str) else list(colours or ()):
                assert pal.contrast(c) >= pal.TEXT_CONTRAST, (trace.name, c)
        for note in fig.layout.annotations:
            if note.font.color:
                assert pal.contrast(note.font.color, note.bgcolor or "#FFFFFF") >= pal.TEXT_CONTRAST


def test_legible_leaves_a_legible_figure_alone() -> None:
    fig = go.Figure(go.Scatter(x=[1], y=[1], mode="text", text=["a"], textfont={"color": "#000000"}))
    assert legible(fig).data[0].textfont.color == "#000000"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_charts_without_years_have_their_numbers_as_a_table(ds, lang: str) -> None:
    """Issue 22: a bar chart's and a map's numbers one control away, as the chart writes them."""
    from qn_model.views import peers
    from qn_model.views.chart_text import value_table
    from qn_model.views.figures import figure_table

    fig = peers.bars(ds, "targets", lang)
    assert figure_table(fig, lang) is None  # no years: the line charts' table has nothing
    table = value_table(fig, lang)
    bars = [tr for tr in fig.data if tr.type == "bar"]
    assert len(table) == sum(len(tr.x) for tr in bars)
    panels = [plain(a.text) for a in fig.layout.annotations]
    assert set(table.iloc[:, 0]) == set(panels)
    # Each row is a bar's own label and text, under its own panel's title.
    first = bars[0]
    top = max(fig.layout.annotations, key=lambda a: a.y)
    assert tuple(table.iloc[0]) == (plain(top.text), plain(first.customdata[0]), plain(first.text[0]))
    assert list(table.columns) == [t(f"chart_col_{c}", lang) for c in ("panel", "item", "value")]
    # One panel: no column of panels.
    single = value_table(hist.structure_figure(ds, lang), lang)
    assert list(single.columns) == [t("chart_col_item", lang), t("chart_col_value", lang)]
    # A map: a row per y, a column per x, each cell in the reader's number format.
    ev = evaluate_link(f"lang={lang}", ds)
    sens = sensitivity_for(ev, 2030, lang)
    grid = value_table(sens, lang)
    heat = sens.data[0]
    assert grid.shape == (len(heat.y), len(heat.x) + 1)
    assert grid.iloc[0, 1] == value_text(heat.z[0][0], lang, "%")
    assert grid.iloc[-1, -1] == value_text(heat.z[-1][-1], lang, "%")
