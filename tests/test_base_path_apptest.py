"""AppTest: the app served under a base path (``server.baseUrlPath``, the province's ``/ktso/``).

The share link, the links in the downloads and the meeting view's QR code must carry the path:
opened from a phone or a colleague's mail, ``https://portal/scenario?…`` would land on the portal,
not on the scenario. The browser test through nginx (tests/e2e/test_proxy.py) checks the same end
to end; here each page's link is checked against ``qn_model.core.urls.app_link``.
"""

from __future__ import annotations

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from qn_model.core.urls import app_link
from qn_model.data.dataset import load_dataset
from qn_model.i18n.formats import t
from qn_ui import widgets
from tests.apptest import APP

pytestmark = pytest.mark.usefixtures("warm_engine")
ORIGIN = "https://portal.example.vn"


@pytest.fixture(params=["ktso", "/so-tttt/ktso/", ""], ids=["ktso", "nested", "root"])
def base_path(request):
    """The option as an operator may write it; restored afterwards (AppTest runs in-process)."""
    before = config.get_option("server.baseUrlPath")
    config.set_option("server.baseUrlPath", request.param)
    yield request.param
    config.set_option("server.baseUrlPath", before)


def share_links(at: AppTest, lang: str = "vi") -> list[str]:
    """The links the share captions show (``label `link` ``)."""
    prefix = t("link_caption", lang)
    return [c.value.split("`")[1] for c in at.caption if c.value.startswith(prefix)]


def run_app(query: dict[str, str], page: str | None = None, url: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    if url is not None:
        at.context = {"url": url}
    at.query_params.update(query)
    if page:
        at.switch_page(page)  # before the first run: a deep link as the session's first request
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_share_link_on_the_default_page_carries_the_path(base_path):
    at = run_app({"gd2": "40"}, url=f"{ORIGIN}{'/' + base_path.strip('/') if base_path else ''}/")
    dv = f"dv={load_dataset().version}"
    expected = app_link(f"gd2=40&{dv}", base_path=base_path, origin=ORIGIN)
    assert share_links(at) == [expected]
    assert expected.endswith(tuple(f"{p}?gd2=40&{dv}" for p in ("/ktso/", "/so-tttt/ktso/", "vn/")))


def test_share_link_of_a_deep_link_names_its_page(base_path):
    at = run_app({"gd2": "40", "lang": "en"}, page="pages/scenario.py", url=f"{ORIGIN}/anything")
    query = f"gd2=40&lang=en&dv={load_dataset().version}"
    assert share_links(at, "en") == [app_link(query, base_path=base_path, page="scenario", origin=ORIGIN)]


def test_without_a_browser_the_link_is_relative_to_the_host(base_path):
    at = run_app({"gd2": "40"})
    assert share_links(at) == [app_link(f"gd2=40&dv={load_dataset().version}", base_path=base_path)]
    assert share_links(at)[0].startswith("/")


def test_the_meeting_view_qr_code_encodes_the_link_with_the_path(base_path, monkeypatch):
    encoded: list[str] = []
    real = widgets.qr_png

    def spy(link: str, **kwargs) -> bytes:
        encoded.append(link)
        return real(link, **kwargs)

    monkeypatch.setattr(widgets, "qr_png", spy)
    at = run_app({"gd2": "40", "present": "1"}, url=f"{ORIGIN}/ktso/")
    # present=1 left out: a phone in the room opens the interactive app on the same scenario
    query = f"gd2=40&dv={load_dataset().version}"
    assert encoded == [app_link(query, base_path=base_path, origin=ORIGIN)]
    assert len(at.image) == 1


def test_no_qr_code_without_an_address_a_phone_could_open(monkeypatch):
    encoded: list[str] = []
    monkeypatch.setattr(widgets, "qr_png", lambda link, **kw: encoded.append(link) or b"")
    at = run_app({"gd2": "40", "present": "1"})
    assert encoded == [] and len(at.image) == 0
