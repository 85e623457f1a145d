"""What the benchmark scripts share: the repository root, the ``--blas-threads`` option, a
throwaway HOME, the report of a failed run and the closing lines (BLAS pools, the command).

A script puts the repository on ``sys.path`` (one line: it is run as ``benchmarks/x.py``) and
imports this module before numpy, qn_model or Playwright.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# As the process started: read before qn_model sets its own default.
ENV_THREADS = os.environ.get("OPENBLAS_NUM_THREADS", "unset")


def apply_blas_threads() -> None:
    """Honour ``--blas-threads N`` on the command line: BLAS reads its thread count when numpy
    loads, so the process re-executes itself with the variables set. Call before numpy loads."""
    if "--blas-threads" in sys.argv:
        n = sys.argv[sys.argv.index("--blas-threads") + 1]
        if os.environ.get("OPENBLAS_NUM_THREADS") != n:
            os.environ.update(OPENBLAS_NUM_THREADS=n, OMP_NUM_THREADS=n, MKL_NUM_THREADS=n)
            os.execv(sys.executable, [sys.executable, *sys.argv])


def blas_pools() -> str:
    """``OPENBLAS_NUM_THREADS`` at start and the BLAS thread pools numpy has now."""
    from threadpoolctl import threadpool_info

    pools = sorted({f"{i['internal_api']}={i['num_threads']}" for i in threadpool_info()})
    return f"{ENV_THREADS} at start; BLAS pools now " + ", ".join(pools)


@contextlib.contextmanager
def temp_home(prefix: str) -> Iterator[Path]:
    """A temporary directory made ``HOME`` for this process and what it starts (Chromium writes
    ~/.config and ~/.cache; the servers inherit it)."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        os.environ["HOME"] = tmp
        yield Path(tmp)


def report_failure(name: str, exc: BaseException, logs: Path) -> None:
    """Say on stderr why the run failed and show the end of every log below ``logs`` (the
    temporary directory goes away with them)."""
    print(f"{name}: FAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
    for log in sorted(logs.rglob("*.log")):
        tail = log.read_text(errors="replace").splitlines()[-15:]
        print(f"--- last lines of {log.name}:", *tail, sep="\n", file=sys.stderr)


def fmt_load(load: tuple[float, ...]) -> str:
    """A load average as ``0.52, 0.61, 0.70``."""
    return ", ".join(f"{x:.2f}" for x in load)


def print_command(script: str) -> None:
    """The line that reruns this benchmark: the interpreter (relative when it is the repository's
    venv), ``script`` and the arguments given."""
    exe = sys.executable
    cmd = os.path.relpath(exe, ROOT) if exe.startswith(str(ROOT)) else exe
    print("command: " + " ".join([cmd, script, *sys.argv[1:]]))
