"""The one cache for derived data (qn_model.data.cache) is bounded: 100 uploads do not grow it."""

from __future__ import annotations

import gc
import sys
import threading
import tracemalloc

import pandas as pd
import pytest

from qn_model.data import cache
from qn_model.data.dataset import load_dataset
from qn_model.engine.evaluate import evaluate_link, evaluate_scenario
from qn_model.engine.plausibility import beyond_history
from qn_model.engine.presets import default_scenario, link_context, preset
from qn_model.engine.realism import realism_reference
from qn_model.views.compare import build_comparison
from qn_model.views.figures import headline_figure, user_years
from qn_model.views.narrative import data_basis

UPLOADS = 100


# ---- the memo ------------------------------------------------------------------------------------
def test_memo_computes_once_and_evicts_the_least_recently_used() -> None:
    memo = cache.Memo(2)
    calls: list[str] = []

    def value(key: str) -> str:
        return memo.get(key, lambda: calls.append(key) or key.upper())

    assert value("a") == "A" and value("b") == "B" and value("a") == "A"
    assert calls == ["a", "b"]
    value("c")  # evicts "b", the least recently used
    assert len(memo) == 2
    value("a")
    value("b")
    assert calls == ["a", "b", "c", "b"]
    info = memo.info()
    assert (info.hits, info.misses, info.maxsize, info.currsize) == (2, 4, 2, 2)
    memo.clear()
    assert len(memo) == 0


def test_memo_rejects_a_size_below_one() -> None:
    with pytest.raises(ValueError):
        cache.Memo(0)


def test_memo_is_thread_safe_and_stays_bounded() -> None:
    memo = cache.Memo(16)

    def work(start: int) -> None:
        for i in range(start, start + 500):
            assert memo.get(i % 40, lambda i=i: i % 40) == i % 40

    threads = [threading.Thread(target=work, args=(k * 7,)) for k in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(memo) <= 16


def test_memoize_keeps_lru_cache_controls() -> None:
    calls = []

    @cache.memoize(maxsize=3)
    def square(x: int) -> int:
        calls.append(x)
        return x * x

    assert [square(i) for i in (1, 2, 1, 3, 4, 1)] == [1, 4, 1, 9, 16, 1]
    assert calls == [1, 2, 3, 4]
    assert square.cache_info().currsize == 3
    square.cache_clear()
    assert square.cache_info().currsize == 0


def test_derived_is_per_dataset_content() -> None:
    ds = load_dataset()
    other = ds.with_rows(
        pd.DataFrame([{"indicator_id": "de_share", "geo": "QN", "year": 2024, "value": 7.2}])
    )
    twin = ds.with_rows(pd.DataFrame([{"indicator_id": "de_share", "geo": "QN", "year": 2024, "value": 7.2}]))
    assert ds.cache_key != other.cache_key
    assert twin is not other and twin.cache_key == other.cache_key  # equal data, one entry
    value = cache.derived(other, "test_probe", object)
    assert cache.derived(twin, "test_probe", object) is value
    assert cache.derived(ds, "test_probe", object) is not value


# ---- 100 uploads -----------------------------------------------------------------------------------
def _upload(shipped, i: int):
    """A planner's upload: the 2024 provincial share revised (a new data version each time)."""
    row = {
        "indicator_id": "de_share",
        "geo": "QN",
        "year": 2024,
        "value": 7.0 + i / 1000,
        "note": f"upload {i}",
    }
    return shipped.with_rows(pd.DataFrame([row]))


def _use(ds) -> None:
    """What the app's pages ask of a dataset on a run (scenario, overview, compare, present)."""
    ctx = link_context(ds)
    scn = default_scenario(ds)
    ev = evaluate_scenario(scn, ds)
    headline_figure(ev, ds, "vi")
    beyond_history(scn, ds)
    realism_reference(ds)
    data_basis(ds, "en")
    user_years(ds)
    preset("plan", ds, scn)
    evaluate_link("?gd2=15.5&lang=en", ds)
    build_comparison(ds, scn, current_evaluation=ev, presets=("cautious",))
    assert ctx.defaults == scn


def _module_containers() -> dict[tuple[str, str], int]:
    """The size of every dict, list and set held at module level in qn_model and qn_ui."""
    sizes = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith(("qn_model", "qn_ui")) or module is None:
            continue
        for attr, value in vars(module).items():
            if isinstance(value, dict | list | set):
                sizes[(name, attr)] = len(value)
    return sizes


def test_a_hundred_uploads_keep_the_caches_bounded() -> None:
    shipped = load_dataset()
    cache.clear()
    _use(shipped)
    for i in range(10):  # warm: imports, fits and the first datasets' values
        _use(_upload(shipped, i))
    gc.collect()
    before = _module_containers()
    tracemalloc.start()
    try:
        gc.collect()
        start, _ = tracemalloc.get_traced_memory()
        for i in range(10, UPLOADS):
            _use(_upload(shipped, i))
            assert cache.dataset_count() <= cache.MAX_DATASETS
        gc.collect()
        end, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert cache.dataset_count() == cache.MAX_DATASETS
    assert cache.entry_count() <= cache.MAX_DATASETS * cache.MAX_ENTRIES_PER_DATASET
    # No module-level container (an ad-hoc cache) grew with the number of uploads.
    grown = {k: (before.get(k, 0), n) for k, n in _module_containers().items() if n - before.get(k, 0) >= 10}
    assert not grown, grown
    # Memory after 90 more uploads: what 8 datasets' values take, not 90 (measured ~0.1 MB).
    assert end - start < 2_000_000, f"grew by {(end - start) / 1e6:.2f} MB over {UPLOADS - 10} uploads"


def test_the_shipped_data_stays_cached_while_used() -> None:
    shipped = load_dataset()
    first = default_scenario(shipped)
    for i in range(3 * cache.MAX_DATASETS):
        _upload(shipped, i)
        default_scenario(_upload(shipped, i))
        assert default_scenario(shipped) is first  # used on every run: never the oldest
