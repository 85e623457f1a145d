"""Labels as the sources allow: dates (approximate stays approximate, never-recorded says so),
press-reported values drawn and named as such, and money columns that say their price basis."""

from __future__ import annotations

import pytest

from qn_model.engine.evaluate import evaluate_link
from qn_model.i18n.formats import fmt_num, t
from qn_model.outputs.exports import export_tables
from qn_model.views import history as hist
from qn_model.views.provenance import source_date_text
from qn_model.views.tables import path_table, price_basis_note


@pytest.mark.parametrize(
    ("text", "lang", "shown"),
    [
        ("2024-11 (approx.)", "en", "c. 2024-11"),
        ("2024-11 (approx.)", "vi", "khoảng 2024-11"),
        ("2025-09-27", "en", "2025-09-27"),
        ("", "en", "not recorded"),
        ("", "vi", "không ghi lại"),
    ],
)
def test_source_dates(text: str, lang: str, shown: str) -> None:
    assert source_date_text(text, lang) == shown


def test_the_provincial_share_is_drawn_and_named_press_reported(ds) -> None:
    fig = hist.share_history_figure(ds, "en")
    assert t("hist_legend_press", "en") in {tr.name for tr in fig.data}
    table = hist.values_table(ds, "en", ["de_share"])
    qn = table[table[t("hist_col_geo", "en")] == "Quảng Ninh"]
    assert list(qn[t("hist_col_kind", "en")]) == ["Press-reported"]


def test_relabels_change_no_verdict(ds) -> None:
    """The status relabels change labels only: the default scenario's numbers are those of 7.1 % in 2024."""
    ev = evaluate_link("", ds)
    assert ev.scenario.base_year == 2024 and ev.scenario.base_share_pct == 7.1
    assert ds.value("grdp_growth", "QN", 2023) == 11.03


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_money_columns_say_their_price_basis(ds, lang: str) -> None:
    ev = evaluate_link(f"lang={lang}", ds)
    base = ev.scenario.base_year
    headers = list(path_table(ev, lang).columns)
    assert t("grdp_level_at", lang, year=base) in headers and t("de_level_at", lang, year=base) in headers
    path = next(tb for tb in export_tables(ev, ds, lang, "http://x", None) if tb.key == "path")
    assert t("grdp_level_at", lang, year=base) in [c.header for c in path.columns]
    note = price_basis_note(ev, ds, lang)
    # 2025: the observed current-price estimate is named beside the path's value at 2024 prices
    path_2025 = next(r["grdp_vnd_trn"] for r in ev.projection.records() if r["year"] == 2025)
    assert fmt_num(ds.value("grdp_vnd_trn", "QN", 2025), lang) in note
    assert fmt_num(path_2025, lang) in note
    assert str(base) in note
