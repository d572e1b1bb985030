"""Nothing the team wrote is taken from the evaluation data: no training sentence, test fixture,
example article or lexicon entry shares a run of 10 or more words with any text under
../shared/eval/ (checked when that folder is present beside the checkout, skipped otherwise)."""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
RUN = 10
_WORD = re.compile(r"\w+")


def _eval_texts() -> Iterator[str]:
    for xml in EVAL.glob("geo/*.xml"):
        for art in ET.parse(xml).getroot().iter("article"):
            yield art.findtext("text") or ""
    for path in EVAL.glob("events/*.csv"):
        with path.open(encoding="utf-8", errors="replace") as fh:
            for row in csv.DictReader(fh):
                yield row.get("notes") or row.get("NOTES") or ""
    for path in EVAL.glob("events/*.tsv"):
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                yield row.get("EventSnippet") or ""
    for path in EVAL.rglob("*.json"):
        yield json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False)
    for path in EVAL.glob("seed/*.txt"):
        yield path.read_text(encoding="utf-8")


def _runs(text: str) -> set[int]:
    words = _WORD.findall(text.lower())
    return {hash(tuple(words[i : i + RUN])) for i in range(len(words) - RUN + 1)}


def _team_texts() -> Iterator[tuple[str, str]]:
    for path in sorted((ROOT / "src" / "eventwire" / "data").rglob("*")):
        if path.suffix == ".jsonl":
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
                if line.strip():
                    yield f"{path.name}:{n + 1}", json.loads(line).get("text", "")
        elif path.suffix in (".json", ".csv", ".md"):
            yield path.name, path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "tests").rglob("*")):
        if path.suffix in (".py", ".jsonl", ".json", ".txt", ".html") and path.name != Path(__file__).name:
            yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8", errors="replace")
    for path in sorted((ROOT / "examples").rglob("*")):
        if path.is_file():
            yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8", errors="replace")
    yield "coding/trainset.py", (ROOT / "src" / "eventwire" / "coding" / "trainset.py").read_text(encoding="utf-8")


@pytest.mark.skipif(not EVAL.is_dir(), reason="../shared/eval/ is not beside this checkout (the evaluation data is not shipped)")
def test_no_ten_word_run_from_the_evaluation_data() -> None:
    seen: set[int] = set()
    for text in _eval_texts():
        seen |= _runs(text)
    shared = [where for where, text in _team_texts() if _runs(text) & seen]
    assert not shared, f"texts sharing a {RUN}-word run with ../shared/eval/: {shared[:20]}"
