"""The history page's data shaping: gaps stay gaps, kinds are marked, every value has a
source, and the digital-society status never invents a value."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from qn_model.data.dataset import Dataset
from qn_model.i18n.formats import t
from qn_model.views import history as hist
from qn_model.views import palette as pal

LANGS = ("vi", "en")
ARTICLE_SOCIETY = (
    "online_shoppers_pct",
    "cashless_pct",
    "firms_online_orders_pct",
    "einvoice_web_purchases_pct",
)


def _user(ds: Dataset, *rows: tuple[str, str, int, float]) -> Dataset:
    frame = pd.DataFrame(rows, columns=["indicator_id", "geo", "year", "value"])
    return ds.with_rows(frame)


def _trace(fig, name: str):
    hits = [tr for tr in fig.data if tr.name == name]
    assert len(hits) == 1, [tr.name for tr in fig.data]
    return hits[0]


# ---- gaps -----------------------------------------------------------------------------------
def test_with_gaps_puts_none_at_missing_years():
    years, values = hist.with_gaps(pd.Series({2016: 10.1, 2017: 10.2, 2019: 12.0, 2021: 9.0}))
    assert years == [2016, 2017, 2018, 2019, 2020, 2021]
    assert values == [10.1, 10.2, None, 12.0, None, 9.0]


def test_with_gaps_of_empty_and_single_series():
    assert hist.with_gaps(pd.Series(dtype="float64")) == ([], [])
    assert hist.with_gaps(pd.Series({2024: 7.1})) == ([2024], [7.1])


def test_missing_years_and_gap_note(ds):
    growth = ds.series("grdp_growth", "QN")
    assert hist.missing_years(growth.index) == [2018]
    assert hist.gap_note(growth, "vi") == "2018: không có số liệu"
    assert hist.gap_note(growth, "en") == "2018: no data"
    assert hist.gap_note(pd.Series({2020: 1.0, 2021: 2.0}), "vi") is None
    assert hist.years_text([2018, 2019, 2021]) == "2018–2019, 2021"


@pytest.mark.parametrize("lang", LANGS)
def test_growth_chart_breaks_at_2018_and_says_so(ds, lang):
    fig = hist.growth_figure(ds, lang)
    line = _trace(fig, hist.geo_label("QN", lang))
    years = list(line.x)
    assert years == list(range(2016, 2026))
    assert line.y[years.index(2018)] is None
    assert line.connectgaps is False
    notes = [a.text for a in fig.layout.annotations]
    assert any(n.startswith("2018:") and t("hist_gap_note", lang, years="").strip(": ") in n for n in notes)


def test_level_chart_breaks_at_2021(ds):
    fig = hist.indicator_figure(ds, "grdp_vnd_trn", "QN", "vi")
    line = _trace(fig, "Quảng Ninh")
    assert line.y[list(line.x).index(2021)] is None


# ---- kinds ----------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_kinds_are_translated_and_distinct(lang):
    labels = [hist.kind_label(k, lang) for k in hist.KINDS]
    assert all(labels) and len(set(labels)) == 4
    assert hist.kind_label("press", "en") == "Press-reported"
    assert hist.kind_label("official", "vi") == "Chính thức"
    assert hist.kind_label("estimate", "en").startswith("Estimate")


def test_share_chart_marks_official_filled_estimate_hollow(ds):
    fig = hist.share_history_figure(ds, "en")
    national = _trace(fig, t("hist_series_vn_share", "en"))
    fills = dict(zip(national.x, national.marker.color, strict=True))
    assert fills[2020] == pal.NATIONAL  # official: filled
    assert fills[2024] == "white" and fills[2025] == "white"  # estimates: hollow
    qn = _trace(fig, t("hist_series_qn_share", "en"))
    assert list(qn.x) == [2024] and list(qn.y) == [7.1]
    assert qn.marker.size >= 20  # the one provincial value is the big marker
    legend = {tr.name for tr in fig.data}
    assert t("hist_legend_official", "en") in legend and t("hist_legend_estimate", "en") in legend
    assert t("hist_legend_user", "en") not in legend  # no user data, no user legend entry
    assert any("7.1%" in a.text for a in fig.layout.annotations)


def test_share_chart_national_parts_break_at_gaps(ds):
    fig = hist.share_history_figure(ds, "vi")
    digitalised = _trace(fig, t("hist_series_vn_digitalised", "vi"))
    assert list(digitalised.x) == [2020, 2021, 2022, 2023, 2024, 2025]
    assert list(digitalised.y[1:4]) == [None, None, None]


def test_user_rows_are_drawn_in_the_user_colour(ds):
    mine = _user(ds, ("de_share", "QN", 2023, 6.5))
    fig = hist.share_history_figure(mine, "vi")
    qn = _trace(fig, t("hist_series_qn_share", "vi"))
    colours = dict(zip(qn.x, qn.marker.color, strict=True))
    assert colours[2023] == pal.USER
    symbols = dict(zip(qn.x, qn.marker.symbol, strict=True))
    # 7.1 % (2024) is press-reported: a hollow diamond in the observed colour, not the user's square
    assert (colours[2024], symbols[2024], qn.marker.line.color[1]) == ("white", "diamond", pal.OBSERVED)
    assert t("hist_legend_user", "vi") in {tr.name for tr in fig.data}
    assert "2 " in hist.share_note(mine, "vi") or "2" in hist.share_note(mine, "vi")


def test_share_note_says_one_value(ds):
    assert "MỘT" in hist.share_note(ds, "vi") and "7,1%" in hist.share_note(ds, "vi")
    assert "ONE" in hist.share_note(ds, "en") and "7.1%" in hist.share_note(ds, "en")


# ---- formats --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "unit", "lang", "expected"),
    [
        (12.66, "% GDP", "vi", "12,66%"),
        (7.1, "%", "en", "7.1%"),
        (2_500_000.0, "tài khoản", "vi", "2.500.000"),
        (0.3897, "điểm (0-1)", "en", "0.3897"),
        (368.445, "nghìn tỷ đồng (VND trillion)", "vi", "368,445"),
        (100.0, "% hộ", "en", "100%"),
    ],
)
def test_values_keep_the_sources_precision(value, unit, lang, expected):
    assert hist.fmt_value(value, unit, lang) == expected


def test_every_shipped_unit_has_an_english_name(ds):
    for indicator_id in ds.codebook["indicator_id"]:
        assert ds.unit(indicator_id, "vi") and ds.unit(indicator_id, "en"), indicator_id


# ---- the table of every value ------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_every_table_row_has_a_url_or_says_why_not(ds, lang):
    mine = _user(ds, ("grdp_growth", "QN", 2018, 9.9))
    table = hist.values_table(mine, lang)
    assert len(table) == len(mine.indicators)
    link, source, kind = (t(c, lang) for c in ("hist_col_link", "hist_col_source", "hist_col_kind"))
    no_link = t("hist_no_link", lang)
    for row in table.to_dict("records"):
        if row[link]:
            assert row[link].startswith(("http://", "https://")), row
        elif row[kind] == hist.kind_label("user", lang):
            assert row[source] == t("hist_user_source", lang)
        else:  # a source without a web address (the mission article): the text says so
            assert row[source].endswith(no_link), row
    user_rows = table[table[kind] == hist.kind_label("user", lang)]
    assert len(user_rows) == 1


def test_sources_without_url_are_only_those_in_sources_csv(ds):
    table = hist.values_table(ds, "en")
    no_url = set(table.loc[table["Link"] == "", "Source (title – publisher)"])
    blank_sources = ds.sources[ds.sources["url"].str.strip() == ""]
    expected = {f"{r.title} – {r.publisher} (no web address)" for r in blank_sources.itertuples()}
    assert no_url <= expected


def test_table_filter_and_names(ds):
    table = hist.values_table(ds, "vi", ["grdp_growth"])
    assert set(table[t("hist_col_indicator", "vi")]) == {ds.name("grdp_growth", "vi")}
    assert list(table[t("hist_col_year", "vi")]) == [
        "2016",
        "2017",
        "2019",
        "2020",
        "2021",
        "2022",
        "2023",
        "2024",
        "2025",
    ]
    assert len(hist.values_table(ds, "vi", [])) == len(ds.indicators)  # empty filter: everything
    assert hist.indicator_options(ds, "en")[0] < hist.indicator_options(ds, "en")[-1]


def test_headers_are_in_the_language(ds):
    vi = hist.values_table(ds, "vi").columns
    en = hist.values_table(ds, "en").columns
    assert list(vi) != list(en)
    assert hist.link_column("vi") in vi and hist.link_column("en") in en


# ---- digital society ---------------------------------------------------------------------------
def test_article_society_targets_have_no_invented_values(ds):
    statuses = {s.indicator_id: s for s in hist.society_statuses(ds) if s.target_set == "article"}
    assert set(statuses) == set(ARTICLE_SOCIETY)
    targets = {k: s.target for k, s in statuses.items()}
    assert targets == {
        "online_shoppers_pct": 55.0,
        "cashless_pct": 50.0,
        "firms_online_orders_pct": 80.0,
        "einvoice_web_purchases_pct": 90.0,
    }
    for s in statuses.values():
        assert s.value is None and s.latest is None and s.met is None


@pytest.mark.parametrize("lang", LANGS)
def test_society_blocks_say_no_data_plainly(ds, lang):
    blocks = [b for b in hist.society_blocks(ds, lang) if b.target_label]
    assert len(blocks) == len(hist.society_statuses(ds))
    for b in blocks:
        assert b.value_text == t("hist_no_data", lang)
        assert b.status == t("hist_status_no_data", lang)
        assert not any(ch.isdigit() for ch in b.value_text)
        assert b.met is None and not b.has_data


def test_related_snapshots_exist_with_sources(ds):
    blocks = {b.title: b for b in hist.society_blocks(ds, "en")}
    cashless = blocks[ds.name("cashless_pct", "en")].related
    traders = cashless[cashless["Indicator"] == ds.name("market_traders_cashless_pct", "en")]
    assert list(traders["Value"]) == ["83%"] and traders["Link"].iloc[0].startswith("https://")
    orders = blocks[ds.name("firms_online_orders_pct", "en")].related
    assert "60%" in set(orders["Value"])
    general = blocks[t("hist_group_public_services", "en")].related
    assert "98.5%" in set(general["Value"])
    for b in blocks.values():
        for row in b.related.to_dict("records"):
            assert row["Link"].startswith("https://") or row["Source (title – publisher)"].endswith(
                "(no web address)"
            )


def test_society_is_judged_only_on_target_year_data(ds):
    met = _user(ds, ("cashless_pct", "QN", 2025, 60.0))
    status = next(s for s in hist.society_statuses(met) if s.indicator_id == "cashless_pct")
    assert status.value == 60.0 and status.met is True
    block = next(b for b in hist.society_blocks(met, "vi") if b.title == met.name("cashless_pct", "vi"))
    assert block.value_text.startswith("60%") and block.status == t("verdict_met", "vi")
    assert block.related.empty  # the target's own measure exists: no stand-ins listed

    earlier = _user(ds, ("cashless_pct", "QN", 2024, 40.0))
    status = next(s for s in hist.society_statuses(earlier) if s.indicator_id == "cashless_pct")
    assert status.value is None and status.met is None and status.latest.value == 40.0
    block = next(
        b for b in hist.society_blocks(earlier, "en") if b.title == earlier.name("cashless_pct", "en")
    )
    assert block.status == t("hist_status_no_target_year", "en", year=2025)


# ---- other figures -------------------------------------------------------------------------------
def test_structure_bars_are_the_2024_split(ds):
    assert hist.structure_year(ds) == 2024
    fig = hist.structure_figure(ds, "vi")
    assert math.isclose(sum(fig.data[0].x), 100.0)
    assert list(fig.data[0].text) == ["4,5%", "50,8%", "33,4%", "11,3%"]
    assert t("hist_kind_estimate", "vi") in fig.layout.title.text


def test_series_options_and_single_points(ds):
    options = hist.series_options(ds)
    assert ("grdp_growth", "QN") in options and ("de_share", "VN") in options
    assert "9" in hist.series_option_label(ds, ("grdp_growth", "QN"), "en")
    assert hist.single_point_note(ds, "de_share", "QN", "en") == t("hist_single_point", "en", year=2024)
    assert hist.single_point_note(ds, "grdp_growth", "QN", "en") is None


@pytest.mark.parametrize("lang", LANGS)
def test_every_series_can_be_drawn(ds, lang):
    for indicator_id, geo in hist.series_options(ds):
        fig = hist.indicator_figure(ds, indicator_id, geo, lang)
        assert fig.layout.separators == (",." if lang == "vi" else ".,")


def test_wrap_breaks_long_labels():
    assert hist.wrap("Tỷ trọng thuế sản phẩm trừ trợ cấp sản phẩm").count("<br>") >= 1
    assert hist.wrap("ngắn") == "ngắn"
