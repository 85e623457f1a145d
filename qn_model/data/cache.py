"""The one cache for derived data: bounded, so a server that sees many uploads keeps its memory.

Two ways in, one mechanism (:class:`Memo`, a small thread-safe LRU map):

- :func:`derived` memoises a value computed from a :class:`~qn_model.data.dataset.Dataset` (the
  default scenario, target sets, history limits, the overview's data basis, an evaluation …).
  Values are kept per dataset content (:attr:`Dataset.cache_key`: the data version plus the
  sources and codebook), at most :data:`MAX_DATASETS` datasets, each with at most
  :data:`MAX_ENTRIES_PER_DATASET` values; the least recently used go first. A planner's upload
  is a new dataset: after :data:`MAX_DATASETS` more uploads its values are gone, the shipped
  data's stay while it is in use.
- :func:`memoize` wraps a function of hashable arguments (trend fits keyed on the series' values,
  loaders keyed on a folder) in a :class:`Memo` of a given size, with ``cache_clear`` and
  ``cache_info`` like :func:`functools.lru_cache`.

Values are shared, not copied: cache only immutable values (frozen dataclasses, tuples), or
return a copy from the caller (``dict(...)``, ``list(...)``).
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, NamedTuple, Protocol, TypeVar

__all__ = [
    "MAX_DATASETS",
    "MAX_ENTRIES_PER_DATASET",
    "CacheInfo",
    "Memo",
    "clear",
    "dataset_count",
    "derived",
    "entry_count",
    "memoize",
]

MAX_DATASETS = 8
"""Datasets whose derived values are kept (the shipped data, the uploads being looked at)."""

MAX_ENTRIES_PER_DATASET = 256
"""Derived values kept per dataset (evaluations of many scenarios are the most numerous)."""

T = TypeVar("T")
_MISSING = object()


class CacheInfo(NamedTuple):
    """Counters of a :class:`Memo` (the fields of :func:`functools.lru_cache`'s)."""

    hits: int
    misses: int
    maxsize: int
    currsize: int


class Memo:
    """A bounded map of computed values, least recently used evicted first; thread-safe.

    Parameters
    ----------
    maxsize : int
        At most this many values are kept (>= 1).

    Notes
    -----
    A value is computed outside the lock (a computation may itself use a memo); two threads
    asking for the same missing key at once may both compute it, and the later one is kept.
    """

    def __init__(self, maxsize: int) -> None:
        if maxsize < 1:
            raise ValueError(f"maxsize must be at least 1, got {maxsize}")
        self.maxsize = int(maxsize)
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._hits = 0
        self._misses = 0

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The value for ``key``, computed by ``compute()`` and kept when it is missing."""
        with self._lock:
            value = self._data.get(key, _MISSING)
            if value is not _MISSING:
                self._data.move_to_end(key)
                self._hits += 1
                return value
            self._misses += 1
        value = compute()
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)
        return value

    def values(self) -> list[Any]:
        with self._lock:
            return list(self._data.values())

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self._hits = self._misses = 0

    def info(self) -> CacheInfo:
        with self._lock:
            return CacheInfo(self._hits, self._misses, self.maxsize, len(self._data))

    def __len__(self) -> int:
        return len(self._data)


class _HasCacheKey(Protocol):
    @property
    def cache_key(self) -> str: ...


_DERIVED = Memo(MAX_DATASETS)  # dataset cache_key -> Memo of that dataset's derived values


def derived(ds: _HasCacheKey, name: str, compute: Callable[[], T], *key: Hashable) -> T:
    """A value derived from ``ds``, computed once per dataset content and ``(name, *key)``.

    Parameters
    ----------
    ds : Dataset
        The data the value depends on (only through its content: equal data, equal values).
    name : str
        What is cached (one name per kind of value, e.g. ``"default_scenario"``).
    compute : callable
        Called without arguments when the value is not cached.
    *key : hashable
        Whatever else the value depends on (a language, a scenario …).
    """
    per_dataset = _DERIVED.get(ds.cache_key, lambda: Memo(MAX_ENTRIES_PER_DATASET))
    return per_dataset.get((name, *key), compute)


def dataset_count() -> int:
    """Datasets that have derived values cached (at most :data:`MAX_DATASETS`)."""
    return len(_DERIVED)


def entry_count() -> int:
    """Derived values cached over all datasets (at most MAX_DATASETS × MAX_ENTRIES_PER_DATASET)."""
    return sum(len(m) for m in _DERIVED.values())


def clear() -> None:
    """Forget every derived value (tests, benchmarks of cold runs)."""
    _DERIVED.clear()


def memoize(maxsize: int) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Decorator: a function of hashable positional arguments, memoised in a :class:`Memo`.

    The wrapper has ``cache_clear()``, ``cache_info()`` and ``memo`` (the :class:`Memo`).
    """

    def wrap(fn: Callable[..., T]) -> Callable[..., T]:
        memo = Memo(maxsize)

        @functools.wraps(fn)
        def cached(*args: Hashable) -> T:
            return memo.get(args, lambda: fn(*args))

        cached.cache_clear = memo.clear  # type: ignore[attr-defined]
        cached.cache_info = memo.info  # type: ignore[attr-defined]
        cached.memo = memo  # type: ignore[attr-defined]
        return cached

    return wrap
