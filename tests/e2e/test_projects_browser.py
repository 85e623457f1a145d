"""Issue 14 in a browser: a link with ``pj`` opens with its projects (verdict in money, start years on
the chart), the editor changes the link and the verdict, "close the gap" meets the 2030 target and
Undo (or the browser's Back) takes the project out."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode

import pytest
from playwright.sync_api import Page, expect

from qn_model.data.dataset import load_dataset
from qn_model.engine.evaluate import evaluate_link
from qn_model.i18n.formats import fmt_money, fmt_pct, t
from qn_model.views.narrative import gap_text
from tests.e2e.conftest import TIMEOUT_MS
from tests.e2e.helpers import (
    LIVE_CHART,
    LIVE_VERDICT,
    RUNNING,
    charts_drawn,
    metric_value,
    settle,
    url_query,
    wait_until,
)

pytestmark = pytest.mark.e2e


def engine(query: str):
    return evaluate_link(query, load_dataset())


def shown_2030(ev, lang: str) -> str:
    return fmt_pct(ev.verdicts[1].value_pct, lang)


def live_query(page: Page) -> dict[str, str]:
    # Asked of the page: ``page.url`` only follows the address bar when playwright is called.
    return dict(parse_qsl(page.evaluate("location.search").lstrip("?")))


def agreed(page: Page, lang: str):
    """The URL and the 2030 metric describe the same scenario, and the app is idle."""
    if page.locator(RUNNING).count():
        return None
    q = live_query(page)
    ev = engine(urlencode(q))
    text = metric_value(page, t("share_in_year", lang, year=2030)).inner_text()
    return q if text == shown_2030(ev, lang) else None


def wait_pj(page: Page, pattern: str) -> str:
    """Wait until the link's ``pj`` (decoded: the browser shows ``:`` and ``,`` escaped) matches."""

    def check() -> str | None:
        pj = live_query(page).get("pj", "")
        return pj if re.fullmatch(pattern, pj) else None

    try:
        return wait_until(check, TIMEOUT_MS / 1000, what=f"pj to match {pattern!r}")
    except AssertionError as exc:
        page.screenshot(path="/tmp/wt14_fail.png", full_page=True)
        raise AssertionError(f"{exc}; the link is {page.url}") from None


def open_projects(page: Page, lang: str) -> None:
    page.locator(".st-key-w_detail button").filter(has_text=t("detail_projects", lang)).click()
    expect(page.locator(".st-key-pj_add button")).to_be_visible()


def test_a_pj_link_opens_with_its_projects_and_the_gap_in_money(server: str, page: Page) -> None:
    page.goto(f"{server}/scenario?pj=2029:40,2027:25&lang=vi")
    settle(page)
    charts_drawn(page)
    ev = engine("pj=2027:25,2029:40")
    expect(metric_value(page, t("share_in_year", "vi", year=2030))).to_have_text(shown_2030(ev, "vi"))
    gap = gap_text(ev.verdicts[1], "vi")
    assert gap and fmt_money(ev.verdicts[1].gap_vnd_trn, "vi") in gap
    # The 2030 verdict and the chart are the live component's (qn_ui/live).
    expect(page.locator(LIVE_VERDICT)).to_contain_text(gap[:1].upper() + gap[1:])
    chart = page.locator(LIVE_CHART)
    expect(chart.locator(".qn-legend-text").filter(has_text=t("series_projects", "vi"))).to_have_count(1)
    expect(chart.locator(".qn-project-line")).to_have_count(2)  # one dotted line per start year
    assert url_query(page)["pj"] == "2027:25,2029:40"  # written back in year order


def test_editor_changes_the_link_and_the_verdict_and_close_the_gap_meets_2030(
    server: str, page: Page
) -> None:
    page.goto(f"{server}/scenario?lang=en&pj=2027:25")
    settle(page)
    label = t("share_in_year", "en", year=2030)
    before = metric_value(page, label).inner_text()
    open_projects(page, "en")
    value = page.get_by_label(t("project_value", "en"))
    value.fill("60")
    value.press("Enter")
    settle(page, None)
    page.locator(".st-key-pj_add button").click()
    wait_pj(page, r"2027:25,2028:60")
    q = wait_until(lambda: agreed(page, "en"), TIMEOUT_MS / 1000, what="URL and 2030 metric to agree")
    assert q["pj"] == "2027:25,2028:60"
    assert metric_value(page, label).inner_text() != before
    # Close the 2030 gap with one project in 2029.
    box = page.locator(".st-key-w_pj_close_year")
    box.scroll_into_view_if_needed()
    box.locator('[data-testid="stSelectbox"]').click()
    page.get_by_role("option", name="2029").click()
    settle(page, None)
    page.locator(".st-key-pj_close_gap button").click()
    wait_pj(page, r"2027:25,2028:60,2029:[0-9.]+")
    q = wait_until(lambda: agreed(page, "en"), TIMEOUT_MS / 1000, what="URL and 2030 metric to agree")
    ev = engine(urlencode(q))
    assert ev.verdicts[1].met
    expect(page.locator(f"{LIVE_VERDICT} .qn-badge")).to_have_text(t("verdict_met", "en").upper())
    # Undo: the project goes, the link and the verdict are as before.
    page.locator(".st-key-pj_undo button").click()
    wait_pj(page, r"2027:25,2028:60")
    wait_until(lambda: agreed(page, "en"), TIMEOUT_MS / 1000, what="URL and 2030 metric to agree")
    assert not engine(urlencode(live_query(page))).verdicts[1].met
    # The browser's Back takes a closing project out as well (the message says so).
    settle(page, None)
    page.locator(".st-key-pj_close_gap button").click()
    wait_pj(page, r"2027:25,2028:60,2029:[0-9.]+")
    settle(page, None)
    page.go_back(wait_until="commit")
    wait_pj(page, r"2027:25,2028:60")
    wait_until(lambda: agreed(page, "en"), TIMEOUT_MS / 1000, what="URL and 2030 metric to agree")
    # Remove the project added by hand: back to the opened link.
    settle(page, None)
    # A button with a tooltip holds a second (hidden) button: the first is the one drawn.
    page.locator(".st-key-pj_remove_1 button").first.click()
    wait_pj(page, r"2027:25")
    expect(metric_value(page, label)).to_have_text(before)
