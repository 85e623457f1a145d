"""The launcher's warm-up: the heap it loaded is frozen, so full collections skip it."""

from __future__ import annotations

import gc

from qn_model import warmup


def test_warm_up_freezes_the_heap_it_loaded() -> None:
    gc.unfreeze()
    try:
        warmup._warm(None)
        # Frozen objects are out of the collector's generations: full collections skip them.
        assert gc.get_freeze_count() > 10_000
        assert len(gc.get_objects()) < gc.get_freeze_count() / 4
    finally:
        gc.unfreeze()
