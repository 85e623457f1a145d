"""The project editor's callbacks: the scenario's projects (``W_PJ``, a tuple of ``Project``, in
the link's ``pj``) added, removed, and the 2030 gap closed with one, undoably."""

from __future__ import annotations

from qn_model.core.scenario import TARGET_YEAR_2, Project, as_projects
from qn_model.views import scenario as view
from qn_model.views.session.controls import Session, context, scenario_from_widgets
from qn_model.views.session.keys import (
    PJ_CLOSE_MESSAGE,
    PJ_CLOSE_YEAR_KEPT,
    PJ_CLOSED,
    W_PJ,
    W_PJ_CLOSE_YEAR,
    W_PJ_NEW_VALUE,
    W_PJ_NEW_YEAR,
)


def projects(session: Session) -> tuple[Project, ...]:
    return as_projects(session.get(W_PJ, ()))


def _set(session: Session, items: tuple[Project, ...]) -> None:
    session[W_PJ] = as_projects(items)


def ready_pickers(session: Session, years: list[int]) -> None:
    """The new project's and "close the gap"'s pickers on a year still offered (the one used last
    when it is), the value at 10 trillion VND until the planner changes it."""
    if session.get(W_PJ_NEW_YEAR) not in years:
        session[W_PJ_NEW_YEAR] = view.first_pick(years)
    session.setdefault(W_PJ_NEW_VALUE, 10.0)
    if session.get(W_PJ_CLOSE_YEAR) not in years:
        session[W_PJ_CLOSE_YEAR] = view.first_pick(years, session.get(PJ_CLOSE_YEAR_KEPT))


def add(session: Session) -> None:
    _set(session, view.added(projects(session), session.get(W_PJ_NEW_YEAR), session.get(W_PJ_NEW_VALUE)))


def remove(session: Session, project: Project) -> None:
    _set(session, view.removed(projects(session), project))


def close_gap(session: Session) -> None:
    year = int(session.get(W_PJ_CLOSE_YEAR) or TARGET_YEAR_2)
    session[PJ_CLOSE_YEAR_KEPT] = year
    ds, ctx = context(session)
    added, why = view.closing(scenario_from_widgets(session, ctx), ds, year)
    if added is None:
        session[PJ_CLOSE_MESSAGE] = why
        session.pop(PJ_CLOSED, None)
        return
    before = projects(session)
    _set(session, (*before, added))
    session[PJ_CLOSED] = (added, before)
    session.pop(PJ_CLOSE_MESSAGE, None)


def undo(session: Session) -> None:
    closed = session.pop(PJ_CLOSED, None)
    if closed is not None:
        _set(session, closed[1])


def still_closed(
    session: Session, scenario_projects: tuple[Project, ...]
) -> tuple[Project, tuple[Project, ...]] | None:
    """The last "close the gap" (the project added, the projects before), while nothing changed
    the projects since; else forgotten (nothing left to undo)."""
    closed = session.get(PJ_CLOSED)
    if closed is not None and scenario_projects != as_projects((*closed[1], closed[0])):
        session.pop(PJ_CLOSED, None)
        return None
    return closed
