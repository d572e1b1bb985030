"""End to end through the public CLI on the team's example articles: the JSON contract, offsets,
idempotent re-runs, and the same story from several outlets becoming one event."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.cli import main

pytestmark = pytest.mark.slow
EXAMPLES = Path(__file__).parents[1] / "examples" / "articles"


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:  # type: ignore[type-arg]
    code = main(["run", *args, "--format", "json", "--no-progress"])
    assert code == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def example_doc(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:  # type: ignore[type-arg]
    import contextlib
    import io

    db = tmp_path_factory.mktemp("ex") / "ex.db"
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert main(["run", str(EXAMPLES), "--published", "2024-03-10", "--db", str(db), "--format", "json", "--no-progress"]) == 0
    return json.loads(out.getvalue()), db


def test_document_shape_and_offsets(example_doc: tuple[dict, Path]) -> None:  # type: ignore[type-arg]
    doc, _ = example_doc
    assert set(doc) == {"articles", "events", "places", "quotes", "rejects"}
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    assert len(texts) == 7
    spans = [ev for e in doc["events"] for ev in e["evidence"]] + doc["places"] + doc["quotes"]
    assert spans
    for s in spans:
        assert texts[s["article_id"]][s["start"] : s["end"]] == s["text"]
    for e in doc["events"]:
        assert e["event_type"] and e["sub_event_type"] and e["plover"] and 0 <= e["confidence"] <= 1
        assert e["sources"] and all(s["article_id"] in texts for s in e["sources"])
        assert not any(b in ev["text"] for ev in e["evidence"] for b in ("Share", "Advertisement", "Read more"))


def test_examples_are_coded_sensibly(example_doc: tuple[dict, Path]) -> None:  # type: ignore[type-arg]
    doc, _ = example_doc
    by_type = {(e["event_type"], e["location"]) for e in doc["events"]}
    assert ("Protests", "Nairobi") in by_type
    assert any(t == "Explosions/Remote violence" and loc == "Mosul" for t, loc in by_type)
    mosul = next(e for e in doc["events"] if e["location"] == "Mosul" and e["event_type"] == "Explosions/Remote violence")
    assert mosul["fatalities"] == 2 and mosul["event_date"] == "2024-03-05"
    assert all(e["fatalities"] != 20000 for e in doc["events"])  # the province-wide toll
    assert not any("talks" in e["notes"] and "resume" in e["notes"] for e in doc["events"])  # a forecast
    html = next(a for a in doc["articles"] if a["origin"].endswith(".html"))
    captions = [html["text"][b["start"] : b["end"]] for b in html["blocks"] if b["kind"] == "caption"]
    assert captions == ["Firefighters put out a blaze in a damaged apartment block in Kherson"]


def test_rerun_adds_nothing(example_doc: tuple[dict, Path], capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[type-arg]
    doc, db = example_doc
    again = run_json(capsys, str(EXAMPLES), "--published", "2024-03-10", "--db", str(db))
    assert sorted(e["id"] for e in again["events"]) == sorted(e["id"] for e in doc["events"])


def test_same_story_from_three_outlets_is_one_event_with_three_sources(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (EXAMPLES / "mosul-ied.txt").read_text()
    lines = [json.dumps({"id": f"copy-{i}", "text": text, "published": "2024-03-06", "source": f"outlet{i}.example", "url": f"https://outlet{i}.example/story"}) for i in range(3)]
    corpus = tmp_path / "copies.jsonl"
    corpus.write_text("\n".join(lines) + "\n")
    doc = run_json(capsys, str(corpus), "--db", str(tmp_path / "c.db"))
    assert doc["events"]
    for e in doc["events"]:
        assert sorted(s["source"] for s in e["sources"]) == ["outlet0.example", "outlet1.example", "outlet2.example"]
