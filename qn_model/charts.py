"""Plotly figures for the app, the brief and the exports (no Streamlit here).

Every figure: projector-sized type, Okabe–Ito colours, numbers in the language's format
(plotly's ``separators``), target lines labelled in place rather than in a far legend.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio

from qn_model import palette as pal
from qn_model.i18n import fmt_pct, t
from qn_model.scenario import TARGET_YEAR_2
from qn_model.sensitivity import SensitivityGrid
from qn_model.uncertainty import FanChart

SEPARATORS = {"vi": ",.", "en": ".,"}  # plotly: decimal mark then thousands separator
HEIGHT = 500
X_RANGE = [2019.5, 2030.4]  # the share charts' years, with half a year's air at each end
# The one trace holding every target marker; its points are told apart by their labels.
TARGETS_TRACE = "targets"
# The projects' start years (markers on the path); not a series of numbers of its own.
PROJECTS_META = "projects"
PROJECTS_MARGIN_B = 136  # px: base_layout's 110 and one more legend row

# Plotly's own near-empty template: plotly.js's defaults, the same in the app, the brief and the
# exports (plotly's default is 7 kB of a chart's 10 kB of JSON; Streamlit swaps in yet another).
NO_TEMPLATE = "none"


def _merge(target: dict, changes: Mapping) -> None:
    for key, value in changes.items():
        if value is None:  # as in plotly: None removes a property
            target.pop(key, None)
            continue
        if key == "title" and isinstance(value, str):
            value = {"text": value}  # plotly.js 3 only reads title.text
        if isinstance(value, Mapping):
            if not isinstance(target.get(key), dict):
                target[key] = {}
            _merge(target[key], value)
        else:
            target[key] = value


class FigureSpec:
    """A figure built as plain data, turned into a ``go.Figure`` once, without validation.

    Plotly's object API validates every property on every call: ~25 ms per chart, paid on each
    slider move. Building the dict and constructing the figure once costs ~1 ms. It offers the
    few ``go.Figure`` methods the chart helpers use, so the helpers serve both; tests validate
    each builder's output (``go.Figure(fig.to_dict())``).
    """

    def __init__(self) -> None:
        self.data: list[dict] = []
        self.layout: dict = {}

    def add_trace(self, trace: Mapping) -> FigureSpec:
        self.data.append(dict(trace))
        return self

    def update_layout(self, changes: Mapping | None = None, **kwargs: object) -> FigureSpec:
        _merge(self.layout, {**(changes or {}), **kwargs})
        return self

    def update_xaxes(self, **kwargs: object) -> FigureSpec:
        return self.update_layout(xaxis=kwargs)

    def update_yaxes(self, **kwargs: object) -> FigureSpec:
        return self.update_layout(yaxis=kwargs)

    def build(self) -> go.Figure:
        # Template and revision given here: plotly would otherwise copy its default template in.
        layout = {
            **self.layout,
            "template": copy.deepcopy(_no_template_json()),
            "datarevision": data_revision(self.data),
        }
        return go.Figure({"data": self.data, "layout": layout}, _validate=False)


@functools.cache
def _no_template_json() -> dict:
    # Plotly turns its template object into JSON in 0.3 ms, on each figure; it never changes.
    return pio.templates[NO_TEMPLATE].to_plotly_json()


def _plain(value: object) -> object:
    return value.tolist() if hasattr(value, "tolist") else str(value)


def data_revision(data: object) -> str:
    """A digest of a figure's data: equal data, equal revision (see :func:`for_browser`)."""
    blob = json.dumps(data, sort_keys=True, default=_plain)
    return hashlib.blake2b(blob.encode(), digest_size=8).hexdigest()


def for_browser(fig: go.Figure) -> go.Figure:
    """The figure as the app hands it to the browser, so that its second pass is no recomputation.

    Streamlit draws a chart, then at once hands plotly.js a fresh copy of the same figure with
    the width it measured. ``Plotly.react`` takes any template object and any data array with a
    new identity for a change, and recomputes everything. So: no template (plotly.js's defaults,
    which ours are), and a data revision (a digest of the data) that tells it the copied arrays
    are the same data; the new width still redraws the chart. Changes ``fig`` in place.
    """
    fig.layout.template = None
    if fig.layout.datarevision is None:
        fig.layout.datarevision = data_revision(fig.to_dict()["data"])
    return fig


def base_layout(fig: go.Figure | FigureSpec, lang: str, title: str, y_title: str, height: int = HEIGHT):
    if isinstance(fig, go.Figure):
        fig.layout.template = NO_TEMPLATE  # replaces plotly's default (an update would merge into it)
    fig.update_layout(
        title={"text": title, "font": {"size": pal.TITLE_SIZE}, "x": 0.0, "xanchor": "left"},
        font={"size": pal.FONT_SIZE, "family": pal.FONT_FAMILY},
        separators=SEPARATORS.get(lang, ",."),
        height=height,
        margin={"l": 70, "r": 30, "t": 70, "b": 110},
        # Below the x-axis title, not on it.
        legend={
            "orientation": "h",
            "yref": "container",
            "y": 0.0,
            "yanchor": "bottom",
            "x": 0.0,
            "font": {"size": pal.FONT_SIZE - 2},
        },
        plot_bgcolor="white",
        hovermode="x unified",
        colorway=list(pal.SEQUENCE),  # Okabe–Ito, for any trace not given a colour
    )
    fig.update_xaxes(title=t("year", lang), dtick=1, showgrid=False, linecolor=pal.GREY, tickformat="d")
    fig.update_yaxes(title=y_title, gridcolor="#E5E5E5", zeroline=False, linecolor=pal.GREY)
    return fig


def add_fan(fig: go.Figure, fan: FanChart, lang: str) -> None:
    """80 % and 95 % bands of the Monte Carlo, drawn under the projection."""
    years = list(fan.years)
    for lo, hi, alpha, key in ((0.025, 0.975, 0.15, "band_95"), (0.1, 0.9, 0.3, "band_80")):
        fig.add_trace(
            {
                "type": "scatter",
                "x": years + years[::-1],
                "y": list(fan.quantiles[hi]) + list(fan.quantiles[lo])[::-1],
                "fill": "toself",
                "mode": "lines",
                "fillcolor": pal.rgba(pal.PROJECTED, alpha),
                "line": {"width": 0},
                "name": t(key, lang),
                "hoverinfo": "skip",
            }
        )


def add_series(
    fig: go.Figure,
    years: Sequence[int],
    values: Sequence[float],
    name: str,
    lang: str,
    colour: str,
    *,
    dash: str = "solid",
    marker_size: int = 10,
    mode: str = "lines+markers",
    symbol: str = "circle",
) -> None:
    fig.add_trace(
        {
            "type": "scatter",
            "x": list(years),
            "y": list(values),
            "mode": mode,
            "name": name,
            "line": {"color": colour, "width": 3, "dash": dash},
            "marker": {"size": marker_size, "color": colour, "symbol": symbol},
            # d3 format + the layout's separators: "14,30%" in Vietnamese, no Python formatting.
            "hovertemplate": "%{y:.2f}%",
        }
    )


def add_targets(
    fig: go.Figure | FigureSpec, targets: Sequence[tuple[int, float, str, str, bool]], end_year: int
) -> None:
    """Targets as labelled diamonds: read from across the room, no legend hunting.

    ``targets`` items are (year, value %, label, colour, hollow). All markers go in one trace:
    the browser redraws every trace on each slider move, and one trace is cheaper than three.
    Labels sit left of their marker, except at ``end_year``, the axis's last year: there the
    paths run into the markers from the left (the required path crossed the other 2030 target's
    label), so those labels go right, into room kept beside the plot (:func:`end_label_room`).
    """
    if not targets:
        return
    years, values, labels, colours, hollow = zip(*targets, strict=True)
    fig.add_trace(
        {
            "type": "scatter",
            "x": list(years),
            "y": list(values),
            "mode": "markers+text",
            "marker": {
                "size": 20,
                "symbol": ["diamond-open" if h else "diamond" for h in hollow],
                "color": list(colours),
                "line": {"width": 3, "color": list(colours)},
            },
            "text": list(labels),
            "textposition": ["middle right" if y == end_year else "middle left" for y in years],
            "textfont": {"size": pal.FONT_SIZE, "color": list(colours)},
            "cliponaxis": False,  # the end year's labels are drawn beside the plot, not cut off
            "name": TARGETS_TRACE,
            "hovertemplate": "%{text}<extra></extra>",
            "showlegend": False,
        }
    )


def add_projects(
    fig: go.Figure | FigureSpec, projects: Sequence[tuple[int, float, str, str]], lang: str
) -> None:
    """Each project's start year: a dotted line across the plot and a star on the path, with its
    value beside it (the full label on hover)."""
    if not projects:
        return
    years, shares, texts, labels = zip(*projects, strict=True)
    fig.add_trace(
        {
            "type": "scatter",
            "x": list(years),
            "y": list(shares),
            "mode": "markers+text",
            "marker": {
                "size": 18,
                "symbol": "star",
                "color": pal.PROJECT,
                "line": {"width": 1, "color": "white"},
            },
            "text": list(texts),
            "textposition": "top left",
            "textfont": {"size": pal.FONT_SIZE - 2, "color": pal.PROJECT},
            "customdata": list(labels),
            "cliponaxis": False,  # a value near the top of the plot stays whole
            "name": t("series_projects", lang),
            "meta": PROJECTS_META,
            "hovertemplate": "%{customdata}<extra></extra>",
        }
    )
    fig.update_layout(
        shapes=[
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": year,
                "x1": year,
                "y0": 0,
                "y1": 1,
                "layer": "below",
                "line": {"color": pal.PROJECT, "width": 2, "dash": "dot"},
            }
            for year in sorted(set(years))
        ]
    )


def end_label_room(
    fig: go.Figure | FigureSpec, targets: Sequence[tuple[int, float, str, str, bool]], end_year: int
) -> None:
    """Widen the right margin to hold the end year's target labels (call after ``base_layout``)."""
    longest = max((len(label) for year, _, label, _, _ in targets if year == end_year), default=0)
    if longest:
        # ~0.5 em per character of the label font (measured in Chromium), plus the marker and a gap.
        fig.update_layout(margin={"r": 30 + round(0.5 * pal.FONT_SIZE * longest)})


def add_observed(
    fig: go.Figure | FigureSpec, observed: Mapping[int, float], user_years: Sequence[int], lang: str
) -> None:
    """The province's observed shares as big markers; the planner's own figures in their colour."""
    mine = set(user_years)
    for name, colour, symbol, points in (
        ("series_observed", pal.OBSERVED, "circle", {y: v for y, v in observed.items() if y not in mine}),
        ("series_user", pal.USER, "square", {y: v for y, v in observed.items() if y in mine}),
    ):
        if points:
            add_series(
                fig,
                list(points),
                list(points.values()),
                t(name, lang),
                lang,
                colour,
                mode="markers",
                marker_size=16,
                symbol=symbol,
            )


def share_figure(
    lang: str,
    title: str,
    *,
    national: Mapping[int, float],
    observed: Mapping[int, float],
    user_years: Sequence[int] = (),
    projection: tuple[Sequence[int], Sequence[float]] | None = None,
    fan: FanChart | None = None,
    required: tuple[Sequence[int], Sequence[float]] | None = None,
    targets: Sequence[tuple[int, float, str, bool]] = (),
    projects: Sequence[tuple[int, float, str, str]] = (),
    height: int = HEIGHT,
) -> go.Figure:
    """The headline chart: observed shares, national context, projection, fan, targets.

    ``targets`` items are (year, value %, label, is_selected); unselected ones are hollow.
    ``projects`` items are (start year, share % on the path that year, short text, label).
    """
    fig = FigureSpec()
    if fan is not None:
        add_fan(fig, fan, lang)
    if national:
        add_series(
            fig,
            list(national),
            list(national.values()),
            t("series_national", lang),
            lang,
            pal.NATIONAL,
            dash="dot",
            marker_size=8,
        )
    if projection is not None:
        add_series(
            fig, projection[0], projection[1], t("series_projection", lang), lang, pal.PROJECTED, dash="dash"
        )
    if required is not None:
        add_series(
            fig,
            required[0],
            required[1],
            t("series_required", lang),
            lang,
            pal.GREEN,
            dash="dot",
            marker_size=6,
        )
    add_observed(fig, observed, user_years, lang)
    add_projects(fig, projects, lang)
    markers = [(y, v, label, pal.TARGET if sel else pal.TARGET_ALT, not sel) for y, v, label, sel in targets]
    add_targets(fig, markers, TARGET_YEAR_2)
    base_layout(fig, lang, title, t("axis_share", lang), height=height)
    if projects:  # their legend entry can take a row of its own: keep it off the year axis
        fig.update_layout(margin={"b": PROJECTS_MARGIN_B})
    end_label_room(fig, markers, TARGET_YEAR_2)
    fig.update_yaxes(ticksuffix="%", rangemode="tozero")
    if projection is not None and max(projection[1]) > 100.0:
        fig.update_yaxes(range=[0, 105])  # beyond 100 % of GRDP the scale says nothing useful
    fig.update_xaxes(range=X_RANGE)
    return fig.build()


def sensitivity_figure(grid: SensitivityGrid, lang: str, current: tuple[float, float]) -> go.Figure:
    """Heatmap of the target year's share over (DE growth, GRDP growth), with the target contour
    and the scenario's own point."""
    z = np.asarray(grid.share_pct)
    zmax = float(min(max(np.nanmax(z), grid.target_pct * 1.5), 100.0))
    fig = FigureSpec()
    fig.add_trace(
        dict(
            type="heatmap",
            x=list(grid.gd_pct),
            y=list(grid.gy_pct),
            z=z,
            zmin=0,
            zmax=zmax,
            colorscale="Cividis",  # perceptually uniform and colour-blind safe
            colorbar={"title": {"text": t("share_in_year", lang, year=grid.year)}, "ticksuffix": "%"},
            # d3 formats with the layout's separators: decimal commas in Vietnamese, no
            # per-cell Python formatting (2,500 cells per map would cost a visible delay).
            hovertemplate=(
                f"{t('de_growth', lang)}: %{{x:.1f}}%<br>{t('grdp_growth', lang)}: %{{y:.1f}}%<br>"
                + f"{t('de_share_short', lang)}: %{{z:.1f}}%<extra></extra>"
            ),
        )
    )
    fig.add_trace(
        dict(
            type="contour",
            x=list(grid.gd_pct),
            y=list(grid.gy_pct),
            z=z,
            contours={
                "start": grid.target_pct,
                "end": grid.target_pct,
                "size": 1,
                "coloring": "none",
                "showlabels": False,
            },
            line={"color": pal.TARGET, "width": 4},
            showscale=False,
            name=t("target_in_year", lang, year=grid.year, target=fmt_pct(grid.target_pct, lang)),
            hoverinfo="skip",
            showlegend=True,
        )
    )
    fig.add_trace(
        dict(
            type="scatter",
            x=[current[1]],
            y=[current[0]],
            mode="markers",
            marker={"size": 18, "color": "white", "line": {"width": 3, "color": pal.BLACK}, "symbol": "x"},
            name=t("series_this_scenario", lang),
            hoverinfo="skip",
        )
    )
    base_layout(
        fig,
        lang,
        t("sensitivity_title", lang, year=grid.year, target=fmt_pct(grid.target_pct, lang)),
        t("grdp_growth_axis", lang),
    )
    fig.update_xaxes(title=t("de_growth_axis", lang), dtick=None, tickformat=None, ticksuffix="%")
    fig.update_yaxes(ticksuffix="%")
    fig.update_layout(hovermode="closest")
    return fig.build()
