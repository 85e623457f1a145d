"""Presentation mode's deck: the scenarios a presenter steps through, one slide each.

A deck opens with the scenario the presentation was opened on, then either the presets
(``trend``, ``plan``, ``cautious``, ``ambitious``, each applied to the opening scenario, so
they keep its base year, base share and targets) or up to :data:`MAX_LINKS` pasted links,
parsed with the link contract (:func:`qn_model.core.links.parse`); opened on the compare page, the
compared presets and pasted scenarios (its ``cmp`` selection), in the page's order. A scenario already in the deck
is not shown twice: opening on the default scenario gives the ``trend`` slide first.

Nothing here imports Streamlit: the app keeps the deck's inputs in its session and calls
:func:`build_deck` and :func:`step`; the tests call them directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl

import plotly.graph_objects as go

from qn_model.core.links import PRESENT_KEY, encode, parse
from qn_model.core.messages import Notice
from qn_model.core.scenario import Scenario
from qn_model.data.dataset import Dataset
from qn_model.engine.evaluate import Evaluation, evaluate_scenario, link_notices
from qn_model.engine.presets import PRESETS, link_context, preset
from qn_model.i18n.formats import t
from qn_model.views.figures import headline_figure
from qn_model.views.narrative import Headline, headline

MAX_LINKS = 8  # a meeting compares a handful of scenarios, not a spreadsheet of them
SLIDE_HEIGHT = 560  # px: under the title and buttons, inside a 768-pixel projector screen

KIND_OPENED = "opened"  # the scenario the presentation was opened on
KIND_PRESET = "preset"
KIND_LINK = "link"


@dataclass(frozen=True)
class SlideSpec:
    """What a slide shows, before it is evaluated.

    ``kind`` is one of ``opened``, ``preset``, ``link``; ``name`` is the preset's name, the
    link's number (1-based, as text) or, for the opened scenario, the preset it equals ("" if
    none). ``notices`` are what a pasted link's parser ignored. ``target_set``: the set its
    targets are named after (None: the one its numbers read as).
    """

    kind: str
    name: str
    scenario: Scenario
    notices: tuple[Notice, ...] = ()
    target_set: str | None = None


@dataclass(frozen=True)
class Slide:
    """One step of the presentation: its title, the evaluation and the headline sentences."""

    spec: SlideSpec
    title: str
    evaluation: Evaluation
    headlines: tuple[Headline, ...]

    @property
    def scenario(self) -> Scenario:
        return self.spec.scenario


def with_targets(scn: Scenario, targets: tuple[float, float] | None) -> Scenario:
    """The scenario judged against ``targets`` (2025 %, 2030 %), or unchanged when None."""
    return scn if targets is None else scn.with_(t1=float(targets[0]), t2=float(targets[1]))


def deck_specs(
    ds: Dataset,
    opened: Scenario,
    links: Sequence[str] = (),
    targets: tuple[float, float] | None = None,
    target_set: str | None = None,
    presets: Sequence[str] | None = None,
) -> tuple[SlideSpec, ...]:
    """The deck's slides, unevaluated: the opened scenario, then ``presets`` and the pasted
    links. ``presets`` None: every preset when no link is given, else none. ``targets`` overrides every slide's targets (the presenter picked a
    target set); the ``plan`` preset is then recomputed to meet those targets. ``target_set``
    names the targets of the opened scenario and the presets, or with ``targets`` of every
    slide; a pasted link keeps the set it names."""
    if len(links) > MAX_LINKS:
        raise ValueError(f"a deck holds at most {MAX_LINKS} links, got {len(links)}")
    opened = with_targets(opened, targets)
    if presets is None:
        presets = () if links else PRESETS
    specs = [SlideSpec(KIND_PRESET, name, preset(name, ds, opened), (), target_set) for name in presets]
    if links:
        ctx = link_context(ds)
        for i, link in enumerate(links, start=1):
            parsed = parse(link, ctx)
            named = target_set if targets is not None else parsed.target_set
            scn = with_targets(parsed.scenario, targets)
            specs.append(SlideSpec(KIND_LINK, str(i), scn, link_notices(parsed, ds), named))
    same_preset = next((s.name for s in specs if s.kind == KIND_PRESET and s.scenario == opened), "")
    deck = [SlideSpec(KIND_OPENED, same_preset, opened, (), target_set)]
    for spec in specs:
        # A link that equals an earlier slide stays: its number is how the presenter refers to it.
        if spec.kind == KIND_LINK or all(spec.scenario != d.scenario for d in deck):
            deck.append(spec)
    return tuple(deck)


def slide_title(spec: SlideSpec, lang: str) -> str:
    """``Xu hướng`` / ``Link 2`` / ``The scenario as opened``."""
    if spec.kind == KIND_PRESET or (spec.kind == KIND_OPENED and spec.name):
        return t(f"preset_{spec.name}", lang)
    if spec.kind == KIND_LINK:
        return t("present_slide_link", lang, n=spec.name)
    return t("present_slide_opened", lang)


def evaluate_slide(spec: SlideSpec, ds: Dataset, lang: str) -> Slide:
    ev = evaluate_scenario(spec.scenario, ds, notices=spec.notices, target_set=spec.target_set)
    lines = tuple(headline(v, spec.scenario, lang) for v in ev.verdicts)
    return Slide(spec, slide_title(spec, lang), ev, lines)


def build_deck(
    ds: Dataset,
    opened: Scenario,
    lang: str,
    links: Sequence[str] = (),
    targets: tuple[float, float] | None = None,
    target_set: str | None = None,
    presets: Sequence[str] | None = None,
) -> tuple[Slide, ...]:
    """Every slide of the deck, evaluated (see :func:`deck_specs`)."""
    specs = deck_specs(ds, opened, links, targets, target_set, presets)
    return tuple(evaluate_slide(spec, ds, lang) for spec in specs)


def step(index: int, delta: int, n: int, *, wrap: bool = False) -> int:
    """The slide ``delta`` steps from ``index`` in a deck of ``n``: clamped to the first and
    last slide, or going round when ``wrap``. An index outside the deck is brought back in."""
    if n <= 0:
        raise ValueError(f"a deck has at least one slide, got n={n}")
    if wrap:
        return (index + delta) % n
    return min(max(index + delta, 0), n - 1)


def find_slide(deck: Sequence[Slide], scn: Scenario) -> int | None:
    """The first slide showing ``scn`` exactly, or None (the presenter changed something)."""
    return next((i for i, s in enumerate(deck) if s.scenario == scn), None)


def slide_figure(ev: Evaluation, ds: Dataset, lang: str, height: int = SLIDE_HEIGHT) -> go.Figure:
    """The slide's one chart: the headline chart, sized for a screen of its own."""
    fig = headline_figure(ev, ds, lang)
    fig.update_layout(height=height)
    return fig


def without_present(query: str) -> str:
    """The query string without ``present=1``: what a phone in the room should open (the
    interactive app on the same scenario, not the projector's view)."""
    items = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != PRESENT_KEY]
    return encode(items)
