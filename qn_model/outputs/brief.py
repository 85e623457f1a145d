"""The brief: one self-contained HTML file a planner can mail, open offline and print on A4.

It holds the headline verdicts, the charts, the targets with the growth they require and the
probability of meeting them, the assumptions, the year-by-year path, the sources with their
dates, the data basis and version, and the scenario's link with its QR code, all in one
language.

Self-contained: plotly.js is inlined once in a single ``<script>``, each chart is a ``<div>``
drawn by it, the QR code is inline SVG, and a Content-Security-Policy forbids the page to
load anything at all (links to sources are plain ``<a href>`` that a reader may follow).
The HTML is the template ``templates/brief.html.j2``, rendered with autoescaping: every text
from data, links or the catalogs is escaped by default, and the only raw pieces (plotly.js, the
charts, the QR code) are marked :class:`~markupsafe.Markup` where they are made, in this module.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import datetime
from functools import cache
from typing import Any

import jinja2
import plotly.graph_objects as go
from babel.dates import format_date
from markupsafe import Markup

from qn_model.core.scenario import TARGET_YEAR_1, TARGET_YEAR_2
from qn_model.data.dataset import Dataset
from qn_model.data.versions import version_date
from qn_model.engine.evaluate import Evaluation
from qn_model.i18n.formats import DASH, fmt_num, fmt_pct, fmt_prob, locale_of, norm_lang, render, t
from qn_model.outputs.exports import Column, Table, export_tables, kind_label
from qn_model.views.figures import headline_figure, sensitivity_for
from qn_model.views.file_names import slug
from qn_model.views.narrative import data_basis, headline, verdict_word
from qn_model.views.realism_text import realism_lines
from qn_model.views.tables import price_basis_note

__all__ = ["CHART_WIDTH_PX", "PLOTLY_MARKER", "brief_context", "build_brief", "plotly_js", "render_brief"]

CHART_WIDTH_PX = 900  # drawn at this width; print zooms it to the A4 text width (186 mm ≈ 703 px)
PRINT_ZOOM = 0.78
PLOTLY_MARKER = "* plotly.js v"  # the banner of the inlined bundle: present exactly once
CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
)


def plotly_js() -> str:
    """The plotly.js bundle that ships with the installed plotly (a few MB, no network)."""
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def _is_http(url: object) -> bool:
    """The template's ``http_url`` test: only these addresses become links."""
    return str(url).strip().startswith(("http://", "https://"))


def _as_html_escape(value: object) -> object:
    """Each ``{{ }}`` value escaped as :func:`html.escape` does (``&quot;``, ``&#x27;``), so the
    document is the one the brief has always been; Markup (the raw pieces) passes unchanged."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape("" if value is None else str(value), quote=True))  # noqa: S704 (escaped)


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("qn_model.outputs", "templates"),
        autoescape=True,
        finalize=_as_html_escape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.tests["http_url"] = _is_http
    return env.get_template("brief.html.j2")


def render_brief(context: Mapping[str, Any]) -> str:
    """The brief's HTML from its context (:func:`brief_context`): ``brief.html.j2``, autoescaped."""
    return _template().render(context)


# --------------------------------------------------------------------------------------
# Pieces
# --------------------------------------------------------------------------------------
def _cell(value: Any, col: Column, lang: str) -> dict[str, Any]:
    """One table cell: its display text, whether it is a number, whether it is an address."""
    if value is None or (isinstance(value, str) and not value and col.fmt != "text"):
        return {"text": DASH, "num": col.fmt not in ("text", "url"), "link": False}
    if isinstance(value, str):
        return {"text": value, "num": False, "link": col.fmt == "url"}
    if isinstance(value, int) or col.fmt == "plain":
        text = str(int(value))
    elif col.fmt == "prob":
        text = fmt_prob(value, lang)
    else:
        text = fmt_num(value, lang, col.digits, signed=col.fmt == "pp")
    return {"text": text, "num": True, "link": False}


def _table(columns: Sequence[Column], rows: Sequence[Sequence[Any]], lang: str) -> dict[str, Any]:
    """A table for the template; a row holding a user-supplied value is marked."""
    user = kind_label("user", lang)
    return {
        "headers": [c.header for c in columns],
        "rows": [
            {
                "user": any(isinstance(value, str) and user in value for value in row),
                "cells": [_cell(value, col, lang) for value, col in zip(row, columns, strict=True)],
            }
            for row in rows
        ],
    }


def _select(table: Table, keep: Sequence[int], lang: str) -> dict[str, Any]:
    return _table([table.columns[i] for i in keep], [[row[i] for i in keep] for row in table.rows], lang)


def _path_table(table: Table, lang: str) -> dict[str, Any]:
    """The path with each band as one "low – high" cell (narrower than four columns)."""
    c = table.columns
    band = Column(t("band_80", lang), "text"), Column(t("band_95", lang), "text")
    # The projects' column (8) only when some project adds value added; the data kind is last.
    extra = [8] if any(r[8] for r in table.rows) else []
    columns = [c[0], c[1], band[0], band[1], c[6], c[7], *(c[i] for i in extra), c[9]]

    def rng(lo: float | None, hi: float | None) -> str:
        if lo is None or hi is None:
            return DASH
        return f"{fmt_num(lo, lang, 1)} – {fmt_num(hi, lang, 1)}"

    rows = [
        [r[0], r[1], rng(r[2], r[3]), rng(r[4], r[5]), r[6], r[7], *(r[i] for i in extra), r[9]]
        for r in table.rows
    ]
    return _table(columns, rows, lang)


def _sources_table(table: Table, lang: str) -> dict[str, Any]:
    """Title (linked, with the address printed under it), publisher, dates, what it backs, kind."""
    user = kind_label("user", lang)
    rows = [
        {
            "title": title,
            "url": url,
            "publisher": publisher,
            "published": published,
            "accessed": accessed,
            "backs": backs,
            "kind": kind,
            "user": kind == user,
        }
        for _sid, title, publisher, url, published, accessed, backs, kind in table.rows
    ]
    return {"headers": [table.columns[i].header for i in (1, 2, 4, 5, 6, 7)], "rows": rows}


def _chart_html(fig: go.Figure, div_id: str, height: int | None = None) -> Markup:
    fig = go.Figure(fig)
    height = int(height or fig.layout.height or 500)
    fig.update_layout(width=CHART_WIDTH_PX, height=height, autosize=False, paper_bgcolor="white")
    title = fig.layout.title.text or div_id
    config = {
        "displaylogo": False,
        "responsive": False,
        "toImageButtonOptions": {
            "format": "png",
            "width": 1920,
            "height": 1080,
            "scale": 1,
            "filename": slug(title) or div_id,
        },
    }
    div = fig.to_html(
        full_html=False,
        include_plotlyjs=False,
        include_mathjax=False,
        div_id=div_id,
        config=config,
        default_width=f"{CHART_WIDTH_PX}px",
        default_height=f"{height}px",
    )
    # Raw on purpose: plotly's own div and drawing script. Texts inside the figure are JSON that
    # plotly writes with <, > and / as \u escapes, so a label cannot close the script.
    return Markup(f'<div class="chart-wrap"><div class="chart">{div}</div></div>')  # noqa: S704


def _qr(link: str, lang: str) -> dict[str, Any]:
    from qn_model.outputs.qr import qr_svg

    title = t("brief_qr_title", lang)
    try:
        # Raw on purpose: segno's SVG, made of paths only; its title is escaped by segno.
        svg: Markup | None = Markup(qr_svg(link, scale=3, title=title))  # noqa: S704
    except Exception:  # a link too long for any QR code: the printed address still works
        svg = None
    return {"svg": svg, "title": title, "unavailable": t("brief_qr_unavailable", lang)}


def _cards(ev: Evaluation, lang: str) -> list[dict[str, Any]]:
    cards = []
    for v in ev.verdicts:
        h = headline(v, ev.scenario, lang)
        cards.append(
            {
                "state": "unknown" if v.met is None else ("met" if v.met else "not_met"),
                "year_line": t("target_in_year", lang, year=v.year, target=fmt_pct(v.target_pct, lang)),
                "word": verdict_word(v, lang),
                "share_label": t("share_in_year", lang, year=v.year),
                "value": fmt_pct(v.value_pct, lang),
                "verdict": h.verdict,
                "detail": h.detail,
                "caveat": h.caveat,
            }
        )
    return cards


def _realism(ev: Evaluation, ds: Dataset, lang: str) -> dict[str, Any] | None:
    """The scenario's and the targets' share growth against the fastest on record."""
    lines = realism_lines(ev.scenario, ev.verdicts, ds, lang)
    return {"title": t("real_title", lang), "lines": list(lines)} if lines else None


def _generated_text(generated: datetime, lang: str) -> str:
    return format_date(generated.date(), format="long", locale=locale_of(lang))


# --------------------------------------------------------------------------------------
# The document
# --------------------------------------------------------------------------------------
def brief_context(
    ev: Evaluation, ds: Dataset, lang: str, link: str, *, generated: datetime | None = None
) -> dict[str, Any]:
    """What the brief's template shows: texts already in ``lang``, numbers already formatted.

    Plain strings (escaped by the template), lists and dicts of them; the only
    :class:`~markupsafe.Markup` values are ``plotly_js``, the charts and ``qr.svg``. Parameters
    as :func:`build_brief`.
    """
    lang = norm_lang(lang)
    generated = generated or datetime.now()
    tables = {tb.key: tb for tb in export_tables(ev, ds, lang, link, generated)}
    sens = [(y, sensitivity_for(ev, y, lang)) for y in (TARGET_YEAR_2, TARGET_YEAR_1)]
    headline_fig = headline_figure(ev, ds, lang, with_required=True)
    return {
        "lang": lang,
        "csp": CSP,
        "version": ds.version,
        "print_zoom": PRINT_ZOOM,
        # Raw on purpose: plotly's own bundle, inlined so the file works offline.
        "plotly_js": Markup(plotly_js()),  # noqa: S704
        "app_title": t("app_title", lang),
        "title": t("brief_title", lang),
        "generated": _generated_text(generated, lang),
        "data_version_line": t(
            "brief_data_version_dated",
            lang,
            version=ds.version,
            date=version_date(ds) or t("dv_own_data", lang),
        ),
        "link_intro": t("brief_link_intro", lang),
        "link": link,
        "qr": _qr(link, lang),
        "notices_title": t("brief_notices", lang),
        "notices": [render(n, lang) for n in ev.notices],
        "verdicts_header": t("brief_verdicts_header", lang),
        "cards": _cards(ev, lang),
        "realism": _realism(ev, ds, lang),
        "headline_chart": _chart_html(headline_fig, "brief-chart-headline"),
        "chart_note": t("scenario_chart_note", lang),
        "targets_header": t("verdicts_header", lang),
        "targets": _select(tables["targets"], [*range(9), 10], lang),  # 10: gap in money
        "required_note": t("brief_required_note", lang),
        "sensitivity": {
            "header": t("sensitivity_header", lang),
            "note": t("sensitivity_note", lang),
            "charts": [_chart_html(f, f"brief-chart-sensitivity-{y}") for y, f in sens if f is not None],
        },
        "assumptions_header": t("brief_assumptions_header", lang),
        "assumptions": _select(tables["assumptions"], (0, 2, 3, 4), lang),
        "path_header": t("path_header", lang),
        "path": _path_table(tables["path"], lang),
        "path_note": t("brief_path_note", lang),
        "price_note": price_basis_note(ev, ds, lang),
        "sources_header": t("brief_sources_header", lang),
        "sources": _sources_table(tables["sources"], lang),
        "user_note": t("brief_user_note", lang),
        "basis_title": t("data_basis_title", lang),
        "basis": list(data_basis(ds, lang)),
        "footer": t("brief_footer", lang, version=ds.version),
    }


def build_brief(
    ev: Evaluation, ds: Dataset, lang: str, link: str, *, generated: datetime | None = None
) -> str:
    """The brief of an evaluated scenario as one self-contained HTML document.

    Parameters
    ----------
    ev : Evaluation
        The evaluated scenario (``engine.evaluate_link`` / ``evaluate_scenario``).
    ds : Dataset
        The data behind it (sources, dates, version, data kinds).
    lang : str
        ``"vi"`` or ``"en"``; every text and number format follows it.
    link : str
        The scenario's full link (shown, linked when http(s), and encoded in the QR code).
    generated : datetime, optional
        The date printed on the brief; now when None.

    Returns
    -------
    str
        ``<!DOCTYPE html>…``: plotly.js inlined once, nothing loaded from the network.
    """
    return render_brief(brief_context(ev, ds, lang, link, generated=generated))
