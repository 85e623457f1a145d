"""The command line, run as a user runs it (``python -m qn_model …`` in a subprocess): the same
numbers as the engine, readable summaries in both languages, exit codes, and the brief."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from qn_model.data.dataset import load_dataset
from qn_model.data.versions import changelog, version_date
from qn_model.engine.evaluate import evaluate_link
from qn_model.i18n.formats import fmt_pct, fmt_pp, fmt_prob, render, t
from qn_model.outputs.brief import PLOTLY_MARKER
from qn_model.outputs.qr import qr_svg
from qn_model.views.history import geo_label
from tests.data_copies import data_with_2024_share

ROOT = Path(__file__).resolve().parents[1]
UPLOADS = ROOT / "tests" / "fixtures" / "uploads"
LINK = "http://example.org/scenario?gd2=40&t2=30&lang=vi"
NOT_A_LANG = "xx"  # a code no app language will take ("fr" may become one)
BASE_URL = "https://planner.example.vn/scenario"
KTSO_LINK = "https://portal.example.vn/ktso/scenario?gd2=40&lang=en#top"
TIMEOUT = 900  # each run fits the trend models (seconds of CPU; minutes on a loaded machine)
pytestmark = pytest.mark.timeout(TIMEOUT + 60)  # the module's runs all start in the first test


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str


def _cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "qn_model", *args]


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, Run]:
    """Every command once, started together (each one fits the trend models on start-up)."""
    out = tmp_path_factory.mktemp("cli")
    commands = {
        "json": _cmd("evaluate", LINK, "--json"),
        "summary_vi": _cmd("evaluate", "gd2=40&t2=30&gy1=abc"),
        "summary_en": _cmd("evaluate", "gd2=40&t2=30&lang=en"),
        "brief_vi": _cmd("brief", LINK, "--out", str(out / "brief_vi.html"), "--base-url", BASE_URL),
        "brief_en": _cmd("brief", LINK, "--out", str(out / "brief_en.html"), "--lang", "en"),
        "brief_query": _cmd("brief", "gd2=40", "--out", str(out / "brief_query.html")),
        "brief_ktso": _cmd("brief", KTSO_LINK, "--out", str(out / "brief_ktso.html")),
        "brief_bad_folder": _cmd("brief", LINK, "--out", str(out / "missing" / "brief.html")),
        "brief_bad_lang": _cmd("brief", LINK, "--lang", NOT_A_LANG),
        "validate_good": _cmd("validate", str(UPLOADS / "good_basic.csv")),
        "validate_bad": _cmd("validate", str(UPLOADS / "not_numeric.csv"), "--lang", "en"),
        "validate_missing": _cmd("validate", str(out / "nothing.csv")),
        "peers_json": _cmd("peers", "--json"),
        "peers_json_en": _cmd("peers", "--json", "--lang", "en"),
        "peers_vi": _cmd("peers"),
        "peers_en": _cmd("peers", "--lang", "en"),
        "peers_bad_lang": _cmd("peers", "--lang", NOT_A_LANG),
        "json_unknown_dv": _cmd("evaluate", "gd2=40&dv=0123456789ab", "--json"),
        "data_version": _cmd("data-version"),
    }
    procs: dict[str, subprocess.Popen] = {}
    results = {}
    try:
        for name, cmd in commands.items():
            procs[name] = subprocess.Popen(
                cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8"
            )
        for name, proc in procs.items():
            stdout, stderr = proc.communicate(timeout=TIMEOUT)
            results[name] = Run(proc.returncode, stdout, stderr)
    finally:  # a timeout or an interrupt must not leave orphaned runs behind
        for proc in procs.values():
            if proc.poll() is None:
                proc.kill()
            proc.communicate()
    results["_dir"] = Run(0, str(out), "")
    return results


def doc_date_is_iso(text: str | None) -> bool:
    return text is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) is not None


def no_traceback(run: Run) -> None:
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout


def test_evaluate_json_equals_the_engine(runs, ds):
    run = runs["json"]
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    assert set(doc) == {
        "scenario",
        "path",
        "targets",
        "warnings",
        "target_set",
        "data_version",
        "data_date",
        "money_basis",
    }
    assert set(doc["path"][0]) == {"year", "share_pct", "grdp_vnd_trn", "de_vnd_trn"}
    # The data the numbers stand on: its version and that version's date in data/versions.csv.
    assert doc.pop("data_version") == ds.version
    assert doc.pop("data_date") == version_date(ds) and doc_date_is_iso(version_date(ds))
    # The path's money is at base-year prices (issue 24), and an observed level far from the path's
    # is a warning after the link's own.
    assert doc.pop("money_basis") == {"prices": "base_year", "year": doc["scenario"]["base_year"]}
    engine = json.loads(json.dumps(evaluate_link(LINK, ds).to_json(lambda n: render(n, "vi"))))
    n = len(engine["warnings"])
    assert doc["warnings"][:n] == engine["warnings"]
    assert {w["code"] for w in doc["warnings"][n:]} <= {"money_level_differs"}
    doc["warnings"] = doc["warnings"][:n]
    assert doc == engine
    assert doc["scenario"]["gd2"] == 40.0 and doc["scenario"]["t2"] == 30.0
    assert [p["year"] for p in doc["path"]] == list(range(doc["scenario"]["base_year"], 2031))


@pytest.mark.parametrize(
    ("name", "lang", "query"),
    [("summary_vi", "vi", "gd2=40&t2=30&gy1=abc"), ("summary_en", "en", "gd2=40&t2=30&lang=en")],
)
def test_evaluate_summary_in_the_language(runs, ds, name, lang, query):
    run = runs[name]
    assert run.returncode == 0, run.stderr
    no_traceback(run)
    ev = evaluate_link(query, ds)
    out = run.stdout
    assert t("app_title", lang) in out and t("cli_path", lang) in out
    assert t("brief_data_version_dated", lang, version=ds.version, date=version_date(ds)) in out
    for v in ev.verdicts:
        assert fmt_pct(v.value_pct, lang) in out
        assert fmt_pp(v.margin_pp, lang) in out
        assert fmt_pct(v.required_de_growth_pct, lang) in out
        assert fmt_prob(v.probability, lang) in out
        assert t("verdict_met" if v.met else "verdict_not_met", lang) in out
    other = "en" if lang == "vi" else "vi"
    assert t("cli_path", other) not in out
    if name == "summary_vi":
        assert t("cli_warnings", "vi") in out and "'gy1'" in out  # the ignored value is reported


def test_validate_exit_codes(runs):
    good, bad, missing = runs["validate_good"], runs["validate_bad"], runs["validate_missing"]
    assert good.returncode == 0 and "Hợp lệ" in good.stdout
    assert bad.returncode == 1 and bad.stdout.strip()
    assert missing.returncode in (1, 2)
    for run in (good, bad, missing):
        no_traceback(run)


def _brief(runs, name: str) -> str:
    run = runs[name]
    assert run.returncode == 0, run.stderr
    no_traceback(run)
    path = Path(runs["_dir"].stdout) / f"{name}.html"
    assert path.is_file() and str(path) in run.stdout
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_brief_writes_a_self_contained_file(runs, ds, lang):
    doc = _brief(runs, f"brief_{lang}")
    assert doc.count(PLOTLY_MARKER) == 1
    for bad in ('src="http', "src='http", 'rel="stylesheet"', "<link"):
        assert bad not in doc.split("<script", 1)[0] + doc.rsplit("</script>", 1)[-1]
    # outside plotly's own bundle, no tag loads anything: only <a href> point at the web
    body = doc.split("</head>", 1)[1]
    assert 'src="http' not in body and "<img" not in body
    assert body.count('href="http') == body.count('<a href="http') + body.count('<a class="link" href="http')
    text = html.unescape(doc)
    assert f'<html lang="{lang}">' in doc
    ev = evaluate_link(LINK, ds)
    for v in ev.verdicts:
        assert fmt_pct(v.value_pct, lang) in text
        assert fmt_pct(v.required_de_growth_pct, lang) in text
    assert '<svg width="' in doc and 'class="segno"' in doc


def test_brief_link_base_url_and_lang_override(runs, ds):
    vi = _brief(runs, "brief_vi")
    # Defaults and the default language are left out; the data version is named.
    link_vi = f"{BASE_URL}?gd2=40&t2=30&dv={ds.version}"
    assert qr_svg(link_vi, scale=3, title=t("brief_qr_title", "vi")) in vi
    assert f'href="{html.escape(link_vi)}"' in vi
    assert t("brief_data_version_dated", "vi", version=ds.version, date=version_date(ds)) in vi
    en = _brief(runs, "brief_en")
    # Without --base-url, a full link keeps its own address; --lang wins over lang=vi.
    link_en = f"http://example.org/scenario?gd2=40&t2=30&lang=en&dv={ds.version}"
    assert f'href="{html.escape(link_en)}"' in en
    assert t("brief_data_version_dated", "en", version=ds.version, date=version_date(ds)) in en
    assert t("brief_title", "en") in en and t("brief_title", "vi") not in en
    query_only = _brief(runs, "brief_query")  # nothing names an address: the default one
    assert f'href="{html.escape(f"http://127.0.0.1:8501/scenario?gd2=40&dv={ds.version}")}"' in query_only


def test_brief_of_a_link_under_a_base_path_keeps_the_path(runs, ds):
    """A link copied from the app served under /ktso/ (the province's portal): the brief's link and
    QR code point there, not at the bare host."""
    doc = _brief(runs, "brief_ktso")
    expected = f"https://portal.example.vn/ktso/scenario?gd2=40&lang=en&dv={ds.version}"
    assert f'href="{html.escape(expected)}"' in doc
    assert qr_svg(expected, scale=3, title=t("brief_qr_title", "en")) in doc


def test_brief_errors_exit_cleanly(runs):
    folder, lang = runs["brief_bad_folder"], runs["brief_bad_lang"]
    assert folder.returncode == 2 and "does not exist" in folder.stderr
    assert lang.returncode == 2 and "invalid choice" in lang.stderr
    for run in (folder, lang):
        no_traceback(run)


# ---- peers ---------------------------------------------------------------------------------
PEER_FIELDS = {"geo", "name", "year", "value_pct", "kind", "method", "source_url"}
PEER_FIELDS |= {"basis", "note", "note_lang"}  # issue 24: the year basis and the data's note


def test_peers_json_is_the_contract_and_every_value_comes_from_data(runs, ds):
    from qn_model.data.peers import METHODS, PEER_KINDS, load_peers

    run = runs["peers_json"]
    assert run.returncode == 0, run.stderr
    items = json.loads(run.stdout)
    assert items and all(set(x) == PEER_FIELDS for x in items)
    assert {x["kind"] for x in items} == set(PEER_KINDS)
    assert {x["method"] for x in items} <= set(METHODS)
    for x in items:
        assert isinstance(x["year"], int) or x["year"] == "2021-2025", x
        assert isinstance(x["value_pct"], float) and x["source_url"].startswith("http"), x
    # every peer file row is there, with its value; Quảng Ninh's from the main data
    shipped = {(v.geo, v.year, v.kind, v.method, v.value_pct) for v in load_peers()}
    listed = {(x["geo"], x["year"], x["kind"], x["method"], x["value_pct"]) for x in items}
    assert shipped <= listed
    assert ("QN", 2024, "de_share", "not_stated", ds.value("de_share", "QN", 2024)) in listed
    assert {x["value_pct"] for x in items if x["geo"] == "QN" and x["kind"] == "target"} == {20.0, 30.0, 35.0}
    names_vi = {x["geo"]: x["name"] for x in items}
    names_en = {x["geo"]: x["name"] for x in json.loads(runs["peers_json_en"].stdout)}
    assert (names_vi["VN"], names_en["VN"]) == ("Cả nước", "Vietnam")


@pytest.mark.parametrize(("name", "lang"), [("peers_vi", "vi"), ("peers_en", "en")])
def test_peers_table_in_the_language(runs, name, lang):
    run = runs[name]
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert t("peers_method_mic_annual_report_2022", lang, year=2022) in out
    assert t("peers_group_target", lang, year=2030) in out
    assert fmt_pct(56.83, lang, 2) in out and fmt_pct(7.1, lang) in out
    assert t("peers_cli_footer", lang) in out
    assert " * " + geo_label("QN", lang) in out  # Quảng Ninh marked


def test_peers_bad_lang_exits_cleanly(runs):
    run = runs["peers_bad_lang"]
    assert run.returncode == 2 and "Traceback" not in run.stderr


def test_evaluate_json_says_a_link_was_made_on_unknown_data(runs, ds):
    run = runs["json_unknown_dv"]
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    assert doc["data_version"] == ds.version
    (warning,) = [w for w in doc["warnings"] if w["code"] == "data_version_unknown"]
    assert "0123456789ab" in warning["message"] and ds.version in warning["message"]


def test_data_version_prints_the_digest_and_its_entry(runs, ds):
    run = runs["data_version"]
    assert run.returncode == 0, run.stderr
    first, second = run.stdout.splitlines()
    assert first == ds.version
    assert second.startswith(version_date(ds) + ": ")


def test_data_version_append_records_a_changed_copy(tmp_path, ds):
    """What whoever changes data/ runs: the new digest is missing (exit 1) until appended."""
    from qn_model.cli import main
    from qn_model.data.dataset import clear_cache

    data = data_with_2024_share(tmp_path)
    clear_cache()
    try:
        assert main(["data-version", "--data-dir", str(data)]) == 1
        assert main(["data-version", "--data-dir", str(data), "--append", "--summary-en", "x"]) == 2
        args = ["data-version", "--data-dir", str(data), "--append", "--date", "2026-12-04"]
        assert main([*args, "--summary-en", "2024 share revised", "--summary-vi", "Sửa tỷ trọng 2024"]) == 0
        assert main(["data-version", "--data-dir", str(data)]) == 0
        log = changelog(data)
        assert [v.version for v in log][-2:] == [ds.version, load_dataset(data).version]
        assert log[-1].date == "2026-12-04" and log[-1].summary_vi == "Sửa tỷ trọng 2024"
        assert log[-1].values[("indicators", "de_share", "QN", 2024, "")] == 7.3
        assert log[-2].values[("indicators", "de_share", "QN", 2024, "")] == 7.1
    finally:
        clear_cache()
