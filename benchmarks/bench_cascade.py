"""Recall and selectivity of the cascade's trigger screen (eventwire.screen) on real gold (measurement only).

    python benchmarks/bench_cascade.py [EVAL_DIR] [--coder N]

EVAL_DIR defaults to ../shared/eval. No spaCy is needed for the screen figures: each text goes
through `screen.plan` exactly as `eventwire run` would (plain-text blocks, the screen's sentences,
the event classifier asked about sentences only it could make events of).

* news gold (news/, LGL and GeoWebNews): of the gold events' sentences (evidence and
  also_supported_by, required or not), the share the screen sends to the parser; of the articles
  with a gold event, the share it does not skip; of the eventless articles, the share it skips;
  and the share of all sentences and characters parsed.
* ACLED 2020 dev notes (events/acled-2020-dev.csv): every note reports an event; the share of notes
  the screen passes.
* CASE 2021 dev (events/case2021-task2-dev.tsv): the share of snippets labelled with an ACLED
  sub-event type that pass, and of the non-ACLED ones (crime, disasters, diplomacy, attribution)
  that are skipped.
* `--coder N`: the coder itself as reference, on the first N LGL articles: code them with the
  cascade off (the full parse) and count the coded events whose event sentences the screen would
  not have parsed (should be 0). Loads the models.

The screen's word lists come from the lexicon; nothing here feeds back into them.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

from eventwire import screen
from eventwire.ingest.text import split_blocks
from eventwire.records import Article

from _pipeline import EVAL, need


@lru_cache(maxsize=1)
def _confident():  # type: ignore[no-untyped-def]
    from eventwire.resources import Resources
    from eventwire.settings import Settings

    return screen.confident_events(Resources(Settings.from_env()).classifier)


def screened(a: Article) -> screen.Plan:
    """The screen's plan as `eventwire run` makes it (with the classifier)."""
    return screen.plan(a, _confident())


def as_article(aid: str, text: str) -> Article:
    return Article(aid, text, split_blocks(text))


def covered(plan: screen.Plan, start: int, end: int) -> bool:
    return any(b.start <= start and end <= b.end for b in plan.segments)


def _find(text: str, sentence: str) -> tuple[int, int] | None:
    i = text.find(sentence)
    if i < 0:  # gold sentences are verbatim, but white space may differ
        i = text.find(sentence[:60])
    return (i, i + len(sentence)) if i >= 0 else None


def news(eval_dir: Path) -> dict:
    out = {}
    for key, xml in (("lgl", "lgl.xml"), ("gwn", "GWN.xml")):
        gold = json.loads(need(eval_dir / "news" / f"{key}-acled-gold.json").read_text(encoding="utf-8"))
        root = ET.parse(need(eval_dir / "geo" / xml)).getroot()
        texts = {art.get("docid") or str(i): art.findtext("text") or "" for i, art in enumerate(root.iter("article"))}
        sents = sents_in = arts = arts_in = empty = empty_out = n_sent = n_parsed = chars = chars_parsed = 0
        missed = []
        for g in gold:
            text = texts[g["docid"]]
            a = as_article(g["docid"], text)
            plan = screened(a)
            n_sent += plan.sentences
            n_parsed += plan.selected
            chars += sum(b.end - b.start for b in a.blocks if b.kind in screen.NLP_KINDS)
            chars_parsed += sum(b.end - b.start for b in plan.segments)
            if not g["events"]:
                empty += 1
                empty_out += plan.reason is not None
                continue
            arts += 1
            arts_in += plan.reason is None
            for e in g["events"]:
                for s in [e["evidence"], *e.get("also_supported_by", [])]:
                    where = _find(text, s)
                    if where is None:
                        continue
                    sents += 1
                    ok = covered(plan, *where)
                    sents_in += ok
                    if not ok:
                        missed.append(f"{key}-{g['docid']}: {s[:120]}")
        out[key] = {
            "gold_event_sentences_parsed": f"{sents_in}/{sents}",
            "articles_with_events_passed": f"{arts_in}/{arts}",
            "eventless_articles_skipped": f"{empty_out}/{empty}",
            "sentences_parsed": round(n_parsed / max(1, n_sent), 3),
            "characters_parsed": round(chars_parsed / max(1, chars), 3),
            "missed": missed,
        }
    return out


def acled(eval_dir: Path) -> dict:
    with need(eval_dir / "events" / "acled-2020-dev.csv").open(encoding="utf-8") as fh:
        notes = [r["notes"] for r in csv.DictReader(fh) if r["notes"].strip()]
    passed = sum(screened(as_article(f"n{i}", n)).reason is None for i, n in enumerate(notes))
    return {"notes_passed": f"{passed}/{len(notes)}", "share": round(passed / max(1, len(notes)), 3)}


NON_ACLED = {"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"}


def case(eval_dir: Path) -> dict:
    with need(eval_dir / "events" / "case2021-task2-dev.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    ev = [r for r in rows if r["SubType"] not in NON_ACLED]
    non = [r for r in rows if r["SubType"] in NON_ACLED]
    passed = sum(screened(as_article(r["id"], r["EventSnippet"])).reason is None for r in ev)
    skipped = sum(screened(as_article(r["id"], r["EventSnippet"])).reason is not None for r in non)
    return {"acled_snippets_passed": f"{passed}/{len(ev)}", "share": round(passed / max(1, len(ev)), 3), "non_acled_skipped": f"{skipped}/{len(non)}"}


def coder(eval_dir: Path, n: int) -> dict:
    """Events the full parse codes whose sentences the screen would not parse."""
    from eventwire.pipeline import process
    from eventwire.records import ArticleResult
    from eventwire.resources import Resources
    from eventwire.settings import Settings

    root = ET.parse(need(eval_dir / "geo" / "lgl.xml")).getroot()
    arts = [as_article(f"lgl{i}", art.findtext("text") or "") for i, art in enumerate(root.iter("article"))][:n]
    res = Resources(Settings.from_env(cascade=False))
    events = lost = 0
    examples = []
    for a, out in zip(arts, process(arts, res)):
        if not isinstance(out, ArticleResult):
            continue
        plan = screened(a)
        for e in out.events:
            for x in e.evidence:
                if x.field != "event":
                    continue
                events += 1
                if not covered(plan, x.span.start, x.span.end):
                    lost += 1
                    examples.append(f"{a.id}: {x.span.text[:120]}")
    return {"articles": len(arts), "coded_event_sentences": events, "not_parsed_by_the_cascade": lost, "examples": examples[:10]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("eval_dir", nargs="?", default=str(EVAL))
    ap.add_argument("--coder", type=int, default=0, help="also check against the full-parse coder on N LGL articles")
    args = ap.parse_args()
    eval_dir = need(Path(args.eval_dir))
    report = {"news": news(eval_dir), "acled_2020_dev": acled(eval_dir), "case_dev": case(eval_dir)}
    if args.coder:
        report["coder_lgl"] = coder(eval_dir, args.coder)
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
