"""The data loader: qn_model.data.dataset.Dataset and load_dataset."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from qn_model.data.dataset import DATA_DIR, Dataset, clear_cache, load_dataset
from qn_model.data.validate import validate_bytes
from qn_model.i18n import render


@pytest.fixture
def ds() -> Dataset:
    return load_dataset()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# ---- loading and caching -----------------------------------------------------------------
def test_load_returns_dataset_with_typed_frames(ds: Dataset) -> None:
    assert isinstance(ds, Dataset)
    ind = ds.indicators
    assert list(ind.columns) == ["indicator_id", "geo", "year", "value", "kind", "source_id", "note"]
    assert ind["year"].dtype == "int64"
    assert ind["value"].dtype == "float64"
    assert list(ds.targets.columns) == [
        "indicator_id",
        "geo",
        "year",
        "value",
        "target_set",
        "source_id",
        "note",
    ]
    assert ds.targets["year"].dtype == "int64"
    assert "url" in ds.sources.columns
    assert "name_vi" in ds.codebook.columns
    assert re.fullmatch(r"[0-9a-f]{12}", ds.version)


def test_caching_returns_the_same_object() -> None:
    a = load_dataset()
    assert load_dataset() is a
    assert load_dataset(DATA_DIR) is a
    assert load_dataset(str(DATA_DIR)) is a
    assert load_dataset(DATA_DIR / ".." / "data") is a


def test_clear_cache_reloads_equal_data() -> None:
    a = load_dataset()
    clear_cache()
    b = load_dataset()
    assert b is not a
    assert b.version == a.version


def test_version_is_stable_and_tracks_content(data_copy: Path) -> None:
    shipped = load_dataset()
    copy = load_dataset(data_copy)
    assert copy is not shipped
    assert copy.version == shipped.version
    _edit(data_copy / "indicators.csv", "de_share,QN,2024,7.1,", "de_share,QN,2024,7.2,")
    clear_cache()  # the copy was cached before the edit
    assert load_dataset(data_copy).version != shipped.version


def test_version_ignores_sources_and_codebook(data_copy: Path) -> None:
    shipped = load_dataset()
    _edit(data_copy / "codebook.csv", "GRDP growth rate", "GRDP growth")
    assert load_dataset(data_copy).version == shipped.version


@pytest.mark.parametrize(
    ("file", "old", "new", "fragment"),
    [
        ("indicators.csv", "de_share,QN,2024,7.1,press", "de_share,QN,2024,7.1,guess", "kind"),
        ("indicators.csv", "de_share,QN,2024,7.1,", "de_share,QN,2024,abc,", "not a number"),
        (
            "indicators.csv",
            "de_share,QN,2024,7.1,press,baomoi_2025_qn_dx",
            "de_share,QN,2024,7.1,press,nope",
            "source_id",
        ),
        ("indicators.csv", "grdp_growth,QN,2016,", "grdp_growth,QN,2017,", "repeats row"),
        ("targets.csv", "de_share,QN,2030,35,article", "de_share,QN,2030,135,article", "between 0 and 100"),
        ("codebook.csv", "indicator_id,name_vi", "indicator,name_vi", "columns"),
    ],
)
def test_broken_shipped_data_raises_value_error(
    data_copy: Path, file: str, old: str, new: str, fragment: str
) -> None:
    _edit(data_copy / file, old, new)
    with pytest.raises(ValueError) as raised:
        load_dataset(data_copy)
    # A developer's error, read in English where it is shown (the CLI renders it so).
    assert re.search(fragment, render(raised.value.message, "en")), render(raised.value.message, "en")


def test_missing_shipped_file_raises(data_copy: Path) -> None:
    (data_copy / "targets.csv").unlink()
    with pytest.raises(ValueError, match=r"targets\.csv"):
        load_dataset(data_copy)


# ---- look-ups ----------------------------------------------------------------------------
def test_series(ds: Dataset) -> None:
    s = ds.series("grdp_growth")
    assert s.name == "grdp_growth"
    assert s.dtype == "float64"
    assert s.index.dtype == "int64"
    assert list(s.index) == [2016, 2017, 2019, 2020, 2021, 2022, 2023, 2024, 2025]
    assert s.index.is_monotonic_increasing
    assert 2018 not in s.index
    assert s[2023] == 11.03
    vn = ds.series("de_share", "VN")
    assert vn.to_dict() == {2020: 12.66, 2021: 12.87, 2022: 12.83, 2023: 12.87, 2024: 13.17, 2025: 14.02}
    assert ds.series("de_share").to_dict() == {2024: 7.1}


def test_series_empty_for_unknown(ds: Dataset) -> None:
    s = ds.series("no_such_indicator")
    assert s.empty
    assert s.dtype == "float64"
    assert s.name == "no_such_indicator"
    assert ds.series("grdp_growth", "VN").empty


def test_value_and_row(ds: Dataset) -> None:
    assert ds.value("de_share", "QN", 2024) == 7.1
    assert isinstance(ds.value("de_share", "QN", 2024), float)
    assert ds.value("grdp_growth", "QN", 2018) is None
    assert ds.value("nope", "QN", 2024) is None
    row = ds.row("grdp_vnd_trn", "QN", 2025)
    assert row is not None
    assert row["value"] == 368.445
    assert row["kind"] == "estimate"
    assert row["year"] == 2025
    assert isinstance(row["year"], int)
    assert set(row) == {"indicator_id", "geo", "year", "value", "kind", "source_id", "note"}
    assert ds.row("grdp_growth", "QN", 2018) is None


def test_source(ds: Dataset) -> None:
    row = ds.row("de_share", "QN", 2024)
    assert row is not None
    src = ds.source(row["source_id"])
    assert src is not None
    assert src["url"].startswith("https://")
    assert set(src) == {"source_id", "title", "publisher", "url", "published", "accessed"}
    assert ds.source("article_mission") is not None
    assert ds.source("nope") is None


def test_targets(ds: Dataset) -> None:
    assert ds.target_sets() == ["article", "resolution09", "national"]
    art = ds.targets_for("article")
    share = art[art["indicator_id"] == "de_share"].set_index("year")["value"].to_dict()
    assert share == {2025: 20.0, 2030: 35.0}
    res = ds.targets_for("resolution09")
    assert res.loc[(res["indicator_id"] == "de_share") & (res["year"] == 2030), "value"].item() == 30.0
    nat = ds.targets_for("national")
    assert set(nat["geo"]) == {"VN"}
    assert ds.targets_for("nope").empty


def test_names(ds: Dataset) -> None:
    assert ds.name("de_share", "vi") == "Tỷ trọng kinh tế số"
    assert ds.name("de_share", "en") == "Digital economy share"
    assert ds.name("unknown_id", "en") == "unknown_id"
    assert ds.unit("grdp_growth") == "%"
    assert ds.unit("unknown_id") == ""
    with pytest.raises(ValueError):
        ds.name("de_share", "xx")  # no language of the app


# ---- with_rows ---------------------------------------------------------------------------
def test_with_rows_overrides_and_adds(ds: Dataset) -> None:
    rows = pd.DataFrame(
        {
            "indicator_id": ["de_share", "de_share"],
            "geo": ["QN", "QN"],
            "year": [2024, 2025],
            "value": [7.5, 9.0],
        }
    )
    new = ds.with_rows(rows)
    assert new is not ds
    assert new.series("de_share").to_dict() == {2024: 7.5, 2025: 9.0}
    assert new.version != ds.version
    row = new.row("de_share", "QN", 2025)
    assert row is not None
    assert row["kind"] == "user"
    assert row["source_id"] == "user"
    assert new.source("user") is not None
    # the original is untouched
    assert ds.series("de_share").to_dict() == {2024: 7.1}
    assert ds.source("user") is None
    # one row per key still
    keys = new.indicators[["indicator_id", "geo", "year"]]
    assert not keys.duplicated().any()
    assert len(new.indicators) == len(ds.indicators) + 1
    assert new.target_sets() == ds.target_sets()


def test_with_rows_version_is_deterministic(ds: Dataset) -> None:
    rows = pd.DataFrame({"indicator_id": ["grdp_growth"], "geo": ["QN"], "year": [2026], "value": [12.0]})
    assert ds.with_rows(rows).version == ds.with_rows(rows.copy()).version
    other = rows.assign(value=[12.5])
    assert ds.with_rows(rows).version != ds.with_rows(other).version


def test_with_rows_same_value_still_changes_version_by_kind(ds: Dataset) -> None:
    rows = pd.DataFrame({"indicator_id": ["de_share"], "geo": ["QN"], "year": [2024], "value": [7.1]})
    new = ds.with_rows(rows)
    assert new.value("de_share", "QN", 2024) == 7.1
    assert new.version != ds.version  # the row is now the planner's, not the shipped one


def test_with_rows_accepts_a_validated_upload(ds: Dataset) -> None:
    data = "indicator_id;geo;year;value;note\nde_share;QN;2025;8,4;ước tính của Sở\n".encode("utf-8-sig")
    report = validate_bytes(data, "upload.csv", known_indicators=set(ds.codebook["indicator_id"]))
    assert report.ok
    new = ds.with_rows(report.frame)
    row = new.row("de_share", "QN", 2025)
    assert row is not None
    assert row["value"] == 8.4
    assert row["note"] == "ước tính của Sở"


def test_with_rows_custom_kind_and_last_wins(ds: Dataset) -> None:
    rows = pd.DataFrame(
        {"indicator_id": ["de_share"] * 2, "geo": ["QN"] * 2, "year": [2025, 2025], "value": [8.0, 8.5]}
    )
    new = ds.with_rows(rows, kind="scenario")
    assert new.value("de_share", "QN", 2025) == 8.5
    row = new.row("de_share", "QN", 2025)
    assert row is not None
    assert row["kind"] == "scenario"


def test_with_rows_empty_frame_keeps_data(ds: Dataset) -> None:
    rows = pd.DataFrame({"indicator_id": [], "geo": [], "year": [], "value": []})
    new = ds.with_rows(rows)
    assert new.version == ds.version
    assert len(new.indicators) == len(ds.indicators)


@pytest.mark.parametrize(
    "rows",
    [
        pd.DataFrame({"indicator_id": ["de_share"], "geo": ["QN"], "year": [2025]}),
        pd.DataFrame({"indicator_id": ["de_share"], "geo": ["QN"], "year": [2025.5], "value": [1.0]}),
        pd.DataFrame({"indicator_id": ["de_share"], "geo": ["QN"], "year": [2025], "value": [float("nan")]}),
        pd.DataFrame({"indicator_id": ["de_share"], "geo": ["QN"], "year": [2025], "value": ["abc"]}),
    ],
)
def test_with_rows_rejects_bad_rows(ds: Dataset, rows: pd.DataFrame) -> None:
    with pytest.raises(ValueError):
        ds.with_rows(rows)


# ---- read-only safety --------------------------------------------------------------------
def test_frames_cannot_corrupt_the_cache(ds: Dataset) -> None:
    before = ds.version
    ind = ds.indicators
    ind.loc[:, "value"] = -1.0
    ind["value"] = ind["value"] * 2
    del ind["note"]
    tgt = ds.targets
    tgt.loc[:, "value"] = 0.0
    src = ds.sources
    src.loc[:, "url"] = ""
    cb = ds.codebook
    cb.loc[:, "name_vi"] = "x"
    fresh = load_dataset()
    assert fresh is ds
    assert fresh.value("de_share", "QN", 2024) == 7.1
    assert (fresh.indicators["value"] != -1.0).all()
    assert fresh.targets["value"].max() == 500.0
    assert fresh.name("de_share", "vi") == "Tỷ trọng kinh tế số"
    assert fresh.source("baomoi_2025_qn_dx")["url"].startswith("https://")
    assert fresh.version == before


def test_outputs_are_copies(ds: Dataset) -> None:
    s = ds.series("grdp_growth")
    s.iloc[0] = 999.0
    assert ds.series("grdp_growth").iloc[0] == 10.1
    row = ds.row("de_share", "QN", 2024)
    assert row is not None
    row["value"] = 0.0
    assert ds.value("de_share", "QN", 2024) == 7.1
    art = ds.targets_for("article")
    before = art.copy()
    art.loc[:, "value"] = 0.0
    pd.testing.assert_frame_equal(ds.targets_for("article"), before)
    src = ds.source("article_mission")
    assert src is not None
    src["title"] = "x"
    assert ds.source("article_mission")["title"] != "x"


def test_dataset_is_frozen(ds: Dataset) -> None:
    with pytest.raises(AttributeError):
        ds.version = "000000000000"  # type: ignore[misc]
