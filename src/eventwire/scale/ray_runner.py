"""`eventwire run --engine ray`: the same `pipeline.process` inside Ray Data `map_batches` with
an actor pool (each actor loads the models once), reading the inputs as shards (one file a task).

The driver keeps the parts that must see the whole run in order: near-duplicate detection,
cross-article merging and writing the database (one writer, atomic batches). Order is preserved,
so the stored result equals a local run's on the same input.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import pickle
from pathlib import Path
from typing import Any

import numpy as np

from ..records import Article, ArticleResult, Reject
from ..settings import Settings
from ..store import Store


BLOCK_BYTES = 256 * 1024  # about 50 pickled articles


def _shards(inputs: list[str]) -> list[str]:
    """Input files in the order a local run reads them (directories expanded, sorted)."""
    out: list[str] = []
    for path in inputs:
        p = Path(path)
        if p.is_dir():
            out += [str(q) for q in sorted(q for q in p.rglob("*") if q.is_file() and not q.name.startswith("."))]
        else:
            out.append(path)
    return out


def _read_shard(row: dict[str, Any], settings: Settings, published: dt.date | None) -> list[dict[str, Any]]:
    from ..ingest import read_inputs

    return [{"payload": pickle.dumps(item)} for item in read_inputs([row["path"]], settings, published)]


class _CodeActor:
    """One per Ray worker: loads spaCy, the gazetteer, the actors and the classifier once."""

    def __init__(self, settings: Settings) -> None:
        from ..resources import Resources

        self.res = Resources(settings)
        self.res.warm()
        self.store = Store(settings.db)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        from ..pipeline import process

        items = [pickle.loads(p) for p in batch["payload"]]
        articles = [a for a in items if isinstance(a, Article)]
        stored = self.store.stored_ids([a.id for a in articles])
        todo = [a for a in articles if a.id not in stored]
        coded = iter(process(todo, self.res))  # exactly one output per article, in order
        out: list[Any] = []
        for item in items:
            if isinstance(item, Reject):
                out.append(item)
            elif item.id in stored:
                out.append(("stored", item))
            else:
                out.append(next(coded))
        return {"payload": np.array([pickle.dumps(o) for o in out], dtype=object)}


def run_ray(inputs: list[str], store: Store, settings: Settings, published: dt.date | None = None,
            address: str | None = None, workers: int = 2) -> Any:
    """Code `inputs` on a Ray cluster (or a local Ray instance) and store the results here."""
    import ray

    from ..dedup import to_bytes
    from ..run import RunSummary, find_copies

    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    if not ray.is_initialized():
        kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "ignore_reinit_error": True, "logging_level": "ERROR"}
        if address:
            kwargs["address"] = address
        else:
            kwargs["num_cpus"] = max(workers, 1) + 1  # the actors, plus a slot for the reading tasks
        ray.init(**kwargs)
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = False
    # Small blocks, so one large JSONL or WARC shard is spread over every actor instead of
    # feeding one (Ray splits a task's output into blocks of at most this size).
    ctx.target_max_block_size = BLOCK_BYTES
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    ds = ray.data.from_items([{"path": p} for p in _shards(inputs)])
    ds = ds.flat_map(_read_shard, fn_kwargs={"settings": settings, "published": published})
    ds = ds.map_batches(_CodeActor, fn_constructor_kwargs={"settings": settings}, concurrency=workers,
                        batch_size=settings.batch_size, batch_format="numpy")
    summary = RunSummary()
    for batch in ds.iter_batches(batch_size=settings.batch_size, batch_format="numpy"):
        outs = [pickle.loads(p) for p in batch["payload"]]
        _save(outs, store, summary, find_copies, to_bytes)
    return summary


def _save(outs: list[Any], store: Store, summary: Any, find_copies: Any, to_bytes: Any) -> None:
    rejects = [o for o in outs if isinstance(o, Reject)]
    results = [o for o in outs if isinstance(o, ArticleResult)]
    skipped = [o[1] for o in outs if isinstance(o, tuple)]
    summary.read += len(results) + len(skipped)
    summary.skipped += len(skipped)
    summary.article_ids += [r.article.id for r in results] + [a.id for a in skipped]
    sketches, copies = find_copies([r.article for r in results], store)
    final = [r for r in results if r.article.id not in copies]
    final += [ArticleResult(r.article, duplicate_of=copies[r.article.id]) for r in results if r.article.id in copies]
    summary.stats["duplicates"] += len(copies)
    summary.events += sum(len(r.events) for r in final)
    store.save_batch(final, rejects, {k: to_bytes(v) for k, v in sketches.items()})
    summary.coded += len(final)
    summary.rejects += rejects

