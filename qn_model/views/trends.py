"""What the trends page shows about a fitted series: the figure, the backtest table, the one
sentence that explains the automatic choice, and the rates a planner can carry into the scenario.

The fits come from :func:`qn_model.trends.suite.fit_trends` (cached there); this module only shapes them
for reading. No Streamlit here.

Examples
--------
>>> from qn_model.data.dataset import load_dataset
>>> from qn_model.engine.presets import default_scenario
>>> ds = load_dataset()
>>> view = trend_view(ds, "qn_grdp_growth", None, "vi", default_scenario(ds))  # doctest: +SKIP
>>> view.sentence  # doctest: +SKIP
'Chọn mô hình tuyến tính vì sai số dự báo lùi (MAE) thấp nhất: 1,66 điểm % trên 3 năm cuối.'
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from qn_model.core.messages import N_
from qn_model.core.scenario import HORIZON_END, Scenario, period_years

# The presets' own rounding and clipping of gd = (1 + gy)(1 + r) - 1, so a carried rate equals
# what the trend preset would set.
from qn_model.data.codebook import GROWTH_ID, LEVEL_ID, NATION, PROVINCE, SHARE_ID
from qn_model.data.dataset import Dataset
from qn_model.engine.presets import clip_growth, de_growth_for, round1
from qn_model.i18n.formats import DASH, fmt_num, fmt_pct, t
from qn_model.trends.diagnostics import BoundMark, bound_marks, near_tie
from qn_model.trends.models import MIN_OBS
from qn_model.trends.suite import MODEL_KINDS, TrendResult, TrendSuite, fit_trends
from qn_model.views import palette as pal
from qn_model.views.chart_kit import base_layout, with_gaps, year_axis

__all__ = [
    "SERIES",
    "CarriedRates",
    "TrendSeries",
    "TrendView",
    "backtest_table",
    "carried_message",
    "carried_rates",
    "carry_preview",
    "choice_sentence",
    "default_kinds",
    "fit_for",
    "series_options",
    "trend_figure",
    "trend_view",
]

# Fixed colour per model kind, so a model keeps its colour whatever else is selected.
MODEL_COLOURS = {
    "linear": pal.BLUE,
    "loglinear": pal.ORANGE,
    "logit": pal.GREEN,
    "holt_damped": pal.PURPLE,
    "arima": pal.VERMILION,
}
HEIGHT = 600
MIN_POINTS_OPTIONAL = 3  # an optional national component series is offered from this many points


@dataclass(frozen=True)
class TrendSeries:
    """A series the trends page offers.

    Attributes
    ----------
    series_id : str
        Stable id (catalog key suffix ``trend_series_<id>``).
    indicator_id, geo : str
        Where the values come from in the :class:`~qn_model.data.dataset.Dataset`.
    unit : str
        ``"pct"`` (values in %, errors in percentage points) or ``"vnd_trn"``.
    carry : str or None
        ``"gy"``: the fit gives the scenario's GRDP growth; ``"gd"``: the fit gives the share's
        growth relative to GRDP, hence digital-economy growth; None: nothing to carry.
    optional : bool
        Offered only when it has at least :data:`MIN_POINTS_OPTIONAL` observations.
    """

    series_id: str
    indicator_id: str
    geo: str
    unit: str
    carry: str | None = None
    optional: bool = False


SERIES: tuple[TrendSeries, ...] = (
    TrendSeries("qn_grdp_growth", GROWTH_ID, PROVINCE, "pct", carry="gy"),
    TrendSeries("vn_de_share", SHARE_ID, NATION, "pct", carry="gd"),
    TrendSeries("qn_grdp_vnd_trn", LEVEL_ID, PROVINCE, "vnd_trn"),
    TrendSeries("vn_de_core_share", "de_core_share", NATION, "pct", optional=True),
    TrendSeries("vn_de_digitalised_share", "de_digitalised_share", NATION, "pct", optional=True),
    # One observed value: kept on purpose, so the page shows plainly that no trend can be fitted.
    TrendSeries("qn_de_share", SHARE_ID, PROVINCE, "pct"),
)
_BY_ID = {s.series_id: s for s in SERIES}


def series_options(ds: Dataset) -> list[TrendSeries]:
    """The series worth offering for this dataset, in display order."""
    return [
        s for s in SERIES if not s.optional or len(ds.series(s.indicator_id, s.geo)) >= MIN_POINTS_OPTIONAL
    ]


def _spec(series_id: str) -> TrendSeries:
    try:
        return _BY_ID[series_id]
    except KeyError:
        raise ValueError(f"unknown trend series {series_id!r}; expected one of {list(_BY_ID)}") from None


def _kinds(kinds: Iterable[str] | None) -> tuple[str, ...]:
    """Selected kinds in MODEL_KINDS order (one order, one cache entry in fit_trends)."""
    if kinds is None:
        return MODEL_KINDS
    chosen = set(kinds)
    unknown = chosen - set(MODEL_KINDS)
    if unknown:
        raise ValueError(f"unknown trend kinds {sorted(unknown)}; expected some of {MODEL_KINDS}")
    return tuple(k for k in MODEL_KINDS if k in chosen)


def fit_for(ds: Dataset, series_id: str, kinds: Iterable[str] | None = None) -> TrendSuite | None:
    """The (cached) trend suite of a series for the selected kinds; None when no kind is selected."""
    spec = _spec(series_id)
    chosen = _kinds(kinds)
    if not chosen:
        return None
    # A share (codebook) may be fitted on the logit scale.
    is_share = spec.indicator_id in ds.meta.share_ids
    return fit_trends(ds.series(spec.indicator_id, spec.geo), chosen, is_share=is_share)


def default_kinds(ds: Dataset, series_id: str) -> list[str]:
    """The kinds that can be fitted on this series (the page's default selection)."""
    suite = fit_for(ds, series_id)
    assert suite is not None
    return [k for k, r in suite.results.items() if r.ok]


# --- words ------------------------------------------------------------------------------------------


def _unit_word(unit: str, lang: str) -> str:
    """Unit of an error on this series: percentage points for % series."""
    return t("unit_pp" if unit == "pct" else "unit_vnd_trn", lang)


def _value_text(value: float | None, unit: str, lang: str, digits: int = 1) -> str:
    return fmt_pct(value, lang, digits) if unit == "pct" else fmt_num(value, lang, digits)


def _folds_text(n: int, lang: str) -> str:
    return t("trend_last_year" if n == 1 else "trend_last_years", lang, n=n)


def choice_sentence(
    suite: TrendSuite | None, n_obs: int, lang: str, unit: str = "pct", any_selected: bool = True
) -> str:
    """One sentence saying which model was chosen and why, or why none could be.

    Parameters
    ----------
    suite : TrendSuite or None
        The fits of the selected kinds (None when none is selected).
    n_obs : int
        Observations in the series.
    lang : str
        ``"vi"`` or ``"en"``.
    unit : str
        ``"pct"`` (errors in percentage points) or ``"vnd_trn"``.
    any_selected : bool
        False when the planner selected no model.
    """
    least = min(MIN_OBS.values())
    if n_obs < least:
        if n_obs == 0:
            return t("trend_choice_no_data", lang)
        key = N_("trend_choice_one_value") if n_obs == 1 else N_("trend_choice_too_short")
        return t(key, lang, n=n_obs, need=least)
    if not any_selected or suite is None:
        return t("trend_choice_none_selected", lang)
    if suite.best is None:
        return t("trend_choice_none_fit", lang, n=n_obs)
    model = t(f"trend_model_{suite.best}_text", lang)
    if suite.choice_reason == "backtest_mae":
        bt = suite.backtests[suite.best]
        # A model tested on fewer years may show a lower MAE in the table; say why it did not win.
        lower_on_fewer = any(
            b.n_folds < bt.n_folds and math.isfinite(b.mae) and b.mae < bt.mae
            for k, b in suite.backtests.items()
            if suite.results[k].ok
        )
        return t(
            "trend_choice_backtest_most" if lower_on_fewer else "trend_choice_backtest",
            lang,
            model=model,
            mae=fmt_num(bt.mae, lang, 2),
            unit=_unit_word(unit, lang),
            folds=_folds_text(bt.n_folds, lang),
        )
    aicc = suite.results[suite.best].aicc
    if math.isfinite(aicc):
        return t("trend_choice_aicc", lang, model=model, n=n_obs, aicc=fmt_num(aicc, lang, 1))
    return t("trend_choice_simplest", lang, model=model, n=n_obs)


def _param_text(mark: BoundMark, lang: str) -> str:
    """``level weight 0.0001 (the lowest allowed)`` / ``moving-average term -1.00 (at ±1)``."""
    name = t(f"trend_param_{mark.param.replace('.', '_')}", lang)
    if abs(mark.value) >= 0.01:
        value = fmt_num(mark.value, lang, 2)
    else:  # 0.0001, 0.00000001: as many decimals as the value needs, no trailing zeros
        value = fmt_num(mark.value, lang, 8).rstrip("0")
    return t(f"trend_bound_{mark.where}", lang, name=name, value=value)


def trend_marks(
    suite: TrendSuite | None, lang: str, unit: str = "pct", year: int = HORIZON_END
) -> tuple[str, ...]:
    """Plain sentences on what the choice rests on: a near tie (with how much the choice moves
    ``year``), and each fit whose parameters sit on a bound or on ARIMA's ±1 edge."""
    out = []
    tie = near_tie(suite, year)
    if tie is not None:
        models = ", ".join(t(f"trend_model_{k}_text", lang) for k in (tie.best, *tie.others))
        out.append(
            t(
                "trend_mark_near_tie",
                lang,
                models=models,
                maes=" / ".join(fmt_num(m, lang, 4) for m in tie.maes),
                unit=_unit_word(unit, lang),
                year=year,
                change=fmt_num(tie.change, lang, 2),
            )
        )
    if suite is not None:
        for kind, result in suite.results.items():
            marks = bound_marks(result)
            if marks:
                out.append(
                    t(
                        "trend_mark_bound",
                        lang,
                        model=t(f"trend_model_{kind}_text", lang),
                        params="; ".join(_param_text(m, lang) for m in marks),
                    )
                )
    return tuple(out)


def _status_text(result: TrendResult, lang: str) -> str:
    if result.ok:
        return t("trend_status_ok", lang)
    need = MIN_OBS[result.kind]
    reason = t(f"trend_reason_{result.reason}", lang, need=need, n=result.n_obs)
    key = (
        N_("trend_status_not_enough_data")
        if result.status == "not_enough_data"
        else N_("trend_status_failed")
    )
    return t(key, lang, reason=reason)


def backtest_table(suite: TrendSuite | None, lang: str, unit: str = "pct") -> pd.DataFrame:
    """One row per selected model: status (with the reason in words), observations, AICc and the
    backtest errors, localised. Empty when nothing is selected."""
    cols = {
        "model": t("trend_col_model", lang),
        "chosen": t("trend_col_chosen", lang),
        "status": t("trend_col_status", lang),
        "n_obs": t("trend_col_n_obs", lang),
        "aicc": t("trend_col_aicc", lang),
        "mae": t("trend_col_mae", lang, unit=_unit_word(unit, lang)),
        "mape": t("trend_col_mape", lang),
        "folds": t("trend_col_folds", lang),
    }
    rows = []
    if suite is not None:
        for kind, result in suite.results.items():
            bt = suite.backtests[kind]
            rows.append(
                {
                    cols["model"]: t(f"trend_model_{kind}", lang),
                    cols["chosen"]: "✓" if kind == suite.best else "",
                    cols["status"]: _status_text(result, lang),
                    cols["n_obs"]: str(result.n_obs),
                    cols["aicc"]: fmt_num(result.aicc, lang, 1),
                    cols["mae"]: fmt_num(bt.mae, lang, 2) if bt.n_folds else DASH,
                    cols["mape"]: fmt_pct(bt.mape, lang, 1) if bt.n_folds else DASH,
                    cols["folds"]: str(bt.n_folds),
                }
            )
    return pd.DataFrame(rows, columns=list(cols.values()))


# --- the figure -------------------------------------------------------------------------------------


def _texts(values: Iterable[float | None], unit: str, lang: str) -> list[str]:
    return [_value_text(v, unit, lang, 2) for v in values]


def _clean(values: Iterable[float]) -> list[float | None]:
    return [float(v) if v is not None and math.isfinite(v) else None for v in values]


def _add_band(fig: go.Figure, years: list[int], lo: list, hi: list, colour: str, alpha: float, name: str):
    fig.add_trace(
        go.Scatter(
            x=years + years[::-1],
            y=list(hi) + list(lo)[::-1],
            mode="lines",  # plotly adds markers to short traces by default
            fill="toself",
            fillcolor=pal.rgba(colour, alpha),
            line={"width": 0},
            name=name,
            hoverinfo="skip",
        )
    )


def trend_figure(
    series: pd.Series, suite: TrendSuite | None, spec: TrendSeries, lang: str, horizon: int = HORIZON_END
) -> go.Figure:
    """Observed values (gaps stay gaps), each fitted model's line and forecast to `horizon`, and the
    chosen model's 80 % and 95 % bands."""
    fig = go.Figure()
    last = int(series.index.max()) if len(series) else horizon
    future = list(range(last + 1, horizon + 1))
    ok = [] if suite is None else [k for k, r in suite.results.items() if r.ok]
    best = None if suite is None else suite.best
    if best is not None and future:
        fc = suite.results[best].forecast(future)
        name = t(f"trend_model_{best}", lang)
        colour = MODEL_COLOURS[best]
        for level, alpha in ((95, 0.12), (80, 0.25)):  # the wider band first, under the narrower
            lo, hi = _clean(fc[f"lo{level}"]), _clean(fc[f"hi{level}"])
            _add_band(fig, future, lo, hi, colour, alpha, f"{t(f'band_{level}', lang)} – {name}")
    # The chosen model last, so its line is drawn on top of the others.
    for kind in sorted(ok, key=lambda k: k == best):
        result = suite.results[kind]
        chosen = kind == best
        colour = MODEL_COLOURS[kind]
        name = t(f"trend_model_{kind}", lang) + (f" ({t('trend_chosen_mark', lang)})" if chosen else "")
        width = 4 if chosen else 2.5
        fitted = result.fitted.dropna()
        fig.add_trace(
            go.Scatter(
                x=[int(y) for y in fitted.index],
                y=_clean(fitted.to_numpy()),
                mode="lines",
                name=name,
                legendgroup=kind,
                line={"color": colour, "width": width},
                customdata=_texts(fitted.to_numpy(), spec.unit, lang),
                hovertemplate=f"{name}: %{{customdata}}<extra></extra>",
            )
        )
        if not future:
            continue
        fc = result.forecast(future)
        # Start the forecast line at the last fitted value so the model reads as one line.
        start_years = [int(fitted.index.max())] if len(fitted) else []
        start_vals = [float(fitted.iloc[-1])] if len(fitted) else []
        mean = _clean(fc["mean"])
        text = _texts(fc["mean"], spec.unit, lang)
        if chosen:
            text = [
                f"{m} ({t('band_80', lang)}: {_value_text(lo, spec.unit, lang)} – {_value_text(hi, spec.unit, lang)})"
                for m, lo, hi in zip(text, fc["lo80"], fc["hi80"], strict=True)
            ]
        fig.add_trace(
            go.Scatter(
                x=start_years + future,
                y=start_vals + mean,
                mode="lines+markers",
                name=name,
                legendgroup=kind,
                showlegend=False,
                line={"color": colour, "width": width, "dash": "dash"},
                marker={"size": 9 if chosen else 6, "color": colour},
                customdata=_texts(start_vals, spec.unit, lang) + text,
                hovertemplate=f"{name}: %{{customdata}}<extra></extra>",
            )
        )
    years, values = with_gaps(series)
    fig.add_trace(
        go.Scatter(
            x=years,
            y=values,
            mode="lines+markers",
            name=t("trend_observed", lang),
            line={"color": pal.OBSERVED, "width": 2},
            marker={"size": 14, "color": pal.OBSERVED},
            connectgaps=False,
            customdata=_texts(values, spec.unit, lang),
            hovertemplate=f"{t('trend_observed', lang)}: %{{customdata}}<extra></extra>",
        )
    )
    if future and len(series):
        fig.add_vline(x=last + 0.5, line={"color": pal.GREY, "width": 1.5, "dash": "dot"})
        fig.add_annotation(
            x=last + 0.6,
            y=1.0,
            yref="paper",
            text=t("trend_forecast_mark", lang),
            showarrow=False,
            xanchor="left",
            yanchor="top",
            font={"size": pal.FONT_SIZE, "color": pal.GREY},
        )
    base_layout(
        fig,
        lang,
        t("trend_chart_title", lang, series=t(f"trend_series_{spec.series_id}", lang), end=horizon),
        t(f"trend_axis_{spec.series_id}", lang),
        height=HEIGHT,
    )
    first = int(series.index.min()) if len(series) else horizon - 5
    year_axis(fig, first, horizon)
    if spec.unit == "pct":
        fig.update_yaxes(ticksuffix="%")
    return fig


# --- carrying rates into the scenario ------------------------------------------------------------


@dataclass(frozen=True)
class CarriedRates:
    """Rates a fit gives for the scenario's periods, ready for the sliders (rounded to 0.1).

    Attributes
    ----------
    values : dict
        Link key -> rate in % per year, e.g. ``{"gy1": 11.9, "gy2": 10.5}`` or ``{"gd1": …, "gd2": …}``;
        a period without years (base year 2025 or later) is left out.
    kind : str
        ``"gy"`` or ``"gd"``.
    model : str
        The model kind whose forecast was used.
    observed : dict
        Link key -> ``"observed"``, ``"forecast"`` or ``"mixed"``: what the period mean stands on
        (``gy`` only; empty for ``gd``).
    relative_growth_pct : float or None
        ``gd`` only: the share's yearly growth relative to GDP implied by the fit, % per year.
    """

    values: dict[str, float]
    kind: str
    model: str
    observed: dict[str, str]
    relative_growth_pct: float | None = None


def carried_rates(
    ds: Dataset, series_id: str, kinds: Iterable[str] | None, current: Scenario
) -> CarriedRates | None:
    """The rates the chosen fit of a series gives for the scenario's two periods.

    ``qn_grdp_growth``: the period mean of GRDP growth, observed values for observed years and the
    chosen model's forecast mean for the others (as :func:`qn_model.engine.presets.trend_rates` does).
    ``vn_de_share``: the share's relative growth ``r`` from the last observation to the chosen
    model's 2030 forecast (as the presets do), turned into digital-economy growth with the current
    scenario's GRDP growth: ``gd = (1 + gy)(1 + r) − 1``.

    Returns
    -------
    CarriedRates or None
        None when the series carries nothing or no selected model fits.
    """
    spec = _spec(series_id)
    suite = fit_for(ds, series_id, kinds)
    if spec.carry is None or suite is None or suite.best is None:
        return None
    result = suite.results[suite.best]
    series = ds.series(spec.indicator_id, spec.geo)
    periods = {p: period_years(current.base_year, p) for p in (1, 2)}
    if spec.carry == "gy":
        wanted = sorted({y for ys in periods.values() for y in ys} - set(series.index))
        mean = result.forecast(wanted)["mean"] if wanted else pd.Series(dtype=float)
        values: dict[str, float] = {}
        basis: dict[str, str] = {}
        for p, ys in periods.items():
            if not ys:
                continue
            vals = [float(series[y]) if y in series.index else float(mean[y]) for y in ys]
            if not all(math.isfinite(v) for v in vals):
                return None
            n_obs = sum(y in series.index for y in ys)
            values[f"gy{p}"] = clip_growth(round1(np.mean(vals)))
            basis[f"gy{p}"] = "observed" if n_obs == len(ys) else ("forecast" if n_obs == 0 else "mixed")
        return CarriedRates(values, "gy", suite.best, basis)
    # gd: relative growth of the share, as presets.trend_rates computes it.
    last = int(series.index.max())
    if last >= HORIZON_END:
        return None
    end = float(result.forecast([HORIZON_END])["mean"].iloc[0])
    if not (math.isfinite(end) and end > 0 and float(series[last]) > 0):
        return None
    relative = ((end / float(series[last])) ** (1.0 / (HORIZON_END - last)) - 1.0) * 100.0
    values = {
        f"gd{p}": de_growth_for(getattr(current, f"gy{p}"), relative) for p, ys in periods.items() if ys
    }
    return CarriedRates(values, "gd", suite.best, {}, relative)


def _rate(value: float, lang: str) -> str:
    return t("trend_rate", lang, value=fmt_pct(value, lang))


def carry_preview(rates: CarriedRates, current: Scenario, lang: str) -> tuple[str, tuple[str, ...]]:
    """What the carry button would set: an intro and one line per period (new rate, what it stands
    on, and the scenario's current rate)."""
    model = t(f"trend_model_{rates.model}_text", lang)
    lines = []
    for key, value in rates.values.items():
        period = t(f"period_{key[-1]}", lang)
        now = _rate(getattr(current, key), lang)
        if rates.kind == "gy":
            basis = t(f"trend_basis_{rates.observed[key]}", lang, model=model)
            lines.append(
                t("trend_carry_line_gy", lang, period=period, rate=_rate(value, lang), basis=basis, now=now)
            )
        else:
            gy = _rate(getattr(current, "gy" + key[-1]), lang)
            lines.append(
                t("trend_carry_line_gd", lang, period=period, rate=_rate(value, lang), gy=gy, now=now)
            )
    if rates.kind == "gy":
        intro = t("trend_carry_intro_gy", lang)
    else:
        intro = t(
            "trend_carry_intro_gd", lang, model=model, rel=_rate(rates.relative_growth_pct or 0.0, lang)
        )
    return intro, tuple(lines)


def carried_message(values: dict[str, float], lang: str) -> str:
    """The confirmation after the rates were put into the scenario."""
    kind = "gy" if any(k.startswith("gy") for k in values) else "gd"
    parts = "; ".join(f"{t(f'period_{k[-1]}', lang)}: {_rate(v, lang)}" for k, v in values.items())
    return t(f"trend_carried_{kind}", lang, parts=parts)


# --- everything the page draws -------------------------------------------------------------------


@dataclass(frozen=True)
class TrendView:
    """Everything the trends page draws for one series and one selection of models."""

    spec: TrendSeries
    suite: TrendSuite | None
    figure: go.Figure
    table: pd.DataFrame
    sentence: str
    carry: CarriedRates | None
    carry_intro: str | None
    carry_lines: tuple[str, ...]
    carry_button: str | None
    carry_same: bool  # the scenario already has these rates: the button would change nothing
    marks: tuple[str, ...] = ()  # a near tie, fits on a bound (trend_marks)


def trend_view(
    ds: Dataset, series_id: str, kinds: Iterable[str] | None, lang: str, current: Scenario
) -> TrendView:
    """Fit (cached), then build the figure, table, choice sentence and carry preview."""
    spec = _spec(series_id)
    chosen = _kinds(kinds)
    series = ds.series(spec.indicator_id, spec.geo)
    suite = fit_for(ds, series_id, chosen)
    carry = carried_rates(ds, series_id, chosen, current) if chosen else None
    intro, lines = (None, ()) if carry is None else carry_preview(carry, current, lang)
    return TrendView(
        spec=spec,
        suite=suite,
        figure=trend_figure(series, suite, spec, lang),
        table=backtest_table(suite, lang, spec.unit),
        sentence=choice_sentence(suite, len(series), lang, spec.unit, any_selected=bool(chosen)),
        carry=carry,
        carry_intro=intro,
        carry_lines=lines,
        carry_button=None if carry is None else t(f"trend_carry_button_{carry.kind}", lang),
        carry_same=carry is not None and all(getattr(current, k) == v for k, v in carry.values.items()),
        marks=trend_marks(suite, lang, spec.unit),
    )
