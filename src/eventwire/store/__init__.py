"""Store stage: SQLite (WAL) by default, PostgreSQL by URL; one schema, atomic batches.

An article is stored once by id, so a re-run adds nothing twice; `save_batch` writes a whole batch
(articles, their events, places, actors, quotes, rejects) in one transaction, so a killed run
loses at most the batch in flight and resumes by skipping the ids already stored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.dialects import postgresql, sqlite

from ..errors import StoreError
from ..records import ArticleResult, Reject
from ..serialize import article_dict, place_dict, quote_dict
from . import schema as s

BUSY_TIMEOUT_MS = 60_000  # a writer holding the lock for a whole batch takes seconds, not minutes


def engine_for(url: str) -> Engine:
    """A SQLAlchemy engine for a file path or a database URL."""
    if "://" not in url:
        url = f"sqlite:///{url}"
    if url.startswith("sqlite"):
        eng = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})

        @event.listens_for(eng, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            # Let SQLAlchemy's BEGIN start transactions, and make writers wait instead of failing.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")  # first: the pragmas below may wait
            _ensure_wal(cur)
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        @event.listens_for(eng, "begin")
        def _begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("write") else "BEGIN")

        return eng
    if url.startswith(("postgresql://", "postgres://")):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]  # psycopg 3, the maintained driver
    try:
        return create_engine(url, pool_pre_ping=True)
    except Exception as exc:
        raise StoreError(f"cannot open database {url!r}: {exc}") from exc


WAL_RETRIES = 600  # x 0.1 s: as long as the busy timeout


def _ensure_wal(cur: Any) -> None:
    """Switch a new database to WAL once. The switch needs an exclusive lock and SQLite answers
    BUSY at once (no busy handler) while another process writes, as when two runs start on one
    new file together; so retry until the other process's transaction ends."""
    import sqlite3
    import time

    for attempt in range(WAL_RETRIES):
        try:
            if str(cur.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
                return
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or attempt == WAL_RETRIES - 1:
                raise
            time.sleep(0.1)


class Store:
    """The database behind a run, the CLI queries and the API."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = engine_for(url)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        self._actor_names: tuple[int, list[str]] | None = None
        self._migrate()

    def _migrate(self) -> None:
        with self.writing() as conn:
            s.metadata.create_all(conn)
            _add_columns(conn)  # before the indexes: some index the added columns
            for index in s.events.indexes:  # indexes added since an existing database was made
                index.create(conn, checkfirst=True)
            if self.is_sqlite:
                conn.exec_driver_sql(s.SQLITE_FTS)
            found = conn.execute(select(s.meta.c.value).where(s.meta.c.key == "schema_version")).scalar()
            if found is None:
                conn.execute(s.meta.insert().values(key="schema_version", value=str(s.SCHEMA_VERSION)))
            if conn.execute(select(s.meta.c.value).where(s.meta.c.key == "generation")).scalar() is None:
                conn.execute(s.meta.insert().values(key="generation", value="0"))
            if found is not None and int(found) > s.SCHEMA_VERSION:
                raise StoreError(f"database schema {found} is newer than this eventwire ({s.SCHEMA_VERSION})")

    def writing(self) -> Any:
        """A write transaction (BEGIN IMMEDIATE on SQLite: one writer at a time, waiting politely)."""
        conn = self.engine.connect()
        conn.info["write"] = True
        return _Tx(conn)

    def reading(self) -> Any:
        return self.engine.connect()

    def close(self) -> None:
        self.engine.dispose()

    # -- writing ---------------------------------------------------------------------------

    def stored_ids(self, ids: Sequence[str]) -> set[str]:
        """Which of these article ids are already stored (so a resumed run skips them)."""
        found: set[str] = set()
        with self.reading() as conn:
            for i in range(0, len(ids), 500):
                chunk = list(ids[i : i + 500])
                found.update(conn.execute(select(s.articles.c.id).where(s.articles.c.id.in_(chunk))).scalars())
        return found

    def save_batch(self, results: Iterable[ArticleResult], rejects: Iterable[Reject] = (), sketches: dict[str, bytes] | None = None) -> None:
        """Write one batch atomically; articles already stored are left as they are."""
        results = list(results)
        sketches = sketches or {}
        with self.writing() as conn:
            fresh = {r.article.id for r in results} - _existing(conn, [r.article.id for r in results])
            for result in results:
                if result.article.id not in fresh:
                    continue
                fresh.discard(result.article.id)  # the same id twice in one batch: keep the first
                _insert_result(conn, self, result, sketches.get(result.article.id))
            for reject in rejects:
                self._upsert(conn, s.rejects, {
                    "origin": reject.origin, "position": reject.position,
                    "reason": reject.reason, "message": reject.message,
                }, ["origin", "position"])
            _bump_generation(conn)

    def _upsert(self, conn: Any, table: Any, row: dict[str, Any], keys: list[str]) -> None:
        # one statement per table, the row as parameters: building a statement with the values in
        # it cost more than the write itself (SQLAlchemy's coercion and cache keys per row)
        key = (self.is_sqlite, table.name, tuple(keys))
        stmt = _UPSERTS.get(key)
        if stmt is None:
            dialect = sqlite if self.is_sqlite else postgresql
            stmt = _UPSERTS[key] = dialect.insert(table).on_conflict_do_nothing(index_elements=keys)
        conn.execute(stmt, row)

    def find_duplicate(self, sig: Any) -> tuple[str, float] | None:
        """The stored article this sketch is a near-copy of (its canonical one), if any."""
        from ..dedup import band_keys, best_match, from_bytes

        keys = band_keys(sig)
        with self.reading() as conn:
            ids = list(conn.execute(select(s.article_bands.c.article_id).where(s.article_bands.c.key.in_(keys)).distinct().limit(50)).scalars())
            if not ids:
                return None
            rows = conn.execute(select(s.articles.c.id, s.articles.c.canonical_id, s.articles.c.sketch).where(s.articles.c.id.in_(ids))).all()
        found = best_match(sig, ((r.canonical_id or r.id, from_bytes(r.sketch)) for r in rows if r.sketch))
        return found

    def unmerge(self, event_id: str, article_id: str) -> list[str]:
        from .events import unmerge

        with self.writing() as conn:
            _bump_generation(conn)
            return unmerge(conn, self, event_id, article_id)

    def actor_names(self) -> list[str]:
        """Every distinct actor name on an event, cached until the next write."""
        generation = self.generation()
        if self._actor_names is None or self._actor_names[0] != generation:
            with self.reading() as conn:
                names = {n for c in s.ACTOR_COLUMNS for n in conn.execute(select(c).distinct()).scalars() if n}
            self._actor_names = (generation, sorted(names))
        return self._actor_names[1]

    def generation(self) -> int:
        """A counter every write transaction bumps: readers' caches compare it to see changes."""
        with self.reading() as conn:
            return int(conn.execute(select(s.meta.c.value).where(s.meta.c.key == "generation")).scalar() or 0)

    def explain(self, event_id: str) -> dict[str, Any]:
        """Which reports make up an event, and why each was merged."""
        from .events import load_reports

        with self.reading() as conn:
            reports = load_reports(conn, event_id)
            log = [dict(r) for r in conn.execute(select(s.merge_log).where(s.merge_log.c.event_id == event_id).order_by(s.merge_log.c.id)).mappings()]
            copies = [dict(r) for r in conn.execute(select(s.event_sources).where(s.event_sources.c.event_id == event_id)).mappings()]
        return {
            "event_id": event_id,
            "reports": [{"article_id": a, "start": st, "sub_event_type": ev.sub_event_type, "event_date": ev.event_date.isoformat() if ev.event_date else None,
                         "location": ev.location, "fatalities": ev.fatalities, "notes": ev.notes} for a, st, ev in reports],
            "merges": log,
            "sources": copies,
        }

    # -- reading ---------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        out = {}
        with self.reading() as conn:
            for name in ("articles", "events", "place_mentions", "quotes", "rejects"):
                out[name] = conn.execute(text(f"SELECT COUNT(*) FROM {name}")).scalar() or 0
        return out

    def iter_rows(self, query: Any) -> Iterator[dict[str, Any]]:
        """Stream rows of a query as dicts without loading them all."""
        with self.reading() as conn:
            result = conn.execution_options(stream_results=True, yield_per=1000).execute(query)
            for row in result.mappings():
                yield dict(row)


class _Tx:
    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def __enter__(self) -> Any:
        self.tx = self.conn.begin()
        return self.conn

    def __exit__(self, exc_type: Any, *_: object) -> None:
        try:
            if exc_type is None:
                self.tx.commit()
            else:
                self.tx.rollback()
        finally:
            self.conn.close()


def _add_columns(conn: Any) -> None:
    """Give a database made before them the columns added to `events` since (schema.py's
    ADDED_EVENT_COLUMNS), each with its constant default, so older rows read as eventwire's."""
    from sqlalchemy import inspect
    from sqlalchemy.schema import CreateColumn

    have = {c["name"] for c in inspect(conn).get_columns("events")}
    for name in s.ADDED_EVENT_COLUMNS:
        if name in have:
            continue
        spec = str(CreateColumn(s.events.c[name]).compile(dialect=conn.dialect))
        guard = "IF NOT EXISTS " if conn.dialect.name == "postgresql" else ""  # two first opens at once
        conn.exec_driver_sql(f"ALTER TABLE events ADD COLUMN {guard}{spec}")


_UPSERTS: dict[tuple[bool, str, tuple[str, ...]], Any] = {}


def _bump_generation(conn: Any) -> None:
    current = int(conn.execute(select(s.meta.c.value).where(s.meta.c.key == "generation")).scalar() or 0)
    conn.execute(s.meta.update().where(s.meta.c.key == "generation").values(value=str(current + 1)))


def _existing(conn: Any, ids: list[str]) -> set[str]:
    if not ids:
        return set()
    return set(conn.execute(select(s.articles.c.id).where(s.articles.c.id.in_(ids))).scalars())


def _insert_result(conn: Any, store: Store, result: ArticleResult, sketch: bytes | None) -> None:
    from ..dedup import band_keys, from_bytes

    a = article_dict(result.article)
    conn.execute(s.articles.insert().values(
        id=a["id"], url=a["url"], source=a["source"], published=result.article.published,
        title=a["title"], language=a["language"], origin=a["origin"], text=a["text"],
        blocks=json.dumps(a["blocks"]), canonical_id=result.duplicate_of, sketch=sketch,
    ))
    if sketch is not None:
        for key in band_keys(from_bytes(sketch)):
            store._upsert(conn, s.article_bands, {"key": key, "article_id": a["id"]}, ["key", "article_id"])
    if result.duplicate_of is not None:
        from .events import add_copy_as_source

        add_copy_as_source(conn, a["id"], result.duplicate_of)
        return
    for m in result.places:
        d = place_dict(m)
        d.pop("article_id")
        store._upsert(conn, s.place_mentions, {"article_id": m.span.article_id, **d}, ["article_id", "start", "end"])
    for am in result.actors:
        store._upsert(conn, s.actor_mentions, {
            "article_id": am.span.article_id, "start": am.span.start, "end": am.span.end,
            "text": am.span.text, "name": am.actor.name, "inter": am.actor.inter,
            "country": am.actor.country, "lineage": am.actor.lineage, "known": am.actor.known,
        }, ["article_id", "start", "end"])
    for q in result.quotes:
        d = quote_dict(q)
        sp = d["speaker"] or {}
        store._upsert(conn, s.quotes, {
            "article_id": q.span.article_id, "start": q.span.start, "end": q.span.end, "text": q.span.text,
            "kind": q.kind, "speaker_name": sp.get("name"), "speaker_role": sp.get("role"),
            "speaker_affiliation": sp.get("affiliation"), "speaker_resolved": sp.get("resolved"),
            "speaker_start": q.speaker_span.start if q.speaker_span else None,
            "speaker_end": q.speaker_span.end if q.speaker_span else None,
            "cue": q.cue, "figures": json.dumps(list(q.figures)),
        }, ["article_id", "start", "end"])
    from .events import (
        write_events,  # events are merged against stored ones (store/events.py)
    )

    write_events(conn, store, result)
