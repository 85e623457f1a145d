"""Scenario: verdicts and the growth sliders beside the path against the targets with its fan, then
one detail at a time (the project editor, the chart's numbers and how to read it, year-by-year
table, verdicts, sensitivity map, downloads).

The part that follows the sliders is a fragment: moving a growth slider reruns only it, not the
router, the sidebar and the navigation (measured in ``benchmarks/ui.py``).
"""

import logging
import time

import plotly.graph_objects as go
import streamlit as st

from qn_model.i18n.formats import t
from qn_model.views import scenario as view
from qn_ui import downloads
from qn_ui.cards import history_warnings, realism_notice, verdict_card
from qn_ui.carry import kept
from qn_ui.controls import growth_controls, share_link
from qn_ui.guard import route_through_app
from qn_ui.projects import project_editor
from qn_ui.state import W_DETAIL, W_SENS_YEAR, AppState, get_state, publish_url, refresh_state
from qn_ui.widgets import chart, figure_numbers, unexpected_error, wait_out_frame

LOG = logging.getLogger("qn_app")
LAYOUT = [0.36, 0.64]  # verdicts and sliders | chart


def sensitivity_section(state: AppState) -> None:
    lang = state.lang
    st.caption(t("sensitivity_note", lang))
    years = list(view.SENSITIVITY_YEARS)
    year = st.segmented_control(
        t("sensitivity_year", lang), years, **kept(W_SENS_YEAR, years[0], valid=years)
    )
    fig = view.sensitivity(state.evaluation, year, lang)
    if fig is None:
        st.info(t("sensitivity_past", lang, year=year))
    else:
        chart(fig, key="sensitivity_map")


def detail_choice(lang: str) -> str | None:
    # The first screen is verdicts, chart and sliders; details on demand, and the one picked is
    # still there after a visit to another page.
    return st.segmented_control(
        t("detail_show", lang),
        view.DETAILS,
        format_func=lambda d: t(f"detail_{d}", lang),
        help=t("detail_help", lang),
        **kept(W_DETAIL, None, valid=(None, *view.DETAILS)),
    )


def detail(state: AppState, choice: str | None, fig: go.Figure) -> None:
    """Only the chosen detail is built and sent: the sliders stay quick whatever the page holds."""
    lang = state.lang
    if choice == "projects":
        project_editor(state)
    elif choice == "chart":
        st.caption(t("scenario_chart_note", lang))
        figure_numbers(fig, lang)
    elif choice == "path":
        table, note = view.path(state.evaluation, state.ds, lang)
        st.dataframe(table, hide_index=True, width="stretch")
        st.caption(note)
    elif choice == "verdicts":
        st.dataframe(view.verdicts(state.evaluation, lang), hide_index=True, width="stretch")
    elif choice == "sensitivity":
        sensitivity_section(state)
    elif choice == "downloads":
        downloads.render(state)


def _live_scenario() -> None:
    state = refresh_state()
    lang = state.lang
    # Verdicts and sliders in a column beside the chart: on a laptop's first screen (1280×720) the
    # 2030 verdict, the 2026-2030 sliders and the chart's targets are all in view, so a planner
    # moves a slider and watches the verdict and the line move together. On a phone the columns
    # stack: verdicts, sliders, chart.
    # In that column the 2030 verdict comes first, the 2026-2030 sliders (which move only it)
    # right under it, then 2025's.
    controls, chart_col = st.columns(LAYOUT, gap="medium")
    *earlier, latest = state.headline
    with controls, st.container(key="scenario_verdicts_latest"):  # compact cards (qn_ui/layout.py)
        verdict_card(state, latest, stacked=True)
    verdicts_sent = time.perf_counter()
    # What follows the 2030 verdict goes out one display frame after it (widgets.HEADLINE_FRAME_S):
    # the browser draws a chart in one long task, which would otherwise often come before it
    # paints the new verdict; and the fewer elements reach the browser with the verdict, the
    # sooner it is painted. The chart (Monte Carlo, figure) is built meanwhile; should that fail,
    # the failure is raised once the sliders are drawn, so that they still work.
    try:
        fig, failure = view.figure(state.evaluation, state.ds, lang), None
    except Exception as exc:
        fig, failure = None, exc
    wait_out_frame(verdicts_sent)
    # Each element is sent where it shows, in order (no placeholder containers): every element
    # and container here is sent again and redrawn by the browser on each slider move, and each
    # costs the browser a render of the page (BENCHMARKS.md, issue 12). The chart's notes and
    # numbers are a detail.
    with controls:
        growth_controls(lang, periods=(2,), compact=True)
        with st.container(key="scenario_verdicts_earlier"):
            for v in earlier:
                verdict_card(state, v, stacked=True)
            history_warnings(state)
            realism_notice(state)
    choice = detail_choice(lang)
    detail_slot = st.container()
    share_link(state.query, lang)
    if failure is not None:
        raise failure
    with chart_col:
        chart(fig, key="scenario_chart", with_data=False)
    with detail_slot:
        detail(state, choice, fig)
    publish_url()  # last: the address bar's update reaches the browser after the verdicts


@st.fragment
def live_scenario() -> None:
    # A fragment's run does not pass through app.py's last line of defence: its own here. The
    # URL is still written, so the address bar keeps following the sliders.
    try:
        _live_scenario()
    except Exception:
        LOG.exception("scenario fragment failed")
        publish_url()
        unexpected_error(get_state().lang)


route_through_app()
st.title(t("scenario_title", get_state().lang))
live_scenario()
