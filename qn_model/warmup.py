"""Warm the process before the first visitor: heavy imports (statsmodels, plotly's figure
classes) and the shipped data's default trend fits, in a background thread.

A cold server otherwise does this inside the first visitor's first script run (about 1.6 s of
``benchmarks/coldstart.py``'s figure). Started by the launcher (``python -m qn_ui.serve``), the
work overlaps the server's start and the browser loading Streamlit's bundle; being the same
process, the first run finds the caches filled. The first run waits for a warm-up in progress
rather than doing the same fits twice. Nothing here is needed for correctness: when the
warm-up was not started, or failed, the app computes the same things itself.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Callable

LOG = logging.getLogger(__name__)
_started = threading.Event()
_done = threading.Event()
WAIT_S = 60.0  # a warm-up still running after this is stuck; the run does its own work
READY_WAIT_S = 15.0


def _warm(ready: Callable[[], bool] | None) -> None:
    try:
        # Let the server start first: both are CPU work under one GIL, and a server that answers
        # late delays the browser more than a warm-up that starts late.
        deadline = time.monotonic() + READY_WAIT_S
        while ready is not None and not ready() and time.monotonic() < deadline:
            time.sleep(0.02)
        from qn_model.data.dataset import load_dataset
        from qn_model.engine.evaluate import evaluate_scenario
        from qn_model.engine.presets import link_context
        from qn_model.views.figures import headline_figure

        ds = load_dataset()
        ctx = link_context(ds)  # imports statsmodels and fits the default trends
        ev = evaluate_scenario(ctx.defaults, ds)
        headline_figure(ev, ds, "vi").to_json()  # plotly's figure classes and JSON encoder
        del ds, ctx, ev
        # Python's full collections walk every object: with the libraries loaded, ~175,000 of
        # them, a 90-110 ms pause (holding the GIL) about once in 60 slider moves. What is left
        # after one last collection (modules, caches, shipped data) lives as long as the
        # process: frozen, later collections walk only what runs create (2 ms). The collection
        # first, so that no garbage is frozen for good. Measured in BENCHMARKS.md.
        gc.collect()
        gc.freeze()
    except Exception:  # an optimisation only: the first run will do (and report) the work
        LOG.exception("warm-up failed")
    finally:
        _done.set()


def start(ready: Callable[[], bool] | None = None) -> None:
    """Begin warming in a daemon thread (once per process), once ``ready()`` is true."""
    if not _started.is_set():
        _started.set()
        threading.Thread(target=_warm, args=(ready,), name="qn-warmup", daemon=True).start()


def wait() -> None:
    """Block until a started warm-up has finished (returns at once when none was started)."""
    if _started.is_set():
        _done.wait(WAIT_S)
