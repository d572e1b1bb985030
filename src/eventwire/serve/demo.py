"""A small hand-made database for trying the dashboard and testing the API without spaCy.

    python -m eventwire.serve.demo demo.db [--hostile]

The records are built by hand (every span found in its article's text, so offsets hold) and
written with `Store.save_batch`, the same path a real run takes. `--hostile` adds an article whose
headline, text and URL carry markup and a `javascript:` link, to show they stay text.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence

from ..records import (
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
from ..store import Store

HOSTILE_TITLE = 'Clash <script>window.__pwned=1</script> near <img src=x onerror="window.__pwned=1"> Goma'
HOSTILE_URL = "javascript:window.__pwned=1"


def span(article: Article, needle: str, nth: int = 0) -> Span:
    """The span of the nth occurrence of `needle` in the article text (a test bug if absent)."""
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(needle, start + 1)
    return Span(article.id, start, start + len(needle), needle)


def make_article(aid: str, title: str, body: str, url: str | None, source: str, published: dt.date) -> Article:
    text = title + "\n\n" + body
    blocks = (Block(BlockKind.TITLE, 0, len(title)), Block(BlockKind.BODY, len(title) + 2, len(text)))
    return Article(aid, text, blocks, url=url, source=source, published=published, title=title, language="en", origin="demo")


def _event(
    article: Article, eid: str, etype: str, sub: str, plover: str, day: dt.date, place: Place,
    fields: dict[str, str], actor1: str | None, actor2: str | None = None, fatalities: int = 0,
    confidence: float = 0.8,
) -> Event:
    evidence = tuple(Evidence(name, span(article, needle)) for name, needle in fields.items())
    return Event(
        id=eid, event_type=etype, sub_event_type=sub, plover=plover, event_date=day, time_precision=1,
        actor1=actor1, actor2=actor2, inter1=1 if actor1 else None, inter2=2 if actor2 else None,
        country=place.country, admin1=place.admin1, location=place.name,
        latitude=place.latitude, longitude=place.longitude, geo_precision=1, geonameid=place.geonameid,
        fatalities=fatalities, notes=fields.get("event", ""), confidence=confidence,
        evidence=evidence, sources=(Source(article.id, article.url, article.source),),
    )


def demo_results(hostile: bool = False) -> list[ArticleResult]:
    idlib = Place("Idlib", "city", 35.93, 36.63, "SY", "Idlib", geonameid=169387)
    kherson = Place("Kherson", "city", 46.64, 32.61, "UA", "Kherson", geonameid=706448)
    nairobi = Place("Nairobi", "city", -1.29, 36.82, "KE", "Nairobi", geonameid=184745)
    mosul = Place("Mosul", "city", 36.34, 43.13, "IQ", "Nineveh", geonameid=99072)
    goma = Place("Goma", "city", -1.68, 29.23, "CD", "North Kivu", geonameid=216281)
    out: list[ArticleResult] = []

    a = make_article(
        "a-idlib", "Air strikes hit Idlib market",
        "Syrian government aircraft struck a market in Idlib on Tuesday, killing 12 civilians. "
        "\"The planes came twice,\" said Ahmad Khalil, a local rescue worker. "
        "Residents said the strike destroyed dozens of shops.",
        "https://news.example.org/idlib-strike", "news.example.org", dt.date(2024, 3, 5),
    )
    e1 = _event(a, "ev-idlib-1", "Explosions/Remote violence", "Air/drone strike", "AERIAL", dt.date(2024, 3, 5), idlib,
                {"event": "Syrian government aircraft struck a market in Idlib on Tuesday, killing 12 civilians.",
                 "actor1": "Syrian government aircraft", "location": "Idlib", "event_date": "Tuesday", "fatalities": "killing 12 civilians"},
                "Military Forces of Syria", "Civilians (Syria)", fatalities=12, confidence=0.91)
    q1 = Quote(span(a, "The planes came twice,"), "direct", Speaker("Ahmad Khalil", "local rescue worker"), span(a, "Ahmad Khalil"), "said")
    out.append(ArticleResult(
        a, events=(e1,), places=(PlaceMention(span(a, "Idlib", 1), idlib),), quotes=(q1,),
        actors=(ActorMention(span(a, "Syrian government aircraft"), Actor("Military Forces of Syria", 1, "SY")),),
    ))

    b = make_article(
        "a-kherson", "Shelling in Kherson kills two",
        "Russian forces shelled residential areas of Kherson on Monday, killing two people. "
        "On Wednesday Ukrainian troops clashed with Russian forces near the city.",
        "https://wire.example.com/kherson", "wire.example.com", dt.date(2024, 3, 12),
    )
    e2 = _event(b, "ev-kherson-1", "Explosions/Remote violence", "Shelling/artillery/missile attack", "AERIAL", dt.date(2024, 3, 11), kherson,
                {"event": "Russian forces shelled residential areas of Kherson on Monday, killing two people.",
                 "actor1": "Russian forces", "location": "Kherson", "fatalities": "killing two people"},
                "Military Forces of Russia", fatalities=2, confidence=0.85)
    e3 = _event(b, "ev-kherson-2", "Battles", "Armed clash", "FIGHT", dt.date(2024, 3, 13), kherson,
                {"event": "On Wednesday Ukrainian troops clashed with Russian forces near the city.",
                 "actor1": "Ukrainian troops", "actor2": "Russian forces", "event_date": "Wednesday"},
                "Military Forces of Ukraine", "Military Forces of Russia", confidence=0.7)
    out.append(ArticleResult(b, events=(e2, e3), places=(PlaceMention(span(b, "Kherson", 1), kherson),)))

    c = make_article(
        "a-nairobi", "Protesters march in Nairobi",
        "Thousands of protesters marched through Nairobi on Thursday against a new finance bill. "
        "Police fired tear gas at the crowd, a police spokesman said.",
        "http://daily.example.net/nairobi", "daily.example.net", dt.date(2024, 2, 22),
    )
    e4 = _event(c, "ev-nairobi-1", "Protests", "Protest with intervention", "PROTEST", dt.date(2024, 2, 22), nairobi,
                {"event": "Thousands of protesters marched through Nairobi on Thursday against a new finance bill.",
                 "actor1": "protesters", "location": "Nairobi", "event_date": "Thursday"},
                "Protesters (Kenya)", "Police Forces of Kenya", confidence=0.66)
    q2 = Quote(span(c, "Police fired tear gas at the crowd"), "indirect", Speaker("a police spokesman", "spokesman", "Police"), None, "said")
    out.append(ArticleResult(c, events=(e4,), places=(PlaceMention(span(c, "Nairobi", 1), nairobi),), quotes=(q2,)))

    d = make_article(
        "a-mosul", "Roadside bomb near Mosul",
        "A roadside bomb exploded near Mosul on Friday, killing three soldiers, officials said.",
        "https://news.example.org/mosul", "news.example.org", dt.date(2024, 1, 19),
    )
    e5 = _event(d, "ev-mosul-1", "Explosions/Remote violence", "Remote explosive/landmine/IED", "AERIAL", dt.date(2024, 1, 19), mosul,
                {"event": "A roadside bomb exploded near Mosul on Friday, killing three soldiers, officials said.",
                 "location": "Mosul", "fatalities": "killing three soldiers"},
                "Unidentified Armed Group (Iraq)", "Military Forces of Iraq", fatalities=3, confidence=0.55)
    out.append(ArticleResult(d, events=(e5,), places=(PlaceMention(span(d, "Mosul", 1), mosul),)))

    if hostile:
        h = make_article(
            "a-hostile", HOSTILE_TITLE,
            'Rebels <script>window.__pwned=1</script> attacked <img src=x onerror="window.__pwned=1"> '
            "an army post in Goma on Saturday, killing four soldiers.",
            HOSTILE_URL, "<b>evil.example</b>", dt.date(2024, 3, 16),
        )
        e6 = _event(h, "ev-hostile-1", "Battles", "Armed clash", "FIGHT", dt.date(2024, 3, 16), goma,
                    {"event": h.text[len(HOSTILE_TITLE) + 2:],
                     "actor1": "Rebels <script>window.__pwned=1</script>", "location": "Goma", "fatalities": "killing four soldiers"},
                    'M23 <img src=x onerror="window.__pwned=1">', "Military Forces of DR Congo", fatalities=4, confidence=0.6)
        out.append(ArticleResult(h, events=(e6,), places=(PlaceMention(span(h, "Goma", 1), goma),)))
    return out


def build(path: str, hostile: bool = False) -> Store:
    store = Store(path)
    store.save_batch(demo_results(hostile))
    return store


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db", help="SQLite file to create or extend")
    parser.add_argument("--hostile", action="store_true", help="add an article full of markup")
    args = parser.parse_args(argv)
    build(args.db, args.hostile).close()
    print(f"demo events written to {args.db}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
