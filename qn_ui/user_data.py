"""The planner's own data in the session: upload, edit, reset, and what the page shows of them.

The user dataset lives in ``st.session_state[USER_DATASET]`` (read by ``state.current_dataset``).
An action builds a complete new dataset first and only then stores it, so a failed upload or
apply leaves the previous data in place. After a change the scenario's widgets are re-read
from the URL against the new defaults (``state.reread_url``): what the planner set by hand is
kept, everything else follows the new data.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

import pandas as pd
import streamlit as st

from qn_model.data import user_rows
from qn_model.data.codebook import PROVINCE
from qn_model.data.dataset import Dataset, load_dataset
from qn_model.data.validate import VALID_GEOS
from qn_model.i18n.formats import t
from qn_model.views import mydata
from qn_model.views import user_data as model
from qn_model.views.markup import md_escape
from qn_ui.state import (
    MYDATA_GENERATION,
    MYDATA_OUTCOME,
    MYDATA_REQUEST,
    USER_DATASET,
    mydata_key,
    reread_url,
)

UPLOAD, TABLE, APPLY, RESET = mydata.UPLOAD, mydata.TABLE, mydata.APPLY, mydata.RESET


def _session(session: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
    return st.session_state if session is None else session


def shipped() -> Dataset:
    return load_dataset()


def has_user_data(session: MutableMapping[str, Any] | None = None) -> bool:
    return _session(session).get(USER_DATASET) is not None


def current(session: MutableMapping[str, Any] | None = None) -> Dataset:
    user = _session(session).get(USER_DATASET)
    return user if user is not None else shipped()


def _keep(change: mydata.Change, session: MutableMapping[str, Any] | None) -> model.Outcome:
    """Store the planner's new data when the action succeeded, and the outcome for the page."""
    ses = _session(session)
    outcome, user = change
    if outcome.ok:
        if user is None:
            ses.pop(USER_DATASET, None)
        else:
            ses[USER_DATASET] = user
    ses[MYDATA_OUTCOME] = outcome
    return outcome


def process_upload(
    data: bytes, filename: str, session: MutableMapping[str, Any] | None = None
) -> model.Outcome:
    return _keep(mydata.upload(data, filename, _session(session).get(USER_DATASET)), session)


def process_table(frame: pd.DataFrame, session: MutableMapping[str, Any] | None = None) -> model.Outcome:
    return _keep(mydata.apply_table(frame, _session(session).get(USER_DATASET)), session)


def process_reset(session: MutableMapping[str, Any] | None = None) -> model.Outcome:
    return _keep(mydata.reset(), session)


def _bump() -> None:
    st.session_state[MYDATA_GENERATION] = st.session_state.get(MYDATA_GENERATION, 0) + 1


def _finish(outcome: model.Outcome) -> None:
    """After a change: fresh widgets, and a rerun so every control sees the new data."""
    if outcome.ok:
        _bump()
        reread_url()
        st.rerun()


def upload(data: bytes, filename: str) -> None:
    """Handle a file from the uploader: it is read once, then the uploader starts afresh
    (a failed file's messages stay shown)."""
    outcome = process_upload(data, filename)
    _bump()
    if outcome.ok:
        reread_url()
    st.rerun()


def request(action: str) -> None:
    """on_click of Apply / Reset: remember the request (it survives the router's first-run rerun,
    which a button's own click value would not)."""
    st.session_state[MYDATA_REQUEST] = action


def handle_request(edited: pd.DataFrame) -> None:
    """Carry out a pending Apply (with the table as edited) or Reset."""
    action = st.session_state.pop(MYDATA_REQUEST, None)
    if action == APPLY:
        _finish(process_table(edited))  # a failed table keeps its edits, to be fixed
    elif action == RESET:
        _finish(process_reset())


def show_outcome(lang: str, where: str) -> None:
    """The last action's result, if it belongs here; messages shown as plain text."""
    outcome: model.Outcome | None = st.session_state.get(MYDATA_OUTCOME)
    if outcome is None or not mydata.shown_here(outcome, where):
        return
    head, lines = model.outcome_lines(outcome, lang)
    if outcome.ok:
        st.success(md_escape(head), icon=":material/check_circle:")
    else:
        body = "\n".join(f"- {md_escape(line)}" for line in lines)
        st.error(f"{md_escape(head)}\n\n{body}", icon=":material/error:")


def editor(ds: Dataset, lang: str) -> pd.DataFrame:
    """The user rows in an editable table; returns the table as edited (not yet applied)."""
    ids = ds.codebook["indicator_id"].tolist()
    config = {
        "indicator_id": st.column_config.SelectboxColumn(
            t("mydata_col_code", lang),
            options=ids,
            required=True,
            format_func=lambda i: f"{i} – {ds.name(i, lang)}",
            width="large",
        ),
        "geo": st.column_config.SelectboxColumn(
            t("mydata_col_geo", lang), options=list(VALID_GEOS), required=True, default=PROVINCE
        ),
        "year": st.column_config.NumberColumn(
            t("mydata_col_year", lang), min_value=1990, max_value=2100, step=1, format="%d", required=True
        ),
        "value": st.column_config.NumberColumn(t("mydata_col_value", lang), required=True),
        "note": st.column_config.TextColumn(t("mydata_col_note", lang), max_chars=500),
    }
    return st.data_editor(
        user_rows.user_rows(ds),
        column_config=config,
        column_order=list(user_rows.EDIT_COLUMNS),
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        key=mydata_key(TABLE),
    )
