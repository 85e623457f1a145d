"""The meeting view's deck in the session (``pages/present.py``): its inputs, kept in the session
only (``qn_ui.state``'s ``DECK_*``: the opening scenario, pasted links, the slide shown), and the
buttons' callbacks.

The sidebar's widgets (``w_gd1``…) stay the single source of the scenario: every callback here
runs before they render and writes them, so the URL always reopens what is on the screen. What to
write is decided by ``qn_model.views.present``; this module reads and writes the session.
"""

from __future__ import annotations

import streamlit as st

from qn_model.core.compare_link import CompareSelection
from qn_model.core.scenario import Scenario
from qn_model.engine.presets import link_context, target_sets
from qn_model.views import present as pv
from qn_model.views.compare import split_links
from qn_model.views.pages import COMPARE_PAGE
from qn_model.views.slides import MAX_LINKS, Slide, without_present
from qn_ui.controls import CUSTOM, full_link
from qn_ui.state import (
    DECK_DROPPED,
    DECK_FROM,
    DECK_INDEX,
    DECK_LINKS,
    DECK_OPENED,
    DECK_OPENED_SET,
    DECK_TARGETS,
    W_DECK_LINKS_TEXT,
    W_DECK_TSET,
    W_LANG,
    W_PJ,
    W_TSET,
    AppState,
    compare_selection,
    context,
    get_state,
    scenario_from_widgets,
    widget_key,
)


def _widgets_scenario() -> Scenario:
    _, ctx = context()
    return scenario_from_widgets(ctx)


def opened_on_compare() -> bool:
    """The view was opened from the compare page: its scenarios are the deck."""
    return st.session_state.get(DECK_FROM) == COMPARE_PAGE


def compared(state: AppState) -> CompareSelection | None:
    """The compare page's scenarios when they are the deck (the meeting pack presents them)."""
    return compare_selection(state.ctx) if opened_on_compare() else None


def room_link(state: AppState) -> str:
    """The QR code's link: present=1 left out, a phone in the room opens the interactive app on
    the same scenario, on the page the view was opened from."""
    return full_link(without_present(state.query), page=st.session_state.get(DECK_FROM, ""))


def links_in_use() -> bool:
    return bool(st.session_state.get(DECK_LINKS))


def links_dropped() -> int:
    """How many pasted lines were over the limit."""
    return st.session_state.get(DECK_DROPPED, 0)


def current() -> tuple[Slide, ...]:
    """The deck (in a callback: the deck of the run on screen)."""
    ds, _ = context()
    if DECK_OPENED not in st.session_state:  # the first time: the scenario and set on screen
        st.session_state[DECK_OPENED] = _widgets_scenario()
        st.session_state[DECK_OPENED_SET] = st.session_state.get(W_TSET)
    targets = st.session_state.get(DECK_TARGETS)
    named = pv.naming_set(targets, st.session_state.get(W_DECK_TSET), st.session_state.get(DECK_OPENED_SET))
    links, presets = tuple(st.session_state.get(DECK_LINKS, ())), None
    if not links and opened_on_compare():
        sel = compare_selection(link_context(ds))  # the compare page's scenarios, as its link names them
        links, presets = sel.links, sel.presets
    return pv.deck(ds, st.session_state[DECK_OPENED], get_state().lang, links, targets, named, presets)


def shown(deck: tuple[Slide, ...], scn: Scenario) -> int:
    """The slide on screen, remembered for the callbacks."""
    index = pv.slide_shown(deck, st.session_state.get(DECK_INDEX, 0), scn)
    st.session_state[DECK_INDEX] = index
    return index


# --- callbacks: they run before the sidebar's widgets render, so writing their keys is allowed ---


def go(index: int) -> None:
    move = pv.go_to(current(), index)
    st.session_state[DECK_INDEX] = move.index
    for link_key, value in move.widgets.items():
        st.session_state[widget_key(link_key)] = value
    st.session_state[W_PJ] = move.projects  # a slide's projects (a preset's: none)
    st.session_state[W_TSET] = move.target_set


def nudge(link_key: str, delta: float) -> None:
    key = widget_key(link_key)
    st.session_state[key] = pv.nudged(link_key, st.session_state.get(key, 0.0), delta)


def _pick_targets() -> None:
    ds, _ = context()
    chosen = target_sets(ds).get(st.session_state.get(W_DECK_TSET))
    if chosen is None:
        return
    # Every slide is judged against the chosen set; the slide on screen is redrawn from the
    # rebuilt deck (the "meet targets" slide recomputes the growth it needs).
    index = st.session_state.get(DECK_INDEX, 0)
    on_slide = pv.on_slide(current(), index, _widgets_scenario())
    st.session_state[DECK_TARGETS] = (chosen.t1, chosen.t2)
    st.session_state[W_TSET] = st.session_state.get(W_DECK_TSET)
    for link_key, value in pv.target_widgets(chosen).items():
        st.session_state[widget_key(link_key)] = value
    if on_slide:
        go(index)


def use_links() -> None:
    links, dropped = split_links(st.session_state.get(W_DECK_LINKS_TEXT, ""), MAX_LINKS)
    st.session_state[DECK_LINKS] = links
    st.session_state[DECK_DROPPED] = dropped
    go(pv.first_link_slide(current()))


def use_presets() -> None:
    st.session_state.pop(DECK_LINKS, None)
    st.session_state.pop(DECK_DROPPED, None)
    go(0)


def switch_lang(lang: str) -> None:
    st.session_state[W_LANG] = pv.next_lang(lang)


def target_set_radio(state: AppState, label: str) -> None:
    """The target set every slide is judged against (the app's pick shown)."""
    sets = target_sets(state.ds)
    current_set = state.target_set  # the app's pick (the sidebar's, or the link's)
    st.session_state[W_DECK_TSET] = current_set
    st.radio(
        label,
        options=list(sets) + ([CUSTOM] if current_set == CUSTOM else []),
        key=W_DECK_TSET,
        format_func=lambda s: pv.target_set_label(s, sets, state.lang),
        on_change=_pick_targets,
    )
