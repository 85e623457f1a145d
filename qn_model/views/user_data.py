"""The planner's own figures: merge them, validate an edited table, and say what differs from
the shipped data.

Pure functions (no streamlit). Every table a planner supplies, uploaded or typed into the app,
goes through the one validator, :func:`qn_model.data.validate.validate_bytes`: an edited table is
written to CSV bytes first. A dataset built from user rows is then checked for what the app
needs of it (a default scenario inside the link contract's ranges), so that accepted data can
never break the app.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from qn_model.core.links import NUMBER_KEYS
from qn_model.core.messages import N_, Term
from qn_model.data.dataset import Dataset
from qn_model.data.validate import Problem, ValidationReport, validate_bytes
from qn_model.engine.evaluate import evaluate_scenario
from qn_model.engine.presets import link_context
from qn_model.i18n.formats import render, t
from qn_model.views.history import fmt_value, geo_label

__all__ = [
    "EDIT_COLUMNS",
    "KEY_COLUMNS",
    "USER_KIND",
    "ChangeSummary",
    "Outcome",
    "build_dataset",
    "changes",
    "changes_table",
    "codebook_table",
    "count_changes",
    "dataset_problems",
    "empty_rows",
    "is_blank_table",
    "merge_rows",
    "outcome_lines",
    "table_csv_bytes",
    "template_filename",
    "user_rows",
    "validate_table",
]

EDIT_COLUMNS = ("indicator_id", "geo", "year", "value", "note")
KEY_COLUMNS = ("indicator_id", "geo", "year")
USER_KIND = "user"
MAX_LINES = 30
"""At most this many problem lines are shown; the rest are counted ("… and N more")."""

# The catalog key of each scenario field's label, for the "default outside the range" message.
_FIELD_LABELS = {
    "base": N_("base_year"),
    "s0": N_("base_share"),
    "gy1": N_("grdp_growth_pct"),
    "gd1": N_("de_growth_pct"),
    "gy2": N_("grdp_growth_pct"),
    "gd2": N_("de_growth_pct"),
    "t1": N_("target_2025"),
    "t2": N_("target_2030"),
    "sy": N_("spread_gy"),
    "sd": N_("spread_gd"),
}


# --------------------------------------------------------------------------------------
# Rows
# --------------------------------------------------------------------------------------
def empty_rows() -> pd.DataFrame:
    """A table with the editor's columns and no row (year int64, value float64)."""
    return pd.DataFrame(
        {
            "indicator_id": pd.Series([], dtype="str"),
            "geo": pd.Series([], dtype="str"),
            "year": pd.Series([], dtype="int64"),
            "value": pd.Series([], dtype="float64"),
            "note": pd.Series([], dtype="str"),
        }
    )


def _tidy(rows: pd.DataFrame) -> pd.DataFrame:
    if rows.empty:
        return empty_rows()
    out = pd.DataFrame(
        {
            "indicator_id": rows["indicator_id"].astype("str"),
            "geo": rows["geo"].astype("str"),
            "year": rows["year"].astype("int64"),
            "value": rows["value"].astype("float64"),
            "note": rows["note"].fillna("").astype("str") if "note" in rows.columns else "",
        }
    )
    return out.sort_values(list(KEY_COLUMNS), kind="stable").reset_index(drop=True)


def user_rows(ds: Dataset) -> pd.DataFrame:
    """The planner's rows of ``ds`` (kind ``"user"``), columns :data:`EDIT_COLUMNS`, sorted by key.

    Parameters
    ----------
    ds : Dataset
        The shipped dataset (no user rows) or one built by :meth:`Dataset.with_rows`.

    Returns
    -------
    pandas.DataFrame
        ``indicator_id, geo, year (int64), value (float64), note``; empty for shipped data.
    """
    ind = ds.indicators
    return _tidy(ind.loc[ind["kind"] == USER_KIND, list(EDIT_COLUMNS)])


def merge_rows(earlier: pd.DataFrame | None, new: pd.DataFrame) -> pd.DataFrame:
    """Earlier user rows with new ones; a new row replaces an earlier one with the same
    (indicator_id, geo, year).

    Parameters
    ----------
    earlier : pandas.DataFrame or None
        Rows already loaded (columns :data:`EDIT_COLUMNS`; ``note`` optional).
    new : pandas.DataFrame
        Validated rows, e.g. :attr:`ValidationReport.frame`.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`EDIT_COLUMNS`, one row per key, sorted by key.
    """
    parts = [_tidy(f) for f in (earlier, new) if f is not None and not f.empty]
    if not parts:
        return empty_rows()
    merged = pd.concat(parts, ignore_index=True).drop_duplicates(list(KEY_COLUMNS), keep="last")
    return _tidy(merged)


# --------------------------------------------------------------------------------------
# Validation of an edited table (through the one validator)
# --------------------------------------------------------------------------------------
def _cell_text(value: Any, column: str) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    if column == "year" and isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return repr(value)
    return str(value)


def table_csv_bytes(frame: pd.DataFrame) -> bytes:
    """An edited table as CSV bytes (UTF-8, comma separated) for the validator.

    One CSV record per table row, in order, after the header: the validator's row ``n`` is the
    table's row ``n - 1`` (1-based). Empty cells stay empty, so the validator reports them.
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(EDIT_COLUMNS)
    for rec in frame.reindex(columns=list(EDIT_COLUMNS)).itertuples(index=False, name=None):
        writer.writerow([_cell_text(v, c) for v, c in zip(rec, EDIT_COLUMNS, strict=True)])
    return buf.getvalue().encode("utf-8")


def is_blank_table(frame: pd.DataFrame) -> bool:
    """True when the table has no row with any filled cell (applying it means: no user rows)."""
    cols = [c for c in EDIT_COLUMNS if c in frame.columns]
    for rec in frame[cols].itertuples(index=False, name=None):
        if any(_cell_text(v, c).strip() for v, c in zip(rec, cols, strict=True)):
            return False
    return True


def validate_table(frame: pd.DataFrame, known_indicators: Iterable[str]) -> ValidationReport:
    """Validate an edited table with :func:`qn_model.data.validate.validate_bytes` (no file name,
    so messages start with the row: ``"dòng 3, cột value: …"``)."""
    return validate_bytes(table_csv_bytes(frame), "", known_indicators=set(known_indicators))


def row_labels(frame: pd.DataFrame) -> dict[int, str]:
    """Validator row number → ``"de_share · QN · 2025"`` for an edited table, so a message can
    name the row by its content (the editor shows no row numbers)."""
    labels = {}
    cols = list(KEY_COLUMNS)
    sub = frame.reindex(columns=cols)
    for pos, rec in enumerate(sub.itertuples(index=False, name=None)):
        parts = [_cell_text(v, c).strip() or "?" for v, c in zip(rec, cols, strict=True)]
        labels[pos + 2] = " · ".join(parts)
    return labels


# --------------------------------------------------------------------------------------
# Building and checking a dataset
# --------------------------------------------------------------------------------------
def build_dataset(shipped: Dataset, rows: pd.DataFrame) -> Dataset:
    """The shipped data with ``rows`` as user rows; the shipped data itself when ``rows`` is empty."""
    if rows.empty:
        return shipped
    return shipped.with_rows(rows, kind=USER_KIND)


def _unusable(file: str, exc: Exception) -> Problem:
    """The app cannot work on this data; ``exc`` is named by its type only (its message is
    written for developers, in English)."""
    return Problem.of("unusable_data", file, None, None, "mydata_unusable", detail=type(exc).__name__)


def dataset_problems(ds: Dataset, file: str = "") -> tuple[Problem, ...]:
    """What would stop the app working on ``ds``: the default scenario cannot be built, falls
    outside the link contract's ranges (the sliders' limits), or cannot be evaluated.

    Returns
    -------
    tuple of Problem
        Empty when the dataset is usable.
    """
    try:
        defaults = link_context(ds).defaults
    except Exception as exc:  # e.g. a national share of 0 leaves no relative growth
        return (_unusable(file, exc),)
    problems = []
    for spec in NUMBER_KEYS:
        value = getattr(defaults, spec.field)
        if not (math.isfinite(value) and spec.lo <= value <= spec.hi):
            problems.append(
                Problem.of(
                    "default_out_of_range",
                    file,
                    None,
                    None,
                    "mydata_default_out_of_range",
                    label=Term(_FIELD_LABELS[spec.key]),
                    value=_plain(value),
                    lo=_plain(spec.lo),
                    hi=_plain(spec.hi),
                )
            )
    if problems:
        return tuple(problems)
    try:
        evaluate_scenario(defaults, ds)
    except Exception as exc:
        return (_unusable(file, exc),)
    return ()


def _plain(value: float) -> str:
    return str(int(value)) if math.isfinite(value) and float(value).is_integer() else f"{value:g}"


# --------------------------------------------------------------------------------------
# What differs from the shipped data
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ChangeSummary:
    """How many rows add a figure the shipped data lacks, and how many replace a shipped one."""

    added: int = 0
    overridden: int = 0

    @property
    def total(self) -> int:
        return self.added + self.overridden


def changes(shipped: Dataset, current: Dataset) -> pd.DataFrame:
    """Every user row of ``current`` beside the shipped value it replaces.

    Returns
    -------
    pandas.DataFrame
        ``indicator_id, geo, year, shipped_value (NaN when added), user_value, change
        ("added" / "overridden"), note``, sorted by key.
    """
    rows = user_rows(current)
    shipped_values = [shipped.value(r.indicator_id, r.geo, r.year) for r in rows.itertuples()]
    return pd.DataFrame(
        {
            "indicator_id": rows["indicator_id"],
            "geo": rows["geo"],
            "year": rows["year"],
            "shipped_value": pd.Series(
                [math.nan if v is None else v for v in shipped_values], dtype="float64"
            ),
            "user_value": rows["value"],
            "change": ["added" if v is None else "overridden" for v in shipped_values],
            "note": rows["note"],
        }
    )


def count_changes(shipped: Dataset, rows: pd.DataFrame) -> ChangeSummary:
    """Count ``rows`` (any table with indicator_id, geo, year) that add or replace shipped figures."""
    keys = {(str(r.indicator_id), str(r.geo), int(r.year)) for r in rows.itertuples()}
    overridden = sum(1 for k in keys if shipped.value(*k) is not None)
    return ChangeSummary(added=len(keys) - overridden, overridden=overridden)


_CHANGE_COLUMNS = (
    N_("mydata_col_indicator"),
    N_("mydata_col_code"),
    N_("mydata_col_geo"),
    N_("mydata_col_year"),
    N_("mydata_col_shipped"),
    N_("mydata_col_user"),
    N_("mydata_col_change"),
    N_("mydata_col_note"),
)


def changes_table(shipped: Dataset, current: Dataset, lang: str) -> pd.DataFrame:
    """:func:`changes` for display: localised headers, values in the reader's number format,
    a dash where the shipped data has no figure. Notes stay plain text."""
    out = []
    for r in changes(shipped, current).itertuples(index=False):
        unit = current.unit(r.indicator_id)
        shipped_value = None if math.isnan(r.shipped_value) else float(r.shipped_value)
        out.append(
            (
                current.name(r.indicator_id, lang),
                r.indicator_id,
                geo_label(r.geo, lang),
                str(int(r.year)),
                fmt_value(shipped_value, unit, lang),
                fmt_value(float(r.user_value), unit, lang),
                t(f"mydata_change_{r.change}", lang),
                str(r.note),
            )
        )
    return pd.DataFrame(out, columns=[t(c, lang) for c in _CHANGE_COLUMNS])


def codebook_table(ds: Dataset, lang: str) -> pd.DataFrame:
    """The indicator codes a file may use, with their names and units."""
    cb = ds.codebook
    return pd.DataFrame(
        {
            t("mydata_col_code", lang): cb["indicator_id"],
            t("mydata_col_indicator", lang): [ds.name(i, lang) for i in cb["indicator_id"]],
            t("mydata_col_unit", lang): cb["unit"],
        }
    )


def template_filename(lang: str) -> str:
    """The template's file name in the reader's language (ASCII: safe on every system)."""
    return t("mydata_template_file", lang)


# --------------------------------------------------------------------------------------
# Outcome of an action, rendered in whatever language the reader uses now
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Outcome:
    """What an upload, an apply or a reset did, kept language-neutral.

    Attributes
    ----------
    action : str
        ``"upload"``, ``"apply"`` or ``"reset"``.
    ok : bool
        True when the data changed as asked; False when nothing was changed.
    file : str
        Uploaded file name (empty for the editor).
    rows : int
        Rows taken from the file or table.
    summary : ChangeSummary
        Of those rows, how many add or replace shipped figures.
    total : ChangeSummary
        All user rows now in use.
    problems : tuple of Problem
        Why nothing was changed (empty when ``ok``).
    labels : dict
        Validator row number → row content, for the editor's messages.
    """

    action: str
    ok: bool
    file: str = ""
    rows: int = 0
    summary: ChangeSummary = ChangeSummary()
    total: ChangeSummary = ChangeSummary()
    problems: tuple[Problem, ...] = ()
    labels: dict[int, str] = field(default_factory=dict)


def _problem_line(p: Problem, lang: str, labels: dict[int, str]) -> str:
    text = render(p, lang)
    label = labels.get(p.row) if p.row is not None else None
    return f"{text} [{label}]" if label else text


def outcome_lines(outcome: Outcome, lang: str, limit: int = MAX_LINES) -> tuple[str, list[str]]:
    """(headline, problem lines) of an outcome in ``lang``; at most ``limit`` problem lines,
    then ``"… và N lỗi khác"`` / ``"… and N more"``. The lines may carry user text: show them
    as plain text."""
    if outcome.action == "reset" or (outcome.ok and outcome.total.total == 0):
        return t("mydata_reset_ok", lang), []
    n_problems = len(outcome.problems)
    if outcome.ok:
        key = N_("mydata_upload_ok") if outcome.action == "upload" else N_("mydata_apply_ok")
        head = t(
            key,
            lang,
            file=outcome.file,
            n=outcome.rows,
            added=outcome.summary.added,
            overridden=outcome.summary.overridden,
            total=outcome.total.total,
        )
        return head, []
    key = N_("mydata_upload_failed") if outcome.action == "upload" else N_("mydata_apply_failed")
    head = t(key, lang, file=outcome.file, n=n_problems)
    lines = [_problem_line(p, lang, outcome.labels) for p in outcome.problems[:limit]]
    if n_problems > limit:
        lines.append(t("mydata_more_problems", lang, n=n_problems - limit))
    return head, lines
