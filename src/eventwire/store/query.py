"""Reading events back: filters as bound parameters (never string-pasted), paging, details.

Shared by the CLI (`eventwire events`, exports) and the HTTP API.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, false, func, or_, select, text

from . import Store
from . import schema as s

SORTABLE = {"event_date", "fatalities", "confidence", "event_type", "country", "location", "id", "origin"}
# The fields of an imported ACLED event that are not columns of every event (acled_events).
ACLED_FIELDS = (
    "event_id_cnty", "event_id_no_cnty", "data_id", "iso", "iso3", "region", "country",
    "original_event_type", "disorder_type", "civilian_targeting", "source", "source_scale", "tags", "timestamp",
)


@dataclass(frozen=True, slots=True)
class EventFilter:
    start: dt.date | None = None
    end: dt.date | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    country: str | None = None
    admin1: str | None = None
    q: str | None = None  # full-text search over notes and evidence
    min_confidence: float | None = None
    article_ids: tuple[str, ...] | None = None
    origin: str | None = None  # "eventwire" (coded here) or "acled" (imported)


def events_query(f: EventFilter, store: Store, narrow_first: bool = False) -> Select[Any]:
    """The filtered events. With `narrow_first`, a search that matches many events is checked
    against the events the other filters' indexes (or the date order of a page) pick, instead of
    looking every match up; right for a page or a count, not for an export."""
    e = s.events
    conds = []
    if f.start:
        conds.append(e.c.event_date >= f.start)
    if f.end:
        conds.append(e.c.event_date <= f.end)
    if f.bbox:
        west, south, east, north = f.bbox
        conds += [e.c.longitude >= west, e.c.longitude <= east, e.c.latitude >= south, e.c.latitude <= north]
    if f.event_type:
        conds.append(e.c.event_type == f.event_type)
    if f.sub_event_type:
        conds.append(e.c.sub_event_type == f.sub_event_type)
    if f.actor:
        conds.append(_actor_condition(f.actor, store))
    if f.country:
        conds.append(_country_condition(f.country))
    if f.origin:
        conds.append(e.c.origin == f.origin)
    if f.admin1:
        conds.append(e.c.admin1 == f.admin1)
    if f.min_confidence is not None:
        conds.append(e.c.confidence >= f.min_confidence)
    if f.article_ids is not None:
        conds.append(e.c.id.in_(select(s.event_sources.c.event_id).where(s.event_sources.c.article_id.in_(f.article_ids))))
    if f.q:
        conds.append(_fulltext(f.q, store, narrow_first))
    return select(e).where(and_(*conds)) if conds else select(e)


def _country_condition(value: str) -> Any:
    """Events in a country given by ISO code (alpha-2 or alpha-3) or by name, as ACLED or
    GeoNames spell it ("Syria", "Democratic Republic of Congo", "DR Congo", ...)."""
    from ..acled_format import country_code

    e = s.events
    code = country_code(value)
    if code is not None:
        return e.c.country == code
    if len(value) == 2:
        return e.c.country == value.upper()
    # A name no table knows: the country as an imported ACLED export wrote it.
    return e.c.id.in_(select(s.acled_events.c.event_id).where(s.acled_events.c.country == value))


MAX_ACTOR_NAMES = 500  # beyond this many matching names, one scan with LIKE is cheaper


def _actor_condition(needle: str, store: Store) -> Any:
    """Events whose actor name contains `needle` (any case): the few distinct names are matched
    first, then events are found through the actor indexes instead of scanning every row."""
    folded = needle.casefold()
    names = [n for n in store.actor_names() if folded in n.casefold()]
    if not names:
        return false()
    if len(names) <= MAX_ACTOR_NAMES:
        return or_(*(c.in_(names) for c in s.ACTOR_COLUMNS))
    # The user's text is a literal substring: escape LIKE's own wildcards.
    like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return or_(*(c.ilike(like, escape="\\") for c in s.ACTOR_COLUMNS))


FTS_WALK_HITS = 2_000  # a search matching more events than this narrows by other indexes first


def _fts_terms(q: str) -> str:
    """The user's words as one quoted FTS5 phrase per word (bound as a parameter, never pasted)."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in q.split())


def _fts_hits(conn: Any, terms: str) -> int:
    return int(conn.execute(text("SELECT count(*) FROM events_fts WHERE events_fts MATCH :terms"), {"terms": terms}).scalar() or 0)


def _fulltext(q: str, store: Store, narrow_first: bool = False) -> Any:
    e = s.events
    if store.is_sqlite:
        terms = _fts_terms(q)
        rowid = "events.rowid"
        if narrow_first:
            with store.reading() as conn:
                if _fts_hits(conn, terms) > FTS_WALK_HITS:
                    # Common words: rather than look up (and sort) every match, let SQLite walk
                    # another index and test each row ('+' keeps the rowid lookup out).
                    rowid = "+events.rowid"
        return text(f"{rowid} IN (SELECT rowid FROM events_fts WHERE events_fts MATCH :terms)").bindparams(terms=terms)
    ev = select(s.evidence.c.event_id).where(
        func.to_tsvector("english", s.evidence.c.text).op("@@")(func.plainto_tsquery("english", q))
    )
    return or_(func.to_tsvector("english", func.coalesce(e.c.notes, "")).op("@@")(func.plainto_tsquery("english", q)), e.c.id.in_(ev))


def list_events(store: Store, f: EventFilter, limit: int | None = 100, offset: int = 0, sort: str = "event_date", descending: bool = True) -> list[dict[str, Any]]:
    if sort not in SORTABLE:
        raise ValueError(f"cannot sort by {sort!r}; choose one of {sorted(SORTABLE)}")
    column = s.events.c[sort]
    order = (column.desc(), s.events.c.id.desc()) if descending else (column.asc(), s.events.c.id.asc())
    query = events_query(f, store, narrow_first=True).order_by(*order)
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return attach_details(store, list(store.iter_rows(query)))


def count_events(store: Store, f: EventFilter) -> int:
    with store.reading() as conn:
        if store.is_sqlite and f.q and f == EventFilter(q=f.q):
            # The index holds exactly one row per event (events.py keeps them in step), so a
            # search alone is counted there without touching the events.
            return _fts_hits(conn, _fts_terms(f.q))
        query = events_query(f, store, narrow_first=True)
        return int(conn.execute(select(func.count()).select_from(query.subquery())).scalar() or 0)


def iter_events(store: Store, f: EventFilter, chunk: int = 500) -> Iterator[dict[str, Any]]:
    """Stream events with details in chunks, so an export never holds the whole table."""
    buf: list[dict[str, Any]] = []
    for row in store.iter_rows(events_query(f, store).order_by(s.events.c.event_date, s.events.c.id)):
        buf.append(row)
        if len(buf) >= chunk:
            yield from attach_details(store, buf)
            buf = []
    if buf:
        yield from attach_details(store, buf)


def attach_details(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add evidence and sources lists (two queries per page, not two per event)."""
    if not rows:
        return rows
    ids = [r["id"] for r in rows]
    evidence: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    sources: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    with store.reading() as conn:
        for r in conn.execute(select(s.evidence).where(s.evidence.c.event_id.in_(ids)).order_by(s.evidence.c.article_id, s.evidence.c.start)).mappings():
            evidence[r["event_id"]].append({k: r[k] for k in ("article_id", "start", "end", "text", "field")})
        for r in conn.execute(select(s.event_sources).where(s.event_sources.c.event_id.in_(ids)).order_by(s.event_sources.c.article_id)).mappings():
            sources[r["event_id"]].append({k: r[k] for k in ("article_id", "url", "source", "speaker")})
    imported = [r["id"] for r in rows if r.get("origin") == "acled"]
    acled: dict[str, dict[str, Any]] = {}
    if imported:
        a = s.acled_events
        with store.reading() as conn:
            for r in conn.execute(select(a).where(a.c.event_id.in_(imported))).mappings():
                acled[r["event_id"]] = {k: r[k] for k in ACLED_FIELDS}
                if r["full_text"]:  # values longer than the events columns, as the export had them
                    acled[r["event_id"]]["full_text"] = json.loads(r["full_text"])
    for r in rows:
        r["evidence"] = evidence[r["id"]]
        r["sources"] = sources[r["id"]]
        if r["id"] in acled:
            r["acled"] = acled[r["id"]]
            r.update(r["acled"].pop("full_text", None) or {})
    return rows


def get_event(store: Store, event_id: str) -> dict[str, Any] | None:
    rows = list(store.iter_rows(select(s.events).where(s.events.c.id == event_id)))
    return attach_details(store, rows)[0] if rows else None


def iter_articles(store: Store, ids: tuple[str, ...] | None = None, with_text: bool = True) -> Iterator[dict[str, Any]]:
    import json

    a = s.articles
    cols = [c for c in a.columns if c.name != "sketch" and (with_text or c.name != "text")]
    q = select(*cols).order_by(a.c.id)
    if ids is not None:
        q = q.where(a.c.id.in_(ids))
    for row in store.iter_rows(q):
        row["blocks"] = json.loads(row["blocks"])
        row.pop("ingested_at", None)
        yield row


def iter_places(store: Store, ids: tuple[str, ...] | None = None) -> Iterator[dict[str, Any]]:
    t = s.place_mentions
    q = select(t).order_by(t.c.article_id, t.c.start)
    if ids is not None:
        q = q.where(t.c.article_id.in_(ids))
    yield from store.iter_rows(q)


def iter_quotes(store: Store, ids: tuple[str, ...] | None = None) -> Iterator[dict[str, Any]]:
    import json

    t = s.quotes
    q = select(t).order_by(t.c.article_id, t.c.start)
    if ids is not None:
        q = q.where(t.c.article_id.in_(ids))
    for r in store.iter_rows(q):
        speaker = None
        if r["speaker_name"] is not None:
            speaker = {"name": r["speaker_name"], "role": r["speaker_role"], "affiliation": r["speaker_affiliation"], "resolved": bool(r["speaker_resolved"])}
        yield {
            "article_id": r["article_id"], "start": r["start"], "end": r["end"], "text": r["text"],
            "speaker": speaker, "kind": r["kind"], "cue": r["cue"], "figures": json.loads(r["figures"] or "[]"),
        }


def iter_rejects(store: Store) -> Iterator[dict[str, Any]]:
    t = s.rejects
    for r in store.iter_rows(select(t).order_by(t.c.created_at, t.c.origin, t.c.position)):
        yield {"input": r["origin"], "position": r["position"], "reason": r["reason"], "message": r["message"]}


def actor_summary(store: Store, limit: int = 200) -> list[dict[str, Any]]:
    t = s.actor_mentions
    q = (
        select(t.c.name, t.c.inter, t.c.country, t.c.lineage, t.c.known, func.count().label("mentions"))
        .group_by(t.c.name, t.c.inter, t.c.country, t.c.lineage, t.c.known)
        .order_by(func.count().desc(), t.c.name)
        .limit(limit)
    )
    return list(store.iter_rows(q))
