"""The app's session state in one place: every session key, and the URL ⇄ widget state machine.

The scenario's state lives in the URL. This module keeps the URL, the widgets and the
engine in step.

Why not Streamlit's ``bind="query-params"``: one parser (the engine's ``links.parse``)
then serves the app, the command line and the tests, so a link means the same everywhere;
the app can say what it ignored in a tampered link; and AppTest sees the URL we write.

On each run:
1. if the URL changed from outside (first load, back/forward, a pasted link), parse it with
   the engine and put the values into the widgets' session state;
2. the widgets render from session state (``controls.py``);
3. the scenario is read back from the widgets and the URL is rewritten from it, leaving out
   defaults as the link contract says, naming the data version (``dv``) and, on the compare
   page, its selection (``cmp``).
A link made on other data gets one notice (``qn_model.data.versions``) when it is parsed.
Nothing is kept on the server beyond the live session: any replica can serve any link.

Session keys
------------
Every key the app reads or writes in ``st.session_state`` is a constant (or a function that
builds one) in the "Session keys" section below; other modules and pages import it
(``tests/test_session_keys.py`` fails on a key spelled anywhere else). Keys of elements whose
value nothing reads (buttons with a callback, charts, tables, containers named for the CSS)
stay beside their element. Three kinds:

- scenario widgets ``w_<link key>`` (:func:`widget_key`), ``W_LANG``, ``W_TSET``, ``W_PJ``: the
  scenario; parsed from and written to the URL (the machine below);
- page widgets (``W_DETAIL``, ``CMP_*``, ``W_PJ_*``, ``W_DECK_*``, ``mydata_*`` …): a page's own
  inputs; those that outlive a page switch are copied under ``KEEP_PREFIX`` (``qn_ui.carry``);
- private keys (``_…``): what the app remembers between runs (the machine's memory, the deck,
  the planner's own data, messages shown once).

The state machine
-----------------
Its memory: ``LAST_QUERY`` (the query the app last wrote), ``WRITTEN`` (its recent writes),
``SNAPSHOT`` (the scenario widgets at the end of the last run), ``LAST_PAGE``, ``GROWTH_PLACE``,
``PENDING_URL``. A run of ``app.py`` (``sync_from_url`` → controls → ``build_state``)::

            first load · back/forward · a pasted link · own data changed
                     (sync_from_url decides: PARSE the URL)
                                  │
                                  ▼
      URL ──parse──►  scenario widgets' session state  ◄── callbacks: presets, target set,
       ▲                          │                         the deck, carried rates, projects
       │                          ▼ render (controls), read back
       │                       Scenario ──► AppState ──► pages, engine
       │                          │
       └──── write_url ◄──────────┘  (remembers LAST_QUERY, WRITTEN, SNAPSHOT)

  What arrives                         sync_from_url                  then
  ──────────────────────────────────   ───────────────────────────   ───────────────────────
  first load (no LAST_QUERY)           PARSE the URL                  write the URL
  back / forward (run context says so) PARSE the URL                  write the URL
  pasted link, edited address          PARSE (URL ≠ LAST_QUERY, not   write the URL
                                         one we wrote, no widget moved)
  widget change (a slider, a button's  KEEP the widgets (they moved   write the URL from them
    callback)                            since SNAPSHOT)
  language switch (sidebar radio, the  KEEP (W_LANG moved)            write the URL with ``lang``;
    meeting view's button)                                              texts follow W_LANG
  stale rerun: a URL the app wrote     KEEP the widgets (URL in       write the URL from them
    that the browser sent late           WRITTEN)
  page switch (nav link, no query)     KEEP (empty URL, new page)     write the URL; sliders drawn
                                                                        elsewhere now get their
                                                                        values (place_growth_sliders)
  same URL again (any other rerun)     KEEP                           write the URL (unchanged)
  own data uploaded / applied / reset  reread_url(): LAST_QUERY = None, ``dv`` dropped → PARSE
                                         against the new data's defaults on the next run
  fragment rerun (the scenario page's  app.py does not run: refresh_state() rebuilds from the
    sliders beside its chart)            widgets, PENDING_URL, publish_url() at the fragment's end
  meeting view (present=1)             as above; the deck's buttons write the scenario widgets
                                         in callbacks, so the URL reopens the slide shown

A PARSE also sets the compare page's inputs from the link's ``cmp`` (on the compare page, none
means the default selection) and keeps the link's notices (``NOTICES``) until the next PARSE.

Streamlit internals and behaviours relied on (1.67, pinned), each with the test that fails
if Streamlit changes it (``tests/test_streamlit_internals.py`` unless a file is named):

- ``streamlit.runtime.scriptrunner.get_script_run_ctx().is_history_navigation`` (a run
  context field, not public API): :func:`_is_history_navigation`.
  ``test_the_run_context_says_when_a_run_is_back_or_forward``; in a browser,
  ``e2e/test_projects_browser.py::test_editor_changes_the_link_and_the_verdict_and_close_the_gap_meets_2030``.
- ``streamlit.runtime.pages_manager.PagesManager.uses_pages_directory`` (a class attribute,
  ``qn_ui/guard.py``). ``test_the_pages_folder_flag_is_a_class_attribute``; in a browser,
  ``e2e/test_browser.py::test_deep_link_first_request_of_fresh_server``.
- ``streamlit.runtime.Runtime.exists/instance().state``, ``streamlit.runtime.runtime.RuntimeState``
  and ``streamlit.web.cli.main`` (the launcher, ``qn_ui/serve.py``).
  ``test_the_launcher_finds_the_runtime_state_it_waits_for``;
  ``e2e/test_serve_team.py::test_serve_team_listens_on_loopback_restarts_a_replica_and_stops_on_ctrl_c``.
- A widget not drawn in a run loses its value at the end of that run (page switch, closed
  expander, sliders moved between sidebar and page): ``KEEP_PREFIX``, ``SNAPSHOT``,
  :func:`place_growth_sliders`. ``test_a_widget_not_drawn_in_a_run_loses_its_value``;
  ``test_app_pages.py::test_growth_sliders_keep_their_values_across_the_scenario_page``,
  ``::test_details_and_numbers_stay_open_across_a_page_visit``.
- A widget's key can be written only before its widget is drawn in the run (hence every
  button writes the scenario in an ``on_click`` callback).
  ``test_a_widget_key_cannot_be_written_after_its_widget_is_drawn``.
- After a fragment's run, a key set while no widget was drawn for it could read an older
  widget value: :func:`hand_back` deletes before it sets.
  ``test_app_pages.py::test_further_assumptions_are_drawn_only_while_open_and_keep_their_values``
  (fails without the delete).
- ``st.query_params``: ``get_all``, ``from_dict`` replaces the whole query, ``del`` one key,
  order kept, and AppTest reads back what the script wrote.
  ``test_query_params_are_replaced_in_order_and_read_back``;
  ``test_app_pages.py::test_slider_by_key_rewrites_url_and_metric``.
- ``st.fragment``: a widget inside it reruns only the fragment, not ``app.py``.
  ``test_app_pages.py::test_a_fragment_run_writes_the_url_when_it_ends``.
- ``st.expander(key=…, on_change="rerun").open`` (the further assumptions).
  ``test_app_pages.py::test_further_assumptions_are_drawn_only_while_open_and_keep_their_values``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from qn_model.core import compare_link
from qn_model.core.compare_link import DEFAULT_SELECTION, CompareSelection, selection
from qn_model.core.links import (
    DATA_VERSION_KEY,
    LANG_KEY,
    NUMBER_KEYS,
    PRESENT_KEY,
    LinkContext,
    ParsedLink,
    encode,
    link_target_set,
    parse,
    query_items,
)
from qn_model.core.messages import DEFAULT_LANG, LANGS, Notice
from qn_model.core.scenario import Scenario
from qn_model.core.targets import TargetVerdict
from qn_model.data.dataset import Dataset, load_dataset
from qn_model.data.versions import data_version_notice
from qn_model.engine.evaluate import Evaluation, evaluate_scenario, headline_verdicts, project_notices
from qn_model.engine.presets import link_context, target_set_for
from qn_ui.pages_registry import COMPARE_PAGE, PRESENT_PAGE

# --- Session keys: every key the app reads or writes in st.session_state ----------------------

# The scenario's widgets (their values are the scenario; the URL is written from them).
W_LANG = "w_lang"
W_TSET = "w_tset"  # the target set picked (a name: two sets can hold the same targets)
W_PJ = "w_pj"  # the scenario's projects (a tuple of Project), written by the project editor


def widget_key(link_key: str) -> str:
    """The key of the widget for a number in the link: ``w_gd2`` for ``gd2``."""
    return f"w_{link_key}"


# The sidebar's other controls (qn_ui.controls).
W_PRESET = "w_preset"  # the preset pills: a pick applies a preset, then nothing stays picked
W_MORE = "w_more"  # whether the further assumptions are open

# The state machine's memory (the module docstring).
LAST_QUERY = "_last_query"  # the query the app last wrote
WRITTEN = "_written_queries"  # the app's own recent rewrites: a rerun carrying one is stale
MAX_WRITTEN = 8
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


# --- The state machine ------------------------------------------------------------------------


@dataclass(frozen=True)
class AppState:
    """Everything a page needs for this run."""

    ds: Dataset
    ctx: LinkContext
    scenario: Scenario
    lang: str
    present: bool
    notices: tuple[Notice, ...]
    query: str
    target_set: str  # the set the targets are shown as (``presets.target_set_for``)

    @cached_property
    def headline(self) -> tuple[TargetVerdict, ...]:
        """The verdicts, ready before the Monte Carlo: the headline is drawn (and sent to the
        browser) first, the fan and the chart after it."""
        return headline_verdicts(self.scenario, self.ds)

    @cached_property
    def evaluation(self) -> Evaluation:
        """Path, fan (10,000 simulated paths) and verdicts with their probabilities; computed
        when a page first asks for it."""
        return evaluate_scenario(self.scenario, self.ds, self.lang, self.notices, self.target_set)


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
    lang = st.session_state.get(W_LANG)
    if lang in LANGS:
        return lang
    raw = st.query_params.get_all(LANG_KEY)
    return raw[-1] if len(raw) == 1 and raw[-1] in LANGS else DEFAULT_LANG


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


def _compare_input(key: str, default: object) -> object:
    if key in st.session_state:
        return st.session_state[key]
    return st.session_state.get(KEEP_PREFIX + key, default)


def compare_selection(ctx: LinkContext) -> CompareSelection:
    """The compare page's selection, canonical (:func:`qn_model.core.compare_link.selection`)."""
    presets = _compare_input(CMP_PRESETS, list(DEFAULT_SELECTION.presets))
    text = str(_compare_input(CMP_LINKS, "") or "")
    links = [line.strip() for line in text.splitlines() if line.strip()]
    return selection(
        bool(_compare_input(CMP_CURRENT, DEFAULT_SELECTION.include_current)),
        presets if isinstance(presets, list) else [],
        links,
        ctx,
    )


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
    snapshot = st.session_state.get(SNAPSHOT)
    return snapshot is not None and any(st.session_state.get(k) != v for k, v in snapshot.items())


def _is_history_navigation() -> bool:
    # Back/forward in the browser: the URL is what the planner asked for. Streamlit marks such
    # reruns on its run context (not a public API: tests/test_streamlit_internals.py checks the
    # field; the getattr keeps Back working as a plain rerun, never an error, if it goes).
    run_ctx = get_script_run_ctx()
    return bool(getattr(run_ctx, "is_history_navigation", False))


def sync_from_url(ctx: LinkContext, page: str) -> None:
    """Parse the URL into the widgets when it changed from outside the app.

    A rerun can carry a query string older than the app's last rewrite: the browser sends the
    next slider move before the previous rewrite reached its address bar. Such a URL is stale,
    not a new link: the widgets' values win (else quick key presses would be undone).
    """
    items = current_query()
    last = st.session_state.get(LAST_QUERY)
    page_changed = st.session_state.get(LAST_PAGE) not in (None, page)
    st.session_state[LAST_PAGE] = page
    if last is not None and not _is_history_navigation():
        if items == last or (not items and page_changed):
            return
        if _widgets_moved() or items in st.session_state.get(WRITTEN, []):
            return
    grouped: dict[str, list[str]] = {}
    for k, v in items:
        grouped.setdefault(k, []).append(v)
    parsed = parse(grouped, ctx)
    apply_parsed(parsed)
    if parsed.compare is not None:
        set_compare_selection(parsed.compare)
    elif page == COMPARE_PAGE:
        set_compare_selection(DEFAULT_SELECTION)  # on the compare page, no cmp means the default
    notices = parsed.notices
    # A link made on other data: once, which values it stands on changed (the page shows today's
    # verdicts); the URL written next names the data loaded now.
    changed = data_version_notice(
        parsed.data_version, current_dataset(), parsed.explicit, parsed.scenario.base_year
    )
    if changed is not None:
        notices += (changed,)
    st.session_state[NOTICES] = notices


def scenario_from_widgets(ctx: LinkContext) -> Scenario:
    values = {}
    for spec in NUMBER_KEYS:
        raw = st.session_state.get(widget_key(spec.key), getattr(ctx.defaults, spec.field))
        values[spec.field] = int(raw) if spec.integer else float(raw)
    return ctx.defaults.with_(**values, projects=tuple(st.session_state.get(W_PJ, ())))


def write_url(items: list[tuple[str, str]]) -> None:
    """Put the scenario's query (``query_items``) in the address bar, and remember it."""
    if items != current_query():
        st.query_params.from_dict(dict(items))
    written = current_query()
    st.session_state[LAST_QUERY] = written
    recent = [q for q in st.session_state.get(WRITTEN, []) if q != written]
    st.session_state[WRITTEN] = [*recent[-(MAX_WRITTEN - 1) :], written]
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
    """Keep the meeting view's flag and deck in step with the page; the page this run must go to
    instead, if any: the meeting view's for ``present=1`` in a link opened on another page, the
    page it was opened from when the presenter leaves it (:func:`leave_present`).

    Entering the meeting view (by such a link, or by its entry in the navigation) opens a fresh
    deck on the scenario as it is, remembering the page it came from; any other page closes it."""
    asked = st.query_params.get(PRESENT_KEY) == "1"
    go = None
    if page != PRESENT_PAGE and asked:
        if not (st.session_state.get(PRESENT) and current_query() == st.session_state.get(LAST_QUERY)):
            _open_deck(page)  # a link, not a rerun of the view's own address
        go = PRESENT_PAGE
    elif page == PRESENT_PAGE and DECK_FROM in st.session_state and not st.session_state.get(PRESENT):
        go = st.session_state[DECK_FROM]  # left
        close_deck()
    if go is not None:
        # This run draws no widget, and Streamlit drops the values of widgets a run leaves out.
        _rebind_widgets()
        st.session_state[PRESENT] = go == PRESENT_PAGE
        return go
    if page == PRESENT_PAGE and DECK_FROM not in st.session_state:
        _open_deck(previous if previous not in (None, PRESENT_PAGE) else "")
    if page != PRESENT_PAGE:
        close_deck()
    st.session_state[PRESENT] = page == PRESENT_PAGE
    return None


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
    scn = scenario_from_widgets(ctx)
    lang = st.session_state.get(W_LANG, DEFAULT_LANG)
    lang = lang if lang in LANGS else DEFAULT_LANG
    present = bool(st.session_state.get(PRESENT, False))
    notices = tuple(st.session_state.get(NOTICES, ()))
    picked = st.session_state.get(W_TSET)
    ts = link_target_set(ctx, scn.t1, scn.t2, picked)
    # The compare page's selection is in its link (and in the meeting view's opened from it);
    # other pages' links leave it out.
    cmp = compare_link.encode(compare_selection(ctx)) if compare_origin() else None
    # Every link names the data it was made on.
    items = query_items(scn, ctx.defaults, lang, present, ds.version, ctx.observed_share, ts, cmp)
    if defer_url:
        st.session_state[PENDING_URL] = items
    else:
        st.session_state.pop(PENDING_URL, None)  # an interrupted fragment's: older than this
        write_url(items)
    query = encode(items)
    notices += tuple(n for n in project_notices(scn, ds) if n not in notices)
    shown = target_set_for(scn.t1, scn.t2, ds, picked)
    state = AppState(ds, ctx, scn, lang, present, notices, query, shown)
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
