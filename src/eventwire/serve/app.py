"""The HTTP API and the dashboard: a thin, read-only shell over the store (writing only through
the token-guarded ingest route).

Every filter reaches SQL as a bound parameter through `store.query.events_query`; every failure
leaves as the JSON envelope of `serve.errors`; every page and asset is served from the package
itself, under a Content-Security-Policy that allows scripts from this origin only.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..acled_format import ORIGINS
from ..export import public_event
from ..settings import Settings
from ..store import Store
from ..store.query import (
    SORTABLE,
    EventFilter,
    actor_summary,
    count_events,
    get_event,
    list_events,
)
from . import errors, queries
from . import models as m
from .cache import DEFAULT_TTL_S, QueryCache
from .ingest import Ingestor, check_token

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
MAX_PAGE = 1000  # events or articles per page; more is what /api/points and exports are for
MAX_POINTS = 100_000  # markers the dashboard asks for; the newest win, the page says so
MAX_INGEST_BYTES_FLOOR = 1_000_000

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": m.ErrorEnvelope, "description": desc}
    for code, desc in ((404, "Not found"), (422, "Invalid parameter"), (500, "Internal error"))
}


def create_app(
    settings: Settings,
    ingest_token: str | None = None,
    tile_url: str | None = None,
    cache_ttl_s: float = DEFAULT_TTL_S,
) -> FastAPI:
    """Build the app for one database. `ingest_token` and `tile_url` default to the settings of
    the same names when those exist; an empty token means ingest is off. `cache_ttl_s=0` turns
    the aggregate cache off (the benchmark measures both)."""
    token = ingest_token if ingest_token is not None else getattr(settings, "ingest_token", None)
    tiles = tile_url if tile_url is not None else getattr(settings, "tile_url", None)
    tiles = tiles or None
    if tiles and urlsplit(tiles.replace("{s}", "a")).scheme not in ("http", "https"):
        raise ValueError(f"tile_url must be an http(s) URL template, not {tiles!r}")

    store = Store(settings.db)
    cache = QueryCache(store, ttl_s=cache_ttl_s)
    ingestor = Ingestor(settings, store, on_write=cache.clear)
    app = FastAPI(
        title="eventwire",
        version=__version__,
        description="Conflict events coded from news, with the evidence for every field.",
        docs_url=None,  # Swagger UI loads its scripts from a CDN: the schema is served instead
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=_closing(store),
    )
    app.state.store = store
    errors.install(app)
    _security_headers(app, tiles)

    # -- dashboard ------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=WEB_DIR, check_dir=False), name="static")

    @app.get("/api/config", response_model=m.ConfigOut, tags=["meta"])
    def config() -> dict[str, Any]:
        """What the dashboard needs to know about this server."""
        return {"version": __version__, "ingest_enabled": bool(token), "tile_url": tiles, "max_points": MAX_POINTS}

    # -- events ---------------------------------------------------------------------------

    @app.get("/api/events", response_model=m.EventPage, responses=ERROR_RESPONSES, tags=["events"])
    def events(
        f: Filter,
        limit: Limit = 100,
        offset: Offset = 0,
        sort: Annotated[str, Query(description=f"A column, '-' first for descending: one of {sorted(SORTABLE)}.", max_length=40)] = "-event_date",
    ) -> dict[str, Any]:
        """Events matching the filters, a page at a time, with evidence and sources."""
        column, descending = sort.removeprefix("-"), sort.startswith("-")
        if column not in SORTABLE:
            raise errors.InvalidParameter(f"cannot sort by {column!r}; choose one of {sorted(SORTABLE)}")
        rows = list_events(store, f, limit=limit, offset=offset, sort=column, descending=descending)
        # A short first page is the whole answer: counting again would cost a second scan.
        if offset == 0 and len(rows) < limit:
            total = len(rows)
        else:
            total = cache.get(("count", f), lambda: count_events(store, f))
        return {"total": total, "limit": limit, "offset": offset, "items": [public_event(r) for r in rows]}

    @app.get("/api/events/{event_id}", response_model=m.EventDetail, responses=ERROR_RESPONSES, tags=["events"])
    def event(event_id: IdPath) -> dict[str, Any]:
        """One event with its evidence spans, its sources and the quotes in its source articles."""
        row = get_event(store, event_id)
        if row is None:
            raise errors.NotFound(f"no event {event_id!r}")
        out = public_event(row)
        out["quotes"] = queries.quotes_for(store, sorted({s["article_id"] for s in row["sources"]}))
        return out

    @app.get("/api/points", response_model=m.PointsOut, responses=ERROR_RESPONSES, tags=["events"])
    def points(f: Filter, limit: Annotated[int, Query(ge=1, le=MAX_POINTS)] = MAX_POINTS) -> Response:
        """Compact map points for the filters (newest first), for drawing many events at once."""
        body = queries.points(store, f, limit)
        if body["truncated"]:
            body["total"] = cache.get(("located", f), lambda: queries.located_count(store, f))
        else:
            body["total"] = len(body["points"])
        return Response(json.dumps(body, separators=(",", ":")), media_type="application/json")

    @app.get("/api/timeline", response_model=m.TimelineOut, responses=ERROR_RESPONSES, tags=["events"])
    def timeline(f: Filter) -> dict[str, Any]:
        """Counts of matching events by day, by event type and by country."""
        counts = cache.get(("timeline", f), lambda: queries.timeline(store, f))
        return {**counts, "total": sum(d["count"] for d in counts["days"]) + counts["undated"]}

    # -- articles, places, actors -----------------------------------------------------------

    @app.get("/api/articles", response_model=m.ArticlePage, responses=ERROR_RESPONSES, tags=["articles"])
    def articles(
        limit: Limit = 100,
        offset: Offset = 0,
        source: Annotated[str | None, Query(description="Only this outlet.", max_length=300)] = None,
    ) -> dict[str, Any]:
        """Stored articles, newest first, without their text."""
        return {"limit": limit, "offset": offset, **queries.list_articles(store, limit, offset, source or None)}

    @app.get("/api/articles/{article_id}", response_model=m.ArticleDetail, responses=ERROR_RESPONSES, tags=["articles"])
    def article(article_id: IdPath) -> dict[str, Any]:
        """One article: its text and blocks, and the spans to highlight (evidence, places, quotes)."""
        out = queries.get_article(store, article_id)
        if out is None:
            raise errors.NotFound(f"no article {article_id!r}")
        return out

    @app.get("/api/places", response_model=list[m.PlaceOut], responses=ERROR_RESPONSES, tags=["places"])
    def places(
        limit: Limit = 200,
        country: Annotated[str | None, Query(max_length=8)] = None,
        q: Annotated[str | None, Query(description="Part of the place name.", max_length=200)] = None,
    ) -> list[dict[str, Any]]:
        """Resolved places, most mentioned first."""
        return queries.place_summary(store, limit, country or None, q or None)

    @app.get("/api/actors", response_model=list[m.ActorOut], responses=ERROR_RESPONSES, tags=["actors"])
    def actors(limit: Limit = 200) -> list[dict[str, Any]]:
        """Actors mentioned in the articles, most mentioned first."""
        return actor_summary(store, limit=limit)

    # -- writing ----------------------------------------------------------------------------

    @app.post(
        "/api/articles",
        response_model=m.IngestResult,
        tags=["articles"],
        responses={
            401: {"model": m.ErrorEnvelope, "description": "Missing or wrong bearer token"},
            403: {"model": m.ErrorEnvelope, "description": "Ingest is disabled (no token configured)"},
            413: {"model": m.ErrorEnvelope, "description": "Body too large"},
            422: {"model": m.ErrorEnvelope, "description": "Invalid body"},
        },
        openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": m.inline_schema(m.IngestRequest)}}}},
    )
    async def ingest(request: Request) -> dict[str, Any]:
        """Code and store articles (`Authorization: Bearer <token>`; off unless a token is configured).

        The token is checked before the body is read, so a refused request costs nothing."""
        check_token(token, request.headers.get("authorization"))
        limit = max(settings.max_input_bytes, MAX_INGEST_BYTES_FLOOR)
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise errors.TooLarge(f"body of {declared} bytes is over {limit}")
        raw = await request.body()
        if len(raw) > limit:
            raise errors.TooLarge(f"body of {len(raw)} bytes is over {limit}")
        try:
            payload = m.IngestRequest.model_validate_json(raw)
        except ValueError as exc:
            raise errors.InvalidParameter(f"invalid ingest body: {_first_error(exc)}") from None
        records = [a.model_dump(exclude_none=True) for a in payload.articles]
        return await run_in_threadpool(ingestor.ingest, records)

    return app


def event_filter(
    start: Annotated[dt.date | None, Query(description="First event date (inclusive), YYYY-MM-DD.")] = None,
    end: Annotated[dt.date | None, Query(description="Last event date (inclusive), YYYY-MM-DD.")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees.", max_length=200)] = None,
    event_type: Annotated[str | None, Query(max_length=200)] = None,
    sub_event_type: Annotated[str | None, Query(max_length=200)] = None,
    actor: Annotated[str | None, Query(description="Part of an actor's name, any case (actor1, actor2 or associates).", max_length=300)] = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 code (alpha-2 or alpha-3) or country name, e.g. SY, SYR or Syria.", max_length=100)] = None,
    admin1: Annotated[str | None, Query(max_length=200)] = None,
    q: Annotated[str | None, Query(description="Full-text search over notes and evidence: every word must occur.", max_length=500)] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    origin: Annotated[str | None, Query(description="eventwire (coded from news here) or acled (imported with eventwire import-acled).", max_length=32)] = None,
) -> EventFilter:
    if start and end and start > end:
        raise errors.InvalidParameter(f"start {start} is after end {end}")
    if origin and origin not in ORIGINS:
        raise errors.InvalidParameter(f"origin must be one of {', '.join(ORIGINS)}, not {origin!r}")
    return EventFilter(
        start=start, end=end, bbox=parse_bbox(bbox) if bbox else None,
        event_type=event_type or None, sub_event_type=sub_event_type or None, actor=actor or None,
        country=country or None, admin1=admin1 or None, q=(q or "").strip() or None,
        min_confidence=min_confidence, origin=origin or None,
    )


Filter = Annotated[EventFilter, Depends(event_filter)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
IdPath = Annotated[str, PathParam(min_length=1, max_length=200)]


def _closing(store: Store) -> Any:
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    return lifespan


def parse_bbox(raw: str) -> tuple[float, float, float, float]:
    """'west,south,east,north' in degrees; a box across the antimeridian is two requests."""
    parts = raw.split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise errors.InvalidParameter("bbox must be four numbers: west,south,east,north") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= 90 and -90 <= north <= 90):
        raise errors.InvalidParameter("bbox is out of range (longitude -180..180, latitude -90..90)")
    if west > east or south > north:
        raise errors.InvalidParameter("bbox must have west <= east and south <= north")
    return west, south, east, north


def _first_error(exc: ValueError) -> str:
    errs = getattr(exc, "errors", None)
    if callable(errs):
        first = errs()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        return f"{where}: {first.get('msg', '')}" if where else str(first.get("msg", ""))
    return str(exc)


def _security_headers(app: FastAPI, tile_url: str | None) -> None:
    """A strict CSP on every response: scripts, styles, data and images from this origin only
    (plus the configured tile server's images), no plugins, no framing, no inline script."""
    img = "'self' data:"
    if tile_url:
        parts = urlsplit(tile_url.replace("{s}", "a"))
        host = parts.netloc
        if "{s}" in tile_url:
            host = "*." + host.split(".", 1)[1] if "." in host else host
        img += f" {parts.scheme}://{host}"
    csp = "; ".join((
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        f"img-src {img}",
        "connect-src 'self'",
        "font-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
    ))
    headers = {
        "Content-Security-Policy": csp,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
    }

    @app.middleware("http")
    async def _add_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        for key, value in headers.items():
            response.headers.setdefault(key, value)
        return response
