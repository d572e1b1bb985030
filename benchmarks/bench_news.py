"""Event coding on whole real news articles against article-level ACLED gold (measurement only).

    python benchmarks/bench_news.py [NEWS_DIR] [--show N]

NEWS_DIR defaults to ../shared/eval/news (gold for the LGL and GeoWebNews articles, whose texts
are read from ../shared/eval/geo/). Every article goes through `eventwire run` with default
settings. Figures (the same definitions as the shared scorecard): precision (coded events whose
event evidence overlaps a gold event of the same event type), recall of required gold events,
junk events per 100 articles whose gold has no event, coded events overlapping a gold non-event
sentence; and within-article merging: gold events reported by several sentences that come out
as one event (B-cubed style: share of such events whose supporting sentences all land in one
coded event).
"""

from __future__ import annotations

import argparse
import json
import xml.etree.ElementTree as ET
from pathlib import Path

from _pipeline import EVAL, events_by_article, need, overlaps, run_records

CORPORA = {"lgl": "lgl.xml", "gwn": "GWN.xml"}


def event_sentences(e: dict, aid: str) -> list[str]:
    return [x.get("text", "") for x in e.get("evidence") or [] if x.get("article_id") == aid and x.get("field") in (None, "event")]


def score(name: str, gold: list[dict], texts: dict[str, str], show: int) -> None:
    doc = run_records([{"id": f"{g['corpus']}-{g['docid']}", "text": texts[g["docid"]]} for g in gold])
    by_art = events_by_article(doc)
    coded = matched = req = found = neg_arts = junk = nonev = 0
    multi = multi_ok = 0
    shown: list[str] = []
    for g in gold:
        aid = f"{g['corpus']}-{g['docid']}"
        evs = by_art.get(aid, [])
        gevs = g.get("events", [])
        if not gevs:
            neg_arts += 1
            junk += len(evs)
        for e in evs:
            coded += 1
            sents = event_sentences(e, aid)
            hit = [ge for ge in gevs if any(overlaps(s, gs) for s in sents for gs in [ge["evidence"], *ge.get("also_supported_by", [])])]
            if any(ge["event_type"] == e.get("event_type") for ge in hit):
                matched += 1
            elif len(shown) < show:
                shown.append(f"  coded, not in gold: {aid} {e.get('sub_event_type')}: {(sents or [''])[0][:140]}")
            if any(overlaps(s, n) for s in sents for n in g.get("non_events", [])):
                nonev += 1
        for ge in gevs:
            golds = [ge["evidence"], *ge.get("also_supported_by", [])]
            if ge.get("required", True):
                req += 1
                hit = any(e.get("event_type") == ge["event_type"] and any(overlaps(s, gs) for s in event_sentences(e, aid) for gs in golds) for e in evs)
                found += hit
                if not hit and len(shown) < 2 * show:
                    shown.append(f"  missed: {aid} {ge['event_type']}: {ge['evidence'][:140]}")
            if len(golds) > 1:
                holders = [i for i, e in enumerate(evs) if any(overlaps(s, gs) for s in event_sentences(e, aid) for gs in golds)]
                covered = [gs for gs in golds if any(overlaps(s, gs) for e in evs for s in event_sentences(e, aid))]
                if covered:
                    multi += 1
                    multi_ok += len(set(holders)) == 1
    print("\n".join(shown))
    print(
        f"{name}: {len(gold)} articles, precision {matched / max(1, coded):.2f} ({matched}/{coded}), recall {found / max(1, req):.2f} ({found}/{req}), "
        f"junk {100 * junk / max(1, neg_arts):.1f} per 100 eventless articles, non-events coded {nonev}, "
        f"multi-sentence events kept whole {multi_ok}/{multi}"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("news_dir", nargs="?", default=str(EVAL / "news"))
    ap.add_argument("--show", type=int, default=0, help="print N coded events that match no gold event")
    a = ap.parse_args()
    news = need(Path(a.news_dir))
    for key, xml in CORPORA.items():
        gold = json.loads((news / f"{key}-acled-gold.json").read_text(encoding="utf-8"))
        root = ET.parse(need(news.parent / "geo" / xml)).getroot()
        texts = {art.get("docid") or str(i): art.findtext("text") or "" for i, art in enumerate(root.iter("article"))}
        score(key, gold, texts, a.show)


if __name__ == "__main__":
    main()
