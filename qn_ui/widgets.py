"""Streamlit widgets the pages share: notices, charts with their numbers, the QR code, errors."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from qn_model.core.messages import Notice
from qn_model.core.urls import is_absolute
from qn_model.i18n.formats import render, t
from qn_model.outputs.qr import qr_png
from qn_model.views.chart_kit import chart_config, for_browser
from qn_model.views.chart_text import numbers_table
from qn_model.views.file_names import chart_filename
from qn_model.views.markup import md_escape
from qn_model.views.session.controls import kept
from qn_model.views.session.keys import show_data_key
from qn_ui.a11y import chart_description
from qn_ui.state import get_state

QR_WIDTH = 280  # px at most: scannable from a few rows back on a projector


def notices(items: tuple[Notice, ...], lang: str, icon: str = ":material/info:") -> None:
    """Show notices as plain text (their content may come from a tampered link)."""
    if items:
        st.warning("\n\n".join(md_escape(render(n, lang)) for n in items), icon=icon)


def unexpected_error(lang: str) -> None:
    """What a planner sees when something failed: a sentence in their language, never a
    traceback (the error itself goes to the server's log)."""
    st.error(t("unexpected_error", lang), icon=":material/error:")


def chart(fig: go.Figure, key: str, filename: str | None = None, *, with_data: bool = True) -> None:
    # The toolbar's PNG gets a localised name (``filename``, else one from the chart's title).
    lang = get_state().lang
    config = chart_config(filename or chart_filename(fig.layout.title.text, key, lang), fig.layout.height)
    chart_description(fig, key, lang)  # for screen readers (issue 22)
    # theme=None keeps our projector-sized fonts; Streamlit's theme would shrink them.
    st.plotly_chart(for_browser(fig), key=key, config=config, width="stretch", theme=None)
    if with_data:
        chart_numbers(fig, key)


def chart_numbers(fig: go.Figure, key: str) -> None:
    """The numbers behind a chart, one click away. A toggle, not an expander: a collapsed
    expander still builds and sends its table on every slider move."""
    lang = get_state().lang
    # Still on after a visit to another page.
    if st.toggle(
        t("chart_data", lang),
        help=t("chart_data_help", lang),
        **kept(st.session_state, show_data_key(key), False),
    ):
        figure_numbers(fig, lang)


def figure_numbers(fig: go.Figure, lang: str) -> None:
    """The numbers a chart draws (``chart_text.numbers_table``)."""
    table = numbers_table(fig, lang)
    if table is not None:
        st.dataframe(table, hide_index=True, width="stretch")


def qr_code(link: str, caption: str) -> None:
    """The link as a QR code a phone in the room can open; nothing when no phone could: no
    address known (no browser, as in AppTest), or a link too long for any QR code."""
    if not is_absolute(link):
        return
    try:
        png = qr_png(link, scale=10)
    except ValueError:  # segno's DataOverflowError
        return
    # Lossless: JPEG blurs the modules. A link to what it encodes, named by it (issue 22): a Tab
    # stop that a screen reader reads as the link, and opens it in a new tab.
    alt = t("present_qr_alt", get_state().lang, link=link)
    st.image(png, width=QR_WIDTH, output_format="PNG", alt=alt, link=link)
    st.markdown(md_escape(caption))
