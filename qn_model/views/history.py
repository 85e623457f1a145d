"""Data shaping for the history page: series with their gaps, kinds and sources; tables of
every value with its source; the digital-society indicators against their targets.

Nothing here fills a gap or invents a value: a year without a row stays empty (``None``, so
a plotly line breaks there), and an indicator without a provincial figure says "no data".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import pandas as pd
import plotly.graph_objects as go

from qn_model.core.messages import N_
from qn_model.data.cache import derived
from qn_model.data.codebook import GROWTH_ID, NATION, PROVINCE, SHARE_ID, geos
from qn_model.data.dataset import USER_SOURCE_ID, Dataset
from qn_model.i18n.formats import DASH, fmt_num, fmt_pct, fmt_year, t
from qn_model.views import palette as pal
from qn_model.views.chart_kit import add_series, base_layout, of_data, with_gaps, year_axis

KIND_OFFICIAL = "official"
KIND_ESTIMATE = "estimate"
KIND_PRESS = "press"
KIND_USER = "user"
KINDS = (KIND_OFFICIAL, KIND_ESTIMATE, KIND_PRESS, KIND_USER)
# What the page's charts draw besides the roles (chart wiring; the facts are in the codebook).
PER_CAPITA_ID = "grdp_pc_usd"
CORE_ID, DIGITALISED_ID = "de_core_share", "de_digitalised_share"
STRUCTURE_IDS = ("share_agri", "share_indcon", "share_services", "share_taxes")
SOCIETY_EXCLUDED = (SHARE_ID,)  # the share has its own page; every other QN target is "society"

# Streamlit LinkColumn display text: the site's name, taken from the address.
LINK_DISPLAY_REGEX = r"^https?://(?:www\.|m\.|beta\.)?([^/]+)"
MAX_DIGITS = 4

# Snapshot indicators that bear on a target whose own indicator has no provincial figure.
# They are shown beside the target as what is known; none of them is the target's measure.
RELATED: dict[str, tuple[str, ...]] = {
    "online_shoppers_pct": (
        "ocop_ecommerce_pct",
        "ocop_ecommerce_products",
        "smartphone_users_pct",
        "mobile_broadband_subs_per100",
    ),
    "cashless_pct": (
        "market_traders_cashless_pct",
        "central_markets_cashless_pct",
        "cashless_markets_count",
        "petrol_retail_cashless_pct",
        "admin_fees_cashless_pct",
        "pension_card_payment_pct",
        "personal_payment_accounts",
        "ewallet_accounts",
        "active_accounts_per_adult",
    ),
    "firms_online_orders_pct": ("iz_firms_digital_platform_pct", "utility_firms_econtract_pct"),
    "einvoice_web_purchases_pct": ("firms_einvoice_pct", "einvoice_firms_count"),
    "adult_epayment_account_pct": ("personal_payment_accounts", "active_accounts_per_adult", "ekyc_accounts"),
}
# Related snapshots that belong to no single target: shown as their own group.
GENERAL_GROUP = "public_services"
GENERAL_RELATED = (
    "public_services_online_pct",
    "online_dossiers_pct",
    "dossier_digitisation_pct",
    "online_services_level4_count",
)

TABLE_COLUMNS = (
    N_("hist_col_indicator"),
    N_("hist_col_geo"),
    N_("hist_col_year"),
    N_("hist_col_value"),
    N_("hist_col_unit"),
    N_("hist_col_kind"),
    N_("hist_col_link"),
    N_("hist_col_source"),
    N_("hist_col_note"),
)


# --------------------------------------------------------------------------------------
# Small pieces
# --------------------------------------------------------------------------------------
def localised_frame(records: list[dict[str, object]], columns: Sequence[str], lang: str) -> pd.DataFrame:
    """Rows keyed by catalog keys of the columns -> a frame with headers in the language, columns in
    the given order (rows are built by key, so the order lives in one place)."""
    return pd.DataFrame([[rec[c] for c in columns] for rec in records], columns=[t(c, lang) for c in columns])


def kind_label(kind: str, lang: str) -> str:
    """``official`` / ``estimate`` / ``user`` in the reader's language."""
    return t(f"hist_kind_{kind}", lang) if kind in KINDS else kind


def geo_label(geo: str, lang: str) -> str:
    """The area's name (``data/geos.csv``), or the code for an area the data does not name."""
    area = geos().get(geo)
    return area.name(lang) if area else geo


def is_percent_unit(unit: str) -> bool:
    return unit.strip().startswith("%")


def value_digits(value: float) -> int:
    """Decimals as stored (12.66 -> 2, 7.1 -> 1, 3232 -> 0), at most ``MAX_DIGITS``: the
    source's precision, neither padded nor cut."""
    if not math.isfinite(value):
        return 0
    text = repr(float(value))
    if "e" in text or "E" in text:
        return MAX_DIGITS
    decimals = text.split(".")[1].rstrip("0") if "." in text else ""
    return min(len(decimals), MAX_DIGITS)


def fmt_value(value: float | None, unit: str, lang: str) -> str:
    """A stored value in the language's format, with ``%`` for percent units."""
    if value is None or not math.isfinite(value):
        return DASH
    digits = value_digits(value)
    return fmt_pct(value, lang, digits) if is_percent_unit(unit) else fmt_num(value, lang, digits)


def wrap(text: str, width: int = 22) -> str:
    """Break a long chart label over lines (plotly's ``<br>``) so it fits beside a bar."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def missing_years(years: Iterable[int]) -> list[int]:
    """Years between the first and the last that have no value."""
    have = sorted({int(y) for y in years})
    if not have:
        return []
    return [y for y in range(have[0], have[-1] + 1) if y not in set(have)]


def years_text(years: Sequence[int]) -> str:
    """ "2018" or "2018, 2021" or "2018–2019": a run of gap years reads as a range."""
    runs: list[tuple[int, int]] = []
    for y in sorted(years):
        if runs and y == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], y)
        else:
            runs.append((y, y))
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def gap_note(series: pd.Series, lang: str) -> str | None:
    """ "2018: không có số liệu" / "2018: no data", or None when the series has no gap."""
    gaps = missing_years(series.index)
    return t("hist_gap_note", lang, years=years_text(gaps)) if gaps else None


def has_url(url: str) -> bool:
    return url.strip().startswith(("http://", "https://"))


def source_text(ds: Dataset, source_id: str, lang: str) -> tuple[str, str]:
    """(title – publisher, URL) for a row's source. The URL is "" when there is none (the
    planner's own data, or a source without a web address); the text then says so."""
    if source_id == USER_SOURCE_ID:
        return t("hist_user_source", lang), ""
    src = ds.source(source_id)
    if src is None:
        return f"{source_id} {t('hist_no_link', lang)}", ""
    url = src.get("url", "").strip()
    text = f"{src['title']} – {src['publisher']}"
    if not has_url(url):
        return f"{text} {t('hist_no_link', lang)}", ""
    return text, url


# --------------------------------------------------------------------------------------
# Series and figures
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class KindPoint:
    """One stored value with how it was obtained."""

    year: int
    value: float
    kind: str
    source_id: str


def series_points(ds: Dataset, indicator_id: str, geo: str) -> list[KindPoint]:
    """The rows of one series, oldest first, with their kinds."""
    rows = ds.indicators
    rows = rows[(rows["indicator_id"] == indicator_id) & (rows["geo"] == geo)].sort_values("year")
    return [
        KindPoint(int(r.year), float(r.value), str(r.kind), str(r.source_id))
        for r in rows.itertuples(index=False)
    ]


def _marker_style(kind: str, colour: str) -> tuple[str, str, str]:
    """(fill, outline, symbol): official filled, estimate hollow, press-reported a hollow diamond,
    user an orange square."""
    if kind == KIND_USER:
        return pal.USER, pal.USER, "square"
    if kind == KIND_PRESS:
        return "white", colour, "diamond"
    if kind == KIND_ESTIMATE:
        return "white", colour, "circle"
    return colour, colour, "circle"


def add_kind_series(
    fig: go.Figure,
    ds: Dataset,
    indicator_id: str,
    geo: str,
    name: str,
    colour: str,
    lang: str,
    *,
    dash: str = "solid",
    marker_size: int = 14,
) -> set[str]:
    """A series with gaps left as gaps and each point styled by its kind; returns the kinds drawn."""
    points = series_points(ds, indicator_id, geo)
    if not points:
        return set()
    by_year = {p.year: p for p in points}
    years, values = with_gaps(pd.Series({p.year: p.value for p in points}))
    unit = ds.unit(indicator_id)
    add_series(fig, years, [v if v is not None else math.nan for v in values], name, lang, colour, dash=dash)
    fills, lines, symbols, hover = [], [], [], []
    for y in years:
        p = by_year.get(y)
        fill, line, symbol = _marker_style(p.kind if p else KIND_OFFICIAL, colour)
        fills.append(fill)
        lines.append(line)
        symbols.append(symbol)
        hover.append(f"{fmt_value(p.value, unit, lang)} ({kind_label(p.kind, lang)})" if p else "")
    fig.data[-1].update(
        y=values,
        connectgaps=False,
        customdata=hover,
        hovertemplate="%{customdata}",
        marker={"size": marker_size, "color": fills, "symbol": symbols, "line": {"width": 3, "color": lines}},
    )
    return {p.kind for p in points}


def add_kind_legend(fig: go.Figure, kinds: set[str], lang: str) -> None:
    """Legend entries that say what filled, hollow and orange markers mean."""
    for kind in KINDS:
        if kind not in kinds:
            continue
        fill, line, symbol = _marker_style(kind, pal.GREY)
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=t(f"hist_legend_{kind}", lang),
                marker={"size": 14, "color": fill, "symbol": symbol, "line": {"width": 3, "color": line}},
                hoverinfo="skip",
            )
        )


def _finish_year_axis(fig: go.Figure, years: Sequence[int]) -> None:
    # The years speak for themselves: no "Year" title, so the legend sits close under the plot.
    fig.update_xaxes(title=None)
    if years:
        year_axis(fig, min(years), max(years))


@of_data
def share_history_figure(ds: Dataset, lang: str) -> go.Figure:
    """Chart 1: the provincial share (one point in the shipped data) beside the national
    GSO series and its two parts; official filled, estimates hollow, user data orange."""
    fig = go.Figure()
    kinds: set[str] = set()
    years: list[int] = []
    for indicator_id, key, colour, dash in (
        (SHARE_ID, N_("hist_series_vn_share"), pal.NATIONAL, "solid"),
        (CORE_ID, N_("hist_series_vn_core"), pal.BLUE, "dash"),
        (DIGITALISED_ID, N_("hist_series_vn_digitalised"), pal.GREEN, "dot"),
    ):
        kinds |= add_kind_series(fig, ds, indicator_id, NATION, t(key, lang), colour, lang, dash=dash)
        years += [p.year for p in series_points(ds, indicator_id, NATION)]
    qn = series_points(ds, SHARE_ID, PROVINCE)
    years += [p.year for p in qn]
    kinds |= add_kind_series(
        fig, ds, SHARE_ID, PROVINCE, t("hist_series_qn_share", lang), pal.OBSERVED, lang, marker_size=24
    )
    for p in qn[-1:]:
        fig.add_annotation(
            x=p.year,
            y=p.value,
            text=t("hist_qn_label", lang, year=p.year, value=fmt_value(p.value, "%", lang)),
            showarrow=True,
            arrowhead=0,
            arrowwidth=2,
            ax=-150,
            ay=-45,
            bgcolor="white",
            font={"size": pal.FONT_SIZE + 4, "color": pal.USER if p.kind == KIND_USER else pal.OBSERVED},
        )
    add_kind_legend(fig, kinds, lang)
    base_layout(fig, lang, t("hist_share_title", lang), t("hist_axis_share", lang), height=620)
    fig.update_yaxes(ticksuffix="%", rangemode="tozero")
    _finish_year_axis(fig, years)
    return fig


@of_data
def indicator_figure(
    ds: Dataset, indicator_id: str, geo: str, lang: str, *, colour: str = pal.BLUE, title: str | None = None
) -> go.Figure:
    """Any stored series: gaps break the line and are named on the chart ("2018: no data")."""
    fig = go.Figure()
    kinds = add_kind_series(fig, ds, indicator_id, geo, geo_label(geo, lang), colour, lang)
    points = series_points(ds, indicator_id, geo)
    for gap in missing_years(p.year for p in points):
        fig.add_vrect(x0=gap - 0.5, x1=gap + 0.5, fillcolor=pal.GREY, opacity=0.15, line_width=0)
        fig.add_annotation(
            x=gap,
            y=0.03,
            yref="paper",
            yanchor="bottom",
            text=t("hist_gap_note", lang, years=str(gap)).replace(": ", ":<br>", 1),
            showarrow=False,
            font={"size": pal.FONT_SIZE - 2, "color": pal.BLACK},
        )
    add_kind_legend(fig, kinds, lang)
    unit = ds.unit(indicator_id)
    name = title or f"{ds.name(indicator_id, lang)} – {geo_label(geo, lang)}"
    base_layout(fig, lang, name, ds.unit(indicator_id, lang), height=480)
    if is_percent_unit(unit):
        fig.update_yaxes(ticksuffix="%")
    else:
        fig.update_yaxes(tickformat=",")  # "10.000" / "10,000" by the language's separators, not "10k"
    fig.update_yaxes(automargin=True)
    if points and min(p.value for p in points) >= 0:
        fig.update_yaxes(rangemode="tozero")
    fig.update_layout(showlegend=True)
    _finish_year_axis(fig, [p.year for p in points])
    return fig


def growth_figure(ds: Dataset, lang: str) -> go.Figure:
    """Chart 2: Quảng Ninh's GRDP growth; a missing year breaks the line and is named."""
    return indicator_figure(ds, GROWTH_ID, PROVINCE, lang, title=t("hist_growth_title", lang))


def structure_year(ds: Dataset) -> int | None:
    """The latest year with all four sector shares."""
    common: set[int] | None = None
    for indicator_id in STRUCTURE_IDS:
        years = {p.year for p in series_points(ds, indicator_id, PROVINCE)}
        common = years if common is None else common & years
    return max(common) if common else None


@of_data
def structure_figure(ds: Dataset, lang: str) -> go.Figure | None:
    """The sector structure of GRDP as horizontal bars, or None without a complete year.
    When every bar is of one kind, the title says which; otherwise each label does."""
    year = structure_year(ds)
    if year is None:
        return None
    rows = [ds.row(i, PROVINCE, year) for i in STRUCTURE_IDS]
    kinds = {r["kind"] for r in rows}
    one_kind = len(kinds) == 1
    labels = [
        fmt_value(r["value"], "%", lang) + ("" if one_kind else f" ({kind_label(r['kind'], lang).lower()})")
        for r in rows
    ]
    fig = go.Figure(
        go.Bar(
            x=[r["value"] for r in rows],
            y=[wrap(ds.name(i, lang)) for i in STRUCTURE_IDS],
            orientation="h",
            marker={
                "color": [
                    pal.USER if r["kind"] == KIND_USER else c
                    for r, c in zip(rows, pal.SEQUENCE, strict=False)
                ],
                "pattern": {
                    "shape": ["/" if r["kind"] == KIND_ESTIMATE and not one_kind else "" for r in rows]
                },
            },
            text=labels,
            textposition="outside",
            textfont={"size": pal.FONT_SIZE + 2},
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    title = t("hist_structure_title", lang, year=year)
    if one_kind:
        title += f"<br><span style='font-size:{pal.FONT_SIZE}px'>{kind_label(next(iter(kinds)), lang)}</span>"
    base_layout(fig, lang, title, "", height=480)
    fig.update_xaxes(
        title={"text": t("hist_unit_pct_grdp", lang)},
        dtick=None,
        tickformat=None,
        ticksuffix="%",
        showgrid=True,
    )
    fig.update_xaxes(range=[0, max(r["value"] for r in rows) * (1.25 if one_kind else 1.6)])
    fig.update_yaxes(autorange="reversed", title=None, automargin=True)
    fig.update_layout(hovermode="closest", showlegend=False)
    return fig


def series_options(ds: Dataset) -> list[tuple[str, str]]:
    """Every stored (indicator_id, geo) series, ordered as the codebook lists ids."""
    rows = ds.indicators
    return sorted({(str(i), str(g)) for i, g in zip(rows["indicator_id"], rows["geo"], strict=True)})


def series_option_label(ds: Dataset, option: tuple[str, str], lang: str) -> str:
    indicator_id, geo = option
    n = len(ds.series(indicator_id, geo))
    return t("hist_option", lang, name=ds.name(indicator_id, lang), geo=geo_label(geo, lang), n=n)


def single_point_note(ds: Dataset, indicator_id: str, geo: str, lang: str) -> str | None:
    """Said under a chart of one value: a snapshot is not a trend."""
    points = series_points(ds, indicator_id, geo)
    if len(points) != 1:
        return None
    return t("hist_single_point", lang, year=points[0].year)


def share_note(ds: Dataset, lang: str) -> str:
    """What the provincial share stands on (ONE observed value in the shipped data)."""
    points = series_points(ds, SHARE_ID, PROVINCE)
    if not points:
        return t("hist_share_note_none", lang)
    if len(points) == 1:
        p = points[0]
        return t("hist_share_note_one", lang, year=p.year, value=fmt_value(p.value, "%", lang))
    return t("hist_share_note_many", lang, n=len(points), years=years_text([p.year for p in points]))


# --------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------
def indicator_options(ds: Dataset, lang: str) -> list[str]:
    """Indicator ids that have values, ordered by their name in the language."""
    ids = set(ds.indicators["indicator_id"])
    return sorted(ids, key=lambda i: ds.name(i, lang).casefold())


def values_table(ds: Dataset, lang: str, indicator_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """Every stored value (optionally only some indicators) with its kind and its source.

    Columns (localised headers): indicator, area, year, value (formatted), unit, kind,
    link (URL, or "" when the source has no address or the row is the planner's own data; the
    source text then says so), source (title – publisher), note. Made once per data, language
    and choice (every run of the page shows it); each caller gets a copy.
    """
    wanted = None if indicator_ids is None else tuple(sorted(set(indicator_ids)))
    return derived(ds, "history_values", lambda: _values_table(ds, lang, wanted), lang, wanted).copy()


def _values_table(ds: Dataset, lang: str, indicator_ids: Iterable[str] | None) -> pd.DataFrame:
    rows = ds.indicators
    if indicator_ids is not None:
        wanted = set(indicator_ids)
        if wanted:
            rows = rows[rows["indicator_id"].isin(wanted)]
    rows = rows.sort_values(["indicator_id", "geo", "year"])
    out = []
    for r in rows.itertuples(index=False):
        unit = ds.unit(r.indicator_id)
        source, url = source_text(ds, r.source_id, lang)
        out.append(
            {
                N_("hist_col_indicator"): ds.name(r.indicator_id, lang),
                N_("hist_col_geo"): geo_label(r.geo, lang),
                N_("hist_col_year"): fmt_year(r.year),
                N_("hist_col_value"): fmt_value(float(r.value), unit, lang),
                N_("hist_col_unit"): ds.unit(r.indicator_id, lang),
                N_("hist_col_kind"): kind_label(r.kind, lang),
                N_("hist_col_link"): url,
                N_("hist_col_source"): source,
                N_("hist_col_note"): str(r.note),
            }
        )
    return localised_frame(out, TABLE_COLUMNS, lang)


def link_column(lang: str) -> str:
    """The localised header of the link column (for the page's LinkColumn config)."""
    return t("hist_col_link", lang)


@dataclass(frozen=True)
class SocietyStatus:
    """One digital-society target and what the data says about it (never an invented value)."""

    indicator_id: str
    target_set: str
    year: int
    target: float
    source_id: str
    value: float | None  # the province's value in the target year, when the data has it
    latest: KindPoint | None  # the latest provincial value of the indicator, any year
    met: bool | None  # judged only on a value in the target year


def society_statuses(ds: Dataset) -> list[SocietyStatus]:
    """Every provincial non-share target (the article's 2025 goals, Resolution 09's 2030 goals)."""
    out = []
    for set_id in ds.target_sets():
        for r in ds.targets_for(set_id).itertuples(index=False):
            if r.geo != PROVINCE or r.indicator_id in SOCIETY_EXCLUDED:
                continue
            points = series_points(ds, r.indicator_id, PROVINCE)
            value = ds.value(r.indicator_id, PROVINCE, int(r.year))
            out.append(
                SocietyStatus(
                    indicator_id=str(r.indicator_id),
                    target_set=set_id,
                    year=int(r.year),
                    target=float(r.value),
                    source_id=str(r.source_id),
                    value=value,
                    latest=points[-1] if points else None,
                    met=None if value is None else value >= float(r.value),
                )
            )
    return out


def _status_text(s: SocietyStatus, lang: str) -> str:
    if s.met is not None:
        return t("verdict_met" if s.met else "verdict_not_met", lang)
    if s.latest is None:
        return t("hist_status_no_data", lang)
    return t("hist_status_no_target_year", lang, year=s.year)


RELATED_COLUMNS = (
    N_("hist_col_indicator"),
    N_("hist_col_year"),
    N_("hist_col_value"),
    N_("hist_col_kind"),
    N_("hist_col_link"),
    N_("hist_col_source"),
)


def related_table(ds: Dataset, indicator_ids: Iterable[str], lang: str) -> pd.DataFrame:
    """The provincial values of some indicators, each with its kind and source (only what exists)."""
    out = []
    for indicator_id in indicator_ids:
        unit = ds.unit(indicator_id)
        for p in series_points(ds, indicator_id, PROVINCE):
            source, url = source_text(ds, p.source_id, lang)
            out.append(
                {
                    N_("hist_col_indicator"): ds.name(indicator_id, lang),
                    N_("hist_col_year"): fmt_year(p.year),
                    N_("hist_col_value"): fmt_value(p.value, unit, lang),
                    N_("hist_col_kind"): kind_label(p.kind, lang),
                    N_("hist_col_link"): url,
                    N_("hist_col_source"): source,
                }
            )
    return localised_frame(out, RELATED_COLUMNS, lang)


@dataclass(frozen=True)
class SocietyBlock:
    """What the page shows for one digital-society target (or the reference group)."""

    title: str
    target_label: str | None  # "Mục tiêu 2025 (bài báo)"
    target_value: str | None  # "55%"
    value_text: str  # "chưa có số liệu", or the province's figure with its year and kind
    status: str | None
    met: bool | None
    has_data: bool
    target_source: str | None
    target_url: str  # "" when the target's source has no web address
    related: pd.DataFrame


def society_blocks(ds: Dataset, lang: str) -> list[SocietyBlock]:
    """Each digital-society target against the province's figure ("no data" where there is
    none), with the related snapshots that do exist; then the online public services group.
    Made once per data and language; each caller gets copies of the tables."""
    blocks = derived(ds, "history_society", lambda: tuple(_society_blocks(ds, lang)), lang)
    return [replace(b, related=b.related.copy()) for b in blocks]


def _society_blocks(ds: Dataset, lang: str) -> list[SocietyBlock]:
    blocks = []
    for s in society_statuses(ds):
        unit = ds.unit(s.indicator_id)
        if s.latest is None:
            value_text = t("hist_no_data", lang)
        else:
            value_text = t(
                "hist_value_in_year",
                lang,
                value=fmt_value(s.latest.value, unit, lang),
                year=s.latest.year,
                kind=kind_label(s.latest.kind, lang).lower(),
            )
        source, url = source_text(ds, s.source_id, lang)
        related = RELATED.get(s.indicator_id, ()) if s.value is None else ()
        blocks.append(
            SocietyBlock(
                title=ds.name(s.indicator_id, lang),
                target_label=t(
                    "hist_target_label", lang, year=s.year, source=t(f"source_{s.target_set}", lang)
                ),
                target_value=fmt_value(s.target, unit, lang),
                value_text=value_text,
                status=_status_text(s, lang),
                met=s.met,
                has_data=s.latest is not None,
                target_source=source,
                target_url=url,
                related=related_table(ds, related, lang),
            )
        )
    general = related_table(ds, GENERAL_RELATED, lang)
    if len(general):
        blocks.append(
            SocietyBlock(
                title=t(f"hist_group_{GENERAL_GROUP}", lang),
                target_label=None,
                target_value=None,
                value_text="",
                status=None,
                met=None,
                has_data=True,
                target_source=None,
                target_url="",
                related=general,
            )
        )
    return blocks
