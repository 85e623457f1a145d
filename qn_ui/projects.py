"""The project editor and the "close the gap" action (issue 14), one of the scenario page's
details; its callbacks are ``qn_model/views/session/projects.py``."""

from __future__ import annotations

import streamlit as st

from qn_model.core.scenario import MAX_PROJECTS, PROJECT_MAX_VND_TRN, PROJECT_MIN_VND_TRN, TARGET_YEAR_2
from qn_model.i18n.formats import fmt_money, render, t
from qn_model.views import scenario as view
from qn_model.views.markup import md_escape
from qn_model.views.session import projects as sp
from qn_model.views.session.keys import (
    PJ_CLOSE_MESSAGE,
    W_PJ_CLOSE_YEAR,
    W_PJ_NEW_VALUE,
    W_PJ_NEW_YEAR,
)
from qn_ui.state import AppState

ss = st.session_state


def project_editor(state: AppState) -> None:
    """Add and remove up to five projects (start year, value), and close the 2030 gap with one."""
    lang, scn = state.lang, state.scenario
    st.caption(t("projects_intro", lang, n=MAX_PROJECTS))
    for notice in state.notices:
        if notice.code.startswith("projects_"):
            st.warning(md_escape(render(notice, lang)), icon=":material/warning:")
    years = view.project_years(scn)
    sp.ready_pickers(ss, years)
    with st.container(key="pj_list"):
        if not scn.projects:
            st.markdown(md_escape(t("projects_none", lang)))
        for i, p in enumerate(scn.projects):
            text_col, button_col = st.columns([5, 1], vertical_alignment="center")
            text_col.markdown("- " + md_escape(view.project_line(p, lang)))
            button_col.button(
                ":material/delete:",
                key=f"pj_remove_{i}",
                on_click=sp.remove,
                args=(ss, p),
                help=t("project_remove", lang, year=p.year),
            )
    if len(scn.projects) >= MAX_PROJECTS:
        st.caption(t("projects_full", lang, n=MAX_PROJECTS))
    else:
        year_col, value_col, add_col = st.columns([2, 2, 2], vertical_alignment="bottom")
        year_col.selectbox(t("project_year", lang), years, key=W_PJ_NEW_YEAR)
        value_col.number_input(
            t("project_value", lang),
            min_value=PROJECT_MIN_VND_TRN,
            max_value=PROJECT_MAX_VND_TRN,
            step=1.0,
            format="%.1f",
            key=W_PJ_NEW_VALUE,
        )
        add_col.button(
            t("project_add", lang), key="pj_add", on_click=sp.add, args=(ss,), icon=":material/add:"
        )
    _close_gap_section(state, years)


def _close_gap_section(state: AppState, years: list[int]) -> None:
    lang = state.lang
    v30 = next((v for v in state.headline if v.year == TARGET_YEAR_2), None)
    st.markdown(f"**{md_escape(t('close_gap_title', lang, year=TARGET_YEAR_2))}**")
    gap = None if v30 is None else v30.gap_vnd_trn
    closed = sp.still_closed(ss, state.scenario.projects)
    if gap:
        year_col, button_col = st.columns([2, 4], vertical_alignment="bottom")
        year_col.selectbox(t("close_gap_year", lang), years, key=W_PJ_CLOSE_YEAR)
        button_col.button(
            t("close_gap_button", lang, gap=fmt_money(gap, lang), year=TARGET_YEAR_2),
            key="pj_close_gap",
            on_click=sp.close_gap,
            args=(ss,),
            type="primary",
            icon=":material/flag:",
        )
    elif closed is None:  # met, or no money known: say which instead of a button that cannot act
        st.caption(t("close_gap_met" if gap == 0 else "close_gap_unavailable", lang, year=TARGET_YEAR_2))
    why = ss.pop(PJ_CLOSE_MESSAGE, None)
    if why:
        st.info(view.close_gap_why(why, gap, lang))
    if closed is not None:
        added, _ = closed
        msg_col, undo_col = st.columns([5, 1], vertical_alignment="center")
        msg_col.success(view.close_gap_done(added, lang), icon=":material/check_circle:")
        undo_col.button(
            t("close_gap_undo", lang), key="pj_undo", on_click=sp.undo, args=(ss,), icon=":material/undo:"
        )
