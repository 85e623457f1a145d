"""Two to four scenarios side by side: which scenarios, their assumptions, outcomes and paths.

Scenarios come from the current link, the presets (:func:`qn_model.engine.presets.preset`, applied to the
current scenario) or links pasted one per line (parsed with :func:`qn_model.core.links.parse`, so a bad
link falls back to the defaults and says why). Every scenario is evaluated by
:func:`qn_model.engine.evaluate.evaluate_scenario`, the same call every other page uses. No Streamlit here.

Examples
--------
>>> from qn_model.data.dataset import load_dataset
>>> from qn_model.engine.presets import default_scenario
>>> ds = load_dataset()
>>> cmp = build_comparison(ds, default_scenario(ds), presets=("plan",))  # doctest: +SKIP
>>> [item.title("en") for item in cmp.items]  # doctest: +SKIP
['Current scenario', 'Meet the targets']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from pandas.io.formats.style import Styler

from qn_model.core.links import parse
from qn_model.core.messages import N_, Join, Notice, Term
from qn_model.core.scenario import TARGET_YEAR_2, Scenario
from qn_model.data.cache import derived
from qn_model.data.codebook import NATION, SHARE_ID
from qn_model.data.dataset import Dataset
from qn_model.engine.evaluate import Evaluation, evaluate_scenario
from qn_model.engine.evaluate import link_notices as notices_of_link
from qn_model.engine.presets import PRESETS, link_context, observed_share, preset
from qn_model.i18n.formats import fmt_money, fmt_num, fmt_pct, fmt_pp, fmt_prob, fmt_year, render, t
from qn_model.views import palette as pal
from qn_model.views.chart_kit import (
    X_RANGE,
    add_observed,
    add_series,
    add_targets,
    base_layout,
    highest_point,
    target_headroom,
)
from qn_model.views.figures import user_years
from qn_model.views.narrative import required_text, verdict_word

__all__ = [
    "MAX_LINK_CHARS",
    "MAX_SCENARIOS",
    "Compared",
    "Comparison",
    "assumptions_table",
    "build_comparison",
    "compare_figure",
    "outcomes_table",
    "split_links",
    "style_outcomes",
]

MAX_SCENARIOS = 4
MIN_SCENARIOS = 2
MAX_LINK_CHARS = 8000  # the text area's limit: a few dozen links, never a wall of text to parse
# Colour and dash per position: two cues, so the lines stay apart in grey print and for colour-blind eyes.
COLOURS = (pal.BLUE, pal.ORANGE, pal.GREEN, pal.PURPLE)
DASHES = ("solid", "dash", "dot", "dashdot")
SYMBOLS = ("circle", "square", "diamond", "triangle-up")


@dataclass(frozen=True)
class Compared:
    """One scenario in the comparison.

    Attributes
    ----------
    label : Notice or Term
        Shown in the chart, tables and notices, rendered in the display language
        (:meth:`title`; preset names translated; "Đường dẫn 1 / Link 1").
    source : str
        ``"current"``, ``"preset"`` or ``"link"``.
    name : str
        The preset name, ``"link1"``… or ``"current"``.
    evaluation : Evaluation
        The engine's evaluation (scenario, path, fan, verdicts).
    notices : tuple of Notice
        What a pasted link's parsing ignored.
    """

    label: Notice | Term
    source: str
    name: str
    evaluation: Evaluation
    notices: tuple[Notice, ...] = ()

    @property
    def scenario(self) -> Scenario:
        return self.evaluation.scenario

    def title(self, lang: str) -> str:
        """The label in ``lang``."""
        return render(self.label, lang)


@dataclass(frozen=True)
class Comparison:
    """The scenarios compared (at most :data:`MAX_SCENARIOS`) and page-level notices."""

    items: tuple[Compared, ...]
    notices: tuple[Notice, ...] = ()


def split_links(text: str, limit: int | None = None) -> tuple[tuple[str, ...], int]:
    """The non-blank lines of a pasted text, stripped (one link per line), at most ``limit`` of
    them (the meeting view's deck); returns (links, lines dropped)."""
    links = tuple(line.strip() for line in str(text or "").splitlines() if line.strip())
    if limit is None:
        return links, 0
    return links[:limit], max(0, len(links) - limit)


def _evaluate(scn: Scenario, ds: Dataset) -> Evaluation:
    # Cached on the data and the (frozen) scenario: an evaluation has no language, so reruns that
    # only change the language or another page's widget do not repeat the Monte Carlo.
    return derived(ds, "evaluation", lambda: evaluate_scenario(scn, ds), scn)


def build_comparison(
    ds: Dataset,
    current: Scenario,
    *,
    include_current: bool = True,
    current_evaluation: Evaluation | None = None,
    presets: Iterable[str] = (),
    links_text: str = "",
) -> Comparison:
    """Collect and evaluate the scenarios to compare, in this order: current, presets, links.

    Parameters
    ----------
    ds : Dataset
    current : Scenario
        The scenario in the URL; presets are applied to it (base year, base share and targets kept).
    include_current : bool
        Put the current scenario first.
    current_evaluation : Evaluation, optional
        The app's evaluation of ``current`` (reused, not recomputed).
    presets : iterable of str
        Names from :data:`qn_model.engine.presets.PRESETS`.
    links_text : str
        Pasted links, one per line.

    Returns
    -------
    Comparison
        At most :data:`MAX_SCENARIOS` items; a notice when more were given (only the first four
        are used), when fewer than two are left, and when two scenarios are identical.

    Raises
    ------
    ValueError
        An unknown preset name.
    """
    names = list(dict.fromkeys(presets))
    unknown = [n for n in names if n not in PRESETS]
    if unknown:
        raise ValueError(f"unknown presets {unknown}; choose from {', '.join(PRESETS)}")
    pending: list[tuple[Notice | Term, str, str, Scenario, tuple[Notice, ...]]] = []
    if include_current:
        pending.append((Term("cmp_current"), "current", "current", current, ()))
    for name in names:
        pending.append((Term(f"preset_{name}"), "preset", name, preset(name, ds, current), ()))
    ctx = link_context(ds)
    pasted, _ = split_links(str(links_text or "")[:MAX_LINK_CHARS])
    for i, line in enumerate(pasted, start=1):
        parsed = parse(line, ctx)
        # A pasted link made on other data says what changed, like an opened one.
        found = notices_of_link(parsed, ds)
        pending.append((Notice.text("cmp_link_label", n=i), "link", f"link{i}", parsed.scenario, found))
    notices: list[Notice] = []
    if len(pending) > MAX_SCENARIOS:
        dropped = Join(tuple(p[0] for p in pending[MAX_SCENARIOS:]), ", ")
        notices.append(
            Notice.of("too_many", "cmp_too_many", n=len(pending), max=MAX_SCENARIOS, dropped=dropped)
        )
        pending = pending[:MAX_SCENARIOS]
    if len(pending) < MIN_SCENARIOS:
        notices.append(Notice.of("too_few", "cmp_too_few", min=MIN_SCENARIOS))
    items = []
    for label, source, name, scn, link_notices in pending:
        if source == "current" and current_evaluation is not None and current_evaluation.scenario == scn:
            ev = current_evaluation
        else:
            ev = _evaluate(scn, ds)
        items.append(Compared(label, source, name, ev, link_notices))
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            if a.scenario == b.scenario:
                notices.append(Notice.of("identical", "cmp_identical", a=a.label, b=b.label))
    return Comparison(tuple(items), tuple(notices))


# --- tables ------------------------------------------------------------------------------------------

# (scenario field, catalog key of the row label, how to format the value)
_ASSUMPTIONS = (
    ("base_year", N_("cmp_row_base"), "year"),
    ("base_share_pct", N_("cmp_row_s0"), "pct"),
    ("gy1", N_("cmp_row_gy1"), "pct"),
    ("gd1", N_("cmp_row_gd1"), "pct"),
    ("gy2", N_("cmp_row_gy2"), "pct"),
    ("gd2", N_("cmp_row_gd2"), "pct"),
    ("t1", N_("cmp_row_t1"), "pct"),
    ("t2", N_("cmp_row_t2"), "pct"),
)


def _labels(cmp: Comparison, lang: str) -> list[str]:
    return [item.title(lang) for item in cmp.items]


def assumptions_table(cmp: Comparison, lang: str) -> pd.DataFrame:
    """One row per assumption (base, s0, gy1, gd1, gy2, gd2, t1, t2, and the projects when any
    scenario has some), one column per scenario."""
    rows = []
    for field, key, kind in _ASSUMPTIONS:
        row = {t("cmp_col_assumption", lang): t(key, lang)}
        for item in cmp.items:
            value = getattr(item.scenario, field)
            row[item.title(lang)] = fmt_year(value) if kind == "year" else fmt_pct(value, lang, 1)
        rows.append(row)
    if any(item.scenario.projects for item in cmp.items):
        row = {t("cmp_col_assumption", lang): t("cmp_row_projects", lang)}
        for item in cmp.items:
            projects = item.scenario.projects
            row[item.title(lang)] = (
                "; ".join(f"{p.year}: {fmt_num(p.value_vnd_trn, lang)}" for p in projects)
                if projects
                else fmt_num(None, lang)
            )
        rows.append(row)
    return pd.DataFrame(rows, columns=[t("cmp_col_assumption", lang), *_labels(cmp, lang)])


def outcomes_table(cmp: Comparison, lang: str) -> pd.DataFrame:
    """Per target year: the share, met or not, margin, required DE growth and probability;
    one column per scenario."""
    first = t("cmp_col_outcome", lang)
    rows = []
    n_targets = len(cmp.items[0].evaluation.verdicts) if cmp.items else 0
    for i in range(n_targets):
        year = cmp.items[0].evaluation.verdicts[i].year
        lines = {
            "value": t("cmp_row_value", lang, year=year),
            "target": t("cmp_row_target", lang, year=year),
            "verdict": t("cmp_row_verdict", lang, year=year),
            "margin": t("cmp_row_margin", lang, year=year),
            "required": t("cmp_row_required", lang, year=year),
            "probability": t("cmp_row_probability", lang, year=year),
            "gap": t("cmp_row_gap", lang, year=year),
        }
        table = {key: {first: label} for key, label in lines.items()}
        for item in cmp.items:
            v = item.evaluation.verdicts[i]
            table["value"][item.title(lang)] = fmt_pct(v.value_pct, lang, 1)
            table["target"][item.title(lang)] = fmt_pct(v.target_pct, lang, 1)
            table["verdict"][item.title(lang)] = verdict_word(v, lang)
            table["margin"][item.title(lang)] = fmt_pp(v.margin_pp, lang)
            table["required"][item.title(lang)] = (
                t("trend_rate", lang, value=required_text(v, lang))
                if v.required_de_growth_pct is not None
                else fmt_num(None, lang)
            )
            table["probability"][item.title(lang)] = fmt_prob(v.probability, lang)
            table["gap"][item.title(lang)] = fmt_money(v.gap_vnd_trn, lang)
        rows.extend(table.values())
    return pd.DataFrame(rows, columns=[first, *_labels(cmp, lang)])


def style_outcomes(table: pd.DataFrame, lang: str) -> Styler:
    """The outcomes table with its verdict words coloured (met green, not met vermilion, bold), so
    the verdicts read from the back of the room."""
    colours = {t("verdict_met", lang): pal.MET, t("verdict_not_met", lang): pal.NOT_MET}

    def cell(value: object) -> str:
        colour = colours.get(str(value))
        return f"color: {colour}; font-weight: bold" if colour else ""

    return table.style.map(cell)


# --- the figure ---------------------------------------------------------------------------------------


def compare_figure(cmp: Comparison, ds: Dataset, lang: str) -> go.Figure:
    """The share path of each scenario, the observed shares, the national series and the targets."""
    fig = go.Figure()
    national = ds.series(SHARE_ID, NATION)
    if len(national):
        add_series(
            fig,
            [int(y) for y in national.index],
            [float(v) for v in national],
            t("series_national", lang),
            lang,
            pal.NATIONAL,
            dash="dot",
            marker_size=7,
        )
    for i, item in enumerate(cmp.items):
        proj = item.evaluation.projection
        add_series(
            fig,
            proj.years,
            proj.share_pct,
            item.title(lang),
            lang,
            COLOURS[i % len(COLOURS)],
            dash=DASHES[i % len(DASHES)],
            marker_size=9,
            symbol=SYMBOLS[i % len(SYMBOLS)],
        )
    add_observed(fig, observed_share(ds), user_years(ds), lang)
    seen: list[tuple[int, float]] = []
    for item in cmp.items:
        for v in item.evaluation.verdicts:
            if (v.year, v.target_pct) not in seen:
                seen.append((v.year, v.target_pct))
    markers = []
    for year, value in seen:
        # The first scenario's targets are solid; a different target of another scenario is hollow.
        primary = bool(cmp.items) and any(
            v.year == year and v.target_pct == value for v in cmp.items[0].evaluation.verdicts
        )
        label = t(
            "cmp_target_label", lang, year=year, value=fmt_pct(value, lang, 0 if value.is_integer() else 1)
        )
        markers.append((year, value, label, pal.TARGET if primary else pal.TARGET_ALT, not primary))
    add_targets(fig, markers, TARGET_YEAR_2)
    base_layout(fig, lang, t("cmp_chart_title", lang), t("axis_share", lang), height=600)
    fig.update_yaxes(ticksuffix="%")
    target_headroom(fig, highest_point(fig))
    fig.update_xaxes(range=X_RANGE)
    return fig
