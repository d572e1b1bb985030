"""Merging benchmark: distinct events, each reported several times, through the real pipeline.

Usage: python benchmarks/bench_merge.py [--events N] [--copies K] [--seed S]

Builds N distinct events from the team's templates (src/eventwire/synth.py), among them hard
negatives: pairs of events of the same type on the same day in two towns of one country. Each
event is then reported K times by different "outlets": the original, one re-published a day
later (relative dates re-resolve), one with paragraphs reordered, one with a paraphrased lead.
All reports go through `eventwire run` into one database; each report's event is looked up in
the reports table, and clustering is scored with B-cubed precision, recall and F1 against the
known event of each report. Over-merging is the share of distinct events that share a stored
event with another distinct event.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from eventwire.cli import main as cli
from eventwire.synth import DAYS, PLACES, STATE, report

WEEKDAY = {d: i for i, d in enumerate(DAYS)}


def build(n_events: int, copies: int, seed: int) -> list[dict[str, object]]:
    rng = random.Random(seed)
    by_country: dict[str, list[str]] = defaultdict(list)
    for place, country in PLACES:
        by_country[country].append(place)
    items = []
    gold = 0
    while gold < n_events:
        place, country = rng.choice(PLACES)
        template = rng.randrange(11)
        published = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(300))
        day = DAYS[(published.weekday() - rng.randint(1, 3)) % 7]
        fill = {"adj": STATE[country], "place": place, "day": day, "n": rng.choice(["two", "five", "seven", "12", "at least 20"])}
        events = [(place, fill)]
        others = [p for p in by_country[country] if p != place]
        if others and rng.random() < 0.4 and gold + 1 < n_events:  # a hard negative: same day, type, country
            events.append((rng.choice(others), {**fill, "place": rng.choice(others)}))
        for _, f in events:
            for k in range(copies):
                variant = ["original", "redated", "reordered", "paraphrased"][k % 4]
                pub = published + dt.timedelta(days=1 if variant == "redated" else 0)
                text = report(template, f, rng, paraphrase=variant == "paraphrased")
                if variant == "reordered":
                    paras = text.split("\n\n")
                    text = "\n\n".join([paras[0]] + rng.sample(paras[1:], len(paras) - 1))
                items.append({"id": f"m{gold:05d}-{k}", "gold": gold, "text": text, "published": pub.isoformat(),
                              "source": f"outlet{k}.example", "url": f"https://outlet{k}.example/{gold}/{k}", "title": text.split(",")[0][:80]})
            gold += 1
    rng.shuffle(items)
    return items


def bcubed(gold: dict[str, int], system: dict[str, str]) -> tuple[float, float, float]:
    by_gold: dict[int, set[str]] = defaultdict(set)
    by_sys: dict[str, set[str]] = defaultdict(set)
    for item, g in gold.items():
        by_gold[g].add(item)
        by_sys[system[item]].add(item)
    p = sum(len(by_sys[system[i]] & by_gold[gold[i]]) / len(by_sys[system[i]]) for i in gold) / len(gold)
    r = sum(len(by_sys[system[i]] & by_gold[gold[i]]) / len(by_gold[gold[i]]) for i in gold) / len(gold)
    return p, r, 2 * p * r / (p + r)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=120)
    ap.add_argument("--copies", type=int, default=4)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    items = build(args.events, args.copies, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "reports.jsonl"
        corpus.write_text("".join(json.dumps({k: v for k, v in it.items() if k != "gold"}) + "\n" for it in items))
        db = Path(tmp) / "merge.db"
        t0 = time.perf_counter()
        cli(["run", str(corpus), "--db", str(db), "--format", "none", "--no-progress"])
        elapsed = time.perf_counter() - t0
        con = sqlite3.connect(db)
        # A report's system cluster: the event its article's first report joined; copies that were
        # detected as near-duplicates count through the event they became a source of.
        first = {a: e for a, e in con.execute("SELECT article_id, event_id FROM reports ORDER BY start DESC")}
        for a, e in con.execute("SELECT article_id, event_id FROM event_sources"):
            first.setdefault(a, e)
        con.close()
    gold = {str(it["id"]): int(it["gold"]) for it in items}  # type: ignore[call-overload]
    coded = {i for i in gold if i in first}
    system = {i: first.get(i, f"none-{i}") for i in gold}
    p, r, f1 = bcubed(gold, system)
    members: dict[str, set[int]] = defaultdict(set)
    for i in coded:
        members[system[i]].add(gold[i])
    over = {g for gs in members.values() if len(gs) > 1 for g in gs}
    n_gold = len(set(gold.values()))
    print(json.dumps({
        "events": n_gold, "reports": len(items), "reports_coded": len(coded),
        "bcubed_precision": round(p, 4), "bcubed_recall": round(r, 4), "bcubed_f1": round(f1, 4),
        "over_merged_share": round(len(over) / n_gold, 4), "system_events": len(set(system.values())),
        "seconds": round(elapsed, 1),
    }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
