"""Peers: Quảng Ninh's share beside other provinces' and the nation's, by method and year; the
provinces' own targets; 2025 growth; how fast a share has ever grown; every value with its source."""

import streamlit as st

from qn_model.i18n.formats import t
from qn_model.views import peers
from qn_model.views.markup import md_escape
from qn_ui.guard import route_through_app
from qn_ui.state import get_state
from qn_ui.widgets import chart

route_through_app()
state = get_state()
lang, ds = state.lang, state.ds

st.title(t("peers_title", lang))
st.caption(t("peers_intro", lang))

chart(peers.bars(ds, "share", lang), key="peers_share")
st.caption(t("peers_share_note", lang))

st.header(t("peers_readings_header", lang))  # h2 after the h1 (issue 22)
st.markdown("\n".join("- " + md_escape(line) for line in peers.readings(ds, lang)))

for part in peers.PARTS[1:]:
    st.header(t(f"peers_{part}_header", lang))
    chart(peers.bars(ds, part, lang), key=f"peers_{part}")

st.header(t("peers_dist_header", lang))
st.caption(peers.distance_note(ds, lang))
st.dataframe(peers.distance_table(ds, lang), hide_index=True, width="stretch", key="peers_distance")

st.header(t("peers_realism_header", lang))
st.caption(t("peers_realism_intro", lang))
st.dataframe(peers.series(ds, lang), hide_index=True, width="stretch", key="peers_series")
lines = peers.realism_now(state.scenario, state.headline, ds, lang)
if lines:
    st.markdown(f"**{md_escape(t('peers_realism_now', lang))}**")
    st.markdown("\n".join("- " + md_escape(line) for line in lines))

st.header(t("peers_table_header", lang))
st.dataframe(
    peers.values(ds, lang),
    hide_index=True,
    width="stretch",
    column_config={
        peers.link_column(lang): st.column_config.LinkColumn(display_text=peers.LINK_DISPLAY_REGEX)
    },
    key="peers_values",
)
