"""Contract of the shipped data files in data/: what other modules and the app rely on."""

from __future__ import annotations

import csv
import importlib.util
import re
from pathlib import Path

import pytest

from qn_model.data import DATA_DIR
from qn_model.validate import validate_path

ROOT = Path(__file__).resolve().parents[1]
FILES = ("indicators.csv", "targets.csv", "sources.csv", "codebook.csv")
ARTICLE = "article_mission"


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def indicators() -> list[dict[str, str]]:
    return _rows("indicators.csv")


@pytest.fixture(scope="module")
def targets() -> list[dict[str, str]]:
    return _rows("targets.csv")


@pytest.fixture(scope="module")
def sources() -> dict[str, dict[str, str]]:
    return {r["source_id"]: r for r in _rows("sources.csv")}


@pytest.fixture(scope="module")
def codebook() -> dict[str, dict[str, str]]:
    return {r["indicator_id"]: r for r in _rows("codebook.csv")}


def _series(rows: list[dict[str, str]], indicator_id: str, geo: str) -> dict[int, float]:
    return {
        int(r["year"]): float(r["value"])
        for r in rows
        if r["indicator_id"] == indicator_id and r["geo"] == geo
    }


def _target(rows: list[dict[str, str]], target_set: str) -> dict[tuple[str, str, int], float]:
    return {
        (r["indicator_id"], r["geo"], int(r["year"])): float(r["value"])
        for r in rows
        if r["target_set"] == target_set
    }


# ---- file format -------------------------------------------------------------------------
@pytest.mark.parametrize("name", FILES)
def test_files_are_utf8_without_bom_with_lf(name: str) -> None:
    raw = (DATA_DIR / name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in raw
    raw.decode("utf-8")
    assert raw.endswith(b"\n")


def test_exact_headers() -> None:
    expected = {
        "indicators.csv": "indicator_id,geo,year,value,kind,source_id,note",
        "targets.csv": "indicator_id,geo,year,value,target_set,source_id,note",
        "sources.csv": "source_id,title,publisher,url,published,accessed",
        "codebook.csv": "indicator_id,name_vi,name_en,unit,description_vi,description_en",
    }
    for name, header in expected.items():
        assert (DATA_DIR / name).read_text(encoding="utf-8").splitlines()[0] == header


def test_readme_exists() -> None:
    text = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    for word in ("Changelog", "35", "30", "MIC", "LOWER BOUND", "7.1"):
        assert word in text


def test_values_are_plain_numbers_and_years_integers(indicators, targets) -> None:
    for r in [*indicators, *targets]:
        assert re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", r["value"]), r
        assert re.fullmatch(r"(19|20)[0-9]{2}", r["year"]), r
        assert r["geo"] in ("QN", "VN")


# ---- sources and codebook ----------------------------------------------------------------
def test_every_row_has_a_known_source_with_url(indicators, targets, sources) -> None:
    for r in [*indicators, *targets]:
        src = sources.get(r["source_id"])
        assert src is not None, r
        assert src["url"].startswith("http") or r["source_id"] == ARTICLE, r


def test_every_source_is_used_once_and_well_formed(indicators, targets, sources) -> None:
    used = {r["source_id"] for r in [*indicators, *targets]}
    assert set(sources) == used
    urls = [s["url"] for s in sources.values() if s["url"]]
    assert len(urls) == len(set(urls)), "one row per source URL"
    for sid, s in sources.items():
        assert re.fullmatch(r"[a-z0-9_]+", sid)
        assert s["title"].strip() and s["publisher"].strip()
        assert re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?|unknown", s["published"]), s
        assert re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", s["accessed"]), s


def test_article_source(sources) -> None:
    art = sources[ARTICLE]
    assert art["published"] == "unknown"
    assert art["url"] == ""


def test_codebook_covers_every_id(indicators, targets, codebook) -> None:
    used = {r["indicator_id"] for r in [*indicators, *targets]}
    assert used == set(codebook)
    for ind, row in codebook.items():
        assert re.fullmatch(r"[a-z0-9_]+", ind)
        for col in ("name_vi", "name_en", "unit", "description_vi", "description_en"):
            assert row[col].strip(), (ind, col)
        assert not row["name_vi"].isascii(), f"{ind}: Vietnamese name without diacritics"
        assert not row["description_vi"].isascii(), ind
        assert row["name_vi"] != row["name_en"]


# ---- rows --------------------------------------------------------------------------------
def test_kinds(indicators) -> None:
    assert {r["kind"] for r in indicators} <= {"official", "estimate"}


def test_no_duplicates(indicators, targets) -> None:
    keys = [(r["indicator_id"], r["geo"], r["year"]) for r in indicators]
    assert len(keys) == len(set(keys))
    tkeys = [(r["indicator_id"], r["geo"], r["year"], r["target_set"]) for r in targets]
    assert len(tkeys) == len(set(tkeys))


def test_every_row_has_a_note(indicators, targets) -> None:
    for r in [*indicators, *targets]:
        assert r["note"].strip(), r


@pytest.mark.parametrize("name", ["indicators.csv", "targets.csv"])
def test_shipped_files_pass_the_validator(name: str, codebook) -> None:
    report = validate_path(DATA_DIR / name, known_indicators=set(codebook))
    assert report.ok, report.messages("en")
    assert report.frame is not None and len(report.frame) > 0


def test_qn_grdp_growth(indicators) -> None:
    s = _series(indicators, "grdp_growth", "QN")
    assert sorted(s) == [2016, 2017, 2019, 2020, 2021, 2022, 2023, 2024, 2025]
    assert 2018 not in s
    assert s == {
        2016: 10.1,
        2017: 10.2,
        2019: 12.01,
        2020: 10.05,
        2021: 10.28,
        2022: 10.28,
        2023: 11.03,
        2024: 8.42,
        2025: 11.89,
    }
    note_2023 = next(
        r["note"] for r in indicators if r["indicator_id"] == "grdp_growth" and r["year"] == "2023"
    )
    assert "11.02" in note_2023


def test_qn_grdp_level_and_per_capita(indicators) -> None:
    level = _series(indicators, "grdp_vnd_trn", "QN")
    assert sorted(level) == [2020, 2022, 2023, 2024, 2025]
    assert level[2025] == 368.445
    note = next(r["note"] for r in indicators if r["indicator_id"] == "grdp_vnd_trn" and r["year"] == "2025")
    assert "395" in note
    pc = _series(indicators, "grdp_pc_usd", "QN")
    assert sorted(pc) == [2022, 2023, 2024, 2025]
    for r in indicators:
        if r["indicator_id"] == "grdp_pc_usd" and r["year"] in ("2022", "2023"):
            assert "LOWER BOUND" in r["note"]


def test_sector_structure_2024(indicators) -> None:
    parts = {
        i: _series(indicators, i, "QN")
        for i in ("share_agri", "share_indcon", "share_services", "share_taxes")
    }
    assert all(list(s) == [2024] for s in parts.values())
    assert sum(s[2024] for s in parts.values()) == pytest.approx(100.0)


def test_qn_de_share_is_the_single_observation(indicators) -> None:
    assert _series(indicators, "de_share", "QN") == {2024: 7.1}


def test_vn_de_share_latest_gso_vintage(indicators) -> None:
    assert _series(indicators, "de_share", "VN") == {
        2020: 12.66,
        2021: 12.87,
        2022: 12.83,
        2023: 12.87,
        2024: 13.17,
        2025: 14.02,
    }
    kinds = {
        int(r["year"]): r["kind"] for r in indicators if r["indicator_id"] == "de_share" and r["geo"] == "VN"
    }
    assert kinds[2024] == kinds[2025] == "estimate"
    assert kinds[2020] == "official"
    # parts add up where both exist
    core = _series(indicators, "de_core_share", "VN")
    dig = _series(indicators, "de_digitalised_share", "VN")
    assert core[2025] + dig[2025] == pytest.approx(14.02)


def test_mission_article_figures(indicators) -> None:
    expected = {
        "mobile_coverage_pct": 100,
        "coverage_4g_pct": 99.8,
        "mobile_subs_per_person": 1.3,
        "personal_payment_accounts": 3_400_000,
        "business_payment_accounts": 60_000,
        "ewallet_accounts": 802_000,
        "iz_firms_digital_platform_pct": 60,
        "public_services_online_pct": 98.5,
    }
    for ind, value in expected.items():
        rows = [r for r in indicators if r["indicator_id"] == ind and r["geo"] == "QN"]
        assert len(rows) == 1, ind
        assert float(rows[0]["value"]) == value
        assert rows[0]["source_id"] == ARTICLE
        assert rows[0]["year"] == "2024"


def test_other_snapshots_present(indicators) -> None:
    ids = {r["indicator_id"] for r in indicators}
    for ind in (
        "market_traders_cashless_pct",
        "firms_einvoice_pct",
        "ocop_ecommerce_pct",
        "active_personal_accounts",
    ):
        assert ind in ids
    assert _series(indicators, "market_traders_cashless_pct", "QN") == {2024: 83.0}


def test_excluded_values_are_not_shipped(indicators, targets) -> None:
    assert min(_series(indicators, "grdp_growth", "QN")) >= 2016
    assert 2017 not in _series(indicators, "grdp_vnd_trn", "QN")
    assert 2021 not in _series(indicators, "grdp_vnd_trn", "QN")
    assert 2021 not in _series(indicators, "grdp_pc_usd", "QN")
    assert 2023 not in _series(indicators, "dti_rank", "QN")
    assert not any(r["indicator_id"] == "de_share" and float(r["value"]) == 25 for r in targets)
    assert all(int(r["year"]) >= 2016 for r in indicators)


# ---- targets -----------------------------------------------------------------------------
def test_target_sets(targets) -> None:
    assert list(dict.fromkeys(r["target_set"] for r in targets)) == ["article", "resolution09", "national"]
    article = _target(targets, "article")
    assert article == {
        ("de_share", "QN", 2025): 20.0,
        ("de_share", "QN", 2030): 35.0,
        ("online_shoppers_pct", "QN", 2025): 55.0,
        ("cashless_pct", "QN", 2025): 50.0,
        ("firms_online_orders_pct", "QN", 2025): 80.0,
        ("einvoice_web_purchases_pct", "QN", 2025): 90.0,
    }
    assert all(r["source_id"] == ARTICLE for r in targets if r["target_set"] == "article")
    res09 = _target(targets, "resolution09")
    assert res09[("de_share", "QN", 2025)] == 20.0
    assert res09[("de_share", "QN", 2030)] == 30.0
    national = _target(targets, "national")
    assert national == {("de_share", "VN", 2025): 20.0, ("de_share", "VN", 2030): 30.0}


def test_2030_conflict_is_kept_visible(targets) -> None:
    article = _target(targets, "article")
    res09 = _target(targets, "resolution09")
    assert article[("de_share", "QN", 2030)] == 35.0
    assert res09[("de_share", "QN", 2030)] == 30.0


# ---- the build script reproduces the shipped files ---------------------------------------
def test_build_script_reproduces_files(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("build_data", ROOT / "scripts" / "build_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.build(tmp_path)
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (DATA_DIR / name).read_bytes(), name


# --- the data's version history (data/versions.csv, data/version_values.csv) ----------------------


def test_the_current_data_is_the_newest_changelog_entry():
    """Whoever changes the shipped data records it: ``python -m qn_model data-version --append
    --summary-en … --summary-vi …`` (data/README.md)."""
    from qn_model.data import load_dataset
    from qn_model.versions import changelog, key_values

    ds = load_dataset()
    log = changelog()
    assert log, "data/versions.csv is missing or empty"
    newest = log[-1]
    assert newest.version == ds.version, (
        f"data/ is version {ds.version}, the changelog's newest entry is {newest.version}: "
        "run `python -m qn_model data-version --append --summary-en ... --summary-vi ...`"
    )
    assert dict(newest.values) == key_values(ds)


def test_changelog_entries_are_unique_dated_and_described():
    from qn_model.versions import CHANGELOG_COLUMNS, VALUES_COLUMNS, changelog

    assert tuple(_rows("versions.csv")[0]) == CHANGELOG_COLUMNS
    assert tuple(_rows("version_values.csv")[0]) == VALUES_COLUMNS
    log = changelog()
    versions = [v.version for v in log]
    assert len(set(versions)) == len(versions)
    dates = [v.date for v in log]
    assert dates == sorted(dates)
    for v in log:
        assert re.fullmatch(r"[0-9a-f]{12}", v.version)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", v.date)
        assert v.summary_vi and v.summary_en
        assert v.values, f"no values recorded for {v.version}"
    listed = {r["version"] for r in _rows("version_values.csv")}
    assert listed == set(versions)
