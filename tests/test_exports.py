"""CSV and XLSX exports: the engine's numbers, unrounded and numeric; localised headers; text
cells neutralised; user-supplied values marked."""

from __future__ import annotations

import csv
import io
import math

import openpyxl
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from qn_model.data.dataset import Dataset
from qn_model.engine.evaluate import evaluate_link
from qn_model.i18n.formats import t
from qn_model.outputs.exports import SECTIONS, export_tables, neutralise, to_csv, to_xlsx
from qn_model.views.file_names import file_stem, slug

LINK_QUERY = "gd2=40&t2=30&gy1=12.5"
LINK = "http://127.0.0.1:8501/scenario?" + LINK_QUERY
EVIL = '=HYPERLINK("http://evil.example","click")'


@pytest.fixture(scope="module")
def ev(ds):
    return evaluate_link(LINK, ds)


@pytest.fixture(scope="module")
def user_ds(ds) -> Dataset:
    """The shipped data plus a planner's own 2025 share (kind "user")."""
    rows = pd.DataFrame({"indicator_id": ["de_share"], "geo": ["QN"], "year": [2025], "value": [9.4]})
    return ds.with_rows(rows)


@pytest.fixture(scope="module")
def evil_ds(ds) -> Dataset:
    """The shipped data whose first source of the provincial share has a formula for a title."""
    sources = ds.sources
    sid = ds.row("de_share", "QN", 2024)["source_id"]
    sources.loc[sources["source_id"] == sid, "title"] = EVIL
    sources.loc[sources["source_id"] == sid, "publisher"] = "+cmd|' /C calc'!A0"
    return Dataset(ds.indicators, ds.targets, sources, ds.codebook, ds.version)


def csv_sections(data: bytes) -> dict[str, list[list[str]]]:
    """Section title -> rows (header first) of an exported CSV."""
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with a BOM, so Excel reads Vietnamese"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert len({len(r) for r in rows}) == 1, "a rectangle: every row has the same width"
    out: dict[str, list[list[str]]] = {}
    current = None
    for row in rows:
        cells = list(row)
        while cells and cells[-1] == "":
            cells.pop()
        if not cells:
            current = None
        elif current is None:
            current = cells[0]
            out[current] = []
        else:
            out[current].append(cells)
    return out


def titles(lang: str) -> dict[str, str]:
    return {key: t(f"exp_section_{key}", lang) for key in SECTIONS}


def num(text: str) -> float | None:
    return None if text == "" else float(text)


# --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        (EVIL, "'" + EVIL),
        ("Quảng Ninh", "Quảng Ninh"),
        ("a=b", "a=b"),
        ("", ""),
        (-12.5, -12.5),
        (7, 7),
        (None, None),
    ],
)
def test_neutralise(cell, expected):
    assert neutralise(cell) == expected


def test_file_names_are_localised():
    assert file_stem("vi") == "kich-ban-kinh-te-so-QN-2030"
    assert file_stem("en") == "qn-digital-economy-scenario"
    assert (
        slug("Tỷ trọng kinh tế số Quảng Ninh: thực tế, đạt") == "Ty-trong-kinh-te-so-Quang-Ninh-thuc-te-dat"
    )
    assert slug("../../etc/passwd") == "etc-passwd"


def test_tables_hold_every_section(ev, ds):
    tables = export_tables(ev, ds, "en", LINK)
    assert tuple(tb.key for tb in tables) == SECTIONS
    for tb in tables:
        assert tb.rows, tb.key
        assert all(len(r) == len(tb.columns) for r in tb.rows), tb.key


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_csv_numbers_equal_the_engine(ev, ds, lang):
    sections = csv_sections(to_csv(ev, ds, lang, LINK))
    names = titles(lang)
    assert list(sections) == [names[k] for k in SECTIONS]

    about = {r[0]: r[1] for r in sections[names["about"]][1:]}
    assert about[t("exp_about_link", lang)] == LINK
    assert about[t("exp_about_version", lang)] == ds.version

    path = sections[names["path"]]
    assert path[0][0] == t("year", lang) and len(path) - 1 == len(ev.projection.years)
    for row, rec in zip(path[1:], ev.projection.records(), strict=True):
        assert int(row[0]) == rec["year"]
        assert float(row[1]) == rec["share_pct"]  # unrounded, exactly
        assert float(row[6]) == rec["grdp_vnd_trn"] and float(row[7]) == rec["de_vnd_trn"]
    lo80 = [float(r[2]) for r in path[1:]]
    hi95 = [float(r[5]) for r in path[1:]]
    assert lo80 == list(ev.fan.quantiles[0.1]) and hi95 == list(ev.fan.quantiles[0.975])

    assumptions = {r[1]: r for r in sections[names["assumptions"]][1:] if r[1]}
    scn = ev.scenario
    assert int(assumptions["base"][2]) == scn.base_year
    for key, field in (("s0", "base_share_pct"), ("gy1", "gy1"), ("gd2", "gd2"), ("t2", "t2"), ("sd", "sd")):
        assert float(assumptions[key][2]) == getattr(scn, field)
    assert float(assumptions["gy1"][2]) == 12.5

    targets = sections[names["targets"]]
    assert targets[0][3] == t("col_verdict", lang)
    for row, v in zip(targets[1:], ev.verdicts, strict=True):
        assert int(row[0]) == v.year
        assert num(row[1]) == v.target_pct and num(row[2]) == v.value_pct
        assert num(row[4]) == v.margin_pp
        assert num(row[6]) == v.required_de_growth_pct
        assert num(row[7]) == v.probability
        assert row[3] == t("verdict_met" if v.met else "verdict_not_met", lang)

    sources = sections[names["sources"]]
    ids = {r[0] for r in sources[1:]}
    share_source = ds.row("de_share", "QN", ds.series("de_share", "QN").index[-1])["source_id"]
    assert share_source in ids
    assert all(r[4] for r in sources[1:]), "every source has a published date (or 'unknown')"


def test_csv_reads_with_pandas(ev, ds):
    frame = pd.read_csv(io.BytesIO(to_csv(ev, ds, "en", LINK)), header=None, dtype=str, keep_default_na=False)
    assert frame.shape[1] >= 10
    assert t("exp_section_path", "en") in set(frame[0])


def test_headers_are_localised(ev, ds):
    vi = export_tables(ev, ds, "vi", LINK)
    en = export_tables(ev, ds, "en", LINK)
    for a, b in zip(vi, en, strict=True):
        assert a.title != b.title
        assert a.headers != b.headers
    assert "Tỷ trọng KTS (% GRDP)" in vi[1].headers


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_xlsx_numbers_equal_the_engine(ev, ds, lang):
    wb = openpyxl.load_workbook(io.BytesIO(to_xlsx(ev, ds, lang, LINK)))
    names = titles(lang)
    assert wb.sheetnames == [names[k] for k in SECTIONS]
    tables = {tb.key: tb for tb in export_tables(ev, ds, lang, LINK)}
    for key in SECTIONS:
        ws = wb[names[key]]
        header = [c.value for c in ws[1]]
        assert tuple(header) == tables[key].headers

    # openpyxl writes 16 significant digits (Excel keeps 15): equal to the engine to 1e-15.
    path = list(wb[names["path"]].iter_rows(min_row=2, values_only=True))
    records = ev.projection.records()
    assert [r[0] for r in path] == [rec["year"] for rec in records]
    assert all(isinstance(r[c], float) for r in path for c in (1, 2, 3, 4, 5, 6, 7))
    for col, field in ((1, "share_pct"), (6, "grdp_vnd_trn"), (7, "de_vnd_trn")):
        assert_allclose([r[col] for r in path], [rec[field] for rec in records], rtol=1e-15)
    assert_allclose([r[3] for r in path], ev.fan.quantiles[0.9], rtol=1e-15)
    targets = list(wb[names["targets"]].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in targets] == [v.year for v in ev.verdicts]
    for col, field in ((1, "target_pct"), (2, "value_pct"), (4, "margin_pp"), (6, "required_de_growth_pct")):
        assert_allclose([r[col] for r in targets], [getattr(v, field) for v in ev.verdicts], rtol=1e-15)
    assert [r[7] for r in targets] == [v.probability for v in ev.verdicts]
    assumptions = {r[1]: r[2] for r in wb[names["assumptions"]].iter_rows(min_row=2, values_only=True)}
    assert assumptions["gy1"] == 12.5 and assumptions["base"] == ev.scenario.base_year
    # probability is a fraction shown as a percent, so the cell stays the engine's number
    assert wb[names["targets"]].cell(row=2, column=8).number_format == "0%"
    about = {r[0]: r[1] for r in wb[names["about"]].iter_rows(min_row=2, values_only=True)}
    assert about[t("exp_about_link", lang)] == LINK
    assert about[t("exp_about_version", lang)] == ds.version


def test_formulas_are_neutralised_in_both_files(evil_ds):
    ev = evaluate_link(LINK, evil_ds)
    link = "=cmd|' /C calc'!A0"  # even a hostile link text is written as text
    sections = csv_sections(to_csv(ev, evil_ds, "en", link))
    cells = [c for rows in sections.values() for row in rows for c in row]
    assert "'" + EVIL in cells and "'" + link in cells
    assert EVIL not in cells
    for c in cells:
        if c[:1] in ("=", "+", "@", "\t", "\r"):
            raise AssertionError(f"formula-like text cell: {c!r}")
        if c.startswith("-"):
            float(c)  # only a number may start with "-"

    wb = openpyxl.load_workbook(io.BytesIO(to_xlsx(ev, evil_ds, "en", link)))
    texts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula"
                if isinstance(cell.value, str):
                    texts.append(cell.value)
    assert "'" + EVIL in texts and "'" + link in texts


def test_user_values_are_marked(user_ds):
    ev = evaluate_link("base=2025", user_ds)
    assert ev.scenario.base_share_pct == 9.4
    user = t("exp_kind_user", "en")
    tables = {tb.key: tb for tb in export_tables(ev, user_ds, "en", LINK)}
    base_row = tables["path"].rows[0]
    assert base_row[0] == 2025 and user in base_row[-1]
    s0 = next(r for r in tables["assumptions"].rows if r[1] == "s0")
    assert user in s0[-1]
    t2025 = next(r for r in tables["targets"].rows if r[0] == 2025)
    assert t2025[8] == user
    assert any(r[0] == "user" and r[-1] == user for r in tables["sources"].rows)
    about = dict(tables["about"].rows)
    assert t("exp_about_user_data", "en") in about

    sections = csv_sections(to_csv(ev, user_ds, "en", LINK))
    path = sections[t("exp_section_path", "en")]
    assert user in path[1][-1]
    wb = openpyxl.load_workbook(io.BytesIO(to_xlsx(ev, user_ds, "en", LINK)))
    sources = list(wb[t("exp_section_sources", "en")].iter_rows(min_row=2, values_only=True))
    assert any(r[0] == "user" and r[-1] == user for r in sources)


def test_shipped_data_has_no_user_mark(ev, ds):
    user = t("exp_kind_user", "en")
    for tb in export_tables(ev, ds, "en", LINK):
        for row in tb.rows:
            assert not any(isinstance(c, str) and user in c for c in row), (tb.key, row)


def test_missing_levels_are_empty_cells(ds):
    # A base year without a GRDP level: the levels are NaN in the engine, empty in the files.
    ev = evaluate_link("base=2015&s0=3", ds)
    assert math.isnan(ev.projection.grdp_vnd_trn[0])
    path = csv_sections(to_csv(ev, ds, "en", LINK))[t("exp_section_path", "en")]
    assert path[1][6] == "" and path[1][7] == ""
    wb = openpyxl.load_workbook(io.BytesIO(to_xlsx(ev, ds, "en", LINK)))
    assert wb[t("exp_section_path", "en")].cell(row=2, column=7).value is None


@pytest.mark.parametrize(("link", "name"), [("t2=30&ts=national", "national"), ("t2=30", "resolution09")])
def test_exports_name_the_target_set_of_the_link(ds, link, name):
    """20 % / 30 % are both Resolution 09's and the national strategy's targets: the files say
    which one the link named."""
    text = to_csv(evaluate_link(link + "&lang=en", ds), ds, "en", "?" + link).decode("utf-8-sig")
    rows = {r[1]: r for r in csv.reader(io.StringIO(text)) if len(r) > 4 and r[1] in ("t1", "t2")}
    assert set(rows) == {"t1", "t2"}
    assert all(r[4] == t(f"target_set_{name}", "en") for r in rows.values())
