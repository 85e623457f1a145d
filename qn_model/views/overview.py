"""The overview page's view-model (``pages/overview.py``), and the verdict cards the scenario page
shares with it: each target's coloured word, sentence, gap in money and metric, as text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from qn_model.core.scenario import Scenario
from qn_model.core.targets import TargetVerdict
from qn_model.data.dataset import Dataset
from qn_model.engine.evaluate import Evaluation
from qn_model.i18n.formats import fmt_pct, fmt_pp, t
from qn_model.views.figures import headline_figure
from qn_model.views.narrative import (
    Headline,
    gap_text,
    headline,
    impossible,
    margin_digits,
    short_verdict,
    verdict_word,
)


@dataclass(frozen=True)
class Metric:
    label: str
    value: str
    delta: str | None
    help: str


@dataclass(frozen=True)
class VerdictCard:
    colour: str  # a Streamlit badge colour: green met, red not met, gray unknown or impossible
    word: str  # the verdict in capitals
    line: str  # the short sentence beside it
    gap: str  # the gap in money, capitalised ("" when none)
    metric: Metric


def metric(v: TargetVerdict, lang: str) -> Metric:
    return Metric(
        t("share_in_year", lang, year=v.year),
        fmt_pct(v.value_pct, lang),
        None if v.margin_pp is None else fmt_pp(v.margin_pp, lang, margin_digits(v.margin_pp)),
        t("target_in_year", lang, year=v.year, target=fmt_pct(v.target_pct, lang)),
    )


def verdict_card(v: TargetVerdict, scn: Scenario, lang: str) -> VerdictCard:
    colour = "gray" if v.met is None or impossible(v) else ("green" if v.met else "red")
    gap = gap_text(v, lang)
    return VerdictCard(
        colour,
        verdict_word(v, lang).upper(),
        short_verdict(v, scn, lang, with_gap=False),
        gap[:1].upper() + gap[1:] if gap else "",
        metric(v, lang),
    )


def details(ev: Evaluation, lang: str) -> list[Headline]:
    """The sentences behind each verdict (value and basis, what it would take, caveats)."""
    return [headline(v, ev.scenario, lang) for v in ev.verdicts]


def figure(ev: Evaluation, ds: Dataset, lang: str) -> go.Figure:
    """The overview's chart: the path against the targets, with its fan."""
    return headline_figure(ev, ds, lang)


def verdict_list_items(verdicts: Sequence[TargetVerdict], scn: Scenario, lang: str) -> list[str]:
    """Each verdict as one sentence for a screen reader's list: word, line and gap."""
    items = []
    for v in verdicts:
        card = verdict_card(v, scn, lang)
        items.append(". ".join(p.rstrip(".") for p in (card.word, card.line, card.gap) if p) + ".")
    return items
