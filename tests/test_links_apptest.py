"""AppTest: links that keep their word. A compare link reopens the same comparison, as a session's
first request too, in the meeting view as well; a link made on older data says what changed.

Expected numbers come from the engine (``qn_model``), never from the UI.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

import pytest
from streamlit.testing.v1 import AppTest

from qn_model.data.dataset import clear_cache, load_dataset
from qn_model.data.versions import append_entry
from qn_model.engine.evaluate import evaluate_link
from qn_model.engine.presets import default_scenario
from qn_model.i18n.formats import fmt_pct, t
from qn_model.views.compare import build_comparison, outcomes_table
from tests.apptest import live_metric
from tests.data_copies import data_with_2024_share

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
COMPARE = "pages/compare.py"
CMP = "current,ambitious,?gd2=40&t2=30"
LINK = {"cmp": CMP, "gy2": "9", "lang": "en"}


@pytest.fixture(scope="module")
def ds():
    ds = load_dataset()
    default_scenario(ds)  # fit the trends once, outside AppTest's per-run timeout
    return ds


def open_link(params: dict[str, str], page: str | None = None) -> AppTest:
    """A session whose first request is ``params`` on ``page`` (a deep link)."""
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    if page is not None:
        at.switch_page(page)  # before the first run: the link's page is the session's first request
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def query(at: AppTest) -> dict[str, str]:
    return {k: (v[-1] if isinstance(v, list) else v) for k, v in at.query_params.items()}


def warnings(at: AppTest) -> str:
    return "\n".join(re.sub(r"\\(.)", r"\1", w.value) for w in at.warning)


def frame(at: AppTest, first_column: str):
    return next(df.value for df in at.dataframe if df.value.columns[0] == first_column)


def test_a_compare_link_as_first_request_reopens_the_comparison(ds):
    at = open_link(LINK, COMPARE)
    assert at.checkbox(key="cmp_current").value is True
    assert at.multiselect(key="cmp_presets").value == ["ambitious"]
    assert at.text_area(key="cmp_links").value == "?gd2=40&t2=30"
    # The same columns and numbers as the engine's comparison of the same link.
    current = evaluate_link(urlencode(LINK), ds).scenario
    expected = build_comparison(ds, current, presets=("ambitious",), links_text="?gd2=40&t2=30")
    shown = frame(at, t("cmp_col_outcome", "en"))
    table = outcomes_table(expected, "en")
    assert list(shown.columns) == ["Measure", "Current scenario", t("preset_ambitious", "en"), "Link 1"]
    assert shown.to_dict("records") == table.to_dict("records")
    chart = at.get("plotly_chart")[0].proto.spec
    for label in ("Current scenario", t("preset_ambitious", "en"), "Link 1"):
        assert f'"name":"{label}"' in chart
    # The link is written back canonical, with the data it was made on.
    q = query(at)
    assert q["cmp"] == CMP and q["dv"] == ds.version and q["gy2"] == "9" and q["lang"] == "en"
    assert not at.warning


def test_the_selection_goes_into_the_link_in_canonical_order(ds):
    at = open_link({"lang": "en"}, COMPARE)
    assert "cmp" not in query(at)  # the default selection is left out
    at.multiselect(key="cmp_presets").unselect("plan").select("trend").run()
    assert at.multiselect(key="cmp_presets").value == ["trend", "cautious", "ambitious"]
    assert query(at)["cmp"] == "current,trend,cautious,ambitious"
    at.checkbox(key="cmp_current").uncheck().run()
    at.text_area(key="cmp_links").input("https://x.org/scenario?gd2=33&lang=vi&dv=abc\n<b>\n").run()
    assert query(at)["cmp"] == "trend,cautious,ambitious,?gd2=33"  # four: the fourth is the first link
    reopened = open_link(query(at), COMPARE)
    assert reopened.multiselect(key="cmp_presets").value == ["trend", "cautious", "ambitious"]
    assert reopened.text_area(key="cmp_links").value == "?gd2=33"
    assert list(frame(reopened, "Measure").columns) == list(frame(at, "Measure").columns)


def test_a_tampered_selection_falls_back_with_a_notice(ds):
    at = open_link({"cmp": "current,<b>bold</b>,plan,plan", "lang": "en"}, COMPARE)
    text = warnings(at)
    assert "'<b>bold</b>' is neither a preset nor a link" in text
    assert "'plan' is repeated" in text
    assert at.multiselect(key="cmp_presets").value == ["plan"]
    assert query(at)["cmp"] == "current,plan"
    at = open_link({"cmp": "A" * 3000, "lang": "en"}, COMPARE)
    assert "The default comparison was used" in warnings(at)
    assert "cmp" not in query(at)
    assert at.multiselect(key="cmp_presets").value == ["plan", "cautious", "ambitious"]


def test_a_compare_link_opened_elsewhere_waits_for_the_compare_page(ds):
    at = open_link({"cmp": "trend", "lang": "en"})
    assert "cmp" not in query(at)  # the overview's link is the overview's
    at.switch_page(COMPARE).run()
    assert at.multiselect(key="cmp_presets").value == ["trend"]
    assert query(at)["cmp"] == "trend"


def test_the_meeting_view_steps_through_a_compare_links_scenarios(ds):
    at = open_link({**LINK, "present": "1"}, COMPARE)
    deck = [b.label for b in at.button if (b.key or "").startswith("present_goto_")]
    assert len(deck) == 3
    assert "Ambitious" in deck[1] and "Link 1" in deck[2]
    at.button(key="present_next").click().run()
    at.button(key="present_next").click().run()
    assert query(at)["gd2"] == "40" and query(at)["t2"] == "30"
    # In the order on screen: the latest target year first.
    verdicts = sorted(evaluate_link("gd2=40&t2=30&lang=en", ds).verdicts, key=lambda v: v.year, reverse=True)
    # 2030's in the live component (qn_ui/live), then 2025's.
    shown = [*live_metric(at).values(), *(m.value for m in at.metric)]
    assert shown == [fmt_pct(v.value_pct, "en") for v in verdicts]
    assert query(at)["cmp"] == CMP  # still the compare page's link


# --- a link made on an older data version -----------------------------------------------------------


@pytest.fixture
def revised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ds):
    """The app served on a copy of data/ in which the 2024 share was revised to 7.3 % (a new
    version in the copy's changelog)."""
    data = data_with_2024_share(tmp_path)
    clear_cache()
    new = load_dataset(data)
    append_entry(new, "2026-12-04", "Sửa tỷ trọng 2024.", "2024 share revised.", data)
    monkeypatch.setattr("qn_model.data.dataset.DATA_DIR", data)
    default_scenario(new)
    yield new
    clear_cache()


def test_a_link_made_on_older_data_names_the_value_before_and_after(ds, revised):
    link = {"gd2": "40", "dv": ds.version}
    at = open_link(link)
    text = warnings(at)
    assert "Tỷ trọng kinh tế số (QN) năm 2024 là 7,1% khi tạo đường dẫn, nay là 7,3%" in text
    assert ds.version in text and revised.version in text and "2026-12-04" in text
    assert text.count(ds.version) == 1  # one notice
    # Today's verdicts, on today's data; the link now names it.
    ev = evaluate_link("gd2=40", revised)
    assert [m.value for m in at.metric][:2] == [fmt_pct(v.value_pct, "vi") for v in ev.verdicts]
    assert query(at)["dv"] == revised.version
    at = open_link({**link, "lang": "en"}, "pages/scenario.py")
    assert "Digital economy share (QN) 2024 was 7.1% when this link was made; it is now 7.3%" in warnings(at)


def test_a_link_on_unknown_data_says_so(ds):
    at = open_link({"gd2": "40", "dv": "0123456789ab", "lang": "en"})
    text = warnings(at)
    assert "data this server does not know (version 0123456789ab" in text
    assert query(at)["dv"] == ds.version
    assert dict(parse_qsl(urlencode(query(at)))).get("gd2") == "40"
