"""Carry values where a page needs them: a fit's rates into the scenario's sliders, and a page's
own choices across page switches (Streamlit drops a widget's state when its page is not shown)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import streamlit as st

from qn_model.views.trends import carried_rates
from qn_ui.state import KEEP_PREFIX, TREND_CARRIED, context, scenario_from_widgets, widget_key


def apply_carried_rates(series_id: str, kinds: tuple[str, ...]) -> None:
    """on_click: put the fit's period rates into the scenario's widgets (callbacks run before the
    widgets render, so writing their keys is allowed); the URL follows on this run."""
    ds, ctx = context()
    rates = carried_rates(ds, series_id, kinds, scenario_from_widgets(ctx))
    if rates is None:
        return
    for link_key, value in rates.values.items():
        st.session_state[widget_key(link_key)] = value
    st.session_state[TREND_CARRIED] = dict(rates.values)


def pop_carried() -> dict[str, float] | None:
    """The values carried by the last click, once."""
    return st.session_state.pop(TREND_CARRIED, None)


def remember(key: str, default: Any, valid: Iterable[Any] | None = None) -> None:
    """Restore a page widget's last value (or ``default``) before the widget is created."""
    if key in st.session_state:
        return
    value = st.session_state.get(KEEP_PREFIX + key, default)
    if valid is not None:
        allowed = list(valid)
        if isinstance(value, list):
            value = [v for v in value if v in allowed]
        elif value not in allowed:
            value = default
    st.session_state[key] = value


def keep(key: str) -> None:
    """Save a page widget's value so :func:`remember` finds it after a page switch."""
    if key in st.session_state:
        st.session_state[KEEP_PREFIX + key] = st.session_state[key]


def keep_in_order(key: str, order: tuple[Any, ...]) -> None:
    """:func:`keep` for a multiselect whose picks are shown in ``order`` (the order the link
    writes them in), whatever order they were picked in."""
    if isinstance(st.session_state.get(key), list):
        picked = set(st.session_state[key])
        st.session_state[key] = [v for v in order if v in picked]
    keep(key)


def kept(
    key: str, default: Any, valid: Iterable[Any] | None = None, order: tuple[Any, ...] | None = None
) -> dict[str, Any]:
    """A page widget that keeps its value across page switches: restores it (:func:`remember`)
    and returns the widget's ``key``/``on_change``/``args`` that save it (:func:`keep`; with
    ``order``, :func:`keep_in_order`)."""
    remember(key, default, valid)
    if order is not None:
        return {"key": key, "on_change": keep_in_order, "args": (key, order)}
    return {"key": key, "on_change": keep, "args": (key,)}
