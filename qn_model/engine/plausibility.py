"""Warnings for assumptions beyond anything in the record: the planner may still choose them,
but must see that they are outside history."""

from __future__ import annotations

from qn_model.core.messages import Notice, Term
from qn_model.core.projection import project
from qn_model.core.scenario import Scenario
from qn_model.data.cache import derived
from qn_model.data.codebook import GROWTH_ID, NATION, PROVINCE, SHARE_ID
from qn_model.data.dataset import Dataset


def growth_range(ds: Dataset) -> tuple[float, float]:
    """Lowest and highest observed yearly GRDP growth of the province, %."""
    s = ds.series(GROWTH_ID, PROVINCE)
    return (float(s.min()), float(s.max())) if len(s) else (0.0, 0.0)


def max_relative_growth(ds: Dataset) -> float:
    """Fastest observed yearly rise of the national share (consecutive years), %."""
    s = ds.series(SHARE_ID, NATION)
    changes = [(s[y] / s[y - 1] - 1.0) * 100.0 for y in s.index if y - 1 in s.index and s[y - 1] > 0]
    return max(changes) if changes else 0.0


def _limits(ds: Dataset) -> tuple[float, float, float]:
    # Read on every slider move; the data only changes with the dataset.
    return derived(ds, "history_limits", lambda: (*growth_range(ds), max_relative_growth(ds)))


def beyond_history(scn: Scenario, ds: Dataset) -> tuple[Notice, ...]:
    """One notice per rate outside the record (GRDP growth outside the province's observed
    range; a share rising faster relative to GRDP than the national share ever has)."""
    lo, hi, rel_max = _limits(ds)
    out = []
    peak = max(project(scn).share_pct)
    if peak > 100.0:
        out.append(Notice.of("share_over_100", peak=peak))
    for period, gy, gd in ((1, scn.gy1, scn.gd1), (2, scn.gy2, scn.gd2)):
        label = Term(f"period_{period}")
        if not lo <= gy <= hi:
            out.append(
                Notice.of(
                    f"gy{period}_beyond_history",
                    "notice_gy_beyond_history",
                    period=label,
                    gy=gy,
                    lo=lo,
                    hi=hi,
                )
            )
        relative = ((1 + gd / 100) / (1 + gy / 100) - 1) * 100
        if relative > rel_max:
            out.append(
                Notice.of(
                    f"gd{period}_beyond_history",
                    "notice_gd_beyond_history",
                    period=label,
                    gd=gd,
                    relative=relative,
                    rel_max=rel_max,
                )
            )
    return tuple(out)
