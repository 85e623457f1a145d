"""Profile of the scenario page's rerun after a slider change (cProfile, AppTest, no browser).

The scenario page is opened through ``app.py`` (as the server runs it) with ``?gd2=60&lang=en``;
then the 2026–2030 digital-economy growth slider (``w_gd2``) is set to 60.1 / 60.0 in turn and the
app rerun, ``--n`` times after ``--warmup`` reruns. AppTest runs the script in its own thread, so
the profiler is switched on inside that thread, around Streamlit's ``ScriptRunner._run_script``:
the profile covers the script run (our code, Streamlit's element building, plotly's JSON), not
AppTest's parsing of the messages afterwards.

Prints: the rerun's wall time without the profiler, then with it; our functions (files in this
repository) by cumulative time per rerun; where the script thread's own time goes by package; and
the cost of the full garbage collection the real server runs after every script run (Streamlit's
``runner.postScriptGC``), which AppTest skips and so the profile cannot show.
cProfile adds a per-call overhead: read the shares, not the absolute times.

    .venv/bin/python benchmarks/profile_rerun.py
    .venv/bin/python benchmarks/profile_rerun.py --n 50 --top 40 --out /tmp/rerun.prof  # for snakeviz & co.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
import sys
import time
import warnings
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from streamlit.runtime.scriptrunner.script_runner import ScriptRunner
from streamlit.testing.v1 import AppTest

from benchmarks._common import ROOT, fmt_load, print_command

VENV = str(ROOT / ".venv")


def ours(filename: str) -> bool:
    return filename.startswith(str(ROOT)) and not filename.startswith(VENV)


def package_of(filename: str) -> str:
    """A coarse owner for a profile entry: ours (by top folder), a site-package, the stdlib, builtins."""
    if ours(filename):
        return f"ours: {Path(filename).relative_to(ROOT).parts[0]}"
    if "site-packages" in filename:
        return filename.split("site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
    if filename == "~" or filename.startswith("<"):
        return "builtins / C"
    return "stdlib"


class ThreadProfiler:
    """Switches one cProfile.Profile on around each script run, in the script's own thread."""

    def __init__(self) -> None:
        self.profile = cProfile.Profile()
        self.active = False
        self._orig = ScriptRunner._run_script

    def install(self) -> None:
        orig, me = self._orig, self

        def _run_script(runner, rerun_data):
            if not me.active:
                return orig(runner, rerun_data)
            me.profile.enable()
            try:
                return orig(runner, rerun_data)
            finally:
                me.profile.disable()

        ScriptRunner._run_script = _run_script

    def uninstall(self) -> None:
        ScriptRunner._run_script = self._orig


def scenario_app(link: dict[str, str], timeout_s: float) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout_s)
    at.query_params.update(link)
    at.switch_page("pages/scenario.py")
    at.run()
    if at.exception:
        raise RuntimeError(f"scenario page failed: {at.exception[0].value}")
    return at


def rerun(at: AppTest, key: str, value: float) -> float:
    t0 = time.perf_counter()
    at.slider(key=key).set_value(value).run()
    dt = time.perf_counter() - t0
    if at.exception:
        raise RuntimeError(f"rerun failed: {at.exception[0].value}")
    return dt


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=30, help="profiled reruns (default 30)")
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--top", type=int, default=30, help="how many of our functions to list")
    ap.add_argument("--key", default="w_gd2", help="slider moved between reruns (default w_gd2)")
    ap.add_argument("--out", help="also write the raw profile (pstats format) here")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")  # statsmodels' small-sample notes are not benchmark output

    load_before = os.getloadavg()
    try:
        at = scenario_app({"gd2": "60", "lang": "en"}, timeout_s=180)
        base = float(at.slider(key=args.key).value)
        values = [base + 0.1, base]
        for i in range(args.warmup):
            rerun(at, args.key, values[i % 2])
        plain = [rerun(at, args.key, values[i % 2]) for i in range(args.n)]
        prof = ThreadProfiler()
        prof.install()
        prof.active = True
        try:
            profiled = [rerun(at, args.key, values[i % 2]) for i in range(args.n)]
        finally:
            prof.active = False
            prof.uninstall()
    except Exception as exc:
        print(f"profile_rerun: FAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    load_after = os.getloadavg()

    st = pstats.Stats(prof.profile)
    if args.out:
        st.dump_stats(args.out)
    n = args.n
    # The script thread's total: the cumulative time of the wrapped entry point.
    total = max(ct for (f, _, fn), (_, _, _, ct, _) in st.stats.items() if fn == "_run_script")
    print(
        f"rerun profile  cpus={os.cpu_count()}  load average before={fmt_load(load_before)}  "
        f"after={fmt_load(load_after)}  OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}"
    )
    print(
        f"scenario page (app.py → pages/scenario.py, ?gd2=60&lang=en), slider {args.key} moved by one step, n={n}"
    )
    print(
        f"AppTest rerun wall time: median {np.median(plain) * 1e3:.1f} ms, p95 {np.percentile(plain, 95) * 1e3:.1f} ms"
        f" without profiler; median {np.median(profiled) * 1e3:.1f} ms with it"
    )
    print(f"script thread (profiled): {total / n * 1e3:.1f} ms per rerun = 100 %")
    waited = sum(
        ct for (_, _, fn), (_, _, _, ct, _) in st.stats.items() if fn == "<built-in method time.sleep>"
    )
    print(
        f"of which waiting in time.sleep: {waited / n * 1e3:.1f} ms per rerun (the scenario page's wait of up "
        "to one display frame between its verdicts and its chart, pages/scenario.py: no CPU)"
    )
    print()

    rows = [
        (ct / n, tt / n, nc / n, f"{Path(f).relative_to(ROOT)}:{line} {fn}")
        for (f, line, fn), (_, nc, tt, ct, _) in st.stats.items()
        if ours(f) and fn != "<module>"  # exec'd page scripts: cProfile's sums for them are not reliable
    ]
    rows.sort(key=lambda r: -r[0])
    header = (
        f"{'our function (cumulative, per rerun)':<64} {'cum ms':>8} {'% run':>6} {'own ms':>7} {'calls':>7}"
    )
    print(header)
    print("-" * len(header))
    for cum, own, calls, name in rows[: args.top]:
        print(
            f"{name[:64]:<64} {cum * 1e3:>8.2f} {cum / total * n * 100:>5.1f}% {own * 1e3:>7.2f} {calls:>7.0f}"
        )
    print(
        "(module-level code of app.py and pages/*.py is exec'd by Streamlit: cProfile cannot sum it, left out)"
    )
    print()

    by_pkg: dict[str, float] = defaultdict(float)
    for (f, _, _), (_, _, tt, _, _) in st.stats.items():
        by_pkg[package_of(f)] += tt
    header = f"{'own time by package (per rerun)':<40} {'ms':>8} {'%':>6}"
    print(header)
    print("-" * len(header))
    for pkg, tt in sorted(by_pkg.items(), key=lambda kv: -kv[1])[:12]:
        print(f"{pkg:<40} {tt / n * 1e3:>8.2f} {tt / total * 100:>5.1f}%")
    print()

    others = [
        (ct / n, f"{package_of(f)}: {Path(f).name}:{line} {fn}")
        for (f, line, fn), (_, _, _, ct, _) in st.stats.items()
        if not ours(f) and package_of(f) not in ("stdlib", "builtins / C")
    ]
    others.sort(key=lambda r: -r[0])
    print("largest library entries called from the run (cumulative ms per rerun):")
    for cum, name in others[:12]:
        print(f"  {cum * 1e3:>8.2f}  {name[:100]}")

    # Not in the profile above: a full collection, which Streamlit runs after every script run
    # by default (runner.postScriptGC, off in our config) and Python itself runs now and then.
    # AppTest's runner does neither. Same heap, timed here, then with the heap frozen as the
    # launcher's warm-up leaves it (qn_model/warmup.py).
    def full_collection_ms() -> float:
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            gc.collect(2)
            times.append((time.perf_counter() - t0) * 1e3)
        return float(np.median(times))

    tracked = len(gc.get_objects())
    plain = full_collection_ms()
    gc.freeze()
    frozen = full_collection_ms()
    gc.unfreeze()
    print()
    print(
        f"not in the profile: a full garbage collection (gc.collect(2)), {tracked:,} tracked objects: "
        f"{plain:.0f} ms; with the heap frozen as after the launcher's warm-up: {frozen:.1f} ms"
    )
    print_command("benchmarks/profile_rerun.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
