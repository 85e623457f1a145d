"""The upload/shipped-file validator: qn_model.data.validate."""

from __future__ import annotations

import csv
import datetime as dt
import io
import string
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import qn_model.data.validate as validate_module
from qn_model.data.dataset import load_dataset
from qn_model.data.validate import (
    MAX_BYTES,
    MAX_PROBLEMS,
    Problem,
    ValidationReport,
    is_share_indicator,
    template_bytes,
    template_csv,
    validate_bytes,
    validate_path,
)
from qn_model.i18n import catalog, render, t

CORPUS = Path(__file__).resolve().parent / "fixtures" / "uploads"
KNOWN = frozenset(load_dataset().codebook["indicator_id"])
HEADER = "indicator_id,geo,year,value\n"


def _manifest() -> list[dict[str, str]]:
    with (CORPUS / "manifest.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _check(data: bytes | str, name: str = "up.csv", **kw) -> ValidationReport:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return validate_bytes(raw, name, known_indicators=kw.pop("known", KNOWN), **kw)


def _only(report: ValidationReport, code: str, row: int | None, column: str | None) -> Problem:
    assert not report.ok
    assert report.frame is None
    hits = [p for p in report.problems if p.code == code]
    assert hits, report.codes
    p = hits[0]
    assert (p.row, p.column) == (row, column), p
    assert p.file == report.file
    return p


def _xlsx(tmp_path: Path, rows: list[list[object]], name: str = "book.xlsx") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    path = tmp_path / name
    wb.save(path)
    return path


# ---- the committed corpus ----------------------------------------------------------------
def test_corpus_has_at_least_30_bad_files() -> None:
    rows = _manifest()
    assert sum(1 for r in rows if r["code"]) >= 30
    for r in rows:
        assert (CORPUS / r["file"]).is_file(), r["file"]


@pytest.mark.parametrize("case", _manifest(), ids=lambda r: r["file"])
def test_corpus_file(case: dict[str, str]) -> None:
    report = validate_path(CORPUS / case["file"], known_indicators=KNOWN)
    if not case["code"]:
        assert report.ok, report.messages()
        assert report.frame is not None and len(report.frame) >= 1
        return
    row = int(case["row"]) if case["row"] else None
    _only(report, case["code"], row, case["column"] or None)
    assert report.codes[0] == case["code"]


@pytest.mark.parametrize("case", [r for r in _manifest() if r["code"]], ids=lambda r: r["file"])
def test_corpus_messages_are_bilingual(case: dict[str, str]) -> None:
    report = validate_path(CORPUS / case["file"], known_indicators=KNOWN)
    for p in report.problems:
        assert render(p, "vi").strip() and render(p, "en").strip()
        assert render(p, "vi") != render(p, "en")
        assert "{" not in render(p, "vi") and "{" not in render(p, "en")
        vi, en = render(p, "vi"), render(p, "en")
        assert vi.startswith(case["file"])
        assert en.startswith(case["file"])
        if p.row is not None:
            assert f"dòng {p.row}" in vi and f"row {p.row}" in en
        if p.column is not None:
            assert f"cột {p.column}" in vi and f"column {p.column}" in en


def test_every_message_template_is_bilingual() -> None:
    for key in (k for k in catalog.texts("vi") if k.startswith("problem_")):
        vi, en = t(key, "vi"), t(key, "en")
        assert vi.strip() and en.strip(), key
        assert vi != en, key
        assert not vi.isascii(), f"{key}: Vietnamese text without diacritics"


# ---- one test per problem code -----------------------------------------------------------
def test_empty_file() -> None:
    _only(_check(b""), "empty_file", None, None)
    _only(_check(b"\xef\xbb\xbf \n"), "empty_file", None, None)


def test_empty_xlsx(tmp_path: Path) -> None:
    _only(validate_path(_xlsx(tmp_path, [])), "empty_file", None, None)


def test_no_data_rows() -> None:
    _only(_check(HEADER), "no_data_rows", None, None)
    _only(_check(HEADER + ",,,\n\n"), "no_data_rows", None, None)


def test_missing_column() -> None:
    report = _check("indicator_id,year\nde_share,2024\n")
    assert report.codes == ["missing_column", "missing_column"]
    assert [(p.row, p.column) for p in report.problems] == [(1, "geo"), (1, "value")]


def test_missing_column_located_at_real_header_row() -> None:
    _only(_check("\n\nindicator_id,geo,year\nde_share,QN,2024\n"), "missing_column", 3, "value")


def test_duplicate_column() -> None:
    _only(_check("indicator_id,geo,GEO,year,value\nde_share,QN,QN,2024,7\n"), "duplicate_column", 1, "geo")


def test_extension_mismatch_text_named_xlsx() -> None:
    p = _only(_check(HEADER + "de_share,QN,2024,7.1\n", "data.xlsx"), "extension_mismatch", None, None)
    assert ".xlsx" in render(p, "vi")


def test_extension_mismatch_xlsx_named_csv(tmp_path: Path) -> None:
    book = _xlsx(tmp_path, [["indicator_id", "geo", "year", "value"], ["de_share", "QN", 2024, 7.1]])
    renamed = tmp_path / "really_excel.csv"
    renamed.write_bytes(book.read_bytes())
    _only(validate_path(renamed), "extension_mismatch", None, None)


def test_extension_mismatch_zip_named_csv_and_xlsx() -> None:
    buf = io.BytesIO()
    with __import__("zipfile").ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", "hello")
    _only(_check(buf.getvalue(), "a.csv"), "extension_mismatch", None, None)
    _only(_check(buf.getvalue(), "a.xlsx"), "extension_mismatch", None, None)


def test_unsupported_format() -> None:
    _only(_check(b"anything", "data.xls"), "unsupported_format", None, None)
    _only(_check(b"{}", "data.json"), "unsupported_format", None, None)


def test_unknown_indicator_with_suggestion() -> None:
    p = _only(_check(HEADER + "grdp_growht,QN,2024,8\n"), "unknown_indicator", 2, "indicator_id")
    assert "grdp_growth" in render(p, "vi") and "grdp_growth" in render(p, "en")


def test_unknown_indicator_only_when_known_list_given() -> None:
    report = validate_bytes((HEADER + "my_own_series,QN,2024,8\n").encode(), "a.csv")
    assert report.ok
    assert report.frame["indicator_id"].tolist() == ["my_own_series"]


def test_unknown_geo() -> None:
    _only(_check(HEADER + "de_share,QN,2024,7\nde_share,Hà Nội,2024,7\n"), "unknown_geo", 3, "geo")


def test_missing_value() -> None:
    _only(_check(HEADER + ",QN,2024,7\n"), "missing_value", 2, "indicator_id")
    _only(_check(HEADER + "de_share,,2024,7\n"), "missing_value", 2, "geo")
    _only(_check(HEADER + "de_share,QN\n"), "missing_value", 2, "year")


def test_not_numeric() -> None:
    p = _only(_check(HEADER + "de_share,QN,2024,abc\n"), "not_numeric", 2, "value")
    assert "Giá trị 'abc' không phải là số." in render(p, "vi")
    assert "'abc' is not a number" in render(p, "en")


@pytest.mark.parametrize("text", ["1_000", "7.1.2", "٣", "12 %x", "0x10", "1,5"])
def test_not_numeric_variants(text: str) -> None:
    _only(_check(HEADER + f'grdp_growth,QN,2024,"{text}"\n'), "not_numeric", 2, "value")


@pytest.mark.parametrize("text", ["nan", "NaN", "inf", "-Infinity", "1e400"])
def test_not_finite(text: str) -> None:
    _only(_check(HEADER + f"grdp_growth,QN,2024,{text}\n"), "not_finite", 2, "value")


@pytest.mark.parametrize("text", ["=1+1", "+A1", "-B2*3", "@SUM(A1:A3)", '=HYPERLINK(""http://x"")'])
def test_formula_text(text: str) -> None:
    _only(_check(HEADER + f'grdp_growth,QN,2024,"{text}"\n'), "formula", 2, "value")


def test_formula_anywhere_in_the_row() -> None:
    _only(_check("indicator_id,geo,year,value,note\nde_share,QN,2024,7,=cmd|calc\n"), "formula", 2, "note")
    _only(_check(HEADER + "=de_share,QN,2024,7\n"), "formula", 2, "indicator_id")


def test_signed_numbers_are_not_formulas() -> None:
    report = _check(HEADER + "grdp_growth,QN,2024,-1.5\ngrdp_growth,QN,2023,+2\n")
    assert report.ok, report.codes
    assert report.frame["value"].tolist() == [-1.5, 2.0]


def test_lone_dash_is_not_a_formula() -> None:
    _only(_check(HEADER + "grdp_growth,QN,2024,-\n"), "not_numeric", 2, "value")


def test_formula_xlsx(tmp_path: Path) -> None:
    path = _xlsx(tmp_path, [["indicator_id", "geo", "year", "value"], ["de_share", "QN", 2024, "=2*3.5"]])
    p = _only(validate_path(path), "formula", 2, "value")
    assert "=2*3.5" in render(p, "vi")


def test_year_not_integer() -> None:
    _only(_check(HEADER + "de_share,QN,2024.5,7\n"), "year_not_integer", 2, "year")
    _only(_check(HEADER + "de_share,QN,năm 2024,7\n"), "year_not_integer", 2, "year")
    _only(_check(HEADER + "de_share,QN,2021-2025,7\n"), "year_not_integer", 2, "year")


def test_year_integer_forms_accepted() -> None:
    report = _check(HEADER + "de_share,QN,2024.0,7\nde_share,QN, 2023 ,7\n")
    assert report.ok
    assert report.frame["year"].tolist() == [2024, 2023]


@pytest.mark.parametrize("year", ["1989", "2101", "0", "-2024", "99999999999"])
def test_year_out_of_range(year: str) -> None:
    _only(_check(HEADER + f"de_share,QN,{year},7\n"), "year_out_of_range", 2, "year")


def test_year_bounds_accepted() -> None:
    assert _check(HEADER + "de_share,QN,1990,7\nde_share,QN,2100,7\n").ok


@pytest.mark.parametrize(
    ("ind", "value"), [("de_share", "100.5"), ("coverage_4g_pct", "-0.1"), ("share_agri", "101")]
)
def test_share_out_of_range(ind: str, value: str) -> None:
    p = _only(_check(HEADER + f"{ind},QN,2024,{value}\n"), "share_out_of_range", 2, "value")
    assert ind in render(p, "vi")


def test_non_share_may_exceed_100() -> None:
    assert _check(HEADER + "grdp_vnd_trn,QN,2024,347.5\ngrdp_growth,QN,2024,-3\n").ok


def test_custom_share_indicators() -> None:
    _only(
        _check(HEADER + "grdp_growth,QN,2024,150\n", share_indicators={"grdp_growth"}),
        "share_out_of_range",
        2,
        "value",
    )
    assert _check(HEADER + "de_share,QN,2024,150\n", share_indicators=()).ok


def test_default_share_rule() -> None:
    assert is_share_indicator("de_share")
    assert is_share_indicator("de_core_share")
    assert is_share_indicator("de_digitalised_share")
    assert is_share_indicator("share_services")
    assert is_share_indicator("online_shoppers_pct")
    assert not is_share_indicator("grdp_growth")
    assert not is_share_indicator("grdp_vnd_trn")


def test_duplicate() -> None:
    p = _only(
        _check(HEADER + "de_share,QN,2024,7\ngrdp_growth,QN,2024,8\nde_share,QN,2024,7.5\n"),
        "duplicate",
        4,
        None,
    )
    assert "2" in render(p, "vi")  # names the first occurrence


def test_duplicate_allowed_across_geo_and_target_sets() -> None:
    assert _check(HEADER + "de_share,QN,2030,30\nde_share,VN,2030,30\n").ok
    text = "indicator_id,geo,year,value,target_set\nde_share,QN,2030,35,article\nde_share,QN,2030,30,resolution09\n"
    assert _check(text).ok
    _only(_check(text + "de_share,QN,2030,31,article\n"), "duplicate", 4, None)


def test_too_many_values() -> None:
    _only(_check(HEADER + "de_share,QN,2024,7,1\n"), "too_many_values", 2, None)


def test_file_too_large_bytes() -> None:
    report = _check(b"x" * (MAX_BYTES + 1), "big.csv")
    assert report.codes == ["file_too_large"]
    assert "5 MB" in render(report.problems[0], "en")


def test_file_too_large_path_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as fh:
        fh.write((HEADER + "de_share,QN,2024,7\n").encode())
        fh.truncate(MAX_BYTES + 10)

    def _no_read(*_a, **_k):
        raise AssertionError("the file must not be read")

    monkeypatch.setattr(Path, "read_bytes", _no_read)
    report = validate_path(big)
    assert report.codes == ["file_too_large"]


def test_file_exactly_at_limit_is_parsed() -> None:
    years = range(1990, 2101)
    head = b"indicator_id,geo,year,value,note\n"
    lines = [f"de_share,QN,{y},7,".encode() for y in years]
    fixed = len(head) + sum(len(ln) + 1 for ln in lines)
    pad, extra = divmod(MAX_BYTES - fixed, len(lines))
    notes = [b"x" * (pad + (1 if i < extra else 0)) for i in range(len(lines))]
    data = head + b"".join(ln + n + b"\n" for ln, n in zip(lines, notes, strict=True))
    assert len(data) == MAX_BYTES
    report = _check(data)
    assert report.ok, report.codes
    assert len(report.frame) == len(years)


def test_many_blank_lines_are_cheap() -> None:
    data = (HEADER + "de_share,QN,2024,7\n").encode() + b"\n" * (MAX_BYTES - 100)
    assert _check(data).ok


def test_unreadable_encoding_cp1258() -> None:
    data = "indicator_id,geo,year,value,note\nde_share,QN,2024,7.1,Quảng Ninh\n".encode(
        "cp1258", errors="replace"
    )
    data = data.replace(b"?", b"\xd2")  # make sure a non-UTF-8 byte is present
    p = _only(_check(data), "unreadable", 2, None)
    assert "UTF-8" in render(p, "vi") and "UTF-8" in render(p, "en")


def test_unreadable_utf16() -> None:
    p = _only(_check((HEADER + "de_share,QN,2024,7.1\n").encode("utf-16")), "unreadable", None, None)
    assert "UTF-16" in render(p, "en")
    assert "UTF-8" in render(p, "vi")


def test_unreadable_missing_path(tmp_path: Path) -> None:
    report = validate_path(tmp_path / "nope.csv")
    p = _only(report, "unreadable", None, None)
    assert report.file == "nope.csv"
    assert "nope.csv" in render(p, "vi")


def test_unreadable_directory(tmp_path: Path) -> None:
    _only(validate_path(tmp_path), "unreadable", None, None)


def test_unreadable_broken_xlsx(tmp_path: Path) -> None:
    path = _xlsx(tmp_path, [["indicator_id", "geo", "year", "value"], ["de_share", "QN", 2024, 7.1]])
    data = path.read_bytes()
    _only(_check(data[: len(data) // 3], "cut.xlsx"), "unreadable", None, None)


def test_internal_error_becomes_unreadable(monkeypatch: pytest.MonkeyPatch) -> None:
    def _boom(*_a, **_k):
        raise RuntimeError("boom")

    monkeypatch.setattr(validate_module, "_check_table", _boom)
    report = _check(HEADER + "de_share,QN,2024,7\n")
    assert report.codes == ["unreadable"]
    assert "RuntimeError" in render(report.problems[0], "en")


def test_too_many_problems_are_capped() -> None:
    text = HEADER + "".join(f"de_share,QN,{2000 + i % 50},abc\n" for i in range(500))
    report = _check(text)
    assert len(report.problems) == MAX_PROBLEMS + 1
    assert report.codes[-1] == "too_many_problems"


# ---- accepted variants -------------------------------------------------------------------
def test_good_csv_frame() -> None:
    report = _check(HEADER + "de_share,QN,2024,7.1\ngrdp_growth,qn,2025,11.89\n")
    assert report.ok and report.problems == ()
    f = report.frame
    assert list(f.columns) == ["indicator_id", "geo", "year", "value", "note"]
    assert f["year"].dtype == "int64" and f["value"].dtype == "float64"
    assert f["geo"].tolist() == ["QN", "QN"]
    assert f["note"].tolist() == ["", ""]


def test_bom_semicolon_decimal_comma() -> None:
    data = "indicator_id;geo;year;value;note\r\nde_share;QN;2024;7,1;Tỷ trọng; có dấu\r\n".encode("utf-8-sig")
    report = _check(data.replace(b"; c", b", c"))
    assert report.ok, report.messages()
    assert report.frame["value"].tolist() == [7.1]
    assert report.frame["note"].tolist() == ["Tỷ trọng, có dấu"]


def test_excel_sep_hint_line() -> None:
    report = _check("sep=;\r\nindicator_id;geo;year;value\r\nde_share;QN;2024;7,1\r\nde_share;QN;2023;x\r\n")
    _only(report, "not_numeric", 3, "value")  # rows numbered as Excel shows them (hint line hidden)


def test_comma_separated_with_quoted_note_and_percent() -> None:
    report = _check('indicator_id,geo,year,value,note\nde_share,QN,2024,7.1%,"a, b"\n')
    assert report.ok
    assert report.frame["value"].tolist() == [7.1]


def test_headers_case_and_spaces() -> None:
    assert _check(" INDICATOR_ID ,Geo, YEAR,Value\nde_share,QN,2024,7\n").ok
    assert _check("Indicator ID,geo,year,value\nde_share,QN,2024,7\n").ok


def test_indicator_case_is_normalised_to_codebook() -> None:
    report = _check(HEADER + "DE_SHARE,QN,2024,7\n")
    assert report.ok
    assert report.frame["indicator_id"].tolist() == ["de_share"]


def test_xlsx_good(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path,
        [
            ["Indicator_ID", "geo", "year", "value", "note"],
            ["de_share", "QN", 2024, 7.1, "ghi chú"],
            [None, None, None, None, None],
            ["grdp_growth", "QN", 2025.0, "11,89", None],
        ],
    )
    report = validate_path(path, known_indicators=KNOWN)
    assert report.ok, report.messages()
    assert report.frame["value"].tolist() == [7.1, 11.89]
    assert report.frame["year"].tolist() == [2024, 2025]
    assert report.frame["note"].tolist() == ["ghi chú", ""]


def test_xlsx_bad_rows_located(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path,
        [
            ["indicator_id", "geo", "year", "value"],
            ["de_share", "QN", 2024, "abc"],
            ["de_share", "XX", 2023, 5],
            ["de_share", "QN", dt.date(2022, 1, 1), 5],
            ["de_share", "QN", 2021, 120],
        ],
    )
    report = validate_path(path, known_indicators=KNOWN)
    got = [(p.code, p.row, p.column) for p in report.problems]
    assert got == [
        ("not_numeric", 2, "value"),
        ("unknown_geo", 3, "geo"),
        ("year_not_integer", 4, "year"),
        ("share_out_of_range", 5, "value"),
    ]


def test_xlsx_uses_first_sheet_and_real_row_numbers(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A3"], ws["B3"], ws["C3"], ws["D3"] = "indicator_id", "geo", "year", "value"
    ws["A6"], ws["B6"], ws["C6"], ws["D6"] = "de_share", "QN", 2024, "x"
    other = wb.create_sheet("other")
    other.append(["nothing", "here"])
    path = tmp_path / "rows.xlsx"
    wb.save(path)
    _only(validate_path(path), "not_numeric", 6, "value")


def test_template_is_valid_and_documented() -> None:
    text = template_csv()
    lines = text.splitlines()
    assert lines[0] == "indicator_id,geo,year,value,note"
    assert len(lines) == 3
    report = _check(text, "template.csv")
    assert report.ok, report.messages()
    assert len(report.frame) == 2
    ds = load_dataset()
    for r in report.frame.itertuples():
        assert ds.value(r.indicator_id, r.geo, r.year) == r.value  # harmless if uploaded unchanged
    assert template_bytes().startswith(b"\xef\xbb\xbf")
    assert _check(template_bytes(), "template.csv").ok
    assert validate_module.template_csv.__doc__


def test_problem_message_format() -> None:
    p = Problem.of("not_numeric", "a.csv", 5, "value", "", value="x")
    assert render(p, "vi").startswith("a.csv, dòng 5, cột value: Giá trị 'x' không phải là số.")
    assert render(p, "en").startswith("a.csv, row 5, column value: The value 'x' is not a number.")
    q = Problem.of("empty_file", "a.csv")
    assert render(q, "en") == "a.csv: The file is empty."


def test_report_reflects_path_name(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(HEADER + "de_share,QN,2024,7\n", encoding="utf-8")
    report = validate_path(path)
    assert report.ok and report.file == "mine.csv"


def test_report_frame_is_independent() -> None:
    report = _check(HEADER + "de_share,QN,2024,7\n")
    assert isinstance(report.frame, pd.DataFrame)


# ---- property tests ----------------------------------------------------------------------
_names = st.one_of(
    st.text(max_size=30),
    st.builds(
        lambda stem, ext: stem + ext,
        st.text(alphabet=string.ascii_letters + "._-/\\ ", max_size=12),
        st.sampled_from([".csv", ".CSV", ".xlsx", ".xls", ".txt", "", ".xlsm", ".json"]),
    ),
)
_blobs = st.one_of(
    st.binary(max_size=2000),
    st.builds(lambda b: b"PK\x03\x04" + b, st.binary(max_size=500)),
    st.builds(lambda b: b"\xef\xbb\xbf" + b, st.binary(max_size=500)),
    st.builds(lambda b: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b, st.binary(max_size=200)),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_blobs, name=_names)
def test_never_raises_on_arbitrary_bytes(data: bytes, name: str) -> None:
    report = validate_bytes(data, name, known_indicators=KNOWN)
    assert isinstance(report, ValidationReport)
    assert report.ok == (report.frame is not None)
    for p in report.problems:
        assert p.code and render(p, "vi") and render(p, "en")


_cell = st.one_of(
    st.sampled_from(
        ["de_share", "grdp_growth", "QN", "VN", "2024", "7.1", "7,1", "=1", "-", "", "nan", "1e999"]
    ),
    st.text(alphabet=string.printable + 'ảơư"', max_size=8),
)


@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(st.lists(_cell, min_size=0, max_size=6), max_size=8),
    sep=st.sampled_from([",", ";", "\t"]),
    header=st.booleans(),
)
def test_never_raises_on_csv_like_text(rows: list[list[str]], sep: str, header: bool) -> None:
    lines = ([sep.join(["indicator_id", "geo", "year", "value"])] if header else []) + [
        sep.join(r) for r in rows
    ]
    report = validate_bytes("\n".join(lines).encode("utf-8"), "fuzz.csv", known_indicators=KNOWN)
    if report.ok:
        f = report.frame
        assert f["year"].between(1990, 2100).all()
        assert f["value"].map(lambda v: v == v and abs(v) != float("inf")).all()
        assert not f.duplicated(["indicator_id", "geo", "year"]).any()


def test_xlsx_far_away_cells_are_cheap(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["indicator_id", "geo", "year", "value"])
    ws.append(["de_share", "QN", 2024, 7.1])
    ws["XFD1048576"] = "far right, ignored"
    ws["A1048576"] = "de_share"
    path = tmp_path / "far.xlsx"
    wb.save(path)
    report = validate_path(path)
    assert [(p.code, p.row, p.column) for p in report.problems] == [
        ("missing_value", 1048576, "geo"),
        ("missing_value", 1048576, "year"),
        ("missing_value", 1048576, "value"),
    ]
