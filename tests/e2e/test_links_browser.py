"""Links that keep their word, in a browser: a compare link as the first request of a fresh server
reopens the same comparison, and the address keeps its selection and names the data."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

import pytest
from playwright.sync_api import Page, expect

from qn_model.data.dataset import load_dataset
from qn_model.i18n.formats import t
from tests.e2e.helpers import charts_drawn, settle, url_query

pytestmark = pytest.mark.e2e
LINK = {"cmp": "current,ambitious,?gd2=40&t2=30", "gy2": "9", "lang": "en"}
LABELS = ("Current scenario", t("preset_ambitious", "en"), "Link 1")


def test_compare_link_first_request_of_fresh_server(fresh_server: str, page: Page) -> None:
    page.goto(f"{fresh_server}/compare?{urlencode(LINK)}")
    settle(page, '[data-testid="stPlotlyChart"]')
    charts_drawn(page)
    expect(page.get_by_role("heading", name=t("compare_title", "en"))).to_be_visible()
    # The router ran (sidebar controls in English), and the page holds the link's selection.
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar.get_by_role("radio", name="English")).to_be_checked()
    picks = page.locator('[data-testid="stMultiSelect"]')
    expect(picks).to_contain_text(t("preset_ambitious", "en"))
    expect(picks).not_to_contain_text(t("preset_plan", "en"))
    expect(page.get_by_role("textbox", name=t("cmp_links", "en"))).to_have_value("?gd2=40&t2=30")
    # The same scenarios in the chart, in the link's order.
    legend = page.locator('[data-testid="stPlotlyChart"] .legendtext')
    texts = legend.evaluate_all("els => els.map(e => e.textContent)")  # SVG text: no innerText
    names = [n for n in texts if n in LABELS]
    assert names == list(LABELS)
    # (The tables draw on a canvas; their columns are checked by the AppTest of the same link.)
    expect(page.locator('[data-testid="stDataFrame"]')).to_have_count(2)
    # The address still holds the selection, canonical, and names the data it was made on.
    assert urlsplit(page.url).path == "/compare"
    q = url_query(page)
    assert q.get("cmp") == LINK["cmp"] and q.get("gy2") == "9"
    assert q.get("dv") == load_dataset().version
    assert page.locator('[data-testid="stException"]').count() == 0
