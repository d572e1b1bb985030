"""Event coding on team-written news text (tests/data/coding_cases.jsonl): articles that report
nothing in ACLED's scope (cooking, obituaries, sport, ordinary crime, accidents, plans, threats,
negations, questions, court news, verbal protests, metaphors, weapons in a museum) yield no event;
articles that report one yield it with the type, actors' inter codes, place, date and toll the
text gives. Everything runs through `pipeline.process`, the path `eventwire run` takes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eventwire.ingest import read_records
from eventwire.pipeline import process
from eventwire.records import Article, ArticleResult
from eventwire.resources import Resources
from eventwire.settings import Settings

pytestmark = pytest.mark.slow
CASES = [json.loads(line) for line in (Path(__file__).parent / "data" / "coding_cases.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def results() -> dict[str, ArticleResult]:
    settings = Settings.from_env()
    records = [{k: v for k, v in c.items() if k in ("id", "text", "published")} for c in CASES]
    articles = [a for a in read_records(records, "cases", settings) if isinstance(a, Article)]
    assert len(articles) == len(CASES)
    out = {r.article.id: r for r in process(articles, Resources(settings)) if isinstance(r, ArticleResult)}
    assert len(out) == len(CASES)
    return out


@pytest.mark.parametrize("case", [c for c in CASES if not c["events"]], ids=lambda c: c["id"])
def test_reports_nothing(case: dict, results: dict[str, ArticleResult]) -> None:  # type: ignore[type-arg]
    events = results[case["id"]].events
    assert events == (), [(e.sub_event_type, e.notes) for e in events]


@pytest.mark.parametrize("case", [c for c in CASES if c["events"]], ids=lambda c: c["id"])
def test_reports_the_event(case: dict, results: dict[str, ArticleResult]) -> None:  # type: ignore[type-arg]
    events = results[case["id"]].events
    assert len(events) == len(case["events"]), [(e.sub_event_type, e.notes) for e in events]
    for want, got in zip(case["events"], events):
        seen = (got.event_type, got.sub_event_type, got.inter1, got.inter2, got.location, got.fatalities, got.event_date)
        if "event_type" in want:
            assert got.event_type == want["event_type"], seen
        if "sub_event_type" in want:
            assert got.sub_event_type == want["sub_event_type"], seen
        if "inters" in want:
            assert sorted(i for i in (got.inter1, got.inter2) if i) == sorted(want["inters"]), seen
        if "location" in want:
            assert got.location == want["location"], seen
        if "actor1" in want:
            assert got.actor1 == want["actor1"], seen
        if "fatalities" in want:
            assert got.fatalities == want["fatalities"], seen
        if "event_date" in want:
            assert got.event_date == dt.date.fromisoformat(want["event_date"]), seen
        labels = {e.field for e in got.evidence}
        assert "event" in labels
        for field, value in (("actor1", got.actor1), ("actor2", got.actor2)):
            spans = [e.span.text for e in got.evidence if e.field == field]
            assert len(spans) <= 1 and (not spans or value is not None), (field, spans, value)
