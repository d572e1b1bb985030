"""A run: read inputs lazily, skip articles already stored, code the rest in batches, and commit
each batch atomically (so a killed run resumes where it stopped, with nothing stored twice)."""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from tqdm import tqdm

from .ingest import read_inputs
from .pipeline import process
from .records import Article, ArticleResult, Reject
from .resources import Resources
from .store import Store

PROGRESS_MIN_ARTICLES = 5  # below this a progress bar is noise


@dataclass
class RunSummary:
    read: int = 0
    skipped: int = 0
    coded: int = 0
    events: int = 0
    rejects: list[Reject] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    stats: Counter[str] = field(default_factory=Counter)

    def line(self) -> str:
        return (
            f"{self.read} articles read, {self.coded} coded, {self.skipped} already stored, "
            f"{self.events} events, {len(self.rejects)} rejected"
        )


def _batches(items: Iterable[Article | Reject], size: int) -> Iterator[list[Article | Reject]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def run(
    inputs: list[str],
    store: Store,
    res: Resources,
    published: dt.date | None = None,
    progress: bool | None = None,
) -> RunSummary:
    summary = RunSummary()
    bar = tqdm(desc="articles", unit="art", file=sys.stderr, disable=not progress if progress is not None else None, leave=False)
    try:
        for chunk in _batches(read_inputs(inputs, res.settings, published), res.settings.batch_size):
            articles = [a for a in chunk if isinstance(a, Article)]
            rejects = [r for r in chunk if isinstance(r, Reject)]
            summary.read += len(articles)
            summary.article_ids.extend(a.id for a in articles)
            stored = store.stored_ids([a.id for a in articles])
            todo = [a for a in articles if a.id not in stored]
            summary.skipped += len(articles) - len(todo)
            results: list[ArticleResult] = []
            for out in process(_unique(todo), res):
                if isinstance(out, Reject):
                    rejects.append(out)
                    continue
                results.append(out)
                summary.events += len(out.events)
                summary.stats.update(out.stats)
            store.save_batch(results, rejects)
            summary.coded += len(results)
            summary.rejects.extend(rejects)
            bar.update(len(chunk))
            if summary.read + len(summary.rejects) >= PROGRESS_MIN_ARTICLES and progress is None and bar.disable and sys.stderr.isatty():
                bar.disable = False
    finally:
        bar.close()
    return summary


def _unique(articles: list[Article]) -> list[Article]:
    """The same id twice in one batch is coded once."""
    return list({a.id: a for a in reversed(articles)}.values())[::-1]
