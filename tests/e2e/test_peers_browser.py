"""/peers in a browser: as the first request of a fresh server (the pages/ trap), and its charts'
texts inside the chart on a phone, a projector and a laptop."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from qn_model.i18n.formats import t
from tests.e2e.helpers import settle, url_query

pytestmark = pytest.mark.e2e
CHART = ".js-plotly-plot"

# Every text a chart draws, with the chart's own box: nothing may stick out of it (cut text).
OUTSIDE_JS = """
() => {
  const out = [];
  for (const plot of document.querySelectorAll('.js-plotly-plot')) {
    const box = plot.getBoundingClientRect();
    for (const el of plot.querySelectorAll('.annotation-text, .textpoint text, .bartext, .xtick text, .gtitle')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.left < box.left - 1 || r.right > box.right + 1) out.push([el.textContent, r.left, r.right, box.left, box.right]);
    }
  }
  return out;
}
"""


def test_peers_deep_link_first_request_of_fresh_server(fresh_server: str, page: Page) -> None:
    page.goto(f"{fresh_server}/peers?gd2=35&lang=en")
    settle(page, ready=CHART)
    expect(page.get_by_role("heading", name=t("peers_title", "en"))).to_be_visible()
    # The router ran: the sidebar's language and scenario controls are there, in English.
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar.get_by_role("radio", name="English")).to_be_checked()
    expect(sidebar.get_by_role("heading", name=t("controls_title", "en"))).to_be_visible()
    expect(sidebar.get_by_role("link", name=t("page_peers", "en"))).to_be_visible()
    expect(page.locator(CHART)).to_have_count(3)
    assert urlsplit(page.url).path == "/peers"
    q = url_query(page)
    assert (q.get("gd2"), q.get("lang")) == ("35", "en")


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1024, 768), (1366, 768)])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_peers_chart_texts_stay_inside_the_chart(
    server: str, page: Page, width: int, height: int, lang: str
) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{server}/peers?lang={lang}")
    settle(page, ready=CHART)
    expect(page.locator(CHART)).to_have_count(3)
    for k in range(3):  # plotly draws a chart once it is in view
        page.locator(CHART).nth(k).scroll_into_view_if_needed()
        expect(page.locator(CHART).nth(k).locator(".bartext").first).to_be_visible()
    assert page.evaluate(OUTSIDE_JS) == []
