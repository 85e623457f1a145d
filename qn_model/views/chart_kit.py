"""The chart kit: the shared plotly layout and the figure builders every chart is made from
(the app, the brief and the exports; no Streamlit here). ``figures.py`` assembles the product's
figures from an evaluation with them.

Every figure: projector-sized type, Okabe–Ito colours, numbers in the language's format
(plotly's ``separators``), target lines labelled in place rather than in a far legend.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import math
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, TypeVar

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from qn_model.core.messages import N_
from qn_model.core.scenario import TARGET_YEAR_2
from qn_model.core.sensitivity import SensitivityGrid
from qn_model.core.uncertainty import FanChart
from qn_model.data.cache import derived
from qn_model.i18n.formats import fmt_pct, plotly_separators, t
from qn_model.views import palette as pal

if TYPE_CHECKING:
    from qn_model.data.dataset import Dataset

Builder = TypeVar("Builder", bound=Callable[..., "go.Figure | None"])
HEIGHT = 500
TITLE_WRAP = 40  # characters per title line: a 360 px phone chart at 15 px type (see the app's CSS)
TITLE_BASELINE = 28  # px from a figure's top to its title's first baseline (see share_figure)
X_RANGE = [2019.5, 2030.4]  # the share charts' years, with half a year's air at each end
# The one trace holding every target marker; its points are told apart by their labels.
TARGETS_TRACE = "targets"
# The projects' start years (markers on the path); not a series of numbers of its own.
PROJECTS_META = "projects"

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


def of_data(build: Builder) -> Builder:
    """For a builder of a figure (or None) from the data and hashable arguments alone (the history
    and peers charts): built once per dataset content and arguments (``data/cache.derived``, under
    the builder's own name), its dict kept where no caller reaches it, and each call gets a figure
    of its own, a deep copy, unvalidated (validated once when built): ~2 ms against ~25 ms a
    chart, on every run of a page."""
    name = f"{build.__module__}.{build.__qualname__}"

    @functools.wraps(build)
    def figure(ds: Dataset, *args: Hashable, **kwargs: Hashable) -> go.Figure | None:
        def compute() -> dict | None:
            fig = build(ds, *args, **kwargs)
            return None if fig is None else fig.to_dict()

        spec = derived(ds, name, compute, args, tuple(sorted(kwargs.items())))
        return None if spec is None else go.Figure(copy.deepcopy(spec), _validate=False)

    return figure  # type: ignore[return-value]


@functools.cache
def _no_template_json() -> dict:
    # Plotly turns its template object into JSON in 0.3 ms, on each figure; it never changes.
    return pio.templates[NO_TEMPLATE].to_plotly_json()


def _plain(value: object) -> object:
    return value.tolist() if hasattr(value, "tolist") else str(value)


def with_gaps(series: pd.Series) -> tuple[list[int], list[float | None]]:
    """Every year from the first to the last, ``None`` where there is no value, so that a
    plotly line (``connectgaps=False``) breaks at a gap instead of bridging it."""
    data = {int(y): float(v) for y, v in series.items() if v is not None and math.isfinite(float(v))}
    if not data:
        return [], []
    years = list(range(min(data), max(data) + 1))
    return years, [data.get(y) for y in years]


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
    legible(fig)
    if fig.layout.datarevision is None:
        fig.layout.datarevision = data_revision(fig.to_dict()["data"])
    return fig


def _ink(colour: object, bg: str) -> object:
    try:
        return pal.ink(colour, bg) if isinstance(colour, str) and colour else colour
    except ValueError:  # a colour name plotly knows and the palette does not: left as given
        return colour


def _inked(colour: object, bg: str) -> object:
    if isinstance(colour, (list, tuple)):
        return [_ink(c, bg) for c in colour]
    return _ink(colour, bg)


def legible(fig: go.Figure) -> go.Figure:
    """Every text colour of ``fig`` darkened, where needed, to WCAG's 4.5:1 against what it is
    drawn on (the plot's white, an annotation's own background), hue kept (issue 22).

    Figures colour a label like its line (a target in vermilion, a project in orange), which is
    right for a line and too faint for text; done here, in the one step every app chart passes
    through, no builder can forget it. Changes ``fig`` in place (only what fails), returns it.
    """
    bg = fig.layout.plot_bgcolor or pal.WHITE
    for trace in fig.data:
        for attr in ("textfont", "outsidetextfont"):
            font = getattr(trace, attr, None)
            if font is not None and font.color is not None:
                new = _inked(font.color, bg)
                if new != font.color:
                    font.color = new
    for note in fig.layout.annotations:
        if note.font.color is not None:
            new = _inked(note.font.color, note.bgcolor or bg)
            if new != note.font.color:
                note.font.color = new
    return fig


def _greedy_lines(words: list[str], width: int) -> list[str]:
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


Y_TITLE_WRAP = 24  # characters: an axis title longer than this takes two lines


def wrap_title(text: str, width: int = TITLE_WRAP) -> str:
    """Break a long chart title into balanced lines of at most ``width`` characters (at spaces).

    Plotly never wraps a title: a long one runs off a narrow chart (a phone, a projector's
    column, two charts side by side). The app cannot know the browser's width when it builds a
    figure, so a title longer than ``width`` is broken into as few lines as ``width`` allows,
    of about equal length (short lines fit the narrowest charts); one with its own ``<br>`` is
    kept.
    """
    if "<br>" in text or len(text) <= width:
        return text
    words = text.split(" ")
    most = len(_greedy_lines(words, width))
    for target in range(-(-len(text) // most), width + 1):
        lines = _greedy_lines(words, target)
        if len(lines) <= most:
            return "<br>".join(lines)
    return "<br>".join(_greedy_lines(words, width))


def base_layout(fig: go.Figure | FigureSpec, lang: str, title: str, y_title: str, height: int = HEIGHT):
    """Type, colours, number format and a layout that holds at any width.

    Every text's place is left to plotly's margin logic, not fixed pixels, because the same
    figure is drawn 360 px wide on a phone and 1,800 px on a projector: the title and the legend
    push the margins (the legend placed in the figure's own, container, coordinates reserves
    its rows first, however many the width wraps it into; the title over the plot, its lines);
    then the axes' ``automargin`` grows the margins for tick labels and for the axis titles at
    their ``standoff``. (A fixed bottom margin and a legend anchored under it put the x-axis
    title on the tick labels.) Year ticks are left to plotly's automatic spacing, which scales
    with the plot's width in the browser (every 2 years on a laptop, every 5 on a phone) where a
    fixed ``dtick=1`` made 11 labels collide on narrow charts; ``tickformat="d"`` and a range of
    at least a few years keep them whole years.
    """
    if isinstance(fig, go.Figure):
        fig.layout.template = NO_TEMPLATE  # replaces plotly's default (an update would merge into it)
    fig.update_layout(
        title={
            "text": wrap_title(title),
            "font": {"size": pal.TITLE_SIZE},
            "x": 0.0,
            "xanchor": "left",
            "xref": "container",
            "yref": "paper",  # over the plot: automargin makes room for all its lines
            "y": 1.0,
            "yanchor": "bottom",
            "pad": {"b": 12, "l": 8},
            "automargin": True,
        },
        font={"size": pal.FONT_SIZE, "family": pal.FONT_FAMILY},
        separators=plotly_separators(lang),
        height=height,
        # Minimums only: automargin and the reserved room of the title and legend add the rest.
        margin={"l": 10, "r": 20, "t": 20, "b": 10, "autoexpand": True},
        # At the bottom of the figure, in its own coordinates: it reserves its rows (however many
        # the width wraps it into) before the x axis takes its room above them.
        legend={
            "orientation": "h",
            "xref": "container",
            "yref": "container",
            "y": 0.0,
            "yanchor": "bottom",
            "x": 0.0,
            "xanchor": "left",
            # Plotly lays a wrapping legend out in columns as wide as its longest entry: smaller
            # type keeps two columns on a laptop's chart instead of one entry a row.
            "font": {"size": pal.FONT_SIZE - 4},
        },
        plot_bgcolor="white",
        hovermode="x unified",
        colorway=list(pal.SEQUENCE),  # Okabe–Ito, for any trace not given a colour
    )
    fig.update_xaxes(
        title={"text": t("year", lang), "standoff": 8},
        automargin=True,
        showgrid=False,
        linecolor=pal.GREY,
        tickformat="d",
    )
    fig.update_yaxes(
        # Rotated along a short plot (a phone, a chart under a long legend), a long axis title
        # would run past the plot into the chart's title: two balanced lines instead.
        title={"text": wrap_title(y_title, Y_TITLE_WRAP), "standoff": 8},
        automargin=True,
        gridcolor="#E5E5E5",
        zeroline=False,
        linecolor=pal.GREY,
    )
    return fig


SHORT_SPAN_YEARS = 6  # up to this many years, every year gets its tick


def year_axis(fig: go.Figure | FigureSpec, first: int, last: int) -> None:
    """The x axis over the years ``first`` to ``last``, with half a year's air at each end.

    Plotly's automatic ticks thin long spans by the plot's width, but over a few years they go
    below one year (2022, 2022, 2023, … with ``tickformat="d"``): a short span gets a tick a year,
    which fits even a phone's chart.
    """
    fig.update_xaxes(range=[first - 0.5, last + 0.5])
    if last - first <= SHORT_SPAN_YEARS:
        fig.update_xaxes(dtick=1, tick0=first)


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


def target_positions(targets: Sequence[tuple[int, float, str, str, bool]], end_year: int) -> list[str]:
    """Where each target's label goes: left of its marker, above it for the highest marker of
    ``end_year`` and under it for the others there.

    The paths run into the end year's markers from the left, and a label beside the plot (in a
    margin of fixed pixels) left a phone's chart a plot 80 px wide; above and under, the labels
    take room inside the plot whatever its width, and two targets of the same year stay apart.
    """
    top = max((value for year, value, *_ in targets if year == end_year), default=None)
    return [
        "middle left" if year != end_year else ("top left" if value == top else "bottom left")
        for year, value, *_ in targets
    ]


def add_targets(
    fig: go.Figure | FigureSpec, targets: Sequence[tuple[int, float, str, str, bool]], end_year: int
) -> None:
    """Targets as labelled diamonds: read from across the room, no legend hunting.

    ``targets`` items are (year, value %, label, colour, hollow). All markers go in one trace:
    the browser redraws every trace on each slider move, and one trace is cheaper than three.
    Labels are placed by :func:`target_positions`; call :func:`target_headroom` after the
    layout so that a label above its marker stays inside the plot.
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
            "textposition": target_positions(targets, end_year),
            "textfont": {"size": pal.FONT_SIZE, "color": list(colours)},
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


def target_headroom(fig: go.Figure | FigureSpec, top_pct: float) -> None:
    """A y range from 0 with room above ``top_pct`` (the highest value drawn) for a label
    above the highest target; beyond 100 % of GRDP the scale says nothing useful."""
    fig.update_yaxes(range=[0, 105] if top_pct > 100.0 else [0, top_pct * 1.2 + 2.0])


def add_observed(
    fig: go.Figure | FigureSpec, observed: Mapping[int, float], user_years: Sequence[int], lang: str
) -> None:
    """The province's observed shares as big markers; the planner's own figures in their colour."""
    mine = set(user_years)
    for name, colour, symbol, points in (
        (N_("series_observed"), pal.OBSERVED, "circle", {y: v for y, v in observed.items() if y not in mine}),
        (N_("series_user"), pal.USER, "square", {y: v for y, v in observed.items() if y in mine}),
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
    margin: Mapping[str, int] | None = None,
) -> go.Figure:
    """The headline chart: observed shares, national context, projection, fan, targets.

    ``targets`` items are (year, value %, label, is_selected); unselected ones are hollow.
    ``projects`` items are (start year, share % on the path that year, short text, label).
    ``margin``: minimum margins in px instead of :func:`base_layout`'s (automargin still grows them).
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
    if margin:
        # The title hung from the figure's top, its first line's baseline TITLE_BASELINE px down,
        # in the figure's own coordinates: over the plot (``yref="paper"``) plotly places a title
        # of several lines only in a second draw, the one these margins avoid. In one draw the
        # lines run down from there (``margin["t"]`` holds two).
        title_top = {"yref": "container", "y": 1 - TITLE_BASELINE / height, "pad": {"b": 0}}
        fig.update_layout(margin=margin, title=title_top)
    fig.update_yaxes(ticksuffix="%")
    target_headroom(fig, highest_point(fig))
    fig.update_xaxes(range=X_RANGE)
    return fig.build()


def highest_point(fig: go.Figure | FigureSpec) -> float:
    """The highest y value of the figure's traces (0 for none)."""
    values = [float(y) for trace in fig.data for y in (trace["y"] or ()) if y is not None]
    return max((v for v in values if np.isfinite(v)), default=0.0)


def sensitivity_figure(grid: SensitivityGrid, lang: str, current: tuple[float, float]) -> go.Figure:
    """Heatmap of the target year's share over (DE growth, GRDP growth), with the target contour
    and the scenario's own point."""
    z = np.asarray(grid.share_pct)
    zmax = float(min(max(np.nanmax(z), grid.target_pct * 1.5), 100.0))
    cells = dict(x=list(grid.gd_pct), y=list(grid.gy_pct), z=z)  # the map and its contour share them
    fig = FigureSpec()
    fig.add_trace(
        dict(
            type="heatmap",
            **cells,
            zmin=0,
            zmax=zmax,
            colorscale="Cividis",  # perceptually uniform and colour-blind safe
            # The bar's title runs along it: over it, it widened the bar's margin by its length
            # and left a phone's map a sliver of plot.
            colorbar={
                "title": {"text": t("share_in_year", lang, year=grid.year), "side": "right"},
                "ticksuffix": "%",
            },
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
            **cells,
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


PNG_SIZE = (1920, 1080)  # the toolbar's PNG: a projector's resolution


def chart_config(filename: str, height: int | None = None) -> dict:
    """A chart's plotly config: the toolbar's camera saves a 1920×1080 PNG named ``filename``
    (taller when the chart is: a tall chart of fixed-height rows squeezed into 1080 px overlaps)."""
    width, png_height = PNG_SIZE
    png = {"format": "png", "width": width, "height": max(png_height, int(height or 0)), "scale": 1}
    return {"displaylogo": False, "toImageButtonOptions": {**png, "filename": filename}}
