"""Ingest over HTTP: the same reading, coding and storing as `eventwire run`, behind a token.

Writing is off unless a token is configured (DESIGN.md, "Serving"): without one the endpoint
answers 403 before it reads the body; with one, a missing or wrong bearer token is a 401. The
token is compared in constant time.
"""

from __future__ import annotations

import dataclasses
import hmac
import json
import tempfile
import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..records import Article, ArticleResult, Reject
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
        from ..pipeline import process

        batch = f"api:{uuid.uuid4().hex[:12]}"
        articles, rejects = self._read(records, batch)
        with self._lock:
            stored = self.store.stored_ids([a.id for a in articles])
            todo = list({a.id: a for a in articles if a.id not in stored}.values())
            results: list[ArticleResult] = []
            for out in process(todo, self.resources()):
                if isinstance(out, Reject):
                    rejects.append(out)
                else:
                    results.append(out)
            self.store.save_batch(results, rejects)
            if self.on_write is not None:
                self.on_write()
        return {
            "read": len(articles),
            "coded": len(results),
            "skipped": len(articles) - len(todo),
            "article_ids": [a.id for a in articles],
            "events": [e.id for r in results for e in r.events],
            "rejects": [reject_dict(r) for r in rejects],
        }

    def _read(self, records: list[dict[str, Any]], batch: str) -> tuple[list[Article], list[Reject]]:
        """Records go through the JSONL reader, so HTTP input meets exactly the checks and
        reject reasons of a file input; origins name the request batch, not the temp file."""
        from ..ingest import read_inputs

        articles: list[Article] = []
        rejects: list[Reject] = []
        with tempfile.TemporaryDirectory(prefix="eventwire-ingest-") as tmp:
            path = Path(tmp) / "request.jsonl"
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
            for item in read_inputs([str(path)], self.settings):
                if isinstance(item, Article):
                    line = (item.origin or "").rpartition(":")[2]
                    articles.append(dataclasses.replace(item, origin=f"{batch}:{line}"))
                else:
                    rejects.append(Reject(f"{batch}:{item.position}", item.position, item.reason, item.message))
        return articles, rejects
