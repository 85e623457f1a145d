"""Small rendering helpers shared by pages: notices, verdict cards, the headline, charts."""

from __future__ import annotations

import time

import plotly.graph_objects as go
import streamlit as st

from qn_model.core.messages import Notice
from qn_model.core.targets import TargetVerdict
from qn_model.engine.plausibility import beyond_history
from qn_model.i18n.formats import fmt_pct, fmt_pp, fmt_prob, render, t
from qn_model.views.chart_kit import for_browser
from qn_model.views.figures import figure_table
from qn_model.views.narrative import data_basis as basis_lines
from qn_model.views.narrative import (
    gap_text,
    headline,
    impossible,
    margin_digits,
    short_verdict,
    verdict_word,
)
from qn_model.views.realism_text import realism_summary
from qn_ui.a11y import VERDICTS_KEY, chart_description
from qn_ui.carry import kept
from qn_ui.safe import md_escape
from qn_ui.state import AppState, get_state, show_data_key

# The scenario page's pause of one display frame between the verdicts and the chart. The
# browser mounts and draws the chart in one long task (~25 ms); when its messages came in before
# the browser had painted the new verdicts, the headline waited for the chart (in about half the
# key presses). With a frame between them the verdicts are painted first in most presses: key
# press → verdict ~0.9 × the bare page instead of ~1.2 (BENCHMARKS.md). The chart is built during
# the pause; what is left of it is waiting, no CPU.
HEADLINE_FRAME_S = 1 / 60


def wait_out_frame(since: float) -> None:
    """Wait what is left of :data:`HEADLINE_FRAME_S` after ``since`` (a ``time.perf_counter()``)."""
    time.sleep(max(0.0, HEADLINE_FRAME_S - (time.perf_counter() - since)))


def notices(items: tuple[Notice, ...], lang: str, icon: str = ":material/info:") -> None:
    """Show notices as plain text (their content may come from a tampered link)."""
    if items:
        st.warning("\n\n".join(md_escape(render(n, lang)) for n in items), icon=icon)


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


def verdict_metric(v: TargetVerdict, lang: str) -> None:
    st.metric(
        label=t("share_in_year", lang, year=v.year),
        value=fmt_pct(v.value_pct, lang),
        delta=None if v.margin_pp is None else fmt_pp(v.margin_pp, lang, margin_digits(v.margin_pp)),
        delta_color="normal",
        help=t("target_in_year", lang, year=v.year, target=fmt_pct(v.target_pct, lang)),
        border=True,
    )


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
    lang = state.lang
    colour = "gray" if v.met is None or impossible(v) else ("green" if v.met else "red")
    line = short_verdict(v, state.scenario, lang, with_gap=False)
    size = "" if stacked else "## "  # after the page's h1; drawn small (qn_ui/layout.py)
    text = f"{size}:{colour}-badge[{md_escape(verdict_word(v, lang).upper())}] {md_escape(line)}"
    gap = gap_text(v, lang)  # the gap in money, under the headline rather than in it
    if gap:
        text += f"\n\n**{md_escape(gap[:1].upper() + gap[1:])}**"
    # One markdown element, not one a paragraph: each element is redrawn on every slider move.
    st.markdown(text)
    verdict_metric(v, lang)


def verdict_details(state: AppState) -> None:
    """The sentences behind each verdict: value and basis, what it would take, caveats."""
    lang = state.lang
    for col, v in zip(st.columns(len(state.evaluation.verdicts)), state.evaluation.verdicts, strict=True):
        with col:
            h = headline(v, state.scenario, lang)
            st.markdown(md_escape(h.verdict))
            if h.detail:
                st.markdown(md_escape(h.detail))
            if h.caveat:
                st.caption(md_escape(h.caveat))


def probability_line(state: AppState) -> str:
    lang = state.lang
    parts = [
        f"{v.year}: {fmt_prob(v.probability, lang)}"
        for v in state.evaluation.verdicts
        if v.probability is not None
    ]
    return f"{t('probability', lang)} – " + "; ".join(parts) if parts else ""


def unexpected_error(lang: str) -> None:
    """What a planner sees when something failed: a sentence in their language, never a
    traceback (the error itself goes to the server's log)."""
    st.error(t("unexpected_error", lang), icon=":material/error:")


def chart(fig: go.Figure, key: str, filename: str | None = None, *, with_data: bool = True) -> None:
    # The toolbar's PNG gets a localised name (``filename``, else one from the chart's title).
    from qn_ui.downloads import chart_config_for

    # theme=None keeps our projector-sized fonts; Streamlit's theme would shrink them.
    config = chart_config_for(fig, key, filename)
    chart_description(fig, key, get_state().lang)  # for screen readers (issue 22)
    st.plotly_chart(for_browser(fig), key=key, config=config, width="stretch", theme=None)
    if with_data:
        chart_numbers(fig, key)


def chart_numbers(fig: go.Figure, key: str) -> None:
    """The numbers behind a chart, one click away (a planner must be able to defend each one).
    A toggle, not an expander: a collapsed expander still builds and sends its table on every
    slider move, and the table code is a large download for a first visitor."""
    lang = get_state().lang
    # Still on after a visit to another page.
    if st.toggle(t("chart_data", lang), help=t("chart_data_help", lang), **kept(show_data_key(key), False)):
        figure_numbers(fig, lang)


def figure_numbers(fig: go.Figure, lang: str) -> None:
    """The numbers a chart draws, year by year (nothing for a chart without years)."""
    table = figure_table(fig, lang)
    if table is not None:
        st.dataframe(table, hide_index=True, width="stretch")


def data_basis(state: AppState) -> None:
    with st.expander(t("data_basis_title", state.lang), icon=":material/dataset:"):
        for line in basis_lines(state.ds, state.lang):
            st.markdown("- " + md_escape(line))
