"""The own-data page's view-model (``pages/mydata.py``): an upload, the edited table or a reset
turned into the planner's new dataset and the outcome the page shows. No session here: each
action takes the planner's current data and returns the outcome with the data to keep (the app
stores it only when the outcome is good, so a failed action leaves the previous data in place).
Rows are handled in ``qn_model/data/user_rows.py``, the data's usability checked in
``qn_model/engine/usable.py``, messages in ``qn_model/views/user_data.py``.
"""

from __future__ import annotations

import pandas as pd

from qn_model.data import user_rows as rows_model
from qn_model.data.dataset import Dataset, load_dataset
from qn_model.data.validate import Problem, validate_bytes
from qn_model.engine.usable import dataset_problems
from qn_model.views.user_data import Outcome

UPLOAD = "upload"  # the actions, and the names of their widgets
TABLE = "table"
APPLY = "apply"
RESET = "reset"

Change = tuple[Outcome, Dataset | None]  # the outcome, and the planner's data after it (None: shipped)


def _known(ds: Dataset) -> list[str]:
    return ds.codebook["indicator_id"].tolist()


def _built(rows: pd.DataFrame, base: Dataset, file: str) -> tuple[Dataset | None, tuple[Problem, ...]]:
    """The dataset for ``rows`` (None: the shipped data), or the problems that make it unusable."""
    try:
        new = rows_model.build_dataset(base, rows)
        problems = dataset_problems(new, file)
    except Exception as exc:  # defensive: whatever happens, the previous data stays
        return None, (
            Problem.of("unusable_data", file, None, None, "mydata_unusable", detail=type(exc).__name__),
        )
    return (None if new is base else new), problems


def upload(data: bytes, filename: str, user: Dataset | None) -> Change:
    """A file's rows, validated, merged with the planner's rows already loaded (``user``)."""
    base = load_dataset()
    report = validate_bytes(
        data, filename, known_indicators=_known(base), share_indicators=base.meta.share_ids
    )
    name = report.file
    if not report.ok or report.frame is None:
        return Outcome(UPLOAD, False, name, problems=report.problems), user
    merged = rows_model.merge_rows(rows_model.user_rows(user if user is not None else base), report.frame)
    new, problems = _built(merged, base, name)
    if problems:
        return Outcome(UPLOAD, False, name, problems=problems), user
    before, after = rows_model.count_changes(base, report.frame), rows_model.count_changes(base, merged)
    return Outcome(UPLOAD, True, name, len(report.frame), before, after), new


def apply_table(frame: pd.DataFrame, user: Dataset | None) -> Change:
    """The edited table as the complete set of the planner's rows (empty: the shipped data)."""
    base = load_dataset()
    if rows_model.is_blank_table(frame):
        rows = rows_model.empty_rows()
    else:
        report = rows_model.validate_table(frame, _known(base))
        if not report.ok or report.frame is None:
            return Outcome(APPLY, False, problems=report.problems, labels=rows_model.row_labels(frame)), user
        rows = report.frame
    new, problems = _built(rows, base, "")
    if problems:
        return Outcome(APPLY, False, problems=problems), user
    summary = rows_model.count_changes(base, rows)
    return Outcome(APPLY, True, "", len(rows), summary, summary), new


def reset() -> Change:
    return Outcome(RESET, True), None


def shown_here(outcome: Outcome | None, where: str) -> bool:
    """Whether the last action's outcome belongs beside the uploader (``UPLOAD``) or the table."""
    return outcome is not None and (outcome.action == UPLOAD) == (where == UPLOAD)
