"""Where the browser's time goes after a key press: React's commits, as the page makes them.

A diagnostic, not a timing: a stub of React's developer-tools hook (installed before the page
loads) sees every commit; for each, this prints the time since the key press, the WebSocket
messages that arrived before it, how many components it redrew (props changed since the last
commit), grouped by where they draw (navigation, sidebar, main area, the rest), and the 2030
metric's text after it. It showed that every state message redraws every mounted element of the
page (``BENCHMARKS.md``). The hook itself costs time: read counts and order, not milliseconds.

    .venv/bin/python benchmarks/commit_trace.py              # the scenario page, 3 presses shown
    .venv/bin/python benchmarks/commit_trace.py --bare       # the bare reference page
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright

from benchmarks._common import print_command, temp_home
from qn_model.i18n.formats import t
from tests.e2e.helpers import (
    VIEWPORT,
    growth_slider,
    launch_chromium,
    settle,
    streamlit_server,
)

# Installed before any page script: React registers with the hook and calls it on each commit.
HOOK = r"""
window.__trace = [];
const seen = new WeakMap();
const AREAS = '[data-testid=stSidebarNav],[data-testid=stSidebar],[data-testid=stMain]';
function hostOf(f) {
  for (let n = f; n; n = n.child) if (n.stateNode instanceof Element) return n.stateNode;
  for (let n = f.return; n; n = n.return) if (n.stateNode instanceof Element) return n.stateNode;
  return null;
}
function walk(f, out) {
  for (; f; f = f.sibling) {
    const last = seen.has(f) ? seen.get(f) : (f.alternate ? seen.get(f.alternate) : undefined);
    if (last !== undefined && last !== f.memoizedProps && typeof f.type !== 'string') {
      const el = hostOf(f);
      const area = el && el.closest(AREAS);
      const key = area ? area.dataset.testid.replace('st', '') : 'other';
      out[key] = (out[key] || 0) + 1;
    }
    seen.set(f, f.memoizedProps);
    if (f.child) walk(f.child, out);
  }
}
window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  supportsFiber: true, renderers: new Map(),
  inject(r) { this.renderers.set(1, r); return 1; },
  onScheduleFiberRoot() {}, onPostCommitFiberRoot() {}, onCommitFiberUnmount() {}, checkDCE() {},
  onCommitFiberRoot(id, root) {
    const out = {}; walk(root.current.child, out);
    const metric = [...document.querySelectorAll('[data-testid=stMetricValue]')].map(e => e.innerText);
    window.__trace.push(['commit', performance.now(), out, metric.join(' | ')]);
  },
};
const RealWS = window.WebSocket;
window.WebSocket = function (...args) {
  const ws = new RealWS(...args);
  ws.addEventListener('message', ev => window.__trace.push(['message', performance.now(), ev.data.byteLength || 0]));
  return ws;
};
window.WebSocket.prototype = RealWS.prototype;
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bare", action="store_true", help="trace benchmarks/bare_page.py instead")
    ap.add_argument("--presses", type=int, default=3, help="presses shown (after 3 warm-up presses)")
    args = ap.parse_args()
    script = "benchmarks/bare_page.py" if args.bare else "app.py"
    with (
        temp_home("qn-trace-") as home,
        streamlit_server(script, home, home / "server.log") as url,
        sync_playwright() as p,
    ):
        browser = launch_chromium(p.chromium, home)
        page = browser.new_page(viewport=VIEWPORT)
        page.add_init_script(HOOK)
        if args.bare:
            page.goto(url)
            settle(page, '[data-testid="stSlider"]')
            thumb = page.get_by_role("slider")
        else:
            page.goto(f"{url}/scenario?gd2=60&lang=en")
            settle(page)
            thumb = growth_slider(page, t("de_growth_pct", "en"), nth=1)
        for i in range(3 + args.presses):
            page.evaluate("() => { window.__trace = []; window.__t0 = performance.now(); }")
            thumb.focus()
            thumb.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")
            settle(page, None)
            time.sleep(0.3)
            trace, t0 = page.evaluate("() => [window.__trace, window.__t0]")
            if i < 3:
                continue
            print(f"--- press {i - 2} ({script})")
            messages: list[int] = []
            for kind, at, *rest in trace:
                if kind == "message":
                    messages.append(rest[0])
                    continue
                counts, metric = rest
                total = sum(counts.values())
                parts = ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))
                got = f"  after {len(messages)} message(s) ({sum(messages)} B)" if messages else ""
                print(f"{at - t0:7.1f} ms  {total:4d} redrawn ({parts}){got}  metric: {metric}")
                messages = []
        browser.close()
    print_command("benchmarks/commit_trace.py")


if __name__ == "__main__":
    main()
