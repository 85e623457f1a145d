"""Load: N concurrent browser sessions (default 10) moving a slider for a fixed time (default 60 s).

One server (``python -m qn_ui.serve``, the launcher ``make run`` uses; file watcher off,
loopback only), one Chromium, N browser contexts driven concurrently with Playwright's async API. Each session opens the scenario page with
its own link, then until the time is up: focuses the 2026–2030 digital-economy growth slider
(``w_gd2``), presses ArrowRight / ArrowLeft in turn, and waits for the 2030 metric's text to change
(the update time), then for the run to finish (no running icon, no placeholder or stale element)
before the next press. In the links used, one slider step moves the 2030 share by > 0.13 pp, so
every press changes the one-decimal metric.

Errors: a wait that times out, any exception while driving the page, an ``stException`` element, the
app's own error message (its last line of defence), "Traceback" in the page text (checked every
10th update and at the end), and "Traceback" in the server's log. Target: 0 errors; the p95 update
time is reported (no fixed target; compare with ``benchmarks/ui.py``'s single-session figure).

Through a proxy: ``--targets`` names what to load, one after the other in the same run, each
with the same sessions, links and duration: ``direct`` (one server, as above), ``proxyN`` (N
replicas behind nginx under ``--base-path``, started as ``make serve-team`` does, ``deploy.team``).
``--url`` drives an app that is already running (its address with the base path); then the server
side's CPU and memory are not measured. Everything stays on loopback.

Prints figures only; exits non-zero when the server never starts or a session cannot open the page.
The load test itself stops by itself (bounded by ``--seconds`` and per-wait timeouts).

    .venv/bin/python benchmarks/load.py
    .venv/bin/python benchmarks/load.py --sessions 10 --seconds 60
    .venv/bin/python benchmarks/load.py --targets proxy1,proxy3 --seconds 45   # one vs three replicas
    .venv/bin/python benchmarks/load.py --url http://127.0.0.1:8080/ktso      # a running `make serve-team`
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.async_api import Browser, Locator, Page, async_playwright, expect

from benchmarks._common import fmt_load, print_command, report_failure, temp_home
from benchmarks.memory import cpu_seconds, descendants, links, rss_mb, server_pid
from deploy.team import team
from qn_model.i18n.formats import t
from tests.e2e.helpers import (
    METRIC,
    PENDING,
    RUNNING,
    VIEWPORT,
    launch_chromium,
    streamlit_server,
)

OPEN_TIMEOUT_MS = 180_000  # opening the page while the other sessions open theirs
UPDATE_TIMEOUT_MS = 30_000  # one key press → metric change, or → idle: longer counts as an error
EXCEPTION = '[data-testid="stException"]'
# Each session's browser names itself at the end of its user agent, which nginx's access log
# records (deploy/nginx/trial.conf.in, log_format qn): the one per-browser key there, since the
# qn_route cookie names the replica, not the browser (as in tests/e2e/test_proxy.py).
UA_TOKEN = "qn-load/{n}"
_UA_TOKEN_RE = re.compile(r"qn-load/(\d+)$")
# A line of that log: the upstream(s) tried ("A, B" when nginx tried A first; "-" when nginx
# answered by itself), the cookie's route, the replica that answered, the user agent.
_LOG_LINE = re.compile(r'upstream=(?P<up>.+?) route=\S* replica=\S* rt=\S+ "(?P<ua>[^"]*)"$')

# Read the 2030 metric's value afresh (React may replace the node on a rerun).
# On the scenario page the 2030 metric is the live component's (qn_ui/live), in a shadow root.
_METRIC_JS = """([box, label]) => {
    const all = [...document.querySelectorAll(box)];
    for (const h of document.querySelectorAll('[class*="st-key-w_live"] *')) {
      if (h.shadowRoot) all.push(...h.shadowRoot.querySelectorAll('.qn-metric'));
    }
    const el = all.find(e => e.innerText.includes(label));
    const v = el && el.querySelector('[data-testid="stMetricValue"], .qn-metric-value');
    return v ? v.innerText : null;
}"""
_CHANGED_JS = (
    f"""([probe, prev]) => {{ const now = ({_METRIC_JS})(probe); return now !== null && now !== prev; }}"""
)
_IDLE_JS = """([running, pending]) =>
    document.querySelector(running) === null && document.querySelector(pending) === null
    && [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].every(c => c.querySelector('.main-svg'))"""


@dataclass
class Session:
    n: int
    link: str
    lang: str
    updates: list[float] = field(default_factory=list)  # key press → metric text changed
    settles: list[float] = field(default_factory=list)  # key press → run finished
    errors: list[str] = field(default_factory=list)


async def settle(page: Page) -> None:
    """Async twin of ``tests.e2e.helpers.settle`` (those helpers use the sync API)."""
    await expect(page.locator('[data-testid="stAppViewContainer"]')).to_be_visible()
    await expect(page.locator(METRIC).first).to_be_visible()
    await page.wait_for_function(_IDLE_JS, arg=[RUNNING, PENDING], polling="raf")


def growth_slider(page: Page, label: str, nth: int) -> Locator:
    """Async twin of ``tests.e2e.helpers.growth_slider``."""
    box = page.locator('[data-testid="stSlider"], .qn-control').filter(
        has=page.locator('[data-testid="stWidgetLabel"], .qn-label', has_text=label)
    )
    return box.nth(nth).get_by_role("slider")


async def page_errors(page: Page, lang: str, full: bool) -> list[str]:
    out = []
    if await page.locator(EXCEPTION).count():
        out.append("stException on the page")
    if await page.get_by_text(t("unexpected_error", lang)[:40]).count():
        out.append("the app's error message on the page")
    if full and "Traceback" in await page.locator("body").inner_text():
        out.append("Traceback in the page text")
    return out


async def browser_user_agent(browser: Browser) -> str:
    """Chromium's own user agent, which each session's extends with its token."""
    ctx = await browser.new_context()
    try:
        return await (await ctx.new_page()).evaluate("navigator.userAgent")
    finally:
        await ctx.close()


async def open_session(
    browser: Browser, url: str, s: Session, user_agent: str
) -> tuple[Page, Locator, list[str]]:
    ctx = await browser.new_context(
        viewport=VIEWPORT, locale="vi-VN", user_agent=f"{user_agent} {UA_TOKEN.format(n=s.n)}"
    )
    ctx.set_default_timeout(OPEN_TIMEOUT_MS)
    page = await ctx.new_page()
    await page.goto(f"{url}/scenario?{s.link}")
    await settle(page)
    thumb = growth_slider(page, t("de_growth_pct", s.lang), nth=1)
    await expect(thumb).to_be_visible()
    probe = [METRIC, t("share_in_year", s.lang, year=2030)]
    errs = await page_errors(page, s.lang, full=True)
    if errs:
        raise RuntimeError(f"session {s.n}: {errs}")
    return page, thumb, probe


async def drive(
    page: Page, thumb: Locator, probe: list[str], s: Session, start: float, stop: float, think_s: float
) -> None:
    """Press, wait for the metric to change, wait for idle; until ``stop`` (monotonic seconds)."""
    await asyncio.sleep(max(0.0, start - time.monotonic()))
    i = consecutive = 0
    while time.monotonic() < stop and consecutive < 3:
        key = "ArrowRight" if i % 2 == 0 else "ArrowLeft"
        i += 1
        try:
            before = await page.evaluate(_METRIC_JS, probe)
            if before is None:
                raise RuntimeError("2030 metric not found")
            await thumb.focus()
            t0 = time.perf_counter()
            await thumb.press(key)
            await page.wait_for_function(
                _CHANGED_JS, arg=[probe, before], polling="raf", timeout=UPDATE_TIMEOUT_MS
            )
            t1 = time.perf_counter()
            await page.wait_for_function(
                _IDLE_JS, arg=[RUNNING, PENDING], polling="raf", timeout=UPDATE_TIMEOUT_MS
            )
            t2 = time.perf_counter()
            s.updates.append(t1 - t0)
            s.settles.append(t2 - t0)
            errs = await page_errors(page, s.lang, full=i % 10 == 0)
            s.errors += [f"update {i}: {e}" for e in errs]
            consecutive = consecutive + 1 if errs else 0
            if think_s:
                await asyncio.sleep(think_s)
        except Exception as exc:  # a timeout or anything else: counted, then carry on
            s.errors.append(f"update {i}: {type(exc).__name__}: {str(exc).splitlines()[0][:160]}")
            consecutive += 1
            with contextlib.suppress(Exception):  # let the page recover; the next press will tell
                await page.wait_for_function(
                    _IDLE_JS, arg=[RUNNING, PENDING], polling="raf", timeout=UPDATE_TIMEOUT_MS
                )
    if consecutive >= 3:
        s.errors.append("session gave up after 3 consecutive errors")
    try:
        s.errors += [f"at the end: {e}" for e in await page_errors(page, s.lang, full=True)]
    except Exception as exc:
        s.errors.append(f"at the end: {type(exc).__name__}")


def total_rss_mb(pids: list[int]) -> float:
    return sum(rss_mb(p) for p in pids)


def cpu_split(servers: list[int]) -> tuple[float, float]:
    """CPU seconds so far of the servers' process trees (replicas and nginx), and of everything
    else this script runs (itself, Playwright's driver, Chromium)."""
    srv = {p for s in servers for p in descendants(s)}
    client = [p for p in descendants(os.getpid()) if p not in srv]
    return cpu_seconds(sorted(srv)), cpu_seconds(client)


async def sample_rss_all(pids: list[int], stop: asyncio.Event, peak: list[float]) -> None:
    while not stop.is_set():
        peak[0] = max(peak[0], total_rss_mb(pids))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=0.5)


async def run(
    url: str, pids: list[int], home: Path, n: int, seconds: float, think_s: float
) -> tuple[list[Session], dict]:
    sessions = [Session(i + 1, lk, "en" if "lang=en" in lk else "vi") for i, lk in enumerate(links(n))]
    info: dict = {}
    async with async_playwright() as p:
        expect.set_options(timeout=OPEN_TIMEOUT_MS)
        browser = await launch_chromium(p.chromium, home)
        # The first session opens alone (a fresh server's first request is a deep link: guard
        # and cold imports), the rest concurrently.
        ua = await browser_user_agent(browser)
        first = await open_session(browser, url, sessions[0], ua)
        rest = await asyncio.gather(*(open_session(browser, url, s, ua) for s in sessions[1:]))
        opened = [first, *rest]
        info["rss_open"] = total_rss_mb(pids)
        peak, stop_evt = [0.0], asyncio.Event()
        sampler = asyncio.create_task(sample_rss_all(pids, stop_evt, peak))
        info["load_start"] = os.getloadavg()
        start = time.monotonic() + 1.0
        stop = start + seconds
        await asyncio.sleep(max(0.0, start - time.monotonic()))
        cpu0 = cpu_split(pids)
        await asyncio.gather(
            *(
                drive(pg, th, pr, s, start, stop, think_s)
                for (pg, th, pr), s in zip(opened, sessions, strict=True)
            )
        )
        info["elapsed"] = time.monotonic() - start
        cpu1 = cpu_split(pids)
        info["cpu_server"], info["cpu_client"] = cpu1[0] - cpu0[0], cpu1[1] - cpu0[1]
        info["load_end"] = os.getloadavg()
        info["rss_end"] = total_rss_mb(pids)
        stop_evt.set()
        await sampler
        info["rss_peak"] = peak[0]
        await browser.close()
    return sessions, info


@contextlib.contextmanager
def target(name: str, home: Path, base_path: str, url: str | None):
    """Start what ``name`` says; yield (the app's address, the server side's pids, its logs)."""
    if url is not None:
        yield url.rstrip("/"), [], []
    elif name == "direct":
        log = home / "logs" / "server.log"
        with streamlit_server("app.py", home, log) as u:
            yield u, [server_pid(int(u.rsplit(":", 1)[1]))], [log]
    elif name.startswith("proxy") and name[5:].isdigit() and int(name[5:]) >= 1:
        with team(int(name[5:]), base_path, run_dir=home / "logs" / name) as tm:
            pids = [r.proc.pid for r in tm.replicas if r.proc] + ([tm.nginx.pid] if tm.nginx else [])
            yield tm.url.rstrip("/"), pids, [r.log for r in tm.replicas]
    else:
        raise ValueError(f"unknown target {name!r}: direct or proxyN (N replicas behind nginx)")


def spread(access_log: Path) -> str:
    """How nginx spread the sessions: browsers per replica, from its access log.

    A browser is a session's user-agent token (:data:`UA_TOKEN`), counted under each replica
    that answered one of its requests (the last of ``upstream=``); requests without a token
    (the team's health checks) and those nginx answered itself are left out. A browser moved
    to another replica (its replica died) counts under both."""
    if not access_log.is_file():
        return ""
    browsers: dict[str, set[str]] = {}
    for line in access_log.read_text(errors="replace").splitlines():
        m = _LOG_LINE.search(line)
        token = _UA_TOKEN_RE.search(m["ua"]) if m else None
        if m is None or token is None or m["up"] == "-":
            continue
        replica = m["up"].split(",")[-1].strip()
        browsers.setdefault(replica, set()).add(token[1])
    return ", ".join(f"{up}: {len(b)}" for up, b in sorted(browsers.items()))


def describe(name: str, base_path: str, url: str | None) -> str:
    if url is not None:
        return f"the app at {url}"
    if name == "direct":
        return "one server, no proxy"
    n = int(name[5:])
    return f"{n} replica{'s' if n > 1 else ''} behind nginx under {base_path}/"


def report(
    name: str, label: str, args, load_before, sessions: list[Session], info: dict, log_tb: int
) -> dict:
    updates = np.array([x for s in sessions for x in s.updates])
    settles = np.array([x for s in sessions for x in s.settles])
    errors = [f"session {s.n}: {e}" for s in sessions for e in s.errors]
    n_err = len(errors) + log_tb
    print(
        f"\n== {name}: {label}\nload benchmark  cpus={os.cpu_count()}  sessions={args.sessions}  "
        f"think={args.think_ms:.0f} ms  duration={info['elapsed']:.1f} s  "
        f"load average before={fmt_load(load_before)}  at start={fmt_load(info['load_start'])}  "
        f"at end={fmt_load(info['load_end'])}"
    )
    header = f"{'measure':<40} {'count':>6} {'median':>9} {'p95':>9} {'max':>9}"
    print(header)
    print("-" * len(header))
    for what, a in (
        ("key press → 2030 metric changed", updates),
        ("key press → run finished (idle)", settles),
    ):
        if len(a):
            print(
                f"{what:<40} {len(a):>6} {np.median(a) * 1e3:>7.0f}ms {np.percentile(a, 95) * 1e3:>7.0f}ms "
                f"{a.max() * 1e3:>7.0f}ms"
            )
        else:
            print(f"{what:<40} {0:>6}")
    per = ", ".join(f"{len(s.updates)}" for s in sessions)
    rate = len(updates) / info["elapsed"]
    print(f"updates per session: {per}  ({rate:.1f} updates/s in all)")
    print(
        f"errors: {n_err} (target 0: {'PASS' if n_err == 0 else 'MISS'}) — "
        f"{len(errors)} in the sessions, {log_tb} Traceback(s) in the server log(s)"
    )
    for e in errors[:20]:
        print("  " + e)
    if info.get("spread"):
        print(f"browsers per replica (nginx's access log): {info['spread']}")
    wall = info["elapsed"]
    if info["measured"]:
        print(
            f"server side RSS (replicas + nginx): {info['rss_open']:.1f} MB with all sessions open, "
            f"{info['rss_end']:.1f} MB at the end, peak {info['rss_peak']:.1f} MB (sampled every 0.5 s)"
        )
        print(
            f"CPU during the run: server side {info['cpu_server']:.1f} s ({info['cpu_server'] / wall:.2f} cores), "
            f"browser side (Chromium, Playwright, this script) {info['cpu_client']:.1f} s "
            f"({info['cpu_client'] / wall:.2f} cores) of {os.cpu_count()} cores; "
            f"server side {info['cpu_server'] / max(len(updates), 1) * 1e3:.0f} ms CPU per update"
        )
    return {
        "name": name,
        "updates": len(updates),
        "rate": rate,
        "median": float(np.median(updates)) if len(updates) else float("nan"),
        "p95": float(np.percentile(updates, 95)) if len(updates) else float("nan"),
        "errors": n_err,
        "cpu": info["cpu_server"] / wall if info["measured"] else float("nan"),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sessions", type=int, default=10)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--think-ms", type=float, default=0.0, help="pause after each update (default 0)")
    ap.add_argument(
        "--targets",
        default="direct",
        help="comma-separated, loaded one after the other: direct, proxyN (default: direct)",
    )
    ap.add_argument("--base-path", default="/ktso", help="the proxy's base path (default /ktso)")
    ap.add_argument("--url", default=None, help="drive an app already running there (loopback)")
    args = ap.parse_args()
    names = ["url"] if args.url else [n.strip() for n in args.targets.split(",") if n.strip()]

    results = []
    for name in names:
        load_before = os.getloadavg()
        label = describe(name, args.base_path, args.url)
        with temp_home("qn-load-") as home:
            (home / "logs").mkdir()
            try:
                with target(name, home, args.base_path, args.url) as (url, pids, logs):
                    sessions, info = asyncio.run(
                        run(url, pids, home, args.sessions, args.seconds, args.think_ms / 1000)
                    )
                    info["measured"] = bool(pids)
                    info["spread"] = spread(home / "logs" / name / "nginx-access.log")
                    log_tb = sum(log.read_text(errors="replace").count("Traceback") for log in logs)
            except Exception as exc:  # a server that never starts, a session that cannot open the page
                report_failure(f"load ({name})", exc, home / "logs")
                return 1
        results.append(report(name, label, args, load_before, sessions, info, log_tb))

    if len(results) > 1:
        print("\n== side by side (same sessions, links and duration, one after the other)")
        print(
            f"{'target':<10} {'updates':>8} {'per s':>7} {'median':>9} {'p95':>9} {'errors':>7} {'server CPU':>11}"
        )
        for r in results:
            print(
                f"{r['name']:<10} {r['updates']:>8} {r['rate']:>7.1f} {r['median'] * 1e3:>7.0f}ms "
                f"{r['p95'] * 1e3:>7.0f}ms {r['errors']:>7} {r['cpu']:>6.2f} cores"
            )
    print("links: " + "  ".join("?" + lk for lk in links(args.sessions)))
    print_command("benchmarks/load.py")
    return 0 if all(r["updates"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
