"""Trends: fit the annual series, backtest the models, explain the choice, carry rates over."""

import streamlit as st

from qn_model.i18n.formats import t
from qn_model.trends.suite import MODEL_KINDS
from qn_model.views.markup import md_escape
from qn_model.views.session.controls import apply_carried_rates, kept, pop_carried
from qn_model.views.session.keys import W_TREND_SERIES, trend_models_key
from qn_model.views.trends import carried_message, default_kinds, series_options, trend_view
from qn_ui.guard import route_through_app
from qn_ui.state import get_state
from qn_ui.widgets import chart

route_through_app()
state = get_state()
lang = state.lang
st.title(t("trends_title", lang))
st.caption(t("trends_intro", lang))

options = [s.series_id for s in series_options(state.ds)]
left, right = st.columns([2, 3])
series_id = left.selectbox(
    t("trends_pick_series", lang),
    options,
    format_func=lambda s: t(f"trend_series_{s}", lang),
    **kept(st.session_state, W_TREND_SERIES, options[0], valid=options),
)
kinds = right.multiselect(
    t("trends_pick_models", lang),
    MODEL_KINDS,
    format_func=lambda k: t(f"trend_model_{k}", lang),
    help=t("trends_models_help", lang),
    **kept(
        st.session_state, trend_models_key(series_id), default_kinds(state.ds, series_id), valid=MODEL_KINDS
    ),
)

view = trend_view(state.ds, series_id, kinds, lang, state.scenario)
with st.container(key="qn_lead"):  # an h2 after the h1, drawn small (qn_ui/app.css)
    st.markdown(f"## {md_escape(view.sentence)}")
if view.marks:  # a near tie, fits on a bound: what the choice rests on
    st.info("\n".join(f"- {md_escape(mark)}" for mark in view.marks), icon=":material/balance:")
chart(view.figure, key="trend_chart")

carried = pop_carried(st.session_state)
if carried:
    st.success(carried_message(carried, lang), icon=":material/check_circle:")
if view.carry is not None:
    with st.container(border=True):
        st.markdown(f"**{md_escape(view.carry_intro)}**")
        st.markdown("\n".join(f"- {md_escape(line)}" for line in view.carry_lines))
        st.button(
            view.carry_button,
            key="trend_carry",
            type="primary",
            icon=":material/input:",
            on_click=apply_carried_rates,
            args=(st.session_state, series_id, tuple(kinds)),
            disabled=view.carry_same,
        )
        if view.carry_same:
            st.caption(t("trend_carry_same", lang))
elif view.spec.carry is None:
    st.caption(t("trends_no_carry", lang))

st.subheader(t("trends_backtest_header", lang))
st.dataframe(view.table, hide_index=True, width="stretch", height="content")
st.caption(t("trends_backtest_note", lang))
