"""The live scenario component (components v2, no iframe): the 2026–2030 growth controls, the 2030
verdict and the chart, recomputed in the browser on every input event and sent to Python on release
(``change``), which stays the authority (URL, fan, probabilities, details). What it draws is data
built by :mod:`qn_model.views.live`; only the Streamlit side is here.

A drag sends several changes, so a rerun can carry an older value than the one under the thumb:
each change carries a sequence number, echoed back in the data, and the browser ignores data older
than its last change (``widget.mjs``).
"""

from __future__ import annotations

import math
import re
from functools import cache
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

from qn_model.core.links import KEY_BY_NAME
from qn_model.views.live import CONTROLS, live_data
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
    """The release's growths (state ``growth``: one named ``value`` holding a mapping is unwrapped
    and gets no callback), held to the link contract's ranges. A callback runs before anything is
    drawn, so it may set the scenario's widget keys."""
    value = (st.session_state.get(W_LIVE) or {}).get("growth") or {}
    for key in CONTROLS:
        raw = value.get(key)
        if isinstance(raw, (int, float)) and not isinstance(raw, bool) and math.isfinite(raw):
            spec = KEY_BY_NAME[key]
            st.session_state[widget_key(key)] = min(max(float(raw), spec.lo), spec.hi)
    seq = value.get("seq")
    if isinstance(seq, int) and not isinstance(seq, bool):
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
