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

from .dedup import best_match, sketch, stored_copy, to_bytes
from .ingest import read_inputs
from .pipeline import process
from .records import NLP_KINDS, Article, ArticleResult, Reject
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
    pending: _Pending | None = None
    try:
        for chunk in _batches(read_inputs(inputs, res.settings, published), res.settings.batch_size * workers):
            articles = [a for a in chunk if isinstance(a, Article)]
            rejects = [r for r in chunk if isinstance(r, Reject)]
            if coder.pool is None:
                store_batch(articles, rejects, store, coder.code, summary)
            else:
                # the workers code this batch while this process writes the one before and reads
                # the next: without the overlap the workers wait for every write
                batch = _prepare(articles, rejects, store, summary, pending)
                batch.coded = coder.submit(batch.to_code)
                if pending is not None:
                    _finish(pending, store, summary)
                pending = batch
            bar.update(len(chunk))
        if pending is not None:
            _finish(pending, store, summary)
            pending = None
    finally:
        bar.close()
        coder.close()
    return summary


@dataclass
class _Pending:
    """A batch between reading and writing: what is coded, near-copies, sketches, rejects."""

    todo: list[Article]
    to_code: list[Article]
    copies: dict[str, str]
    sketches: dict[str, Any]
    bodies: dict[str, str]
    rejects: list[Reject]
    coded: Any = None  # the workers' AsyncResult


def _prepare(articles: list[Article], rejects: list[Reject], store: Store, summary: RunSummary, before: _Pending | None) -> _Pending:
    """`store_batch`'s first half, with the batch before (coded, not yet written) counted as
    stored: its ids are skipped and its articles are near-copy candidates."""
    summary.read += len(articles)
    summary.article_ids.extend(a.id for a in articles)
    stored = store.stored_ids([a.id for a in articles])
    if before is not None:
        stored |= {a.id for a in before.todo} & {a.id for a in articles}
    todo = _unique([a for a in articles if a.id not in stored])
    summary.skipped += len(articles) - len(todo)
    earlier = None if before is None else {i: (before.sketches[i], before.bodies[i]) for i in before.sketches if i not in before.copies}
    sketches, copies, bodies = _find_copies(todo, store, earlier)
    summary.stats["duplicates"] += len(copies)
    return _Pending(todo, [a for a in todo if a.id not in copies], copies, sketches, bodies, list(rejects))


def _finish(batch: _Pending, store: Store, summary: RunSummary) -> None:
    """`store_batch`'s second half: collect the workers' results and write the batch atomically."""
    results: list[ArticleResult] = []
    for out in batch.coded.get():
        if isinstance(out, Reject):
            batch.rejects.append(out)
            continue
        results.append(out)
        summary.events += len(out.events)
        summary.stats.update(out.stats)
    results += [ArticleResult(a, duplicate_of=batch.copies[a.id]) for a in batch.todo if a.id in batch.copies]
    store.save_batch(results, batch.rejects, {k: to_bytes(v) for k, v in batch.sketches.items()})
    summary.coded += len(results)
    summary.rejects.extend(batch.rejects)


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
        return self.submit(articles).get()

    def submit(self, articles: list[Article]) -> _Parts:
        """Start coding on the workers; `.get()` returns the outputs in order."""
        assert self.pool is not None
        # several small parts per worker: articles differ in length, and with one part each the
        # faster worker would wait for the slower one at the end of every batch
        size = max(1, -(-len(articles) // (self.workers * PARTS_PER_WORKER)))
        parts = [articles[i : i + size] for i in range(0, len(articles), size)]
        return _Parts(self.pool.map_async(_code_part, parts) if parts else None)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool.join()


@dataclass
class _Parts:
    result: Any  # multiprocessing AsyncResult, None for an empty batch

    def get(self) -> list[ArticleResult | Reject]:
        return [] if self.result is None else [out for part in self.result.get() for out in part]


# The resources a forked worker inherited from its parent (set just before forking).
_WORKER_RES: Resources | None = None


def _code_part(articles: list[Article]) -> list[ArticleResult | Reject]:
    assert _WORKER_RES is not None
    return list(process(articles, _WORKER_RES))


def find_copies(articles: list[Article], store: Store) -> tuple[dict[str, Any], dict[str, str]]:
    """Sketch each article; map near-copies (of stored articles or of earlier ones in this
    batch) that are the same story (dedup.same_story) to the article coded in their place."""
    sketches, copies, _ = _find_copies(articles, store)
    return sketches, copies


def _find_copies(
    articles: list[Article], store: Store, earlier: dict[str, tuple[Any, str]] | None = None
) -> tuple[dict[str, Any], dict[str, str], dict[str, str]]:
    """`find_copies`, also against `earlier` (id -> sketch, body: coded, not yet stored); returns
    the bodies too."""
    sketches: dict[str, Any] = {}
    bodies: dict[str, str] = {}
    copies: dict[str, str] = {}
    before = [(i, sig, body) for i, (sig, body) in (earlier or {}).items()]
    for a in articles:
        body = bodies[a.id] = body_text(a)
        sig = sketch(body)
        candidates = before + [(i, s, bodies[i]) for i, s in sketches.items() if i not in copies]
        earlier_hit = best_match(sig, iter(candidates), body)
        found = earlier_hit or stored_copy(store, sig, body)
        if found is not None:
            copies[a.id] = found[0]
        sketches[a.id] = sig
    return sketches, copies, bodies


def body_text(article: Article) -> str:
    return "\n".join(article.block_text(b) for b in article.blocks if b.kind in NLP_KINDS)


def _unique(articles: list[Article]) -> list[Article]:
    """The same id twice in one batch is coded once (the first one)."""
    seen: dict[str, Article] = {}
    for a in articles:
        seen.setdefault(a.id, a)
    return list(seen.values())
