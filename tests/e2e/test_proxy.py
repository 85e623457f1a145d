"""Through the proxy: three replicas behind Debian's nginx under /ktso, as the province serves it.

One team for the module (``deploy.team``, what ``make serve-team`` starts): the first test's
request is the team's first request. A browser that comes through nginx gets its qn_route cookie,
naming the replica that answered, and stays on it; the access log (``upstream=…``) says which,
each test's browser known there by its user agent (``tab``). The last tests kill replicas.

The browser reaches nginx by a name (``HOST``, mapped to 127.0.0.1 inside Chromium only), not by
127.0.0.1: Streamlit lets any 127.0.0.1 origin open its websocket, so only a named host shows
whether the proxy passes what Streamlit checks (``Host`` with its port against ``Origin``).
"""

from __future__ import annotations

import base64
import csv
import html
import io
import re
import secrets
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Browser, Page, Playwright, expect

from deploy.team import FAIL_TIMEOUT_S, RETRY_S, SECURITY_HEADERS, Team, find_nginx, healthy, team
from qn_model.core.urls import app_link
from qn_model.data.dataset import load_dataset
from qn_model.engine.evaluate import evaluate_link, parse_link
from qn_model.i18n.formats import fmt_pct, t
from qn_model.views.session import mydata as ud
from qn_model.views.session.controls import current_dataset
from tests.e2e.conftest import TIMEOUT_MS
from tests.e2e.helpers import (
    ROOT,
    RUNNING,
    VIEWPORT,
    growth_slider,
    launch_chromium,
    metric_value,
    settle,
    url_query,
    wait_for_reload,
    wait_until,
)

# One team (three replicas and nginx) for the module: under xdist it runs whole on one worker
# (tests/conftest.py, WHOLE_MODULES).
pytestmark = pytest.mark.e2e
BASE = "/ktso"
HOST = "ktso.qn-planner.test"  # .test: reserved, never a real name (RFC 2606)
UPLOAD = ROOT / "tests" / "fixtures" / "uploads" / "good_basic.csv"
LOG_LINE = re.compile(
    r'"(?P<method>\S+) (?P<uri>\S+) [^"]*" (?P<status>\d{3}) .*upstream=(?P<up>.+?) route=(?P<route>\S+) '
    r'replica=(?P<replica>\S+) rt=\S+ "(?P<ua>[^"]*)"$'
)

# Every link the app writes names the data it was made on (issue 17).
DV = f"dv={load_dataset().version}"


@pytest.fixture(scope="module")
def proxy(browser_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Team]:
    # No skip: `make test` and .ci/run install nginx; a missing one is a broken machine.
    assert find_nginx(), "nginx is not installed: run `make nginx` (Debian's package)"
    with team(replicas=3, base_path=BASE, run_dir=tmp_path_factory.mktemp("team")) as tm:
        yield tm


@pytest.fixture(scope="module")
def browser(playwright: Playwright, browser_home: Path) -> Iterator[Browser]:
    """This module's Chromium resolves ``HOST`` to loopback; conftest's ``page`` opens pages in it."""
    b = launch_chromium(playwright.chromium, browser_home, f"--host-resolver-rules=MAP {HOST} 127.0.0.1")
    yield b
    b.close()


@pytest.fixture(scope="module")
def user_agent(browser: Browser) -> str:
    context = browser.new_context()
    try:
        return context.new_page().evaluate("navigator.userAgent")
    finally:
        context.close()


# Each test's browser, known in nginx's access log by its user agent (the qn_route cookie names
# a replica, not a browser): page → the token its user agent ends with.
TABS: dict[int, str] = {}


@pytest.fixture
def page(browser: Browser, user_agent: str) -> Iterator[Page]:
    """conftest's page (a planner's context), with a user agent of its own."""
    token = f"qn-tab/{secrets.token_hex(4)}"
    context = browser.new_context(viewport=VIEWPORT, locale="vi-VN", user_agent=f"{user_agent} {token}")
    context.set_default_timeout(TIMEOUT_MS)
    pg = context.new_page()
    TABS[id(pg)] = token
    try:
        yield pg
    finally:
        TABS.pop(id(pg), None)
        context.close()


def site(tm: Team) -> str:
    """The proxy's address as the browser uses it: a name, and nginx's port."""
    return f"http://{HOST}:{tm.port}"


def fetch(page: Page, url: str, method: str = "GET", body: str | None = None) -> tuple[int, bytes]:
    """A request from inside the page (its cookies, its name resolution), no extra headers."""
    status, data = page.evaluate(
        """async ([url, method, body]) => {
            const r = await fetch(url, {method, body, credentials: 'same-origin'});
            const b = new Uint8Array(await r.arrayBuffer());
            let s = ''; for (const x of b) s += String.fromCharCode(x);
            return [r.status, btoa(s)];
        }""",
        [url, method, body],
    )
    return status, base64.b64decode(data)


def expected(link: str, year: int) -> str:
    ds = load_dataset()
    ev = evaluate_link(link, ds)
    (v,) = [v for v in ev.verdicts if v.year == year]
    return fmt_pct(v.value_pct, parse_link(link, ds).lang)


def uploaded_version() -> str:
    """The data version the app shows once UPLOAD is in use (the app's own code, no browser)."""
    session: dict = {}
    assert ud.process_upload(UPLOAD.read_bytes(), UPLOAD.name, session).ok
    return current_dataset(session).version


def share_link(page: Page, lang: str) -> str:
    box = page.locator('[data-testid="stCaptionContainer"]').filter(has_text=t("link_caption", lang))
    return box.last.locator("code").inner_text()


def route(page: Page) -> str:
    """The replica this browser's qn_route cookie names."""
    (value,) = [c["value"] for c in page.context.cookies() if c["name"] == "qn_route"]
    return value


def served(tm: Team, page: Page) -> list[dict[str, str]]:
    """The access log's lines for one browser (its user agent), oldest first."""
    lines = tm.access_log.read_text(errors="replace").splitlines()
    token = TABS[id(page)]
    return [m.groupdict() for m in map(LOG_LINE.search, lines) if m and m["ua"].endswith(token)]


def last(up: str) -> str:
    """The replica that answered, from ``$upstream_addr`` (``A, B`` when nginx tried A first)."""
    return up.split(",")[-1].strip()


def probe_replica(page: Page) -> str | None:
    """X-Qn-Replica of a health probe from the page, as the reconnection watcher sends it."""
    return page.evaluate(
        "async (url) => (await fetch(url, {cache: 'no-store'})).headers.get('X-Qn-Replica')",
        f"{BASE}/_stcore/health",
    )


def replica_of(tm: Team, page: Page) -> str:
    """The upstream that served this browser's pages (every answered request went to it; when
    nginx tried a dead one first, ``$upstream_addr`` lists both, the one that answered last)."""
    ups = {last(line["up"]) for line in served(tm, page) if line["up"] != "-" and line["status"] < "400"}
    assert len(ups) == 1, f"one browser, one replica: {ups}"
    (up,) = ups
    assert route(page) == up  # the cookie names it
    return up


def test_deep_link_as_the_first_request_reproduces_its_verdicts(proxy: Team, page: Page) -> None:
    link = "gd2=40&t2=30&lang=en"
    response = page.goto(f"{site(proxy)}{BASE}/scenario?{link}")
    assert response is not None and response.status == 200
    for name, value in SECURITY_HEADERS:
        if name != "Strict-Transport-Security":  # HTTPS only
            assert response.headers.get(name.lower()) == value, name
    (cookie,) = [c for c in page.context.cookies() if c["name"] == "qn_route"]
    assert cookie["path"] == f"{BASE}/" and cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    # The cookie names the replica that answered; X-Qn-Replica too, once the cookie routes.
    assert cookie["value"] == last(served(proxy, page)[0]["up"])
    assert cookie["value"] in {f"127.0.0.1:{r.port}" for r in proxy.replicas}
    assert "x-qn-replica" not in response.headers  # the first request: no cookie, no route yet
    assert probe_replica(page) == cookie["value"]
    settle(page)
    expect(page.get_by_role("heading", name=t("scenario_title", "en"))).to_be_visible()
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar.get_by_role("radio", name="English")).to_be_checked()  # the router ran
    for year in (2025, 2030):
        expect(metric_value(page, t("share_in_year", "en", year=year))).to_have_text(expected(link, year))
    assert urlsplit(page.url).path == f"{BASE}/scenario"
    assert share_link(page, "en") == f"{site(proxy)}{BASE}/scenario?{link}&{DV}"
    replica_of(proxy, page)  # and the whole page came from one replica


def test_a_slider_move_updates_the_link(proxy: Team, page: Page) -> None:
    page.goto(f"{site(proxy)}{BASE}/scenario?lang=en")
    settle(page)
    thumb = growth_slider(page, t("de_growth_pct", "en"), nth=1)
    start = float(thumb.input_value())
    thumb.focus()
    for _ in range(5):
        thumb.press("ArrowRight")
    metric = metric_value(page, t("share_in_year", "en", year=2030))

    def agreed() -> str | None:
        q = url_query(page)
        gd2 = q.get("gd2")
        if gd2 is None or page.locator(RUNNING).count() or thumb.input_value() != gd2:
            return None
        query = urlencode(q)
        ok = metric.inner_text() == expected(query, 2030) and share_link(page, "en").endswith(f"?{query}")
        return gd2 if ok else None

    gd2 = wait_until(agreed, TIMEOUT_MS / 1000, what="URL, slider, verdict and share link to agree")
    assert float(gd2) > start
    assert urlsplit(page.url).path == f"{BASE}/scenario"
    assert share_link(page, "en") == app_link(
        urlencode(url_query(page)), base_path=BASE, page="scenario", origin=site(proxy)
    )


def test_csv_download_carries_the_link(proxy: Team, page: Page) -> None:
    link = "gd2=35&lang=en"
    page.goto(f"{site(proxy)}{BASE}/scenario?{link}")
    settle(page)
    page.get_by_role("radio", name=t("detail_downloads", "en"), exact=True).click()
    button = page.get_by_role("button", name=t("dl_csv", "en"))
    expect(button).to_be_visible()
    with page.expect_download() as info:
        button.click()
    text = Path(info.value.path()).read_text(encoding="utf-8-sig")
    cells = {c for row in csv.reader(io.StringIO(text)) for c in row}
    assert f"{site(proxy)}{BASE}/scenario?{link}&{DV}" in cells
    assert expected(link, 2030).rstrip("%") in text
    assert info.value.suggested_filename.endswith(".csv")
    replica_of(proxy, page)


def test_upload_of_a_planners_file_with_xsrf_on(proxy: Team, page: Page) -> None:
    page.goto(f"{site(proxy)}{BASE}/mydata?lang=en")
    settle(page, '[data-testid="stFileUploader"]')
    assert any(c["name"] == "_streamlit_xsrf" for c in page.context.cookies())  # XSRF on
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(UPLOAD))
    expect(page.locator('[data-testid="stAlertContentSuccess"]')).to_contain_text(UPLOAD.name)
    expect(page.get_by_text(t("mydata_version_user", "en", version=uploaded_version()))).to_be_visible()
    # The upload and the session's websocket went to the same replica (affinity), and the upload
    # passed Streamlit's XSRF check: a 2xx, not a 403.
    uploads = [x for x in served(proxy, page) if "/_stcore/upload_file/" in x["uri"]]
    assert uploads and all(x["status"].startswith("2") for x in uploads), uploads
    assert all(x["uri"].startswith(f"{BASE}/") for x in uploads)
    replica_of(proxy, page)
    # Another page and back: the planner's figures are still in use (same session, same replica).
    nav = page.locator('[data-testid="stSidebarNav"]')
    nav.get_by_role("link", name=t("page_scenario", "en"), exact=True).click()
    settle(page)
    nav.get_by_role("link", name=t("page_mydata", "en"), exact=True).click()
    expect(page.get_by_text(t("mydata_version_user", "en", version=uploaded_version()))).to_be_visible()


def test_an_upload_without_the_xsrf_token_is_refused_through_the_proxy(proxy: Team, page: Page) -> None:
    page.goto(f"{site(proxy)}{BASE}/mydata")
    settle(page, '[data-testid="stFileUploader"]')
    status, _ = fetch(page, f"{site(proxy)}{BASE}/_stcore/upload_file/x/y", "PUT", "a,b\n")
    assert status == 403


def test_the_qr_code_encodes_the_link_under_the_base_path(proxy: Team, page: Page) -> None:
    page.goto(f"{site(proxy)}{BASE}/?gd2=40&present=1")
    settle(page)
    img = page.locator('[data-testid="stImage"] img').first
    expect(img).to_be_visible()
    src = img.get_attribute("src")
    assert src and urlsplit(src).path.startswith(f"{BASE}/media/")
    status, png = fetch(page, src)
    assert status == 200
    # Read as a phone would: the link with /ktso/, without present=1 (a phone in the room opens
    # the interactive app on the same scenario).
    found = [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]
    assert found == [f"{site(proxy)}{BASE}/?gd2=40&{DV}"]


def test_killing_the_sessions_replica_loses_no_link(proxy: Team, page: Page) -> None:
    link = "gd2=33&t2=30&lang=en"
    page.goto(f"{site(proxy)}{BASE}/scenario?{link}")
    settle(page)
    label = t("share_in_year", "en", year=2030)
    expect(metric_value(page, label)).to_have_text(expected(link, 2030))
    first = replica_of(proxy, page)
    before = len(served(proxy, page))
    proxy.replica_at(first).kill()  # SIGKILL mid-session, as a crash would
    page.reload()
    settle(page)
    expect(metric_value(page, label)).to_have_text(expected(link, 2030))
    assert dict(parse_qsl(urlsplit(page.url).query)) == dict(parse_qsl(f"{link}&{DV}"))
    assert share_link(page, "en") == f"{site(proxy)}{BASE}/scenario?{link}&{DV}"
    # What was answered after the kill (less the killed replica's own websocket, logged as it closed).
    after = [
        x
        for x in served(proxy, page)[before:]
        if x["status"] < "400" and x["up"] != "-" and not (x["status"] == "101" and x["up"] == first)
    ]
    # nginx tried the dead one first (its address then another in $upstream_addr), then kept away.
    ups = {a.strip() for x in after for a in x["up"].split(",")} - {first}
    assert after and ups and all(last(x["up"]) != first for x in after), after
    # The session goes on: a slider move still answers, on the replica it moved to.
    thumb = growth_slider(page, t("de_growth_pct", "en"), nth=1)
    thumb.focus()
    thumb.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"[?&]gd2=33\.1(&|$)"))
    wait_until(
        lambda: metric_value(page, label).inner_text() == expected(urlencode(url_query(page)), 2030),
        TIMEOUT_MS / 1000,
        what="the 2030 verdict after the move",
    )


# The reconnection watcher's box (qn_ui/reconnect.py), in its component's shadow root: every text
# it shows is kept in sessionStorage, which outlives the reload it causes.
RECORD_BANNER_JS = """() => {
  const host = [...document.querySelectorAll('.st-key-qn_reconnect *')].find((e) => e.shadowRoot);
  const box = host.shadowRoot.querySelector('.qn-conn');
  new MutationObserver(() => {
    if (box.hidden) return;
    const seen = JSON.parse(sessionStorage.getItem('qn_seen') || '[]');
    sessionStorage.setItem('qn_seen', JSON.stringify([...seen, box.textContent]));
  }).observe(box, {attributes: true, childList: true, characterData: true, subtree: true});
}"""


def test_a_tab_survives_its_replica_without_a_reload_by_hand(proxy: Team, page: Page) -> None:
    """The replica serving an open tab dies: the tab comes back by itself on another one within
    10 s, with its link's scenario, saying so in the planner's language, and the next slider
    move works. The slider is the live component's (``w_live_gd2``, issue 21). Once the dead
    replica is back, the tab's requests still go where its websocket is."""
    link = "gd2=34&t2=30"
    page.goto(f"{site(proxy)}{BASE}/scenario?{link}")
    settle(page)
    label = t("share_in_year", "vi", year=2030)
    expect(metric_value(page, label)).to_have_text(expected(link, 2030))
    first = replica_of(proxy, page)
    before = len(served(proxy, page))
    page.evaluate(RECORD_BANNER_JS)
    loaded = page.evaluate("performance.timeOrigin")
    proxy.replica_at(first).kill()
    killed = time.monotonic()
    wait_for_reload(page, loaded, since=killed)
    settle(page)
    expect(metric_value(page, label)).to_have_text(expected(link, 2030))
    assert dict(parse_qsl(urlsplit(page.url).query)) == dict(parse_qsl(f"{link}&{DV}"))
    seen = page.evaluate("JSON.parse(sessionStorage.getItem('qn_seen') || '[]')")
    assert t("conn_reopening", "vi") in seen, seen
    # Served by another replica since the kill (the dead one's own websocket line excepted).
    after = [x for x in served(proxy, page)[before:] if x["status"] < "400" and x["status"] != "101"]
    assert after and all(last(x["up"]) != first for x in after), after
    (document,) = [x for x in after if x["uri"].startswith(f"{BASE}/scenario?")]
    second = last(document["up"])  # the reloaded page's replica, where its websocket went
    assert route(page) == second
    # The next move answers, as it did before the kill.
    # The live component's digital-economy control (its first), issue 21.
    thumb = page.locator('[class*="st-key-w_live_gd2"]').get_by_role("slider").first
    thumb.focus()
    thumb.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"[?&]gd2=34\.1(&|$)"))
    wait_until(
        lambda: metric_value(page, label).inner_text() == expected(urlencode(url_query(page)), 2030),
        TIMEOUT_MS / 1000,
        what="the 2030 verdict after the move",
    )

    # The dead replica comes back (systemd restarts it) and nginx would try it again: the tab's
    # requests stay with its websocket, on the replica that took it over.
    again = page.evaluate("performance.timeOrigin")
    revived = proxy.replica_at(first)
    revived.start()
    wait_until(lambda: healthy(revived.health_url), TIMEOUT_MS / 1000, 0.5, "the restarted replica")
    time.sleep(max(0.0, killed + 2 * FAIL_TIMEOUT_S + 1 - time.monotonic()))  # its failures forgotten
    mark = len(served(proxy, page))
    status, _ = fetch(page, f"{site(proxy)}{BASE}/_stcore/host-config")
    assert status == 200
    (request,) = [x for x in served(proxy, page)[mark:] if x["uri"] == f"{BASE}/_stcore/host-config"]
    assert last(request["up"]) == second, request
    assert probe_replica(page) == second
    assert page.evaluate("performance.timeOrigin") == again  # and the tab did not reload again

    # No replica left (the module's last test): the tab cannot come back, and says so.
    websockets = len([x for x in served(proxy, page) if x["status"] == "101"])
    # The tab's own replica last: killed first, a probe in between would be answered by one still
    # alive, and the tab would rightly reload (onto nginx's retry page, once all are gone).
    for replica in sorted(proxy.replicas, key=lambda r: r is proxy.replica_at(second)):
        replica.kill()
    expect(page.locator(".qn-conn")).to_have_text(t("conn_lost", "vi"))
    expect(page.locator(".qn-conn")).to_be_visible()
    # The tab's websocket, logged as it closed, was on that replica too.
    closed = wait_until(
        lambda: [x for x in served(proxy, page) if x["status"] == "101"][websockets:],
        10,
        what="the websocket's line in the access log",
    )
    assert [last(x["up"]) for x in closed] == [second], closed
    # A reload now (nginx has no replica to try): not nginx's bare 502, but the page that says so
    # in the planner's language and tries the link again by itself.
    status, body = fetch(page, f"{site(proxy)}{BASE}/scenario?{link}")
    assert status == 503, (status, body[:200])
    text = body.decode("utf-8")
    assert html.escape(t("conn_retry", "vi", s=RETRY_S)) in text
    assert f'http-equiv="refresh" content="{RETRY_S}"' in text
