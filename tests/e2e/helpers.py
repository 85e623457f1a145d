"""Shared by the browser tests and the benchmarks: a Streamlit server on loopback, Chromium's
launch and a planner's browser context, and ways to wait for the app, find widgets and metrics and read the URL."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar
from urllib.parse import parse_qsl, urlsplit

from playwright.sync_api import Browser, BrowserContext, BrowserType, Locator, Page, expect
from playwright.sync_api import Error as PlaywrightError

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1600, "height": 1000}
METRIC = '[data-testid="stMetric"]'
RUNNING = '[data-testid="stStatusWidgetRunningIcon"]'
# Placeholders of elements not drawn yet, and elements left over from the previous run.
PENDING = '[data-testid="stSkeleton"], [data-stale="true"]'
T = TypeVar("T")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
            return r.read().decode().strip() == "ok"
    except OSError:
        return False


@contextlib.contextmanager
def streamlit_server(
    script: str, home: Path, log: Path, start_timeout_s: float = 60.0, root: Path = ROOT
) -> Iterator[str]:
    """Serve ``script`` (relative to ``root``, this repository unless another checkout is named)
    on a free loopback port; yield the base URL.

    The file watcher is off: a test server serves the code it started with, and watching the
    repository (``.venv`` included) overflows inotify on a busy machine. The server runs in its own
    process group, which is killed on exit.
    """
    port = free_port()
    # The app starts through its launcher (as ``make run`` does), anything else through Streamlit.
    launch = ["-m", "qn_ui.serve"] if script == "app.py" else ["-m", "streamlit", "run", script]
    cmd = [
        sys.executable,
        *launch,
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    env = {**os.environ, "HOME": str(home)}
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        proc = subprocess.Popen(
            cmd, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_timeout_s
        while not _healthy(url):
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {proc.returncode}; see {log}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"streamlit not healthy after {start_timeout_s:.0f} s; see {log}")
            time.sleep(0.1)
        yield url
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def launch_chromium(browser_type: BrowserType, home: Path, *extra_args: str) -> Browser:
    """Debian's headless Chromium with ``HOME`` at ``home`` (it writes ~/.config and ~/.cache).

    ``browser_type`` is ``playwright.chromium``; from Playwright's async API the call returns the
    awaitable of the same launch.
    """
    return browser_type.launch(
        executable_path=CHROMIUM,
        args=[*CHROMIUM_ARGS, *extra_args],
        env={**os.environ, "HOME": str(home)},
    )


def planner_context(browser: Browser, timeout_ms: float) -> BrowserContext:
    """A new browser context as a planner's browser opens the app: Vietnamese locale (the app may
    use it for a first visit's default), the tests' viewport; waits up to ``timeout_ms``."""
    context = browser.new_context(viewport=VIEWPORT, locale="vi-VN")
    context.set_default_timeout(timeout_ms)
    return context


@contextlib.contextmanager
def planner_page(browser: Browser, timeout_ms: float) -> Iterator[Page]:
    """A page in its own :func:`planner_context`, closed on exit."""
    context = planner_context(browser, timeout_ms)
    try:
        yield context.new_page()
    finally:
        context.close()


@contextlib.contextmanager
def new_tab(context: BrowserContext, viewport: tuple[int, int] | None = None) -> Iterator[Page]:
    """A new tab of ``context`` (``viewport``: its size, else the context's), closed on exit with
    the context's cookies and the page's local storage (Streamlit keeps the sidebar's state
    there): each test starts as a planner's first visit does."""
    tab = context.new_page()
    try:
        if viewport is not None:
            tab.set_viewport_size({"width": viewport[0], "height": viewport[1]})
        yield tab
    finally:
        with contextlib.suppress(PlaywrightError):  # no document, or one that allows no storage
            tab.evaluate("() => window.localStorage && localStorage.clear()")
        tab.close()
        context.clear_cookies()


def settle(page: Page, ready: str | None = METRIC) -> None:
    """Wait for the app to draw ``ready`` and to finish running.

    "Running" is the status widget's running icon, not the widget itself: the widget also hosts
    idle notices (connection, source changed) that would make its mere presence misleading. The icon
    alone is not enough either: it can be gone while the page still shows skeletons for elements the
    script has not sent yet, so those must be gone too.
    """
    expect(page.locator('[data-testid="stAppViewContainer"]')).to_be_visible()
    if ready:
        expect(page.locator(ready).first).to_be_visible()
    expect(page.locator(RUNNING)).to_have_count(0)
    expect(page.locator(PENDING)).to_have_count(0)
    expect(page.locator(RUNNING)).to_have_count(0)


# When the app's document last changed: an element added, removed or marked stale (Streamlit's
# ``data-stale`` while a run redraws it). Components' shadow roots are not watched.
_WATCH = """() => {
  if (!window.__qnWatch) {
    window.__qnChanged = performance.now();
    window.__qnWatch = new MutationObserver(() => { window.__qnChanged = performance.now(); });
    window.__qnWatch.observe(document.body,
      {subtree: true, childList: true, attributes: true, attributeFilter: ['data-stale']});
  }
  return window.__qnChanged;
}"""


def quiet(page: Page, ms: int = 400) -> float:
    """Wait until the app has finished running and its document has not changed for ``ms``: a run
    that a click started just after :func:`settle` looked, or a chart's second pass, would change
    it. Returns the time of the last change (the page's clock)."""
    settle(page, None)
    page.evaluate(_WATCH)
    page.wait_for_function(
        f"""() => performance.now() - window.__qnChanged > {ms}
                 && !document.querySelector('{RUNNING}') && !document.querySelector('{PENDING}')""",
        polling=100,
    )
    return page.evaluate("window.__qnChanged")


def measured_quietly(page: Page, measure: Callable[[], T], attempts: int = 3) -> T:
    """``measure()`` on a :func:`quiet` page; again (at most ``attempts`` times) when the page
    changed while it measured, so that no measure reads a page mid-redraw."""
    for _ in range(attempts):
        since = quiet(page)
        result = measure()
        if page.evaluate("window.__qnChanged") == since:
            return result
    raise AssertionError(f"the page kept changing while measured ({attempts} attempts)")


# The live scenario component (qn_ui/live, in an open shadow root: CSS locators pierce it): its
# growth controls, its 2030 metric, its chart.
LIVE = '[class*="st-key-w_live_gd2"]'
LIVE_CONTROL = ".qn-control"
LIVE_METRIC = ".qn-metric"
LIVE_CHART = '[data-testid="qn-live-chart"]'
LIVE_VERDICT = '[data-testid="qn-verdict-2030"]'


def growth_slider(page: Page, label: str, nth: int = 0) -> Locator:
    """The thumb (an ``input type=range``, role slider) of the growth slider labelled ``label``.

    They sit in the sidebar on most pages; on the scenario page and in the meeting view the
    2026-2030 ones are the live component's. GRDP growth and digital-economy growth carry the same
    label in both periods: ``nth`` is the period (0 = to 2025, 1 = 2026-2030), in the order the
    page shows them (the sidebar comes first in the document).
    """
    box = page.locator(f'[data-testid="stSlider"], {LIVE_CONTROL}').filter(
        has=page.locator('[data-testid="stWidgetLabel"], .qn-label', has_text=label)
    )
    return box.nth(nth).get_by_role("slider")


def metric_value(page: Page, label: str) -> Locator:
    """A metric's value: Streamlit's, or the live component's 2030 share."""
    return (
        page.locator(f"{METRIC}, {LIVE_METRIC}")
        .filter(has_text=label)
        .locator('[data-testid="stMetricValue"], .qn-metric-value')
    )


def url_query(page: Page) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(page.url).query, keep_blank_values=True))


def query_re(**pairs: str) -> re.Pattern[str]:
    """A URL pattern requiring each ``key=value`` pair, in any order."""
    return re.compile("".join(rf"(?=.*[?&]{re.escape(k)}={re.escape(v)}(&|$))" for k, v in pairs.items()))


def wait_until(check, timeout_s: float, interval_s: float = 0.1, what: str = "condition"):
    """Poll ``check()`` until it returns a truthy value (returned) or ``timeout_s`` passes.

    For conditions that span several elements (URL, widget and metric agreeing), where a single
    ``expect`` cannot say "all of these, at the same moment".
    """
    deadline = time.monotonic() + timeout_s
    last = None
    while time.monotonic() < deadline:
        last = check()
        if last:
            return last
        time.sleep(interval_s)
    raise AssertionError(f"timed out after {timeout_s:.0f} s waiting for {what}; last check: {last!r}")


def wait_for_reload(page: Page, loaded: float, since: float, seconds: float = 10) -> None:
    """Wait until ``page`` has loaded a new document by itself (its ``performance.timeOrigin`` is no
    longer ``loaded``), within ``seconds`` of the monotonic time ``since``."""
    from playwright.sync_api import Error as PlaywrightError

    def reloaded() -> bool:
        with contextlib.suppress(PlaywrightError):  # the page may be between documents
            return page.evaluate("performance.timeOrigin") != loaded
        return False

    wait_until(reloaded, seconds, what="the tab to reload by itself")
    assert time.monotonic() - since <= seconds


def charts_drawn(page: Page) -> None:
    """Wait until every plotly chart on the page has drawn its SVG."""
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
                 .every(c => c.querySelector('.main-svg'))"""
    )
    # The live chart (in a shadow root, out of document.querySelectorAll's reach) once drawn.
    if page.locator(LIVE).count():
        expect(page.locator(f"{LIVE_CHART} path[data-series=scenario]")).to_have_count(1)
