"""The live scenario's data (``qn_ui/live``): what the browser needs to draw the 2026–2030 growth
controls, the 2030 verdict and the scenario's chart, and to recompute them on every input event
(``model.mjs``, parity-tested against the engine). Data only, numbers and texts, never markup.

The chart goes as plain series taken from the same plotly figure the rest of the app draws
(``headline_figure``), so the live chart carries the same colours, names, targets with their
sources, projects and fan.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

import plotly.graph_objects as go

from qn_model.core.links import KEY_BY_NAME
from qn_model.core.messages import N_
from qn_model.core.scenario import TARGET_YEAR_2
from qn_model.engine.app_state import AppState
from qn_model.engine.evaluate import base_grdp
from qn_model.engine.presets import observed_share
from qn_model.i18n.formats import fmt_pp, fmt_prob, plotly_separators, t
from qn_model.views import palette as pal
from qn_model.views.chart_kit import PROJECTS_META, TARGETS_TRACE, X_RANGE
from qn_model.views.chart_text import plain
from qn_model.views.controls import STEP, slider_range
from qn_model.views.file_names import chart_filename
from qn_model.views.present import NUDGES, nudge_label  # the meeting view's buttons

CONTROLS = ("gd2", "gy2")  # digital economy first: the decisive one, nearest the verdict
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


def _range(link_key: str, value: float) -> dict[str, float]:
    lo, hi = slider_range(link_key, value)  # as the sidebar's sliders
    return {"min": lo, "max": hi, "step": STEP}


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
        "separators": plotly_separators(lang),
        "filename": chart_filename(title, "scenario_chart", lang) + ".png",
    }


def _texts(lang: str) -> dict[str, str]:
    texts = {k: t(k, lang) for k in TEXT_KEYS}
    texts["share_2030"] = t("share_in_year", lang, year=TARGET_YEAR_2)
    return texts


def _control_label(link_key: str, lang: str) -> str:
    label = t("de_growth_pct" if link_key.startswith("gd") else "grdp_growth_pct", lang)
    return f"{t('period_2_short', lang)} · {label}"


def live_data(state: AppState, fig: go.Figure | None, *, seq: int, present: bool = False) -> dict[str, Any]:
    """Everything the component draws, as data (JSON): numbers, texts, series (no chart when
    ``fig`` is None: its build failed, and the controls still work). ``seq``: the last change
    the server has taken (the browser ignores data older than its own last change)."""
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
                "label": nudge_label(d),
                "help": t("present_nudge_help", lang, delta=fmt_pp(d, lang, 0), year=TARGET_YEAR_2),
            }
            for d in NUDGES
        ]
    return {
        "lang": lang,
        "present": present,
        "seq": int(seq),
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


def released(value: object) -> tuple[dict[str, float], int | None]:
    """What the component sent on a release (its state ``growth``): each control's growth held to
    the link contract's range (anything else dropped), and the change's sequence number (None when
    missing): a tampered or odd message changes nothing it should not."""
    growth = value.get("growth") if isinstance(value, Mapping) else None
    growth = growth if isinstance(growth, Mapping) else {}
    values = {}
    for key in CONTROLS:
        raw = growth.get(key)
        if isinstance(raw, (int, float)) and not isinstance(raw, bool) and math.isfinite(raw):
            spec = KEY_BY_NAME[key]
            values[key] = min(max(float(raw), spec.lo), spec.hi)
    seq = growth.get("seq")
    return values, seq if isinstance(seq, int) and not isinstance(seq, bool) else None
