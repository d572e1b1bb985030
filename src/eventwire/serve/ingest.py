"""Ingest over HTTP: the same reading, coding and storing as `eventwire run`, behind a token.

Writing is off unless a token is configured (DESIGN.md, "Serving"): without one the endpoint
answers 403 before it reads the body; with one, a missing or wrong bearer token is a 401. The
token is compared in constant time.
"""

from __future__ import annotations

import hmac
import threading
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..records import Article, Reject
from ..serialize import reject_dict
from ..settings import Settings
from ..store import Store
from .errors import Forbidden, Unauthorized

if TYPE_CHECKING:
    from ..resources import Resources


def check_token(configured: str | None, authorization: str | None) -> None:
    """Raise Forbidden when ingest is off, Unauthorized when the bearer token is wrong."""
    if not configured:
        raise Forbidden("ingest over HTTP is disabled: no ingest token is configured on the server")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise Unauthorized("send the ingest token as 'Authorization: Bearer <token>'")
    if not hmac.compare_digest(given.strip().encode(), configured.encode()):
        raise Unauthorized("the ingest token is not valid")


class Ingestor:
    """Codes posted articles and stores them; one batch at a time, models loaded once."""

    def __init__(self, settings: Settings, store: Store, on_write: Callable[[], None] | None = None) -> None:
        self.settings = settings
        self.store = store
        self.on_write = on_write  # e.g. drop cached aggregates once a batch is stored
        self._lock = threading.Lock()  # one writer: batches from concurrent requests queue up
        self._resources: Resources | None = None

    def resources(self) -> Resources:
        from ..resources import (
            Resources,  # heavy: only a server that ingests loads spaCy
        )

        if self._resources is None:
            self._resources = Resources(self.settings)
        return self._resources

    def ingest(self, records: list[dict[str, Any]]) -> dict[str, Any]:
        """Code and store posted records exactly as `eventwire run` would a JSONL file."""
        from ..ingest import read_records
        from ..pipeline import process
        from ..run import RunSummary, store_batch

        batch = f"api:{uuid.uuid4().hex[:12]}"
        items = list(read_records(records, batch, self.settings))
        articles = [a for a in items if isinstance(a, Article)]
        rejects = [r for r in items if isinstance(r, Reject)]
        summary = RunSummary()
        with self._lock:
            res = self.resources()
            results = store_batch(articles, rejects, self.store, lambda todo: list(process(todo, res)), summary)
            if self.on_write is not None:
                self.on_write()
        return {
            "read": summary.read,
            "coded": summary.coded,
            "skipped": summary.skipped,
            "article_ids": [a.id for a in articles],
            "events": [e.id for r in results for e in r.events],
            "rejects": [reject_dict(r) for r in summary.rejects],
        }
