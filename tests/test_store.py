"""Store: idempotent, atomic batches; events round-trip with evidence and sources; bound filters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.records import (
    Actor,
    ActorMention,
    Article,
    ArticleResult,
    Block,
    BlockKind,
    Event,
    Evidence,
    Place,
    PlaceMention,
    Quote,
    Reject,
    Source,
    Span,
    Speaker,
)
from eventwire.store import Store
from eventwire.store.query import (
    EventFilter,
    count_events,
    get_event,
    iter_quotes,
    iter_rejects,
    list_events,
)

TEXT = "Rebels shelled the town of Qarqur on Monday. Two people were killed, medics said."


def make_result(article_id: str = "art-1", text: str = TEXT, event_date: dt.date = dt.date(2024, 3, 4)) -> ArticleResult:
    article = Article(article_id, text, (Block(BlockKind.BODY, 0, len(text)),), "https://example.org/x", "example.org", dt.date(2024, 3, 5), None, "en", "test")
    sent = Span(article_id, 0, 44, text[:44])
    town = Span(article_id, 27, 33, text[27:33])
    place = Place("Qarqur", "city", 35.8, 36.3, "SY", "Hama", None, 123, 5000)
    ev = Event(
        id=f"ev-{article_id}", event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
        plover="FIGHT", event_date=event_date, time_precision=1, actor1="Rebels (Syria)", inter1=2, interaction=20,
        country="SY", admin1="Hama", location="Qarqur", latitude=35.8, longitude=36.3, geo_precision=1, geonameid=123,
        fatalities=2, notes=sent.text, confidence=0.8,
        evidence=(Evidence("event", sent), Evidence("location", town)),
        sources=(Source(article_id, article.url, article.source),),
    )
    quote = Quote(Span(article_id, 45, 73, text[45:73]), "indirect", Speaker("medics"), None, "say", (2,))
    return ArticleResult(article, (ev,), (PlaceMention(town, place, 0.9),), (ActorMention(Span(article_id, 0, 6, "Rebels"), Actor("Rebels (Syria)", 2, "SY")),), (quote,))


def test_save_is_idempotent(db_url: str) -> None:
    store = Store(db_url)
    store.save_batch([make_result()], [Reject("bad.html", 0, "binary", "binary file")])
    store.save_batch([make_result()], [Reject("bad.html", 0, "binary", "binary file")])
    counts = store.counts()
    assert counts == {"articles": 1, "events": 1, "place_mentions": 1, "quotes": 1, "rejects": 1}
    assert store.stored_ids(["art-1", "nope"]) == {"art-1"}


def test_event_round_trip_with_evidence(db_url: str) -> None:
    store = Store(db_url)
    store.save_batch([make_result()])
    ev = get_event(store, "ev-art-1")
    assert ev is not None
    assert ev["sub_event_type"] == "Shelling/artillery/missile attack" and ev["fatalities"] == 2
    assert {(e["field"], e["text"]) for e in ev["evidence"]} == {("event", TEXT[:44]), ("location", "Qarqur")}
    assert ev["sources"] == [{"article_id": "art-1", "url": "https://example.org/x", "source": "example.org", "speaker": None}]
    (q,) = list(iter_quotes(store))
    assert q["speaker"]["name"] == "medics" and q["figures"] == [2]
    assert [r["reason"] for r in iter_rejects(store)] == []


def test_failed_batch_writes_nothing(db_url: str) -> None:
    store = Store(db_url)
    good = make_result("a-good")
    broken = make_result("a-broken")
    # An evidence span pointing at an article that is not in the batch violates a foreign key.
    bad_event = broken.events[0]
    from dataclasses import replace

    broken = replace(broken, events=(replace(bad_event, evidence=(Evidence("event", Span("missing-article", 0, 1, "x")),)),))
    try:
        store.save_batch([good, broken])
    except Exception:  # noqa: BLE001 - any database error is fine; the point is the rollback
        pass
    assert store.counts()["articles"] == 0


def test_filters_are_bound_not_pasted(db_url: str) -> None:
    store = Store(db_url)
    store.save_batch([make_result()])
    assert count_events(store, EventFilter(actor="' OR 1=1 --")) == 0
    assert count_events(store, EventFilter(q='shelled" OR "x')) == 0
    assert count_events(store, EventFilter(q="shelled Qarqur")) == 1
    assert count_events(store, EventFilter(country="sy", start=dt.date(2024, 3, 1), end=dt.date(2024, 3, 31))) == 1
    assert count_events(store, EventFilter(bbox=(0.0, 0.0, 10.0, 10.0))) == 0
    assert store.counts()["events"] == 1


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(min_size=50, max_size=200).filter(lambda t: t.strip()),
    day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 1, 1)),
)
def test_round_trip_property(tmp_path: Path, text: str, day: dt.date) -> None:
    db = tmp_path / f"p{abs(hash((text, day)))}.sqlite"
    store = Store(str(db))
    article = Article("p", text, (Block(BlockKind.BODY, 0, len(text)),), published=day)
    span = Span("p", 0, 10, text[:10])
    ev = Event("e", "Battles", "Armed clash", "FIGHT", event_date=day, notes=text, evidence=(Evidence("event", span),), sources=(Source("p"),))
    store.save_batch([ArticleResult(article, (ev,))])
    (row,) = list_events(store, EventFilter())
    assert row["event_date"] == day and row["notes"] == text and row["evidence"][0]["text"] == text[:10]
    store.close()


def _report(article_id: str, location: str, lat: float, day: dt.date, fatalities: int = 0, sub: str = "Air/drone strike", notes: str = "Warplanes struck the market in the town killing people") -> ArticleResult:
    text = notes + "."
    article = Article(article_id, text, (Block(BlockKind.BODY, 0, len(text)),), f"https://{article_id}.example/x", f"{article_id}.example", day)
    ev = Event(
        id=f"ev-{article_id}", event_type="Explosions/Remote violence", sub_event_type=sub, plover="FIGHT",
        event_date=day, time_precision=1, actor1="Military Forces of Russia", inter1=8, country="SY", admin1="Idlib",
        location=location, latitude=lat, longitude=36.6, geo_precision=1, geonameid=int(lat * 1000), fatalities=fatalities,
        notes=notes, confidence=0.8, evidence=(Evidence("event", Span(article_id, 0, len(notes), notes)),),
        sources=(Source(article_id, article.url, article.source),),
    )
    return ArticleResult(article, (ev,))


def test_reports_from_several_articles_merge_and_unmerge(db_url: str) -> None:
    store = Store(db_url)
    day = dt.date(2024, 3, 1)
    store.save_batch([_report("a1", "Sarmin", 35.9, day, fatalities=9)])
    store.save_batch([_report("a2", "Sarmin", 35.9, day, fatalities=7)])
    store.save_batch([_report("a3", "Binnish", 36.0, day, fatalities=3)])  # 11 km away: another town
    events = list_events(store, EventFilter())
    assert len(events) == 2
    sarmin = next(e for e in events if e["location"] == "Sarmin")
    assert {s["article_id"] for s in sarmin["sources"]} == {"a1", "a2"}
    assert sarmin["fatalities"] == 7  # the lowest report, never the sum
    info = store.explain(sarmin["id"])
    assert info["merges"][0]["action"] == "merged" and "same place" in info["merges"][0]["reason"]
    store.unmerge(sarmin["id"], "a2")
    assert count_events(store, EventFilter()) == 3
    restored = get_event(store, sarmin["id"])
    assert restored is not None and restored["fatalities"] == 9 and [s["article_id"] for s in restored["sources"]] == ["a1"]


def test_near_duplicate_article_becomes_a_source(db_url: str) -> None:
    from eventwire.dedup import sketch, to_bytes

    store = Store(db_url)
    original = make_result("orig")
    text = original.article.text
    store.save_batch([original], sketches={"orig": to_bytes(sketch(text))})
    copy_text = text + " The agency added no details."
    assert store.find_duplicate(sketch(copy_text)) is not None
    assert store.find_duplicate(sketch("Protesters marched in the capital against price rises on Friday.")) is None
    copy = Article("copy", copy_text, (Block(BlockKind.BODY, 0, len(copy_text)),), "https://other.example/y", "other.example")
    store.save_batch([ArticleResult(copy, duplicate_of="orig")], sketches={"copy": to_bytes(sketch(copy_text))})
    (ev,) = list_events(store, EventFilter())
    assert {s["article_id"] for s in ev["sources"]} == {"orig", "copy"}


def _with_actor(article_id: str, actor: str, day: dt.date) -> ArticleResult:
    import dataclasses

    r = make_result(article_id, event_date=day)
    return dataclasses.replace(r, events=tuple(dataclasses.replace(e, actor1=actor) for e in r.events))


def test_actor_filter_is_a_case_blind_substring_and_sees_new_writes(db_url: str) -> None:
    store = Store(db_url)
    store.save_batch([_with_actor("a1", "Police Forces of Iraq (2014-)", dt.date(2021, 1, 4))], [])
    assert {e["id"] for e in list_events(store, EventFilter(actor="police forces"))} == {"ev-a1"}
    assert list_events(store, EventFilter(actor="Kenya")) == []
    store.save_batch([_with_actor("a2", "Police Forces of Kenya (2022-)", dt.date(2023, 6, 9))], [])
    assert {e["id"] for e in list_events(store, EventFilter(actor="POLICE"))} == {"ev-a1", "ev-a2"}
    assert {e["id"] for e in list_events(store, EventFilter(actor="kenya (2022"))} == {"ev-a2"}
    assert count_events(store, EventFilter(actor="%")) == 0  # a literal character, not a wildcard


def test_an_older_database_gains_new_indexes(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "old.db"
    Store(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as conn:
        conn.execute("DROP INDEX ix_events_actor1")
    Store(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "ix_events_actor1" in names


def test_full_text_pages_are_the_same_whichever_plan(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from eventwire.store import query

    store = Store(f"sqlite:///{tmp_path / 'fts.db'}")
    days = [dt.date(2020, 1, 1) + dt.timedelta(days=40 * i) for i in range(6)]
    store.save_batch([_with_actor(f"f{i}", f"Group {i}", d) for i, d in enumerate(days)], [])
    f = EventFilter(q="Qarqur shelled")
    lookup = [e["id"] for e in list_events(store, f, limit=4)]
    monkeypatch.setattr(query, "FTS_WALK_HITS", 0)  # every search walks the date index
    walked = [e["id"] for e in list_events(store, f, limit=4)]
    assert lookup == walked == [f"ev-f{i}" for i in (5, 4, 3, 2)]
    # A search alone is counted in the full-text index; with another filter, through the events.
    assert count_events(store, f) == count_events(store, EventFilter(q=f.q, min_confidence=0.0)) == 6
    assert count_events(store, EventFilter(q="nowhere-word")) == 0
