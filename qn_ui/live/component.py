"""The live scenario component: the 2026–2030 growth controls, the 2030 verdict and the scenario's
chart, recomputed in the browser on every input event (``model.mjs``, parity-tested against the
engine) and sent to Python on release (``change``), which stays the authority: the URL, the Monte
Carlo fan and probabilities, 2025's verdict and the details follow as before.

The browser gets data only (numbers and texts, never markup): the scenario, the base year's GRDP
level, the observed shares, the catalog's texts in the reader's language, and the chart as plain
series taken from the same plotly figure the rest of the app draws (``headline_figure``), so the
live chart carries the same colours, names, targets with their sources, projects and fan.

A rerun can carry an older value than the one under the planner's thumb (a drag sends several
changes): each change carries a sequence number, echoed back in the data; the browser ignores data
older than its last change (``widget.mjs``).
"""

from __future__ import annotations

import math
import re
from functools import cache
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from qn_model.core.links import KEY_BY_NAME
from qn_model.core.messages import N_
from qn_model.core.scenario import TARGET_YEAR_2
from qn_model.engine.evaluate import base_grdp
from qn_model.engine.presets import observed_share
from qn_model.i18n.formats import fmt_pp, fmt_prob, t
from qn_model.views import palette as pal
from qn_model.views.chart_kit import PROJECTS_META, SEPARATORS, TARGETS_TRACE, X_RANGE
from qn_model.views.chart_text import plain
from qn_model.views.session.keys import LIVE_SEQ, W_LIVE, widget_key
from qn_ui.downloads import chart_filename
from qn_ui.state import AppState

HERE = Path(__file__).resolve().parent
NAME = "qn_live_scenario"
CONTROLS = ("gd2", "gy2")  # digital economy first: the decisive one, nearest the verdict
SOFT_MAX = {"gy": 30.0, "gd": 100.0}  # as the sidebar's sliders (qn_ui.controls)
STEP = 0.1
NUDGES = (-5.0, -1.0, 1.0, 5.0)  # the meeting view's buttons, percentage points per click
CHART_HEIGHT = 480  # px: beside the verdict and the controls, inside a 720 px laptop screen
PRESENT_CHART_HEIGHT = 520
TEXT_KEYS = (
    N_("verdict_met"),
    N_("verdict_not_met"),
    N_("verdict_impossible"),
    N_("verdict_unknown"),
    N_("short_verdict"),
    N_("short_required"),
    N_("required_with_range"),
    N_("gap_short"),
    N_("money_vnd_trn"),
    N_("unit_pp"),
    N_("unit_pct_per_year"),
    N_("probability"),
    N_("year"),
    N_("live_pending"),
    N_("live_download_png"),
    # The chart's text alternative and its numbers (issue 22), as qn_model/views/chart_text.py
    # and qn_ui/widgets.py write them for the app's other charts: templates the browser fills.
    N_("chart_desc_series"),
    N_("chart_desc_single"),
    N_("chart_desc_targets"),
    N_("chart_desc_projects"),
    N_("chart_data"),
    N_("chart_data_help"),
)


@cache
def _js() -> str:
    """One ES module: Streamlit loads a component's inline JS from a blob URL, where relative
    imports cannot resolve, so the model, the formats and the widget are joined here (the
    widget's ``import`` lines dropped, the others' ``export`` words kept harmlessly inside)."""
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


def _range(link_key: str, value: float) -> dict[str, float]:
    spec = KEY_BY_NAME[link_key]
    soft = SOFT_MAX[link_key[:2]]
    hi = spec.hi if value > soft else soft
    return {"min": float(spec.lo), "max": float(hi), "step": STEP}


def _finite(value: float | None) -> float | None:
    return None if value is None or not math.isfinite(value) else float(value)


def chart_spec(fig: go.Figure, lang: str) -> dict[str, Any]:
    """The figure's series as plain data for the SVG chart (plotly's own names and styles); the
    scenario's path, the path meeting 2030 and the projects' stars are recomputed live."""
    d = fig.to_plotly_json()
    layout = d["layout"]
    scenario_name, required_name = t("series_projection", lang), t("series_required", lang)
    traces = []
    for tr in d["data"]:
        name = tr.get("name") or ""
        line, marker = tr.get("line") or {}, tr.get("marker") or {}
        base = {"name": name, "x": list(tr.get("x") or ()), "y": [_finite(v) for v in tr.get("y") or ()]}
        if tr.get("fill") == "toself":
            traces.append({**base, "kind": "band", "fill": tr.get("fillcolor")})
        elif name == TARGETS_TRACE:
            symbols = marker.get("symbol") or []
            traces.append(
                {
                    **base,
                    "kind": "targets",
                    "text": list(tr.get("text") or ()),
                    "plain": [plain(s) for s in tr.get("text") or ()],
                    "position": list(tr.get("textposition") or ()),
                    "colour": list(marker.get("color") or ()),
                    "hollow": [s == "diamond-open" for s in symbols],
                }
            )
        elif tr.get("meta") == PROJECTS_META:
            traces.append(
                {
                    **base,
                    "kind": "projects",
                    "text": list(tr.get("text") or ()),
                    "label": [re.sub(r"<br>", "\n", s) for s in tr.get("customdata") or ()],
                    "plain": [plain(s) for s in tr.get("customdata") or ()],
                    "colour": marker.get("color", pal.PROJECT),
                }
            )
        else:
            kind = {scenario_name: "scenario", required_name: "required"}.get(name, "series")
            traces.append(
                {
                    **base,
                    "kind": kind,
                    "mode": tr.get("mode", "lines+markers"),
                    "colour": line.get("color") or marker.get("color"),
                    "dash": line.get("dash", "solid"),
                    "size": marker.get("size", 10),
                    "symbol": marker.get("symbol", "circle"),
                }
            )
    title = (layout.get("title") or {}).get("text", "")
    return {
        "title": title.split("<br>"),
        "y_title": ((layout.get("yaxis") or {}).get("title") or {}).get("text", "").split("<br>"),
        "x_title": t("year", lang),
        "x_range": list(X_RANGE),
        # The description's pieces that do not move (chart_text.describe): the title, the value
        # axis' unit and the notes.
        "desc_title": plain(title),
        "suffix": (layout.get("yaxis") or {}).get("ticksuffix") or "",
        "notes": [n for a in layout.get("annotations") or () if (n := plain(a.get("text")))],
        "height": layout.get("height"),
        "traces": traces,
        "font": pal.FONT_FAMILY,
        "font_size": pal.FONT_SIZE,
        "title_size": pal.TITLE_SIZE,
        "separators": SEPARATORS.get(lang, ",."),
        "filename": chart_filename(title, "scenario_chart", lang) + ".png",
    }


def _texts(lang: str) -> dict[str, str]:
    texts = {k: t(k, lang) for k in TEXT_KEYS}
    texts["share_2030"] = t("share_in_year", lang, year=TARGET_YEAR_2)
    return texts


def _control_label(link_key: str, lang: str) -> str:
    label = t("de_growth_pct" if link_key.startswith("gd") else "grdp_growth_pct", lang)
    return f"{t('period_2_short', lang)} · {label}"


def live_data(state: AppState, fig: go.Figure | None, *, present: bool = False) -> dict[str, Any]:
    """Everything the component draws, as data (JSON): numbers, texts, series (no chart when
    ``fig`` is None: its build failed, and the controls still work)."""
    scn, lang, ev = state.scenario, state.lang, state.evaluation
    latest = ev.verdicts[-1]
    controls = []
    for key in CONTROLS:
        value = float(getattr(scn, key))
        controls.append(
            {"key": key, "label": _control_label(key, lang), "value": value, **_range(key, value)}
        )
    nudges = []
    if present:
        nudges = [
            {
                "delta": d,
                "label": f"{d:+.0f}".replace("-", "\u2212"),
                "help": t("present_nudge_help", lang, delta=fmt_pp(d, lang, 0), year=TARGET_YEAR_2),
            }
            for d in NUDGES
        ]
    return {
        "lang": lang,
        "present": present,
        "seq": int(st.session_state.get(LIVE_SEQ, 0)),
        "scenario": {
            "base_year": scn.base_year,
            "base_share_pct": scn.base_share_pct,
            "ss": scn.ss,
            **{k: getattr(scn, k) for k in ("gy1", "gd1", "gy2", "gd2", "t1", "t2")},
            "projects": [[p.year, p.value_vnd_trn] for p in scn.projects],
        },
        "level": base_grdp(state.ds, scn.base_year),
        "observed": {str(y): v for y, v in observed_share(state.ds).items()},
        "controls": controls,
        "nudges": nudges,
        "nudge_title": t("present_gd2", lang) if present else "",
        # The server's part of the verdict: the Monte Carlo's probability of meeting 2030.
        "probability": None if latest.probability is None else fmt_prob(latest.probability, lang),
        "texts": _texts(lang),
        "chart": None if fig is None else chart_spec(fig, lang),
    }


def _take_value() -> None:
    """The component's change (its state ``growth``: Streamlit unwraps a state named ``value``
    holding a mapping, and would then call no callback ; a
    callback: it runs before anything is drawn, so it may set the scenario's keys): the growths
    it sends, held to the link contract's ranges."""
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
    """Mount the component (key :data:`~qn_ui.state.W_LIVE`, whose ``st-key-`` class names
    ``gd2``) with this run's scenario and chart."""
    _component()(
        key=W_LIVE,
        data=live_data(state, fig, present=present),
        on_growth_change=_take_value,
        width="stretch",
        height="content",
    )
