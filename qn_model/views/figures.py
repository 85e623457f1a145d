"""The product's figures, assembled from an evaluation and the data (shared by the app, the
brief and the exports)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from qn_model.core.projection import applied_projects, project
from qn_model.core.scenario import TARGET_YEAR_1, TARGET_YEAR_2
from qn_model.core.sensitivity import sensitivity
from qn_model.core.targets import with_required_growth
from qn_model.data.cache import derived
from qn_model.data.codebook import NATION, PROVINCE, SHARE_ID
from qn_model.data.dataset import Dataset
from qn_model.engine.evaluate import Evaluation
from qn_model.engine.presets import observed_share, target_set_for, target_sets
from qn_model.i18n.formats import fmt_money, fmt_num, fmt_pct, t
from qn_model.views.chart_kit import HEIGHT, PROJECTS_META, TARGETS_TRACE, sensitivity_figure, share_figure

# The scenario chart's margins (px) as plotly's automargin settles them at the charts' type sizes
# when the chart is as wide as on a 1280 px screen or wider (2-line title, 2-digit y ticks, the
# legend in 2 rows; English needs more below 1366 px). Streamlit mounts a fresh chart on each
# update, which starts from the minimum margins and grows them in a second full draw: every
# slider move paid two draws (BENCHMARKS.md, issue 12). Given as the minimums, there is nothing
# left to grow: one draw. A narrower chart (more legend rows) still grows them.
SETTLED_MARGIN = {"l": 76, "r": 20, "t": 76, "b": 138}


def user_years(ds: Dataset, indicator_id: str = SHARE_ID, geo: str = PROVINCE) -> list[int]:
    """Years whose value the planner supplied (drawn differently everywhere); cached per
    dataset, since every rerun draws the headline chart."""

    def compute() -> tuple[int, ...]:
        rows = ds.indicators
        mask = (rows["indicator_id"] == indicator_id) & (rows["geo"] == geo) & (rows["kind"] == "user")
        return tuple(sorted(int(y) for y in rows.loc[mask, "year"]))

    return list(derived(ds, "user_years", compute, indicator_id, geo))


def target_markers(ev: Evaluation, ds: Dataset, lang: str) -> list[tuple[int, float, str, bool]]:
    """The selected targets plus every other target set's differing 2030 value (35 % vs 30 %),
    each labelled with its source. Only the province's own sets are drawn beside the selected
    one: a set for another area (the nation's, ``VN``) is not a target for this chart's line."""
    scn = ev.scenario
    sets = {k: v for k, v in target_sets(ds).items() if v.geo == PROVINCE}
    chosen = target_set_for(scn.t1, scn.t2, ds, ev.target_set)
    markers = []
    for year, value in ((TARGET_YEAR_1, scn.t1), (TARGET_YEAR_2, scn.t2)):
        label = t(
            "target_label",
            lang,
            year=year,
            value=fmt_pct(value, lang, 0 if value.is_integer() else 1),
            source=t(f"source_{chosen}", lang),
        )
        markers.append((year, value, label, True))
    for set_id, ts in sets.items():
        if set_id != chosen and ts.t2 != scn.t2:
            label = t(
                "target_label",
                lang,
                year=TARGET_YEAR_2,
                value=fmt_pct(ts.t2, lang, 0),
                source=t(f"source_{set_id}", lang),
            )
            markers.append((TARGET_YEAR_2, ts.t2, label, False))
    return markers


def project_markers(ev: Evaluation, lang: str) -> list[tuple[int, float, str, str]]:
    """The projects that move the path, one marker per start year: (year, share % that year,
    the value(s) started then, a label naming each)."""
    level = ev.projection.base_level
    by_year: dict[int, list[float]] = {}
    for p in applied_projects(ev.scenario, level):
        by_year.setdefault(p.year, []).append(p.value_vnd_trn)
    markers = []
    for year, values in sorted(by_year.items()):
        share = ev.projection.share_in(year)
        if share is None:
            continue
        text = " + ".join("+" + fmt_num(v, lang) for v in values)
        label = "<br>".join(t("chart_project", lang, year=year, value=fmt_money(v, lang)) for v in values)
        markers.append((year, share, text, label))
    return markers


def headline_figure(
    ev: Evaluation,
    ds: Dataset,
    lang: str,
    *,
    with_fan: bool = True,
    with_required: bool = False,
    height: int = HEIGHT,
    settled_margins: bool = False,
) -> go.Figure:
    """Observed share, national context, the scenario with its fan, and the targets.

    ``settled_margins``: start from the margins plotly settles on for a wide chart
    (:data:`SETTLED_MARGIN`), so that it draws once per update rather than twice."""
    required = None
    if with_required:
        # The scenario as it is up to 2025, then the constant growth that meets the 2030 target:
        # the same path the stated "required growth" describes (period 1 held as in the scenario).
        level = ev.projection.base_level
        plan = project(with_required_growth(ev.scenario, TARGET_YEAR_2, ev.scenario.t2, level), level)
        required = (plan.years, plan.share_pct)
    national = {int(y): float(v) for y, v in ds.series(SHARE_ID, NATION).items()}
    return share_figure(
        lang,
        t("headline_chart_title", lang),
        national=national,
        observed=observed_share(ds),
        user_years=user_years(ds),
        projection=(ev.projection.years, ev.projection.share_pct),
        fan=ev.fan if with_fan else None,
        required=required,
        targets=target_markers(ev, ds, lang),
        projects=project_markers(ev, lang),
        height=height,
        margin=SETTLED_MARGIN if settled_margins else None,
    )


def sensitivity_for(ev: Evaluation, year: int, lang: str) -> go.Figure | None:
    """The heatmap for a target year, or None when that year is not projected."""
    if year <= ev.scenario.base_year:
        return None
    grid = sensitivity(ev.scenario, year, base_grdp_vnd_trn=ev.projection.base_level)
    return sensitivity_figure(grid, lang, ev.scenario.rates_for_year(year))


def figure_table(fig: go.Figure, lang: str) -> pd.DataFrame | None:
    """The numbers behind a year-based chart, one row per year and one column per line or
    marker (bands and maps left out), formatted for the language; None when there is none."""
    columns: dict[str, dict[int, str]] = {}
    for trace in fig.data:
        if trace.type != "scatter" or trace.fill == "toself" or not trace.name or trace.x is None:
            continue
        if trace.meta == PROJECTS_META:  # start years, drawn on the path: no numbers of their own
            continue
        # The targets trace: one column per target, named by its label.
        names = trace.text if trace.name == TARGETS_TRACE else [trace.name] * len(trace.x)
        for x, y, name in zip(trace.x, trace.y, names, strict=False):
            if x is None or y is None or not float(x).is_integer():
                continue
            columns.setdefault(str(name), {})[int(x)] = fmt_num(float(y), lang, 2)
    if not columns:
        return None
    years = sorted({y for col in columns.values() for y in col})
    table = pd.DataFrame({name: [col.get(y, "") for y in years] for name, col in columns.items()})
    table.insert(0, t("year", lang), [str(y) for y in years])
    return table
