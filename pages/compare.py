"""Compare: two to four scenarios side by side – paths, assumptions, outcomes."""

import streamlit as st

from qn_model.engine.presets import PRESETS
from qn_model.i18n.formats import render, t
from qn_model.views.compare import (
    MAX_LINK_CHARS,
    assumptions_table,
    build_comparison,
    compare_figure,
    outcomes_table,
    style_outcomes,
)
from qn_model.views.markup import md_escape
from qn_model.views.session.controls import compare_selection, kept
from qn_model.views.session.keys import CMP_CURRENT, CMP_LINKS, CMP_PRESETS
from qn_ui import downloads
from qn_ui.guard import route_through_app
from qn_ui.state import get_state
from qn_ui.widgets import chart, notices

route_through_app()
state = get_state()
lang = state.lang
st.title(t("compare_title", lang))
st.caption(t("compare_intro", lang))

with st.container(border=True):
    st.markdown(f"**{t('cmp_sources_header', lang)}**")
    left, right = st.columns([2, 3])
    with left:
        # The selection is in the link (cmp): the app wrote it from these inputs' values.
        selected = compare_selection(st.session_state, state.ctx)
        st.checkbox(
            t("cmp_include_current", lang), **kept(st.session_state, CMP_CURRENT, selected.include_current)
        )
        st.multiselect(
            t("cmp_pick_presets", lang),
            PRESETS,
            format_func=lambda name: t(f"preset_{name}", lang),
            **kept(st.session_state, CMP_PRESETS, list(selected.presets), valid=PRESETS, order=PRESETS),
            help=t("cmp_pick_presets_help", lang),
        )
    with right:
        links_text = st.text_area(
            t("cmp_links", lang),
            **kept(st.session_state, CMP_LINKS, selected.links_text()),
            max_chars=MAX_LINK_CHARS,
            placeholder=t("cmp_links_placeholder", lang),
            help=t("cmp_links_help", lang),
            height=130,
        )

cmp = build_comparison(
    state.ds,
    state.scenario,
    include_current=selected.include_current,
    current_evaluation=state.evaluation,
    presets=selected.presets,
    links_text=links_text,
)
notices(cmp.notices, lang)
for item in cmp.items:
    if item.notices:
        st.warning(
            "\n\n".join(
                md_escape(t("cmp_link_notice", lang, label=item.title(lang), message=render(n, lang)))
                for n in item.notices
            ),
            icon=":material/link_off:",
        )

if cmp.items:
    chart(compare_figure(cmp, state.ds, lang), key="compare_chart")
    st.header(t("cmp_outcomes_header", lang))  # h2 after the h1 (issue 22)
    st.dataframe(
        style_outcomes(outcomes_table(cmp, lang), lang), hide_index=True, width="stretch", height="content"
    )
    st.caption(t("cmp_outcomes_note", lang))
    st.header(t("cmp_assumptions_header", lang))
    st.dataframe(assumptions_table(cmp, lang), hide_index=True, width="stretch", height="content")
    st.subheader(t("dl_pack_header", lang))
    downloads.pack_buttons(state, "compare", selected)  # the deck: a slide per compared scenario
