"""A small cache for the API's aggregate queries (totals, timeline counts).

On a million events a grouped count over the whole table scans an index end to end (hundreds of
milliseconds), and the dashboard asks for the same aggregates on every filter change. Answers are
kept per filter and dropped when the data changes: every write transaction of the store bumps a
generation counter (one primary-key read), so a run in another process is seen at once, on SQLite
and PostgreSQL alike; `ttl_s` bounds staleness for anything else. The cache lives on one app,
never at module level.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from ..store import Store

T = TypeVar("T")
DEFAULT_TTL_S = 30.0
DEFAULT_ENTRIES = 512


class QueryCache:
    def __init__(self, store: Store, ttl_s: float = DEFAULT_TTL_S, max_entries: int = DEFAULT_ENTRIES) -> None:
        self.store = store
        self.ttl_s = ttl_s
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, tuple[float, Hashable, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def signature(self) -> Hashable:
        """What changes when events are written: the store's write generation."""
        return self.store.generation()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        if self.ttl_s <= 0:
            return compute()
        now = time.monotonic()
        sig = self.signature()
        with self._lock:
            hit = self._entries.get(key)
            if hit is not None and hit[1] == sig and now - hit[0] < self.ttl_s:
                self._entries.move_to_end(key)
                return hit[2]  # type: ignore[no-any-return]
        value = compute()
        with self._lock:
            self._entries[key] = (now, sig, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
