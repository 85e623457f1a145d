"""Peers: Quảng Ninh's share beside other provinces' and the nation's, by method and year; the
provinces' own targets; 2025 growth; how fast a share has ever grown; every value with its source."""

import streamlit as st

from qn_model.data import peers
from qn_model.i18n.formats import t
from qn_model.views import peer_text
from qn_model.views.history import LINK_DISPLAY_REGEX
from qn_model.views.peer_figures import peer_bars_figure
from qn_model.views.realism_text import realism_lines, series_table
from qn_ui.guard import route_through_app
from qn_ui.safe import md_escape
from qn_ui.state import get_state
from qn_ui.views import chart

route_through_app()
state = get_state()
lang, ds = state.lang, state.ds

st.title(t("peers_title", lang))
st.caption(t("peers_intro", lang))

share = peer_bars_figure(
    peers.share_groups(ds), lang, t("peers_share_title", lang), t("peers_axis_share", lang)
)
chart(share, key="peers_share", with_data=False)
st.caption(t("peers_share_note", lang))

st.header(t("peers_readings_header", lang))  # h2 after the h1 (issue 22)
st.markdown("\n".join("- " + md_escape(line) for line in peer_text.readings(ds, lang)))

for part, groups, axis in (
    ("targets", peers.target_groups(ds), "peers_axis_share"),
    ("growth", peers.growth_groups(ds), "peers_axis_growth"),
):
    st.header(t(f"peers_{part}_header", lang))
    fig = peer_bars_figure(groups, lang, t(f"peers_{part}_title", lang), t(axis, lang))
    chart(fig, key=f"peers_{part}", with_data=False)

st.header(t("peers_realism_header", lang))
st.caption(t("peers_realism_intro", lang))
st.dataframe(series_table(ds, lang), hide_index=True, width="stretch", key="peers_series")
lines = realism_lines(state.scenario, state.headline, ds, lang)
if lines:
    st.markdown(f"**{md_escape(t('peers_realism_now', lang))}**")
    st.markdown("\n".join("- " + md_escape(line) for line in lines))

st.header(t("peers_table_header", lang))
link = t("hist_col_link", lang)
st.dataframe(
    peer_text.values_table(ds, lang),
    hide_index=True,
    width="stretch",
    column_config={link: st.column_config.LinkColumn(display_text=LINK_DISPLAY_REGEX)},
    key="peers_values",
)
