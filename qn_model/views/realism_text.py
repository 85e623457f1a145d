"""The realism reference in words: a series' name, the record, the lines the scenario page and
the brief show, and the peers page's table of series (the numbers are
:mod:`qn_model.engine.realism`)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from qn_model.core.messages import N_
from qn_model.core.scenario import Scenario
from qn_model.core.targets import TargetVerdict
from qn_model.data.dataset import Dataset
from qn_model.engine.realism import (
    GrowthRecord,
    ShareSeries,
    fastest_share_growth,
    realism_checks,
    realism_reference,
    share_series,
)
from qn_model.i18n.formats import fmt_pct, t
from qn_model.views.history import localised_frame

SERIES_COLUMNS = (N_("peers_col_series"), N_("peers_col_years"), N_("peers_col_fastest"))


def series_name(s: ShareSeries, lang: str) -> str:
    """``"Vietnam, ministry method"``."""
    area = s.area_en if lang == "en" else s.area_vi
    return t("real_series", lang, area=area or s.geo, method=t(f"real_method_{s.method}", lang))


def describe(record: GrowthRecord, lang: str) -> str:
    """``"19.7%/year (Vietnam, ministry method, 2021–2022)"``."""
    return t(
        "real_record",
        lang,
        rate=fmt_pct(record.rate_pct, lang),
        series=series_name(record.series, lang),
        start=record.year_from,
        end=record.year_to,
    )


def realism_lines(
    scn: Scenario, verdicts: Sequence[TargetVerdict], ds: Dataset, lang: str
) -> tuple[str, ...]:
    """What the scenario page and the brief say: each rate beyond the record with the reference
    (first line: the reference itself), or one line saying everything is within it."""
    reference = realism_reference(ds)
    if reference is None:
        return ()
    checks = realism_checks(scn, verdicts, reference)
    beyond = [c for c in checks if c.exceeds]
    if not beyond:
        return (t("real_within", lang, record=describe(reference, lang)),)
    lines = [t("real_reference", lang, record=describe(reference, lang))]
    for c in beyond:
        if c.what == "scenario":
            lines.append(
                t("real_scenario_beyond", lang, period=t(c.period, lang), rate=fmt_pct(c.rate_pct, lang))
            )
        else:
            lines.append(
                t(
                    "real_target_beyond",
                    lang,
                    year=c.year,
                    target=fmt_pct(c.target_pct, lang, 0 if float(c.target_pct).is_integer() else 1),
                    rate=fmt_pct(c.rate_pct, lang),
                )
            )
    return tuple(lines)


def series_table(ds: Dataset, lang: str) -> pd.DataFrame:
    """Each series of one method with its years and its fastest rise (for the peers page),
    headers in the language."""
    rows = []
    for s in share_series(ds):
        best = fastest_share_growth([s])
        years = [y for y, _ in s.points]
        rows.append(
            {
                N_("peers_col_series"): series_name(s, lang),
                N_("peers_col_years"): f"{years[0]}–{years[-1]}",
                N_("peers_col_fastest"): ""
                if best is None
                else t(
                    "real_record_short",
                    lang,
                    rate=fmt_pct(best.rate_pct, lang),
                    start=best.year_from,
                    end=best.year_to,
                ),
            }
        )
    return localised_frame(rows, SERIES_COLUMNS, lang)


def realism_summary(
    scn: Scenario, verdicts: Sequence[TargetVerdict], ds: Dataset, lang: str
) -> tuple[str, bool] | None:
    """The scenario page's one-sentence notice and whether anything exceeds the record (None
    without a reference): each rate beyond it named, then the reference."""
    reference = realism_reference(ds)
    if reference is None:
        return None
    beyond = [c for c in realism_checks(scn, verdicts, reference) if c.exceeds]
    if not beyond:
        return t("real_within", lang, record=describe(reference, lang)), False
    items = []
    for c in beyond:
        rate = fmt_pct(c.rate_pct, lang)
        if c.what == "scenario":
            items.append(t("real_item_scenario", lang, period=t(c.period, lang), rate=rate))
        else:
            target = fmt_pct(c.target_pct, lang, 0 if float(c.target_pct).is_integer() else 1)
            items.append(t("real_item_target", lang, year=c.year, target=target, rate=rate))
    return t("real_summary", lang, items="; ".join(items), record=describe(reference, lang)), True
