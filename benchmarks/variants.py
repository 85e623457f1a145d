"""Serve the app of another checkout beside ours, for A/B runs in one benchmark invocation
(``benchmarks/ui.py --variant``, ``benchmarks/profile_ui.py --variant``): two codes measured in
the same run see the same machine load, which on a shared machine moves more than most changes.

A variant is a directory holding the app (a ``git worktree`` or ``git archive`` of another
commit, or a copy with a change to try) and using the same venv.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from tests.e2e.helpers import _healthy, free_port


@contextlib.contextmanager
def variant_server(root: Path, home: Path, log: Path) -> Iterator[str]:
    """The app of another checkout (``root``: a worktree at another commit, or a copy with a change
    to try), served as ``tests.e2e.helpers.streamlit_server`` serves ours, from that directory."""
    port = free_port()
    cmd = [sys.executable, "-m", "qn_ui.serve", "--server.headless", "true", "--server.address", "127.0.0.1"]
    cmd += [
        "--server.port",
        str(port),
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    env = {**os.environ, "HOME": str(home)}
    with log.open("wb") as f:
        proc = subprocess.Popen(
            cmd, cwd=root, env=env, stdout=f, stderr=subprocess.STDOUT, start_new_session=True
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while not _healthy(url):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"variant server in {root} did not start; see {log}")
            time.sleep(0.1)
        yield url
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)


def parse_variants(items: list[str]) -> dict[str, Path]:
    """``NAME=DIR`` arguments as a mapping."""
    return {name: Path(root).resolve() for name, root in (item.split("=", 1) for item in items)}
