"""Data versions: the changelog in data/, and what a link made on an older version is told."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qn_model.data.dataset import DATA_DIR, clear_cache, load_dataset
from qn_model.data.versions import (
    CHANGELOG_FILE,
    VALUES_FILE,
    append_entry,
    changelog,
    data_version_notice,
    key_values,
    version_date,
)
from qn_model.engine.evaluate import evaluate_link
from qn_model.i18n import render
from tests.data_copies import data_with_2024_share

OLD_DATE, NEW_DATE = "2026-11-28", "2026-12-04"  # the first version shipped on 2026-11-28 (903532c)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def revised(tmp_path: Path):
    """A copy of data/ a year on: the 2024 share revised from 7.1 % to 7.3 %, the national 2025
    share from its estimate, recorded as a new version after the shipped one."""
    data = data_with_2024_share(tmp_path)
    clear_cache()
    ds = load_dataset(data)
    assert append_entry(ds, NEW_DATE, "Sửa tỷ trọng 2024.", "2024 share revised.", data)
    yield data, ds
    clear_cache()


@pytest.fixture(scope="module")
def shipped():
    return load_dataset()


def test_the_shipped_changelog_starts_with_the_first_release(shipped):
    log = changelog()
    assert log[0].date == OLD_DATE
    assert version_date(shipped) == log[-1].date


def test_key_values_are_what_a_scenario_stands_on(shipped):
    values = key_values(shipped)
    assert values[("indicators", "de_share", "QN", 2024, "")] == 7.1
    assert values[("targets", "de_share", "QN", 2030, "article")] == 35.0
    assert values[("targets", "de_share", "QN", 2030, "resolution09")] == 30.0
    assert not any(k[1] == "coverage_4g_pct" for k in values)  # not what a scenario stands on
    assert {k[1] for k in values if k[0] == "indicators"} == {"de_share", "grdp_growth", "grdp_vnd_trn"}


def test_the_version_ignores_how_the_files_are_written(tmp_path, shipped):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    _edit(data / "indicators.csv", "de_share,QN,2024,7.1,", "de_share,QN,2024,7.10,")
    path = data / "indicators.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    clear_cache()
    try:
        assert load_dataset(data).version == shipped.version
    finally:
        clear_cache()


def test_append_refuses_a_version_already_recorded(revised):
    data, ds = revised
    before = (data / VALUES_FILE).read_text(encoding="utf-8")
    assert not append_entry(ds, "2027-01-01", "x", "x", data)
    assert (data / VALUES_FILE).read_text(encoding="utf-8") == before
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        append_entry(load_dataset(), "4/12/2026", "x", "x", data / "other")


def test_a_link_on_an_older_version_names_the_value_before_and_after(revised, shipped):
    data, ds = revised
    notice = data_version_notice(shipped.version, ds, data_dir=data)
    assert notice is not None and notice.code == "data_version_changed"
    en, vi = render(notice, "en"), render(notice, "vi")
    assert "Digital economy share (QN) 2024 was 7.1% when this link was made; it is now 7.3%" in en
    assert "Tỷ trọng kinh tế số (QN) năm 2024 là 7,1% khi tạo đường dẫn, nay là 7,3%" in vi
    assert shipped.version in en and version_date(shipped) in en and ds.version in en and NEW_DATE in en
    assert "2024 share revised" in en and "Sửa tỷ trọng 2024" in vi
    assert "verdicts below are today's" in en


def test_the_cli_and_brief_path_carries_the_notice(revised, shipped, monkeypatch):
    data, ds = revised
    monkeypatch.setattr("qn_model.data.dataset.DATA_DIR", data)
    ev = evaluate_link(f"gd2=40&dv={shipped.version}", ds)
    (notice,) = [n for n in ev.notices if n.code == "data_version_changed"]
    assert "7.3%" in render(notice, "en")
    assert evaluate_link(f"gd2=40&dv={ds.version}", ds).notices == ()


def test_values_a_link_sets_itself_are_not_reported(revised, shipped):
    data, _ = revised
    # Only the national share changes; a link that sets every rate and spread does not stand on it.
    _edit(data / "indicators.csv", "de_share,VN,2025,14.02,", "de_share,VN,2025,14.2,")
    clear_cache()
    ds = load_dataset(data)
    explicit = {"gy1", "gd1", "gy2", "gd2", "sy", "sd", "t1", "t2"}
    base = data_version_notice(shipped.version, ds, explicit, 2024, data)
    assert "7.3%" in render(base, "en") and "(VN)" not in render(base, "en")
    other = data_version_notice(shipped.version, ds, {"gd2"}, 2024, data)
    assert "(VN) 2025" in render(other, "en")


def test_unchanged_values_are_said_to_be_unchanged(tmp_path, shipped):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    _edit(data / "indicators.csv", "de_share,VN,2025,14.02,", "de_share,VN,2025,14.2,")
    clear_cache()
    try:
        ds = load_dataset(data)
        notice = data_version_notice(
            shipped.version, ds, {"gy1", "gd1", "gy2", "gd2", "sy", "sd"}, 2024, data
        )
        assert notice.code == "data_version_changed"
        assert "None of the values the link depends on has changed" in render(notice, "en")
        # This copy is not in its changelog: it reads as a planner's own data.
        assert "with your own figures" in render(notice, "en")
    finally:
        clear_cache()


def test_an_unknown_version_is_said_plainly(shipped):
    notice = data_version_notice("0123456789ab", shipped)
    assert notice.code == "data_version_unknown"
    assert "does not know" in render(notice, "en") and "0123456789ab" in render(notice, "en")
    assert "không biết" in render(notice, "vi")
    assert data_version_notice(shipped.version, shipped) is None
    assert data_version_notice(None, shipped) is None


def test_missing_or_broken_changelog_files_mean_no_history(tmp_path, shipped):
    assert changelog(tmp_path) == ()
    (tmp_path / CHANGELOG_FILE).write_text("version,date\n,\nabc", encoding="utf-8")
    (tmp_path / VALUES_FILE).write_text("version,table\nabc,x,y\n", encoding="utf-8")
    assert [v.version for v in changelog(tmp_path)] == ["abc"]
    assert data_version_notice("abc", shipped, data_dir=tmp_path).code == "data_version_changed"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_method_page_lists_the_versions_in_the_readers_language(shipped, lang):
    from qn_model.views.method import sections

    (entry,) = [v for v in changelog() if v.version == shipped.version]
    bullets = [x for s in sections(shipped, lang) for b in s.blocks if b.kind == "bullets" for x in b.content]
    assert f"{entry.date} · {entry.version}: {entry.summary(lang)}" in bullets


def test_the_exports_and_the_brief_state_the_version_and_its_date(shipped):
    from qn_model.i18n.formats import t
    from qn_model.outputs.brief import build_brief
    from qn_model.outputs.exports import export_tables

    ev = evaluate_link("gd2=40&lang=en", shipped)
    about = dict(export_tables(ev, shipped, "en", "http://x/?gd2=40")[0].rows)
    assert about[t("exp_about_version", "en")] == shipped.version
    assert about[t("exp_about_version_date", "en")] == version_date(shipped)
    doc = build_brief(ev, shipped, "vi", "http://x/?gd2=40")
    assert f"Phiên bản dữ liệu: {shipped.version} ({version_date(shipped)})" in doc
    # A planner's own data has no date in the changelog: it says whose data it is.
    import pandas as pd

    own = shipped.with_rows(
        pd.DataFrame({"indicator_id": ["de_share"], "geo": ["QN"], "year": [2024], "value": [7.5]})
    )
    about = dict(export_tables(ev, own, "en", "http://x/")[0].rows)
    assert about[t("exp_about_version_date", "en")] == t("dv_own_data", "en")


def test_a_pasted_link_made_on_other_data_says_so_in_compare_and_the_deck(shipped):
    from qn_model.engine.presets import default_scenario
    from qn_model.views.compare import build_comparison
    from qn_model.views.slides import deck_specs

    opened = default_scenario(shipped)
    pasted = f"?gd2=30&dv={shipped.version}\n?gd2=31&dv=0123456789ab"
    cmp = build_comparison(shipped, opened, presets=(), links_text=pasted)
    assert [n.code for n in cmp.items[1].notices] == []  # made on the data loaded here
    assert [n.code for n in cmp.items[2].notices] == ["data_version_unknown"]
    specs = deck_specs(shipped, opened, pasted.splitlines())
    assert [[n.code for n in s.notices] for s in specs[1:]] == [[], ["data_version_unknown"]]


# ---- issue 24: the peers are part of the version ------------------------------------------------
SHIPPED_PEER = "BN,Bắc Ninh,Bắc Ninh,2022,year,56.83,"


def test_a_changed_peer_value_gives_a_new_version_and_the_notice_names_it(tmp_path, shipped):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    _edit(data / "peers.csv", SHIPPED_PEER, SHIPPED_PEER.replace("56.83", "55.9"))
    clear_cache()
    try:
        ds = load_dataset(data)
        assert ds.version != shipped.version
        assert key_values(ds)[("peers", "de_share", "BN", 2022, "mic_annual_report_2022")] == 55.9
        assert append_entry(ds, "2026-12-07", "Sửa số Bắc Ninh.", "Bắc Ninh revised.", data)
        notice = data_version_notice(shipped.version, ds, data_dir=data)
        assert notice is not None and notice.code == "data_version_changed"
        en, vi = render(notice, "en"), render(notice, "vi")
        assert "Bắc Ninh: DE share 2022" in en and "56.83%" in en and "55.9%" in en
        assert "Bắc Ninh: Tỷ trọng KTS 2022" in vi and "56,83%" in vi and "55,9%" in vi
        # The page shows what the version covers: the copy's peers, not the shipped file's.
        from qn_model.data.peers import peer_values

        assert [v.value_pct for v in peer_values(ds) if v.geo == "BN" and v.year == 2022] == [55.9]
    finally:
        clear_cache()


def test_the_same_peer_rows_written_differently_keep_the_version(tmp_path, shipped):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "peers.csv"
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text(
        "\n".join([header, *reversed(rows)]).replace(",46.30,", ",46.3,") + "\n", encoding="utf-8"
    )
    clear_cache()
    try:
        assert load_dataset(data).version == shipped.version
    finally:
        clear_cache()


def test_a_version_recorded_before_the_peers_does_not_list_them(revised, shipped):
    """db82c3cb56d9 recorded no peer values: a link made on it is not told of 36 "new" ones."""
    data, ds = revised
    notice = data_version_notice("db82c3cb56d9", ds, data_dir=data)
    assert notice is not None and "Bắc Ninh" not in render(notice, "en")
