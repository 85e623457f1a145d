"""The headline chart's numbers as named series over years: what the deck's native chart and its
data sheet hold (the same series the app's headline chart draws, without the fan)."""

from __future__ import annotations

from dataclasses import dataclass

from qn_model.core.projection import project
from qn_model.core.scenario import TARGET_YEAR_1, TARGET_YEAR_2
from qn_model.core.targets import with_required_growth
from qn_model.data.codebook import NATION, SHARE_ID
from qn_model.data.dataset import Dataset
from qn_model.engine.evaluate import Evaluation
from qn_model.engine.presets import observed_share
from qn_model.i18n.formats import t

__all__ = ["SERIES_KEYS", "ChartSeries", "share_series"]

SERIES_KEYS = ("observed", "national", "scenario", "required", "targets")


@dataclass(frozen=True)
class ChartSeries:
    """One line of the chart: ``values[i]`` is the share (% of GRDP) in ``years[i]``, None where
    the series has no value that year."""

    key: str  # one of SERIES_KEYS
    name: str  # localised
    values: tuple[float | None, ...]


def share_series(ev: Evaluation, ds: Dataset, lang: str) -> tuple[tuple[int, ...], tuple[ChartSeries, ...]]:
    """The years (first observed to the last projected) and the chart's series over them.

    Observed Quảng Ninh share, Vietnam's, the scenario's projection, the path that meets the 2030
    target (the scenario as it is up to 2025, then the constant growth the target needs) and the
    two targets (values in 2025 and 2030 only). Numbers are the engine's, unrounded.
    """
    scn = ev.scenario
    observed = observed_share(ds)
    national = {int(y): float(v) for y, v in ds.series(SHARE_ID, NATION).items()}
    projection = dict(zip((int(y) for y in ev.projection.years), ev.projection.share_pct, strict=True))
    level = ev.projection.base_level
    plan = project(with_required_growth(scn, TARGET_YEAR_2, scn.t2, level), level)
    required = dict(zip((int(y) for y in plan.years), plan.share_pct, strict=True))
    targets = {TARGET_YEAR_1: scn.t1, TARGET_YEAR_2: scn.t2}
    every = set(observed) | set(national) | set(projection) | set(targets)
    years = tuple(range(min(every), max(every) + 1))
    named = (
        ("observed", t("series_observed", lang), observed),
        ("national", t("series_national", lang), national),
        ("scenario", t("series_projection", lang), projection),
        ("required", t("series_required", lang), required),
        ("targets", t("target", lang), targets),
    )
    series = tuple(
        ChartSeries(key, name, tuple(_value(values.get(y)) for y in years)) for key, name, values in named
    )
    return years, series


def _value(v: float | None) -> float | None:
    return None if v is None else float(v)
