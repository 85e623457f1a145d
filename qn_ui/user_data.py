"""The planner's own data on the page: the uploader's and the buttons' handling, the outcome, the
editable table (the session's side is ``qn_model/views/session/mydata.py``)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from qn_model.data import user_rows
from qn_model.data.codebook import PROVINCE
from qn_model.data.dataset import Dataset
from qn_model.data.validate import VALID_GEOS
from qn_model.i18n.formats import t
from qn_model.views import mydata
from qn_model.views import user_data as model
from qn_model.views.markup import md_escape
from qn_model.views.session import mydata as sm
from qn_model.views.session.keys import mydata_key
from qn_ui.state import reread_url

ss = st.session_state
UPLOAD, TABLE, APPLY, RESET = mydata.UPLOAD, mydata.TABLE, mydata.APPLY, mydata.RESET


def upload(data: bytes, filename: str) -> None:
    """A file from the uploader, read once; then the uploader starts afresh (a failed file's
    messages stay shown) and every control sees the new data."""
    outcome = sm.process_upload(data, filename, ss)
    sm.bump(ss)
    if outcome.ok:
        reread_url()
    st.rerun()


def handle_request(edited: pd.DataFrame) -> None:
    """A pending Apply or Reset; after a change, fresh widgets and a rerun."""
    outcome = sm.pending(ss, edited)
    if outcome is not None and outcome.ok:
        sm.bump(ss)
        reread_url()
        st.rerun()


def show_outcome(lang: str, where: str) -> None:
    """The last action's result, if it belongs here; messages shown as plain text."""
    outcome = sm.outcome_here(ss, where)
    if outcome is None:
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
        key=mydata_key(ss, TABLE),
    )
