"""The realism reference: the fastest rise of a digital-economy share, relative to GRDP (GDP),
observed in any series of one method in the data; and how a scenario or a target compares.

A share rises by ``(1 + g_DE) / (1 + g_GRDP) - 1`` a year, which is the ratio of consecutive
shares less one. Only values measured one way are compared: the national GSO series, the
ministry's national series, Hồ Chí Minh City's GSO series, … never one method's value against
another's. This is a fact shown beside a scenario, not a verdict on it.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from qn_model.core.scenario import TARGET_YEAR_1, Scenario
from qn_model.core.targets import TargetVerdict
from qn_model.data.cache import derived
from qn_model.data.codebook import NATION, SHARE_ID
from qn_model.data.dataset import Dataset
from qn_model.data.peers import KIND_SHARE, PeerValue, geo_name, load_peers

__all__ = [
    "GrowthRecord",
    "RealismCheck",
    "ShareSeries",
    "fastest_share_growth",
    "realism_checks",
    "realism_reference",
    "relative_growth",
    "share_series",
]

# Series of one method in the main data: (indicator, area, method). Quảng Ninh's own share is
# not one: its single value names no method.
DATA_SERIES = ((SHARE_ID, NATION, "gso"), ("de_share_mic", NATION, "mic"))


@dataclass(frozen=True)
class ShareSeries:
    """A share series measured one way: area, method and (year, % share) points, oldest first."""

    geo: str
    method: str
    points: tuple[tuple[int, float], ...]
    area_vi: str = ""
    area_en: str = ""


@dataclass(frozen=True)
class GrowthRecord:
    """The share's rise between two consecutive values of a series, % a year (annualised)."""

    series: ShareSeries
    year_from: int
    year_to: int
    rate_pct: float


def relative_growth(gy_pct: float, gd_pct: float) -> float:
    """How fast the share rises, % a year, when GRDP grows ``gy_pct`` and the digital economy ``gd_pct``."""
    return ((1.0 + gd_pct / 100.0) / (1.0 + gy_pct / 100.0) - 1.0) * 100.0


def share_series(ds: Dataset, peers: Sequence[PeerValue] | None = None) -> tuple[ShareSeries, ...]:
    """Every share series of one method with at least two yearly values: from the main data
    (national GSO and ministry series) and from the peer file (per area and method)."""
    out: list[ShareSeries] = []
    for indicator_id, geo, method in DATA_SERIES:
        s = ds.series(indicator_id, geo)
        points = tuple((int(y), float(v)) for y, v in s.items() if math.isfinite(v) and v > 0)
        if len(points) >= 2:
            out.append(ShareSeries(geo, method, points, *geo_name(geo)))
    peers = load_peers() if peers is None else peers
    by_series: dict[tuple[str, str], dict[int, float]] = {}
    names: dict[str, tuple[str, str]] = {}
    for v in peers:
        # Periods ("2021-2025") are not years; a series needs dated values.
        if v.kind == KIND_SHARE and isinstance(v.year, int) and v.value_pct > 0:
            by_series.setdefault((v.geo, v.method), {})[v.year] = v.value_pct
            names[v.geo] = (v.name_vi, v.name_en)
    for (geo, method), values in sorted(by_series.items()):
        if len(values) >= 2:
            out.append(ShareSeries(geo, method, tuple(sorted(values.items())), *names[geo]))
    return tuple(out)


def fastest_share_growth(series: Sequence[ShareSeries]) -> GrowthRecord | None:
    """The fastest annualised rise between consecutive values of any one series (None when no
    series has two values). Ties go to the earlier series, then the earlier years."""
    best: GrowthRecord | None = None
    for s in series:
        for (y0, v0), (y1, v1) in itertools.pairwise(s.points):
            rate = ((v1 / v0) ** (1.0 / (y1 - y0)) - 1.0) * 100.0
            if best is None or rate > best.rate_pct:
                best = GrowthRecord(s, y0, y1, rate)
    return best


def realism_reference(ds: Dataset) -> GrowthRecord | None:
    """The fastest share growth on record in the data (with the shipped peers), cached per
    dataset: read on every slider move."""
    return derived(ds, "realism_reference", lambda: fastest_share_growth(share_series(ds)))


@dataclass(frozen=True)
class RealismCheck:
    """One rate set against the reference: the scenario's own (``what="scenario"``) or a
    target's required one (``what="target"``)."""

    what: str
    period: str  # the catalog key of the period: "period_1" / "period_2"
    year: int | None  # the target year, for a target
    target_pct: float | None
    rate_pct: float
    exceeds: bool


def realism_checks(
    scn: Scenario, verdicts: Sequence[TargetVerdict], reference: GrowthRecord | None
) -> tuple[RealismCheck, ...]:
    """The share growth the scenario implies in each period and the one each projected target
    needs, each marked when it is faster than the reference (nothing when there is none)."""
    if reference is None:
        return ()
    out = []
    for period, gy, gd in (("period_1", scn.gy1, scn.gd1), ("period_2", scn.gy2, scn.gd2)):
        if period == "period_1" and scn.base_year >= TARGET_YEAR_1:
            continue  # no year of period 1 is projected
        rate = relative_growth(gy, gd)
        out.append(RealismCheck("scenario", period, None, None, rate, rate > reference.rate_pct))
    for v in verdicts:
        if v.required_de_growth_pct is None:
            continue
        period = "period_1" if v.year <= TARGET_YEAR_1 else "period_2"
        gy = scn.gy1 if period == "period_1" else scn.gy2
        rate = relative_growth(gy, v.required_de_growth_pct)
        out.append(RealismCheck("target", period, v.year, v.target_pct, rate, rate > reference.rate_pct))
    return tuple(out)
