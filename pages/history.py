"""History: the observed figures, Quảng Ninh beside the national series, every value with its source."""

import streamlit as st

from qn_model.data.codebook import GROWTH_ID, LEVEL_ID, PROVINCE
from qn_model.i18n.formats import t
from qn_model.views import history as hist
from qn_model.views.markup import md_escape
from qn_ui.guard import route_through_app
from qn_ui.state import get_state
from qn_ui.widgets import chart

route_through_app()
state = get_state()
lang, ds = state.lang, state.ds
LINKS = {hist.link_column(lang): st.column_config.LinkColumn(display_text=hist.LINK_DISPLAY_REGEX)}


def table(frame, key: str) -> None:
    st.dataframe(frame, hide_index=True, width="stretch", column_config=LINKS, key=key)


st.title(t("hist_title", lang))
st.caption(t("hist_intro", lang))

chart(hist.share_history_figure(ds, lang), key="history_share")
st.info(md_escape(hist.share_note(ds, lang)), icon=":material/info:")

st.header(t("hist_growth_header", lang))
chart(hist.growth_figure(ds, lang), key="history_growth")
growth_gap = hist.gap_note(ds.series(GROWTH_ID, PROVINCE), lang)
if growth_gap:
    st.caption(md_escape(growth_gap))
left, right = st.columns(2)
with left:
    chart(hist.indicator_figure(ds, LEVEL_ID, PROVINCE, lang), key="history_level")
    level_gap = hist.gap_note(ds.series(LEVEL_ID, PROVINCE), lang)
    if level_gap:
        st.caption(md_escape(level_gap))
with right:
    structure = hist.structure_figure(ds, lang)
    if structure is not None:
        chart(structure, key="history_structure")

st.subheader(t("hist_other_header", lang))
options = hist.series_options(ds)
default = (hist.PER_CAPITA_ID, PROVINCE)
picked = st.selectbox(
    t("hist_pick_series", lang),
    options=options,
    index=options.index(default) if default in options else 0,
    format_func=lambda o: hist.series_option_label(ds, o, lang),
    key="history_pick",
)
if picked is not None:
    chart(hist.indicator_figure(ds, picked[0], picked[1], lang), key="history_picked")
    for note in (hist.single_point_note(ds, *picked, lang), hist.gap_note(ds.series(*picked), lang)):
        if note:
            st.caption(md_escape(note))

st.header(t("hist_society_header", lang))
st.caption(t("hist_society_note", lang))
for i, block in enumerate(hist.society_blocks(ds, lang)):
    with st.container(border=True):
        st.subheader(block.title)
        if block.target_label:
            cols = st.columns([1, 1, 2])
            cols[0].metric(block.target_label, block.target_value)
            cols[1].metric(t("hist_col_qn_value", lang), block.value_text)
            with cols[2]:
                colour = "gray" if block.met is None else ("green" if block.met else "red")
                st.markdown(f"### :{colour}-badge[{md_escape(block.status)}]")
                st.caption(md_escape(t("hist_target_source", lang, source=block.target_source)))
                if block.target_url:
                    st.link_button(
                        t("hist_open_source", lang), block.target_url, icon=":material/open_in_new:"
                    )
        if len(block.related):
            if block.target_label:
                st.caption(t("hist_related_for", lang))
            table(block.related, key=f"history_related_{i}")

st.header(t("hist_table_header", lang))
chosen = st.multiselect(
    t("hist_filter", lang),
    options=hist.indicator_options(ds, lang),
    format_func=lambda i: ds.name(i, lang),
    placeholder=t("hist_filter_placeholder", lang),
    key="history_filter",
)
table(hist.values_table(ds, lang, chosen), key="history_values")
st.caption(t("hist_table_note", lang))
