"""One server, no proxy (``make run``): while it is down, an open tab says so in the planner's
language; once it is back on the same port, the tab reloads by itself from its link
(``qn_ui/reconnect.py``). Through nginx, a replica that dies: ``test_proxy.py``."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

from deploy.team import Replica, free_port, healthy
from qn_model.data.dataset import load_dataset
from qn_model.engine.evaluate import evaluate_link
from qn_model.i18n.formats import fmt_pct, t
from tests.e2e.conftest import TIMEOUT_MS
from tests.e2e.helpers import metric_value, settle, wait_until

pytestmark = pytest.mark.e2e
BASE = "/ktso"  # the watcher asks <base path>/_stcore/health


@pytest.fixture
def server(browser_home: Path, tmp_path: Path) -> Iterator[Replica]:
    """The app on a loopback port under ``BASE``, started through its launcher; killed at the end."""
    env = {**os.environ, "HOME": str(browser_home)}
    one = Replica(free_port(), BASE, tmp_path / "server.log", env)
    one.start()
    try:
        wait_until(lambda: healthy(one.health_url), TIMEOUT_MS / 1000, 0.2, "the server")
        yield one
    finally:
        one.stop()


def test_a_tab_says_its_server_is_gone_and_reloads_when_it_is_back(server: Replica, page: Page) -> None:
    link = "gd2=34&t2=30"
    page.goto(f"http://127.0.0.1:{server.port}{BASE}/scenario?{link}")
    settle(page)
    ds = load_dataset()
    (v2030,) = [v for v in evaluate_link(link, ds).verdicts if v.year == 2030]
    label = t("share_in_year", "vi", year=2030)
    expect(metric_value(page, label)).to_have_text(fmt_pct(v2030.value_pct, "vi"))
    banner = page.locator(".qn-conn")
    expect(banner).to_be_hidden()
    loaded = page.evaluate("performance.timeOrigin")

    server.kill()
    expect(page.get_by_role("status").filter(has_text=t("conn_lost", "vi"))).to_be_visible(timeout=10_000)
    assert banner.inner_text() == t("conn_lost", "vi")
    time.sleep(2)  # and the tab stays, saying so, while nobody answers
    assert page.evaluate("performance.timeOrigin") == loaded
    expect(banner).to_have_text(t("conn_lost", "vi"))

    server.start()  # the same port
    wait_until(lambda: healthy(server.health_url), TIMEOUT_MS / 1000, 0.2, "the server again")
    back = time.monotonic()

    def reloaded() -> bool:
        with contextlib.suppress(PlaywrightError):  # the page may be between documents
            return page.evaluate("performance.timeOrigin") != loaded
        return False

    wait_until(reloaded, 10, what="the tab to reload by itself")
    assert time.monotonic() - back <= 10
    settle(page)
    expect(metric_value(page, label)).to_have_text(fmt_pct(v2030.value_pct, "vi"))
    assert dict(parse_qsl(urlsplit(page.url).query)) == dict(parse_qsl(f"{link}&dv={ds.version}"))
    expect(banner).to_be_hidden()
