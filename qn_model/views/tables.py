"""Tables as a reader sees them: localised headers and numbers formatted for the language.

Numbers are formatted here (not by the table widget) so a Vietnamese reader gets ``14,3``.
Exports use the raw numbers (``Evaluation``), not these strings.
"""

from __future__ import annotations

import pandas as pd

from qn_model.core.projection import applied_projects
from qn_model.data.codebook import LEVEL_ID, PROVINCE
from qn_model.data.dataset import Dataset
from qn_model.engine.evaluate import Evaluation
from qn_model.i18n.formats import fmt_num, fmt_pct, fmt_prob, fmt_year, t
from qn_model.views.narrative import required_text, verdict_word


def path_table(ev: Evaluation, lang: str) -> pd.DataFrame:
    """Year-by-year path with the 80 % band of the Monte Carlo."""
    lo, hi = ev.fan.quantiles[0.1], ev.fan.quantiles[0.9]
    applied = applied_projects(ev.scenario, ev.projection.base_level)
    rows = []
    for i, rec in enumerate(ev.projection.records()):
        rows.append(
            {
                t("year", lang): fmt_year(rec["year"]),
                t("de_share_short", lang) + " (%)": fmt_pct(rec["share_pct"], lang, 2),
                t("band_80", lang): f"{fmt_pct(lo[i], lang)} – {fmt_pct(hi[i], lang)}",
                t("grdp_level_at", lang, year=ev.scenario.base_year): fmt_num(rec["grdp_vnd_trn"], lang),
                t("de_level_at", lang, year=ev.scenario.base_year): fmt_num(rec["de_vnd_trn"], lang),
            }
        )
        if applied:  # the projects' part of both levels
            total = sum(p.value_vnd_trn for p in applied if p.year <= rec["year"])
            rows[-1][t("projects_level", lang)] = fmt_num(total, lang)
    return pd.DataFrame(rows)


def price_basis_note(ev: Evaluation, ds: Dataset, lang: str) -> str:
    """What the path's money columns are: the base year's GRDP at current prices grown at the
    constant-price rates, so "at <base year> prices"; and, for a projected year whose current-price
    level is observed, that level beside the path's (they differ by the prices, not by an error)."""
    base = ev.scenario.base_year
    parts = [t("price_basis_note", lang, year=base)]
    for rec in ev.projection.records():
        year = int(rec["year"])
        observed = ds.value(LEVEL_ID, PROVINCE, year)
        if year > base and observed is not None and rec["grdp_vnd_trn"] is not None:
            parts.append(
                t(
                    "price_basis_observed",
                    lang,
                    year=year,
                    observed=fmt_num(observed, lang),
                    path=fmt_num(rec["grdp_vnd_trn"], lang),
                    base=base,
                )
            )
    return " ".join(parts)


def verdict_table(ev: Evaluation, lang: str) -> pd.DataFrame:
    rows = []
    for v in ev.verdicts:
        rows.append(
            {
                t("year", lang): fmt_year(v.year),
                t("target", lang): fmt_pct(v.target_pct, lang),
                t("col_value", lang): fmt_pct(v.value_pct, lang),
                t("col_verdict", lang): verdict_word(v, lang),
                t("col_margin", lang): fmt_num(v.margin_pp, lang, signed=True),
                t("col_basis", lang): t(f"basis_{v.basis}", lang),
                t("required_growth", lang): required_text(v, lang),
                t("probability", lang): fmt_prob(v.probability, lang),
                t("gap_col", lang): fmt_num(v.gap_vnd_trn, lang),
            }
        )
    return pd.DataFrame(rows)
