"""Overview: the verdict first, then the headline chart, then what the data stands on."""

import streamlit as st

from qn_model.i18n.formats import t
from qn_model.views import overview
from qn_ui.cards import data_basis, history_warnings, verdict_details, verdict_row
from qn_ui.guard import route_through_app
from qn_ui.state import get_state
from qn_ui.widgets import chart

route_through_app()
state = get_state()
lang = state.lang
st.title(t("app_title", lang))  # the page's one h1
verdict_row(state)
chart(overview.figure(state.evaluation, state.ds, lang), key="overview_chart")
verdict_details(state)
history_warnings(state)
data_basis(state)
