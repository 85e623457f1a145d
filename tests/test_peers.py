"""Peers: loading and validating data/peers.csv, groups that never mix methods, readings built from
data, the bar figure and the table."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from qn_model.core.messages import LANGS
from qn_model.data import peers
from qn_model.data.dataset import DATA_DIR
from qn_model.i18n.formats import fmt_pct, t
from qn_model.views import palette as pal
from qn_model.views import peer_text
from qn_model.views.peer_figures import bar_colour, figure_height, peer_bars_figure


def _frame() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "peers.csv", dtype=str, keep_default_na=False)


def _sources() -> set[str]:
    return set(pd.read_csv(DATA_DIR / "sources.csv", dtype=str)["source_id"])


# ---- loading and validation ------------------------------------------------------------------
def test_shipped_file_is_valid_and_loads() -> None:
    assert peers.peer_problems(_frame(), _sources()) == []
    values = peers.load_peers()
    assert len(values) == len(_frame())
    assert all(v.source_url.startswith("https://") for v in values)
    period = [v for v in values if v.method == "gso_reported_2021_2025"]
    assert period and all(v.year == "2021-2025" for v in period)
    assert all(isinstance(v.year, int) for v in values if v.method != "gso_reported_2021_2025")


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("method", "guess", "method 'guess'"),
        ("kind", "share", "kind 'share'"),
        ("year", "2025-2021", "must run forward"),
        ("year", "25", "neither a year"),
        ("value", "abc", "not a number"),
        ("value", "140", "not a percentage"),
        ("source_id", "nowhere", "not in sources.csv"),
        ("note", " ", "empty note"),
    ],
)
def test_broken_rows_are_named(column: str, value: str, message: str) -> None:
    frame = _frame()
    frame.loc[3, column] = value
    problems = peers.peer_problems(frame, _sources())
    assert any("row 5" in p and message in p for p in problems), problems


def test_duplicates_and_columns_are_caught() -> None:
    frame = _frame()
    assert any("duplicate" in p for p in peers.peer_problems(pd.concat([frame, frame.iloc[[0]]]), _sources()))
    assert "columns must be exactly" in peers.peer_problems(frame.drop(columns=["method"]), _sources())[0]


def test_broken_shipped_peers_raise(tmp_path: Path) -> None:
    for name in ("peers.csv", "sources.csv"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    text = (tmp_path / "peers.csv").read_text(encoding="utf-8").replace("mic_annual_report_2022", "mic", 1)
    (tmp_path / "peers.csv").write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="method 'mic'"):
        peers.load_peers(tmp_path)


# ---- values and groups -------------------------------------------------------------------------
def test_quang_ninh_values_come_from_the_main_data(ds) -> None:
    values = peers.peer_values(ds)
    qn_share = [v for v in values if v.geo == "QN" and v.kind == "de_share"]
    assert [(v.year, v.value_pct, v.method) for v in qn_share] == [(2024, 7.1, "not_stated")]
    targets = {(v.year, v.value_pct, v.label) for v in values if v.geo == "QN" and v.kind == "target"}
    assert targets == {(2025, 20.0, "resolution09"), (2030, 30.0, "resolution09"), (2030, 35.0, "article")}
    user = ds.with_rows(
        pd.DataFrame({"indicator_id": ["de_share"], "geo": ["QN"], "year": [2025], "value": [9.0]})
    )
    assert [v.value_pct for v in peers.peer_values(user) if v.geo == "QN" and v.kind == "de_share"] == [9.0]


def test_groups_never_mix_methods_or_years(ds) -> None:
    groups = peers.share_groups(ds)
    keys = [(g.method, g.year) for g in groups]
    assert len(keys) == len(set(keys))
    for g in groups:
        methods = {v.method for v in g.values if v.label != peers.BESIDE_QN}
        assert len(methods) == 1 and {v.year for v in g.values} == {g.year}
        assert [v.value_pct for v in g.values] == sorted((v.value_pct for v in g.values), reverse=True)
    first = groups[0]  # Quảng Ninh's own, with the national GSO share of its year, marked as such
    assert first.method == "not_stated" and {v.geo for v in first.values} == {"QN", "VN"}
    assert t("peers_method_not_stated", "en", year=2024).endswith("nation by GSO")


def test_a_peer_group_gets_the_national_share_of_its_own_method_and_year(ds) -> None:
    by_key = {(g.method, g.year): g for g in peers.share_groups(ds)}
    hcm_2022 = by_key[("gso", 2022)]
    assert {(v.geo, v.value_pct) for v in hcm_2022.values} == {
        ("HCM", 13.51),
        ("VN", ds.value("de_share", "VN", 2022)),
    }
    mic = by_key[("mic_annual_report_2022", 2022)]
    assert [v.value_pct for v in mic.values if v.geo == "VN"] == [14.26]  # the report's own, not GSO's
    assert [v.geo for v in by_key[("mic_assessment", 2023)].values] == ["HCM"]  # no national of that method


def test_target_and_growth_groups(ds) -> None:
    targets = peers.target_groups(ds)
    assert [g.year for g in targets] == [2030, 2025]
    assert [(v.geo, v.value_pct) for v in targets[0].values] == [
        ("BN", 45.0),
        ("HCM", 40.0),
        ("QN", 35.0),
        ("QN", 30.0),
    ]
    growth = peers.growth_groups(ds)
    assert len(growth) == 1 and growth[0].values[0].geo == "QN"
    assert growth[0].values[0].value_pct == ds.value("grdp_growth", "QN", 2025)


def test_json_shape(ds) -> None:
    v = peers.peer_values(ds)[0]
    assert v.to_json("en") == {
        "geo": "QN",
        "name": "Quảng Ninh",
        "year": 2024,
        "value_pct": 7.1,
        "kind": "de_share",
        "method": "not_stated",
        "source_url": ds.source("baomoi_2025_qn_dx")["url"],
        # issue 24: the year basis and the data's note (the main data's notes are English only)
        "basis": "year",
        "note": ds.row("de_share", "QN", 2024)["note"],
        "note_lang": "en",
    }


# ---- readings --------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_readings_quote_the_data(ds, lang: str) -> None:
    lines = peer_text.readings(ds, lang)
    text = " ".join(lines)
    assert len(lines) == 6
    assert fmt_pct(7.1, lang) in lines[0]
    assert (
        fmt_pct(56.83, lang, 2) in text
        and fmt_pct(14.26, lang, 2) in text
        and fmt_pct(12.83, lang, 2) in text
    )
    assert fmt_pct(11.89, lang, 2) in text and fmt_pct(11.81, lang, 2) in text
    # no claim any source lacks: nothing about what a province's share is made of
    assert "electronics" not in text and "điện tử" not in text


def test_readings_follow_the_values(ds) -> None:
    """Change a value and the sentence changes; drop the values a sentence needs and it goes."""
    values = [v for v in peers.load_peers() if not (v.geo == "BN" and v.method == "mic_annual_report_2022")]
    text = " ".join(peer_text.readings(ds, "en", values))
    assert "Thái Nguyên leads the ministry's report for 2022 (42.92%)" in text
    no_growth = [v for v in peers.load_peers() if v.kind != "grdp_growth"]
    assert not any("grew fastest" in line for line in peer_text.readings(ds, "en", no_growth))


# ---- figure ------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_figure_one_panel_per_group_quang_ninh_highlighted(ds, lang: str) -> None:
    groups = peers.share_groups(ds)
    fig = peer_bars_figure(groups, lang, "title", "axis")
    go.Figure(fig.to_dict())  # valid plotly
    bars = [tr for tr in fig.data if tr.type == "bar"]
    assert len(bars) == len(groups)
    assert all(tr.orientation == "h" for tr in bars)
    for bar, group in zip(bars, groups, strict=True):
        assert list(bar.x) == [v.value_pct for v in group.values]
        assert list(bar.marker.color) == [bar_colour(v.geo) for v in group.values]
    assert bar_colour("QN") == pal.OBSERVED and bar_colour("VN") == pal.NATIONAL
    titles = [a.text for a in fig.layout.annotations]
    assert len(titles) == len(groups)
    assert fig.layout.height == figure_height(groups)
    # every panel on one scale, its own vertical band, top to bottom without overlap
    layout = fig.to_dict()["layout"]
    domains = [layout["yaxis" + ("" if i == 1 else str(i))]["domain"] for i in range(1, len(groups) + 1)]
    assert all(hi > lo for lo, hi in domains)
    assert all(domains[i][0] >= domains[i + 1][1] for i in range(len(domains) - 1))
    assert all(layout["xaxis" + str(i)]["matches"] == "x" for i in range(2, len(groups) + 1))


def test_panel_titles_wrap_for_a_phone(ds) -> None:
    fig = peer_bars_figure(peers.share_groups(ds), "vi", "t", "a")
    for a in fig.layout.annotations:
        plain = a.text.replace("<b>", "").replace("</b>", "")
        assert all(len(line) <= 40 for line in plain.split("<br>")), plain


def test_empty_figure(ds) -> None:
    fig = peer_bars_figure([], "en", "t", "a")
    assert len(fig.data) == 0


# ---- table -----------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_values_table_lists_every_value_with_its_link(ds, lang: str) -> None:
    table = peer_text.values_table(ds, lang)
    assert len(table) == len(peers.peer_values(ds))
    link = t("hist_col_link", lang)
    assert table[link].str.startswith("http").all()
    assert t("peers_method_name_not_stated", lang) in set(table[t("peers_col_method", lang)])
    assert "2021–2025" in set(table[t("peers_col_year", lang)])


def test_a_tall_chart_downloads_at_its_own_height(ds) -> None:
    """The toolbar's PNG keeps the peers chart's rows apart: 1920 wide, as tall as the chart."""
    from qn_model.views.chart_kit import PNG_SIZE, chart_config

    fig = peer_bars_figure(peers.share_groups(ds), "en", "Digital-economy share", "% of GRDP")
    assert fig.layout.height > PNG_SIZE[1]
    options = chart_config("x", fig.layout.height)["toImageButtonOptions"]
    assert (options["width"], options["height"]) == (PNG_SIZE[0], fig.layout.height)
    assert chart_config("x", 500)["toImageButtonOptions"]["height"] == PNG_SIZE[1]
    assert chart_config("x")["toImageButtonOptions"]["height"] == PNG_SIZE[1]
