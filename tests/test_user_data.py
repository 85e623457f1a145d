"""The planner's own data: merging, the edited table through the one validator, what differs from
the shipped data, and the session handling (with a plain dict as the session)."""

from __future__ import annotations

import io
import math

import openpyxl
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from qn_model.data import user_rows as rows_model
from qn_model.data.dataset import load_dataset
from qn_model.data.validate import MAX_BYTES, template_bytes
from qn_model.engine.usable import dataset_problems
from qn_model.i18n import render
from qn_model.views import user_data as ud
from qn_model.views.session import mydata as session_data
from qn_model.views.session.controls import current_dataset
from qn_model.views.session.keys import USER_DATASET


@pytest.fixture(scope="module")
def shipped():
    return load_dataset()


def rows(*records) -> pd.DataFrame:
    """Rows (indicator_id, geo, year, value[, note])."""
    full = [(*r, "") if len(r) == 4 else r for r in records]
    return pd.DataFrame(full, columns=list(rows_model.EDIT_COLUMNS))


def csv_bytes(*lines: str) -> bytes:
    return ("indicator_id,geo,year,value,note\n" + "\n".join(lines) + "\n").encode()


# ---- rows -------------------------------------------------------------------------------
def test_shipped_data_has_no_user_rows(shipped):
    got = rows_model.user_rows(shipped)
    assert got.empty
    assert list(got.columns) == list(rows_model.EDIT_COLUMNS)
    assert str(got["year"].dtype) == "int64"


def test_user_rows_come_back_with_kind_user(shipped):
    ds = shipped.with_rows(rows(("de_share", "QN", 2025, 9.0, "own estimate")))
    assert ds.row("de_share", "QN", 2025)["kind"] == "user"
    got = rows_model.user_rows(ds)
    assert got.to_dict("records") == [
        {"indicator_id": "de_share", "geo": "QN", "year": 2025, "value": 9.0, "note": "own estimate"}
    ]


def test_merge_keeps_earlier_rows_and_lets_the_new_win():
    earlier = rows(("de_share", "QN", 2025, 9.0), ("grdp_growth", "QN", 2026, 8.0))
    new = rows(("de_share", "QN", 2025, 9.5, "revised"), ("de_share", "QN", 2023, 6.0))
    merged = rows_model.merge_rows(earlier, new)
    assert list(zip(merged["indicator_id"], merged["year"], merged["value"], strict=True)) == [
        ("de_share", 2023, 6.0),
        ("de_share", 2025, 9.5),
        ("grdp_growth", 2026, 8.0),
    ]
    assert merged.loc[merged["year"] == 2025, "note"].item() == "revised"


def test_merge_with_nothing_earlier():
    assert rows_model.merge_rows(None, rows_model.empty_rows()).empty
    assert len(rows_model.merge_rows(None, rows(("de_share", "QN", 2025, 9.0)))) == 1


# ---- the edited table goes through the one validator --------------------------------------
def test_table_round_trips_through_the_validator(shipped):
    table = rows(
        ("de_share", "QN", 2025, 9.0, 'a "quoted", note\non two lines'), ("grdp_growth", "VN", 2026, -1.5)
    )
    report = rows_model.validate_table(table, shipped.codebook["indicator_id"])
    assert report.ok, report.messages()
    assert report.frame["note"].tolist() == ['a "quoted", note\non two lines', ""]
    assert_allclose(report.frame["value"], [9.0, -1.5])


def test_editor_floats_and_blanks_are_written_as_a_spreadsheet_would():
    table = pd.DataFrame(
        {
            "indicator_id": ["de_share", None],
            "geo": ["QN", "QN"],
            "year": [2025.0, math.nan],
            "value": [9.0, None],
            "note": [None, "x"],
        }
    )
    text = rows_model.table_csv_bytes(table).decode()
    assert text.splitlines() == ["indicator_id,geo,year,value,note", "de_share,QN,2025,9.0,", ",QN,,,x"]


def test_table_problems_are_located_by_row_and_column(shipped):
    table = rows(
        ("de_share", "QN", 2025, 9.0), ("de_share", "QN", 2026, 150.0), ("de_share", "QN", 2025, 9.1)
    )
    table.loc[3] = [None, "QN", 2027, 1.0, ""]
    report = rows_model.validate_table(table, shipped.codebook["indicator_id"])
    assert report.codes == ["share_out_of_range", "duplicate", "missing_value"]
    assert [p.row for p in report.problems] == [3, 4, 5]
    assert render(report.problems[2], "en").startswith("row 5, column indicator_id:")
    assert render(report.problems[2], "vi").startswith("dòng 5, cột indicator_id:")
    assert rows_model.row_labels(table)[4] == "de_share · QN · 2025"
    assert rows_model.row_labels(table)[5] == "? · QN · 2027"


def test_a_note_that_looks_like_a_formula_is_refused_like_in_a_file(shipped):
    report = rows_model.validate_table(rows(("de_share", "QN", 2025, 9.0, "=HYPERLINK(1)")), ["de_share"])
    assert report.codes == ["formula"]


def test_blank_table():
    assert rows_model.is_blank_table(rows_model.empty_rows())
    assert rows_model.is_blank_table(pd.DataFrame({"indicator_id": [None], "geo": [""], "year": [math.nan]}))
    assert not rows_model.is_blank_table(rows(("de_share", "QN", 2025, 9.0)))


# ---- datasets the app can use ------------------------------------------------------------------
def test_build_dataset_from_no_rows_is_the_shipped_data(shipped):
    assert rows_model.build_dataset(shipped, rows_model.empty_rows()) is shipped


def test_a_province_estimate_is_usable(shipped):
    ds = rows_model.build_dataset(shipped, rows(("de_share", "QN", 2025, 9.0)))
    assert dataset_problems(ds) == ()
    assert ds.version != shipped.version


@pytest.mark.parametrize(
    ("record", "fragment"),
    [
        (("de_share", "QN", 2025, 0.0), "Base-year share"),  # s0 must be at least 0.1
        (("de_share", "QN", 2030, 12.0), "Base year"),  # links accept base years up to 2029
        (("grdp_growth", "QN", 2025, 300.0), "GRDP growth"),  # sliders stop at 250 %/year
    ],
)
def test_data_that_would_break_the_controls_is_refused(shipped, record, fragment):
    problems = dataset_problems(rows_model.build_dataset(shipped, rows(record)), "f.csv")
    assert problems and {p.code for p in problems} == {"default_out_of_range"}
    assert any(fragment in render(p, "en") for p in problems)
    assert render(problems[0], "en").startswith("f.csv: ")


# ---- what differs from the shipped data ------------------------------------------------------
def test_changes_tell_added_from_overridden(shipped):
    ds = shipped.with_rows(rows(("de_share", "QN", 2024, 7.5, "corrected"), ("de_share", "QN", 2025, 9.0)))
    got = rows_model.changes(shipped, ds)
    assert got["change"].tolist() == ["overridden", "added"]
    assert_allclose(got["shipped_value"].iloc[0], 7.1)
    assert math.isnan(got["shipped_value"].iloc[1])
    assert rows_model.count_changes(shipped, rows_model.user_rows(ds)) == rows_model.ChangeSummary(
        added=1, overridden=1
    )


def test_changes_table_is_localised_and_keeps_notes_as_text(shipped):
    ds = shipped.with_rows(rows(("de_share", "QN", 2025, 9.25, "**not bold** <b>x</b>")))
    vi = ud.changes_table(shipped, ds, "vi")
    en = ud.changes_table(shipped, ds, "en")
    assert list(en.columns)[:2] == ["Indicator", "Indicator code"]
    assert vi.iloc[0]["Số liệu của bạn"] == "9,25%" and en.iloc[0]["Your value"] == "9.25%"
    assert en.iloc[0]["Shipped value"] == "–"
    assert en.iloc[0]["Change"] == "Added" and vi.iloc[0]["Thay đổi"] == "Bổ sung"
    assert en.iloc[0]["Note"] == "**not bold** <b>x</b>"


def test_codebook_table_and_template_name(shipped):
    table = ud.codebook_table(shipped, "en")
    assert "de_share" in set(table["Indicator code"])
    assert ud.template_filename("vi").endswith(".csv") and ud.template_filename("en").endswith(".csv")
    assert ud.template_filename("vi") != ud.template_filename("en")


# ---- outcome texts ------------------------------------------------------------------------------
def test_outcome_lists_at_most_thirty_problems_then_counts_the_rest(shipped):
    body = [f"de_share,QN,{2000 + i},abc," for i in range(45)]
    outcome = session_data.process_upload(csv_bytes(*body), "many.csv", session={})
    head, lines = ud.outcome_lines(outcome, "en")
    assert head == "many.csv was not loaded: 45 problem(s) to fix. The data in use is unchanged."
    assert len(lines) == 31
    assert lines[0].startswith("many.csv, row 2, column value:")
    assert lines[-1] == "… and 15 more"
    assert ud.outcome_lines(outcome, "vi")[1][-1] == "… và 15 lỗi khác"


# ---- session handling (a dict stands in for st.session_state) --------------------------------------
def test_good_upload_is_stored_and_merged_with_earlier_rows(shipped):
    session: dict = {}
    first = session_data.process_upload(csv_bytes("de_share,QN,2025,9.0,own"), "a.csv", session)
    assert first.ok and first.summary == rows_model.ChangeSummary(added=1, overridden=0)
    second = session_data.process_upload(csv_bytes("de_share,QN,2024,7.2,"), "b.csv", session)
    assert second.ok and second.summary == rows_model.ChangeSummary(added=0, overridden=1)
    assert second.total == rows_model.ChangeSummary(added=1, overridden=1)
    ds = session[USER_DATASET]
    assert ds.value("de_share", "QN", 2025) == 9.0 and ds.value("de_share", "QN", 2024) == 7.2
    assert ds.row("de_share", "QN", 2025)["kind"] == "user"
    head, _ = ud.outcome_lines(second, "en")
    assert head.startswith("Loaded 1 row(s) from b.csv: 0 added, 1 replacing shipped figures.")


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (csv_bytes("de_share,QN,2026,abc,"), "bad.csv", "not_numeric"),
        (b"\x00\x01garbage" * 10, "bad.csv", "extension_mismatch"),
        (b"x" * (MAX_BYTES + 1), "big.csv", "file_too_large"),
        (b"a,b\n1,2\n", "old.xls", "unsupported_format"),
        (csv_bytes("de_share,QN,2025,0,"), "zero.csv", "default_out_of_range"),
    ],
)
def test_a_failed_upload_never_loses_the_previous_data(data, name, code):
    session: dict = {}
    session_data.process_upload(csv_bytes("de_share,QN,2025,9.0,"), "good.csv", session)
    before = session[USER_DATASET]
    outcome = session_data.process_upload(data, name, session)
    assert not outcome.ok and code in {p.code for p in outcome.problems}
    assert session[USER_DATASET] is before


def test_xlsx_upload(shipped):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["indicator_id", "geo", "year", "value", "note"])
    ws.append(["de_share", "QN", 2025, 9.0, "from Excel"])
    buf = io.BytesIO()
    wb.save(buf)
    session: dict = {}
    outcome = session_data.process_upload(buf.getvalue(), "so_lieu.xlsx", session)
    assert outcome.ok, [render(p, "en") for p in outcome.problems]
    assert session[USER_DATASET].row("de_share", "QN", 2025)["note"] == "from Excel"


def test_the_template_uploads_unchanged_and_only_restates_shipped_figures(shipped):
    session: dict = {}
    outcome = session_data.process_upload(template_bytes(), ud.template_filename("vi"), session)
    assert outcome.ok and outcome.summary == rows_model.ChangeSummary(added=0, overridden=2)
    ds = session[USER_DATASET]
    for ind, geo, year in (("de_share", "QN", 2024), ("grdp_growth", "QN", 2025)):
        assert ds.value(ind, geo, year) == shipped.value(ind, geo, year)


def test_apply_replaces_all_user_rows_and_a_blank_table_resets(shipped):
    session: dict = {}
    session_data.process_upload(
        csv_bytes("de_share,QN,2025,9.0,", "grdp_growth,QN,2026,8,"), "a.csv", session
    )
    table = rows_model.user_rows(session[USER_DATASET]).iloc[[0]]  # the planner deleted one row
    outcome = session_data.process_table(table, session)
    assert outcome.ok and outcome.total == rows_model.ChangeSummary(added=1, overridden=0)
    assert session[USER_DATASET].value("grdp_growth", "QN", 2026) is None
    outcome = session_data.process_table(rows_model.empty_rows(), session)
    assert outcome.ok and USER_DATASET not in session
    assert ud.outcome_lines(outcome, "en")[0].startswith("Using the app's shipped data")


def test_a_bad_table_keeps_the_data_and_names_the_rows(shipped):
    session: dict = {}
    session_data.process_upload(csv_bytes("de_share,QN,2025,9.0,"), "a.csv", session)
    before = session[USER_DATASET]
    table = rows(("de_share", "QN", 2025, 9.0), ("de_share", "QN", 2025, 9.5))
    outcome = session_data.process_table(table, session)
    assert not outcome.ok and session[USER_DATASET] is before
    _, lines = ud.outcome_lines(outcome, "en")
    assert lines == [
        "row 3: This row repeats row 2 (same indicator 'de_share', area QN, year 2025). Each indicator may "
        "have only one value per area and year; delete one of the rows. [de_share · QN · 2025]"
    ]


def test_reset(shipped):
    session: dict = {}
    session_data.process_upload(csv_bytes("de_share,QN,2025,9.0,"), "a.csv", session)
    outcome = session_data.process_reset(session)
    assert outcome.ok and USER_DATASET not in session
    assert current_dataset(session) is shipped
