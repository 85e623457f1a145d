"""Meeting view (``present=1`` in a link opened on any page leads here): large type, the verdicts
first and big, one chart, only the decisive controls, a deck of scenarios stepped through with
buttons or the keyboard (a presenter's clicker sends PageDown/PageUp), and a QR code of the
scenario so the room can open it on their phones. Opened from the compare page, the deck is the
compared scenarios (the link's ``cmp`` selection), until the presenter pastes links here.

The sidebar's widgets (``w_gd1``…) stay the single source of the scenario: every button here
writes them in an ``on_click`` callback (before they render), so the URL always reopens what is
on the screen. The deck's inputs (the opening scenario, pasted links, the slide shown) live in
the session only (``qn_ui.state``'s ``DECK_*``).
"""

import streamlit as st

from qn_model.core.messages import N_
from qn_model.core.scenario import TARGET_YEAR_1, Scenario
from qn_model.engine.plausibility import beyond_history
from qn_model.engine.presets import link_context, target_sets
from qn_model.i18n.formats import render, t
from qn_model.views import present as pv
from qn_model.views.compare import split_links
from qn_model.views.slides import (
    KIND_LINK,
    MAX_LINKS,
    Slide,
    slide_figure,
    step,
    without_present,
)
from qn_ui import downloads, layout
from qn_ui.a11y import VERDICTS_KEY
from qn_ui.controls import CUSTOM, full_link
from qn_ui.guard import route_through_app
from qn_ui.live.component import live_view
from qn_ui.pages_registry import COMPARE_PAGE
from qn_ui.safe import md_escape
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
    leave_present,
    scenario_from_widgets,
    widget_key,
)
from qn_ui.widgets import notices, qr_code

HEADER = [1.2, 1]  # title and rates | buttons
CONTROLS_ROW = [0.22, 0.30, 0.24, 0.24]  # QR | 2025's verdict | its DE growth | target set


def _widgets_scenario() -> Scenario:
    _, ctx = context()
    return scenario_from_widgets(ctx)


def _deck() -> tuple[Slide, ...]:
    ds, _ = context()
    if DECK_OPENED not in st.session_state:  # the first time: the scenario and set on screen
        st.session_state[DECK_OPENED] = _widgets_scenario()
        st.session_state[DECK_OPENED_SET] = st.session_state.get(W_TSET)
    targets = st.session_state.get(DECK_TARGETS)
    # The set the presenter picked names every slide; else the one the scenario was opened with.
    named = st.session_state.get(W_DECK_TSET if targets is not None else DECK_OPENED_SET)
    links, presets = tuple(st.session_state.get(DECK_LINKS, ())), None
    if not links and st.session_state.get(DECK_FROM) == COMPARE_PAGE:
        sel = compare_selection(link_context(ds))  # the compare page's scenarios, as its link names them
        links, presets = sel.links, sel.presets
    # In a callback, the state of the run on screen: the deck it showed.
    return pv.deck(ds, st.session_state[DECK_OPENED], get_state().lang, links, targets, named, presets)


# --- callbacks: they run before the sidebar's widgets render, so writing their keys is allowed ---


def _apply(scn: Scenario) -> None:
    for link_key, value in pv.widget_values(scn).items():
        st.session_state[widget_key(link_key)] = value
    st.session_state[W_PJ] = scn.projects  # a slide's projects (a preset's: none)


def _go(index: int) -> None:
    deck = _deck()
    index = step(index, 0, len(deck))
    st.session_state[DECK_INDEX] = index
    _apply(deck[index].scenario)
    st.session_state[W_TSET] = deck[index].spec.target_set


def _nudge(link_key: str, delta: float) -> None:
    key = widget_key(link_key)
    st.session_state[key] = pv.nudged(link_key, st.session_state.get(key, 0.0), delta)


def _pick_targets() -> None:
    ds, _ = context()
    chosen = target_sets(ds).get(st.session_state.get(W_DECK_TSET))
    if chosen is None:
        return
    # Every slide is judged against the chosen set; the slide on screen is redrawn from the
    # rebuilt deck (the "meet targets" slide recomputes the growth it needs).
    old = _deck()
    index = st.session_state.get(DECK_INDEX, 0)
    on_slide = 0 <= index < len(old) and old[index].scenario == _widgets_scenario()
    st.session_state[DECK_TARGETS] = (chosen.t1, chosen.t2)
    st.session_state[W_TSET] = st.session_state.get(W_DECK_TSET)
    st.session_state[widget_key("t1")] = chosen.t1
    st.session_state[widget_key("t2")] = chosen.t2
    if on_slide:
        _go(index)


def _use_links() -> None:
    links, dropped = split_links(st.session_state.get(W_DECK_LINKS_TEXT, ""), MAX_LINKS)
    st.session_state[DECK_LINKS] = links
    st.session_state[DECK_DROPPED] = dropped
    _go(next((i for i, s in enumerate(_deck()) if s.spec.kind == KIND_LINK), 0))


def _use_presets() -> None:
    st.session_state.pop(DECK_LINKS, None)
    st.session_state.pop(DECK_DROPPED, None)
    _go(0)


def _switch_lang(lang: str) -> None:
    st.session_state[W_LANG] = pv.next_lang(lang)


# --- the view -------------------------------------------------------------------------------------


def header(state: AppState, deck: tuple[Slide, ...], index: int, adjusted: bool) -> None:
    lang, n = state.lang, len(deck)
    title_col, buttons = st.columns(HEADER, vertical_alignment="top")
    with title_col:
        with st.container(key="present_title"):  # the view's h1 (issue 22), sized in qn_ui/layout.py
            st.markdown("# " + md_escape(pv.title_line(deck, index, adjusted, lang)))
        with st.container(key="present_rates"):
            st.markdown(md_escape(pv.rates_line(state.scenario, lang)))
    # The buttons in one row that wraps when the screen is narrow (every label whole). (direction,
    # key, arrow key, a clicker's key, button type): a clicker sends PageUp/PageDown, a second,
    # hidden button per direction takes it.
    with buttons, st.container(horizontal=True, horizontal_alignment="right", gap="small"):
        for delta, key, arrow, clicker, kind in (
            (-1, N_("present_prev"), "Left", "PageUp", "secondary"),
            (1, N_("present_next"), "Right", "PageDown", "primary"),
        ):
            target = step(index, delta, n)
            common = {"on_click": _go, "args": (target,), "disabled": target == index}
            st.button(
                t(key, lang), key=key, shortcut=arrow, help=t("present_keys_help", lang), type=kind, **common
            )
            st.button(clicker, key=f"{key}_{clicker.lower()}", shortcut=clicker, **common)
        st.button(pv.lang_button(lang), key="present_lang", on_click=_switch_lang, args=(lang,))
        st.button(
            t("present_exit", lang),
            key="present_exit",
            on_click=leave_present,
            icon=":material/close_fullscreen:",
        )
    if adjusted:
        st.button(
            t("present_back_to_slide", lang),
            key="present_reset",
            on_click=_go,
            args=(index,),
            icon=":material/undo:",
        )


def live_block(state: AppState, verdicts_col, nudge_cols) -> None:
    """What the live component (2030's verdict, its growth controls and nudges, the chart) leaves
    to the server: 2025's verdict and its DE growth with the nudge buttons."""
    lang, scn = state.lang, state.scenario
    with verdicts_col, st.container(key=VERDICTS_KEY):  # read as a list (qn_ui/a11y.py)
        for card in pv.verdict_cards(state.evaluation.verdicts, scn, lang)[1:]:  # 2030's is live
            verdict(card)
    for col, link_key, year in zip(nudge_cols, ("gd1",), (TARGET_YEAR_1,), strict=True):
        with col:
            st.markdown(f"**{md_escape(t(f'present_{link_key}', lang))}**")
            with st.container(key=f"pvrate_{link_key}"):
                st.markdown(md_escape(pv.rate_text(scn, link_key, lang)))
            # One row, wrapping onto a second when the column is narrow (each label whole).
            with st.container(horizontal=True, gap="small"):
                for delta in pv.NUDGES:
                    st.button(
                        pv.nudge_label(delta),
                        key=f"present_nudge_{link_key}_{delta:+.0f}",
                        on_click=_nudge,
                        args=(link_key, delta),
                        help=pv.nudge_help(delta, year, lang),
                    )


def verdict(card: pv.VerdictCard) -> None:
    """One target: what it is, the coloured word, the value and margin, what it would take."""
    with st.container(border=True, key=f"pvbox_{card.year}"):
        with st.container(key=f"pvtarget_{card.year}"):
            st.markdown(md_escape(card.target))
        with st.container(horizontal=True, vertical_alignment="center", gap="medium"):
            with st.container(key=f"pvword_{card.status}_{card.year}", width="content"):
                st.markdown(md_escape(card.word))
            st.metric(card.label, card.value, card.delta, delta_color="normal", width="content")
        st.markdown(md_escape(card.sentence))
        if card.caveat:
            st.caption(md_escape(card.caveat))


def target_set_radio(state: AppState) -> None:
    lang, sets = state.lang, target_sets(state.ds)
    current = state.target_set  # the app's pick (the sidebar's, or the link's)
    st.session_state[W_DECK_TSET] = current
    st.radio(
        t("target_set", lang),
        options=list(sets) + ([CUSTOM] if current == CUSTOM else []),
        key=W_DECK_TSET,
        format_func=lambda s: pv.target_set_label(s, sets, lang),
        on_change=_pick_targets,
    )


def deck_panel(state: AppState, deck: tuple[Slide, ...], index: int) -> None:
    """The deck at a glance (a button per slide) and the links to present instead of presets."""
    lang = state.lang
    with st.expander(t("present_deck_title", lang, n=len(deck)), icon=":material/view_carousel:"):
        for i, slide in enumerate(deck):
            line = md_escape(pv.deck_line(slide, i, index, lang))
            st.button(line, key=f"present_goto_{i}", on_click=_go, args=(i,), type="tertiary")
            if slide.spec.notices:
                notices(slide.spec.notices, lang)
        dropped = st.session_state.get(DECK_DROPPED, 0)
        if dropped:
            st.warning(md_escape(t("present_links_dropped", lang, max=MAX_LINKS, n=dropped)))
        st.text_area(
            t("present_links_label", lang, max=MAX_LINKS),
            key=W_DECK_LINKS_TEXT,
            height=160,
            placeholder="https://…/?gd2=20&t2=30\nhttps://…/?gy2=8&gd2=15",
        )
        c1, c2 = st.columns(2)
        c1.button(t("present_links_apply", lang), key="present_links_apply", on_click=_use_links)
        if st.session_state.get(DECK_LINKS):
            c2.button(t("present_links_reset", lang), key="present_links_reset", on_click=_use_presets)
        st.markdown(f"**{md_escape(t('dl_pack_header', lang))}**")
        opened_on_compare = st.session_state.get(DECK_FROM) == COMPARE_PAGE  # as _deck decides
        downloads.pack_buttons(state, "present", compare_selection(state.ctx) if opened_on_compare else None)


route_through_app()
state = get_state()
lang = state.lang
st.html(layout.PRESENT_CSS)
deck = _deck()
index = pv.slide_shown(deck, st.session_state.get(DECK_INDEX, 0), state.scenario)
st.session_state[DECK_INDEX] = index
header(state, deck, index, adjusted=deck[index].scenario != state.scenario)
# The 2030 verdict (the one still open, what the meeting decides), its growth controls with the
# nudges, and the chart, which takes the larger part of the screen (at least half of it on a
# 1024 px projector): the live component, answered in the browser as the presenter moves them
# (qn_ui/live). The QR code, 2025's verdict and controls and the target set in a row under it.
# Within a verdict, the word and the value sit side by side when there is room and wrap one
# under the other when not (a horizontal container), never squeezed.
live_view(state, slide_figure(state.evaluation, state.ds, lang), present=True)
for notice in beyond_history(state.scenario, state.ds):
    st.caption("⚠ " + md_escape(render(notice, lang)))
qr_col, verdict_col, gd1_col, set_col = st.columns(CONTROLS_ROW, gap="medium")
live_block(state, verdict_col, (gd1_col,))
with qr_col:
    # present=1 left out: a phone in the room opens the interactive app on the same scenario.
    link = full_link(without_present(state.query), page=st.session_state.get(DECK_FROM, ""))
    qr_code(link, t("present_qr_caption", lang))
with set_col:
    target_set_radio(state)
deck_panel(state, deck, index)
