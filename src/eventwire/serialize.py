"""Records to the public JSON contract (DESIGN.md, "The JSON document") and back.

This is the one place that names the public fields; the store, the CLI, the exports and the API
all go through it. Change it only by adding fields.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .records import Article, Event, PlaceMention, Quote, Reject, Span

# ACLED's column names, in ACLED's order, then eventwire's additions.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "notes", "fatalities",
)
EXTRA_COLUMNS = ("plover", "confidence", "fatalities_qualifier", "geonameid", "iso")


def span_dict(span: Span) -> dict[str, Any]:
    return {"article_id": span.article_id, "start": span.start, "end": span.end, "text": span.text}


def article_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "url": article.url,
        "source": article.source,
        "published": article.published.isoformat() if article.published else None,
        "title": article.title,
        "language": article.language,
        "language_confidence": article.language_confidence,
        "origin": article.origin,
        "text": article.text,
        "blocks": [{"kind": b.kind.value, "start": b.start, "end": b.end} for b in article.blocks],
    }


def event_dict(event: Event, country_names: dict[str, str] | None = None) -> dict[str, Any]:
    """An event with ACLED's field names plus plover, confidence, evidence and sources."""
    names = country_names or {}
    return {
        "event_id_cnty": event.id,
        "id": event.id,
        "event_date": event.event_date.isoformat() if event.event_date else None,
        "year": event.event_date.year if event.event_date else None,
        "time_precision": event.time_precision,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "assoc_actor_1": event.assoc_actor_1,
        "inter1": event.inter1,
        "actor2": event.actor2,
        "assoc_actor_2": event.assoc_actor_2,
        "inter2": event.inter2,
        "interaction": event.interaction,
        "country": names.get(event.country or "", event.country),
        "iso": event.country,
        "admin1": event.admin1,
        "admin2": event.admin2,
        "admin3": event.admin3,
        "location": event.location,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "geo_precision": event.geo_precision,
        "geonameid": event.geonameid,
        "source": "; ".join(sorted({s.source for s in event.sources if s.source})) or None,
        "notes": event.notes,
        "fatalities": event.fatalities,
        "fatalities_qualifier": event.fatalities_qualifier,
        "plover": event.plover,
        "confidence": round(event.confidence, 3),
        "evidence": [{**span_dict(e.span), "field": e.field} for e in event.evidence],
        "sources": [
            {"article_id": s.article_id, "url": s.url, "source": s.source, "speaker": s.speaker}
            for s in event.sources
        ],
    }


def place_dict(mention: PlaceMention) -> dict[str, Any]:
    p = mention.place
    return {
        **span_dict(mention.span),
        "name": p.name,
        "feature": p.feature,
        "country": p.country,
        "admin1": p.admin1,
        "admin2": p.admin2,
        "latitude": p.latitude,
        "longitude": p.longitude,
        "geonameid": p.geonameid,
        "score": round(mention.score, 3),
    }


def quote_dict(quote: Quote) -> dict[str, Any]:
    speaker = None
    if quote.speaker is not None:
        speaker = {
            "name": quote.speaker.name,
            "role": quote.speaker.role,
            "affiliation": quote.speaker.affiliation,
            "resolved": quote.speaker.resolved,
        }
    return {
        **span_dict(quote.span),
        "speaker": speaker,
        "kind": quote.kind,
        "cue": quote.cue,
        "figures": list(quote.figures),
        "speaker_span": span_dict(quote.speaker_span) if quote.speaker_span else None,
    }


def reject_dict(reject: Reject) -> dict[str, Any]:
    return {"input": reject.origin, "position": reject.position, "reason": reject.reason, "message": reject.message}


def parse_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def event_payload(event: Event) -> dict[str, Any]:
    """A lossless dict of an Event record (for the reports table), unlike the public shape."""
    from dataclasses import asdict

    d = asdict(event)
    d["event_date"] = event.event_date.isoformat() if event.event_date else None
    return d


def event_from_payload(d: dict[str, Any]) -> Event:
    from .records import Evidence, Source

    d = dict(d)
    d["event_date"] = parse_date(d["event_date"])
    d["evidence"] = tuple(Evidence(e["field"], Span(**e["span"])) for e in d["evidence"])
    d["sources"] = tuple(Source(**src) for src in d["sources"])
    return Event(**d)
