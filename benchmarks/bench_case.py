"""Score event coding on the CASE 2021 task 2 development set (measurement only).

    python benchmarks/bench_case.py [EVAL_DIR] [--mode pipeline|whole|best|sentences] [--errors N]

The headline (`--mode pipeline`, the default) is what a user gets: every snippet goes through
`eventwire run` with default settings as one article, and its label is the sub-event type of its
most confident event, or NONE when nothing is coded (the shared scorecard's definition). The
other modes score the sentence classifier alone, which is one signal inside the coder, not the
coder: they are named as such and never quoted as the project's figure.

EVAL_DIR defaults to ../shared/eval/events (relative to the repository root) and must hold
`case2021-task2-dev.tsv` (columns id, EventSnippet, SubType). The file is never used for training
or for writing rules. CASE's 25 ACLED codes map to sub-event type names; its 5 non-ACLED codes
(ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO, ATTRIB) all mean "no event" (NONE).
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

from sklearn.metrics import f1_score

from eventwire.coding.classify import Classification, EventClassifier, split_sentences
from eventwire.coding.taxonomy import NONE_LABEL, SUB_EVENT_NAMES

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT / ".." / "shared" / "eval" / "events"
FILE = "case2021-task2-dev.tsv"

CASE_TO_ACLED: dict[str, str] = {
    "ARMED_CLASH": "Armed clash",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "CHEM_WEAP": "Chemical weapon",
    "AIR_STRIKE": "Air/drone strike",
    "SUIC_BOMB": "Suicide bomb",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "GRENADE": "Grenade",
    "SEX_VIOL": "Sexual violence",
    "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence",
    "AGREEMENT": "Agreement",
    "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
}
NON_ACLED = frozenset({"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"})


def read_case(path: Path) -> list[tuple[str, str, str]]:
    """(id, snippet, CASE code) rows; unknown codes are an error, not silently NONE."""
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            code = rec["SubType"].strip()
            if code not in CASE_TO_ACLED and code not in NON_ACLED:
                raise SystemExit(f"unknown CASE code {code!r} in {path}")
            rows.append((rec["id"], rec["EventSnippet"], code))
    return rows


def gold_label(code: str) -> str:
    return CASE_TO_ACLED.get(code, NONE_LABEL)


def predict(clf: EventClassifier, snippets: list[str], mode: str) -> list[str]:
    if mode == "whole":
        out = clf.classify(snippets)
    elif mode == "best":
        out = [_best(clf, s, with_whole=True) for s in snippets]
    else:
        out = [_best(clf, s, with_whole=False) for s in snippets]
    return [c.sub_event_type or NONE_LABEL for c in out]


def _best(clf: EventClassifier, text: str, with_whole: bool) -> Classification:
    """The most confident event among the snippet's sentences (and the whole snippet)."""
    units = split_sentences(text) or [text]
    if with_whole:
        units = [text] + (units if len(units) > 1 else [])
    decided = clf.classify(units)
    events = [d for d in decided if d.is_event]
    return max(events, key=lambda d: d.confidence) if events else decided[0]


def pipeline_labels(rows: list[tuple[str, str, str]]) -> list[str]:
    """The label `eventwire run` gives each snippet: its most confident event's sub-event type."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _pipeline import events_by_article, run_records

    by_art = events_by_article(run_records([{"id": f"case-{i}", "text": text} for i, text, _ in rows]))
    out = []
    for i, _, _ in rows:
        evs = by_art.get(f"case-{i}", [])
        out.append(max(evs, key=lambda e: float(e.get("confidence") or 0))["sub_event_type"] if evs else NONE_LABEL)
    return out


def report(rows: list[tuple[str, str, str]], pred: list[str], errors: int) -> None:
    gold = [gold_label(code) for _, _, code in rows]
    with_none = list(SUB_EVENT_NAMES) + [NONE_LABEL]
    print(f"snippets: {len(rows)}  (non-ACLED: {sum(c in NON_ACLED for _, _, c in rows)})")
    for avg in ("micro", "macro", "weighted"):
        a = f1_score(gold, pred, labels=with_none, average=avg, zero_division=0)
        b = f1_score(gold, pred, labels=list(SUB_EVENT_NAMES), average=avg, zero_division=0)
        print(f"{avg:>8} F1  26 labels incl. NONE: {a:.3f}   25 ACLED labels only: {b:.3f}")
    non = [p for (_, _, c), p in zip(rows, pred) if c in NON_ACLED]
    coded = sum(p != NONE_LABEL for p in non)
    print(f"non-ACLED snippets coded as events: {coded}/{len(non)} = {coded / max(len(non), 1):.1%}")
    missed = sum(g != NONE_LABEL and p == NONE_LABEL for g, p in zip(gold, pred))
    print(f"ACLED snippets coded as no event: {missed}/{sum(g != NONE_LABEL for g in gold)}")
    per_code: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for (_, _, code), g, p in zip(rows, gold, pred):
        per_code[code] += 1
        right[code] += g == p
    print("per CASE code (correct/total):")
    for code, n in sorted(per_code.items(), key=lambda kv: right[kv[0]] / kv[1]):
        print(f"  {code:<30} {right[code]:>3}/{n:<3}")
    if errors:
        confusions = Counter((g, p) for g, p in zip(gold, pred) if g != p)
        print("most common confusions (gold -> predicted):")
        for (g, p), n in confusions.most_common(errors):
            print(f"  {n:>3}  {g} -> {p}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("eval_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--mode", choices=("pipeline", "best", "whole", "sentences"), default="pipeline",
                    help="pipeline: eventwire run, default settings (the headline); classifier alone: whole (the "
                    "snippet as one text), best (whole snippet and each sentence), sentences (per sentence)")
    ap.add_argument("--errors", type=int, default=0, help="print the N most common confusions")
    ap.add_argument("--cache-dir", type=Path, default=None, help="classifier cache (default: train fresh)")
    ap.add_argument("--embeddings", action="store_true", help="add the optional MiniLM sentence-embedding model")
    args = ap.parse_args(argv)
    path = args.eval_dir / FILE
    if not path.exists():
        print(f"skipped: {path} not found (the CASE 2021 dev set is not shipped with eventwire)")
        return 0
    rows = read_case(path)
    if args.mode == "pipeline":
        report(rows, pipeline_labels(rows), args.errors)
        return 0
    t0 = time.perf_counter()
    clf = EventClassifier.load(args.cache_dir, embeddings=args.embeddings)
    t1 = time.perf_counter()
    pred = predict(clf, [s for _, s, _ in rows], args.mode)
    t2 = time.perf_counter()
    print(f"mode={args.mode}  embeddings={args.embeddings}  load {t1 - t0:.1f}s  classify {t2 - t1:.2f}s")
    report(rows, pred, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
