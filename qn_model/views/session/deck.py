"""The meeting view's deck in the session: the opening scenario, pasted links, the slide shown,
and the buttons' callbacks. The sidebar's widgets stay the one source of the scenario: every
callback writes them, so the URL always reopens what is on the screen; what to write is decided
by ``qn_model/views/present.py``."""

from __future__ import annotations

from qn_model.core.compare_link import CompareSelection
from qn_model.core.scenario import Scenario
from qn_model.engine.presets import target_sets
from qn_model.views import present as pv
from qn_model.views.compare import split_links
from qn_model.views.pages import COMPARE_PAGE
from qn_model.views.session.controls import Session, compare_selection, context, scenario_from_widgets
from qn_model.views.session.keys import (
    DECK_DROPPED,
    DECK_FROM,
    DECK_INDEX,
    DECK_LINKS,
    DECK_OPENED,
    DECK_OPENED_SET,
    DECK_TARGETS,
    STATE,
    W_DECK_LINKS_TEXT,
    W_DECK_TSET,
    W_LANG,
    W_PJ,
    W_TSET,
    widget_key,
)
from qn_model.views.slides import MAX_LINKS, Slide


def opened_on_compare(session: Session) -> bool:
    return session.get(DECK_FROM) == COMPARE_PAGE


def compared(session: Session) -> CompareSelection | None:
    """The compare page's scenarios when they are the deck (the meeting pack presents them)."""
    return compare_selection(session, context(session)[1]) if opened_on_compare(session) else None


def links_in_use(session: Session) -> bool:
    return bool(session.get(DECK_LINKS))


def links_dropped(session: Session) -> int:
    return session.get(DECK_DROPPED, 0)


def current(session: Session) -> tuple[Slide, ...]:
    """The deck (in a callback: the deck of the run on screen)."""
    ds, ctx = context(session)
    if DECK_OPENED not in session:  # the first time: the scenario and set on screen
        session[DECK_OPENED] = scenario_from_widgets(session, ctx)
        session[DECK_OPENED_SET] = session.get(W_TSET)
    targets = session.get(DECK_TARGETS)
    named = pv.naming_set(targets, session.get(W_DECK_TSET), session.get(DECK_OPENED_SET))
    links, presets = tuple(session.get(DECK_LINKS, ())), None
    if not links and opened_on_compare(session):
        sel = compare_selection(session, ctx)  # the compare page's scenarios, as its link names them
        links, presets = sel.links, sel.presets
    return pv.deck(ds, session[DECK_OPENED], session[STATE].lang, links, targets, named, presets)


def shown(session: Session, deck: tuple[Slide, ...], scn: Scenario) -> int:
    """The slide on screen, remembered for the callbacks."""
    index = pv.slide_shown(deck, session.get(DECK_INDEX, 0), scn)
    session[DECK_INDEX] = index
    return index


def go(session: Session, index: int) -> None:
    move = pv.go_to(current(session), index)
    session[DECK_INDEX] = move.index
    for link_key, value in move.widgets.items():
        session[widget_key(link_key)] = value
    session[W_PJ] = move.projects  # a slide's projects (a preset's: none)
    session[W_TSET] = move.target_set


def nudge(session: Session, link_key: str, delta: float) -> None:
    key = widget_key(link_key)
    session[key] = pv.nudged(link_key, session.get(key, 0.0), delta)


def pick_targets(session: Session) -> None:
    """Every slide judged against the chosen set; the slide on screen redrawn from the rebuilt
    deck (the "meet targets" slide recomputes the growth it needs)."""
    chosen = target_sets(context(session)[0]).get(session.get(W_DECK_TSET))
    if chosen is None:
        return
    index = session.get(DECK_INDEX, 0)
    on_slide = pv.on_slide(current(session), index, scenario_from_widgets(session))
    session[DECK_TARGETS] = (chosen.t1, chosen.t2)
    session[W_TSET] = session.get(W_DECK_TSET)
    for link_key, value in pv.target_widgets(chosen).items():
        session[widget_key(link_key)] = value
    if on_slide:
        go(session, index)


def use_links(session: Session) -> None:
    links, dropped = split_links(session.get(W_DECK_LINKS_TEXT, ""), MAX_LINKS)
    session[DECK_LINKS] = links
    session[DECK_DROPPED] = dropped
    go(session, pv.first_link_slide(current(session)))


def use_presets(session: Session) -> None:
    session.pop(DECK_LINKS, None)
    session.pop(DECK_DROPPED, None)
    go(session, 0)


def switch_lang(session: Session, lang: str) -> None:
    session[W_LANG] = pv.next_lang(lang)
