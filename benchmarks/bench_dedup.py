"""Near-duplicate benchmark on ACLED notes: distinct events are never folded, copies are.

Usage: python benchmarks/bench_dedup.py [PATH] [--limit N]

PATH is an ACLED export with columns event_id_cnty, event_date, location and notes (default
../shared/eval/events/acled-2020-dev.csv, read at run time; nothing from it is kept). Each note
becomes an article (ingested as a JSONL record would be) and goes through the de-duplication of
`eventwire run` (run.store_batch: stored ids, find_copies, save_batch with sketches) into a
fresh SQLite database, with a coder that codes nothing, so only de-duplication is measured.

1. Every note once. A fold is a note marked a copy of another; a wrong fold is one between two
   notes with different event_id_cnty and a different location or event_date. Notes that are
   byte-identical under several event ids (ACLED codes one report naming several places as one
   event per place) are one report, and a copy by any definition: they are counted apart.
2. The same notes again under new ids: the share found as copies, and of the right story.
3. Re-published: a headline, "Share"/"Advertisement" lines and a "Reporting by" credit added.
4. Wire copy: a headline and a "PLACE (Agency) -" dateline added.

For comparison the MinHash step alone (without the same-story check) is run on phase 1 too.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventwire import dedup
from eventwire.ingest import read_records
from eventwire.records import Article, ArticleResult, Reject
from eventwire.run import RunSummary, store_batch
from eventwire.settings import Settings
from eventwire.store import Store

DEFAULT = "../shared/eval/events/acled-2020-dev.csv"


def load(path: Path, limit: int | None) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        rows = [{k.lower(): v for k, v in r.items()} for r in csv.DictReader(fh)]
    return [r for r in rows if r.get("notes", "").strip()][:limit]


def feed(records: list[dict[str, Any]], store: Store, settings: Settings) -> tuple[dict[str, str | None], int]:
    """Ingest and de-duplicate `records` in run-sized batches; article id -> duplicate_of."""
    summary = RunSummary()
    out: dict[str, str | None] = {}
    rejected = 0

    def code(articles: list[Article]) -> list[ArticleResult | Reject]:
        return [ArticleResult(a) for a in articles]

    items = list(read_records(records, "bench", settings))
    for i in range(0, len(items), settings.batch_size):
        chunk = items[i : i + settings.batch_size]
        articles = [a for a in chunk if isinstance(a, Article)]
        rejected += len(chunk) - len(articles)
        for r in store_batch(articles, [], store, code, summary):
            out[r.article.id] = r.duplicate_of
    return out, rejected


def phase1(rows: list[dict[str, str]], settings: Settings, tmp: Path, name: str) -> tuple[Store, dict[str, str | None], dict[str, Any]]:
    store = Store(str(tmp / f"{name}.sqlite"))
    t0 = time.perf_counter()
    folds, rejected = feed([{"id": f"n{i}", "text": r["notes"]} for i, r in enumerate(rows)], store, settings)
    seconds = time.perf_counter() - t0
    wrong = identical = same_place_day = 0
    examples = []
    for aid, of in folds.items():
        if of is None:
            continue
        a, b = rows[int(aid[1:])], rows[int(of[1:])]
        if a["notes"] == b["notes"]:
            identical += 1
        elif a["event_id_cnty"] != b["event_id_cnty"] and (a["location"] != b["location"] or a["event_date"] != b["event_date"]):
            wrong += 1
            examples.append((a["event_id_cnty"], b["event_id_cnty"]))
        else:
            same_place_day += 1
    stats = {"articles": len(folds), "rejected": rejected, "wrong": wrong, "identical": identical,
             "same_place_day": same_place_day, "examples": examples[:5], "seconds": seconds}
    return store, folds, stats


def headline(r: dict[str, str]) -> str:
    return f"{r.get('sub_event_type') or r.get('event_type') or 'Incident'} reported in {r['location'].split(' (')[0]}"


AGENCIES = ("Reuters", "AFP", "AP", "Anadolu", "Xinhua")


def dateline_place(r: dict[str, str]) -> str:
    """The town as a wire dateline writes it: "NAMELESS HILLS", not "Nameless Hills (Tartar Region)"."""
    return r["location"].split(" (")[0].split("-")[0].strip().upper()


VARIANTS: dict[str, Callable[[dict[str, str]], str]] = {
    "fed again under new ids": lambda r: r["notes"],
    "re-published: headline, Share/Advertisement, credit line": lambda r: (
        f"{headline(r)}\nShare\n{r['notes']}\nAdvertisement\nReporting by Staff Correspondent; Editing by News Desk"
    ),
    "wire copy: headline and PLACE (Agency) - dateline": lambda r: (
        f"{headline(r)}\n{dateline_place(r)} ({AGENCIES[len(r['notes']) % len(AGENCIES)]}) - {r['notes']}"
    ),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=DEFAULT)
    ap.add_argument("--limit", type=int, default=None, help="only the first N notes")
    args = ap.parse_args(argv)
    path = Path(args.path)
    if not path.exists():
        print(f"bench_dedup: {path} not found; skipping (it is not part of the repository)")
        return 0
    rows = load(path, args.limit)
    settings = Settings()
    ok = True
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        real_check = dedup.same_story
        dedup.same_story = lambda a, b: True  # the MinHash step alone, for comparison
        try:
            _, _, before = phase1(rows, settings, tmp, "minhash-only")
        finally:
            dedup.same_story = real_check
        store, folds, after = phase1(rows, settings, tmp, "dedup")
        print(f"{path.name}: {len(rows)} notes, {after['articles']} ingested ({after['rejected']} rejected)")
        print(f"  MinHash step alone: {before['wrong']} wrong folds (different event, place or date), "
              f"{before['identical']} folds of identical notes, {before['same_place_day']} of notes with the same place and date")
        print(f"  eventwire dedup:    {after['wrong']} wrong folds, {after['identical']} folds of identical notes, "
              f"{after['same_place_day']} of notes with the same place and date ({after['seconds']:.1f} s)")
        if after["examples"]:
            print(f"  wrong folds, e.g.: {after['examples']}")
        ok &= after["wrong"] == 0
        canonical = {aid: of or aid for aid, of in folds.items()}
        for k, (label, make) in enumerate(VARIANTS.items()):
            records = [{"id": f"v{k}-{i}", "text": make(r)} for i, r in enumerate(rows) if f"n{i}" in canonical]
            t0 = time.perf_counter()
            found, rejected = feed(records, store, settings)
            seconds = time.perf_counter() - t0
            copies = sum(of is not None for of in found.values())
            right = sum(of is not None and canonical.get(of, of) == canonical[f"n{aid.split('-')[1]}"] for aid, of in found.items())
            share = copies / max(1, len(found))
            print(f"  {label}: {copies}/{len(found)} found as copies ({share:.3f}), {right} of the right story, "
                  f"{rejected} rejected ({seconds:.1f} s)")
            ok &= share >= 0.95
        store.close()
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
