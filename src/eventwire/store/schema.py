"""One schema for SQLite and PostgreSQL (SQLAlchemy Core); full-text search is per engine."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    func,
)

SCHEMA_VERSION = 1
metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("url", Text),
    Column("source", String(300)),
    Column("published", Date),
    Column("title", Text),
    Column("language", String(16)),
    Column("origin", Text),
    Column("text", Text, nullable=False),
    Column("blocks", Text, nullable=False),  # JSON list of {kind, start, end}
    Column("canonical_id", String(200)),  # set for a near-duplicate copy: the article coded instead
    Column("sketch", LargeBinary),  # MinHash signature (dedup.py)
    Column("ingested_at", DateTime, server_default=func.current_timestamp()),
)
Index("ix_articles_canonical", articles.c.canonical_id)

article_bands = Table(
    "article_bands",
    metadata,
    Column("key", String(40), primary_key=True),
    Column("article_id", String(200), ForeignKey("articles.id"), primary_key=True),
)

events = Table(
    "events",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("event_date", Date),
    Column("time_precision", Integer),
    Column("event_type", String(64), nullable=False),
    Column("sub_event_type", String(64), nullable=False),
    Column("plover", String(32)),
    Column("actor1", String(300)),
    Column("assoc_actor_1", String(300)),
    Column("inter1", Integer),
    Column("actor2", String(300)),
    Column("assoc_actor_2", String(300)),
    Column("inter2", Integer),
    Column("interaction", Integer),
    Column("country", String(8)),
    Column("admin1", String(200)),
    Column("admin2", String(200)),
    Column("admin3", String(200)),
    Column("location", String(300)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("geonameid", Integer),
    Column("fatalities", Integer, nullable=False, default=0),
    Column("fatalities_qualifier", String(32)),
    Column("notes", Text),
    Column("confidence", Float),
    Column("created_at", DateTime, server_default=func.current_timestamp()),
    # Where the event comes from: "eventwire" (coded from news here) or "acled" (imported from an
    # ACLED export by `eventwire import-acled`); and when it last changed (a merge, a refresh).
    # Both were added after the first release: `Store._migrate` adds them to older databases.
    Column("origin", String(16), nullable=False, server_default="eventwire"),
    Column("updated_at", DateTime),
)
Index("ix_events_date_id", events.c.event_date, events.c.id)  # pages of events newest first
Index("ix_events_type", events.c.event_type, events.c.sub_event_type)
Index("ix_events_country", events.c.country, events.c.admin1)
Index("ix_events_latlon", events.c.latitude, events.c.longitude)
# Covering indexes for the dashboard's map, type and country filters (bench_api.py: date+bbox
# counts 577 ms -> 1.4 ms, one type's timeline 5.4 s -> 50 ms on 1M events).
Index("ix_events_map", events.c.event_date, events.c.latitude, events.c.longitude, events.c.event_type, events.c.id)
Index("ix_events_type_date", events.c.event_type, events.c.event_date)
Index("ix_events_country_type_date", events.c.country, events.c.event_type, events.c.event_date)
# Every column that names an actor of an event. The actor filter matches a substring against the
# few distinct names first, then looks the events up by name through these indexes (query.py).
ACTOR_COLUMNS = (events.c.actor1, events.c.actor2, events.c.assoc_actor_1, events.c.assoc_actor_2)
for _column in ACTOR_COLUMNS:
    Index(f"ix_events_{_column.name}", _column)
Index("ix_events_origin_type_date", events.c.origin, events.c.event_type, events.c.event_date)
# Columns added to `events` since the first release, which `Store._migrate` adds to a database
# made before them (ALTER TABLE ... ADD COLUMN, with the column's constant default).
ADDED_EVENT_COLUMNS = ("origin", "updated_at")

# What an ACLED export said about an imported event beyond the columns every event has: its
# ACLED identifiers and the fields eventwire does not code, kept to be written back on export.
acled_events = Table(
    "acled_events",
    metadata,
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("event_id_cnty", String(64), nullable=False),
    Column("event_id_no_cnty", String(32)),
    Column("data_id", String(32)),
    Column("iso", Integer),
    Column("iso3", String(8)),
    Column("region", String(64)),
    Column("country", String(200)),  # as the export wrote it
    Column("original_event_type", String(100)),  # e.g. "Riots/Protests" in the older schema
    Column("disorder_type", String(64)),
    Column("civilian_targeting", String(64)),
    Column("source", Text),
    Column("source_scale", String(200)),
    Column("tags", Text),
    Column("timestamp", BigInteger),
    Column("full_text", Text),  # JSON {column: value} of values longer than the events column holds
    Column("file", Text),
    Column("line", Integer),
)
Index("ix_acled_events_country", acled_events.c.country)

evidence = Table(
    "evidence",
    metadata,
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", String(200), ForeignKey("articles.id"), primary_key=True),
    Column("field", String(32), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, primary_key=True),
    Column("text", Text, nullable=False),
)
Index("ix_evidence_article", evidence.c.article_id)

event_sources = Table(
    "event_sources",
    metadata,
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", String(200), ForeignKey("articles.id"), primary_key=True),
    Column("url", Text),
    Column("source", String(300)),
    Column("speaker", String(300)),
)
Index("ix_sources_article", event_sources.c.article_id)

# What each article reported about an event, as coded from that article alone. Events are always
# recomputed from their reports, so a merge can be explained and undone.
reports = Table(
    "reports",
    metadata,
    Column("article_id", String(200), ForeignKey("articles.id"), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("event_id", String(64), ForeignKey("events.id"), nullable=False),
    Column("payload", Text, nullable=False),  # JSON of the Event record
)
Index("ix_reports_event", reports.c.event_id)

merge_log = Table(
    "merge_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), nullable=False),
    Column("article_id", String(200), nullable=False),
    Column("start", Integer, nullable=False),
    Column("action", String(16), nullable=False),  # merged | unmerged
    Column("score", Float),
    Column("reason", Text, nullable=False),
    Column("created_at", DateTime, server_default=func.current_timestamp()),
)
Index("ix_merge_log_event", merge_log.c.event_id)

place_mentions = Table(
    "place_mentions",
    metadata,
    Column("article_id", String(200), ForeignKey("articles.id"), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("name", String(300)),
    Column("feature", String(32)),
    Column("country", String(8)),
    Column("admin1", String(200)),
    Column("admin2", String(200)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geonameid", Integer),
    Column("score", Float),
)

actor_mentions = Table(
    "actor_mentions",
    metadata,
    Column("article_id", String(200), ForeignKey("articles.id"), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("name", String(300), nullable=False),
    Column("inter", Integer),
    Column("country", String(8)),
    Column("lineage", String(200)),
    Column("known", Boolean),
)
Index("ix_actor_mentions_name", actor_mentions.c.name)

quotes = Table(
    "quotes",
    metadata,
    Column("article_id", String(200), ForeignKey("articles.id"), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("kind", String(16)),
    Column("speaker_name", String(300)),
    Column("speaker_role", String(300)),
    Column("speaker_affiliation", String(300)),
    Column("speaker_resolved", Boolean),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("cue", String(64)),
    Column("figures", Text),  # JSON list of integers
)

rejects = Table(
    "rejects",
    metadata,
    Column("origin", Text, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("reason", String(32), nullable=False),
    Column("message", Text, nullable=False),
    Column("created_at", DateTime, server_default=func.current_timestamp()),
)

SQLITE_FTS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5(event_id UNINDEXED, notes, evidence)"
)
