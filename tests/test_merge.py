"""Merging reports of one event within an article, conservatively."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from eventwire.merge import cross_score, dates_compatible, merge_score, merge_within_article
from eventwire.records import Event, Evidence, Source, Span


def ev(start: int, location: str | None, date: dt.date | None, precision: int = 1, etype: str = "Battles", sub: str = "Armed clash", lat: float = 36.0, geo: int = 1, conf: float = 0.7, fatalities: int = 0) -> Event:
    return Event(
        id=f"e{start}", event_type=etype, sub_event_type=sub, plover="FIGHT", event_date=date, time_precision=precision,
        location=location, country="SY", admin1="Aleppo", latitude=lat if location else None, longitude=37.0 if location else None,
        geo_precision=geo if location else None, geonameid=hash(location) if location else None, fatalities=fatalities,
        notes=f"sentence {start}", confidence=conf,
        evidence=(Evidence("event", Span("a", start, start + 5, "xxxxx")),), sources=(Source("a"),),
    )


def never(a: Event, b: Event) -> bool:
    return False


def test_same_place_same_day_merges_with_all_evidence() -> None:
    merged = merge_within_article([ev(0, "Ramla", dt.date(2024, 1, 6)), ev(50, "Ramla", None), ev(90, "Ramla", None, fatalities=3)], never)
    assert len(merged) == 1
    assert [e.span.start for e in merged[0].evidence] == [0, 50, 90]
    assert merged[0].event_date == dt.date(2024, 1, 6) and merged[0].fatalities == 3


def test_two_towns_same_day_stay_apart() -> None:
    merged = merge_within_article([ev(0, "Ramla", dt.date(2024, 1, 6)), ev(50, "Kafr Saghir", dt.date(2024, 1, 6))], never)
    assert len(merged) == 2


def test_different_event_types_stay_apart() -> None:
    merged = merge_within_article([ev(0, "Ramla", dt.date(2024, 1, 6)), ev(50, "Ramla", dt.date(2024, 1, 6), etype="Protests", sub="Peaceful protest")], never)
    assert len(merged) == 2


def test_undated_sentence_joins_the_dated_event_at_its_place_not_the_first() -> None:
    city_last_month = ev(0, "Halab", dt.date(2024, 7, 1), precision=3, geo=1)
    undated_district = ev(40, "Ramla", None, geo=2)
    district_saturday = ev(80, "Ramla", dt.date(2024, 8, 3))
    contains = lambda outer, inner: outer.location == "Halab" and inner.location == "Ramla"
    merged = merge_within_article([city_last_month, undated_district, district_saturday], contains)
    assert len(merged) == 2
    district = next(e for e in merged if e.location == "Ramla")
    assert [e.span.start for e in district.evidence] == [40, 80]


def test_month_and_day_compatibility() -> None:
    assert dates_compatible(ev(0, "x", dt.date(2024, 7, 1), precision=3), ev(1, "x", dt.date(2024, 7, 20)))
    assert not dates_compatible(ev(0, "x", dt.date(2024, 7, 1), precision=3), ev(1, "x", dt.date(2024, 8, 6)))


@given(st.sampled_from(["A", "B", None]), st.sampled_from(["A", "B", None]), st.integers(0, 3), st.integers(0, 3))
def test_merge_score_is_symmetric(p1: str | None, p2: str | None, d1: int, d2: int) -> None:
    base = dt.date(2024, 1, 1)
    a = ev(0, p1, base + dt.timedelta(days=d1) if d1 else None)
    b = ev(9, p2, base + dt.timedelta(days=d2) if d2 else None)
    assert merge_score(a, b, never) == merge_score(b, a, never)


def test_undated_sentence_is_recent_not_last_month() -> None:
    published = dt.date(2024, 8, 7)
    last_month = ev(0, "Halab", dt.date(2024, 7, 1), precision=3)
    undated = ev(40, "Halab", None)
    merged = merge_within_article([last_month, undated], never, published)
    assert len(merged) == 2
    this_week = ev(80, "Halab", dt.date(2024, 8, 5))
    assert len(merge_within_article([this_week, undated], never, published)) == 1


def _dated(e: Event, text: str) -> Event:
    return replace(e, notes=f"{text}, forces fired mortars at positions near the town.", evidence=(*e.evidence, Evidence("event_date", Span("a", 0, len(text), text))))


def test_reports_that_each_state_their_day_are_two_events() -> None:
    """Daily front-line reports name each day in full; a day apart they are two events, while a
    re-report that says "yesterday" (no written date) may still be the same one."""
    monday = _dated(ev(0, "Ramla", dt.date(2024, 1, 6)), "On 6 January 2024")
    tuesday = _dated(ev(0, "Ramla", dt.date(2024, 1, 7)), "On 7 January 2024")
    assert cross_score(tuesday, monday)[0] == 0.0
    stored = replace(monday, evidence=())  # as read back from the events table: notes only
    assert cross_score(tuesday, stored)[0] == 0.0
    rereport = replace(ev(0, "Ramla", dt.date(2024, 1, 7)), notes=monday.notes)
    assert cross_score(rereport, monday)[0] > 0.0
