"""Presentation mode (``present=1`` in any link): the meeting-room view.

Large type, the verdicts first and big, one chart, only the decisive controls, a deck of
scenarios stepped through with buttons or the keyboard (a presenter's clicker sends
PageDown/PageUp), and a QR code of the scenario so the room can open it on their phones. Opened on the compare page, the deck is the
compared scenarios (the link's ``cmp`` selection), until the presenter pastes links here.

The sidebar's widgets (``w_gd1``…) stay the single source of the scenario: every button
here writes them in an ``on_click`` callback (before they render), so the URL written by
``qn_ui/state.py`` always reopens what is on the screen. The deck's inputs (the opening
scenario, pasted links, the slide shown) live in the session only; a target set picked here is
the app's pick (the sidebar's), which the URL names when it must.
"""

from __future__ import annotations

import streamlit as st

from qn_model.core.links import KEY_BY_NAME, NUMBER_KEYS
from qn_model.core.messages import DEFAULT_LANG
from qn_model.core.scenario import TARGET_YEAR_1, TARGET_YEAR_2, Scenario
from qn_model.core.targets import TargetVerdict
from qn_model.core.urls import is_absolute
from qn_model.data.cache import derived
from qn_model.data.dataset import Dataset
from qn_model.engine.plausibility import beyond_history
from qn_model.engine.presets import link_context, target_sets
from qn_model.i18n.formats import fmt_money, fmt_pct, fmt_pp, render, t
from qn_model.outputs.qr import qr_png
from qn_model.views import palette as pal
from qn_model.views.narrative import Headline, headline, verdict_word
from qn_model.views.slides import (
    KIND_LINK,
    MAX_LINKS,
    Slide,
    build_deck,
    find_slide,
    slide_figure,
    split_links,
    step,
    without_present,
)
from qn_ui.a11y import VERDICTS_KEY
from qn_ui.controls import CUSTOM, full_link
from qn_ui.pages_registry import COMPARE_PAGE
from qn_ui.safe import md_escape
from qn_ui.state import DECK_DROPPED as DROPPED
from qn_ui.state import DECK_INDEX as INDEX
from qn_ui.state import DECK_LINKS as LINKS
from qn_ui.state import DECK_OPENED as OPENED
from qn_ui.state import DECK_OPENED_SET as OPENED_SET
from qn_ui.state import DECK_TARGETS as TARGETS
from qn_ui.state import (
    LAST_PAGE,
    PRESENT,
    W_LANG,
    W_PJ,
    W_TSET,
    AppState,
    compare_selection,
    context,
    scenario_from_widgets,
    widget_key,
)
from qn_ui.state import W_DECK_LINKS_TEXT as LINKS_TEXT
from qn_ui.state import W_DECK_TSET as TSET
from qn_ui.views import chart, link_notices, notices

NUDGES = (-5.0, -1.0, 1.0, 5.0)  # percentage points per click on a DE growth
QR_WIDTH = 280  # px at most: scannable from a few rows back on a projector
BODY = [0.36, 0.64]  # verdicts | chart
HEADER = [1.2, 1]  # title and rates | buttons
CONTROLS_ROW = [0.22, 0.26, 0.26, 0.26]  # QR | 2026-2030 DE growth | 2025's | target set

# Scoped to this view: the style element goes when the view does. Constants only, no user text.
_CSS = f"""
<style>
.stMainBlockContainer {{ padding-top: 4.2rem; padding-bottom: 1rem; }}
.stMain [data-testid="stMarkdownContainer"] p, .stMain [data-testid="stMarkdownContainer"] li {{
  font-size: 1.3rem; line-height: 1.4; }}
.stMain [data-testid="stMetricValue"], .stMain [data-testid="stMetricValue"] p {{
  font-size: clamp(2.4rem, 3.1vw, 4.4rem); line-height: 1.05; font-weight: 700; }}
.stMain [data-testid="stMetricDelta"], .stMain [data-testid="stMetricDelta"] p {{ font-size: 1.5rem; }}
.stMain [data-testid="stMetricLabel"] p {{ font-size: 1.15rem; }}
.stMain button p {{ font-size: 1.25rem; }}
.stMain .st-key-present_title p {{ font-size: 2.5rem; font-weight: 700; line-height: 1.15; margin: 0; }}
.stMain .st-key-present_rates p {{ font-size: 1.3rem; color: {pal.GREY}; }}
.stMain [class*="st-key-pvword_"] p {{
  font-size: clamp(2rem, 2.4vw, 3.3rem); font-weight: 800; line-height: 1.05; margin: 0; }}
.stMain [class*="st-key-pvword_met"] p {{ color: {pal.MET}; }}
.stMain [class*="st-key-pvword_notmet"] p {{ color: {pal.NOT_MET}; }}
.stMain [class*="st-key-pvword_unknown"] p {{ color: {pal.GREY}; }}
.stMain [class*="st-key-pvtarget_"] p {{ font-size: 1.6rem; font-weight: 600; margin: 0; }}
.stMain [class*="st-key-pvrate_"] p {{
  font-size: clamp(1.6rem, 2.3vw, 2.4rem); font-weight: 700; margin: 0; white-space: nowrap; }}
.stMain [data-testid="stMetricValue"] div {{ white-space: nowrap; }}
.st-key-present_next_pagedown, .st-key-present_prev_pageup {{ display: none; }}
</style>
"""


def _deck(ds: Dataset, lang: str) -> tuple[Slide, ...]:
    if OPENED not in st.session_state:
        st.session_state[OPENED] = _widgets_scenario()
        st.session_state[OPENED_SET] = st.session_state.get(W_TSET)
    targets = st.session_state.get(TARGETS)
    # The set the presenter picked names every slide; else the one the scenario was opened with.
    named = st.session_state.get(TSET) if targets is not None else st.session_state.get(OPENED_SET)
    links, presets = tuple(st.session_state.get(LINKS, ())), None
    if not links and st.session_state.get(LAST_PAGE) == COMPARE_PAGE:
        # The compare page's scenarios, as its link names them.
        sel = compare_selection(link_context(ds))
        links, presets = sel.links, sel.presets
    opened = st.session_state[OPENED]
    return derived(
        ds,
        "deck",
        lambda: build_deck(ds, opened, lang, links, targets, named, presets),
        opened,
        links,
        targets,
        named,
        lang,
        presets,
    )


def _lang() -> str:
    return st.session_state.get(W_LANG, DEFAULT_LANG)


# --- callbacks: they run before the sidebar's widgets render, so writing their keys is allowed ---


def _apply(scn: Scenario) -> None:
    for spec in NUMBER_KEYS:
        st.session_state[widget_key(spec.key)] = getattr(scn, spec.field)
    st.session_state[W_PJ] = scn.projects  # a slide's projects (a preset's: none)


def _go(index: int) -> None:
    ds, _ = context()
    deck = _deck(ds, _lang())
    index = step(index, 0, len(deck))
    st.session_state[INDEX] = index
    _apply(deck[index].scenario)
    st.session_state[W_TSET] = deck[index].spec.target_set


def _nudge(link_key: str, delta: float) -> None:
    spec = KEY_BY_NAME[link_key]
    value = float(st.session_state.get(widget_key(link_key), 0.0)) + delta
    st.session_state[widget_key(link_key)] = round(min(max(value, spec.lo), spec.hi), 1)


def _pick_targets() -> None:
    ds, _ = context()
    sets = target_sets(ds)
    chosen = sets.get(st.session_state.get(TSET))
    if chosen is None:
        return
    # Every slide is judged against the chosen set; the slide on screen is redrawn from the
    # rebuilt deck (the "meet targets" slide recomputes the growth it needs).
    old = _deck(ds, _lang())
    index = st.session_state.get(INDEX, 0)
    on_slide = 0 <= index < len(old) and old[index].scenario == _widgets_scenario()
    st.session_state[TARGETS] = (chosen.t1, chosen.t2)
    st.session_state[W_TSET] = st.session_state.get(TSET)
    st.session_state[widget_key("t1")] = chosen.t1
    st.session_state[widget_key("t2")] = chosen.t2
    if on_slide:
        _go(index)


def _widgets_scenario() -> Scenario:
    _, ctx = context()
    return scenario_from_widgets(ctx)


def _use_links() -> None:
    links, dropped = split_links(st.session_state.get(LINKS_TEXT, ""))
    st.session_state[LINKS] = links
    st.session_state[DROPPED] = dropped
    ds, _ = context()
    deck = _deck(ds, _lang())
    first = next((i for i, s in enumerate(deck) if s.spec.kind == KIND_LINK), 0)
    _go(first)


def _use_presets() -> None:
    st.session_state.pop(LINKS, None)
    st.session_state.pop(DROPPED, None)
    _go(0)


def _switch_lang() -> None:
    st.session_state[W_LANG] = "en" if _lang() == "vi" else "vi"


def _leave() -> None:
    st.session_state[PRESENT] = False
    for key in (OPENED, OPENED_SET, LINKS, DROPPED, TARGETS, INDEX):
        st.session_state.pop(key, None)


# --- the view -------------------------------------------------------------------------------------


def present_view(state: AppState) -> None:
    """The whole screen in presentation mode (called by ``app.py`` instead of the page)."""
    lang = state.lang
    st.markdown(_CSS, unsafe_allow_html=True)
    deck = _deck(state.ds, lang)  # the first time, opened on the scenario and set on screen
    index = step(st.session_state.get(INDEX, 0), 0, len(deck))
    if deck[index].scenario != state.scenario:
        # The URL changed under us (back button, a pasted address): follow it when it is a slide.
        found = find_slide(deck, state.scenario)
        index = index if found is None else found
    st.session_state[INDEX] = index
    slide = deck[index]
    adjusted = slide.scenario != state.scenario

    _header(state, deck, index, adjusted)
    link_notices(state)
    # The chart takes the larger part of the screen (at least half of it on a 1024 px
    # projector), the verdicts the rest; the QR code and the decisive controls in a row under
    # them. Within a verdict, the word and the value sit side by side when there is room and
    # wrap one under the other when not (a horizontal container), never squeezed.
    verdicts, figure = st.columns(BODY, gap="medium")
    with verdicts, st.container(key=VERDICTS_KEY):  # read as a list (qn_ui/a11y.py)
        # The latest target first: the one still open (2030) is what the meeting decides, and
        # on a 1024×768 or 1280×720 projector only the first card is on the first screen.
        for v in newest_first(state.evaluation.verdicts):
            _verdict(v, headline(v, state.scenario, lang), lang)
    with figure:
        chart(slide_figure(state.evaluation, state.ds, lang), key="present_chart", with_data=False)
        for notice in beyond_history(state.scenario, state.ds):
            st.caption("⚠ " + md_escape(render(notice, lang)))
    qr_col, *control_cols = st.columns(CONTROLS_ROW, gap="medium")
    with qr_col:
        _qr(state)
    _decisive_controls(state, control_cols)
    _deck_panel(state, deck, index)


def newest_first(verdicts: tuple[TargetVerdict, ...]) -> list[TargetVerdict]:
    """The verdicts in the order the meeting view shows them: latest target year first."""
    return sorted(verdicts, key=lambda v: v.year, reverse=True)


def _header(state: AppState, deck: tuple[Slide, ...], index: int, adjusted: bool) -> None:
    lang, n = state.lang, len(deck)
    title_col, buttons = st.columns(HEADER, vertical_alignment="top")
    with title_col:
        counter = t("present_counter", lang, i=index + 1, n=n)
        suffix = f" · {t('present_adjusted', lang)}" if adjusted else ""
        with st.container(key="present_title"):  # the view's h1 (issue 22), sized in qn_ui/layout.py
            st.markdown("# " + md_escape(f"{counter} · {deck[index].title}{suffix}"))
        with st.container(key="present_rates"):
            st.markdown(md_escape(_rates_line(state.scenario, lang)))
    # The buttons in one row that wraps when the screen is narrow (every label whole). (direction,
    # key, arrow key, a clicker's key, button type): a clicker sends PageUp/PageDown, a second,
    # hidden button per direction takes it.
    with buttons, st.container(horizontal=True, horizontal_alignment="right", gap="small"):
        for delta, key, arrow, clicker, kind in (
            (-1, "present_prev", "Left", "PageUp", "secondary"),
            (1, "present_next", "Right", "PageDown", "primary"),
        ):
            target = step(index, delta, n)
            at_end = target == index
            st.button(
                t(key, lang),
                key=key,
                on_click=_go,
                args=(target,),
                disabled=at_end,
                shortcut=arrow,
                help=t("present_keys_help", lang),
                type=kind,
            )
            st.button(
                clicker,
                key=f"{key}_{clicker.lower()}",
                on_click=_go,
                args=(target,),
                disabled=at_end,
                shortcut=clicker,
            )
        st.button(t("present_other_lang", lang), key="present_lang", on_click=_switch_lang)
        st.button(
            t("present_exit", lang),
            key="present_exit",
            on_click=_leave,
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


def _rates_line(scn: Scenario, lang: str) -> str:
    line = t(
        "present_rates",
        lang,
        gy1=fmt_pct(scn.gy1, lang),
        gd1=fmt_pct(scn.gd1, lang),
        gy2=fmt_pct(scn.gy2, lang),
        gd2=fmt_pct(scn.gd2, lang),
    )
    if scn.projects:
        items = "; ".join(
            t("project_item", lang, year=p.year, value=fmt_money(p.value_vnd_trn, lang)) for p in scn.projects
        )
        line += " · " + t("cli_projects", lang, items=items)
    return line


def _verdict(v: TargetVerdict, h: Headline, lang: str) -> None:
    """One target: what it is, the coloured word, the value and margin, what it would take."""
    status = "unknown" if v.met is None else ("met" if v.met else "notmet")
    mark = {"met": "✔", "notmet": "✘", "unknown": "?"}[status]
    with st.container(border=True, key=f"pvbox_{v.year}"):
        with st.container(key=f"pvtarget_{v.year}"):
            st.markdown(md_escape(t("target_in_year", lang, year=v.year, target=fmt_pct(v.target_pct, lang))))
        with st.container(horizontal=True, vertical_alignment="center", gap="medium"):
            with st.container(key=f"pvword_{status}_{v.year}", width="content"):
                st.markdown(md_escape(f"{mark} {verdict_word(v, lang).upper()}"))
            st.metric(
                label=t("share_in_year", lang, year=v.year),
                value=fmt_pct(v.value_pct, lang),
                delta=None if v.margin_pp is None else fmt_pp(v.margin_pp, lang),
                delta_color="normal",
                width="content",
            )
        st.markdown(md_escape(h.detail or h.verdict))
        if h.caveat:
            st.caption(md_escape(h.caveat))


def _qr(state: AppState) -> None:
    link = full_link(without_present(state.query))
    if not is_absolute(link):
        return  # no address known (no browser: AppTest): a phone could not open a bare path
    try:
        png = qr_png(link, scale=10)
    except ValueError:  # segno's DataOverflowError: a link too long for any QR code
        return
    # Lossless: JPEG blurs the modules. A link to what it encodes, named by it (issue 22): a Tab
    # stop that a screen reader reads as the link, and opens it in a new tab.
    alt = t("present_qr_alt", state.lang, link=link)
    st.image(png, width=QR_WIDTH, output_format="PNG", alt=alt, link=link)
    st.markdown(md_escape(t("present_qr_caption", state.lang)))


def _decisive_controls(state: AppState, cols: list) -> None:
    """The DE growth of each period with its nudges, then the target set, one column each."""
    lang, scn = state.lang, state.scenario
    gd2_col, gd1_col, set_col = cols
    _nudges(gd2_col, "gd2", TARGET_YEAR_2, scn, lang)
    _nudges(gd1_col, "gd1", TARGET_YEAR_1, scn, lang)
    with set_col:
        _target_set_radio(state)


def _nudges(col, link_key: str, year: int, scn: Scenario, lang: str) -> None:
    with col:
        st.markdown(f"**{md_escape(t(f'present_{link_key}', lang))}**")
        with st.container(key=f"pvrate_{link_key}"):
            st.markdown(md_escape(f"{fmt_pct(getattr(scn, link_key), lang)}/{t('unit_year', lang)}"))
        # One row, wrapping onto a second when the column is narrow (each label whole).
        with st.container(horizontal=True, gap="small"):
            for delta in NUDGES:
                st.button(
                    f"{delta:+.0f}".replace("-", "−"),
                    key=f"present_nudge_{link_key}_{delta:+.0f}",
                    on_click=_nudge,
                    args=(link_key, delta),
                    help=t("present_nudge_help", lang, delta=fmt_pp(delta, lang, 0), year=year),
                )


def _target_set_radio(state: AppState) -> None:
    lang = state.lang
    sets = target_sets(state.ds)
    current = state.target_set  # the app's pick (the sidebar's, or the link's)
    options = list(sets) + ([CUSTOM] if current == CUSTOM else [])
    st.session_state[TSET] = current
    st.radio(
        t("target_set", lang),
        options=options,
        key=TSET,
        format_func=lambda s: _target_set_label(s, sets, lang),
        on_change=_pick_targets,
    )


def _target_set_label(set_id: str, sets: dict, lang: str) -> str:
    """``NQ 09 – 20% / 30%``: short enough for the narrow column, the numbers in view."""
    if set_id not in sets:
        return t(f"target_set_{set_id}", lang)
    source = t(f"source_{set_id}", lang)
    ts = sets[set_id]
    return f"{source[:1].upper()}{source[1:]} – {fmt_pct(ts.t1, lang, 0)} / {fmt_pct(ts.t2, lang, 0)}"


def _deck_panel(state: AppState, deck: tuple[Slide, ...], index: int) -> None:
    """The deck at a glance (a button per slide) and the links to present instead of presets."""
    lang = state.lang
    with st.expander(t("present_deck_title", lang, n=len(deck)), icon=":material/view_carousel:"):
        for i, slide in enumerate(deck):
            words = " · ".join(
                f"{v.year}: {verdict_word(v, lang)} ({fmt_pct(v.value_pct, lang)})"
                for v in slide.evaluation.verdicts
            )
            marker = "▶ " if i == index else ""
            st.button(
                md_escape(f"{marker}{i + 1}. {slide.title} — {words}"),
                key=f"present_goto_{i}",
                on_click=_go,
                args=(i,),
                type="tertiary",
            )
            if slide.spec.notices:
                notices(slide.spec.notices, lang)
        dropped = st.session_state.get(DROPPED, 0)
        if dropped:
            st.warning(md_escape(t("present_links_dropped", lang, max=MAX_LINKS, n=dropped)))
        st.text_area(
            t("present_links_label", lang, max=MAX_LINKS),
            key=LINKS_TEXT,
            height=160,
            placeholder="https://…/?gd2=20&t2=30\nhttps://…/?gy2=8&gd2=15",
        )
        c1, c2 = st.columns(2)
        c1.button(t("present_links_apply", lang), key="present_links_apply", on_click=_use_links)
        if st.session_state.get(LINKS):
            c2.button(t("present_links_reset", lang), key="present_links_reset", on_click=_use_presets)
