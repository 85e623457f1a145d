"""A chart's text alternative: one short paragraph that says what it shows, with its numbers.

Read from the figure itself (whatever builder made it), so that every chart of the app has one
and it can never disagree with what is drawn: the title, then per line its first and last value
with their years, per bar chart each bar, per map its range, and the targets' and the projects'
labels. In the reader's language and number format. The app puts it beside the chart for screen
readers (``qn_ui/a11y.py``); a sighted planner has the chart's numbers one control away.
"""

from __future__ import annotations

import base64
import math
import re
from collections.abc import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from qn_model.i18n.formats import fmt_num, t
from qn_model.views.chart_kit import PROJECTS_META, TARGETS_TRACE
from qn_model.views.figures import figure_table

_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")


def plain(text: object) -> str:
    """Plotly rich text as plain text: ``<br>`` a space, other tags dropped."""
    s = str(text or "").replace("<br>", " ")
    return _SPACES.sub(" ", _TAGS.sub("", s)).strip()


def _values(v: object) -> list:
    """A trace's array as a list; plotly's JSON carries numpy arrays as typed base64 blocks."""
    if isinstance(v, Mapping) and "bdata" in v:
        arr = np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"]))
        if v.get("shape"):
            arr = arr.reshape([int(n) for n in str(v["shape"]).split(",")])
        return arr.tolist()
    if isinstance(v, np.ndarray):
        return v.tolist()
    return list(v or ())


def _finite(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def value_text(value: float, lang: str, suffix: str = "") -> str:
    """A value as the description writes it: one decimal (none from 1,000 up), the axis' unit."""
    return fmt_num(float(value), lang, 0 if abs(value) >= 1000 else 1) + suffix


def _axis(layout: Mapping, ref: str | None, letter: str) -> Mapping:
    name = f"{letter}axis" + (ref[1:] if ref and len(ref) > 1 else "")
    return layout.get(name) or {}


def _axis_title(axis: Mapping) -> str:
    title = axis.get("title") or {}
    return plain(title.get("text") if isinstance(title, Mapping) else title)


def _year(x: object) -> bool:
    return _finite(x) and float(x).is_integer() and 1900 <= float(x) <= 2100


def _series(trace: Mapping, layout: Mapping, lang: str) -> str | None:
    suffix = _axis(layout, trace.get("yaxis"), "y").get("ticksuffix") or ""
    points = [
        (x, y)
        for x, y in zip(_values(trace.get("x")), _values(trace.get("y")), strict=False)
        if _finite(x) and _finite(y)
    ]
    if not points:
        return None
    name = plain(trace.get("name"))
    if not all(_year(x) for x, _ in points):  # a point on a map (the scenario on the sensitivity map)
        xs = _axis(layout, trace.get("xaxis"), "x")
        x, y = points[-1]
        return t(
            "chart_desc_point",
            lang,
            name=name,
            x_title=_axis_title(xs),
            x=value_text(x, lang, xs.get("ticksuffix") or ""),
            y_title=_axis_title(_axis(layout, trace.get("yaxis"), "y")),
            y=value_text(y, lang, suffix),
        )
    (x0, y0), (x1, y1) = points[0], points[-1]
    if len(points) == 1:
        return t("chart_desc_single", lang, name=name, value=value_text(y0, lang, suffix), year=int(x0))
    return t(
        "chart_desc_series",
        lang,
        name=name,
        first=value_text(y0, lang, suffix),
        first_year=int(x0),
        last=value_text(y1, lang, suffix),
        last_year=int(x1),
    )


def _bars(trace: Mapping, layout: Mapping, lang: str) -> str | None:
    horizontal = trace.get("orientation") == "h"
    values = _values(trace.get("x") if horizontal else trace.get("y"))
    cats = _values(trace.get("y") if horizontal else trace.get("x"))
    axis = _axis(layout, trace.get("xaxis") if horizontal else trace.get("yaxis"), "x" if horizontal else "y")
    suffix = axis.get("ticksuffix") or ""
    labels = _values(trace.get("customdata")) if trace.get("customdata") is not None else None
    texts = _values(trace.get("text")) if not isinstance(trace.get("text"), str) else None
    items = []
    for i, v in enumerate(values):
        if not _finite(v):
            continue
        label = labels[i] if labels and i < len(labels) else cats[i]
        shown = texts[i] if texts and i < len(texts) else None
        items.append(f"{plain(label)}: {plain(shown) if shown else value_text(v, lang, suffix)}")
    if not items:
        return None
    name = plain(trace.get("name"))
    return f"{name}: {'; '.join(items)}" if name else "; ".join(items)


def _map(trace: Mapping, lang: str) -> str | None:
    z = [v for row in _values(trace.get("z")) for v in row if _finite(v)]
    if not z:
        return None
    bar = trace.get("colorbar") or {}
    suffix = bar.get("ticksuffix") or ""
    return t(
        "chart_desc_map",
        lang,
        name=_axis_title(bar) or plain(trace.get("name")),
        low=value_text(min(z), lang, suffix),
        high=value_text(max(z), lang, suffix),
    )


def _trace_text(trace: Mapping, layout: Mapping, lang: str) -> str | None:
    kind = trace.get("type", "scatter")
    if trace.get("visible") in (False, "legendonly"):
        return None
    if kind == "heatmap":
        return _map(trace, lang)
    if kind == "contour":  # the target's line on a map: its name says it
        return plain(trace.get("name")) or None
    if kind == "bar":
        return _bars(trace, layout, lang)
    if kind != "scatter" or trace.get("fill") == "toself":  # bands: the lines say the numbers
        return None
    if trace.get("name") == TARGETS_TRACE:
        labels = [plain(x) for x in _values(trace.get("text"))]
        return t("chart_desc_targets", lang, items="; ".join(labels)) if labels else None
    if trace.get("meta") == PROJECTS_META:
        labels = [plain(x) for x in _values(trace.get("customdata"))]
        return t("chart_desc_projects", lang, items="; ".join(labels)) if labels else None
    if trace.get("mode") == "text":  # labels placed as text (a peer's name): no numbers
        return None
    return _series(trace, layout, lang)


def describe(fig: go.Figure | Mapping, lang: str) -> str:
    """The chart's text alternative in ``lang``: its title, then each series with its first and
    last value and year (each bar, a map's range, the targets' labels), then its notes."""
    d = fig.to_dict() if isinstance(fig, go.Figure) else fig
    layout = d.get("layout") or {}
    title = layout.get("title") or {}
    parts = [plain(title.get("text") if isinstance(title, Mapping) else title)]
    parts += [text for trace in d.get("data") or () if (text := _trace_text(trace, layout, lang))]
    parts += [plain(a.get("text")) for a in layout.get("annotations") or () if plain(a.get("text"))]
    return ". ".join(p.rstrip(".") for p in parts if p) + "."


def _panel_titles(layout: Mapping, n: int) -> list[str]:
    """The titles of ``n`` stacked panels (annotations placed on the page, top to bottom), or
    blanks when the annotations are not one a panel."""
    notes = [a for a in layout.get("annotations") or () if a.get("yref") == "paper" and plain(a.get("text"))]
    if len(notes) != n:
        return [""] * n
    return [plain(a.get("text")) for a in sorted(notes, key=lambda a: -float(a.get("y") or 0))]


def value_table(fig: go.Figure | Mapping, lang: str) -> pd.DataFrame | None:
    """The numbers of a chart without years (bars, a map) as a table, in the reader's language and
    as the chart writes them: each bar with its label and value (and its panel's title when the
    bars stand in several panels), a map as rows × columns. None when the chart has neither."""
    d = fig.to_dict() if isinstance(fig, go.Figure) else fig
    layout = d.get("layout") or {}
    traces = [tr for tr in d.get("data") or () if tr.get("visible") not in (False, "legendonly")]
    bars = [tr for tr in traces if tr.get("type") == "bar"]
    if bars:
        rows = []
        for panel, tr in zip(_panel_titles(layout, len(bars)), bars, strict=True):
            horizontal = tr.get("orientation") == "h"
            values = _values(tr.get("x") if horizontal else tr.get("y"))
            cats = _values(tr.get("y") if horizontal else tr.get("x"))
            labels = _values(tr.get("customdata")) if tr.get("customdata") is not None else cats
            texts = _values(tr.get("text")) if not isinstance(tr.get("text"), str) else []
            for i, v in enumerate(values):
                if _finite(v):
                    shown = texts[i] if i < len(texts) and texts[i] else value_text(v, lang)
                    label = labels[i] if i < len(labels) else cats[i]
                    rows.append((panel or plain(tr.get("name")), plain(label), plain(shown)))
        if not rows:
            return None
        cols = [t("chart_col_panel", lang), t("chart_col_item", lang), t("chart_col_value", lang)]
        table = pd.DataFrame(rows, columns=cols)
        return table if table[cols[0]].any() else table.drop(columns=cols[0])
    maps = [tr for tr in traces if tr.get("type") == "heatmap"]
    if not maps:
        return None
    tr = maps[0]
    xs, ys = _axis(layout, tr.get("xaxis"), "x"), _axis(layout, tr.get("yaxis"), "y")
    x_suffix, y_suffix = xs.get("ticksuffix") or "", ys.get("ticksuffix") or ""
    z_suffix = (tr.get("colorbar") or {}).get("ticksuffix") or ""
    z = _values(tr.get("z"))
    heads = [value_text(x, lang, x_suffix) for x in _values(tr.get("x"))]
    corner = f"{_axis_title(ys)} \\ {_axis_title(xs)}"
    rows = [
        [value_text(y, lang, y_suffix)] + [value_text(v, lang, z_suffix) if _finite(v) else "" for v in row]
        for y, row in zip(_values(tr.get("y")), z, strict=False)
    ]
    return pd.DataFrame(rows, columns=[corner, *heads]) if rows else None


def numbers_table(fig: go.Figure, lang: str) -> pd.DataFrame | None:
    """The numbers a chart draws: year by year for lines, else each bar or each cell of a map."""
    table = figure_table(fig, lang)
    return table if table is not None else value_table(fig, lang)
