"""Contract of the shipped data files in data/: what other modules and the app rely on."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from qn_model.data.dataset import DATA_DIR, KINDS
from qn_model.data.peers import METHODS, PEER_COLUMNS, PEER_KINDS
from qn_model.data.validate import validate_path

ROOT = Path(__file__).resolve().parents[1]
FILES = ("indicators.csv", "targets.csv", "sources.csv", "codebook.csv", "peers.csv", "geos.csv")
ARTICLE = "article_mission"
ARTICLE_URL = "https://tracuuquyhoach.com/tin-tuc/quang-ninh-than-toc-trong-chuyen-doi-so-50816510"
PUBLISHED = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?( \(approx\.\))?|unknown"


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
def peers() -> list[dict[str, str]]:
    return _rows("peers.csv")


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
        "codebook.csv": "indicator_id,name_vi,name_en,unit,unit_en,description_vi,description_en,is_share",
        "geos.csv": "geo,name_vi,name_en",
        "peers.csv": ",".join(PEER_COLUMNS),
    }
    for name, header in expected.items():
        assert (DATA_DIR / name).read_text(encoding="utf-8").splitlines()[0] == header


def test_readme_exists() -> None:
    text = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    for word in ("Changelog", "35", "30", "MIC", "LOWER BOUND", "7.1", "peers.csv", "press", "recheck"):
        assert word in text


def test_values_are_plain_numbers_and_years_integers(indicators, targets) -> None:
    for r in [*indicators, *targets]:
        assert re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", r["value"]), r
        assert re.fullmatch(r"(19|20)[0-9]{2}", r["year"]), r
        assert r["geo"] in ("QN", "VN")


# ---- sources and codebook ----------------------------------------------------------------
def test_every_value_and_target_has_a_source_row_with_url(indicators, targets, peers, sources) -> None:
    for r in [*indicators, *targets, *peers]:
        src = sources.get(r["source_id"])
        assert src is not None, r
        assert src["url"].startswith(("http://", "https://")), r


def test_every_source_is_used_once_and_well_formed(indicators, targets, peers, sources) -> None:
    used = {r["source_id"] for r in [*indicators, *targets, *peers]}
    assert set(sources) == used
    urls = [s["url"] for s in sources.values() if s["url"]]
    assert len(urls) == len(set(urls)), "one row per source URL"
    for sid, s in sources.items():
        assert re.fullmatch(r"[a-z0-9_]+", sid)
        assert s["title"].strip() and s["publisher"].strip()
        assert re.fullmatch(PUBLISHED, s["published"]), s


def test_no_placeholder_dates(sources) -> None:
    """The research recorded no access dates: none is shown as if it had (no 2026-11-01 on every
    row); an approximate publication date keeps its qualifier."""
    assert {s["accessed"] for s in sources.values()} == {""}
    assert sources["congthuong_2024_qn_de"]["published"] == "2024-10 (approx.)"
    assert sources["honggai_nq09"]["published"] == "2022 (approx.)"


def test_article_source(sources) -> None:
    """The mission article cites its findable, dated copy."""
    art = sources[ARTICLE]
    assert art["url"] == ARTICLE_URL
    assert art["published"] == "2024-11 (approx.)"


def test_codebook_covers_every_id(indicators, targets, codebook) -> None:
    used = {r["indicator_id"] for r in [*indicators, *targets]}
    assert used == set(codebook)
    for ind, row in codebook.items():
        assert re.fullmatch(r"[a-z0-9_]+", ind)
        for col in ("name_vi", "name_en", "unit", "unit_en", "description_vi", "description_en"):
            assert row[col].strip(), (ind, col)
        assert row["is_share"] in ("true", "false"), ind
        assert not row["name_vi"].isascii(), f"{ind}: Vietnamese name without diacritics"
        assert not row["description_vi"].isascii(), ind
        assert row["name_vi"] != row["name_en"]


# ---- rows --------------------------------------------------------------------------------
def test_status_vocabulary(indicators) -> None:
    """A closed vocabulary that says what a source allows, press-reported values included."""
    assert KINDS == ("official", "estimate", "press")
    assert {r["kind"] for r in indicators} == set(KINDS)


def test_values_are_labelled_as_their_source_allows(indicators) -> None:
    by_key = {(r["indicator_id"], r["geo"], r["year"]): r for r in indicators}
    qn = by_key[("de_share", "QN", "2024")]
    assert qn["kind"] == "press" and "compiler not named" in qn["note"]
    assert by_key[("grdp_growth", "QN", "2023")]["kind"] == "estimate"
    for r in indicators:
        if r["source_id"] == ARTICLE:
            assert r["kind"] == "press", r
    # 18.3 is a policy estimate whose source names no ministry: not in the ministry's series.
    assert ("de_share_mic", "VN", "2024") not in by_key
    policy = by_key[("de_share_policy", "VN", "2024")]
    assert policy["value"] == "18.3" and "policy estimate" in policy["note"]


def test_national_series_names_its_release(indicators) -> None:
    """Each national GSO value says which release it is from; an earlier release's different value
    is named as an earlier vintage, never silently replaced."""
    notes = {
        int(r["year"]): r["note"] for r in indicators if (r["indicator_id"], r["geo"]) == ("de_share", "VN")
    }
    assert all("GSO release" in n for n in notes.values()), notes
    assert "EARLIER VINTAGE" in notes[2022] and "12.63" in notes[2022]
    assert "EARLIER VINTAGE" in notes[2023] and "12.33" in notes[2023]


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
    assert report.ok, report.messages()
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
        assert rows[0]["kind"] == "press"


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


def test_target_sources(targets, sources) -> None:
    """The 30 % cites the 16th Provincial Party Congress with its own source row; the article's
    targets are stated in the article, not a provincial resolution."""
    key = ("resolution09", "de_share", "QN", "2030")
    row = next(r for r in targets if (r["target_set"], r["indicator_id"], r["geo"], r["year"]) == key)
    assert "dantri.com.vn" in sources[row["source_id"]]["url"]
    assert sources[row["source_id"]]["published"] == "2025-09-27"
    assert "16th Provincial Party Congress" in row["note"]
    for r in targets:
        if r["target_set"] == "article":
            assert r["note"].startswith("STATED IN THE ARTICLE"), r


def test_2030_conflict_is_kept_visible(targets) -> None:
    article = _target(targets, "article")
    res09 = _target(targets, "resolution09")
    assert article[("de_share", "QN", 2030)] == 35.0
    assert res09[("de_share", "QN", 2030)] == 30.0


# ---- peers -------------------------------------------------------------------------------
def test_peer_rows_are_sourced_with_closed_methods_and_valid_years(peers, sources) -> None:
    assert len(peers) >= 20
    for r in peers:
        assert r["kind"] in PEER_KINDS, r
        assert r["method"] in METHODS and r["method"] != "not_stated", r
        assert sources[r["source_id"]]["url"].startswith("https://"), r
        assert r["note"].strip() and r["name_vi"].strip() and r["name_en"].strip(), r
        assert 0 < float(r["value"]) <= 100, r
        match = re.fullmatch(r"(20[0-9]{2})(?:-(20[0-9]{2}))?", r["year"])
        assert match, r
        if match.group(2):
            assert int(match.group(1)) < int(match.group(2)), r
        assert 2020 <= int(match.group(1)) <= 2030, r
        if r["kind"] == "target":
            assert r["method"] == "own_target", r
        if r["method"] == "mic_annual_report_2022":
            assert r["year"] == "2022", r
        if r["method"] == "gso_reported_2021_2025":
            assert r["year"] == "2021-2025", r  # the source does not say 2025 or the average
    keys = [(r["geo"], r["year"], r["kind"], r["method"]) for r in peers]
    assert len(keys) == len(set(keys))


def test_peer_rows_the_research_asks_to_recheck_are_not_shipped(peers) -> None:
    shipped = {(r["geo"], r["year"], r["kind"], float(r["value"])) for r in peers}
    for left_out in (
        ("HCM", "2020", "de_share", 12.62),
        ("HCM", "2023", "de_share", 14.65),
        ("HP", "2023", "de_share", 29.7),
        ("DN", "2022", "de_share", 17.0),
        ("DN", "2030", "target", 40.0),
        ("HCM", "2024", "target", 22.0),
    ):
        assert left_out not in shipped


def test_peer_values_agree_with_the_main_data(peers, indicators) -> None:
    """A value both files hold is the same in both (Quảng Ninh's 2025 growth, the ministry's 2022
    national share)."""
    by_key = {(r["indicator_id"], r["geo"], r["year"]): float(r["value"]) for r in indicators}
    peer = {(r["geo"], r["year"], r["kind"], r["method"]): float(r["value"]) for r in peers}
    assert peer[("QN", "2025", "grdp_growth", "gso")] == by_key[("grdp_growth", "QN", "2025")]
    assert (
        peer[("VN", "2022", "de_share", "mic_annual_report_2022")] == by_key[("de_share_mic", "VN", "2022")]
    )


def test_shipped_peers_load(peers) -> None:
    from qn_model.data.peers import load_peers

    assert len(load_peers()) == len(peers)


# --- the data's version history (data/versions.csv, data/version_values.csv) ----------------------


def test_the_current_data_is_the_newest_changelog_entry():
    """Whoever changes the shipped data records it: ``python -m qn_model data-version --append
    --summary-en … --summary-vi …`` (data/README.md)."""
    from qn_model.data.dataset import load_dataset
    from qn_model.data.versions import changelog, key_values

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
    from qn_model.data.versions import CHANGELOG_COLUMNS, VALUES_COLUMNS, changelog

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
