"""What a screen reader and a keyboard need that Streamlit does not give (issue 22): a page script
(``a11y.mjs``, a components-v2 component rendered in the page) that sets the document's ``lang``
(Streamlit always declares ``en``), puts skip links first in its own ``nav``, names the verdicts
(containers keyed ``qn_verdicts…``) as a list and makes a ``qn-verdict-2030`` a polite live
region; and each chart's text alternative, read before the chart, hidden from sight."""

from __future__ import annotations

import html
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

from qn_model.i18n.formats import t
from qn_model.views.chart_text import describe
from qn_model.views.session.keys import A11Y

VERDICTS_KEY = "qn_verdicts"  # a container of verdict cards: read as a list
DESC_CLASS = "qn-chart-desc"  # a chart's description (visually hidden by qn_ui/app.css)
HERE = Path(__file__).parent


# The page script, read once (an asset beside this module, linted and edited as JavaScript).
_COMPONENT = st.components.v2.component(
    "qn_page_semantics", html="<span></span>", js=(HERE / "a11y.mjs").read_text(encoding="utf-8")
)


def page_semantics(lang: str, *, growth_here: bool) -> None:
    """The document's language, the skip links and the list semantics, for this run's page.

    ``growth_here``: the page shows the 2026–2030 growth control (the scenario page), which gets a
    skip link of its own."""
    skip = [{"text": t("a11y_skip_main", lang), "target": "main"}]
    if growth_here:
        skip.insert(0, {"text": t("a11y_skip_growth", lang), "target": "growth"})
    data = {
        "lang": lang,
        "skip": skip,
        "skipLabel": t("a11y_skip_nav", lang),
        "verdicts": t("a11y_verdicts", lang),
    }
    _COMPONENT(data=data, key=A11Y)


def chart_description(fig: go.Figure, key: str, lang: str) -> None:
    """The chart's text alternative, for screen readers, just before the chart (``key``: the
    chart's own key, which the element names as ``data-qn-chart``)."""
    text = html.escape(describe(fig, lang))
    st.html(f'<p class="{DESC_CLASS}" data-qn-chart="{html.escape(key)}" lang="{lang}">{text}</p>')
