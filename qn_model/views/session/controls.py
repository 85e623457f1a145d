"""The scenario's controls in the session: their values ⇄ the scenario, and the callbacks that
change them (a callback runs before the widgets are drawn, so it may write their keys)."""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from typing import Any

from qn_model.core.compare_link import CompareSelection
from qn_model.core.links import NUMBER_KEYS, LinkContext, ParsedLink
from qn_model.core.scenario import Scenario
from qn_model.data.dataset import Dataset, load_dataset
from qn_model.engine.app_state import compare_inputs, controls_moved, scenario_from_values
from qn_model.engine.presets import PRESETS, link_context, preset, target_set_for, target_sets
from qn_model.views.pages import COMPARE_PAGE, PRESENT_PAGE
from qn_model.views.session.keys import (
    CMP_CURRENT,
    CMP_LINKS,
    CMP_PRESETS,
    DECK_FROM,
    DECK_KEYS,
    GROWTH_PLACE,
    KEEP_PREFIX,
    LAST_PAGE,
    PRESENT,
    SNAPSHOT,
    TREND_CARRIED,
    USER_DATASET,
    W_LANG,
    W_PJ,
    W_PRESET,
    W_TSET,
    widget_key,
)
from qn_model.views.trends import carried_rates

Session = MutableMapping[str, Any]


def current_dataset(session: Session) -> Dataset:
    """The planner's own data when they loaded some in this session, else the shipped data."""
    user = session.get(USER_DATASET)
    return user if user is not None else load_dataset()


def context(session: Session) -> tuple[Dataset, LinkContext]:
    ds = current_dataset(session)
    return ds, link_context(ds)


def widget_keys() -> tuple[str, ...]:
    return (*(widget_key(spec.key) for spec in NUMBER_KEYS), W_LANG, W_TSET, W_PJ)


def values(session: Session) -> dict[str, object]:
    found: dict[str, object] = {spec.key: session.get(widget_key(spec.key)) for spec in NUMBER_KEYS}
    found["projects"] = session.get(W_PJ, ())
    return found


def scenario_from_widgets(session: Session, ctx: LinkContext | None = None) -> Scenario:
    return scenario_from_values(ctx or context(session)[1], values(session))


def moved(session: Session) -> bool:
    """Did the planner (or a button's callback) change a control since the last run?"""
    return controls_moved(session.get(SNAPSHOT), session)


def apply_parsed(session: Session, parsed: ParsedLink) -> None:
    """Put a parsed link's values into the widgets (before they render)."""
    for spec in NUMBER_KEYS:
        session[widget_key(spec.key)] = getattr(parsed.scenario, spec.field)
    session[W_LANG] = parsed.lang
    session[PRESENT] = parsed.present
    session[W_TSET] = parsed.target_set  # none: the targets say which set they are
    session[W_PJ] = parsed.scenario.projects


def set_compare_selection(session: Session, sel: CompareSelection) -> None:
    """Put a link's compare selection into the compare page's inputs (before they render)."""
    for key, value in (
        (CMP_CURRENT, sel.include_current),
        (CMP_PRESETS, list(sel.presets)),
        (CMP_LINKS, sel.links_text()),
    ):
        session[key] = value
        session[KEEP_PREFIX + key] = value


def compare_selection(session: Session, ctx: LinkContext) -> CompareSelection:
    """The compare page's selection, from its inputs (kept while another page is shown)."""
    inputs = (session.get(k, session.get(KEEP_PREFIX + k)) for k in (CMP_CURRENT, CMP_PRESETS, CMP_LINKS))
    return compare_inputs(*inputs, ctx)


def compare_origin(session: Session) -> bool:
    """This page shows the compare page's selection: the compare page, or the meeting view
    opened from it."""
    page = session.get(LAST_PAGE)
    return page == COMPARE_PAGE or (page == PRESENT_PAGE and session.get(DECK_FROM) == COMPARE_PAGE)


def hand_back(session: Session, key: str, value: object) -> None:
    """Give a control's key its value while no widget is drawn for it. Deleted first: Streamlit
    can hold one value under the key and an older one under the widget last drawn for it, and
    after a fragment's run it read the older."""
    if key in session:
        del session[key]
    session[key] = value


def rebind_widgets(session: Session) -> None:
    """Hand the controls their values before other widgets draw them: Streamlit starts a new
    widget at its minimum and drops a page's widgets' state when the planner leaves the page."""
    snapshot = session.get(SNAPSHOT) or {}
    for key in widget_keys():
        value = session[key] if key in session else snapshot.get(key)
        if value is not None:
            hand_back(session, key, value)


def place_growth_sliders(session: Session, on_page: bool) -> None:
    """Where this run draws the growth sliders (the sidebar, or the scenario page's fragment):
    when that changes they are new widgets to Streamlit, handed their values."""
    place = "page" if on_page else "sidebar"
    previous = session.get(GROWTH_PLACE)
    session[GROWTH_PLACE] = place
    if previous is not None and previous != place:
        rebind_widgets(session)


def close_deck(session: Session) -> None:
    for key in DECK_KEYS:
        session.pop(key, None)


def open_deck(session: Session, origin: str) -> None:
    close_deck(session)
    session[DECK_FROM] = origin


def leave_present(session: Session) -> None:
    """on_click of the meeting view's exit: the next run goes back where the view was opened."""
    session[PRESENT] = False


def apply_preset(session: Session) -> None:
    name = session.get(W_PRESET)
    if name not in PRESETS:
        return
    ds, ctx = context(session)
    scn = preset(name, ds, scenario_from_widgets(session, ctx))
    for link_key in ("gy1", "gd1", "gy2", "gd2"):
        session[widget_key(link_key)] = getattr(scn, link_key)
    session[W_PJ] = scn.projects  # a preset holds no projects


def sync_target_set(session: Session) -> None:
    """The target set shown: the one the targets are (the planner's pick when two sets hold them)."""
    t1, t2 = session.get(widget_key("t1")), session.get(widget_key("t2"))
    session[W_TSET] = target_set_for(t1, t2, current_dataset(session), session.get(W_TSET))


def apply_target_set(session: Session) -> None:
    sets = target_sets(current_dataset(session))
    chosen = session.get(W_TSET)
    if chosen in sets:
        session[widget_key("t1")] = sets[chosen].t1
        session[widget_key("t2")] = sets[chosen].t2


def on_base_change(session: Session) -> None:
    # A new base year takes that year's observed share when there is one.
    observed = context(session)[1].observed_share.get(int(session[widget_key("base")]))
    if observed is not None:
        session[widget_key("s0")] = observed


def apply_carried_rates(session: Session, series_id: str, kinds: tuple[str, ...]) -> None:
    """on_click: the fit's period rates into the scenario's widgets; the URL follows on this run."""
    ds, ctx = context(session)
    rates = carried_rates(ds, series_id, kinds, scenario_from_widgets(session, ctx))
    if rates is None:
        return
    for link_key, value in rates.values.items():
        session[widget_key(link_key)] = value
    session[TREND_CARRIED] = dict(rates.values)


def pop_carried(session: Session) -> dict[str, float] | None:
    """The values carried by the last click, once."""
    return session.pop(TREND_CARRIED, None)


def remember(session: Session, key: str, default: Any, valid: Iterable[Any] | None = None) -> None:
    """Restore a page widget's last value (or ``default``) before the widget is created:
    Streamlit drops a widget's state while its page is not shown."""
    if key in session:
        return
    value = session.get(KEEP_PREFIX + key, default)
    if valid is not None:
        allowed = list(valid)
        if isinstance(value, list):
            value = [v for v in value if v in allowed]
        elif value not in allowed:
            value = default
    session[key] = value


def keep(session: Session, key: str) -> None:
    if key in session:
        session[KEEP_PREFIX + key] = session[key]


def keep_in_order(session: Session, key: str, order: tuple[Any, ...]) -> None:
    """:func:`keep` for a multiselect whose picks are shown in the link's ``order``."""
    if isinstance(session.get(key), list):
        picked = set(session[key])
        session[key] = [v for v in order if v in picked]
    keep(session, key)


def kept(
    session: Session,
    key: str,
    default: Any,
    valid: Iterable[Any] | None = None,
    order: tuple[Any, ...] | None = None,
) -> dict[str, Any]:
    """A page widget's ``key``/``on_change``/``args`` that keep its value across page switches."""
    remember(session, key, default, valid)
    if order is not None:
        return {"key": key, "on_change": keep_in_order, "args": (session, key, order)}
    return {"key": key, "on_change": keep, "args": (session, key)}
