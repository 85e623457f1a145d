"""The planner's own figures as the page shows them: what differs from the shipped data, the
codebook, the template's name, and the outcome of an upload or an edit in the reader's language.

The rows themselves (merged, validated, built into a dataset, compared) are
:mod:`qn_model.data.user_rows`; whether the app can work on the result is
:mod:`qn_model.engine.usable`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from qn_model.core.messages import N_, Problem
from qn_model.data.dataset import Dataset
from qn_model.data.user_rows import ChangeSummary, changes
from qn_model.i18n.formats import render, t
from qn_model.views.history import fmt_value, geo_label

__all__ = [
    "MAX_LINES",
    "Outcome",
    "changes_table",
    "codebook_table",
    "outcome_lines",
    "template_filename",
]

MAX_LINES = 30
"""At most this many problem lines are shown; the rest are counted ("… and N more")."""


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
    summary: ChangeSummary = ChangeSummary()  # noqa: RUF009 (frozen: one shared value is fine)
    total: ChangeSummary = ChangeSummary()  # noqa: RUF009
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
