"""Server memory: resident set size (RSS) of the Streamlit server idle, with 1 and with 10 open
sessions.

One server (``python -m qn_ui.serve``, the launcher ``make run`` uses; file watcher off,
loopback only) and one Chromium. Session 1 opens the scenario page by a deep link (the server's first request); then sessions 2–10 (each its own
browser context, all kept open) open the scenario page with a different link. Every session moves
the 2026–2030 digital-economy growth slider once and waits for the 2030 metric to change.

RSS is read from ``/proc/<pid>/status`` (VmRSS) for the server process and its descendants, if any;
a background sampler also records the peak. Target: ≤ 400 MB with 10 sessions. Prints figures
only; exits non-zero when the server never starts or a page never draws.

    .venv/bin/python benchmarks/memory.py
    .venv/bin/python benchmarks/memory.py --sessions 20
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import BrowserContext, Page, expect, sync_playwright

from benchmarks._common import fmt_load, print_command, report_failure, temp_home
from qn_model.i18n.formats import t
from tests.e2e.helpers import (
    charts_drawn,
    growth_slider,
    launch_chromium,
    metric_value,
    planner_context,
    settle,
    streamlit_server,
)

TARGET_MB = 400.0
TIMEOUT_MS = 180_000


# ---- RSS from /proc (psutil is not installed) ----------------------------------------------------


def _ppid(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def _all_pids() -> list[int]:
    return [int(d) for d in os.listdir("/proc") if d.isdigit()]


def descendants(pid: int) -> list[int]:
    """``pid`` and every process below it."""
    parents = {p: _ppid(p) for p in _all_pids()}
    out, frontier = [pid], [pid]
    while frontier:
        frontier = [c for c, pp in parents.items() if pp in frontier]
        out += frontier
    return out


def rss_mb(pid: int, with_children: bool = True) -> float:
    """VmRSS of ``pid`` (and its descendants), in MB (10^6 bytes); 0 for a process that is gone."""
    total_kb = 0
    for p in descendants(pid) if with_children else [pid]:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
        except OSError:
            pass
    return total_kb * 1024 / 1e6


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of ``pids`` (live processes only), in seconds."""
    tick, total = os.sysconf("SC_CLK_TCK"), 0
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / tick


def server_pid(port: int) -> int:
    """The Streamlit server started by this process (a child of ours) on ``port``."""
    me = os.getpid()
    for pid in _all_pids():
        if _ppid(pid) != me:
            continue
        try:
            argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        cmd = b" ".join(argv)
        # The app runs through its launcher (``-m qn_ui.serve``), a reference page through Streamlit.
        if (b"streamlit" in cmd or b"qn_ui.serve" in cmd) and str(port).encode() in argv:
            return pid
    raise RuntimeError(f"no streamlit server child on port {port}")


class PeakSampler(threading.Thread):
    """Samples a process tree's RSS every ``interval`` seconds; ``peak`` is the highest seen."""

    def __init__(self, pid: int, interval: float = 0.25) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0.0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.wait(self.interval):
            self.peak = max(self.peak, rss_mb(self.pid))

    def stop(self) -> float:
        self._stop_event.set()
        self.join()
        return self.peak


# ---- sessions -----------------------------------------------------------------------------------


def links(n: int) -> list[str]:
    """``n`` different scenario links; in each, one slider step changes the 2030 metric."""
    out = []
    for i in range(n):
        lang = "vi" if i % 2 == 0 else "en"
        t2 = "30" if i % 3 == 0 else "35"
        out.append(f"gd2={56 + i % 10}&gy2={9 + i % 3}&t2={t2}&lang={lang}")
    return out


def lang_of(link: str) -> str:
    return "en" if "lang=en" in link else "vi"


def open_session(ctx: BrowserContext, url: str, link: str) -> Page:
    page = ctx.new_page()
    page.goto(f"{url}/scenario?{link}")
    settle(page)
    charts_drawn(page)
    return page


def move_slider_once(page: Page, lang: str) -> None:
    metric = metric_value(page, t("share_in_year", lang, year=2030))
    before = metric.inner_text()
    thumb = growth_slider(page, t("de_growth_pct", lang), nth=1)
    thumb.focus()
    thumb.press("ArrowRight")
    expect(metric).not_to_have_text(before)
    settle(page)
    charts_drawn(page)


def check_no_error(page: Page, which: str) -> None:
    if (
        page.locator('[data-testid="stException"]').count()
        or "Traceback" in page.locator("body").inner_text()
    ):
        raise RuntimeError(f"{which}: the page shows an exception")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sessions", type=int, default=10)
    ap.add_argument("--settle-s", type=float, default=3.0, help="pause before each reading (default 3 s)")
    args = ap.parse_args()

    load_before = os.getloadavg()
    readings: list[tuple[str, float]] = []
    with temp_home("qn-mem-") as home:
        try:
            with (
                streamlit_server("app.py", home, home / "logs" / "server.log") as url,
                sync_playwright() as p,
            ):
                pid = server_pid(int(url.rsplit(":", 1)[1]))
                sampler = PeakSampler(pid)
                sampler.start()
                time.sleep(args.settle_s)
                readings.append(("idle (started, no session yet)", rss_mb(pid)))
                expect.set_options(timeout=TIMEOUT_MS)
                browser = launch_chromium(p.chromium, home)
                all_links = links(args.sessions)
                contexts, pages = [], []
                for i, link in enumerate(all_links):
                    ctx = planner_context(browser, TIMEOUT_MS)
                    contexts.append(ctx)
                    pages.append(open_session(ctx, url, link))
                    if i == 0:
                        time.sleep(args.settle_s)
                        readings.append(("1 session, scenario page loaded", rss_mb(pid)))
                    move_slider_once(pages[-1], lang_of(link))
                    check_no_error(pages[-1], f"session {i + 1}")
                    if i == 0:
                        time.sleep(args.settle_s)
                        readings.append(("1 session, after one slider move", rss_mb(pid)))
                time.sleep(args.settle_s)
                readings.append((f"{args.sessions} sessions open, each moved a slider once", rss_mb(pid)))
                for ctx in contexts:
                    ctx.close()
                time.sleep(max(args.settle_s, 5.0))
                readings.append((f"after closing the {args.sessions} sessions", rss_mb(pid)))
                peak = sampler.stop()
                n_procs = len(descendants(pid))
                browser.close()
        except Exception as exc:  # a server that never starts, a page that never draws
            report_failure("memory", exc, home / "logs")
            return 1

    load_after = os.getloadavg()
    print(
        f"memory benchmark  cpus={os.cpu_count()}  load average before={fmt_load(load_before)}  "
        f"after={fmt_load(load_after)}  server processes={n_procs}"
    )
    header = f"{'server RSS (VmRSS, process tree)':<48} {'MB':>8} {'target':>9} {'verdict':>7}"
    print(header)
    print("-" * len(header))
    for name, mb in readings:
        is_target = name.startswith(f"{args.sessions} sessions") and args.sessions == 10
        target = f"≤ {TARGET_MB:.0f}" if is_target else "—"
        verdict = ("PASS" if mb <= TARGET_MB else "MISS") if is_target else "—"
        print(f"{name:<48} {mb:>8.1f} {target:>9} {verdict:>7}")
    print(f"{'peak (sampled every 0.25 s)':<48} {peak:>8.1f} {'—':>9} {'—':>7}")
    print("links: " + "  ".join("?" + lk for lk in links(args.sessions)))
    print_command("benchmarks/memory.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
