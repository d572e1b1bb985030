"""Run eventwire the way a user does (`eventwire run ... --format json`, default settings) and
return its JSON document; shared by the benchmarks so each headline figure is the user's path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / ".." / "shared" / "eval"


def cli() -> list[str]:
    local = ROOT / ".venv" / "bin" / "eventwire"
    return [str(local)] if local.exists() else [sys.executable, "-m", "eventwire"]


def run_records(records: list[dict], extra: list[str] | None = None, timeout: int = 7200) -> dict:
    """Code `records` (JSONL article records) into a fresh database; the JSON document."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        cmd = cli() + ["run", str(src), "--format", "json", "--db", str(Path(tmp) / "ew.db"), *(extra or [])]
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env={**os.environ, "HF_HUB_OFFLINE": "1"})
        if p.returncode not in (0, 3) or not p.stdout.strip():
            raise SystemExit(f"eventwire run exited {p.returncode}: {p.stderr.strip()[-500:]}")
        return json.loads(p.stdout)


def events_by_article(doc: dict) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for e in doc.get("events", []):
        ids = {s.get("article_id") for s in e.get("sources") or []} | {x.get("article_id") for x in e.get("evidence") or []}
        for a in ids:
            out.setdefault(a, []).append(e)
    return out


def need(path: Path) -> Path:
    if not path.exists():
        print(f"skipped: {path} is not here (the evaluation data lives in ../shared/eval/ beside the checkout)")
        raise SystemExit(0)
    return path


def overlaps(a: str, b: str) -> bool:
    """Two sentences share a run of five words (or the shorter is inside the longer)."""
    wa, wb = a.lower().split(), b.lower().split()
    if not wa or not wb:
        return False
    short, long_ = sorted((" ".join(wa), " ".join(wb)), key=len)
    if len(short.split()) < 5:
        return short in long_
    grams = {tuple(wa[i : i + 5]) for i in range(max(1, len(wa) - 4))}
    return any(tuple(wb[i : i + 5]) in grams for i in range(max(1, len(wb) - 4)))
