"""Writing coded events with their evidence and sources (and their full-text index)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete

from ..records import ArticleResult, Event
from . import schema as s

EVENT_COLUMNS = [c.name for c in s.events.columns if c.name != "created_at"]


def event_row(event: Event) -> dict[str, Any]:
    return {name: getattr(event, name) for name in EVENT_COLUMNS}


def write_events(conn: Any, store: Any, result: ArticleResult) -> None:
    for event in result.events:
        store._upsert(conn, s.events, event_row(event), ["id"])
        for ev in event.evidence:
            store._upsert(conn, s.evidence, {
                "event_id": event.id, "article_id": ev.span.article_id, "field": ev.field,
                "start": ev.span.start, "end": ev.span.end, "text": ev.span.text,
            }, ["event_id", "article_id", "field", "start", "end"])
        for src in event.sources:
            store._upsert(conn, s.event_sources, {
                "event_id": event.id, "article_id": src.article_id, "url": src.url,
                "source": src.source, "speaker": src.speaker,
            }, ["event_id", "article_id"])
        if store.is_sqlite:
            _index(conn, event)


def _index(conn: Any, event: Event) -> None:
    """Keep the FTS5 row of an event in step with its notes and evidence text."""
    conn.exec_driver_sql("DELETE FROM events_fts WHERE event_id = ?", (event.id,))
    evidence_text = " ".join(dict.fromkeys(e.span.text for e in event.evidence))
    conn.exec_driver_sql(
        "INSERT INTO events_fts (event_id, notes, evidence) VALUES (?, ?, ?)",
        (event.id, event.notes, evidence_text),
    )


def delete_event(conn: Any, event_id: str) -> None:
    for table in (s.evidence, s.event_sources):
        conn.execute(delete(table).where(table.c.event_id == event_id))
    conn.execute(delete(s.events).where(s.events.c.id == event_id))
