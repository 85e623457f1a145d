"""Issue 21's four figures: the live scenario component against the bare Streamlit page, in one run.

The bare page (``benchmarks/bare_page.py``: one slider, one text, one plotly chart) and the
scenario page (``/scenario``, the live component) are served side by side and driven in turn, in
one Chromium. Times are taken in the page, from the keydown event (a capture listener on
``window``, which sees the event of a control inside the component's shadow root too) to the
first animation frame in which the probe reads differently (that frame paints it):

1. key press → 2030 verdict drawn (ours: the component's verdict; bare: its text); goal ≤ 0.3×;
2. key press → line redrawn (ours: the scenario path's ``d``; bare: the plotly line's ``d``);
   goal ≤ 0.5×;
3. a 1 s mouse drag across the DE growth control: distinct 2030 verdicts drawn; goal ≥ 30;
4. after a release (a key press is one), the whole update: the server's fan drawn and the run
   over (ours), the chart redrawn and the run over (bare); goal ≤ 1.2×. (4a): the part up to the
   server's answer drawn by the component (fan, probability), the run not yet over. (4w): what
   the server sent on the websocket for one release (the press of (4), until the run is over and
   drawn): bytes and messages, median.

``--fresh``: every press is ArrowRight, so no scenario comes back (by default the presses go
right and left in turn, and the server's fan cache, ``evaluate.scenario_fan``, answers them).

Run: ``.venv/bin/python benchmarks/live.py [--n 25] [--fresh]``. CPU-sensitive: the load average is
printed at start and end; read the ratios.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse
import contextlib
import os
import statistics
import time

from playwright.sync_api import Page, expect, sync_playwright

from benchmarks._common import fmt_load, print_command, report_failure, temp_home
from qn_model.i18n.formats import t
from tests.e2e.helpers import (
    LIVE,
    LIVE_VERDICT,
    RUNNING,
    VIEWPORT,
    launch_chromium,
    settle,
    streamlit_server,
)

BARE = "benchmarks/bare_page.py"
LINK = "gd2=60&lang=en"
TIMEOUT_MS = 180_000

# Probes, read in the page on every frame. The component lives in an open shadow root: found once.
_PROBES = f"""
(() => {{
  const host = () => {{
    for (const el of document.querySelectorAll('{LIVE} *')) if (el.shadowRoot) return el.shadowRoot;
    return null;
  }};
  const running = () => !!document.querySelector('{RUNNING}');
  const bareText = () => {{
    const el = [...document.querySelectorAll('[data-testid="stMarkdownContainer"]')]
      .find(e => e.textContent.includes('Value:'));
    return el ? el.textContent : null;
  }};
  const bareLine = () => {{
    const el = document.querySelector('.js-plotly-plot .scatterlayer path.js-line');
    return el ? el.getAttribute('d') : null;
  }};
  window.__qnProbes = {{
    ours_verdict: (r) => r.querySelector('{LIVE_VERDICT}').textContent,
    ours_line: (r) => r.querySelector('path[data-series=scenario]').getAttribute('d'),
    ours_whole: (r) => {{
      const live = r.querySelector('.qn-live');
      return running() || live.dataset.pending !== 'false' ? null : live.dataset.seq;
    }},
    ours_answer: (r) => {{
      const live = r.querySelector('.qn-live');
      return live.dataset.pending !== 'false' ? null : live.dataset.seq;
    }},
    bare_answer: () => bareLine(),
    bare_verdict: () => bareText(),
    bare_line: () => bareLine(),
    bare_whole: () => running() ? null : bareLine(),
  }};
  window.__qnRoot = host;
}})()
"""

# Arm one measurement: t0 at the next keydown, t1 at the first frame whose probe differs from now.
_ARM = """(name) => {
  const root = window.__qnRoot();
  const probe = () => window.__qnProbes[name](root);
  const before = probe();
  const m = {t0: null, t1: null};
  window.__qnM = m;
  window.addEventListener('keydown', (e) => { if (m.t0 === null) m.t0 = e.timeStamp; }, {capture: true, once: true});
  const tick = (now) => {
    if (m.t0 !== null) {
      const v = probe();
      if (v !== null && v !== before) { m.t1 = now; return; }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""

# A drag's record: every frame, the verdict drawn; kept while armed.
_RECORD = """() => {
  const root = window.__qnRoot();
  const seen = [];
  window.__qnSeen = seen;
  window.__qnRecording = true;
  const tick = (now) => {
    if (!window.__qnRecording) return;
    seen.push([now, root.querySelector('[data-testid="qn-verdict-2030"]').textContent]);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""


def _press(page: Page, thumb, probe: str, key: str) -> float:
    """Milliseconds from the keydown to the first frame drawing a change of ``probe``."""
    page.evaluate(_ARM, probe)
    thumb.press(key)
    page.wait_for_function("() => window.__qnM.t1 !== null", polling=50)
    t0, t1 = page.evaluate("() => [window.__qnM.t0, window.__qnM.t1]")
    settle(page, None)
    page.wait_for_timeout(150)  # the fan's and the chart's last draws are done before the next press
    return t1 - t0


def _drag(page: Page, thumb, seconds: float = 1.0, moves: int = 60) -> tuple[int, int]:
    """A mouse drag across the control lasting ``seconds``: (distinct verdicts drawn while the
    button was down, frames drawn)."""
    box = thumb.bounding_box()
    y = box["y"] + box["height"] / 2
    x0, x1 = box["x"] + 8, box["x"] + box["width"] - 8
    page.mouse.move(x0, y)
    page.mouse.down()
    page.evaluate(_RECORD)
    start = time.perf_counter()
    for i in range(1, moves + 1):
        page.mouse.move(x0 + (x1 - x0) * i / moves, y)
        wait = start + seconds * i / moves - time.perf_counter()
        if wait > 0:
            time.sleep(wait)
    seen = page.evaluate("() => { window.__qnRecording = false; return window.__qnSeen; }")
    page.mouse.up()
    settle(page, None)
    texts = [s for _, s in seen]
    return len(set(texts)) - 1, len(texts)  # less the verdict shown before the first move


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=25, help="key presses per page and measure")
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--drags", type=int, default=5)
    ap.add_argument("--fresh", action="store_true", help="ArrowRight only: no scenario seen twice")
    args = ap.parse_args()
    expect.set_options(timeout=TIMEOUT_MS)  # the first draw, on a loaded machine, can take seconds
    load_start = os.getloadavg()
    with temp_home("qn-live-") as home, contextlib.ExitStack() as stack:
        logs = home / "logs"
        try:
            app = stack.enter_context(streamlit_server("app.py", home, logs / "app.log"))
            bare = stack.enter_context(streamlit_server(BARE, home, logs / "bare.log"))
            p = stack.enter_context(sync_playwright())
            browser = launch_chromium(p.chromium, home)
            ours, ref = browser.new_page(viewport=VIEWPORT), browser.new_page(viewport=VIEWPORT)
            wire = {"ours": [0, 0], "bare": [0, 0]}  # bytes, messages received on the websocket

            def _count(name: str, payload: str | bytes) -> None:
                wire[name][0] += len(payload.encode() if isinstance(payload, str) else payload)
                wire[name][1] += 1

            for name, pg in (("ours", ours), ("bare", ref)):
                pg.set_default_timeout(TIMEOUT_MS)
                pg.on("websocket", lambda ws, n=name: ws.on("framereceived", lambda f, n=n: _count(n, f)))
            ours.goto(f"{app}/scenario?{LINK}")
            settle(ours, LIVE_VERDICT)
            ref.goto(bare)
            settle(ref, '[data-testid="stSlider"]')
            ref.locator(".js-plotly-plot .scatterlayer path.js-line").first.wait_for()
            for pg in (ours, ref):
                pg.evaluate(_PROBES)
            thumbs = {
                "ours": ours.locator(LIVE).get_by_role("slider", name=t("de_growth_pct", "en")),
                "bare": ref.get_by_role("slider"),
            }
            pages = {"ours": ours, "bare": ref}
            sent: dict[str, list[tuple[int, int]]] = {}
            times: dict[str, list[float]] = {}
            for i in range(args.warmup + args.n):
                key = "ArrowRight" if i % 2 == 0 or args.fresh else "ArrowLeft"
                order = ["ours", "bare"] if i % 2 == 0 else ["bare", "ours"]
                for what in ("verdict", "line", "answer", "whole"):
                    for name in order:
                        thumbs[name].focus()
                        before = tuple(wire[name])
                        dt = _press(pages[name], thumbs[name], f"{name}_{what}", key)
                        if i >= args.warmup:
                            times.setdefault(f"{name}_{what}", []).append(dt)
                            if what == "whole":
                                got = (wire[name][0] - before[0], wire[name][1] - before[1])
                                sent.setdefault(name, []).append(got)
            drags = [_drag(ours, thumbs["ours"]) for _ in range(args.drags)]
            browser.close()
        except Exception as exc:
            report_failure("live", exc, logs)
            raise
    load_end = os.getloadavg()
    med = {k: statistics.median(v) for k, v in times.items()}
    keys = "ArrowRight only (--fresh)" if args.fresh else "ArrowRight/ArrowLeft in turn"
    print(
        f"live scenario benchmark  cpus={os.cpu_count()}  load average start={fmt_load(load_start)}  keys: {keys}"
    )
    print(f"{'measure':<44} {'n':>3} {'ours ms':>8} {'bare ms':>8} {'ratio':>6} {'goal':>7}  result")
    for label, what, goal in (
        ("(1) key press → 2030 verdict drawn", "verdict", 0.3),
        ("(2) key press → line redrawn", "line", 0.5),
        ("(4) after release: whole update drawn", "whole", 1.2),
        ("(4a) of which: the server's answer drawn", "answer", None),
    ):
        ratio = med[f"ours_{what}"] / med[f"bare_{what}"]
        ok = "" if goal is None else "PASS" if ratio <= goal else "MISS"
        n = len(times[f"ours_{what}"])
        print(
            f"{label:<44} {n:>3} {med[f'ours_{what}']:>8.1f} {med[f'bare_{what}']:>8.1f} {ratio:>6.2f} "
            f"{'' if goal is None else '≤ ' + str(goal):>7}  {ok}"
        )
    distinct = [d for d, _ in drags]
    frames = [f for _, f in drags]
    ok = "PASS" if statistics.median(distinct) >= 30 else "MISS"
    print(
        f"{'(3) 1 s mouse drag: distinct verdicts':<44} {len(drags):>3} "
        f"{statistics.median(distinct):>8.0f} {'':>8} {'':>6} {'≥ 30':>7}  {ok}"
        f"  (each drag: {distinct}; frames drawn: {frames})"
    )
    if sent.get("ours") and sent.get("bare"):
        kb = {k: statistics.median(b for b, _ in v) / 1000 for k, v in sent.items()}
        msgs = {k: statistics.median(m for _, m in v) for k, v in sent.items()}
        print(
            f"{'(4w) a release on the websocket: KB (msgs)':<44} {len(sent['ours']):>3} "
            f"{kb['ours']:>8.1f} {kb['bare']:>8.1f} {kb['ours'] / kb['bare']:>6.2f}"
            f"  ({msgs['ours']:.0f} and {msgs['bare']:.0f} messages)"
        )
    print(f"load average end={fmt_load(load_end)}")
    print_command("benchmarks/live.py")


if __name__ == "__main__":
    main()
