"""AppTest of the "Your data" page: the real uploader, editor and buttons, through the router.

AppTest drives ``st.file_uploader`` (``set_value``) and seeds the data editor's edit state by key,
so these tests run the page's own code paths, then read the state ``app.py`` built for the run.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from qn_model.data.dataset import load_dataset
from qn_model.i18n.formats import t
from qn_model.views.history import values_table
from qn_model.views.session.keys import MYDATA_GENERATION, MYDATA_OUTCOME, USER_DATASET, W_MORE

APP = str(Path(__file__).resolve().parents[1] / "app.py")
PAGE = "pages/mydata.py"
TIMEOUT = 240  # the first run imports plotly and statsmodels and fits the trends

GOOD = b"indicator_id,geo,year,value,note\nde_share,QN,2025,9.0,Province estimate **not bold**\n"
GROWTH_2026 = b"indicator_id,geo,year,value,note\ngrdp_growth,QN,2026,5.0,\n"
BAD = b"indicator_id,geo,year,value\nde_share,QN,2026,abc\nde_sharee,QN,2026,5\n"


def open_page(**query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader[0].set_value((name, data, "text/csv"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def state(at: AppTest):
    return at.session_state["_state"]


def editor_key(at: AppTest) -> str:
    gen = at.session_state.get(MYDATA_GENERATION, 0)
    return f"mydata_table_{gen}"


def texts(elements) -> str:
    return "\n".join(e.value for e in elements).replace("\\", "")  # the page escapes Markdown


@pytest.fixture(scope="module")
def shipped_version() -> str:
    return load_dataset().version


def test_page_renders_with_uploader_template_and_editor(shipped_version):
    at = open_page()
    assert at.title[0].value == "Số liệu của bạn"
    assert set(at.file_uploader[0].allowed_type) == {".csv", ".xlsx"}
    assert at.data_editor(key="mydata_table_0").editing_mode == "dynamic"
    assert at.button(key="mydata_reset").disabled
    assert shipped_version in texts(at.caption)
    assert at.query_params["dv"] == shipped_version  # every link names the data it was made on


def test_good_upload_changes_verdict_basis_defaults_and_fits(shipped_version):
    at = open_page()
    shipped_gy2 = state(at).ctx.defaults.gy2
    upload(at, "uoc_tinh.csv", GOOD)
    s = state(at)
    assert "Đã nạp 1 dòng từ tệp uoc_tinh.csv" in texts(at.success)
    assert s.ds.version != shipped_version
    assert s.ds.row("de_share", "QN", 2025)["kind"] == "user"
    assert s.ctx.defaults.base_year == 2025 and s.scenario.base_year == 2025
    assert s.scenario.base_share_pct == 9.0
    at.session_state[W_MORE] = True  # the sidebar's further assumptions, opened
    at.run()
    assert at.number_input(key="w_base").value == 2025  # the sidebar follows the new defaults
    assert s.evaluation.verdicts[0].basis == "observed"
    assert at.query_params["dv"] == s.ds.version  # a link made now names the data
    changes = at.dataframe[-1].value
    assert changes.iloc[0]["Mã chỉ tiêu"] == "de_share"
    assert changes.iloc[0]["Ghi chú"] == "Province estimate **not bold**"  # user text stays text
    upload(at, "tang_truong.csv", GROWTH_2026)  # merged with the earlier rows
    s = state(at)
    assert s.ds.value("de_share", "QN", 2025) == 9.0 and s.ds.value("grdp_growth", "QN", 2026) == 5.0
    assert s.ctx.defaults.gy2 != shipped_gy2  # the GRDP trend fit uses the new year at once
    assert at.button(key="mydata_reset").disabled is False


def test_bad_upload_keeps_the_data_and_says_where_in_both_languages():
    at = upload(open_page(), "good.csv", GOOD)
    version = state(at).ds.version
    upload(at, "xau.csv", BAD)
    assert state(at).ds.version == version and at.session_state[USER_DATASET].version == version
    vi = texts(at.error)
    assert "Chưa nạp tệp xau.csv: có 2 lỗi cần sửa. Số liệu đang dùng không thay đổi." in vi
    assert "xau.csv, dòng 2, cột value: Giá trị 'abc' không phải là số." in vi
    assert "xau.csv, dòng 3, cột indicator_id: Mã chỉ tiêu 'de_sharee'" in vi
    at.radio(key="w_lang").set_value("en").run()
    en = texts(at.error)
    assert "xau.csv, row 2, column value: The value 'abc' is not a number." in en
    assert "Did you mean 'de_share'?" in en
    assert state(at).ds.version == version


def test_editor_apply_bad_then_good_then_reset(shipped_version):
    at = upload(open_page(), "good.csv", GOOD)
    version = state(at).ds.version
    key = editor_key(at)
    # The planner adds the same year twice: located message, nothing applied, edits kept.
    duplicate = {"indicator_id": "de_share", "geo": "QN", "year": 2025, "value": 9.5, "note": ""}
    at.session_state[key] = {"edited_rows": {}, "added_rows": [duplicate], "deleted_rows": []}
    at.button(key="mydata_apply").click().run()
    assert "dòng 3: Dòng này trùng với dòng 2" in texts(at.error)
    assert "[de_share · QN · 2025]" in texts(at.error)
    assert state(at).ds.version == version and editor_key(at) == key
    # Fixed: a corrected 2024 share with a note that looks like markup.
    fixed = {"indicator_id": "de_share", "geo": "QN", "year": 2024, "value": 7.3, "note": "<b>sửa</b>"}
    at.session_state[key] = {"edited_rows": {}, "added_rows": [fixed], "deleted_rows": []}
    at.button(key="mydata_apply").click().run()
    assert not at.exception
    assert "Đã áp dụng bảng: 2 số liệu của bạn (1 bổ sung, 1 thay số liệu gốc)." in texts(at.success)
    s = state(at)
    assert s.ds.value("de_share", "QN", 2024) == 7.3 and s.ds.row("de_share", "QN", 2024)["kind"] == "user"
    assert s.ds.row("de_share", "QN", 2024)["note"] == "<b>sửa</b>"
    at.button(key="mydata_reset").click().run()
    s = state(at)
    assert s.ds.version == shipped_version and USER_DATASET not in at.session_state
    assert s.scenario.base_year == 2024 and s.scenario.base_share_pct == 7.1
    assert at.query_params["dv"] == shipped_version
    assert "phiên bản" not in texts(at.warning)  # the app's own link: no data-version notice
    assert "Đang dùng số liệu gốc" in texts(at.success)
    assert at.session_state[MYDATA_OUTCOME].action == "reset"


def test_a_link_made_on_absent_user_data_says_so_and_shows_shipped_data(shipped_version):
    at = open_page(dv="0123456789ab")
    assert state(at).ds.version == shipped_version
    assert "0123456789ab" in texts(at.warning)


def test_user_values_are_marked_in_charts_and_tables():
    at = upload(open_page(), "good.csv", GOOD)
    at.switch_page("pages/overview.py").run()
    assert not at.exception, [e.value for e in at.exception]
    traces = json.loads(at.get("plotly_chart")[0].proto.spec)["data"]
    assert t("series_user", "vi") in {tr.get("name") for tr in traces}  # user values: their own trace
    table = values_table(state(at).ds, "vi")
    mine = table[table[t("hist_col_kind", "vi")] == t("hist_kind_user", "vi")]
    assert mine[t("hist_col_year", "vi")].tolist() == ["2025"]
    assert mine[t("hist_col_note", "vi")].tolist() == ["Province estimate **not bold**"]
