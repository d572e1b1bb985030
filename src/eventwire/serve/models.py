"""Pydantic models of the API's answers and of the ingest request.

They exist for the OpenAPI document (what a client can rely on) and to drop any column a client
was never promised; the field names follow the public JSON contract in DESIGN.md.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ErrorBody(BaseModel):
    status: int
    code: str = Field(description="Stable machine-readable code, e.g. not_found, invalid_parameter.")
    message: str
    details: list[dict[str, Any]] | None = None


class ErrorEnvelope(BaseModel):
    error: ErrorBody


class EvidenceOut(BaseModel):
    article_id: str
    start: int = Field(description="Offset into the article text (text[start:end] is the span).")
    end: int
    text: str
    field: str = Field(description="Which coded field the span supports: event, event_date, actor1, actor2, location, fatalities, ...")


class SourceOut(BaseModel):
    article_id: str
    url: str | None = None
    source: str | None = None
    speaker: str | None = None


class AcledOut(BaseModel):
    """What an ACLED export said about an imported event, beyond the columns every event has."""

    event_id_cnty: str
    event_id_no_cnty: str | None = None
    data_id: str | None = None
    iso: int | None = None
    iso3: str | None = None
    region: str | None = None
    country: str | None = Field(default=None, description="The country as the export named it.")
    original_event_type: str | None = Field(default=None, description="The event type as written, e.g. Riots/Protests in the older schema.")
    disorder_type: str | None = None
    civilian_targeting: str | None = None
    source: str | None = None
    source_scale: str | None = None
    tags: str | None = None
    timestamp: int | None = None


class EventOut(BaseModel):
    """An event with ACLED's column names plus plover, confidence, evidence and sources."""

    id: str
    event_id_cnty: str
    event_date: str | None = None
    year: int | None = None
    time_precision: int | None = None
    event_type: str
    sub_event_type: str
    plover: str | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    country: str | None = None
    iso: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    geonameid: int | None = None
    fatalities: int = 0
    fatalities_qualifier: str | None = None
    source: str | None = None
    notes: str | None = None
    confidence: float | None = None
    evidence: list[EvidenceOut] = []
    sources: list[SourceOut] = []
    origin: str = Field(default="eventwire", description="eventwire (coded from news here) or acled (imported from an ACLED export).")
    acled: AcledOut | None = Field(default=None, description="For an imported ACLED event: what the export said.")


class SpeakerOut(BaseModel):
    name: str | None = None
    role: str | None = None
    affiliation: str | None = None
    resolved: bool = True


class QuoteOut(BaseModel):
    article_id: str
    start: int
    end: int
    text: str
    kind: str | None = None
    speaker: SpeakerOut | None = None
    cue: str | None = None
    figures: list[int] = []


class EventDetail(EventOut):
    quotes: list[QuoteOut] = Field(default=[], description="Quotes in the event's source articles.")


class EventPage(BaseModel):
    total: int = Field(description="How many events match the filters (not just this page).")
    limit: int
    offset: int
    items: list[EventOut]


class PointsOut(BaseModel):
    total: int = Field(description="Events that match the filters and have coordinates.")
    truncated: bool = Field(description="True when more events match than `limit`: the newest are returned.")
    types: list[str] = Field(description="Event type names; a point's third number indexes this list.")
    origins: list[str] = Field(default=["eventwire"], description="Origin names (eventwire first); a point's sixth number, where it has one, indexes this list.")
    points: list[list[Any]] = Field(description="[id, latitude, longitude, type index, event_date or null], then the origin index for a point not coded here (an imported ACLED event)")


class DayCount(BaseModel):
    date: str
    count: int


class TypeCount(BaseModel):
    event_type: str
    count: int


class CountryCount(BaseModel):
    country: str | None
    count: int


class TimelineOut(BaseModel):
    total: int
    undated: int
    days: list[DayCount]
    types: list[TypeCount]
    countries: list[CountryCount]


class BlockOut(BaseModel):
    kind: str
    start: int
    end: int


class ArticleBase(BaseModel):
    id: str
    url: str | None = None
    source: str | None = None
    published: str | None = None
    title: str | None = None
    language: str | None = None


class ArticleSummary(ArticleBase):
    events: int = 0


class ArticlePage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[ArticleSummary]


class EvidenceMark(BaseModel):
    event_id: str
    field: str
    start: int
    end: int
    text: str
    event_type: str
    sub_event_type: str


class PlaceMentionOut(BaseModel):
    start: int
    end: int
    text: str
    name: str | None = None
    feature: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    score: float | None = None


class ArticleDetail(ArticleBase):
    origin: str | None = None
    text: str
    blocks: list[BlockOut]
    evidence: list[EvidenceMark] = Field(description="Spans of the events this article reports, by coded field.")
    places: list[PlaceMentionOut]
    quotes: list[QuoteOut]


class PlaceOut(BaseModel):
    name: str
    feature: str | None = None
    country: str | None = None
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    mentions: int
    articles: int


class ActorOut(BaseModel):
    name: str
    inter: int | None = None
    country: str | None = None
    lineage: str | None = None
    known: bool | None = None
    mentions: int


class ConfigOut(BaseModel):
    version: str
    ingest_enabled: bool
    tile_url: str | None
    max_points: int


class ArticleIn(BaseModel):
    """One article to code, as in a JSONL input line: `text` or `html` is required."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | None = Field(default=None, description="ISO date or datetime.")
    text: str | None = None
    html: str | None = None


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1, max_length=100)


class RejectOut(BaseModel):
    input: str
    position: int
    reason: str
    message: str


class IngestResult(BaseModel):
    read: int
    coded: int
    skipped: int = Field(description="Articles already stored (by id); a re-post adds nothing twice.")
    article_ids: list[str]
    events: list[str] = Field(description="Ids of the events coded from the new articles.")
    rejects: list[RejectOut]


def inline_schema(model: type[BaseModel]) -> dict[str, Any]:
    """A model's JSON schema with its $defs inlined, for `openapi_extra` on a route that reads
    its body by hand (the ingest route checks the token before it parses anything)."""
    schema = model.model_json_schema()
    defs = schema.pop("$defs", {})

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                return resolve(defs[ref.removeprefix("#/$defs/")])
            return {k: resolve(v) for k, v in node.items()}
        if isinstance(node, list):
            return [resolve(v) for v in node]
        return node

    return resolve(schema)  # type: ignore[no-any-return]
