"""A planner's own rows: the table they edit or upload, merged, validated by the one validator,
built into a dataset, and compared with the shipped data.

Every table a planner supplies, uploaded or typed into the app, goes through the one validator,
:func:`qn_model.data.validate.validate_bytes`: an edited table is written to CSV bytes first.
Whether the app can work on the dataset built is :func:`qn_model.engine.usable.dataset_problems`;
what the page shows of all this is :mod:`qn_model.views.user_data`.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from qn_model.data.dataset import Dataset
from qn_model.data.validate import ValidationReport, validate_bytes

__all__ = [
    "EDIT_COLUMNS",
    "KEY_COLUMNS",
    "USER_KIND",
    "ChangeSummary",
    "build_dataset",
    "changes",
    "count_changes",
    "empty_rows",
    "is_blank_table",
    "merge_rows",
    "row_labels",
    "table_csv_bytes",
    "user_rows",
    "validate_table",
]

EDIT_COLUMNS = ("indicator_id", "geo", "year", "value", "note")
KEY_COLUMNS = ("indicator_id", "geo", "year")
USER_KIND = "user"


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
