"""The meeting view's page (``pages/present.py``): what it shows, as text and numbers, and how its
buttons move through the deck (``qn_model.views.slides``). No Streamlit: the page keeps the deck's
inputs in its session, calls these and draws; the tests call them directly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from qn_model.core import langs
from qn_model.core.links import KEY_BY_NAME, NUMBER_KEYS
from qn_model.core.scenario import Scenario
from qn_model.core.targets import TargetVerdict
from qn_model.data.cache import derived
from qn_model.data.dataset import Dataset
from qn_model.engine.presets import TargetSet
from qn_model.i18n.formats import fmt_money, fmt_pct, fmt_pp, t
from qn_model.views.narrative import headline, verdict_word
from qn_model.views.slides import KIND_LINK, Slide, build_deck, find_slide, step

NUDGES = (-5.0, -1.0, 1.0, 5.0)  # percentage points per click on a DE growth
MARKS = {"met": "✔", "notmet": "✘", "unknown": "?"}


def deck(
    ds: Dataset,
    opened: Scenario,
    lang: str,
    links: Sequence[str] = (),
    targets: tuple[float, float] | None = None,
    named: str | None = None,
    presets: Sequence[str] | None = None,
) -> tuple[Slide, ...]:
    """:func:`~qn_model.views.slides.build_deck`, kept per dataset (each button's callback and the
    page's run ask for the same deck)."""
    links, presets = tuple(links), None if presets is None else tuple(presets)
    return derived(
        ds,
        "deck",
        lambda: build_deck(ds, opened, lang, links, targets, named, presets),
        opened,
        links,
        targets,
        named,
        lang,
        presets,
    )


def slide_shown(deck: Sequence[Slide], index: int, scn: Scenario) -> int:
    """The slide on screen: ``index`` (brought into the deck), unless the scenario changed under it
    (Back, a pasted address) to another slide's, which is then followed."""
    index = step(index, 0, len(deck))
    if deck[index].scenario != scn:
        found = find_slide(deck, scn)
        return index if found is None else found
    return index


def widget_values(scn: Scenario) -> dict[str, float | int]:
    """The scenario's numbers by link key (``gd2`` …): what a slide writes into the controls."""
    return {spec.key: getattr(scn, spec.field) for spec in NUMBER_KEYS}


def nudged(link_key: str, value: float, delta: float) -> float:
    """A growth rate moved by ``delta`` points, kept inside the link contract's range."""
    spec = KEY_BY_NAME[link_key]
    return round(min(max(float(value) + delta, spec.lo), spec.hi), 1)


def nudge_label(delta: float) -> str:
    return f"{delta:+.0f}".replace("-", "−")


def next_lang(lang: str) -> str:
    """The language the view's switch goes to: the next in ``LANGS``, round."""
    codes = langs.LANGS
    return codes[(codes.index(lang) + 1) % len(codes)] if lang in codes else langs.DEFAULT_LANG


def lang_button(lang: str) -> str:
    """The switch's label: the next language, named in itself."""
    return t("lang_name", next_lang(lang))


def newest_first(verdicts: Sequence[TargetVerdict]) -> list[TargetVerdict]:
    """The verdicts in the order the meeting view shows them: latest target year first."""
    return sorted(verdicts, key=lambda v: v.year, reverse=True)


def title_line(deck: Sequence[Slide], index: int, adjusted: bool, lang: str) -> str:
    """``2/4 · Kế hoạch`` (``· adjusted`` when the presenter moved something since)."""
    counter = t("present_counter", lang, i=index + 1, n=len(deck))
    suffix = f" · {t('present_adjusted', lang)}" if adjusted else ""
    return f"{counter} · {deck[index].title}{suffix}"


def rates_line(scn: Scenario, lang: str) -> str:
    """The assumptions in one line: both periods' growth rates, then the projects if any (the
    meeting view's header, and the pack's slides and report)."""
    line = t(
        "present_rates",
        lang,
        gy1=fmt_pct(scn.gy1, lang),
        gd1=fmt_pct(scn.gd1, lang),
        gy2=fmt_pct(scn.gy2, lang),
        gd2=fmt_pct(scn.gd2, lang),
    )
    if scn.projects:
        items = "; ".join(
            t("project_item", lang, year=p.year, value=fmt_money(p.value_vnd_trn, lang)) for p in scn.projects
        )
        line += " · " + t("cli_projects", lang, items=items)
    return line


def rate_text(scn: Scenario, link_key: str, lang: str) -> str:
    return f"{fmt_pct(getattr(scn, link_key), lang)}/{t('unit_year', lang)}"


@dataclass(frozen=True)
class VerdictCard:
    """One target as the meeting view shows it."""

    year: int
    status: str  # "met", "notmet" or "unknown" (the CSS colours the word by it)
    target: str
    word: str  # the mark and the verdict, in capitals
    label: str
    value: str
    delta: str | None
    sentence: str
    caveat: str


def verdict_cards(verdicts: Sequence[TargetVerdict], scn: Scenario, lang: str) -> list[VerdictCard]:
    cards = []
    for v in newest_first(verdicts):
        status = "unknown" if v.met is None else ("met" if v.met else "notmet")
        h = headline(v, scn, lang)
        cards.append(
            VerdictCard(
                v.year,
                status,
                t("target_in_year", lang, year=v.year, target=fmt_pct(v.target_pct, lang)),
                f"{MARKS[status]} {verdict_word(v, lang).upper()}",
                t("share_in_year", lang, year=v.year),
                fmt_pct(v.value_pct, lang),
                None if v.margin_pp is None else fmt_pp(v.margin_pp, lang),
                h.detail or h.verdict,
                h.caveat or "",
            )
        )
    return cards


def deck_line(slide: Slide, i: int, shown: int, lang: str) -> str:
    """The deck panel's button for one slide: ``▶ 2. Kế hoạch — 2025: … · 2030: …``."""
    words = " · ".join(
        f"{v.year}: {verdict_word(v, lang)} ({fmt_pct(v.value_pct, lang)})" for v in slide.evaluation.verdicts
    )
    marker = "▶ " if i == shown else ""
    return f"{marker}{i + 1}. {slide.title} — {words}"


def target_set_label(set_id: str, sets: Mapping[str, TargetSet], lang: str) -> str:
    """``NQ 09 – 20% / 30%``: short enough for the narrow column, the numbers in view."""
    if set_id not in sets:
        return t(f"target_set_{set_id}", lang)
    source = t(f"source_{set_id}", lang)
    ts = sets[set_id]
    return f"{source[:1].upper()}{source[1:]} – {fmt_pct(ts.t1, lang, 0)} / {fmt_pct(ts.t2, lang, 0)}"


def nudge_help(delta: float, year: int, lang: str) -> str:
    return t("present_nudge_help", lang, delta=fmt_pp(delta, lang, 0), year=year)


# --- the deck's buttons: what a move writes into the controls (``views/session/deck.py`` writes it) ---


def naming_set(targets: tuple[float, float] | None, picked: str | None, opened_set: str | None) -> str | None:
    """The target set that names every slide: the one the presenter picked here (once targets
    were chosen here), else the one the scenario was opened with."""
    return picked if targets is not None else opened_set


@dataclass(frozen=True)
class Move:
    """Going to a slide: the slide's index in the deck and what the controls then hold."""

    index: int
    widgets: dict[str, float | int]  # link key (``gd2`` …) → value
    projects: tuple
    target_set: str | None


def go_to(deck: Sequence[Slide], index: int) -> Move:
    """Going to slide ``index`` (brought into the deck): its scenario's numbers, projects (a
    preset's: none) and target set."""
    index = step(index, 0, len(deck))
    slide = deck[index]
    return Move(index, widget_values(slide.scenario), slide.scenario.projects, slide.spec.target_set)


def on_slide(deck: Sequence[Slide], index: int, scn: Scenario) -> bool:
    """Whether the controls still show slide ``index`` as it is (nothing moved since)."""
    return 0 <= index < len(deck) and deck[index].scenario == scn


def target_widgets(chosen: TargetSet) -> dict[str, float]:
    """The targets' controls for a chosen set, by link key."""
    return {"t1": chosen.t1, "t2": chosen.t2}


def first_link_slide(deck: Sequence[Slide]) -> int:
    """The first slide of a pasted link (the deck shown after links are pasted), else the first."""
    return next((i for i, s in enumerate(deck) if s.spec.kind == KIND_LINK), 0)
