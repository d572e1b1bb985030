"""Read-only queries the API needs beyond `store.query`: counts for the timeline, compact map
points, article lists and the spans to highlight in one article.

Every function reuses `events_query`'s WHERE clause, so the timeline, the map and the event list
always agree on what a filter means, and every value stays a bound parameter.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import ColumnElement, String, and_, func, literal, select, true, type_coerce

from ..store import Store
from ..store import schema as s
from ..store.query import EventFilter, events_query

TOP_FACETS = 100  # types and countries listed beside the timeline; more is noise in a dropdown


def where(f: EventFilter, store: Store) -> ColumnElement[bool]:
    """The filter as a WHERE clause (TRUE when the filter is empty)."""
    clause = events_query(f, store).whereclause
    return clause if clause is not None else true()


def timeline(store: Store, f: EventFilter) -> dict[str, Any]:
    """Events per day, per event type and per country for one filter (three grouped counts)."""
    e = s.events
    cond = where(f, store)
    day = e.c.event_date
    with store.reading() as conn:
        days = conn.execute(
            select(day, func.count()).where(and_(cond, day.is_not(None))).group_by(day).order_by(day)
        ).all()
        types = conn.execute(
            select(e.c.event_type, func.count().label("n")).where(cond).group_by(e.c.event_type)
            .order_by(func.count().desc(), e.c.event_type).limit(TOP_FACETS)
        ).all()
        countries = conn.execute(
            select(e.c.country, func.count().label("n")).where(cond).group_by(e.c.country)
            .order_by(func.count().desc(), e.c.country).limit(TOP_FACETS)
        ).all()
        undated = conn.execute(select(func.count()).select_from(e).where(and_(cond, day.is_(None)))).scalar() or 0
    return {
        "days": [{"date": _iso(d), "count": n} for d, n in days],
        "undated": int(undated),
        "types": [{"event_type": t, "count": n} for t, n in types],
        "countries": [{"country": c, "count": n} for c, n in countries],
    }


def points(store: Store, f: EventFilter, limit: int) -> dict[str, Any]:
    """Compact map points, newest first, at most `limit` of them.

    A row is `[id, latitude, longitude, type index, date or null]`, with the type names listed
    once: a 100,000-point answer stays a few megabytes and parses fast in the browser. A point
    not coded here (an imported ACLED event) has a sixth number, its index in `origins`; the rows
    of eventwire's own events keep the five they always had.
    """
    e = s.events
    cond = and_(where(f, store), e.c.latitude.is_not(None), e.c.longitude.is_not(None))
    # The date is read as stored text (no date objects made and formatted back): this query
    # returns up to 100,000 rows and Python-side conversion was most of its time.
    day = type_coerce(e.c.event_date, String) if store.is_sqlite else e.c.event_date
    with store.reading() as conn:
        # The origin is read only when the database holds imported events: the column is not in
        # ix_events_map, which covers this query on a database of eventwire's own events alone.
        mixed = conn.execute(select(e.c.id).where(e.c.origin == "acled").limit(1)).first() is not None
    origin = e.c.origin if mixed else literal("eventwire", String)
    query = (
        select(e.c.id, func.round(e.c.latitude, 5), func.round(e.c.longitude, 5), e.c.event_type, day, origin)
        .where(cond).order_by(e.c.event_date.desc(), e.c.id).limit(limit + 1)
    )
    type_index: dict[str, int] = {}
    origin_index: dict[str, int] = {"eventwire": 0}
    rows: list[list[Any]] = []
    with store.reading() as conn:
        for eid, lat, lon, etype, when, origin in conn.execute(query):
            idx = type_index.get(etype)
            if idx is None:
                idx = type_index[etype] = len(type_index)
            oidx = origin_index.get(origin)
            if oidx is None:
                oidx = origin_index[origin] = len(origin_index)
            row = [eid, lat, lon, idx, when if isinstance(when, str) or when is None else when.isoformat()]
            if oidx:
                row.append(oidx)
            rows.append(row)
    truncated = len(rows) > limit
    return {"types": list(type_index), "origins": list(origin_index), "points": rows[:limit], "truncated": truncated}


def located_count(store: Store, f: EventFilter) -> int:
    e = s.events
    cond = and_(where(f, store), e.c.latitude.is_not(None), e.c.longitude.is_not(None))
    with store.reading() as conn:
        return int(conn.execute(select(func.count()).select_from(e).where(cond)).scalar() or 0)


def list_articles(store: Store, limit: int, offset: int, source: str | None = None) -> dict[str, Any]:
    """Articles without their text, newest first, with how many events each reports."""
    a, src = s.articles, s.event_sources
    cond = a.c.source == source if source else true()
    n_events = select(func.count()).where(src.c.article_id == a.c.id).scalar_subquery().label("events")
    query = (
        select(a.c.id, a.c.url, a.c.source, a.c.published, a.c.title, a.c.language, n_events)
        .where(cond).order_by(a.c.published.desc(), a.c.id).limit(limit).offset(offset)
    )
    with store.reading() as conn:
        total = conn.execute(select(func.count()).select_from(a).where(cond)).scalar() or 0
        items = [_jsonable(dict(r)) for r in conn.execute(query).mappings()]
    return {"total": int(total), "items": items}


def get_article(store: Store, article_id: str) -> dict[str, Any] | None:
    """One article with its text, blocks and every span to highlight: the evidence of the events
    it reports (with the field each span codes), its place mentions and its quotes."""
    a, ev, evt = s.articles, s.evidence, s.events
    with store.reading() as conn:
        row = conn.execute(select(a).where(a.c.id == article_id)).mappings().first()
        if row is None:
            return None
        article = _jsonable({k: v for k, v in row.items() if k != "ingested_at"})
        article["blocks"] = json.loads(row["blocks"])
        evidence = conn.execute(
            select(ev.c.event_id, ev.c.field, ev.c.start, ev.c.end, ev.c.text, evt.c.event_type, evt.c.sub_event_type)
            .join(evt, evt.c.id == ev.c.event_id)
            .where(ev.c.article_id == article_id).order_by(ev.c.start, ev.c.end)
        ).mappings().all()
        places = conn.execute(
            select(s.place_mentions).where(s.place_mentions.c.article_id == article_id).order_by(s.place_mentions.c.start)
        ).mappings().all()
        quotes = conn.execute(
            select(s.quotes).where(s.quotes.c.article_id == article_id).order_by(s.quotes.c.start)
        ).mappings().all()
    article["evidence"] = [dict(r) for r in evidence]
    article["places"] = [{k: v for k, v in r.items() if k != "article_id"} for r in places]
    article["quotes"] = [quote_row(r) for r in quotes]
    return article


def quotes_for(store: Store, article_ids: list[str]) -> list[dict[str, Any]]:
    """The quotes of some articles (an event's sources), in article order."""
    if not article_ids:
        return []
    q = s.quotes
    with store.reading() as conn:
        rows = conn.execute(
            select(q).where(q.c.article_id.in_(article_ids)).order_by(q.c.article_id, q.c.start)
        ).mappings().all()
    return [quote_row(r) for r in rows]


def quote_row(r: Any) -> dict[str, Any]:
    speaker = None
    if r["speaker_name"] is not None:
        speaker = {
            "name": r["speaker_name"], "role": r["speaker_role"],
            "affiliation": r["speaker_affiliation"], "resolved": bool(r["speaker_resolved"]),
        }
    return {
        "article_id": r["article_id"], "start": r["start"], "end": r["end"], "text": r["text"],
        "kind": r["kind"], "speaker": speaker, "cue": r["cue"], "figures": json.loads(r["figures"] or "[]"),
    }


def place_summary(store: Store, limit: int, country: str | None = None, q: str | None = None) -> list[dict[str, Any]]:
    """Resolved places with how often they are mentioned (and in how many articles)."""
    p = s.place_mentions
    conds: list[ColumnElement[bool]] = [p.c.name.is_not(None)]
    if country:
        conds.append(p.c.country == country.upper())
    if q:
        conds.append(p.c.name.ilike(f"%{q}%"))
    query = (
        select(
            p.c.name, p.c.feature, p.c.country, p.c.admin1, p.c.latitude, p.c.longitude, p.c.geonameid,
            func.count().label("mentions"), func.count(func.distinct(p.c.article_id)).label("articles"),
        )
        .where(and_(*conds))
        .group_by(p.c.name, p.c.feature, p.c.country, p.c.admin1, p.c.latitude, p.c.longitude, p.c.geonameid)
        .order_by(func.count().desc(), p.c.name).limit(limit)
    )
    with store.reading() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return {k: _iso(v) if isinstance(v, (dt.date, dt.datetime)) else v for k, v in row.items()}
