"""Browser fixtures: a real Streamlit server on loopback and Debian's headless Chromium.

Written by hand (pytest-playwright is not a dependency). Chromium writes into ``$HOME``, so the
session points ``HOME`` at a temporary directory, for the browser and the servers alike.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, expect, sync_playwright

from tests.e2e.helpers import launch_chromium, new_tab, planner_context, streamlit_server

# A cold server imports the stack and fits the default trends before the first page shows: seconds
# on an idle machine, a minute or more on a loaded one. Polling assertions wait this long at most.
TIMEOUT_MS = int(os.environ.get("QN_E2E_TIMEOUT_MS", "120000"))


@pytest.fixture(scope="session")
def browser_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A throwaway HOME for Chromium (which writes ~/.config and ~/.cache) and the servers."""
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HOME", str(home))
        yield home


@pytest.fixture(scope="session")
def server(browser_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One app server shared by the session's tests; yields its base URL."""
    with streamlit_server("app.py", browser_home, tmp_path_factory.mktemp("logs") / "server.log") as url:
        yield url


@pytest.fixture
def fresh_server(browser_home: Path, tmp_path: Path) -> Iterator[str]:
    """A server nobody has visited: the test's first request is the server's first request."""
    with streamlit_server("app.py", browser_home, tmp_path / "server.log") as url:
        yield url


@pytest.fixture(scope="session")
def playwright(browser_home: Path) -> Iterator[Playwright]:
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright, browser_home: Path) -> Iterator[Browser]:
    # A tab of the worker's context shares the renderer process of the context's earlier tabs
    # (their compiled scripts): a page opened so costs about half the CPU of one in a new context,
    # which recompiles Streamlit's and plotly's scripts (BENCHMARKS.md, the test suite).
    b = launch_chromium(playwright.chromium, browser_home, "--process-per-site")
    yield b
    b.close()


@pytest.fixture(scope="session")
def shared_context(browser: Browser) -> Iterator[BrowserContext]:
    """The worker's planner context, whose tabs the tests open (:func:`new_tab`)."""
    context = planner_context(browser, TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(shared_context: BrowserContext) -> Iterator[Page]:
    with new_tab(shared_context) as tab:
        yield tab
