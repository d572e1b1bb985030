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

from typing import Any

from .annotate import NLP_KINDS
from .dedup import best_match, sketch, to_bytes
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
            todo = _unique(todo)
            sketches, copies = find_copies(todo, store)
            summary.stats["duplicates"] += len(copies)
            results: list[ArticleResult] = []
            for out in process((a for a in todo if a.id not in copies), res):
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
            bar.update(len(chunk))
            if summary.read + len(summary.rejects) >= PROGRESS_MIN_ARTICLES and progress is None and bar.disable and sys.stderr.isatty():
                bar.disable = False
    finally:
        bar.close()
    return summary


def find_copies(articles: list[Article], store: Store) -> tuple[dict[str, Any], dict[str, str]]:
    """Sketch each article; map near-copies (of stored articles or of earlier ones in this
    batch) to the article that is coded in their place."""
    sketches: dict[str, Any] = {}
    copies: dict[str, str] = {}
    for a in articles:
        sig = sketch(body_text(a))
        sketches[a.id] = sig
        earlier = best_match(sig, ((i, sketches[i]) for i in sketches if i != a.id and i not in copies))
        found = earlier or store.find_duplicate(sig)
        if found is not None:
            copies[a.id] = found[0]
    return sketches, copies


def body_text(article: Article) -> str:
    return "\n".join(article.block_text(b) for b in article.blocks if b.kind in NLP_KINDS)


def _unique(articles: list[Article]) -> list[Article]:
    """The same id twice in one batch is coded once."""
    return list({a.id: a for a in reversed(articles)}.values())[::-1]
