"""The verdicts and notes the overview and scenario pages draw from the app's state."""

from __future__ import annotations

import html

import streamlit as st

from qn_model.core.targets import TargetVerdict
from qn_model.engine.plausibility import beyond_history
from qn_model.i18n.formats import t
from qn_model.views import overview
from qn_model.views.markup import md_escape
from qn_model.views.narrative import data_basis as basis_lines
from qn_model.views.realism_text import realism_summary
from qn_ui.a11y import VERDICTS_KEY
from qn_ui.state import AppState
from qn_ui.widgets import notices


def link_notices(state: AppState) -> None:
    notices(state.notices, state.lang)


def history_warnings(state: AppState) -> None:
    notices(beyond_history(state.scenario, state.ds), state.lang, icon=":material/warning:")


def realism_notice(state: AppState) -> None:
    """The scenario's and the targets' share growth beside the fastest on record (a fact, shown
    neutrally): a caption when everything is within it, else one sentence naming what exceeds it."""
    summary = realism_summary(state.scenario, state.headline, state.ds, state.lang)
    if summary is None:
        return
    text, beyond = summary
    if beyond:
        st.info(md_escape(text), icon=":material/speed:")
    else:
        st.caption(md_escape(text))


def verdict_metric(m: overview.Metric) -> None:
    st.metric(label=m.label, value=m.value, delta=m.delta, delta_color="normal", help=m.help, border=True)


def verdict_row(state: AppState) -> None:
    """The verdicts at a glance, side by side: a coloured word and the metric for each target.
    Drawn from the verdicts that need no Monte Carlo, so they reach the browser before the chart
    is built."""
    # Keyed: read as a list by a screen reader (qn_ui/a11y.py).
    with st.container(key=VERDICTS_KEY):
        for col, v in zip(st.columns(len(state.headline)), state.headline, strict=True):
            with col:
                verdict_card(state, v)


def verdict_card(state: AppState, v: TargetVerdict, *, stacked: bool = False) -> None:
    """One target's coloured word, sentence, gap in money and metric. ``stacked``: for a column
    beside a chart, the sentence in body type; else heading-sized (:func:`verdict_row`)."""
    card = overview.verdict_card(v, state.scenario, state.lang)
    size = "" if stacked else "## "  # after the page's h1; drawn small (qn_ui/app.css)
    text = f"{size}:{card.colour}-badge[{md_escape(card.word)}] {md_escape(card.line)}"
    if card.gap:  # the gap in money, under the headline rather than in it
        text += f"\n\n**{md_escape(card.gap)}**"
    # One markdown element, not one a paragraph: each element is redrawn on every slider move.
    st.markdown(text)
    verdict_metric(card.metric)


VERDICT_LIST_CLASS = "qn-verdict-list"  # visually hidden by qn_ui/app.css


def verdict_list(state: AppState) -> None:
    """Every headline verdict as a list for a screen reader (issue 22), hidden from sight: on a page
    whose verdict cards stand apart (the scenario's 2030 in the live component, 2025's under it),
    one list names them all in the target years' order. Redrawn by every run, so after a released
    control it says what the cards say."""
    texts = overview.verdict_list_items(state.headline, state.scenario, state.lang)
    items = [f"<li>{html.escape(text)}</li>" for text in texts]
    label = html.escape(t("a11y_verdicts", state.lang), quote=True)
    st.html(
        f'<ul class="{VERDICT_LIST_CLASS}" aria-label="{label}" lang="{state.lang}">{"".join(items)}</ul>'
    )


def verdict_details(state: AppState) -> None:
    """The sentences behind each verdict: value and basis, what it would take, caveats."""
    verdicts = state.evaluation.verdicts
    for col, h in zip(st.columns(len(verdicts)), overview.details(state.evaluation, state.lang), strict=True):
        with col:
            st.markdown(md_escape(h.verdict))
            if h.detail:
                st.markdown(md_escape(h.detail))
            if h.caveat:
                st.caption(md_escape(h.caveat))


def data_basis(state: AppState) -> None:
    with st.expander(t("data_basis_title", state.lang), icon=":material/dataset:"):
        for line in basis_lines(state.ds, state.lang):
            st.markdown("- " + md_escape(line))
