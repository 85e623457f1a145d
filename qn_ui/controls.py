"""The planner's controls, drawn once per run in the sidebar (every page shares them); their
callbacks are ``qn_model/views/session/controls.py``."""

from __future__ import annotations

import streamlit as st

from qn_model.core import langs
from qn_model.core.urls import app_link, origin
from qn_model.engine.presets import CUSTOM_TARGET_SET, PRESETS, target_sets
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
    """The presets as one control acting as buttons: a pick applies one and nothing stays picked
    (a highlight would go stale when the live controls move)."""
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
    ``growth=False``: the scenario page draws 2026–2030's in its live component (``qn_ui/live``)."""
    st.header(t("controls_title", lang))  # h2: the sidebar comes before the page's h1
    preset_picker(lang)
    sc.sync_target_set(ss)
    st.selectbox(
        t("target_set", lang),
        options=[*target_sets(sc.current_dataset(ss)), CUSTOM],
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
    """Base year, base share, targets and spreads: rarely moved, so drawn only while open (every
    mounted element is redrawn on every update). Closed, Streamlit forgets their values, so each
    is handed its own back (a popover kept stale inputs in the browser and sent them back)."""
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
    """GRDP and digital-economy growth, under a header per period."""
    for period in periods:
        st.markdown(f"**{t(f'period_{period}_title', lang)}**")
        for link_key, label, help_key in GROWTH_SLIDERS[period]:
            _slider(link_key, t(label, lang), t(help_key, lang), lang)


def full_link(query: str, page: str | None = None) -> str:
    """What a colleague should receive: the browser's origin, ``server.baseUrlPath``, the page
    (``page``: another one than shown) and the query (``https://…/ktso/scenario?…``; relative
    to the host without a browser, as in AppTest)."""
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
