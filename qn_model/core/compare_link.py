"""The compare page's selection in a link: the ``cmp`` key of the link contract.

``cmp`` holds up to four items separated by commas, in this (canonical) order: ``current`` (the
link's own scenario), preset names in :data:`qn_model.engine.presets.PRESETS` order (each applied to
the link's scenario), then pasted scenarios, each a query string of the link contract behind a
``?`` (``?gd2=40&t2=30``; ``?`` alone is the default scenario). ``none`` is an empty selection. The
whole value is URL-encoded like any other (``cmp=current%2Cplan%2C%3Fgd2%3D40``). Left out of a
link, the selection is :data:`DEFAULT_SELECTION` (the current scenario and three presets).

:func:`read_selection` is called by :func:`qn_model.core.links.parse` (the one parser, through
``links.parse_selection``, which hands it the parser's own reading of a pasted scenario: this
module imports no parser, so the two do not import each other) and, like it, never raises: an
unknown or repeated item is left out with a notice, a pasted scenario's bad values fall back with
its own notices, more than four items keep the first four, and a value too long falls back to
the default selection. :func:`encode` writes a selection back, canonical.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from qn_model.core.messages import Notice, Term, shorten

__all__ = [
    "CURRENT",
    "DEFAULT_SELECTION",
    "MAX_ITEMS",
    "NONE",
    "Canonical",
    "CompareSelection",
    "chosen",
    "encode",
    "read_selection",
]

# The names mirror qn_model.engine.presets.PRESETS, which imports links (and so this module's caller):
# a test checks they agree.
PRESET_NAMES = ("trend", "plan", "cautious", "ambitious")
CURRENT = "current"
NONE = "none"
SEPARATOR = ","
MAX_ITEMS = 4  # the compare page's limit (qn_model.views.compare.MAX_SCENARIOS)
MAX_CMP_CHARS = 2000  # four full scenario links fit in a quarter of this

# A pasted scenario read as the canonical query of its scenario, with what its parser ignored
# (``qn_model.core.links.canonical_query`` for a link context).
Canonical = Callable[[str], tuple[str, tuple[Notice, ...]]]


@dataclass(frozen=True)
class CompareSelection:
    """Which scenarios the compare page shows, canonical: presets in preset order, links as
    canonical query strings (without ``?``), at most :data:`MAX_ITEMS` in all."""

    include_current: bool = True
    presets: tuple[str, ...] = ("plan", "cautious", "ambitious")
    links: tuple[str, ...] = ()

    def items(self) -> tuple[str, ...]:
        """The ``cmp`` items, in order."""
        head = (CURRENT,) if self.include_current else ()
        return (*head, *self.presets, *(f"?{q}" for q in self.links))

    def links_text(self) -> str:
        """The pasted scenarios as the compare page's text area holds them, one per line."""
        return "\n".join(f"?{q}" for q in self.links)


DEFAULT_SELECTION = CompareSelection()


def chosen(include_current: bool, presets: Iterable[str], queries: Iterable[str]) -> CompareSelection:
    """The canonical selection of the compare page's inputs, the pasted links already canonical
    queries: known presets once each in preset order, cut to the first :data:`MAX_ITEMS` (as the
    page compares them). ``qn_model.core.links.selection`` reads the pasted links first."""
    picked = set(presets)
    names = tuple(n for n in PRESET_NAMES if n in picked)
    return _cut(CompareSelection(bool(include_current), names, tuple(queries)))


def _cut(sel: CompareSelection) -> CompareSelection:
    room = MAX_ITEMS - int(sel.include_current)
    presets = sel.presets[:room]
    links = sel.links[: max(0, room - len(presets))]
    return CompareSelection(sel.include_current, presets, links)


def encode(sel: CompareSelection) -> str | None:
    """The ``cmp`` value of a selection; None for the default selection (left out of links)."""
    if sel == DEFAULT_SELECTION:
        return None
    items = sel.items()
    return SEPARATOR.join(items) if items else NONE


def read_selection(raw: str, canonical: Canonical) -> tuple[CompareSelection, tuple[Notice, ...]]:
    """The selection a ``cmp`` value holds, with what was ignored, each pasted scenario read by
    ``canonical``. Never raises."""
    shown = shorten(raw)
    if len(raw) > MAX_CMP_CHARS:
        reason = Term("cmp_reason_too_long")
        return DEFAULT_SELECTION, (Notice.of("cmp_too_long", "cmp_bad_selection", raw=shown, reason=reason),)
    notices: list[Notice] = []
    include_current = False
    presets: list[str] = []
    links: list[str] = []
    items = [item.strip() for item in raw.split(SEPARATOR)]
    if [i for i in items if i] == [NONE]:
        return CompareSelection(False, (), ()), ()
    seen: set[str] = set()
    for item in items:
        if not item:
            continue
        if item.startswith("?"):
            n = len(links) + 1
            query, inner = canonical(item)
            label = Notice.text("cmp_link_label", n=n)
            notices.extend(Notice.of(n_.code, "cmp_item_notice", label=label, message=n_) for n_ in inner)
            links.append(query)
            continue
        if item in seen:
            notices.append(Notice.of("cmp_repeated_item", "cmp_repeated_item", item=shorten(item)))
            continue
        seen.add(item)
        if item == CURRENT:
            include_current = True
        elif item in PRESET_NAMES:
            presets.append(item)
        else:
            notices.append(Notice.of("cmp_bad_item", "cmp_bad_item", item=shorten(item)))
    names = tuple(n for n in PRESET_NAMES if n in presets)
    sel = CompareSelection(include_current, names, tuple(links))
    total = len(sel.items())
    if total > MAX_ITEMS:
        notices.append(Notice.of("cmp_too_many_items", "cmp_too_many_items", n=total, max=MAX_ITEMS))
        sel = _cut(sel)
    return sel, tuple(notices)
