"""Writing coded events: each article's report either joins a stored event (cross-article
merge) or starts a new one; the event row, its evidence and sources are always recomputed from
its reports, so merges can be explained and undone."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import and_, delete, select, update

from ..merge import (
    CROSS_THRESHOLD,
    CROSS_WINDOW_DAYS,
    combine_reports,
    cross_score,
    event_id,
)
from ..records import ArticleResult, Event
from ..serialize import event_from_payload, event_payload
from . import schema as s

# The columns that hold an Event record's fields (not the store's own: created_at, origin, ...).
EVENT_COLUMNS = [c.name for c in s.events.columns if c.name in Event.__dataclass_fields__]
# Half-width in degrees of the box searched for stored events near a new one (~30 km).
SEARCH_DEGREES = 0.3


def event_row(event: Event) -> dict[str, Any]:
    return {name: getattr(event, name) for name in EVENT_COLUMNS}


def write_events(conn: Any, store: Any, result: ArticleResult) -> None:
    taken: set[str] = set()  # one article's events never merge into the same stored event
    for report in result.events:
        start = report.evidence[0].span.start
        match = _best_stored_match(conn, report, taken)
        if match is None:
            target = report.id
            conn.execute(s.events.insert().values(**event_row(report), origin="eventwire"))
        else:
            target, score, reasons = match
            conn.execute(s.merge_log.insert().values(
                event_id=target, article_id=result.article.id, start=start, action="merged",
                score=round(score, 3), reason="; ".join(reasons)))
        taken.add(target)
        conn.execute(s.reports.insert().values(
            article_id=result.article.id, start=start, event_id=target,
            payload=json.dumps(event_payload(report), ensure_ascii=False)))
        refresh_event(conn, store, target)


def _best_stored_match(conn: Any, report: Event, taken: set[str]) -> tuple[str, float, list[str]] | None:
    e = s.events
    # Only events coded here merge: an imported ACLED event is shown beside them, never changed.
    # (An inequality, which SQLite's planner does not try to serve from ix_events_origin_type_date,
    # so this query keeps the type/date, country and box indexes it was tuned for.)
    conds = [e.c.event_type == report.event_type, e.c.origin != "acled"]
    if report.event_date is not None:
        window = dt.timedelta(days=CROSS_WINDOW_DAYS + 31 * (report.time_precision == 3))
        conds += [e.c.event_date >= report.event_date - window, e.c.event_date <= report.event_date + window]
    if report.latitude is not None and report.longitude is not None:
        conds += [
            e.c.latitude.between(report.latitude - SEARCH_DEGREES, report.latitude + SEARCH_DEGREES),
            e.c.longitude.between(report.longitude - SEARCH_DEGREES, report.longitude + SEARCH_DEGREES),
        ]
    else:
        conds += [e.c.latitude.is_(None), e.c.country == report.country]
    best: tuple[str, float, list[str]] | None = None
    for row in conn.execute(select(e).where(and_(*conds)).limit(200)).mappings():
        if row["id"] in taken:
            continue
        stored = _event_from_row(row)
        score, reasons = cross_score(report, stored)
        if score >= CROSS_THRESHOLD and (best is None or score > best[1]):
            best = (row["id"], score, reasons)
    return best


def _event_from_row(row: Any) -> Event:
    return Event(**{k: row[k] for k in EVENT_COLUMNS})


def load_reports(conn: Any, event_id_: str) -> list[tuple[str, int, Event]]:
    rows = conn.execute(select(s.reports).where(s.reports.c.event_id == event_id_).order_by(s.reports.c.article_id, s.reports.c.start)).mappings()
    return [(r["article_id"], r["start"], event_from_payload(json.loads(r["payload"]))) for r in rows]


def refresh_event(conn: Any, store: Any, event_id_: str) -> None:
    """Recompute an event, its evidence and its sources from its reports (and their copies)."""
    reports = [ev for _, _, ev in load_reports(conn, event_id_)]
    for table in (s.evidence, s.event_sources):
        conn.execute(delete(table).where(table.c.event_id == event_id_))
    if not reports:
        conn.execute(delete(s.events).where(s.events.c.id == event_id_))
        if store.is_sqlite:
            conn.exec_driver_sql("DELETE FROM events_fts WHERE event_id = ?", (event_id_,))
        return
    event = combine_reports(event_id_, reports)
    values = event_row(event)
    values.pop("id")
    values["updated_at"] = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    conn.execute(update(s.events).where(s.events.c.id == event_id_).values(**values))
    seen = set()
    for ev in event.evidence:
        key = (ev.span.article_id, ev.field, ev.span.start, ev.span.end)
        if key in seen:
            continue
        seen.add(key)
        conn.execute(s.evidence.insert().values(
            event_id=event_id_, article_id=ev.span.article_id, field=ev.field,
            start=ev.span.start, end=ev.span.end, text=ev.span.text))
    for src in event.sources:
        _add_source(conn, event_id_, src.article_id, src.url, src.source, src.speaker)
        for copy in conn.execute(select(s.articles.c.id, s.articles.c.url, s.articles.c.source).where(s.articles.c.canonical_id == src.article_id)).mappings():
            _add_source(conn, event_id_, copy["id"], copy["url"], copy["source"], src.speaker)
    if store.is_sqlite:
        _index(conn, event)


def _add_source(conn: Any, event_id_: str, article_id: str, url: str | None, source: str | None, speaker: str | None) -> None:
    exists = conn.execute(select(s.event_sources.c.event_id).where(and_(s.event_sources.c.event_id == event_id_, s.event_sources.c.article_id == article_id))).first()
    if exists is None:
        conn.execute(s.event_sources.insert().values(event_id=event_id_, article_id=article_id, url=url, source=source, speaker=speaker))


def add_copy_as_source(conn: Any, copy_id: str, canonical_id: str) -> None:
    """A near-duplicate article becomes a source of every event its canonical article reports."""
    copy = conn.execute(select(s.articles.c.url, s.articles.c.source).where(s.articles.c.id == copy_id)).mappings().first()
    for (event_id_,) in conn.execute(select(s.reports.c.event_id).where(s.reports.c.article_id == canonical_id).distinct()):
        _add_source(conn, event_id_, copy_id, copy["url"], copy["source"], None)


def unmerge(conn: Any, store: Any, event_id_: str, article_id: str) -> list[str]:
    """Detach one article's reports from a merged event into events of their own."""
    reports = load_reports(conn, event_id_)
    if len({a for a, _, _ in reports}) < 2:
        raise ValueError(f"event {event_id_} has reports from only one article; nothing to unmerge")
    new_ids = []
    for art, start, report in reports:
        if art != article_id:
            continue
        new_id = event_id(art, start, report.event_type)
        if new_id == event_id_:  # the detached article was the event's first report: re-key the rest
            new_id = event_id(art, start, report.event_type + ":split")
        conn.execute(s.events.insert().values(**{**event_row(report), "id": new_id}, origin="eventwire"))
        conn.execute(update(s.reports).where(and_(s.reports.c.article_id == art, s.reports.c.start == start)).values(event_id=new_id))
        conn.execute(s.merge_log.insert().values(event_id=event_id_, article_id=art, start=start, action="unmerged", score=None, reason=f"undone by user; now event {new_id}"))
        refresh_event(conn, store, new_id)
        new_ids.append(new_id)
    if not new_ids:
        raise ValueError(f"article {article_id} is not a report of event {event_id_}")
    refresh_event(conn, store, event_id_)
    return new_ids


def _index(conn: Any, event: Event) -> None:
    """Keep the FTS5 row of an event in step with its notes and evidence text."""
    conn.exec_driver_sql("DELETE FROM events_fts WHERE event_id = ?", (event.id,))
    evidence_text = " ".join(dict.fromkeys(e.span.text for e in event.evidence))
    # The FTS row shares the event's rowid, so a search filters events by integer rowid (fast)
    # instead of joining back on the string id.
    conn.exec_driver_sql(
        "INSERT INTO events_fts (rowid, event_id, notes, evidence) SELECT rowid, ?, ?, ? FROM events WHERE id = ?",
        (event.id, event.notes, evidence_text, event.id),
    )
