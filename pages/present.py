"""Meeting view (``present=1`` in a link opened on any page leads here): large type, the verdicts
first and big, one chart, only the decisive controls, a deck of scenarios stepped through with
buttons or the keyboard (a presenter's clicker sends PageDown/PageUp), and a QR code of the
scenario so the room can open it on their phones. Opened from the compare page, the deck is the
compared scenarios (the link's ``cmp`` selection), until the presenter pastes links here. The
deck's session and callbacks: ``qn_model/views/session/deck.py``; what it decides: ``qn_model/views/present.py``.
"""

import streamlit as st

from qn_model.core.messages import N_
from qn_model.core.scenario import TARGET_YEAR_1
from qn_model.engine.plausibility import beyond_history
from qn_model.i18n.formats import render, t
from qn_model.views import present as pv
from qn_model.views.markup import md_escape
from qn_model.views.session import deck as dk
from qn_model.views.session.controls import leave_present
from qn_model.views.session.keys import W_DECK_LINKS_TEXT
from qn_model.views.slides import MAX_LINKS, Slide, slide_figure, step
from qn_ui import downloads, layout
from qn_ui.a11y import VERDICTS_KEY
from qn_ui.controls import room_link, target_set_radio
from qn_ui.guard import route_through_app
from qn_ui.live.component import live_view
from qn_ui.state import AppState, get_state
from qn_ui.widgets import notices, qr_code

ss = st.session_state
HEADER = [1.2, 1]  # title and rates | buttons
CONTROLS_ROW = [0.22, 0.30, 0.24, 0.24]  # QR | 2025's verdict | its DE growth | target set


def header(state: AppState, deck: tuple[Slide, ...], index: int, adjusted: bool) -> None:
    lang, n = state.lang, len(deck)
    title_col, buttons = st.columns(HEADER, vertical_alignment="top")
    with title_col:
        with st.container(key="present_title"):  # the view's h1 (issue 22), sized in qn_ui/app.css
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
            common = {"on_click": dk.go, "args": (ss, target), "disabled": target == index}
            st.button(
                t(key, lang), key=key, shortcut=arrow, help=t("present_keys_help", lang), type=kind, **common
            )
            st.button(clicker, key=f"{key}_{clicker.lower()}", shortcut=clicker, **common)
        st.button(pv.lang_button(lang), key="present_lang", on_click=dk.switch_lang, args=(ss, lang))
        exit_icon = ":material/close_fullscreen:"
        st.button(
            t("present_exit", lang), key="present_exit", on_click=leave_present, args=(ss,), icon=exit_icon
        )
    if adjusted:
        back = t("present_back_to_slide", lang)
        st.button(back, key="present_reset", on_click=dk.go, args=(ss, index), icon=":material/undo:")


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
                    key = f"present_nudge_{link_key}_{delta:+.0f}"
                    help_text = pv.nudge_help(delta, year, lang)
                    st.button(
                        pv.nudge_label(delta),
                        key=key,
                        on_click=dk.nudge,
                        args=(ss, link_key, delta),
                        help=help_text,
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


def deck_panel(state: AppState, deck: tuple[Slide, ...], index: int) -> None:
    """The deck at a glance (a button per slide) and the links to present instead of presets."""
    lang = state.lang
    with st.expander(t("present_deck_title", lang, n=len(deck)), icon=":material/view_carousel:"):
        for i, slide in enumerate(deck):
            line = md_escape(pv.deck_line(slide, i, index, lang))
            st.button(line, key=f"present_goto_{i}", on_click=dk.go, args=(ss, i), type="tertiary")
            if slide.spec.notices:
                notices(slide.spec.notices, lang)
        dropped = dk.links_dropped(ss)
        if dropped:
            st.warning(md_escape(t("present_links_dropped", lang, max=MAX_LINKS, n=dropped)))
        st.text_area(
            t("present_links_label", lang, max=MAX_LINKS),
            key=W_DECK_LINKS_TEXT,
            height=160,
            placeholder="https://…/?gd2=20&t2=30\nhttps://…/?gy2=8&gd2=15",
        )
        c1, c2 = st.columns(2)
        c1.button(
            t("present_links_apply", lang), key="present_links_apply", on_click=dk.use_links, args=(ss,)
        )
        if dk.links_in_use(ss):
            c2.button(
                t("present_links_reset", lang), key="present_links_reset", on_click=dk.use_presets, args=(ss,)
            )
        st.markdown(f"**{md_escape(t('dl_pack_header', lang))}**")
        downloads.pack_buttons(state, "present", dk.compared(ss))


route_through_app()
state = get_state()
lang = state.lang
st.html(layout.PRESENT_CSS)
deck = dk.current(ss)
index = dk.shown(ss, deck, state.scenario)
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
    qr_code(room_link(state), t("present_qr_caption", lang))
with set_col:
    target_set_radio(state, t("target_set", lang))
deck_panel(state, deck, index)
