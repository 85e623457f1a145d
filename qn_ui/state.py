"""The scenario's state lives in the URL. This module keeps the URL, the widgets and the
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
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from qn_model.core import compare_link
from qn_model.core.compare_link import DEFAULT_SELECTION, CompareSelection, selection
from qn_model.core.links import (
    LANG_KEY,
    NUMBER_KEYS,
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
from qn_ui.pages_registry import COMPARE_PAGE

W_LANG = "w_lang"
W_TSET = "w_tset"  # the target set picked (a name: two sets can hold the same targets)
W_PJ = "w_pj"  # the scenario's projects (a tuple of Project), written by the project editor
LAST_QUERY = "_last_query"
NOTICES = "_link_notices"
PRESENT = "_present"
LAST_PAGE = "_last_page"
USER_DATASET = "_user_dataset"
WRITTEN = "_written_queries"  # the app's own recent rewrites: a rerun carrying one is stale
SNAPSHOT = "_widget_snapshot"  # control values at the end of the last run
PENDING_URL = "_pending_url"  # a fragment's query, written at the end of its run
GROWTH_PLACE = "_growth_place"  # "sidebar" or "page": where the last run drew the growth sliders
MAX_WRITTEN = 8
# The compare page's inputs (its widgets' keys). A page widget's value is also kept under
# KEEP_PREFIX + key (qn_ui.carry), since Streamlit drops it while another page is shown.
CMP_CURRENT = "cmp_current"
CMP_PRESETS = "cmp_presets"
CMP_LINKS = "cmp_links"
KEEP_PREFIX = "_keep_"


def widget_key(link_key: str) -> str:
    return f"w_{link_key}"


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


def _query_items() -> list[tuple[str, str]]:
    qp = st.query_params
    return [(k, v) for k in qp for v in qp.get_all(k)]


def early_lang() -> str:
    """The language before the widgets exist (page titles are built first)."""
    lang = st.session_state.get(W_LANG)
    if lang in LANGS:
        return lang
    raw = st.query_params.get_all(LANG_KEY)
    return raw[-1] if len(raw) == 1 and raw[-1] in LANGS else DEFAULT_LANG


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
    # reruns on its run context (not a public API, hence the careful getattr).
    run_ctx = get_script_run_ctx()
    return bool(getattr(run_ctx, "is_history_navigation", False))


def sync_from_url(ctx: LinkContext, page: str) -> None:
    """Parse the URL into the widgets when it changed from outside the app.

    A rerun can carry a query string older than the app's last rewrite: the browser sends the
    next slider move before the previous rewrite reached its address bar. Such a URL is stale,
    not a new link: the widgets' values win (else quick key presses would be undone).
    """
    items = _query_items()
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
    if items != _query_items():
        st.query_params.from_dict(dict(items))
    written = _query_items()
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
    # The compare page's selection is in its link; other pages' links leave it out.
    cmp = (
        compare_link.encode(compare_selection(ctx))
        if st.session_state.get(LAST_PAGE) == COMPARE_PAGE
        else None
    )
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
    st.session_state["_state"] = state
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
    return st.session_state["_state"]
