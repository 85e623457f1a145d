"""One run of the app, without Streamlit: from the controls' values to the link the address bar
shows and the state every page reads; and when an address is a new link to read.

``qn_ui/state.py`` and ``qn_model/views/session`` hold the values in the session and call these;
the tests call them directly (``tests/test_app_state.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from qn_model.core.compare_link import DEFAULT_SELECTION, CompareSelection
from qn_model.core.links import (
    NUMBER_KEYS,
    LinkContext,
    ParsedLink,
    encode,
    link_target_set,
    parse,
    query_items,
    selection,
)
from qn_model.core.messages import DEFAULT_LANG, LANGS, Notice
from qn_model.core.scenario import Scenario
from qn_model.core.targets import TargetVerdict
from qn_model.data.dataset import Dataset
from qn_model.engine.evaluate import (
    Evaluation,
    evaluate_scenario,
    headline_verdicts,
    link_notices,
    project_notices,
)
from qn_model.engine.presets import target_set_for

Query = list[tuple[str, str]]  # the address bar's query, in order, a repeated key once per value


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
        return evaluate_scenario(self.scenario, self.ds, notices=self.notices, target_set=self.target_set)


def scenario_from_values(ctx: LinkContext, values: Mapping[str, object]) -> Scenario:
    """The scenario the controls hold: ``values`` by link key (``gd2`` …; a missing one is the
    default), ``projects`` a sequence of projects."""
    numbers = {}
    for spec in NUMBER_KEYS:
        raw = values.get(spec.key)
        raw = getattr(ctx.defaults, spec.field) if raw is None else raw
        numbers[spec.field] = int(raw) if spec.integer else float(raw)
    return ctx.defaults.with_(**numbers, projects=tuple(values.get("projects") or ()))


def read_link(query: Query, ctx: LinkContext, ds: Dataset) -> tuple[ParsedLink, tuple[Notice, ...]]:
    """The link in the address bar, and what to tell about it: what its parser ignored and, for a
    link made on other data, what changed since (:func:`~qn_model.engine.evaluate.link_notices`)."""
    grouped: dict[str, list[str]] = {}
    for k, v in query:
        grouped.setdefault(k, []).append(v)
    parsed = parse(grouped, ctx)
    return parsed, link_notices(parsed, ds)


def is_new_link(query: Query, last: Query | None, *, page_changed: bool, controls_moved: bool) -> bool:
    """Whether the address holds a link to read (else the controls keep their values).

    Read on a first load (nothing written yet); kept when the address is the one the app last
    wrote, when a page switch came without a query (the navigation drops it), and when a control
    moved in this run (a rerun can carry an address older than the app's last rewrite: the
    browser sends the next slider move before the previous rewrite reached its address bar; the
    control's value wins). Anything else is a link: pasted, edited, or Back/Forward.
    """
    if last is None:
        return True
    if query == last or (not query and page_changed):
        return False
    return not controls_moved


def app_state(
    ds: Dataset,
    ctx: LinkContext,
    values: Mapping[str, object],
    lang: str | None,
    *,
    present: bool = False,
    notices: Sequence[Notice] = (),
    picked: str | None = None,
    cmp: str | None = None,
) -> tuple[AppState, Query]:
    """The state of a run and the query the address bar shows for it: the scenario's values
    (defaults left out, as the link contract says), the language, ``present``, the data version
    (every link names the data it was made on), the target set when it must be named, and the
    compare page's selection ``cmp``. ``picked``: the target set the planner picked."""
    scn = scenario_from_values(ctx, values)
    lang = lang if lang in LANGS else DEFAULT_LANG
    ts = link_target_set(ctx, scn.t1, scn.t2, picked)
    items = query_items(scn, ctx.defaults, lang, present, ds.version, ctx.observed_share, ts, cmp)
    shown = tuple(notices)
    shown += tuple(n for n in project_notices(scn, ds) if n not in shown)
    state = AppState(
        ds, ctx, scn, lang, present, shown, encode(items), target_set_for(scn.t1, scn.t2, ds, picked)
    )
    return state, items


def compare_inputs(
    include_current: object, presets: object, links_text: object, ctx: LinkContext
) -> CompareSelection:
    """The compare page's selection from its inputs as the session holds them (None: not set
    yet, the default selection's), canonical (:func:`qn_model.core.links.selection`)."""
    include = DEFAULT_SELECTION.include_current if include_current is None else bool(include_current)
    presets = list(DEFAULT_SELECTION.presets) if presets is None else presets
    links = [line.strip() for line in str(links_text or "").splitlines() if line.strip()]
    return selection(include, presets if isinstance(presets, list) else [], links, ctx)


def early_lang(chosen: object, link_values: Sequence[str]) -> str:
    """The language before the controls exist (page titles are built first): the one chosen in
    this session, else the link's ``lang`` when it names one language we have, else the default."""
    if chosen in LANGS:
        return str(chosen)
    return link_values[-1] if len(link_values) == 1 and link_values[-1] in LANGS else DEFAULT_LANG


def controls_moved(snapshot: Mapping[str, object] | None, now: Mapping[str, object]) -> bool:
    """Did a control change since the last run's ``snapshot`` (none yet: no)?"""
    return snapshot is not None and any(now.get(k) != v for k, v in snapshot.items())


@dataclass(frozen=True)
class PresentRoute:
    """What a run does with the meeting view (``present_route``)."""

    go: str | None  # the page this run must go to instead, or None
    open_from: str | None  # open a fresh deck remembering this page ("" none), or None
    close: bool  # close the deck
    present: bool  # the meeting view is shown after this run


def present_route(
    page: str,
    *,
    present_page: str,
    asked: bool,
    shown: bool,
    same_link: bool,
    deck_from: str | None,
    previous: str | None,
) -> PresentRoute:
    """The meeting view and its deck in step with the page: ``asked`` (the link's ``present=1``)
    on another page goes to the view, opening a fresh deck on that page unless the view is
    ``shown`` and the address is the one it wrote (``same_link``, a rerun); the view left
    (``shown`` false while a deck is open, ``deck_from`` its origin) goes back to where it was
    opened. Entering the view by the navigation opens a deck remembering ``previous``; any other
    page closes the deck."""
    if page != present_page and asked:
        return PresentRoute(present_page, None if shown and same_link else page, False, True)
    if page == present_page and deck_from is not None and not shown:
        return PresentRoute(deck_from, None, True, False)
    if page == present_page:
        origin = previous if previous not in (None, present_page) else ""
        return PresentRoute(None, None if deck_from is not None else origin, False, True)
    return PresentRoute(None, None, True, False)
