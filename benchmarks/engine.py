"""Engine benchmark: medians and p95 of the engine's hot paths, against targets and against a
trivial numpy baseline measured in the same run (a ratio survives a slower or busier machine
better than a time does).

    .venv/bin/python benchmarks/engine.py                 # as the app runs by default
    .venv/bin/python benchmarks/engine.py --blas-threads 1  # with OPENBLAS/OMP threads pinned to 1

Prints figures only; nothing here fails a build.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import apply_blas_threads, blas_pools, print_command

apply_blas_threads()  # before numpy loads

import argparse  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402

import numpy as np  # noqa: E402

from qn_model.core.projection import project  # noqa: E402
from qn_model.core.sensitivity import sensitivity  # noqa: E402
from qn_model.core.uncertainty import N_PATHS, simulate  # noqa: E402
from qn_model.data.dataset import load_dataset  # noqa: E402
from qn_model.engine.evaluate import base_grdp, headline_verdicts  # noqa: E402
from qn_model.engine.presets import default_scenario  # noqa: E402
from qn_model.trends.suite import fit_trends  # noqa: E402


def sample(fn: Callable[[], object], n: int, warmup: int = 2) -> np.ndarray:
    """Wall-clock seconds of ``n`` calls (after ``warmup`` unrecorded calls)."""
    for _ in range(warmup):
        fn()
    out = np.empty(n)
    for i in range(n):
        t0 = time.perf_counter()
        fn()
        out[i] = time.perf_counter() - t0
    return out


def shipped_series(ds) -> list[tuple[str, object, bool]]:
    """Every (indicator, area) series in the shipped data; a share when its unit is a percent and
    every value lies strictly between 0 and 100 (what ``logit`` needs)."""
    pairs = ds.indicators[["indicator_id", "geo"]].drop_duplicates().itertuples(index=False)
    out = []
    for ind, geo in pairs:
        s = ds.series(ind, geo)
        is_share = ds.unit(ind).startswith("%") and bool(len(s)) and bool(((s > 0) & (s < 100)).all())
        out.append((f"{ind}/{geo}", s, is_share))
    return out


def fmt_time(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds:.2f} s"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--blas-threads", help="pin OPENBLAS/OMP/MKL threads (re-executes)")
    ap.add_argument("--cold-repeats", type=int, default=3, help="cold runs of all fits (default 3)")
    ap.add_argument("--quick", action="store_true", help="fewer repetitions (a smoke run)")
    args = ap.parse_args()
    k = 10 if args.quick else 1

    ds = load_dataset()
    t0 = time.perf_counter()
    scn = default_scenario(ds)  # first call fits the default trends (not timed below)
    first_default_s = time.perf_counter() - t0
    grdp = base_grdp(ds, scn.base_year)
    # The same scenario with five projects (the link contract's maximum): the money paths, the
    # projects' Monte Carlo and sensitivity map, and the judged verdicts with the gap in money.
    scn5 = scn.with_(projects=((2026, 10.0), (2027, 25.0), (2028, 40.0), (2029, 15.0), (2030, 60.0)))
    series = shipped_series(ds)

    # Trivial numpy baseline: the core of one projection (cumulative product of six growth ratios).
    fy, fd = np.full(6, 1.105), np.full(6, 1.117)
    baseline = sample(lambda: np.cumprod(fd / fy), 20_000 // k)

    def all_fits() -> None:
        for _, s, is_share in series:
            fit_trends(s, is_share=is_share)

    per_series_cold: dict[str, float] = {}

    def all_fits_cold() -> None:
        fit_trends.cache_clear()
        for name, s, is_share in series:
            t = time.perf_counter()
            fit_trends(s, is_share=is_share)
            per_series_cold[name] = max(per_series_cold.get(name, 0.0), time.perf_counter() - t)

    rows = [
        ("one projection", sample(lambda: project(scn, grdp), 2000 // k), 1e-3),
        (f"Monte Carlo, {N_PATHS:,} paths", sample(lambda: simulate(scn), 50 // k), 20e-3),
        ("sensitivity grid 50×50 (2030)", sample(lambda: sensitivity(scn, 2030), 500 // k), None),
        ("one projection, 5 projects", sample(lambda: project(scn5, grdp), 2000 // k), 1e-3),
        (
            f"Monte Carlo, {N_PATHS:,} paths, 5 projects",
            sample(lambda: simulate(scn5, base_grdp_vnd_trn=grdp), 50 // k),
            20e-3,
        ),
        (
            "sensitivity grid 50×50 (2030), 5 projects",
            sample(lambda: sensitivity(scn5, 2030, base_grdp_vnd_trn=grdp), 500 // k),
            None,
        ),
        (
            "verdicts (no Monte Carlo), 5 projects",
            sample(lambda: headline_verdicts(scn5, ds), 500 // k),
            1e-3,
        ),
        (
            f"all fits, {len(series)} shipped series, cold",
            sample(all_fits_cold, max(1, args.cold_repeats // k), warmup=0),
            2.0,
        ),
        (f"all fits, {len(series)} shipped series, cached", sample(all_fits, 200 // k), None),
    ]
    fit_trends.cache_clear()

    base_med = float(np.median(baseline))
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"engine benchmark  cpus={os.cpu_count()}  load average={load}  OPENBLAS_NUM_THREADS={blas_pools()}"
    )
    print(f"first default_scenario() (imports done, trends fitted cold): {fmt_time(first_default_s)}")
    print(f"baseline np.cumprod(6 ratios): median {fmt_time(base_med)}, n={len(baseline)}")
    print()
    header = (
        f"{'case':<44} {'n':>5} {'median':>10} {'p95':>10} {'target':>9} {'verdict':>7} {'× baseline':>12}"
    )
    print(header)
    print("-" * len(header))
    for name, s, target in rows:
        med, p95 = float(np.median(s)), float(np.percentile(s, 95))
        verdict = "—" if target is None else ("PASS" if med <= target else "MISS")
        tgt = "—" if target is None else "≤ " + fmt_time(target)
        print(
            f"{name:<44} {len(s):>5} {fmt_time(med):>10} {fmt_time(p95):>10} {tgt:>9} {verdict:>7} {med / base_med:>12,.0f}"
        )
    slow = sorted(per_series_cold.items(), key=lambda kv: -kv[1])[:3]
    print()
    print("slowest series cold (max over runs): " + "; ".join(f"{n} {fmt_time(v)}" for n, v in slow))
    print_command("benchmarks/engine.py")


if __name__ == "__main__":
    main()
