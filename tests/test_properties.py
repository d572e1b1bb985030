"""Property tests on the pure functions and on storage round-trips of every record type."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.geo.gazetteer import haversine_km
from eventwire.ingest.text import split_blocks
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
    Source,
    Span,
    Speaker,
)
from eventwire.serialize import event_from_payload, event_payload
from eventwire.store import Store
from eventwire.store.query import iter_places, iter_quotes

lines = st.lists(st.one_of(st.text(min_size=0, max_size=60).filter(lambda t: "\n" not in t and "\r" not in t), st.sampled_from(["Share", "Advertisement", "Read more", "", "   "])), max_size=15)


@given(lines)
def test_blocks_map_back_to_the_text(parts: list[str]) -> None:
    text = "\n".join(parts)
    blocks = split_blocks(text)
    ends = [0]
    for b in blocks:
        assert 0 <= b.start < b.end <= len(text)
        assert b.start >= ends[-1]  # ordered, never overlapping
        ends.append(b.end)
        assert text[b.start : b.end] == text[b.start : b.end].strip()
    # every non-blank line lies inside one block (hard-wrapped lines may share a paragraph)
    pos = 0
    for p in parts:
        if p.strip():
            start = pos + len(p) - len(p.lstrip())
            end = start + len(p.strip())
            assert any(b.start <= start and end <= b.end for b in blocks), p
        pos += len(p) + 1


coords = st.tuples(st.floats(-90, 90), st.floats(-180, 180))


@given(coords, coords, coords)
def test_haversine_is_a_metric(a: tuple[float, float], b: tuple[float, float], c: tuple[float, float]) -> None:
    ab, ba = haversine_km(*a, *b), haversine_km(*b, *a)
    assert abs(ab - ba) < 1e-6 and haversine_km(*a, *a) < 1e-6
    assert 0 <= ab <= 20_016
    assert haversine_km(*a, *c) <= ab + haversine_km(*b, *c) + 1e-6


names = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)
days = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2050, 12, 31))


@st.composite
def events(draw: st.DrawFn) -> Event:
    text = draw(names)
    span = Span("a", 0, len(text), text)
    return Event(
        id=draw(st.text(alphabet="abcdef0123456789", min_size=4, max_size=16)),
        event_type=draw(names), sub_event_type=draw(names), plover=draw(names),
        event_date=draw(st.none() | days), time_precision=draw(st.sampled_from([1, 2, 3])),
        actor1=draw(st.none() | names), inter1=draw(st.none() | st.integers(1, 8)),
        latitude=draw(st.none() | st.floats(-90, 90)), fatalities=draw(st.integers(0, 10**6)),
        notes=text, confidence=draw(st.floats(0, 1)),
        evidence=(Evidence("event", span),), sources=(Source("a", draw(st.none() | names), None, draw(st.none() | names)),),
    )


@given(events())
def test_event_payload_round_trip(event: Event) -> None:
    assert event_from_payload(event_payload(event)) == event


@settings(max_examples=25, deadline=None)
@given(names, names, st.floats(-90, 90), st.floats(-180, 180), st.none() | names, st.lists(st.integers(0, 10**9), max_size=4), st.booleans())
def test_mentions_and_quotes_round_trip(text: str, name: str, lat: float, lon: float, role: str | None, figures: list[int], resolved: bool) -> None:
    full = text + " " + name
    article = Article("r", full, (Block(BlockKind.BODY, 0, len(full)),))
    place_span = Span("r", 0, len(text), text)
    quote_span = Span("r", len(text) + 1, len(full), name)
    result = ArticleResult(
        article,
        places=(PlaceMention(place_span, Place(name, "city", lat, lon, "SY", "Halab", None, 7, 9), 0.5),),
        actors=(ActorMention(place_span, Actor(name, 2, "SY", "lin", False)),),
        quotes=(Quote(quote_span, "direct", Speaker(name, role, None, resolved), None, "say", tuple(figures)),),
    )
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "p.db"))
        store.save_batch([result])
        (place,) = list(iter_places(store))
        assert (place["text"], place["name"], place["latitude"], place["longitude"]) == (text, name, lat, lon)
        (quote,) = list(iter_quotes(store))
        assert quote["text"] == name and quote["figures"] == figures
        assert quote["speaker"] == {"name": name, "role": role, "affiliation": None, "resolved": resolved}
        store.close()
