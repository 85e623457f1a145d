"""The peers page's view-model (``pages/peers.py``): its three bar charts, the readings, the
realism tables and the values with their sources."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from qn_model.core.messages import N_
from qn_model.core.scenario import Scenario
from qn_model.core.targets import TargetVerdict
from qn_model.data import peers
from qn_model.data.dataset import Dataset
from qn_model.i18n.formats import t
from qn_model.views import peer_text
from qn_model.views.chart_kit import of_data
from qn_model.views.history import LINK_DISPLAY_REGEX
from qn_model.views.peer_figures import peer_bars_figure
from qn_model.views.realism_text import realism_lines, series_table

__all__ = [
    "LINK_DISPLAY_REGEX",
    "PARTS",
    "bars",
    "distance_note",
    "distance_table",
    "link_column",
    "readings",
    "realism_now",
    "series",
    "values",
]
PARTS = ("share", "targets", "growth")  # the charts, in the page's order
_GROUPS = {"share": peers.share_groups, "targets": peers.target_groups, "growth": peers.growth_groups}
_AXES = {
    "share": N_("peers_axis_share"),
    "targets": N_("peers_axis_share"),
    "growth": N_("peers_axis_growth"),
}


@of_data
def bars(ds: Dataset, part: str, lang: str) -> go.Figure:
    """One of the page's bar charts (``part`` in :data:`PARTS`)."""
    return peer_bars_figure(_GROUPS[part](ds), lang, t(f"peers_{part}_title", lang), t(_AXES[part], lang))


def readings(ds: Dataset, lang: str) -> list[str]:
    return list(peer_text.readings(ds, lang))


def series(ds: Dataset, lang: str) -> pd.DataFrame:
    """How fast a share has ever grown, series by series."""
    return series_table(ds, lang)


def realism_now(scn: Scenario, verdicts: tuple[TargetVerdict, ...], ds: Dataset, lang: str) -> list[str]:
    """The scenario and the targets beside those records (nothing when there is nothing to say)."""
    return list(realism_lines(scn, verdicts, ds, lang))


def distance_note(ds: Dataset, lang: str) -> str:
    """How the distance to each area's own target is read (method and year basis per row)."""
    return peer_text.distance_note(ds, lang)


def distance_table(ds: Dataset, lang: str) -> pd.DataFrame:
    """Each area with a figure and a target of its own: the growth a year it would need."""
    return peer_text.distance_table(ds, lang)


def values(ds: Dataset, lang: str) -> pd.DataFrame:
    return peer_text.values_table(ds, lang)


def link_column(lang: str) -> str:
    return t("hist_col_link", lang)
