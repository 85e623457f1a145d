"""Domain facts come from data/codebook.csv and data/geos.csv: an indicator is a data change."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qn_model.data import codebook as cb
from qn_model.data.dataset import load_dataset
from qn_model.data.validate import VALID_GEOS, is_share_indicator, validate_bytes
from qn_model.i18n import render
from qn_model.views import history as hist
from tests.data_copies import NEW_INDICATOR, data_with_new_indicator

HEADER = "indicator_id,geo,year,value\n"


def test_roles_and_areas_are_in_the_shipped_data() -> None:
    ds = load_dataset()
    for role in cb.ROLE_IDS:
        assert role in ds.meta
    assert VALID_GEOS == (cb.PROVINCE, cb.NATION)
    assert set(ds.indicators["geo"]) == set(VALID_GEOS)
    assert hist.geo_label(cb.NATION, "en") == "Vietnam" and hist.geo_label(cb.NATION, "vi") == "Cả nước"
    assert hist.geo_label("HP", "en") == "HP"  # an area the main data does not name keeps its code


def test_share_flags_are_the_codebooks() -> None:
    book = load_dataset().meta
    assert book.share_ids == {i for i in book.ids if is_share_indicator(i)}
    assert {"de_share", "de_core_share", "share_agri", "online_shoppers_pct"} <= book.share_ids
    assert not {"grdp_growth", "grdp_vnd_trn", "dti_rank"} & book.share_ids


def test_units_in_both_languages() -> None:
    ds = load_dataset()
    assert ds.unit(cb.LEVEL_ID, "en") == "VND trillion"
    assert ds.unit(cb.LEVEL_ID, "vi") == ds.unit(cb.LEVEL_ID) == "nghìn tỷ đồng"
    assert ds.unit("coverage_4g_households_pct", "en") == "% of households"
    assert ds.unit("no_such_id", "en") == ""


def test_a_broken_share_flag_stops_the_load(tmp_path: Path) -> None:
    data = data_with_new_indicator(tmp_path)
    path = data / "codebook.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",true\n", ",maybe\n", 1), encoding="utf-8")
    with pytest.raises(ValueError, match="is_share"):
        load_dataset(data)


def test_a_new_indicator_is_a_data_change(tmp_path: Path) -> None:
    """A codebook row and its values: it loads, validates and shows on the history page."""
    ds = load_dataset(data_with_new_indicator(tmp_path))
    assert ds.version != load_dataset().version
    assert ds.name(NEW_INDICATOR, "en") == "Public services fully digitised"
    assert ds.unit(NEW_INDICATOR, "en") == "% of procedures"
    assert ds.series(NEW_INDICATOR, cb.PROVINCE).tolist() == [41.5, 63.0]

    # Validation: known, and a share (0-100), because its codebook row says so.
    known, shares = set(ds.meta.ids), ds.meta.share_ids
    assert validate_bytes(f"{HEADER}{NEW_INDICATOR},QN,2025,70\n".encode(), "a.csv", known, shares).ok
    report = validate_bytes(f"{HEADER}{NEW_INDICATOR},QN,2025,170\n".encode(), "a.csv", known, shares)
    assert report.codes == ["share_out_of_range"]

    # The history view-model: a series to pick, a chart with its unit, rows with their source.
    option = (NEW_INDICATOR, cb.PROVINCE)
    assert option in hist.series_options(ds)
    assert "Public services fully digitised" in hist.series_option_label(ds, option, "en")
    fig = hist.indicator_figure(ds, NEW_INDICATOR, cb.PROVINCE, "en")
    assert fig.layout.yaxis.title.text == "% of procedures"
    assert fig.layout.yaxis.ticksuffix == "%"
    assert NEW_INDICATOR in hist.indicator_options(ds, "en")
    table = hist.values_table(ds, "vi", [NEW_INDICATOR])
    assert table[hist.t("hist_col_unit", "vi")].tolist() == ["% thủ tục", "% thủ tục"]
    assert table[hist.t("hist_col_value", "vi")].tolist() == ["41,5%", "63%"]
    assert all(table[hist.t("hist_col_link", "vi")].str.startswith("https://"))


def test_a_new_share_above_100_in_the_files_stops_the_load(tmp_path: Path) -> None:
    with pytest.raises(ValueError) as raised:
        load_dataset(data_with_new_indicator(tmp_path, values=("41.5", "163")))
    # The validator's problem is a message, rendered (in English) where the error is shown.
    assert re.search(
        re.escape("share 163 for indicator 'egov_procedures_online' must be between 0 and 100"),
        render(raised.value.message, "en"),
    )
