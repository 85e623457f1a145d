"""Scenario: the live scenario (the 2030 verdict and the 2026-2030 growth controls beside the path
against the targets with its fan, answered in the browser: ``qn_ui/live``), 2025's verdict, then
one detail at a time (the project editor, the chart's numbers and how to read it, year-by-year
table, verdicts, sensitivity map, downloads).

The page is a fragment: a released control reruns only it, not the router, the sidebar and the
navigation (measured in ``benchmarks/ui.py``).
"""

import logging

import plotly.graph_objects as go
import streamlit as st

from qn_model.i18n.formats import t
from qn_model.views import scenario as view
from qn_model.views.session.controls import kept
from qn_model.views.session.keys import W_DETAIL, W_SENS_YEAR
from qn_ui import downloads
from qn_ui.cards import history_warnings, realism_notice, verdict_card, verdict_list
from qn_ui.controls import share_link
from qn_ui.guard import route_through_app
from qn_ui.live.component import live_view
from qn_ui.projects import project_editor
from qn_ui.state import AppState, get_state, publish_url, refresh_state
from qn_ui.widgets import chart, figure_numbers, unexpected_error

LOG = logging.getLogger("qn_app")
LAYOUT = [0.36, 0.64]  # as the live component: verdicts and controls | chart


def sensitivity_section(state: AppState) -> None:
    lang = state.lang
    st.caption(t("sensitivity_note", lang))
    years = list(view.SENSITIVITY_YEARS)
    year = st.segmented_control(
        t("sensitivity_year", lang), years, **kept(st.session_state, W_SENS_YEAR, years[0], valid=years)
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
        **kept(st.session_state, W_DETAIL, None, valid=(None, *view.DETAILS)),
    )


def detail(state: AppState, choice: str | None, fig: go.Figure) -> None:
    """Only the chosen detail is built and sent: the sliders stay quick whatever the page holds."""
    lang = state.lang
    if choice == "projects":
        project_editor(state)
    elif choice == "chart":
        st.caption(t("scenario_chart_note", lang))
        spread = view.spread_note(state.evaluation, state.ds, lang)
        if spread:
            st.caption(spread)
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
    # The 2030 verdict, the 2026-2030 growth controls and the chart in one component, side by
    # side on a laptop and stacked on a phone: the browser redraws them on every move of a
    # control (qn_ui/live), and the run a release causes brings the fan, the probability and
    # everything below.
    # Should the chart fail, the controls and the verdict are still drawn (and work); the failure
    # is raised once they are.
    try:
        fig, failure = view.figure(state.evaluation, state.ds, lang), None
    except Exception as exc:
        fig, failure = None, exc
    live_view(state, fig)
    *earlier, _ = state.headline
    # 2025's verdict under the controls, the notices under the chart (the component's columns).
    verdicts, notes = st.columns(LAYOUT, gap="medium")
    with verdicts, st.container(key="scenario_verdicts_earlier"):
        verdict_list(state)  # both verdicts as one list, for a screen reader
        for v in earlier:
            verdict_card(state, v, stacked=True)
    with notes:
        history_warnings(state)
        realism_notice(state)
    choice = detail_choice(lang)
    detail_slot = st.container()
    share_link(state.query, lang)
    if failure is not None:
        raise failure
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
