"""Score eventwire on the seed article against its gold coding (../shared/eval/seed/).

Usage: python benchmarks/bench_seed.py [EVAL_DIR]   (default ../shared/eval)

Runs the public CLI (`eventwire run ... --format json`) on the raw scraped article with its
publication date, then checks the acceptance figures: required events found with the right type,
place within tolerance and date; forbidden fatalities and years; boilerplate in evidence; the
caption's spelling resolving to the same place; quotes with the right speakers.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import sys
import tempfile
from pathlib import Path
from typing import Any

from eventwire.cli import main as cli


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def overlaps(evidence: list[dict[str, Any]], text: str, sentence: str) -> bool:
    start = text.find(sentence[:60])
    if start < 0:
        return False
    end = start + len(sentence)
    return any(e["start"] < end and start < e["end"] for e in evidence if e.get("field") == "event")


def run_pipeline(article: Path, published: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            cli(["run", str(article), "--published", published, "--db", str(Path(tmp) / "seed.db"), "--format", "json", "--no-progress"])
        return json.loads(out.getvalue())


def score(eval_dir: Path) -> dict[str, Any]:
    seed = eval_dir / "seed"
    gold = json.loads((seed / "gold.json").read_text())
    doc = run_pipeline(seed / gold["document"]["file"], gold["document"]["published"])
    (article,) = doc["articles"]
    text, events = article["text"], doc["events"]
    figures: dict[str, Any] = {"events_found": len(events)}
    matched_ids = set()
    for g in gold["events"]:
        hits = [e for e in events if overlaps(e["evidence"], text, g["evidence"]) and e["event_type"] == g["event_type"]]
        ok_place = ok_date = False
        if hits:
            e = hits[0]
            matched_ids.add(e["id"])
            loc = g["location"]
            if e.get("latitude") is not None:
                ok_place = km(e["latitude"], e["longitude"], loc["lat"], loc["lon"]) <= loc["tolerance_km"]
            if "date" in g:
                ok_date = (e["event_date"] or "").startswith(g["date"]) and e["time_precision"] == g["time_precision"]
            else:
                ok_date = True
        figures[g["id"]] = {"required": g["required"], "found": bool(hits), "place_ok": ok_place, "date_ok": ok_date,
                            "coded": [(e["sub_event_type"], e["location"], e["event_date"], e["actor1"], e["actor2"]) for e in hits]}
    figures["required_events_right"] = sum(1 for g in gold["events"] if g["required"] and figures[g["id"]]["found"] and figures[g["id"]]["place_ok"] and figures[g["id"]]["date_ok"])
    figures["required_events"] = sum(1 for g in gold["events"] if g["required"])
    # Events that match no gold event at all (the gold lists all events the article reports).
    figures["unmatched_events"] = [e["notes"][:80] for e in events if e["id"] not in matched_ids and not any(overlaps(e["evidence"], text, g["evidence"]) for g in gold["events"])]
    figures["forbidden_fatalities"] = [e["fatalities"] for e in events if e["fatalities"] in gold["forbidden_fatalities"]]
    figures["forbidden_years"] = [e["event_date"] for e in events if e["event_date"] and int(e["event_date"][:4]) in gold["forbidden_event_years"]]
    figures["boilerplate_in_evidence"] = [ev["text"] for e in events for ev in e["evidence"] if any(b in ev["text"] for b in gold["boilerplate"])]
    places = {p["text"]: p for p in doc["places"]}
    place_ok = {}
    for gp in gold["places"]:
        p = places.get(gp["mention"])
        place_ok[gp["mention"]] = bool(p and p["latitude"] is not None and km(p["latitude"], p["longitude"], gp["lat"], gp["lon"]) <= gp["tolerance_km"])
    figures["places_within_tolerance"] = place_ok
    a, b = places.get("Ramouseh"), places.get("Ramussa")
    figures["ramussa_same_place_as_ramouseh"] = bool(a and b and (a["name"], a["latitude"]) == (b["name"], b["latitude"]))
    found_quotes = 0
    for gq in gold["quotes"]:
        want = {s.lower() if s else None for s in gq["speaker_any"]}
        for q in doc["quotes"]:
            if gq["text"][:40].lower() in q["text"].lower() or q["text"][:40].lower() in gq["text"].lower():
                sp = q["speaker"]
                name = None if sp is None or not sp.get("resolved", True) else sp["name"]
                if (name.lower() if name else None) in want or (sp and sp["name"] and sp["name"].lower() in want and None in want):
                    found_quotes += 1
                    break
    figures["quotes_right"] = f"{found_quotes}/{len(gold['quotes'])}"
    return figures


def main(argv: list[str]) -> int:
    eval_dir = Path(argv[1] if len(argv) > 1 else "../shared/eval")
    if not (eval_dir / "seed" / "gold.json").exists():
        print(f"skipped: no seed gold at {eval_dir / 'seed'} (the evaluation data is not on this machine)")
        return 0
    print(json.dumps(score(eval_dir), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
