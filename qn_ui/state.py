"""The URL ⇄ widgets binding: the scenario's state lives in the URL.

On each run of ``app.py``: :func:`sync_from_url` puts a new link's values (first load, a pasted
address, Back/Forward: ``is_new_link``) into the widgets' session state; the widgets render from
it (callbacks run before them); :func:`build_state` turns their values into the run's ``AppState``
and writes its query to the address bar. The scenario page's fragment writes the URL at its end
(:func:`publish_url`), after its verdicts. Not Streamlit's ``bind="query-params"``: one parser
(``links.parse``) serves the app, the command line and the tests, and says what a tampered link
lost. The session's keys and transitions are ``qn_model/views/session``; the Streamlit behaviour
they rely on is tested in ``tests/test_streamlit_internals.py``.
"""

from __future__ import annotations

import streamlit as st

from qn_model.core import compare_link
from qn_model.core.compare_link import DEFAULT_SELECTION
from qn_model.core.links import DATA_VERSION_KEY, LANG_KEY, PRESENT_KEY, LinkContext
from qn_model.data.dataset import Dataset
from qn_model.engine.app_state import AppState, Query, app_state, is_new_link, present_route, read_link
from qn_model.engine.app_state import early_lang as app_early_lang
from qn_model.views.pages import COMPARE_PAGE, PRESENT_PAGE
from qn_model.views.session import controls as sc
from qn_model.views.session.keys import (
    DECK_FROM,
    LAST_PAGE,
    LAST_QUERY,
    NOTICES,
    PENDING_URL,
    PRESENT,
    SNAPSHOT,
    STATE,
    W_LANG,
    W_TSET,
)

__all__ = ["AppState"]  # pages import it from here, with get_state
ss = st.session_state


def current_query() -> list[tuple[str, str]]:
    """The address bar's query, in order, a repeated key once per value."""
    qp = st.query_params
    return [(k, v) for k in qp for v in qp.get_all(k)]


def early_lang() -> str:
    """The language before the widgets exist (page titles are built first)."""
    return app_early_lang(ss.get(W_LANG), st.query_params.get_all(LANG_KEY))


def early_present() -> bool:
    """Whether this run shows the meeting view, before the URL is parsed."""
    return bool(ss.get(PRESENT)) or st.query_params.get(PRESENT_KEY) == "1"


def reread_url() -> None:
    """After the planner's own data changed: the next run re-reads the URL against the new
    defaults; the old data version leaves the URL (it would be reported as a foreign link)."""
    ss[LAST_QUERY] = None
    if DATA_VERSION_KEY in st.query_params:
        del st.query_params[DATA_VERSION_KEY]


def sync_from_url(ctx: LinkContext, page: str) -> None:
    """Parse the URL into the widgets when it holds a new link (``is_new_link``)."""
    items = current_query()
    page_changed = ss.get(LAST_PAGE) not in (None, page)
    ss[LAST_PAGE] = page
    if not is_new_link(items, ss.get(LAST_QUERY), page_changed=page_changed, controls_moved=sc.moved(ss)):
        return
    parsed, notices = read_link(items, ctx, sc.current_dataset(ss))
    sc.apply_parsed(ss, parsed)
    if parsed.compare is not None:
        sc.set_compare_selection(ss, parsed.compare)
    elif page == COMPARE_PAGE:
        sc.set_compare_selection(ss, DEFAULT_SELECTION)  # on the compare page, no cmp means the default
    ss[NOTICES] = notices  # kept until the next link


def write_url(items: Query) -> None:
    """Put the scenario's query in the address bar, and remember it and the widgets' values."""
    if items != current_query():
        st.query_params.from_dict(dict(items))
    ss[LAST_QUERY] = current_query()
    ss[SNAPSHOT] = {k: ss.get(k) for k in sc.widget_keys()}


def publish_url() -> None:
    """Write the URL a fragment's run deferred (:func:`refresh_state`), at its end."""
    items = ss.pop(PENDING_URL, None)
    if items is not None:
        write_url(items)


def route_present(page: str, previous: str | None) -> str | None:
    """Keep the meeting view's flag and deck in step with the page (``present_route``); the page
    this run must go to instead, if any."""
    route = present_route(
        page,
        present_page=PRESENT_PAGE,
        asked=st.query_params.get(PRESENT_KEY) == "1",
        shown=bool(ss.get(PRESENT)),
        same_link=current_query() == ss.get(LAST_QUERY),
        deck_from=ss.get(DECK_FROM),
        previous=previous,
    )
    if route.close:
        sc.close_deck(ss)
    if route.open_from is not None:
        sc.open_deck(ss, route.open_from)
    if route.go is not None:
        sc.rebind_widgets(ss)  # this run draws no widget, and Streamlit drops their values
    ss[PRESENT] = route.present
    return route.go


def build_state(ds: Dataset, ctx: LinkContext, *, defer_url: bool = False) -> AppState:
    """Read the widgets, write the URL (``defer_url``: at the fragment's end, :func:`publish_url`)."""
    cmp = compare_link.encode(sc.compare_selection(ss, ctx)) if sc.compare_origin(ss) else None
    state, items = app_state(
        ds,
        ctx,
        sc.values(ss),
        ss.get(W_LANG),
        present=bool(ss.get(PRESENT, False)),
        notices=ss.get(NOTICES, ()),
        picked=ss.get(W_TSET),
        cmp=cmp,
    )
    if defer_url:
        ss[PENDING_URL] = items
    else:
        ss.pop(PENDING_URL, None)  # an interrupted fragment's: older than this
        write_url(items)
    ss[STATE] = state
    return state


def refresh_state() -> AppState:
    """The state for a fragment's run: the router's when the whole app just ran, else rebuilt
    from the widgets (only the fragment reruns), its URL written by :func:`publish_url`."""
    state = get_state()
    ds, ctx = sc.context(ss)
    if ds is state.ds and sc.scenario_from_widgets(ss, ctx) == state.scenario:
        return state
    return build_state(ds, ctx, defer_url=True)


def get_state() -> AppState:
    """The state ``app.py`` built for this run (pages call this)."""
    return ss[STATE]
