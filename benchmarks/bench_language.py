"""Language benchmark: no English ACLED note is rejected as not_english.

Usage: python benchmarks/bench_language.py [PATH ...]

Each PATH is an ACLED export with a notes column (`notes` or `NOTES`); by default the two files
of ../shared/eval/events/ (read at run time; nothing from them is kept). Every note is ingested
as a JSONL record would be (ingest.read_records, the path of `eventwire run`); the notes are
English, so every not_english reject is a loss. The old rule (reject whatever py3langid does not
label "en") is counted alongside.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

from eventwire.ingest import read_records
from eventwire.records import Article, Reject
from eventwire.settings import Settings

DEFAULTS = ["../shared/eval/events/acled-2020-dev.csv", "../shared/eval/events/acled-2015-southasia.csv"]


def notes(path: Path) -> list[str]:
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        return [n for r in csv.DictReader(fh) if (n := (r.get("notes") or r.get("NOTES") or "").strip())]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=DEFAULTS)
    args = ap.parse_args(argv)
    import py3langid

    settings = Settings()
    ok, seen = True, 0
    for name in args.paths:
        path = Path(name)
        if not path.exists():
            print(f"bench_language: {path} not found; skipping (it is not part of the repository)")
            continue
        seen += 1
        texts = notes(path)
        t0 = time.perf_counter()
        outs = list(read_records(({"id": f"n{i}", "text": t} for i, t in enumerate(texts)), "bench", settings))
        seconds = time.perf_counter() - t0
        reasons = Counter(o.reason for o in outs if isinstance(o, Reject))
        coded = [o for o in outs if isinstance(o, Article)]
        labels = Counter(a.language for a in coded)
        old = sum(1 for t in texts if len(t) >= settings.min_article_chars and py3langid.classify(t[:5000])[0] != "en")
        print(f"{path.name}: {len(texts)} notes, {len(coded)} coded, {reasons['not_english']} rejected as not_english "
              f"(old rule: {old}), other rejects {dict((k, v) for k, v in reasons.items() if k != 'not_english')}, "
              f"coded though labelled other than en: {sum(v for k, v in labels.items() if k != 'en')} "
              f"{dict(labels.most_common()[1:6])} ({seconds:.1f} s)")
        ok &= reasons["not_english"] == 0
    if not seen:
        return 0
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
