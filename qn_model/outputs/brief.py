"""The brief: one self-contained HTML file a planner can mail, open offline and print on A4.

It holds the headline verdicts, the charts, the targets with the growth they require and the
probability of meeting them, the assumptions, the year-by-year path, the sources with their
dates, the data basis and version, and the scenario's link with its QR code, all in one
language.

Self-contained: plotly.js is inlined once in a single ``<script>``, each chart is a ``<div>``
drawn by it, the QR code is inline SVG, and a Content-Security-Policy forbids the page to
load anything at all (links to sources are plain ``<a href>`` that a reader may follow).
Every text from data, links or the glossary goes through :func:`html.escape`.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import plotly.graph_objects as go
from babel.dates import format_date

from qn_model.core.scenario import TARGET_YEAR_1, TARGET_YEAR_2
from qn_model.data.dataset import Dataset
from qn_model.data.versions import version_date
from qn_model.engine.evaluate import Evaluation
from qn_model.i18n.formats import DASH, fmt_num, fmt_pct, fmt_prob, locale_of, norm_lang, render, t
from qn_model.outputs.exports import Column, Table, export_tables, kind_label, slug
from qn_model.views.figures import headline_figure, sensitivity_for
from qn_model.views.narrative import data_basis, headline, verdict_word
from qn_model.views.realism_text import realism_lines
from qn_model.views.tables import price_basis_note

__all__ = ["CHART_WIDTH_PX", "PLOTLY_MARKER", "build_brief", "plotly_js"]

CHART_WIDTH_PX = 900  # drawn at this width; print zooms it to the A4 text width (186 mm ≈ 703 px)
PRINT_ZOOM = 0.78
PLOTLY_MARKER = "* plotly.js v"  # the banner of the inlined bundle: present exactly once
CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
)

_CSS = """
:root { --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --met: #00795a; --notmet: #b34700;
        --user: #fff1d6; --userline: #E69F00; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: var(--ink);
       max-width: 960px; margin: 24px auto; padding: 0 16px; line-height: 1.45; font-size: 16px; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
h2 { font-size: 1.25rem; margin: 1.6rem 0 .5rem; border-bottom: 2px solid var(--ink); padding-bottom: .15rem;
     break-after: avoid; }
h3 { font-size: 1.05rem; margin: 1rem 0 .3rem; break-after: avoid; }
p { margin: .35rem 0; }
.muted, .note { color: var(--muted); font-size: .9rem; }
header.top { display: flex; gap: 20px; justify-content: space-between; align-items: flex-start; }
header.top .qr { text-align: center; flex: 0 0 auto; max-width: 200px; }
header.top .qr svg { width: 150px; height: 150px; }
.link { word-break: break-all; font-size: .85rem; }
.cards { display: flex; gap: 16px; flex-wrap: wrap; }
.card { flex: 1 1 280px; border: 1px solid var(--rule); border-left: 8px solid var(--muted);
        padding: 10px 14px; border-radius: 4px; break-inside: avoid; }
.card.met { border-left-color: var(--met); } .card.not_met { border-left-color: var(--notmet); }
.card .word { font-size: 1.5rem; font-weight: 700; }
.card.met .word { color: var(--met); } .card.not_met .word { color: var(--notmet); }
.card .value { font-size: 1.1rem; margin-left: .6rem; }
figure { margin: 0; break-inside: avoid; }
.realism { border-left: 4px solid #0072B2; padding: 4px 12px; margin: 12px 0; }
.notices { border: 1px solid var(--userline); background: #fff8e8; padding: 8px 12px; margin: 12px 0;
           break-inside: avoid; }
.chart-wrap { overflow-x: auto; break-inside: avoid; margin: 8px 0; }
.chart { width: 900px; break-inside: avoid; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: 6px 0 10px; }
th, td { border: 1px solid var(--rule); padding: 3px 6px; vertical-align: top; text-align: left;
         overflow-wrap: break-word; }
td.date { white-space: nowrap; }
th { background: #f2f2f2; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.user td { background: var(--user); }
tr { break-inside: avoid; }
thead { display: table-header-group; }
.src-url { display: block; color: var(--muted); font-size: .75rem; word-break: break-all; }
ul.basis { margin: .3rem 0; padding-left: 1.2rem; }
footer { margin-top: 1.5rem; border-top: 1px solid var(--rule); padding-top: .4rem; }
@page { size: A4; margin: 12mm 12mm 14mm 12mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
  .page-break { break-before: page; }
  .chart-wrap { overflow: visible; }
  .chart { zoom: __ZOOM__; }
  .modebar-container { display: none !important; }
  a { color: inherit; text-decoration: none; }
  header.top .qr svg { width: 34mm; height: 34mm; }
  table { font-size: 8.5pt; }
}
"""


def plotly_js() -> str:
    """The plotly.js bundle that ships with the installed plotly (a few MB, no network)."""
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _safe_href(url: str) -> str | None:
    url = str(url).strip()
    return url if url.startswith(("http://", "https://")) else None


def _link(url: str, text: str | None = None, cls: str = "") -> str:
    """An ``<a>`` for an http(s) address; anything else (``javascript:``…) is shown as text."""
    label = _e(url if text is None else text)
    href = _safe_href(url)
    attr = f' class="{_e(cls)}"' if cls else ""
    return f'<a{attr} href="{_e(href)}" rel="noopener noreferrer">{label}</a>' if href else label


# --------------------------------------------------------------------------------------
# Pieces
# --------------------------------------------------------------------------------------
def _cell(value: Any, col: Column, lang: str) -> tuple[str, bool]:
    """(escaped display text, is a number) for one table cell."""
    if value is None or (isinstance(value, str) and not value and col.fmt != "text"):
        return DASH, col.fmt not in ("text", "url")
    if isinstance(value, str):
        return (_link(value) if col.fmt == "url" else _e(value)), False
    if isinstance(value, int) or col.fmt == "plain":
        return _e(str(int(value))), True
    if col.fmt == "prob":
        return _e(fmt_prob(value, lang)), True
    signed = col.fmt == "pp"
    return _e(fmt_num(value, lang, col.digits, signed=signed)), True


def _html_table(columns: Sequence[Column], rows: Sequence[Sequence[Any]], lang: str, cls: str = "") -> str:
    user = kind_label("user", lang)
    head = "".join(f"<th>{_e(c.header)}</th>" for c in columns)
    body = []
    for row in rows:
        cells, is_user = [], False
        for value, col in zip(row, columns, strict=True):
            text, numeric = _cell(value, col, lang)
            is_user = is_user or (isinstance(value, str) and user in value)
            cells.append(f'<td class="num">{text}</td>' if numeric else f"<td>{text}</td>")
        body.append(f'<tr class="user">{"".join(cells)}</tr>' if is_user else f"<tr>{''.join(cells)}</tr>")
    attr = f' class="{cls}"' if cls else ""
    return f"<table{attr}><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _select(table: Table, keep: Sequence[int]) -> tuple[list[Column], list[list[Any]]]:
    return [table.columns[i] for i in keep], [[row[i] for i in keep] for row in table.rows]


def _path_html(table: Table, lang: str) -> str:
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
    return _html_table(columns, rows, lang)


def _sources_html(table: Table, lang: str) -> str:
    """Title (linked, with the address printed under it), publisher, dates, what it backs, kind."""
    c = table.columns
    head = "".join(f"<th>{_e(c[i].header)}</th>" for i in (1, 2, 4, 5, 6, 7))
    user = kind_label("user", lang)
    body = []
    for r in table.rows:
        _sid, title, publisher, url, published, accessed, backs, kind = r
        title_html = _link(url, title) if url else _e(title)
        if url:
            title_html += f'<span class="src-url">{_e(url)}</span>'
        cells = [title_html, _e(publisher), _e(published), _e(accessed), _e(backs), _e(kind)]
        tds = "".join(
            f'<td class="date">{x}</td>' if i in (2, 3) else f"<td>{x}</td>" for i, x in enumerate(cells)
        )
        body.append(f'<tr class="user">{tds}</tr>' if kind == user else f"<tr>{tds}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _chart_html(fig: go.Figure, div_id: str, height: int | None = None) -> str:
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
    return f'<div class="chart-wrap"><div class="chart">{div}</div></div>'


def _qr_html(link: str, lang: str) -> str:
    from qn_model.outputs.qr import qr_svg

    try:
        svg = qr_svg(link, scale=3, title=t("brief_qr_title", lang))
    except Exception:  # a link too long for any QR code: the printed address still works
        return f'<p class="note">{_e(t("brief_qr_unavailable", lang))}</p>'
    return f'<div class="qr-code" role="img" aria-label="{_e(t("brief_qr_title", lang))}">{svg}</div>'


def _verdict_cards(ev: Evaluation, lang: str) -> str:
    cards = []
    for v in ev.verdicts:
        state = "unknown" if v.met is None else ("met" if v.met else "not_met")
        h = headline(v, ev.scenario, lang)
        lines = [
            f'<div class="year">{_e(t("target_in_year", lang, year=v.year, target=fmt_pct(v.target_pct, lang)))}</div>',
            f'<div><span class="word">{_e(verdict_word(v, lang))}</span> '
            f'<span class="value">{_e(t("share_in_year", lang, year=v.year))}: '
            f"<strong>{_e(fmt_pct(v.value_pct, lang))}</strong></span></div>",
            f"<p>{_e(h.verdict)}</p>",
        ]
        if h.detail:
            lines.append(f"<p>{_e(h.detail)}</p>")
        if h.caveat:
            lines.append(f'<p class="note">{_e(h.caveat)}</p>')
        cards.append(f'<div class="card {state}">{"".join(lines)}</div>')
    return f'<div class="cards">{"".join(cards)}</div>'


def _realism_html(ev: Evaluation, ds: Dataset, lang: str) -> str:
    """The scenario's and the targets' share growth against the fastest on record."""
    lines = realism_lines(ev.scenario, ev.verdicts, ds, lang)
    if not lines:
        return ""
    items = "".join(f"<li>{_e(line)}</li>" for line in lines)
    return f'<div class="realism"><strong>{_e(t("real_title", lang))}</strong><ul>{items}</ul></div>'


def _generated_text(generated: datetime, lang: str) -> str:
    return format_date(generated.date(), format="long", locale=locale_of(lang))


# --------------------------------------------------------------------------------------
# The document
# --------------------------------------------------------------------------------------
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
    lang = norm_lang(lang)
    generated = generated or datetime.now()
    tables = {tb.key: tb for tb in export_tables(ev, ds, lang, link, generated)}
    title = t("brief_title", lang)
    parts: list[str] = []

    # Header: what, when, which data, and the way back to the live scenario.
    parts.append('<header class="top"><div>')
    parts.append(f"<h1>{_e(t('app_title', lang))}</h1>")
    parts.append(f'<p class="muted">{_e(title)} · {_e(_generated_text(generated, lang))}</p>')
    dated = version_date(ds) or t("dv_own_data", lang)
    parts.append(f"<p>{_e(t('brief_data_version_dated', lang, version=ds.version, date=dated))}</p>")
    parts.append(f"<p>{_e(t('brief_link_intro', lang))}<br>{_link(link, cls='link')}</p>")
    parts.append(f'</div><div class="qr">{_qr_html(link, lang)}</div></header>')
    if ev.notices:
        items = "".join(f"<li>{_e(render(n, lang))}</li>" for n in ev.notices)
        parts.append(
            f'<div class="notices"><strong>{_e(t("brief_notices", lang))}</strong><ul>{items}</ul></div>'
        )

    # 1. Verdicts, the headline chart and the targets table.
    parts.append(f"<section><h2>{_e(t('brief_verdicts_header', lang))}</h2>")
    parts.append(_verdict_cards(ev, lang))
    parts.append(_realism_html(ev, ds, lang))
    parts.append("</section><section>")
    fig = headline_figure(ev, ds, lang, with_required=True)
    parts.append(f"<figure>{_chart_html(fig, 'brief-chart-headline')}")
    parts.append(
        f'<figcaption class="note">{_e(t("scenario_chart_note", lang))}</figcaption></figure></section>'
    )

    # 2. What it would take: the targets with their required growth and probability, then the
    # sensitivity maps.
    parts.append(f"<section><h2>{_e(t('verdicts_header', lang))}</h2>")
    parts.append(_html_table(*_select(tables["targets"], [*range(9), 10]), lang))  # 10: gap in money
    parts.append(f'<p class="note">{_e(t("brief_required_note", lang))}</p></section>')
    sens = [(y, sensitivity_for(ev, y, lang)) for y in (TARGET_YEAR_2, TARGET_YEAR_1)]
    sens = [(y, f) for y, f in sens if f is not None]
    if sens:
        maps = [_chart_html(f, f"brief-chart-sensitivity-{y}") for y, f in sens]
        head = f'<h3>{_e(t("sensitivity_header", lang))}</h3><p class="note">{_e(t("sensitivity_note", lang))}</p>'
        # The heading and its note stay on the page of the first map.
        parts.append(f"<section><figure>{head}{maps[0]}</figure>")
        parts.extend(f"<figure>{m}</figure>" for m in maps[1:])
        parts.append("</section>")

    # 3. Assumptions and the year-by-year path.
    parts.append(f"<section><h2>{_e(t('brief_assumptions_header', lang))}</h2>")
    parts.append(_html_table(*_select(tables["assumptions"], (0, 2, 3, 4)), lang))
    parts.append("</section><section>")
    parts.append(f"<h2>{_e(t('path_header', lang))}</h2>")
    parts.append(_path_html(tables["path"], lang))
    parts.append(f'<p class="note">{_e(t("brief_path_note", lang))}</p>')
    parts.append(f'<p class="note">{_e(price_basis_note(ev, ds, lang))}</p></section>')

    # 4. Sources, data basis, version.
    parts.append(f'<section class="page-break"><h2>{_e(t("brief_sources_header", lang))}</h2>')
    parts.append(_sources_html(tables["sources"], lang))
    parts.append(f'<p class="note">{_e(t("brief_user_note", lang))}</p></section>')
    parts.append(f'<section><h3>{_e(t("data_basis_title", lang))}</h3><ul class="basis">')
    parts.extend(f"<li>{_e(line)}</li>" for line in data_basis(ds, lang))
    parts.append("</ul></section>")
    parts.append(
        f'<footer class="note">{_e(t("brief_footer", lang, version=ds.version))} {_link(link, cls="link")}</footer>'
    )

    css = _CSS.replace("__ZOOM__", str(PRINT_ZOOM))
    return "".join(
        [
            "<!DOCTYPE html>\n",
            f'<html lang="{lang}"><head><meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_e(CSP)}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="qn-digital-economy-planner; data {_e(ds.version)}">',
            f"<title>{_e(t('app_title', lang))} – {_e(title)}</title>",
            f"<style>{css}</style>",
            f'<script type="text/javascript">{plotly_js()}</script>',
            "</head><body>",
            *parts,
            "</body></html>\n",
        ]
    )
