"""The planner's own data in the session: each action builds a complete new dataset first
(``qn_model/views/mydata.py``) and only then stores it, so a failed upload or apply leaves the
previous data in place."""

from __future__ import annotations

import pandas as pd

from qn_model.views import mydata
from qn_model.views.session.controls import Session
from qn_model.views.session.keys import MYDATA_GENERATION, MYDATA_OUTCOME, MYDATA_REQUEST, USER_DATASET
from qn_model.views.user_data import Outcome


def has_user_data(session: Session) -> bool:
    return session.get(USER_DATASET) is not None


def _keep(session: Session, change: mydata.Change) -> Outcome:
    outcome, user = change
    if outcome.ok:
        if user is None:
            session.pop(USER_DATASET, None)
        else:
            session[USER_DATASET] = user
    session[MYDATA_OUTCOME] = outcome
    return outcome


def process_upload(data: bytes, filename: str, session: Session) -> Outcome:
    return _keep(session, mydata.upload(data, filename, session.get(USER_DATASET)))


def process_table(frame: pd.DataFrame, session: Session) -> Outcome:
    return _keep(session, mydata.apply_table(frame, session.get(USER_DATASET)))


def process_reset(session: Session) -> Outcome:
    return _keep(session, mydata.reset())


def bump(session: Session) -> None:
    """A new generation: the uploader and the editor start afresh."""
    session[MYDATA_GENERATION] = session.get(MYDATA_GENERATION, 0) + 1


def request(session: Session, action: str) -> None:
    """on_click of Apply / Reset: remembered, since it must survive the router's first-run rerun
    (a button's own click value would not)."""
    session[MYDATA_REQUEST] = action


def pending(session: Session, edited: pd.DataFrame) -> Outcome | None:
    """Carry out a pending Apply (with the table as edited) or Reset; its outcome, if any."""
    action = session.pop(MYDATA_REQUEST, None)
    if action == mydata.APPLY:
        return process_table(edited, session)  # a failed table keeps its edits, to be fixed
    if action == mydata.RESET:
        return process_reset(session)
    return None


def outcome_here(session: Session, where: str) -> Outcome | None:
    """The last action's outcome, if it belongs to this part of the page."""
    outcome = session.get(MYDATA_OUTCOME)
    return outcome if outcome is not None and mydata.shown_here(outcome, where) else None
