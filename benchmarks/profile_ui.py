"""Where the browser's time goes after a key press on a growth slider: a profile, not a contract
measure (``benchmarks/ui.py`` is that).

Three pages, each served by its own server, measured in turn in one headless Chromium:

- ours: the scenario page (``/scenario?gd2=60&lang=en``), the 2026–2030 DE growth slider;
- chart: ``benchmarks/chart_page.py``, the bare page drawing our scenario chart exactly as the
  scenario page does (same figure, config, column width): Streamlit's and plotly.js's cost for
  *this* chart, with nothing else of ours;
- bare: ``benchmarks/bare_page.py`` (one slider, one text, one small plotly chart).

Per key press: the time to the run's end as ``ui.py``'s (c) sees it; in the page, from the keydown
to the changed text (our 2030 metric, the control pages' value; polled each animation frame, as
``ui.py``'s (b)), to the first and the last plotly draw (``plotly_afterplot``) and the long tasks (≥ 50 ms,
PerformanceObserver); and Chromium's own counters (CDP ``Performance.getMetrics``, deltas from
just before the press to the main thread being idle after the update): main-thread task time,
script time, layout and style-recalculation time and counts. Medians over the presses.

    .venv/bin/python benchmarks/profile_ui.py --n 15
    .venv/bin/python benchmarks/profile_ui.py --n 15 --viewport 1280x720
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import expect, sync_playwright  # noqa: E402

from benchmarks.variants import add_variant_argument, variant_server  # noqa: E402
from qn_model.i18n.formats import t  # noqa: E402
from tests.e2e.helpers import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    METRIC,
    growth_slider,
    settle,
    streamlit_server,
)

# In-page clocks: the key press (keydown, capture phase), each plotly draw's end
# (``plotly_afterplot`` on every chart, the ones mounted later included) and long tasks.
_PROBE = """([box, label, inner]) => {
  if (window.__probe) return;
  window.__probe = {t0: 0, draws: [], long: [], text: null};
  const P = window.__probe;
  const read = () => {
    const el = [...document.querySelectorAll(box)].find(e => e.innerText.includes(label));
    const t = el && (inner ? el.querySelector(inner) : el);
    return t ? t.innerText : null;
  };
  document.addEventListener('keydown', () => {
    P.t0 = performance.now(); P.draws = []; P.long = []; P.text = null;
    const before = read();
    const poll = () => { const now = read(); if (now !== null && now !== before) P.text = performance.now() - P.t0;
                         else if (performance.now() - P.t0 < 5000) requestAnimationFrame(poll); };
    requestAnimationFrame(poll);
  }, true);
  const hook = (gd) => { if (!gd.__hooked && gd.on) { gd.__hooked = true; gd.on('plotly_afterplot', () => P.draws.push(performance.now())); } };
  new MutationObserver(() => document.querySelectorAll('.js-plotly-plot').forEach(hook))
    .observe(document.body, {subtree: true, childList: true});
  document.querySelectorAll('.js-plotly-plot').forEach(hook);
  new PerformanceObserver(l => l.getEntries().forEach(e => { if (e.startTime >= P.t0) P.long.push(e.duration); }))
    .observe({entryTypes: ['longtask']});
}"""

_READ = """() => { const P = window.__probe; return {
  text: P.text, chart: P.draws.length ? P.draws[P.draws.length - 1] - P.t0 : null, draws: P.draws.length,
  first: P.draws.length ? P.draws[0] - P.t0 : null,
  longest: Math.max(0, ...P.long), long: P.long.reduce((a, b) => a + b, 0)}; }"""

# Resolves once the main thread has been idle for a while (the update, chart included, is done).
_IDLE = """() => new Promise(res => {
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    if (now - last > 60) { last = now; requestAnimationFrame(tick); return; }  // a long task just ended
    last = now;
    requestIdleCallback(d => (d.timeRemaining() > 40 ? res() : setTimeout(tick, 30)), {timeout: 2000});
  };
  setTimeout(tick, 30);
})"""

COLUMNS = (
    "key → text",
    "key → settled",
    "key → 1st draw",
    "key → chart drawn",
    "draws",
    "longest task",
    "long tasks",
)
RATIOS = ("key → text", "key → settled", "key → chart drawn")
METRICS = (
    "TaskDuration",
    "ScriptDuration",
    "LayoutDuration",
    "RecalcStyleDuration",
    "LayoutCount",
    "RecalcStyleCount",
)


def med(xs: list[float | None]) -> float:
    """Median of the values seen (a probe that saw nothing in a press gives None: left out)."""
    seen = [x for x in xs if x is not None]
    return float(np.median(seen)) if seen else float("nan")


def metrics(cdp) -> dict[str, float]:
    return {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}


def profile(
    n: int, viewport: dict[str, int], home: Path, variants: dict[str, Path]
) -> dict[str, dict[str, list[float]]]:
    logs = home / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    out: dict[str, dict[str, list[float]]] = {}
    with contextlib.ExitStack() as stack:
        app_url = stack.enter_context(streamlit_server("app.py", home, logs / "app.log"))
        chart_url = stack.enter_context(
            streamlit_server("benchmarks/chart_page.py", home, logs / "chart.log")
        )
        bare_url = stack.enter_context(streamlit_server("benchmarks/bare_page.py", home, logs / "bare.log"))
        other = {
            v: stack.enter_context(variant_server(root, home, logs / f"{v}.log"))
            for v, root in variants.items()
        }
        p = stack.enter_context(sync_playwright())
        expect.set_options(timeout=180_000)
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, env={**os.environ, "HOME": str(home)}
        )
        pages = {}
        link = "/scenario?gd2=60&lang=en"
        for name, url, ready in (
            ("ours", app_url + link, METRIC),
            *((v, u + link, METRIC) for v, u in other.items()),
            ("chart", chart_url, '[data-testid="stSlider"]'),
            ("bare", bare_url, '[data-testid="stSlider"]'),
        ):
            pg = browser.new_page(viewport=viewport)
            pg.set_default_timeout(180_000)
            pg.goto(url)
            settle(pg, ready)
            pg.wait_for_function("() => document.querySelector('.js-plotly-plot .main-svg') !== null")
            ours = name not in ("chart", "bare")
            # The text (b) watches: our 2030 metric's value; the control pages' value line.
            probe = (
                [METRIC, t("share_in_year", "en", year=2030), '[data-testid="stMetricValue"]']
                if ours
                else ['[data-testid="stMarkdownContainer"]', "Value:", None]
            )
            pg.evaluate(_PROBE, probe)
            thumb = growth_slider(pg, t("de_growth_pct", "en"), nth=1) if ours else pg.get_by_role("slider")
            cdp = pg.context.new_cdp_session(pg)
            cdp.send("Performance.enable")
            pages[name] = (pg, thumb, cdp)
            out[name] = {k: [] for k in (*METRICS, *COLUMNS)}
        order = list(pages)
        for i in range(n + 2):
            key = "ArrowRight" if i % 2 == 0 else "ArrowLeft"
            shift = i % len(order)  # each page takes each place in the round in turn (see ui.py)
            for name in order[shift:] + order[:shift]:
                pg, thumb, cdp = pages[name]
                thumb.focus()
                pg.evaluate(_IDLE)
                before = metrics(cdp)
                start = time.perf_counter()
                thumb.press(key)
                # As ui.py's (c): the text first (before the rerun starts, "not running" holds).
                pg.wait_for_function("() => window.__probe.text !== null", polling="raf")
                settle(pg, None)
                wall = time.perf_counter() - start
                pg.evaluate(_IDLE)
                after = metrics(cdp)
                seen = pg.evaluate(_READ)
                if i < 2:
                    continue
                rec = out[name]
                for k in METRICS:
                    rec[k].append((after[k] - before[k]) * (1 if k.endswith("Count") else 1e3))
                rec["key → text"].append(seen["text"])
                rec["key → chart drawn"].append(seen["chart"])
                rec["key → 1st draw"].append(seen["first"])
                rec["draws"].append(seen["draws"])
                rec["longest task"].append(seen["longest"])
                rec["long tasks"].append(seen["long"])
                rec["key → settled"].append(wall * 1e3)
        browser.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=15)
    ap.add_argument("--viewport", default="1600x1000")
    ap.add_argument("--json", help="also write the samples here")
    add_variant_argument(ap, "the profile")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    w, h = (int(v) for v in args.viewport.split("x"))
    with tempfile.TemporaryDirectory(prefix="qn-prof-") as tmp:
        os.environ["HOME"] = tmp
        variants = {k: Path(v).resolve() for k, v in (a.split("=", 1) for a in args.variant)}
        res = profile(args.n, {"width": w, "height": h}, Path(tmp), variants)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"UI profile  viewport={args.viewport}  n={args.n}  load average={load}")
    cols = (*COLUMNS, *METRICS)
    print(f"{'page':<10} " + " ".join(f"{c[:14]:>14}" for c in cols))
    for name, rec in res.items():
        print(f"{name[:10]:<10} " + " ".join(f"{med(rec[c]):>14.1f}" for c in cols))
    print(
        "medians per key press, ms. key → text: as ui.py's (b), in the page; key → settled: as ui.py's (c) (the harness's polls); key → 1st draw / "
        "chart drawn: in the page, keydown to the first / last plotly_afterplot; longest task, long tasks "
        "(sum of ≥ 50 ms): PerformanceObserver; the rest: CDP Performance.getMetrics deltas, press to idle "
        "(main thread; counts per press)"
    )
    for name in res:
        if name != "bare":
            r = {c: med(res[name][c]) / med(res["bare"][c]) for c in RATIOS}
            print(f"{name:<10} / bare: " + "  ".join(f"{c} {v:.2f}" for c, v in r.items()))
    if args.json:
        Path(args.json).write_text(json.dumps(res))


if __name__ == "__main__":
    main()
