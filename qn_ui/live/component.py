"""The live scenario component (components v2, no iframe): the 2026–2030 growth controls, the 2030
verdict and the chart, recomputed in the browser on every input event and sent to Python on release
(``change``), which stays the authority (URL, fan, probabilities, details). What it draws is data
built by :mod:`qn_model.views.live`; only the Streamlit side is here.

A drag sends several changes, so a rerun can carry an older value than the one under the thumb:
each change carries a sequence number, echoed back in the data, and the browser ignores data older
than its last change (``widget.mjs``).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

from qn_model.views.live import live_data, released
from qn_model.views.session.keys import LIVE_SEQ, W_LIVE, widget_key
from qn_ui.state import AppState

HERE = Path(__file__).resolve().parent
NAME = "qn_live_scenario"


@cache
def _js() -> str:
    """One ES module: Streamlit loads inline JS from a blob URL, where relative imports cannot
    resolve, so the modules are joined (the widget's ``import`` lines dropped)."""
    model = (HERE / "model.mjs").read_text(encoding="utf-8")
    fmt = (HERE / "format.mjs").read_text(encoding="utf-8")
    widget = (HERE / "widget.mjs").read_text(encoding="utf-8")
    widget = re.sub(r"^import .*?;\n", "", widget, flags=re.M | re.S)
    return "\n".join((model, fmt, widget))


@cache
def _component():
    css = (HERE / "live.css").read_text(encoding="utf-8")
    return st.components.v2.component(
        NAME, html='<div class="qn-wrap"><div class="qn-live"></div></div>', css=css, js=_js()
    )


def _take_value() -> None:
    """The release's growths (``live.released``) into the scenario's widget keys: a callback runs
    before anything is drawn, so it may set them."""
    values, seq = released(st.session_state.get(W_LIVE))
    for key, value in values.items():
        st.session_state[widget_key(key)] = value
    if seq is not None:
        st.session_state[LIVE_SEQ] = seq


def live_view(state: AppState, fig: go.Figure | None, *, present: bool = False) -> None:
    """Mount the component (key :data:`~qn_ui.state.W_LIVE`: its ``st-key-`` class names ``gd2``)."""
    seq = int(st.session_state.get(LIVE_SEQ, 0))
    _component()(
        key=W_LIVE,
        data=live_data(state, fig, seq=seq, present=present),
        on_growth_change=_take_value,
        width="stretch",
        height="content",
    )
