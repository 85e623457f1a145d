"""Cold start: from starting the server process to the first page fully drawn in Chromium.

Each repeat starts a new server through the app's launcher (``python -m qn_ui.serve``, as
``make run`` does; file watcher off, loopback only), opens ``/`` (the overview) in a new browser
context (empty cache) and stops the clock when the page is fully drawn: the overview's two
verdict metrics visible, the plotly chart's SVG present, no running indicator and no placeholder
or stale element left. The browser is launched once, before any server starts, so browser
start-up is not counted; its first page load is warmed on ``about:blank``.

The bare reference page (``benchmarks/bare_page.py``: one slider, one text, one plotly chart) is
cold-started the same way, interleaved with ours, as the framework's floor: ratio = ours / bare.

Target: median ≤ 5 s on this machine. Prints figures only; exits non-zero when a server never
starts or a page never draws.

    .venv/bin/python benchmarks/coldstart.py            # 5 cold starts of each
    .venv/bin/python benchmarks/coldstart.py --n 10
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import Browser, sync_playwright

from benchmarks._common import ROOT, fmt_load, print_command, report_failure, temp_home
from tests.e2e.helpers import (
    METRIC,
    PENDING,
    RUNNING,
    launch_chromium,
    planner_page,
    streamlit_server,
)

BARE = "benchmarks/bare_page.py"
TARGET_S = 5.0
TIMEOUT_MS = 180_000

# "Fully drawn", checked on every animation frame in the page itself.
_DRAWN_JS = """([ready, minReady, running, pending]) => {
    const shown = [...document.querySelectorAll(ready)].filter(e => e.checkVisibility());
    return shown.length >= minReady
        && document.querySelector('.js-plotly-plot .main-svg') !== null
        && document.querySelector(running) === null
        && document.querySelector(pending) === null;
}"""
# What "fully drawn" waits for on each page: (selector that must be visible, how many of them).
READY = {
    "ours": (METRIC, 2),  # the overview's two verdict metrics (2025, 2030)
    "bare": ('[data-testid="stSlider"]', 1),
}


# What a cold server does before the first page can show, timed in a fresh interpreter: imports of
# the stack, then the shipped data and the default scenario's trend fits (``link_context``).
_IMPORTS_PY = """
import sys, time
sys.path.insert(0, sys.argv[1])
t = [time.perf_counter()]
import streamlit
t.append(time.perf_counter())
import numpy, pandas
t.append(time.perf_counter())
import plotly.graph_objects as go
go.Figure(go.Scatter(x=[1], y=[1])).to_json()
t.append(time.perf_counter())
import statsmodels.api
from statsmodels.tsa.arima.model import ARIMA
from statsmodels.tsa.holtwinters import ExponentialSmoothing
t.append(time.perf_counter())
import qn_model.views.figures, qn_ui.controls, qn_ui.downloads, qn_ui.state, qn_ui.widgets, qn_ui.cards
t.append(time.perf_counter())
from qn_model.data.dataset import load_dataset
from qn_model.engine.presets import link_context
link_context(load_dataset())
t.append(time.perf_counter())
print(" ".join(f"{b - a:.4f}" for a, b in zip(t, t[1:])))
"""
IMPORT_STEPS = (
    "import streamlit (it imports plotly too)",
    "import numpy, pandas",
    "plotly: first figure to JSON",
    "import statsmodels (api, ARIMA, Holt)",
    "import our modules (qn_model, qn_ui)",
    "shipped data + default trend fits",
)


def server_first_run_parts(n: int = 3) -> list[float]:
    """Median seconds of each step in ``_IMPORTS_PY`` over ``n`` fresh interpreters."""
    runs = []
    for _ in range(n):
        out = subprocess.run(
            [sys.executable, "-c", _IMPORTS_PY, str(ROOT)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout.split()
        runs.append([float(x) for x in out])
    return [float(x) for x in np.median(np.array(runs), axis=0)]


def cold_start(browser: Browser, script: str, which: str, home: Path, run: int) -> dict[str, float]:
    """One cold start; seconds from Popen to: server healthy, HTML loaded, first content (metrics;
    bare: the slider) visible, page fully drawn."""
    ready, min_ready = READY[which]
    with planner_page(browser, TIMEOUT_MS) as page:
        t0 = time.perf_counter()  # streamlit_server's Popen follows at once
        with streamlit_server(script, home, home / "logs" / f"{which}-{run}.log", start_timeout_s=120) as url:
            t_healthy = time.perf_counter() - t0
            page.goto(f"{url}/", wait_until="load")
            t_load = time.perf_counter() - t0
            page.wait_for_function(
                "([ready, n]) => [...document.querySelectorAll(ready)].filter(e => e.checkVisibility()).length >= n",
                arg=[ready, min_ready],
                polling="raf",
                timeout=TIMEOUT_MS,
            )
            t_ready = time.perf_counter() - t0
            page.wait_for_function(
                _DRAWN_JS, arg=[ready, min_ready, RUNNING, PENDING], polling="raf", timeout=TIMEOUT_MS
            )
            t_drawn = time.perf_counter() - t0
            errors = page.locator('[data-testid="stException"]').count()
            if errors or "Traceback" in page.locator("body").inner_text():
                raise RuntimeError(f"{which}: the page shows an exception on cold start {run}")
    return {"healthy": t_healthy, "load": t_load, "ready": t_ready, "drawn": t_drawn}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=5, help="cold starts of each page (default 5)")
    args = ap.parse_args()

    load_before = os.getloadavg()
    res: dict[str, list[dict[str, float]]] = {"ours": [], "bare": []}
    with temp_home("qn-cold-") as home:
        try:
            with sync_playwright() as p:
                browser = launch_chromium(p.chromium, home)
                warm = browser.new_page()
                warm.goto("about:blank")
                warm.close()
                for i in range(args.n):
                    for which, script in (("ours", "app.py"), ("bare", BARE)):
                        r = cold_start(browser, script, which, home, i)
                        res[which].append(r)
                        print(
                            f"  {which} #{i + 1}: healthy {r['healthy']:.2f} s, HTML loaded {r['load']:.2f} s, "
                            f"metrics/slider visible {r['ready']:.2f} s, drawn {r['drawn']:.2f} s",
                            flush=True,
                        )
                browser.close()
        except Exception as exc:  # a server that never starts, a page that never draws
            report_failure("coldstart", exc, home / "logs")
            return 1

    load_after = os.getloadavg()
    print()
    print(
        f"cold start benchmark  cpus={os.cpu_count()}  load average before={fmt_load(load_before)}  "
        f"after={fmt_load(load_after)}  OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}"
    )
    header = (
        f"{'page':<34} {'n':>3} {'healthy med':>12} {'HTML med':>9} {'content med':>12} {'drawn med':>10} "
        f"{'drawn max':>10} {'target':>8} {'verdict':>7}"
    )
    print(header)
    print("-" * len(header))
    med = {}
    for which, label in (("ours", "ours: / (overview, app.py)"), ("bare", "bare: " + BARE)):
        drawn = np.array([r["drawn"] for r in res[which]])
        healthy = np.array([r["healthy"] for r in res[which]])
        html = np.array([r["load"] for r in res[which]])
        content = np.array([r["ready"] for r in res[which]])
        med[which] = float(np.median(drawn))
        target = f"≤ {TARGET_S:.0f} s" if which == "ours" else "—"
        verdict = ("PASS" if med[which] <= TARGET_S else "MISS") if which == "ours" else "—"
        print(
            f"{label:<34} {len(drawn):>3} {np.median(healthy):>10.2f} s {np.median(html):>7.2f} s "
            f"{np.median(content):>10.2f} s {med[which]:>8.2f} s "
            f"{drawn.max():>8.2f} s {target:>8} {verdict:>7}"
        )
    print(f"ratio ours / bare (median drawn): {med['ours'] / med['bare']:.2f}")
    print("from Popen to: healthy = /_stcore/health ok; HTML = page's load event; content = two metrics")
    print("visible (bare: the slider); drawn = content + plotly SVG present + no running icon or skeleton")
    parts = server_first_run_parts()
    print()
    print(
        "where a cold server's first run goes (fresh interpreter, median of 3; the page also waits for these):"
    )
    for step, sec in zip(IMPORT_STEPS, parts, strict=True):
        print(f"  {step:<40} {sec:>6.2f} s")
    print(f"  {'total':<40} {sum(parts):>6.2f} s")
    print_command("benchmarks/coldstart.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
