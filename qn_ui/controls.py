"""The planner's controls, drawn once per run in the sidebar (every page shares them); their
callbacks are ``qn_model/views/session/controls.py``."""

from __future__ import annotations

import streamlit as st

from qn_model.core import langs
from qn_model.core.urls import app_link, origin
from qn_model.engine.presets import CUSTOM_TARGET_SET, PRESETS, target_set_for, target_sets
from qn_model.i18n.formats import fmt_num, fmt_pct, t
from qn_model.views import present as pv
from qn_model.views.controls import GROWTH_SLIDERS, MORE_KEYS, MORE_SLIDERS, STEP, slider_range
from qn_model.views.markup import md_code
from qn_model.views.session import controls as sc
from qn_model.views.session import deck as sd
from qn_model.views.session.keys import (
    DECK_FROM,
    LAST_PAGE,
    W_DECK_TSET,
    W_LANG,
    W_MORE,
    W_PRESET,
    W_TSET,
    widget_key,
)
from qn_model.views.slides import without_present
from qn_ui.state import AppState

ss = st.session_state
CUSTOM = CUSTOM_TARGET_SET


def _slider(link_key: str, label: str, help_text: str, lang: str, *, pct: bool = True) -> None:
    """A slider whose label carries its value in the language's number format: Streamlit formats
    the thumb's number with printf (``11.9%`` in Vietnamese too), so that number is hidden
    (``qn_ui/app.css``); the key, not the label, is the widget's identity."""
    value = float(ss.get(widget_key(link_key), 0.0))
    lo, hi = slider_range(link_key, value)
    shown = fmt_pct(value, lang) if pct else fmt_num(value, lang)
    st.slider(
        t("slider_with_value", lang, label=label, value=shown),
        min_value=lo,
        max_value=hi,
        step=STEP,
        key=widget_key(link_key),
        help=help_text,
        format="%.1f%%" if pct else "%.1f",
    )


def preset_picker(lang: str) -> None:
    """The four presets as one control that acts as buttons: a pick applies the preset, and
    nothing stays picked (a highlight would go stale when the sliders beside the chart move, as
    those redraw only their fragment). One element instead of six: each is redrawn per update."""
    ss[W_PRESET] = None
    st.pills(
        t("presets_label", lang),
        PRESETS,
        key=W_PRESET,
        format_func=lambda name: t(f"preset_{name}", lang),
        on_change=sc.apply_preset,
        args=(ss,),
        help="\n\n".join(f"**{t(f'preset_{n}', lang)}**: {t(f'preset_{n}_help', lang)}" for n in PRESETS),
        width="stretch",
    )


def language_switch() -> None:
    st.radio(
        "Ngôn ngữ / Language",
        options=list(langs.LANGS),
        format_func=lambda code: t("lang_name", code),  # each language named in itself
        key=W_LANG,
        horizontal=True,
    )


def scenario_controls(lang: str, *, growth: bool = True) -> None:
    """Presets, target set and growth sliders (the decisive controls), then the rest.

    ``growth=False`` keeps only the 2025 growth sliders here: the scenario page draws the
    2026–2030 ones (the decisions still open) beside its chart, in the live component
    (``qn_ui/live``), which answers them in the browser.
    """
    ds = sc.current_dataset(ss)
    st.header(t("controls_title", lang))  # h2: the sidebar comes before the page's h1
    preset_picker(lang)
    sets = target_sets(ds)
    ss[W_TSET] = target_set_for(
        ss.get(widget_key("t1")),
        ss.get(widget_key("t2")),
        ds,
        ss.get(W_TSET),
    )
    options = [*sets, CUSTOM]
    st.selectbox(
        t("target_set", lang),
        options=options,
        key=W_TSET,
        format_func=lambda s: t(f"target_set_{s}", lang),
        on_change=sc.apply_target_set,
        args=(ss,),
        help=t("target_set_help", lang),
    )
    if growth:
        growth_controls(lang)
    else:
        growth_controls(lang, periods=(1,))
        st.caption(t("growth_beside_chart", lang))
    further_assumptions(lang)


def further_assumptions(lang: str) -> None:
    """Base year, base share, targets and spreads: rarely moved, so drawn only while open.

    Every element mounted in the browser is redrawn on every update (``benchmarks/commit_trace.py``);
    these seven are half the sidebar's. Closed, they are not sent at all: Streamlit then forgets
    a widget's value, so each is handed its own back, and the browser drops its copy at the end
    of the run (a popover keeps unmounted inputs in the browser, which then sent old values back
    over targets set by a target set, a link or Back)."""
    more = st.expander(t("more_assumptions", lang), key=W_MORE, on_change="rerun")
    if not more.open:
        for key in map(widget_key, MORE_KEYS):
            if key in ss:
                sc.hand_back(ss, key, ss[key])
        return
    with more:
        st.number_input(
            t("base_year", lang),
            min_value=2015,
            max_value=2029,
            step=1,
            key=widget_key("base"),
            on_change=sc.on_base_change,
            args=(ss,),
            help=t("help_base", lang),
        )
        for link_key, label, help_key, pct in MORE_SLIDERS:
            _slider(link_key, t(label, lang), t(help_key, lang), lang, pct=pct)


def growth_controls(lang: str, *, periods: tuple[int, ...] = (1, 2)) -> None:
    """GRDP and digital-economy growth, to 2025 and for 2026-2030, under a header per period (the
    sidebar). The scenario page and the meeting view hold 2026-2030's in the live component
    (``qn_ui/live``), answered in the browser."""
    for period in periods:
        st.markdown(f"**{t(f'period_{period}_title', lang)}**")
        for link_key, label, help_key in GROWTH_SLIDERS[period]:
            _slider(link_key, t(label, lang), t(help_key, lang), lang)


def full_link(query: str, page: str | None = None) -> str:
    """The page's address with the scenario's query (what a colleague should receive).

    The browser's origin, Streamlit's ``server.baseUrlPath`` and the page: served under
    ``/ktso/`` behind the portal's proxy, the link is ``https://…/ktso/scenario?…``. Without a
    browser (AppTest) there is no origin, and the link is relative to the host. ``page``: another
    page than the one shown (its URL path)."""
    return app_link(
        query,
        base_path=st.get_option("server.baseUrlPath"),
        page=(ss.get(LAST_PAGE) if page is None else page) or "",
        origin=origin(st.context.url),
    )


def share_link(query: str, lang: str) -> None:
    # Inline code in a caption, not st.code: the code block's highlighter is a 1.5 MB download
    # that a first visitor would wait for. The address bar holds the same link.
    link = full_link(query)
    st.caption(f"{t('link_caption', lang)} `{md_code(link)}`")


def room_link(state: AppState) -> str:
    """The meeting view's QR code: present=1 left out, a phone in the room opens the interactive
    app on the same scenario, on the page the view was opened from."""
    return full_link(without_present(state.query), page=ss.get(DECK_FROM, ""))


def target_set_radio(state: AppState, label: str) -> None:
    """The target set every slide of the meeting view is judged against (the app's pick shown)."""
    sets = target_sets(state.ds)
    ss[W_DECK_TSET] = state.target_set  # the app's pick (the sidebar's, or the link's)
    st.radio(
        label,
        options=list(sets) + ([CUSTOM] if state.target_set == CUSTOM else []),
        key=W_DECK_TSET,
        format_func=lambda s: pv.target_set_label(s, sets, state.lang),
        on_change=sd.pick_targets,
        args=(ss,),
    )
