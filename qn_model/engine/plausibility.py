"""Warnings for assumptions beyond anything in the record: the planner may still choose them,
but must see that they are outside history."""

from __future__ import annotations

from qn_model.core.messages import Notice
from qn_model.core.projection import project
from qn_model.core.scenario import Scenario
from qn_model.data.cache import derived
from qn_model.data.codebook import GROWTH_ID, NATION, PROVINCE, SHARE_ID
from qn_model.data.dataset import Dataset
from qn_model.i18n.formats import fmt_pct


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
        out.append(
            Notice(
                "share_over_100",
                f"Với các tốc độ này, tỷ trọng kinh tế số vượt 100% GRDP ({fmt_pct(peak, 'vi')}) – điều không thể xảy ra. "
                "Hãy giảm tăng trưởng kinh tế số.",
                f"With these rates the digital-economy share exceeds 100% of GRDP ({fmt_pct(peak, 'en')}), "
                "which cannot happen. Lower the digital-economy growth.",
            )
        )
    for period, gy, gd in ((1, scn.gy1, scn.gd1), (2, scn.gy2, scn.gd2)):
        label_vi = "đến 2025" if period == 1 else "2026–2030"
        label_en = "to 2025" if period == 1 else "2026–2030"
        if not lo <= gy <= hi:
            out.append(
                Notice(
                    f"gy{period}_beyond_history",
                    f"Tăng trưởng GRDP {label_vi} là {fmt_pct(gy, 'vi')}/năm, ngoài mức tỉnh từng đạt "
                    f"({fmt_pct(lo, 'vi')} đến {fmt_pct(hi, 'vi')}).",
                    f"GRDP growth {label_en} of {fmt_pct(gy, 'en')}/year is outside what the province has "
                    f"recorded ({fmt_pct(lo, 'en')} to {fmt_pct(hi, 'en')}).",
                )
            )
        relative = ((1 + gd / 100) / (1 + gy / 100) - 1) * 100
        if relative > rel_max:
            out.append(
                Notice(
                    f"gd{period}_beyond_history",
                    f"Với tăng trưởng KTS {fmt_pct(gd, 'vi')}/năm {label_vi}, tỷ trọng tăng {fmt_pct(relative, 'vi')}/năm "
                    f"so với GRDP – nhanh hơn mọi năm của chuỗi quốc gia (cao nhất {fmt_pct(rel_max, 'vi')}/năm).",
                    f"With DE growth of {fmt_pct(gd, 'en')}/year {label_en}, the share rises {fmt_pct(relative, 'en')}/year "
                    f"relative to GRDP – faster than the national share ever has (at most {fmt_pct(rel_max, 'en')}/year).",
                )
            )
    return tuple(out)
