"""Preset scenarios and the default scenario, each with its formula and sources.

- ``trend`` (the default): GRDP growth from the data (observed years as observed, later years
  from the best statsmodels fit of Quảng Ninh's GRDP growth); digital-economy growth such
  that the share grows relative to GRDP as the national GSO share's trend does
  (``gd = (1 + gy)(1 + r) − 1``), since the province has a single observed share.
- ``plan``: trend GRDP growth, and the digital-economy growth that meets both selected
  targets exactly (the required growth of each period).
- ``cautious``: GRDP growth 2 pp below trend, relative digital growth half the national trend.
- ``ambitious``: GRDP growth 1 pp above trend, relative digital growth equal to what the
  national strategy asks of the country (30 % of GDP in 2030 from the latest national share).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from qn_model.core.links import KEY_BY_NAME, LinkContext
from qn_model.core.scenario import TARGET_YEAR_1, TARGET_YEAR_2, Scenario, period_years
from qn_model.core.targets import required_de_growth_pct
from qn_model.data.cache import derived
from qn_model.data.codebook import GROWTH_ID, NATION, OTHER_METHOD_SHARE_ID, PROVINCE, SHARE_ID
from qn_model.data.dataset import Dataset
from qn_model.trends.suite import fit_trends

PRESETS = ("trend", "plan", "cautious", "ambitious")
DEFAULT_PRESET = "trend"
DEFAULT_TARGET_SET = "article"
# The link contract's range for growth rates: one source of truth for every clip.
GROWTH_BOUNDS = (KEY_BY_NAME["gd1"].lo, KEY_BY_NAME["gd1"].hi)
CUSTOM_TARGET_SET = "custom"


@dataclass(frozen=True)
class TargetSet:
    """A pair of share targets (2025, 2030) from one source, for one area (``geo``: the
    province's code for the province's own targets, ``VN`` for the nation's)."""

    set_id: str
    t1: float
    t2: float
    source_ids: tuple[str, ...]
    geo: str = PROVINCE


@dataclass(frozen=True)
class TrendRates:
    """The rates behind the ``trend`` preset, with what they were derived from."""

    gy1: float
    gy2: float
    relative_growth_pct: float  # yearly growth of the share relative to GRDP (national trend)
    gy_model: str | None  # the fit chosen for Quảng Ninh's GRDP growth
    share_model: str | None  # the fit chosen for the national share
    gy1_observed: bool  # period 1 GRDP growth is observed data, not a fit


def round1(value: float) -> float:
    # Rates land on the sliders' 0.1 step so a preset equals a slider position.
    return round(float(value), 1)


def clip_growth(value: float) -> float:
    return float(min(max(value, GROWTH_BOUNDS[0]), GROWTH_BOUNDS[1]))


def observed_share(ds: Dataset) -> dict[int, float]:
    """Observed provincial digital-economy shares, year -> % of GRDP (cached per dataset:
    it is read on every rerun)."""
    cached = derived(
        ds, "observed_share", lambda: {int(y): float(v) for y, v in ds.series(SHARE_ID, PROVINCE).items()}
    )
    return dict(cached)


def base_year_of(ds: Dataset) -> int:
    """The latest year with an observed provincial share (2024 in the shipped data)."""
    years = list(observed_share(ds))
    if not years:
        raise ValueError("the data has no observed provincial digital-economy share")
    return max(years)


def target_sets(ds: Dataset) -> dict[str, TargetSet]:
    """Share targets per target set (article, resolution09, national), each with the area its
    2030 share target is set for; cached per dataset (read on every rerun)."""
    return dict(derived(ds, "target_sets", lambda: _target_sets(ds)))


def _target_sets(ds: Dataset) -> dict[str, TargetSet]:
    out: dict[str, TargetSet] = {}
    for set_id in ds.target_sets():
        rows = ds.targets_for(set_id)
        rows = rows[rows["indicator_id"] == SHARE_ID]
        by_year = {int(r.year): (float(r.value), str(r.geo)) for r in rows.itertuples()}
        if TARGET_YEAR_1 in by_year and TARGET_YEAR_2 in by_year:
            (t1, _), (t2, geo) = by_year[TARGET_YEAR_1], by_year[TARGET_YEAR_2]
            out[set_id] = TargetSet(set_id, t1, t2, tuple(rows["source_id"]), geo)
    return out


def target_set_of(t1: float, t2: float, ds: Dataset) -> str:
    """The target set whose 2025 and 2030 targets are (t1, t2), first match, else "custom"."""
    return next((k for k, v in target_sets(ds).items() if (v.t1, v.t2) == (t1, t2)), CUSTOM_TARGET_SET)


def target_set_for(t1: float, t2: float, ds: Dataset, picked: str | None) -> str:
    """The set to show for targets (t1, t2): the one the planner picked while it holds those
    numbers (two sets can share them: the resolution's and the national strategy's 20 % / 30 %),
    else :func:`target_set_of`."""
    sets = target_sets(ds)
    if picked in sets and (sets[picked].t1, sets[picked].t2) == (t1, t2):
        return picked
    return target_set_of(t1, t2, ds)


def historical_spreads(ds: Dataset) -> tuple[float, float]:
    """(sy, sd): year-to-year spread of GRDP growth and of DE growth, percentage points.

    ``sy`` is the standard deviation of Quảng Ninh's observed GRDP growth. ``sd`` adds, in
    quadrature, the spread of the national share's year-on-year change (consecutive years
    only: a gap is never bridged), since DE growth = GRDP growth × relative growth.
    """
    growth = ds.series(GROWTH_ID, PROVINCE)
    sy = float(np.std(growth.to_numpy(), ddof=1)) if len(growth) >= 2 else 1.0
    share = ds.series(SHARE_ID, NATION)
    changes = [
        (share[y] / share[y - 1] - 1.0) * 100.0
        for y in share.index
        if y - 1 in share.index and share[y - 1] > 0
    ]
    sr = float(np.std(changes, ddof=1)) if len(changes) >= 2 else 0.0
    return round1(sy), round1(math.hypot(sy, sr))


@dataclass(frozen=True)
class BaselineSpread:
    """The base share's default spread ``ss`` and what it is derived from.

    ``gaps_pct``: for each year both national series have, the ministry's share relative to
    GSO's, minus one, in %; ``relative_pct``: their root mean square; ``ss_pp``: that fraction
    of the base share, in points (0 without a year in common).
    """

    ss_pp: float
    relative_pct: float
    gaps_pct: tuple[tuple[int, float, float, float], ...]  # (year, GSO, ministry, gap %)
    base_share_pct: float


def baseline_spread(ds: Dataset, base_share_pct: float | None = None) -> BaselineSpread:
    """The base share's default spread: how far the two methods set the national share apart
    for the same year, applied to the province's base share.

    The province's one observed share (7.1 % in 2024) is a press figure that names no method.
    The nation's share is published by two methods (GSO's ``de_share`` and the ministry's
    broader ``de_share_mic``); their relative gap, taken over every year both have (the root mean
    square, so a gap of either sign counts), says how far a share can move with the method
    alone. ``ss`` is that fraction of the base share, rounded to the sliders' 0.1.
    """
    base = observed_share(ds)[base_year_of(ds)] if base_share_pct is None else base_share_pct
    gso, mic = ds.series(SHARE_ID, NATION), ds.series(OTHER_METHOD_SHARE_ID, NATION)
    gaps = tuple(
        (int(y), float(gso[y]), float(mic[y]), (float(mic[y]) / float(gso[y]) - 1.0) * 100.0)
        for y in gso.index
        if y in mic.index and gso[y] > 0
    )
    relative = math.sqrt(sum(g**2 for *_, g in gaps) / len(gaps)) if gaps else 0.0
    return BaselineSpread(round1(base * relative / 100.0), relative, gaps, float(base))


def trend_rates(ds: Dataset, base_year: int | None = None) -> TrendRates:
    """Rates of the ``trend`` preset (see the module docstring)."""
    base = base_year_of(ds) if base_year is None else base_year
    growth = ds.series(GROWTH_ID, PROVINCE)
    suite = fit_trends(growth)
    p1 = period_years(base, 1)
    p2 = period_years(base, 2)
    forecast_years = sorted(set(p1 + p2) - set(growth.index)) or [TARGET_YEAR_2]
    if suite.best is not None:
        mean = suite.results[suite.best].forecast(forecast_years)["mean"]
    else:  # too little data to fit: carry the observed average forward
        mean = None
    fallback = float(growth.mean()) if len(growth) else 0.0

    def gy_over(years: tuple[int, ...]) -> tuple[float, bool]:
        if not years:
            return fallback, False
        vals, observed = [], True
        for y in years:
            if y in growth.index:
                vals.append(float(growth[y]))
            else:
                observed = False
                vals.append(float(mean[y]) if mean is not None and math.isfinite(mean[y]) else fallback)
        return float(np.mean(vals)), observed

    gy1, gy1_observed = gy_over(p1)
    gy2, _ = gy_over(p2)
    share = ds.series(SHARE_ID, NATION)
    share_suite = fit_trends(share, is_share=True)
    relative = 0.0
    if share_suite.best is not None and len(share):
        last = int(share.index.max())
        fc = share_suite.results[share_suite.best].forecast([TARGET_YEAR_2])["mean"]
        end = float(fc[TARGET_YEAR_2])
        if math.isfinite(end) and end > 0 and last < TARGET_YEAR_2:
            relative = ((end / float(share[last])) ** (1.0 / (TARGET_YEAR_2 - last)) - 1.0) * 100.0
    return TrendRates(
        gy1=round1(gy1),
        gy2=round1(gy2),
        relative_growth_pct=relative,
        gy_model=suite.best,
        share_model=share_suite.best,
        gy1_observed=gy1_observed,
    )


def de_growth_for(gy: float, relative_pct: float) -> float:
    return clip_growth(round1(((1.0 + gy / 100.0) * (1.0 + relative_pct / 100.0) - 1.0) * 100.0))


def national_required_relative_growth(ds: Dataset) -> float:
    """Relative growth the national strategy asks: from the latest national share to the
    national 2030 target, % per year."""
    share = ds.series(SHARE_ID, NATION)
    national = target_sets(ds).get("national")
    if national is None or not len(share):
        return 0.0
    last = int(share.index.max())
    return ((national.t2 / float(share[last])) ** (1.0 / (TARGET_YEAR_2 - last)) - 1.0) * 100.0


def default_scenario(ds: Dataset) -> Scenario:
    """The ``trend`` preset with the article's targets; cached per dataset."""
    return derived(ds, "default_scenario", lambda: _default_scenario(ds))


def _default_scenario(ds: Dataset) -> Scenario:
    base = base_year_of(ds)
    rates = trend_rates(ds, base)
    sy, sd = historical_spreads(ds)
    targets = target_sets(ds)[DEFAULT_TARGET_SET]
    return Scenario(
        base_year=base,
        base_share_pct=observed_share(ds)[base],
        gy1=rates.gy1,
        gd1=de_growth_for(rates.gy1, rates.relative_growth_pct),
        gy2=rates.gy2,
        gd2=de_growth_for(rates.gy2, rates.relative_growth_pct),
        t1=targets.t1,
        t2=targets.t2,
        sy=sy,
        sd=sd,
        ss=baseline_spread(ds).ss_pp,
    )


def link_context(ds: Dataset) -> LinkContext:
    return LinkContext(
        defaults=default_scenario(ds),
        observed_share=observed_share(ds),
        target_sets={k: (v.t1, v.t2) for k, v in target_sets(ds).items()},
    )


def preset(name: str, ds: Dataset, current: Scenario | None = None) -> Scenario:
    """A preset applied to ``current`` (base year, base share and targets are kept; a preset
    holds no projects, so the current scenario's are left out)."""
    if name not in PRESETS:
        raise ValueError(f"unknown preset {name!r}; choose one of {', '.join(PRESETS)}")
    default = default_scenario(ds)
    current = default if current is None else current
    rates = trend_rates(ds, current.base_year)
    gy1, gy2, rel = rates.gy1, rates.gy2, rates.relative_growth_pct
    if name == "cautious":
        gy1, gy2, rel = gy1 - 2.0, gy2 - 2.0, rel / 2.0
    elif name == "ambitious":
        gy1, gy2, rel = gy1 + 1.0, gy2 + 1.0, national_required_relative_growth(ds)
    scn = current.with_(
        gy1=round1(gy1),
        gy2=round1(gy2),
        gd1=de_growth_for(gy1, rel),
        gd2=de_growth_for(gy2, rel),
        projects=(),
    )
    if name == "plan":
        # Required growth is exact (not rounded): the plan meets its targets to the decimal.
        req1 = required_de_growth_pct(scn, TARGET_YEAR_1, scn.t1)
        if req1 is not None:
            scn = scn.with_(gd1=clip_growth(req1))
        req2 = required_de_growth_pct(scn, TARGET_YEAR_2, scn.t2)
        if req2 is not None:
            scn = scn.with_(gd2=clip_growth(req2))
    return scn
