"""The meeting pack downloaded in a browser, as a planner gets it: the compare page's deck holds a
slide per compared scenario (the page's default selection, which its address leaves out), named
by scenario and date, and links back to the page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pptx import Presentation

from qn_model.i18n.formats import t
from tests.e2e.helpers import settle

pytestmark = pytest.mark.e2e


def test_compare_page_deck_download(server: str, page: Page) -> None:
    page.goto(f"{server}/compare?gd2=35&lang=en")
    settle(page, '[data-testid="stPlotlyChart"]')
    button = page.get_by_role("button", name=t("dl_pptx", "en"))
    expect(button).to_be_visible()
    with page.expect_download(timeout=120_000) as info:
        button.click()
    name = info.value.suggested_filename
    assert re.fullmatch(r"scenario-2030-gd2-35-\d{4}-\d{2}-\d{2}\.pptx", name), name
    prs = Presentation(str(Path(info.value.path())))
    # The scenario as opened, then plan, cautious and ambitious (the default selection), then the link.
    titles = [s.shapes[0].text_frame.text for s in prs.slides]
    assert titles[1:4] == [t(f"preset_{n}", "en") for n in ("plan", "cautious", "ambitious")]
    assert len(prs.slides) == 5
    last = "\n".join(s.text_frame.text for s in prs.slides[-1].shapes if s.has_text_frame)
    assert f"{server}/compare?gd2=35&lang=en" in last
