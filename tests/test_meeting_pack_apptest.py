"""AppTest: the meeting pack's download buttons beside the brief's on /scenario (its downloads
detail), on /compare and in the meeting view, in the reader's language. (The files themselves:
tests/test_meeting_pack.py; a download in a browser: tests/e2e/test_meeting_pack_browser.py.)"""

from __future__ import annotations

import pytest

from qn_model.i18n.formats import t
from tests.apptest import SCENARIO, assert_clean, new_app

pytestmark = pytest.mark.usefixtures("warm_engine")
EXTS = ("pptx", "docx", "pdf")


def pack_buttons(at, view: str) -> dict[str, str]:
    """ext -> label of the view's pack buttons (by their keys)."""
    out = {}
    for button in at.get("download_button"):
        for ext in EXTS:
            if button.proto.id.endswith(f"download_{view}_{ext}"):
                out[ext] = button.proto.label
    return out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_scenario_downloads_detail_has_the_pack(lang):
    at = new_app({"lang": lang, "gd2": "40"}, SCENARIO)
    at.button_group(key="w_detail").set_value("downloads").run()
    assert_clean(at)
    assert pack_buttons(at, "scenario") == {ext: t(f"dl_{ext}", lang) for ext in EXTS}
    assert any(b.proto.id.endswith("download_html") for b in at.get("download_button"))  # beside it


def test_compare_page_has_the_pack():
    at = new_app({"lang": "en", "cmp": "current,plan"}, "pages/compare.py")
    assert_clean(at)
    assert pack_buttons(at, "compare") == {ext: t(f"dl_{ext}", "en") for ext in EXTS}
    assert t("dl_pack_header", "en") in [h.value for h in at.subheader]


def test_meeting_view_has_the_pack():
    at = new_app({"present": "1", "lang": "vi", "gd2": "25"}, SCENARIO)
    assert_clean(at)
    assert pack_buttons(at, "present") == {ext: t(f"dl_{ext}", "vi") for ext in EXTS}
