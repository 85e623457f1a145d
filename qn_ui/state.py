"""The app's session state in one place: every session key, and the URL ⇄ widgets binding.

The scenario's state lives in the URL. On each run of ``app.py``:

1. :func:`sync_from_url`: when the address holds a new link (first load, a pasted or edited
   address, Back/Forward: ``qn_model.engine.app_state.is_new_link``), the engine parses it
   (``read_link``) and its values go into the scenario widgets' session state;
2. the widgets render from session state (``controls.py``); buttons change them in ``on_click``
   callbacks, which run before the widgets are drawn;
3. :func:`build_state`: the engine turns the widgets' values into the run's ``AppState`` and the
   query (``app_state``), written to the address bar (:func:`write_url`).

The scenario page's sliders rerun a fragment only: :func:`refresh_state` rebuilds the state from
the widgets and :func:`publish_url` writes the URL at the fragment's end. After the planner's own
data changed, :func:`reread_url` makes the next run read the link against the new defaults.
Why not Streamlit's ``bind="query-params"``: one parser (``links.parse``) then serves the app, the
command line and the tests, and the app can say what it ignored in a tampered link.

Session keys: every key the app reads or writes in ``st.session_state`` is a constant (or a
function that builds one) below; ``tests/test_session_keys.py`` fails on a key spelled anywhere
else. Keys of elements whose value nothing reads (buttons with a callback, charts, containers
named for the CSS) stay beside their element. Scenario widgets ``w_<link key>``, ``W_LANG``,
``W_TSET``, ``W_PJ`` hold the scenario; page widgets a page's own inputs (kept across page
switches under ``KEEP_PREFIX``, ``qn_ui.carry``); private keys (``_…``) what the app remembers.

Streamlit behaviour relied on (1.67, pinned), each with a test in
``tests/test_streamlit_internals.py``: a widget left out of a run loses its value (hence
``KEEP_PREFIX``, ``SNAPSHOT``, :func:`hand_back`); a widget's key cannot be written once it is
drawn (hence the callbacks); ``st.query_params`` order, ``get_all``, ``from_dict``. The one
internal is the page-folder guard (``qn_ui/guard.py``).
"""

from __future__ import annotations

import streamlit as st

from qn_model.core import compare_link
from qn_model.core.compare_link import DEFAULT_SELECTION, CompareSelection
from qn_model.core.links import DATA_VERSION_KEY, LANG_KEY, NUMBER_KEYS, PRESENT_KEY, LinkContext, ParsedLink
from qn_model.core.scenario import Scenario
from qn_model.data.dataset import Dataset, load_dataset
from qn_model.engine.app_state import (
    AppState,
    Query,
    app_state,
    compare_inputs,
    controls_moved,
    is_new_link,
    present_route,
    read_link,
    scenario_from_values,
)
from qn_model.engine.app_state import (
    early_lang as app_early_lang,
)
from qn_model.engine.presets import link_context
from qn_model.views.pages import COMPARE_PAGE, PRESENT_PAGE

__all__ = ["AppState"]  # pages import it from here, with get_state

# --- Session keys ------------------------------------------------------------------------------

# The scenario's widgets (their values are the scenario; the URL is written from them).
W_LANG = "w_lang"
W_TSET = "w_tset"  # the target set picked (a name: two sets can hold the same targets)
W_PJ = "w_pj"  # the scenario's projects (a tuple of Project), written by the project editor
# The live scenario (qn_ui.live): its state holds the 2026-2030 growths it last sent and their
# sequence number, which its callback copies to w_gd2 / w_gy2 and LIVE_SEQ (the class
# ``st-key-w_live_gd2`` names gd2, as checks outside the code expect).
W_LIVE = "w_live_gd2"
# The page script of qn_ui/a11y.py (the document's language, skip links), hidden by layout.py.
A11Y = "qn_a11y"
LIVE_SEQ = "_live_seq"


def widget_key(link_key: str) -> str:
    """The key of the widget for a number in the link: ``w_gd2`` for ``gd2``."""
    return f"w_{link_key}"


# The sidebar's other controls (qn_ui.controls).
W_PRESET = "w_preset"  # the preset pills: a pick applies a preset, then nothing stays picked
W_MORE = "w_more"  # whether the further assumptions are open

# The state machine's memory (the module docstring).
LAST_QUERY = "_last_query"  # the query the app last wrote
SNAPSHOT = "_widget_snapshot"  # control values at the end of the last run
PENDING_URL = "_pending_url"  # a fragment's query, written at the end of its run
LAST_PAGE = "_last_page"
GROWTH_PLACE = "_growth_place"  # "sidebar" or "page": where the last run drew the growth sliders
NOTICES = "_link_notices"  # what the last parsed link lost, shown on every page
PRESENT = "_present"  # the meeting view (the link's present=1)
STATE = "_state"  # this run's AppState (build_state, get_state)
USER_DATASET = "_user_dataset"  # the planner's own data (qn_ui.user_data), else absent

# Page widgets. A page widget's value is also kept under KEEP_PREFIX + key (qn_ui.carry),
# since Streamlit drops it while another page is shown.
KEEP_PREFIX = "_keep_"
CMP_CURRENT = "cmp_current"  # the compare page's inputs (its link's ``cmp``)
CMP_PRESETS = "cmp_presets"
CMP_LINKS = "cmp_links"
W_DETAIL = "w_detail"  # the scenario page's detail shown under the chart
W_SENS_YEAR = "w_sens_year"  # the sensitivity map's target year
W_TREND_SERIES = "trend_series"  # the trends page's series
TREND_CARRIED = "_trend_carried"  # the fit's rates just carried to the sliders, shown once


def trend_models_key(series_id: str) -> str:
    """The trends page's models picked for one series."""
    return f"trend_models_{series_id}"


def show_data_key(chart_key: str) -> str:
    """The toggle that shows the numbers behind a chart."""
    return f"show_data_{chart_key}"


# The project editor (qn_ui.projects).
W_PJ_NEW_YEAR = "w_pj_new_year"
W_PJ_NEW_VALUE = "w_pj_new_value"
W_PJ_CLOSE_YEAR = "w_pj_close_year"
PJ_CLOSED = "_pj_closed"  # (the project "close the gap" added, the projects before it)
PJ_CLOSE_MESSAGE = "_pj_close_message"  # why the last "close the gap" click added nothing
PJ_CLOSE_YEAR_KEPT = "_pj_close_year"  # the year last used: the picker is not drawn while the gap is closed

# The meeting view's deck (pages/present.py): in the session only, never in the URL.
DECK_FROM = "_deck_from"  # the page the meeting view was opened from (its QR code and exit lead there)
DECK_OPENED = "_deck_opened"  # the scenario the presentation was opened on
DECK_OPENED_SET = "_deck_opened_set"  # the target set it was shown with
DECK_LINKS = "_deck_links"  # pasted links in use (tuple of str)
DECK_DROPPED = "_deck_links_dropped"  # how many pasted lines were over the limit
DECK_TARGETS = "_deck_targets"  # (t1, t2) chosen here for every slide, or absent
DECK_INDEX = "_deck_index"  # the slide shown
W_DECK_LINKS_TEXT = "present_links_text"
W_DECK_TSET = "present_tset"

# The planner's own data (qn_ui.user_data).
MYDATA_OUTCOME = "_mydata_outcome"  # the last upload's or edit's result, for the page
MYDATA_GENERATION = "_mydata_gen"  # bumped after each change: the uploader and the editor start afresh
MYDATA_REQUEST = "_mydata_request"  # set by a button's callback, handled once the edited table is known


def mydata_key(name: str) -> str:
    """The key of the own-data page's uploader or editor (``name``) in this generation: a new
    generation is a new, empty widget."""
    return f"mydata_{name}_{st.session_state.get(MYDATA_GENERATION, 0)}"


# --- The URL ⇄ widgets binding ------------------------------------------------------------------


def current_dataset() -> Dataset:
    """The planner's own data when they loaded some in this session, else the shipped data."""
    user = st.session_state.get(USER_DATASET)
    return user if user is not None else load_dataset()


def current_query() -> list[tuple[str, str]]:
    """The address bar's query, in order, a repeated key once per value."""
    qp = st.query_params
    return [(k, v) for k in qp for v in qp.get_all(k)]


def early_lang() -> str:
    """The language before the widgets exist (page titles are built first)."""
    return app_early_lang(st.session_state.get(W_LANG), st.query_params.get_all(LANG_KEY))


def early_present() -> bool:
    """Whether this run shows the meeting view, before the URL is parsed (the page's config,
    set first, keeps the sidebar closed for it)."""
    return bool(st.session_state.get(PRESENT)) or st.query_params.get(PRESENT_KEY) == "1"


def reread_url() -> None:
    """After the planner's own data changed: make the next run re-read the URL against the new
    defaults (values the planner set stay, the rest follow the new data). The old data version
    leaves the URL (it would otherwise be reported as a foreign link); the app writes the new one."""
    st.session_state[LAST_QUERY] = None
    if DATA_VERSION_KEY in st.query_params:
        del st.query_params[DATA_VERSION_KEY]


def apply_parsed(parsed: ParsedLink) -> None:
    """Put a parsed link's values into the widgets (before they render)."""
    for spec in NUMBER_KEYS:
        st.session_state[widget_key(spec.key)] = getattr(parsed.scenario, spec.field)
    st.session_state[W_LANG] = parsed.lang
    st.session_state[PRESENT] = parsed.present
    st.session_state[W_TSET] = parsed.target_set  # none: the targets say which set they are
    st.session_state[W_PJ] = parsed.scenario.projects


def set_compare_selection(sel: CompareSelection) -> None:
    """Put a link's compare selection into the compare page's inputs (before they render)."""
    for key, value in (
        (CMP_CURRENT, sel.include_current),
        (CMP_PRESETS, list(sel.presets)),
        (CMP_LINKS, sel.links_text()),
    ):
        st.session_state[key] = value
        st.session_state[KEEP_PREFIX + key] = value


def compare_selection(ctx: LinkContext) -> CompareSelection:
    """The compare page's selection, from its inputs (kept while another page is shown)."""
    inputs = (
        st.session_state.get(k, st.session_state.get(KEEP_PREFIX + k))
        for k in (CMP_CURRENT, CMP_PRESETS, CMP_LINKS)
    )
    return compare_inputs(*inputs, ctx)


def _widget_keys() -> tuple[str, ...]:
    return (*(widget_key(spec.key) for spec in NUMBER_KEYS), W_LANG, W_TSET, W_PJ)


def _rebind_widgets() -> None:
    """Hand the controls' values to the widgets that now draw them: Streamlit would start a new
    widget at its minimum, and it drops a page's own widgets' state when the planner leaves that
    page. Each control gets its value back, from the last run's snapshot when Streamlit has
    dropped it."""
    snapshot = st.session_state.get(SNAPSHOT) or {}
    for key in _widget_keys():
        value = st.session_state[key] if key in st.session_state else snapshot.get(key)
        if value is not None:
            hand_back(key, value)


def hand_back(key: str, value: object) -> None:
    """Give a control's key its value while no widget is drawn for it (before one is, this run).

    Deleted first: Streamlit can hold one value under the key and an older one under the widget
    last drawn for it, and after a fragment's run it read the older (a target set while the
    further assumptions were open came back as the link's)."""
    if key in st.session_state:
        del st.session_state[key]
    st.session_state[key] = value


def place_growth_sliders(on_page: bool) -> None:
    """Record where this run draws the growth sliders: the sidebar (the router) or the scenario
    page's fragment. When that changes (a page switch to or from the scenario page, or leaving
    the meeting view on it), the sliders are new widgets to Streamlit: hand them their values.
    Never while a slider is being moved: the place stays the same then."""
    place = "page" if on_page else "sidebar"
    previous = st.session_state.get(GROWTH_PLACE)
    st.session_state[GROWTH_PLACE] = place
    if previous is not None and previous != place:
        _rebind_widgets()


def _widgets_moved() -> bool:
    """Did the planner (or a button's callback) change a control since the last run?"""
    return controls_moved(st.session_state.get(SNAPSHOT), st.session_state)


def sync_from_url(ctx: LinkContext, page: str) -> None:
    """Parse the URL into the widgets when it holds a new link (``is_new_link``)."""
    items = current_query()
    page_changed = st.session_state.get(LAST_PAGE) not in (None, page)
    st.session_state[LAST_PAGE] = page
    last = st.session_state.get(LAST_QUERY)
    if not is_new_link(items, last, page_changed=page_changed, controls_moved=_widgets_moved()):
        return
    parsed, notices = read_link(items, ctx, current_dataset())
    apply_parsed(parsed)
    if parsed.compare is not None:
        set_compare_selection(parsed.compare)
    elif page == COMPARE_PAGE:
        set_compare_selection(DEFAULT_SELECTION)  # on the compare page, no cmp means the default
    st.session_state[NOTICES] = notices  # kept until the next link


def _values() -> dict[str, object]:
    values: dict[str, object] = {spec.key: st.session_state.get(widget_key(spec.key)) for spec in NUMBER_KEYS}
    values["projects"] = st.session_state.get(W_PJ, ())
    return values


def scenario_from_widgets(ctx: LinkContext) -> Scenario:
    return scenario_from_values(ctx, _values())


def write_url(items: Query) -> None:
    """Put the scenario's query in the address bar, and remember it and the widgets' values."""
    if items != current_query():
        st.query_params.from_dict(dict(items))
    st.session_state[LAST_QUERY] = current_query()
    st.session_state[SNAPSHOT] = {k: st.session_state.get(k) for k in _widget_keys()}


def publish_url() -> None:
    """Write the URL a fragment's run deferred (``refresh_state``): at its end, so that the
    browser handles the address-bar change after the verdicts, not before them."""
    items = st.session_state.pop(PENDING_URL, None)
    if items is not None:
        write_url(items)


def compare_origin() -> bool:
    """Whether this page shows the compare page's selection: the compare page, or the meeting
    view opened from it."""
    page = st.session_state.get(LAST_PAGE)
    return page == COMPARE_PAGE or (page == PRESENT_PAGE and st.session_state.get(DECK_FROM) == COMPARE_PAGE)


DECK_KEYS = (DECK_FROM, DECK_OPENED, DECK_OPENED_SET, DECK_LINKS, DECK_DROPPED, DECK_TARGETS, DECK_INDEX)


def route_present(page: str, previous: str | None) -> str | None:
    """Keep the meeting view's flag and deck in step with the page (``present_route``); the page
    this run must go to instead, if any: the meeting view's for ``present=1`` in a link opened on
    another page, the page it was opened from when the presenter leaves it (:func:`leave_present`)."""
    route = present_route(
        page,
        present_page=PRESENT_PAGE,
        asked=st.query_params.get(PRESENT_KEY) == "1",
        shown=bool(st.session_state.get(PRESENT)),
        same_link=current_query() == st.session_state.get(LAST_QUERY),
        deck_from=st.session_state.get(DECK_FROM),
        previous=previous,
    )
    if route.close:
        close_deck()
    if route.open_from is not None:
        _open_deck(route.open_from)
    if route.go is not None:
        # This run draws no widget, and Streamlit drops the values of widgets a run leaves out.
        _rebind_widgets()
    st.session_state[PRESENT] = route.present
    return route.go


def leave_present() -> None:
    """on_click of the meeting view's exit: the next run goes back where the view was opened."""
    st.session_state[PRESENT] = False


def _open_deck(origin: str) -> None:
    close_deck()
    st.session_state[DECK_FROM] = origin


def close_deck() -> None:
    for key in DECK_KEYS:
        st.session_state.pop(key, None)


def context() -> tuple[Dataset, LinkContext]:
    ds = current_dataset()
    return ds, link_context(ds)


def build_state(ds: Dataset, ctx: LinkContext, *, defer_url: bool = False) -> AppState:
    """Read the widgets, write the URL: once per run, shared by every page (the evaluation is
    computed when a page first asks for it). ``defer_url``: leave the writing to
    :func:`publish_url`."""
    # The compare page's selection is in its link (and in the meeting view's opened from it).
    cmp = compare_link.encode(compare_selection(ctx)) if compare_origin() else None
    state, items = app_state(
        ds,
        ctx,
        _values(),
        st.session_state.get(W_LANG),
        present=bool(st.session_state.get(PRESENT, False)),
        notices=st.session_state.get(NOTICES, ()),
        picked=st.session_state.get(W_TSET),
        cmp=cmp,
    )
    if defer_url:
        st.session_state[PENDING_URL] = items
    else:
        st.session_state.pop(PENDING_URL, None)  # an interrupted fragment's: older than this
        write_url(items)
    st.session_state[STATE] = state
    return state


def refresh_state() -> AppState:
    """The state for a fragment's run: the router's when the whole app just ran, else rebuilt
    from the widgets (a slider inside the fragment moved, and only the fragment reruns); then
    the URL is written by :func:`publish_url` at the end of the fragment."""
    state = get_state()
    ds, ctx = context()
    if ds is state.ds and scenario_from_widgets(ctx) == state.scenario:
        return state
    return build_state(ds, ctx, defer_url=True)


def get_state() -> AppState:
    """The state ``app.py`` built for this run (pages call this)."""
    return st.session_state[STATE]
