"""Data of the current view as CSV and XLSX: the year-by-year path, the assumptions, the targets
with their verdicts, and the sources, headed by the scenario link and the data version with its date (``data/versions.csv``).

Both files are built from the same :class:`Table` s (:func:`export_tables`), whose cells are
the engine's own numbers (``Evaluation``), unrounded; headers, titles and labels are in the
reader's language. Numeric cells stay numeric (the CSV writes them with a ``.`` decimal mark,
the XLSX as numbers with a display format), so a spreadsheet can compute with them. Every text
cell goes through :func:`neutralise`, so nothing in an export is ever run as a formula.
Values the planner supplied (data kind ``"user"``) are marked in every table.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from qn_model.core.projection import applied_projects
from qn_model.core.targets import BASIS_ASSUMED, BASIS_OBSERVED, BASIS_PROJECTED
from qn_model.data.codebook import GROWTH_ID, LEVEL_ID, NATION, PROVINCE, SHARE_ID
from qn_model.data.dataset import USER_SOURCE_ID, Dataset
from qn_model.data.versions import version_date
from qn_model.engine.evaluate import Evaluation
from qn_model.engine.presets import link_context, target_set_for
from qn_model.i18n.formats import fmt_pct, norm_lang, render, t
from qn_model.views.narrative import ss_default_reason, verdict_word
from qn_model.views.provenance import source_date_text

__all__ = [
    "CSV_MIME",
    "FORMULA_PREFIXES",
    "SECTIONS",
    "XLSX_MIME",
    "Column",
    "Table",
    "export_tables",
    "neutralise",
    "to_csv",
    "to_xlsx",
]

CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SECTIONS = ("about", "path", "assumptions", "targets", "sources")
"""Table keys, in file order. ``about`` holds the title, the link and the data version."""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""A text cell starting with one of these is read as a formula (or data exchange) by Excel,
LibreOffice or Google Sheets (OWASP "CSV injection")."""

# The series a scenario view stands on: they feed the defaults, the chart and the verdicts.
VIEW_SERIES = ((SHARE_ID, PROVINCE), (SHARE_ID, NATION), (GROWTH_ID, PROVINCE), (LEVEL_ID, PROVINCE))
KIND_USER = "user"
KNOWN_KINDS = ("official", "estimate", "press", KIND_USER)


# --------------------------------------------------------------------------------------
# Cells and tables
# --------------------------------------------------------------------------------------
def neutralise(cell: Any) -> Any:
    """Make a text cell safe to open in a spreadsheet; numbers (and None) pass unchanged.

    A text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
    apostrophe, which spreadsheets show as text and never evaluate.

    Examples
    --------
    >>> neutralise("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> neutralise(-12.5)
    -12.5
    """
    if isinstance(cell, str) and cell.startswith(FORMULA_PREFIXES):
        return "'" + cell
    return cell


@dataclass(frozen=True)
class Column:
    """A column: its localised header and how its numbers are shown.

    ``fmt`` is one of ``text``, ``url``, ``plain`` (a year or an id: no separators), ``num``
    (``digits`` decimals), ``pct`` (a percent value, e.g. 14.3), ``pp`` (signed percentage
    points) or ``prob`` (a probability in [0, 1]).
    """

    header: str
    fmt: str = "text"
    digits: int = 1


@dataclass(frozen=True)
class Table:
    """One section of an export: raw cells (numbers as the engine gives them, None for a gap)."""

    key: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns)


def _num(value: float | int | None) -> float | int | None:
    """A finite number, or None (an empty cell) for a missing or non-finite one."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise TypeError("a verdict is written as a word, not a boolean")
    if isinstance(value, int):
        return value
    value = float(value)
    return value if math.isfinite(value) else None


def kind_label(kind: str | None, lang: str) -> str:
    """The data kind in words; ``user`` reads "User-supplied" everywhere."""
    return t(f"exp_kind_{kind}", lang) if kind in KNOWN_KINDS else (kind or "")


def _data_kind(ds: Dataset, indicator_id: str, year: int) -> str | None:
    row = ds.row(indicator_id, PROVINCE, year)
    return None if row is None else str(row["kind"])


# --------------------------------------------------------------------------------------
# The sections
# --------------------------------------------------------------------------------------
def _about(ev: Evaluation, ds: Dataset, lang: str, link: str, generated: datetime | None) -> Table:
    rows: list[tuple[Any, ...]] = [
        (t("exp_about_title", lang), t("app_title", lang)),
        (t("exp_about_link", lang), link),
        (t("exp_about_version", lang), ds.version),
        (t("exp_about_version_date", lang), version_date(ds) or t("dv_own_data", lang)),
        (t("exp_about_language", lang), t("exp_language_name", lang)),
    ]
    if generated is not None:
        rows.append((t("exp_about_generated", lang), generated.strftime("%Y-%m-%d %H:%M")))
    if _has_user_data(ds):
        rows.append((t("exp_about_user_data", lang), t("exp_user_data_note", lang)))
    rows.extend((t("exp_about_notice", lang), render(n, lang)) for n in ev.notices)
    rows.append((t("exp_about_units", lang), t("exp_units_note", lang)))
    columns = (Column(t("exp_col_item", lang)), Column(t("exp_col_value", lang)))
    return Table("about", t("exp_section_about", lang), columns, tuple(rows))


def _has_user_data(ds: Dataset) -> bool:
    return bool((ds.indicators["kind"] == KIND_USER).any())


def _ss_note(scn, defaults, ds: Dataset, lang: str) -> str:
    """Why the base share has a spread: the default's derivation, or "set in the scenario"."""
    return t("exp_note_set", lang) if scn.ss != defaults.ss else ss_default_reason(ds, lang)


def _base_note(ev: Evaluation, ds: Dataset, lang: str) -> str:
    """Where the base year's share and GRDP level come from (their data kinds)."""
    scn = ev.scenario
    row = ds.row(SHARE_ID, PROVINCE, scn.base_year)
    if row is not None and float(row["value"]) == scn.base_share_pct:
        share = kind_label(str(row["kind"]), lang)
    else:
        share = t("exp_kind_assumed", lang)
    parts = [t("exp_note_share", lang, kind=share)]
    level_kind = _data_kind(ds, LEVEL_ID, scn.base_year)
    if level_kind is not None:
        parts.append(t("exp_note_grdp", lang, kind=kind_label(level_kind, lang)))
    return "; ".join(parts)


def _path(ev: Evaluation, ds: Dataset, lang: str) -> Table:
    q = ev.fan.quantiles
    fan_index = {y: i for i, y in enumerate(ev.fan.years)}
    share = t("exp_share_unit", lang)
    columns = (
        Column(t("year", lang), "plain"),
        Column(t("exp_col_share", lang, unit=share), "pct", 2),
        Column(t("exp_col_band80_lo", lang, unit=share), "pct", 2),
        Column(t("exp_col_band80_hi", lang, unit=share), "pct", 2),
        Column(t("exp_col_band95_lo", lang, unit=share), "pct", 2),
        Column(t("exp_col_band95_hi", lang, unit=share), "pct", 2),
        Column(t("grdp_level_at", lang, year=ev.scenario.base_year), "num", 1),
        Column(t("de_level_at", lang, year=ev.scenario.base_year), "num", 1),
        Column(t("projects_level", lang), "num", 1),
        Column(t("exp_col_data_kind", lang)),
    )
    level = ev.projection.base_level
    applied = applied_projects(ev.scenario, level)
    rows = []
    for rec in ev.projection.records():
        year = int(rec["year"])
        i = fan_index.get(year)

        def band(level: float, i: int | None = i) -> float | None:
            return None if i is None else _num(q[level][i])

        note = _base_note(ev, ds, lang) if year == ev.scenario.base_year else t("exp_kind_projected", lang)
        rows.append(
            (
                year,
                _num(rec["share_pct"]),
                band(0.1),
                band(0.9),
                band(0.025),
                band(0.975),
                _num(rec["grdp_vnd_trn"]),
                _num(rec["de_vnd_trn"]),
                # Included in the two levels; blank where money is unknown.
                None if level is None else float(sum(p.value_vnd_trn for p in applied if p.year <= year)),
                note,
            )
        )
    return Table("path", t("exp_section_path", lang), columns, tuple(rows))


def _target_set_label(ev: Evaluation, ds: Dataset, lang: str) -> str:
    scn = ev.scenario
    return t(f"target_set_{target_set_for(scn.t1, scn.t2, ds, ev.target_set)}", lang)


def _assumptions(ev: Evaluation, ds: Dataset, lang: str) -> Table:
    scn = ev.scenario
    defaults = link_context(ds).defaults
    per_year, pp, share = t("unit_pct_per_year", lang), t("unit_pp", lang), t("exp_share_unit", lang)

    def rate_note(field: str) -> str:
        same = getattr(scn, field) == getattr(defaults, field)
        return t("exp_note_default_trend" if same else "exp_note_set", lang)

    def spread_note(field: str) -> str:
        same = getattr(scn, field) == getattr(defaults, field)
        return t("exp_note_default_spread" if same else "exp_note_set", lang)

    targets = _target_set_label(ev, ds, lang)
    rows = [
        (t("base_year", lang), "base", scn.base_year, t("year", lang).lower(), ""),
        (t("base_share", lang), "s0", scn.base_share_pct, share, _base_note(ev, ds, lang)),
        (t("exp_gy_period", lang, period=t("period_1", lang)), "gy1", scn.gy1, per_year, rate_note("gy1")),
        (t("exp_gd_period", lang, period=t("period_1", lang)), "gd1", scn.gd1, per_year, rate_note("gd1")),
        (t("exp_gy_period", lang, period=t("period_2", lang)), "gy2", scn.gy2, per_year, rate_note("gy2")),
        (t("exp_gd_period", lang, period=t("period_2", lang)), "gd2", scn.gd2, per_year, rate_note("gd2")),
        (t("target_2025", lang), "t1", scn.t1, share, targets),
        (t("target_2030", lang), "t2", scn.t2, share, targets),
        (t("spread_gy", lang), "sy", scn.sy, pp, spread_note("sy")),
        (t("spread_gd", lang), "sd", scn.sd, pp, spread_note("sd")),
        (t("spread_ss", lang), "ss", scn.ss, pp, _ss_note(scn, defaults, ds, lang)),
        *(
            (t("exp_projects", lang), "pj", p.value_vnd_trn, str(p.year), t("exp_note_projects", lang))
            for p in scn.projects
        ),
        (t("exp_n_paths", lang), "", ev.fan.n_paths, "", t("exp_note_monte_carlo", lang)),
        (t("exp_seed", lang), "", ev.fan.seed, "", t("exp_note_seed", lang)),
    ]
    columns = (
        Column(t("exp_col_assumption", lang)),
        Column(t("exp_col_key", lang)),
        Column(t("col_value", lang), "num", 2),
        Column(t("exp_col_unit", lang)),
        Column(t("exp_col_note", lang)),
    )
    return Table(
        "assumptions",
        t("exp_section_assumptions", lang),
        columns,
        tuple((a, k, _num(v), u, n) for a, k, v, u, n in rows),
    )


def _targets(ev: Evaluation, ds: Dataset, lang: str) -> Table:
    targets = _target_set_label(ev, ds, lang)
    rows = []
    for v in ev.verdicts:
        if v.basis == BASIS_OBSERVED:
            kind = kind_label(_data_kind(ds, SHARE_ID, v.year), lang)
        elif v.basis == BASIS_PROJECTED:
            kind = t("exp_kind_projected", lang)
        elif v.basis == BASIS_ASSUMED:
            kind = _base_note(ev, ds, lang)
        else:
            kind = ""
        rows.append(
            (
                v.year,
                _num(v.target_pct),
                _num(v.value_pct),
                verdict_word(v, lang),
                _num(v.margin_pp),
                t(f"basis_{v.basis}", lang),
                _num(v.required_de_growth_pct),
                _num(v.probability),
                kind,
                targets,
                _num(v.gap_vnd_trn),
            )
        )
    share, per_year = t("exp_share_unit", lang), t("unit_pct_per_year", lang)
    columns = (
        Column(t("year", lang), "plain"),
        Column(t("exp_col_target", lang, unit=share), "pct", 1),
        Column(t("exp_col_value_unit", lang, unit=share), "pct", 2),
        Column(t("col_verdict", lang)),
        Column(t("col_margin", lang), "pp", 2),
        Column(t("col_basis", lang)),
        Column(t("exp_col_required", lang, unit=per_year), "pct", 1),
        Column(t("exp_col_probability", lang), "prob"),
        Column(t("exp_col_data_kind", lang)),
        Column(t("exp_col_target_source", lang)),
        Column(t("gap_col", lang), "num", 1),
    )
    return Table("targets", t("exp_section_targets", lang), columns, tuple(rows))


def _years_text(years: Iterable[int]) -> str:
    runs: list[list[int]] = []
    for y in sorted(set(years)):
        if runs and y == runs[-1][1] + 1:
            runs[-1][1] = y
        else:
            runs.append([y, y])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def _view_sources(ds: Dataset, lang: str) -> dict[str, list[str]]:
    """source_id -> what it backs in this view, in order of first use."""
    backs: dict[str, list[str]] = {}
    ind = ds.indicators
    for indicator_id, geo in VIEW_SERIES:
        rows = ind[(ind["indicator_id"] == indicator_id) & (ind["geo"] == geo)]
        by_source: dict[str, list[int]] = {}
        for r in rows.itertuples(index=False):
            by_source.setdefault(str(r.source_id), []).append(int(r.year))
        for sid, years in by_source.items():
            backs.setdefault(sid, []).append(f"{ds.name(indicator_id, lang)} ({geo} {_years_text(years)})")
    tgt = ds.targets
    for r in tgt[tgt["indicator_id"] == SHARE_ID].itertuples(index=False):
        backs.setdefault(str(r.source_id), []).append(
            t(
                "exp_backs_target",
                lang,
                set=t(f"target_set_{r.target_set}", lang),
                year=int(r.year),
                value=fmt_pct(float(r.value), lang, 0),
            )
        )
    return backs


def _date(text: str, lang: str, *, accessed: bool = False) -> str:
    if str(text).strip().lower() in ("unknown", "nan") or (not str(text).strip() and not accessed):
        return t("exp_unknown", lang)
    return source_date_text(text, lang)


def _sources(ds: Dataset, lang: str) -> Table:
    rows = []
    for sid, backs in _view_sources(ds, lang).items():
        src = ds.source(sid) or {}
        url = src.get("url", "").strip()
        if sid == USER_SOURCE_ID:
            title, publisher, kind = t("exp_user_source", lang), t("exp_user_publisher", lang), KIND_USER
        else:
            title, publisher = src.get("title", sid), src.get("publisher", "")
            # The most cautious kind among the rows it backs; "" for a source of targets only.
            kinds = set(ds.indicators.loc[ds.indicators["source_id"] == sid, "kind"])
            kind = next((k for k in (KIND_USER, "press", "estimate", "official") if k in kinds), "")
        rows.append(
            (
                sid,
                title,
                publisher,
                url if url.startswith(("http://", "https://")) else "",
                _date(src.get("published", ""), lang),
                _date(src.get("accessed", ""), lang, accessed=True),
                "; ".join(backs),
                kind_label(kind, lang),
            )
        )
    columns = (
        Column(t("exp_col_source_id", lang)),
        Column(t("exp_col_title", lang)),
        Column(t("exp_col_publisher", lang)),
        Column(t("exp_col_url", lang), "url"),
        Column(t("exp_col_published", lang)),
        Column(t("exp_col_accessed", lang)),
        Column(t("exp_col_backs", lang)),
        Column(t("exp_col_data_kind", lang)),
    )
    return Table("sources", t("exp_section_sources", lang), columns, tuple(rows))


def export_tables(
    ev: Evaluation, ds: Dataset, lang: str, link: str, generated: datetime | None = None
) -> tuple[Table, ...]:
    """The sections of an export, in :data:`SECTIONS` order.

    Parameters
    ----------
    ev : Evaluation
        The scenario as evaluated by the engine; its numbers are written unrounded.
    ds : Dataset
        The data the evaluation used (sources, data kinds, version).
    lang : str
        ``"vi"`` or ``"en"``: headers, titles and words (numbers are not formatted).
    link : str
        The scenario's full link, written in the ``about`` section.
    generated : datetime, optional
        When the export was made (shown in ``about``); left out when None.

    Returns
    -------
    tuple of Table
        ``about``, ``path``, ``assumptions``, ``targets``, ``sources``.
    """
    lang = norm_lang(lang)
    return (
        _about(ev, ds, lang, link, generated),
        _path(ev, ds, lang),
        _assumptions(ev, ds, lang),
        _targets(ev, ds, lang),
        _sources(ds, lang),
    )


# --------------------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------------------
def _width(tables: Sequence[Table]) -> int:
    return max(max(len(tb.columns), max((len(r) for r in tb.rows), default=0)) for tb in tables)


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)  # shortest text that reads back as the same float, with a "." mark
    return neutralise(value)


def to_csv(ev: Evaluation, ds: Dataset, lang: str, link: str, generated: datetime | None = None) -> bytes:
    """All sections in one CSV file (UTF-8 with a byte-order mark, so Excel reads Vietnamese).

    Each section is a title row, a localised header row and its data rows, followed by a blank
    row. Rows are padded to the same width so the file is a rectangle (any CSV reader opens it).
    Numbers keep full precision with a ``.`` decimal mark; text cells are neutralised.
    """
    tables = export_tables(ev, ds, lang, link, generated)
    width = _width(tables)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def write(cells: Sequence[Any]) -> None:
        cells = [_csv_cell(c) for c in cells]
        writer.writerow(cells + [""] * (width - len(cells)))

    for i, tb in enumerate(tables):
        if i:
            write([])
        write([tb.title])
        write(tb.headers)
        for row in tb.rows:
            write(row)
    return buffer.getvalue().encode("utf-8-sig")


_XLSX_FORMATS = {"num": "#,##0.0", "pct": "0.00", "pp": "+0.00;-0.00;0.00", "prob": "0%", "plain": "0"}


def _xlsx_text(value: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return neutralise(ILLEGAL_CHARACTERS_RE.sub("", value))


def _sheet_title(text: str) -> str:
    for ch in "[]:*?/\\":
        text = text.replace(ch, " ")
    return text.strip()[:31] or "Sheet"


def to_xlsx(ev: Evaluation, ds: Dataset, lang: str, link: str, generated: datetime | None = None) -> bytes:
    """One sheet per section (header row first, frozen), numbers as numbers with a display
    format; text cells neutralised (openpyxl would otherwise store ``=…`` as a formula)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    tables = export_tables(ev, ds, lang, link, generated)
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.title = t("app_title", lang)
    wb.properties.creator = "qn-digital-economy-planner"
    bold = Font(bold=True)
    for tb in tables:
        ws = wb.create_sheet(_sheet_title(tb.title))
        ws.append([_xlsx_text(h) for h in tb.headers])
        for cell in ws[1]:
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in tb.rows:
            ws.append([_xlsx_text(c) if isinstance(c, str) else c for c in row])
        ws.freeze_panes = "A2"
        for j, col in enumerate(tb.columns, start=1):
            letter = get_column_letter(j)
            number_format = _XLSX_FORMATS.get(col.fmt)
            if number_format == "0.00" and col.digits != 2:
                number_format = "0." + "0" * col.digits if col.digits else "0"
            texts = [str(tb.headers[j - 1])] + [str(r[j - 1]) for r in tb.rows if r[j - 1] is not None]
            ws.column_dimensions[letter].width = min(max(10, *(len(x) + 2 for x in texts)), 60)
            for r in range(2, len(tb.rows) + 2):
                cell = ws.cell(row=r, column=j)
                if isinstance(cell.value, float) and number_format:
                    cell.number_format = number_format
                elif isinstance(cell.value, str) and len(cell.value) > 58:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
