"""Scenario: verdict metrics, the path against the targets with its fan, sensitivity, the table."""

import streamlit as st

from qn_model.figures import headline_figure, sensitivity_for
from qn_model.i18n import t
from qn_model.scenario import TARGET_YEAR_1, TARGET_YEAR_2
from qn_model.tables import path_table, verdict_table
from qn_ui import downloads
from qn_ui.guard import route_through_app
from qn_ui.state import get_state
from qn_ui.views import chart, history_warnings, verdict_row

route_through_app()
state = get_state()
lang, ev = state.lang, state.evaluation
st.title(t("scenario_title", lang))
verdict_row(state)
history_warnings(state)
chart(headline_figure(ev, state.ds, lang, with_required=True), key="scenario_chart")
st.caption(t("scenario_chart_note", lang))
st.subheader(t("verdicts_header", lang))
st.dataframe(verdict_table(ev, lang), hide_index=True, width="stretch")
st.subheader(t("sensitivity_header", lang))
st.caption(t("sensitivity_note", lang))
# One map at a time: tabs would build and send both on every slider move.
year = st.segmented_control(
    t("sensitivity_year", lang), [TARGET_YEAR_2, TARGET_YEAR_1], default=TARGET_YEAR_2, key="w_sens_year"
)
fig = sensitivity_for(ev, year or TARGET_YEAR_2, lang)
if fig is None:
    st.info(t("sensitivity_past", lang, year=year))
else:
    chart(fig, key="sensitivity_map")
st.subheader(t("path_header", lang))
st.dataframe(path_table(ev, lang), hide_index=True, width="stretch")
downloads.render(state)
