"""The project editor and the "close the gap" action (issue 14).

The scenario's projects live in the session under ``state.W_PJ`` (a tuple of ``Project``), and
from there in the link's ``pj`` like every other assumption: every change here is a callback
that writes that key before the run, and the run writes the URL. Shown as one of the scenario
page's details, so it is built only when chosen and costs the slider path nothing otherwise.
"""

from __future__ import annotations

import streamlit as st

from qn_model.core.scenario import (
    MAX_PROJECTS,
    PROJECT_MAX_VND_TRN,
    PROJECT_MIN_VND_TRN,
    TARGET_YEAR_2,
    Project,
    as_projects,
)
from qn_model.i18n.formats import fmt_money, render, t
from qn_model.views import scenario as view
from qn_model.views.markup import md_escape
from qn_ui.state import (
    PJ_CLOSE_MESSAGE,
    PJ_CLOSE_YEAR_KEPT,
    PJ_CLOSED,
    W_PJ,
    W_PJ_CLOSE_YEAR,
    W_PJ_NEW_VALUE,
    W_PJ_NEW_YEAR,
    AppState,
    context,
    scenario_from_widgets,
)


def _projects() -> tuple[Project, ...]:
    return as_projects(st.session_state.get(W_PJ, ()))


def _set(projects: tuple[Project, ...]) -> None:
    st.session_state[W_PJ] = as_projects(projects)


def _add() -> None:
    _set(view.added(_projects(), st.session_state.get(W_PJ_NEW_YEAR), st.session_state.get(W_PJ_NEW_VALUE)))


def _remove(project: Project) -> None:
    _set(view.removed(_projects(), project))


def _close_gap() -> None:
    year = int(st.session_state.get(W_PJ_CLOSE_YEAR) or TARGET_YEAR_2)
    st.session_state[PJ_CLOSE_YEAR_KEPT] = year
    ds, ctx = context()
    added, why = view.closing(scenario_from_widgets(ctx), ds, year)
    if added is None:
        st.session_state[PJ_CLOSE_MESSAGE] = why
        st.session_state.pop(PJ_CLOSED, None)
        return
    before = _projects()
    _set((*before, added))
    st.session_state[PJ_CLOSED] = (added, before)
    st.session_state.pop(PJ_CLOSE_MESSAGE, None)


def _undo() -> None:
    closed = st.session_state.pop(PJ_CLOSED, None)
    if closed is not None:
        _set(closed[1])


def project_editor(state: AppState) -> None:
    """Add and remove up to five projects (start year, value), and close the 2030 gap with one."""
    lang, scn = state.lang, state.scenario
    st.caption(t("projects_intro", lang, n=MAX_PROJECTS))
    for notice in state.notices:
        if notice.code.startswith("projects_"):
            st.warning(md_escape(render(notice, lang)), icon=":material/warning:")
    years = view.project_years(scn)
    with st.container(key="pj_list"):
        if not scn.projects:
            st.markdown(md_escape(t("projects_none", lang)))
        for i, p in enumerate(scn.projects):
            text_col, button_col = st.columns([5, 1], vertical_alignment="center")
            text_col.markdown("- " + md_escape(view.project_line(p, lang)))
            button_col.button(
                ":material/delete:",
                key=f"pj_remove_{i}",
                on_click=_remove,
                args=(p,),
                help=t("project_remove", lang, year=p.year),
            )
    if len(scn.projects) >= MAX_PROJECTS:
        st.caption(t("projects_full", lang, n=MAX_PROJECTS))
    else:
        if st.session_state.get(W_PJ_NEW_YEAR) not in years:
            st.session_state[W_PJ_NEW_YEAR] = view.first_pick(years)
        st.session_state.setdefault(W_PJ_NEW_VALUE, 10.0)
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
        add_col.button(t("project_add", lang), key="pj_add", on_click=_add, icon=":material/add:")
    _close_gap_section(state, years)


def _close_gap_section(state: AppState, years: list[int]) -> None:
    lang = state.lang
    v30 = next((v for v in state.headline if v.year == TARGET_YEAR_2), None)
    st.markdown(f"**{md_escape(t('close_gap_title', lang, year=TARGET_YEAR_2))}**")
    if st.session_state.get(W_PJ_CLOSE_YEAR) not in years:
        st.session_state[W_PJ_CLOSE_YEAR] = view.first_pick(years, st.session_state.get(PJ_CLOSE_YEAR_KEPT))
    gap = None if v30 is None else v30.gap_vnd_trn
    closed = st.session_state.get(PJ_CLOSED)
    if gap:
        year_col, button_col = st.columns([2, 4], vertical_alignment="bottom")
        year_col.selectbox(t("close_gap_year", lang), years, key=W_PJ_CLOSE_YEAR)
        button_col.button(
            t("close_gap_button", lang, gap=fmt_money(gap, lang), year=TARGET_YEAR_2),
            key="pj_close_gap",
            on_click=_close_gap,
            type="primary",
            icon=":material/flag:",
        )
    elif closed is None:  # met, or no money known: say which instead of a button that cannot act
        st.caption(t("close_gap_met" if gap == 0 else "close_gap_unavailable", lang, year=TARGET_YEAR_2))
    why = st.session_state.pop(PJ_CLOSE_MESSAGE, None)
    if why:
        st.info(view.close_gap_why(why, gap, lang))
    if closed is not None:
        added, before = closed
        if state.scenario.projects != as_projects((*before, added)):
            st.session_state.pop(PJ_CLOSED, None)  # changed since: nothing left to undo here
            return
        msg_col, undo_col = st.columns([5, 1], vertical_alignment="center")
        msg_col.success(view.close_gap_done(added, lang), icon=":material/check_circle:")
        undo_col.button(t("close_gap_undo", lang), key="pj_undo", on_click=_undo, icon=":material/undo:")
