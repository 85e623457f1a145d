"""The peers page's figures: horizontal bars, one panel per (method, year) group, so that no two
methods ever share a panel and every panel names its method. Horizontal bars keep long names
readable on a phone as on a projector."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from qn_model.data.peers import QN, VN, PeerGroup
from qn_model.views import palette as pal
from qn_model.views.chart_kit import base_layout
from qn_model.views.history import wrap
from qn_model.views.peer_text import bar_label, group_title, value_text

ROW_PX = 42  # one area: its name on a line, its bar under it (a name never competes with a bar for width)
TITLE_PX = 64  # a panel's title (two lines at most) and the air above it
TOP_PX, BOTTOM_PX = 84, 56  # the title: two lines at most
FONT = pal.FONT_SIZE - 2
TITLE_WRAP = 38  # characters per line of a panel title: a 390 px phone holds about 42
HEAD_WRAP = 30  # the chart's title, in larger type
NAME_Y, BAR_Y, BAR_WIDTH = 0.22, 0.68, 0.46  # within an area's row (0 = top, 1 = bottom)
ROOM = 1.3  # the value axis runs to 1.3 x the largest value: room for the value beside its bar


def bar_colour(geo: str) -> str:
    """Quảng Ninh stands out (black), the nation is grey, every other area blue."""
    return pal.OBSERVED if geo == QN else (pal.NATIONAL if geo == VN else pal.BLUE)


def figure_height(groups: Sequence[PeerGroup]) -> int:
    """Pixels for the panels: each row and each panel title gets a fixed height, whatever the width."""
    return TOP_PX + BOTTOM_PX + sum(TITLE_PX + ROW_PX * len(g.values) for g in groups)


def peer_bars_figure(groups: Sequence[PeerGroup], lang: str, title: str, axis_title: str) -> go.Figure:
    """One horizontal-bar panel per group, stacked, on one scale; Quảng Ninh highlighted.

    Each area's name stands on its own line above its bar, left-aligned with the panel's title,
    so the bars get the full width on a phone and nothing is cut on a projector.

    Parameters
    ----------
    groups : sequence of PeerGroup
        What to draw, in order (``peers.share_groups`` and friends).
    lang : str
        ``"vi"`` or ``"en"``: names, titles and number formats.
    title, axis_title : str
        The chart's title and the value axis' title (drawn under the last panel).

    Returns
    -------
    plotly.graph_objects.Figure
        Without traces when there is no group.
    """
    fig = go.Figure()
    height = figure_height(groups)
    base_layout(fig, lang, wrap(title, HEAD_WRAP), "", height=height)
    # Over the plot, as base_layout places every title (a multi-line title anchored to the top of
    # the container was drawn with its first line above the figure); the fixed top margin holds
    # two lines, so automargin has nothing to add and the panels keep their pixel layout.
    fig.update_layout(title={"font": {"size": pal.FONT_SIZE + 2}})
    top = max((v.value_pct for g in groups for v in g.values), default=1.0)
    plot_px = height - TOP_PX - BOTTOM_PX
    y_px = 0  # from the top of the plotting area
    for i, group in enumerate(groups, start=1):
        axis = "" if i == 1 else str(i)
        n = len(group.values)
        hi = 1.0 - (y_px + TITLE_PX) / plot_px
        lo = 1.0 - (y_px + TITLE_PX + ROW_PX * n) / plot_px
        y_px += TITLE_PX + ROW_PX * n
        colours = [bar_colour(v.geo) for v in group.values]
        fig.add_trace(
            go.Bar(
                x=[v.value_pct for v in group.values],
                y=[k + BAR_Y for k in range(n)],
                width=BAR_WIDTH,
                orientation="h",
                marker={"color": colours},
                text=[value_text(v, lang) for v in group.values],
                textposition="outside",
                textfont={"size": FONT},
                cliponaxis=False,
                customdata=[bar_label(v, lang) for v in group.values],
                hovertemplate="%{customdata}: %{text}<extra></extra>",
                xaxis=f"x{axis}",
                yaxis=f"y{axis}",
                showlegend=False,
            )
        )
        fig.add_trace(
            go.Scatter(
                x=[0.0] * n,
                y=[k + NAME_Y for k in range(n)],
                mode="text",
                text=[
                    f"<b>{bar_label(v, lang)}</b>" if v.geo == QN else bar_label(v, lang)
                    for v in group.values
                ],
                textposition="middle right",
                textfont={"size": FONT, "color": pal.BLACK},
                hoverinfo="skip",
                cliponaxis=False,
                xaxis=f"x{axis}",
                yaxis=f"y{axis}",
                showlegend=False,
            )
        )
        last = i == len(groups)
        fig.update_layout(
            {
                f"xaxis{axis}": {
                    "anchor": f"y{axis}",
                    "domain": [0.0, 1.0],
                    "range": [0, top * ROOM],
                    "matches": None if i == 1 else "x",
                    "showticklabels": last,
                    "ticksuffix": "%",
                    "dtick": None,
                    "tickformat": None,
                    "showgrid": True,
                    "gridcolor": "#E5E5E5",
                    "showline": False,
                    "zeroline": True,
                    "zerolinecolor": pal.GREY,
                    "title": {"text": axis_title if last else "", "font": {"size": FONT}},
                    "tickfont": {"size": FONT},
                    "fixedrange": True,
                },
                f"yaxis{axis}": {
                    "anchor": f"x{axis}",
                    "domain": [max(0.0, lo), min(1.0, hi)],
                    "range": [n, 0],
                    "showticklabels": False,
                    "showgrid": False,
                    "zeroline": False,
                    "title": None,
                    "fixedrange": True,
                },
            }
        )
        fig.add_annotation(
            text=f"<b>{wrap(group_title(group, lang), TITLE_WRAP)}</b>",
            xref="paper",
            x=0.0,
            xanchor="left",
            yref="paper",
            y=min(1.0, hi) + 6 / plot_px,
            yanchor="bottom",
            align="left",
            showarrow=False,
            font={"size": FONT, "color": pal.BLACK},
        )
    fig.update_layout(hovermode="closest", margin={"l": 12, "r": 12, "t": TOP_PX, "b": BOTTOM_PX})
    return fig
