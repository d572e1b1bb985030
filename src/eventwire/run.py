"""A run: read inputs lazily, skip articles already stored, code the rest in batches, and commit
each batch atomically (so a killed run resumes where it stopped, with nothing stored twice).

With `workers > 1` the coding of each batch is spread over forked worker processes that inherit
the loaded models (copy-on-write); reading, de-duplication and writing stay in this process, so
the database has one writer.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from tqdm import tqdm

from .annotate import NLP_KINDS
from .dedup import best_match, sketch, stored_copy, to_bytes
from .ingest import read_inputs
from .pipeline import process
from .records import Article, ArticleResult, Reject
from .resources import Resources
from .store import Store

PROGRESS_DELAY_S = 2.0  # a bar appears only for runs that take longer than this


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
            f"{self.stats['duplicates']} near-duplicates, {self.stats['not_parsed']} not parsed (no trigger), "
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
    show = progress if progress is not None else sys.stderr.isatty()
    bar = tqdm(desc="articles", unit="art", file=sys.stderr, disable=not show, delay=PROGRESS_DELAY_S, leave=False)
    workers = max(1, res.settings.workers)
    coder = _Coder(res, workers)
    try:
        for chunk in _batches(read_inputs(inputs, res.settings, published), res.settings.batch_size * workers):
            articles = [a for a in chunk if isinstance(a, Article)]
            rejects = [r for r in chunk if isinstance(r, Reject)]
            store_batch(articles, rejects, store, coder.code, summary)
            bar.update(len(chunk))
    finally:
        bar.close()
        coder.close()
    return summary


def store_batch(articles: list[Article], rejects: list[Reject], store: Store, code: Callable[[list[Article]], list[ArticleResult | Reject]], summary: RunSummary) -> list[ArticleResult]:
    """One batch: skip stored ids, find near-copies, code the rest, write it all atomically.
    Shared by `run` and the HTTP ingest endpoint."""
    summary.read += len(articles)
    summary.article_ids.extend(a.id for a in articles)
    stored = store.stored_ids([a.id for a in articles])
    todo = _unique([a for a in articles if a.id not in stored])
    summary.skipped += len(articles) - len(todo)
    sketches, copies = find_copies(todo, store)
    summary.stats["duplicates"] += len(copies)
    rejects = list(rejects)
    results: list[ArticleResult] = []
    for out in code([a for a in todo if a.id not in copies]):
        if isinstance(out, Reject):
            rejects.append(out)
            continue
        results.append(out)
        summary.events += len(out.events)
        summary.stats.update(out.stats)
    results += [ArticleResult(a, duplicate_of=copies[a.id]) for a in todo if a.id in copies]
    store.save_batch(results, rejects, {k: to_bytes(v) for k, v in sketches.items()})
    summary.coded += len(results)
    summary.rejects.extend(rejects)
    return results


PARTS_PER_WORKER = 2


class _Coder:
    """Runs `pipeline.process` here, or across forked workers that share the loaded models."""

    def __init__(self, res: Resources, workers: int) -> None:
        self.res = res
        self.pool = None
        if workers > 1:
            res.warm()  # load once in the parent; forked children inherit the models
            global _WORKER_RES
            _WORKER_RES = res
            self.pool = multiprocessing.get_context("fork").Pool(workers)
            self.workers = workers

    def code(self, articles: list[Article]) -> list[ArticleResult | Reject]:
        if not articles:
            return []
        if self.pool is None:
            return list(process(articles, self.res))
        # several small parts per worker: articles differ in length, and with one part each the
        # faster worker would wait for the slower one at the end of every batch
        size = max(1, -(-len(articles) // (self.workers * PARTS_PER_WORKER)))
        parts = [articles[i : i + size] for i in range(0, len(articles), size)]
        return [out for part in self.pool.map(_code_part, parts) for out in part]

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool.join()


# The resources a forked worker inherited from its parent (set just before forking).
_WORKER_RES: Resources | None = None


def _code_part(articles: list[Article]) -> list[ArticleResult | Reject]:
    assert _WORKER_RES is not None
    return list(process(articles, _WORKER_RES))


def find_copies(articles: list[Article], store: Store) -> tuple[dict[str, Any], dict[str, str]]:
    """Sketch each article; map near-copies (of stored articles or of earlier ones in this
    batch) that are the same story (dedup.same_story) to the article coded in their place."""
    sketches: dict[str, Any] = {}
    bodies: dict[str, str] = {}
    copies: dict[str, str] = {}
    for a in articles:
        body = bodies[a.id] = body_text(a)
        sig = sketch(body)
        earlier = best_match(sig, ((i, s, bodies[i]) for i, s in sketches.items() if i not in copies), body)
        found = earlier or stored_copy(store, sig, body)
        if found is not None:
            copies[a.id] = found[0]
        sketches[a.id] = sig
    return sketches, copies


def body_text(article: Article) -> str:
    return "\n".join(article.block_text(b) for b in article.blocks if b.kind in NLP_KINDS)


def _unique(articles: list[Article]) -> list[Article]:
    """The same id twice in one batch is coded once (the first one)."""
    seen: dict[str, Article] = {}
    for a in articles:
        seen.setdefault(a.id, a)
    return list(seen.values())
