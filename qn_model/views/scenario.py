"""The scenario page's view-model (``pages/scenario.py``): its chart, its details (the year-by-year
and verdict tables, the sensitivity map) and the project editor's choices and messages."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from qn_model.core.projection import closing_project
from qn_model.core.scenario import (
    MAX_PROJECTS,
    PROJECT_FIRST_YEAR,
    PROJECT_LAST_YEAR,
    PROJECT_MAX_VND_TRN,
    PROJECT_MIN_VND_TRN,
    TARGET_YEAR_1,
    TARGET_YEAR_2,
    Project,
    Scenario,
)
from qn_model.data.dataset import Dataset
from qn_model.engine.evaluate import Evaluation, base_grdp
from qn_model.i18n.formats import fmt_money, t
from qn_model.views import figures, narrative, tables

DETAILS = ("projects", "chart", "path", "verdicts", "sensitivity", "downloads")
CHART_HEIGHT = 480  # px: beside the verdicts and sliders, inside a 720 px laptop screen
SENSITIVITY_YEARS = (TARGET_YEAR_2, TARGET_YEAR_1)


def figure(ev: Evaluation, ds: Dataset, lang: str) -> go.Figure:
    """The path against the targets with its fan and the growth each target needs, sized to sit
    beside the verdicts and sliders (margins fixed, so the plot does not jump as they move)."""
    return figures.headline_figure(
        ev, ds, lang, with_required=True, height=CHART_HEIGHT, settled_margins=True
    )


def sensitivity(ev: Evaluation, year: int | None, lang: str) -> go.Figure | None:
    """The sensitivity map for ``year`` (2030 when none is picked); None for a year already past."""
    return figures.sensitivity_for(ev, year or TARGET_YEAR_2, lang)


def spread_note(ev: Evaluation, ds: Dataset, lang: str) -> str | None:
    """Why the fan starts wide (the base share's own spread, ``ss``); None when it is 0."""
    return narrative.fan_note(ev.scenario, ds, lang)


def path(ev: Evaluation, ds: Dataset, lang: str) -> tuple[pd.DataFrame, str]:
    """The year-by-year table and the note on its prices."""
    return tables.path_table(ev, lang), tables.price_basis_note(ev, ds, lang)


def verdicts(ev: Evaluation, lang: str) -> pd.DataFrame:
    return tables.verdict_table(ev, lang)


# --- the project editor -------------------------------------------------------------------------


def project_years(scn: Scenario) -> list[int]:
    """The years a project can start in: after the base year, within the projects' range."""
    return [y for y in range(PROJECT_FIRST_YEAR, PROJECT_LAST_YEAR + 1) if y > scn.base_year]


def first_pick(years: list[int], kept: object = None) -> int:
    """The year a picker starts on: the one used last when still offered, else the third."""
    return kept if kept in years else years[min(2, len(years) - 1)]


def added(projects: tuple[Project, ...], year: object, value: object) -> tuple[Project, ...]:
    """The projects with one more (its value kept within the allowed range); unchanged when the
    list is full or a field is empty."""
    if year is None or value is None or len(projects) >= MAX_PROJECTS:
        return projects
    value = min(max(float(value), PROJECT_MIN_VND_TRN), PROJECT_MAX_VND_TRN)
    return (*projects, Project(int(year), value))


def removed(projects: tuple[Project, ...], project: Project) -> tuple[Project, ...]:
    out = list(projects)
    if project in out:
        out.remove(project)
    return tuple(out)


def closing(scn: Scenario, ds: Dataset, year: int) -> tuple[Project | None, str | None]:
    """The project starting in ``year`` that closes the 2030 gap, or why none can."""
    return closing_project(scn, base_grdp(ds, scn.base_year), year, TARGET_YEAR_2)


def project_line(p: Project, lang: str) -> str:
    return t("project_item", lang, year=p.year, value=fmt_money(p.value_vnd_trn, lang))


def close_gap_why(why: str, gap: float | None, lang: str) -> str:
    """Why the last "close the gap" added nothing."""
    return t(
        why,
        lang,
        year=TARGET_YEAR_2,
        n=MAX_PROJECTS,
        gap=fmt_money(gap, lang),
        max=fmt_money(PROJECT_MAX_VND_TRN, lang),
    )


def close_gap_done(project: Project, lang: str) -> str:
    return t(
        "close_gap_done",
        lang,
        value=fmt_money(project.value_vnd_trn, lang, 2),
        year=project.year,
        target=TARGET_YEAR_2,
    )
