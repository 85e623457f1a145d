"""Plain-language sentences about an evaluation: the headline a planner reads first."""

from __future__ import annotations

from dataclasses import dataclass

from qn_model.core.messages import N_
from qn_model.core.scenario import Scenario, period_of_year
from qn_model.core.targets import BASIS_OBSERVED, BASIS_PROJECTED, TargetVerdict
from qn_model.data.cache import derived
from qn_model.data.codebook import GROWTH_ID, LEVEL_ID, NATION, PROVINCE, SHARE_ID
from qn_model.engine.presets import baseline_spread
from qn_model.i18n.formats import fmt_money, fmt_num, fmt_pct, fmt_prob, t

# 2025 is already past on the calendar this product is used in; a past target year without
# an observed provincial figure is said to be judged on the projection, plainly.
CURRENT_YEAR = 2026


def margin_digits(margin_pp: float | None) -> int:
    """Two decimals when one would print 0,0 for a real gap (19,99 % against 20 %)."""
    return 2 if margin_pp is not None and 0 < abs(margin_pp) < 0.05 else 1


@dataclass(frozen=True)
class Headline:
    verdict: str  # one sentence: met / not met, value, basis, margin
    detail: str | None  # what it would take (required growth, probability), when projected
    caveat: str | None  # e.g. a past year with no observed data


def impossible(v: TargetVerdict) -> bool:
    """A share above 100 % of GRDP cannot happen: such a "met" is no success."""
    return v.value_pct is not None and v.value_pct > 100.0


def verdict_word(v: TargetVerdict, lang: str) -> str:
    if v.met is None:
        return t("verdict_unknown", lang)
    if impossible(v):
        return t("verdict_impossible", lang)
    return t("verdict_met" if v.met else "verdict_not_met", lang)


def short_verdict(v: TargetVerdict, scn: Scenario, lang: str, *, with_gap: bool = True) -> str:
    """One line a room can read: the year, the value against the target, what it would take
    (``with_gap``: in money too, :func:`gap_text`)."""
    value = fmt_pct(v.value_pct, lang)
    target = fmt_pct(v.target_pct, lang, 0 if float(v.target_pct).is_integer() else 1)
    text = t("short_verdict", lang, year=v.year, value=value, target=target)
    if v.met is False and v.required_de_growth_pct is not None and not impossible(v):
        text += " · " + t("short_required", lang, req=required_text(v, lang))
    gap = gap_text(v, lang) if with_gap else None
    if gap:
        text += " · " + gap
    return text


def required_text(v: TargetVerdict, lang: str) -> str:
    """The digital growth a target needs, ``51,7%``; with its range, ``51,7% (47–58%)``, when the
    base share has a spread of its own (``ss``): the growth from one spread above and one below."""
    central = fmt_pct(v.required_de_growth_pct, lang)
    if v.required_range_pct is None:
        return central
    lo, hi = v.required_range_pct
    return t("required_with_range", lang, req=central, lo=fmt_num(lo, lang, 0), hi=fmt_pct(hi, lang, 0))


def required_range_note(v: TargetVerdict, scn: Scenario, lang: str) -> str | None:
    """Why the required growth is a range (None when it is one number)."""
    if v.required_range_pct is None:
        return None
    return t(
        "required_range_why",
        lang,
        share=fmt_pct(scn.base_share_pct, lang),
        ss=fmt_num(scn.ss, lang),
        year=scn.base_year,
    )


def ss_default_reason(ds, lang: str) -> str:  # ds: qn_model.data.dataset.Dataset
    """Why the base share's default spread (``ss``) is what it is, with the data's numbers."""
    spread = baseline_spread(ds)
    if not spread.gaps_pct:
        return t("ss_default_none", lang)
    gaps = "; ".join(
        t(
            "ss_default_gap",
            lang,
            year=year,
            gso=fmt_pct(gso, lang, 2),
            mic=fmt_pct(mic, lang, 2),
            gap=fmt_pct(gap, lang, 0, signed=True),
        )
        for year, gso, mic, gap in spread.gaps_pct
    )
    return t(
        "ss_default_reason",
        lang,
        ss=fmt_num(spread.ss_pp, lang),
        rel=fmt_pct(spread.relative_pct, lang, 0),
        share=fmt_pct(spread.base_share_pct, lang),
        gaps=gaps,
    )


def fan_note(scn: Scenario, ds, lang: str) -> str | None:  # ds: qn_model.data.dataset.Dataset
    """Beside the chart's note: why the bands start wide (a base-share spread, ``ss``), with the
    default's derivation; None when the base share is taken as exact."""
    if scn.ss <= 0:
        return None
    return " ".join((t("fan_note_ss", lang, ss=fmt_num(scn.ss, lang)), ss_default_reason(ds, lang)))


def gap_text(v: TargetVerdict, lang: str) -> str | None:
    """``thiếu 48,2 nghìn tỷ đồng giá trị tăng thêm kinh tế số năm 2030``: the gap in money of a
    target not met, or None (met, judged on data, or no money known)."""
    if v.met is not False or v.gap_vnd_trn is None or v.gap_vnd_trn <= 0 or impossible(v):
        return None
    return t("gap_short", lang, gap=fmt_money(v.gap_vnd_trn, lang), year=v.year)


def headline(v: TargetVerdict, scn: Scenario, lang: str) -> Headline:
    """The sentences for one target verdict."""
    target = fmt_pct(v.target_pct, lang)
    if v.met is None or v.value_pct is None or v.margin_pp is None:
        return Headline(t("headline_unknown", lang, year=v.year, target=target), None, None)
    if impossible(v):
        return Headline(
            t("headline_impossible", lang, year=v.year, value=fmt_pct(v.value_pct, lang)), None, None
        )
    key = N_("headline_met") if v.met else N_("headline_not_met")
    margin = f"{fmt_num(abs(v.margin_pp), lang, margin_digits(v.margin_pp))} {t('unit_pp', lang)}"
    sentence = t(
        key,
        lang,
        year=v.year,
        target=target,
        value=fmt_pct(v.value_pct, lang),
        basis=t(f"basis_{v.basis}", lang),
        margin=margin,
    )
    detail = None
    if v.basis == BASIS_PROJECTED and v.required_de_growth_pct is not None:
        period = period_of_year(v.year)
        _, gd = scn.rates_for_year(v.year)
        detail = t(
            "headline_required",
            lang,
            req=required_text(v, lang),
            period=t(f"period_{period}", lang),
            gd=fmt_pct(gd, lang),
            prob=fmt_prob(v.probability, lang),
        )
        why = required_range_note(v, scn, lang)
        if why:
            detail = f"{detail} {why}"
    if v.met is False and v.gap_vnd_trn is not None and v.gap_vnd_trn > 0:
        money = t("gap_detail", lang, gap=fmt_money(v.gap_vnd_trn, lang), year=v.year, target=target)
        detail = money if detail is None else f"{detail} {money}"
    caveat = None
    if v.basis != BASIS_OBSERVED and v.year < CURRENT_YEAR:
        caveat = t("headline_past_year", lang, year=v.year, base=scn.base_year)
    return Headline(sentence, detail, caveat)


def _years_text(years: list[int], lang: str) -> str:
    """ "2016–2017, 2019–2025" — a gap stays visible in the text too."""
    if not years:
        return t("no_data", lang)
    runs, start, prev = [], years[0], years[0]
    for y in years[1:]:
        if y != prev + 1:
            runs.append((start, prev))
            start = y
        prev = y
    runs.append((start, prev))
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def data_basis(ds, lang: str) -> list[str]:  # ds: qn_model.data.dataset.Dataset
    """What the verdicts stand on and how fresh it is, one line per series; cached per dataset
    and language (the overview shows it on every rerun)."""
    return list(derived(ds, "data_basis", lambda: tuple(_data_basis(ds, lang)), lang))


def _data_basis(ds, lang: str) -> list[str]:
    lines = []
    for indicator_id, geo, key in (
        (SHARE_ID, PROVINCE, N_("basis_line_qn_share")),
        (SHARE_ID, NATION, N_("basis_line_vn_share")),
        (GROWTH_ID, PROVINCE, N_("basis_line_growth")),
        (LEVEL_ID, PROVINCE, N_("basis_line_level")),
    ):
        s = ds.series(indicator_id, geo)
        years = [int(y) for y in s.index]
        latest = ds.row(indicator_id, geo, years[-1]) if years else None
        source = ds.source(latest["source_id"]) if latest else None
        published = (source or {}).get("published") or "?"
        publisher = (source or {}).get("publisher") or (latest or {}).get("source_id") or "?"
        lines.append(
            t(
                key,
                lang,
                years=_years_text(years, lang),
                n=len(years),
                latest=(fmt_num if indicator_id == LEVEL_ID else fmt_pct)(
                    float(s.iloc[-1]) if years else None, lang
                ),
                publisher=publisher,
                published=published,
            )
        )
    lines.append(t("basis_line_version", lang, version=ds.version))
    return lines
