"""The HTTP API on a small hand-made database (no spaCy): filters, details, the error envelope on
every endpoint, bound parameters against injection, the security headers and the ingest guard."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventwire.serve import create_app
from eventwire.serve.demo import build
from eventwire.settings import Settings

TOKEN = "s3cret-token"
ALL_EVENTS = 6

# Every GET route with parameters that work, and one that must fail validation.
GET_ROUTES: list[tuple[str, str]] = [
    ("/api/events", "/api/events?limit=0"),
    ("/api/events/ev-idlib-1", "/api/events/" + "x" * 300),
    ("/api/points", "/api/points?limit=-1"),
    ("/api/timeline", "/api/timeline?start=not-a-date"),
    ("/api/articles", "/api/articles?offset=-3"),
    ("/api/articles/a-idlib", "/api/articles/" + "x" * 300),
    ("/api/places", "/api/places?limit=abc"),
    ("/api/actors", "/api/actors?limit=100000"),
    ("/api/config", "/api/config/nope"),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "events.db"
    build(str(path), hostile=True).close()
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(Settings(db=str(db))), raise_server_exceptions=False)


def assert_envelope(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert err["status"] == status
    assert isinstance(err["code"], str) and err["code"]
    assert isinstance(err["message"], str) and err["message"]
    if code:
        assert err["code"] == code
    return err


# -- listing and filtering ------------------------------------------------------------------


def test_events_lists_all_with_total_and_details(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert body["total"] == ALL_EVENTS and len(body["items"]) == ALL_EVENTS
    first = body["items"][0]
    assert first["event_date"] == "2024-03-16"  # newest first by default
    assert {"evidence", "sources", "event_id_cnty", "iso", "plover", "confidence"} <= set(first)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("start=2024-03-01&end=2024-03-12", {"ev-idlib-1", "ev-kherson-1"}),
        ("bbox=30,40,40,50", {"ev-kherson-1", "ev-kherson-2"}),
        ("event_type=Protests", {"ev-nairobi-1"}),
        ("sub_event_type=Armed clash", {"ev-kherson-2", "ev-hostile-1"}),
        ("actor=russia", {"ev-kherson-1", "ev-kherson-2"}),
        ("country=ua", {"ev-kherson-1", "ev-kherson-2"}),
        ("admin1=Nineveh", {"ev-mosul-1"}),
        ("q=market", {"ev-idlib-1"}),
        ("min_confidence=0.8", {"ev-idlib-1", "ev-kherson-1"}),
        ("event_type=Battles&country=UA", {"ev-kherson-2"}),
    ],
)
def test_event_filters(client: TestClient, query: str, expected: set[str]) -> None:
    body = client.get(f"/api/events?{query}").json()
    assert {e["id"] for e in body["items"]} == expected
    assert body["total"] == len(expected)


def test_paging_and_sort(client: TestClient) -> None:
    page = client.get("/api/events?limit=2&offset=2&sort=event_date").json()
    assert page["total"] == ALL_EVENTS and page["limit"] == 2 and page["offset"] == 2
    assert [e["id"] for e in page["items"]] == ["ev-idlib-1", "ev-kherson-1"]
    by_deaths = client.get("/api/events?sort=-fatalities&limit=1").json()["items"][0]
    assert by_deaths["id"] == "ev-idlib-1"
    assert_envelope(client.get("/api/events?sort=notes"), 422, "invalid_parameter")


def test_points_and_timeline_honour_the_same_filters(client: TestClient) -> None:
    for query in ("", "country=UA", "event_type=Battles", "start=2024-03-01", "q=killing"):
        total = client.get(f"/api/events?{query}").json()["total"]
        points = client.get(f"/api/points?{query}").json()
        timeline = client.get(f"/api/timeline?{query}").json()
        assert points["total"] == len(points["points"]) == total, query
        assert timeline["total"] == sum(d["count"] for d in timeline["days"]) == total, query
        assert sum(t["count"] for t in timeline["types"]) == total
        assert sum(c["count"] for c in timeline["countries"]) == total
    pts = client.get("/api/points?limit=2").json()
    assert pts["truncated"] is True and len(pts["points"]) == 2 and pts["total"] == ALL_EVENTS
    _eid, lat, lon, type_index, day = pts["points"][0]
    assert pts["types"][type_index] == "Battles" and (lat, lon, day) == (-1.68, 29.23, "2024-03-16")


def test_event_detail_has_evidence_sources_and_quotes(client: TestClient, db: Path) -> None:
    ev = client.get("/api/events/ev-idlib-1").json()
    fields = {e["field"] for e in ev["evidence"]}
    assert {"event", "actor1", "location", "event_date", "fatalities"} <= fields
    assert ev["sources"] == [{"article_id": "a-idlib", "url": "https://news.example.org/idlib-strike", "source": "news.example.org", "speaker": None}]
    assert ev["quotes"][0]["speaker"]["name"] == "Ahmad Khalil"
    article = client.get("/api/articles/a-idlib").json()
    for span in ev["evidence"] + ev["quotes"]:
        assert article["text"][span["start"] : span["end"]] == span["text"]


def test_article_detail_carries_spans_to_highlight(client: TestClient) -> None:
    art = client.get("/api/articles/a-kherson").json()
    assert art["blocks"][0]["kind"] == "title"
    assert {e["event_id"] for e in art["evidence"]} == {"ev-kherson-1", "ev-kherson-2"}
    assert all(art["text"][e["start"] : e["end"]] == e["text"] for e in art["evidence"])
    assert art["places"][0]["name"] == "Kherson"
    listing = client.get("/api/articles").json()
    assert listing["total"] == 5 and all("text" not in a for a in listing["items"])
    assert {a["id"]: a["events"] for a in listing["items"]}["a-kherson"] == 2
    assert client.get("/api/articles?source=wire.example.com").json()["total"] == 1


def test_places_and_actors(client: TestClient) -> None:
    places = client.get("/api/places").json()
    assert {p["name"] for p in places} == {"Idlib", "Kherson", "Nairobi", "Mosul", "Goma"}
    assert client.get("/api/places?country=ua").json()[0]["name"] == "Kherson"
    actors = client.get("/api/actors").json()
    assert actors[0]["name"] == "Military Forces of Syria" and actors[0]["mentions"] == 1


# -- errors: one envelope everywhere ---------------------------------------------------------


@pytest.mark.parametrize(("good", "bad"), GET_ROUTES)
def test_every_endpoint_answers_and_fails_with_the_envelope(client: TestClient, good: str, bad: str) -> None:
    assert client.get(good).status_code == 200
    response = client.get(bad)
    assert_envelope(response, response.status_code)
    assert response.status_code in (404, 422)


def test_not_found_unknown_route_and_wrong_method(client: TestClient) -> None:
    assert_envelope(client.get("/api/events/nope"), 404, "not_found")
    assert_envelope(client.get("/api/articles/nope"), 404, "not_found")
    assert_envelope(client.get("/api/no-such-route"), 404, "not_found")
    assert_envelope(client.get("/static/no-such-file.js"), 404, "not_found")
    assert_envelope(client.delete("/api/events"), 405, "method_not_allowed")


@pytest.mark.parametrize(
    "query",
    ["bbox=1,2,3", "bbox=a,b,c,d", "bbox=10,0,5,5", "bbox=0,0,200,10", "start=2024-05-01&end=2024-01-01", "min_confidence=2", "limit=5000"],
)
def test_validation_errors_use_the_envelope(client: TestClient, query: str) -> None:
    err = assert_envelope(client.get(f"/api/events?{query}"), 422, "invalid_parameter")
    assert "Traceback" not in err["message"]


def test_an_unexpected_error_is_a_500_envelope_without_details(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.serve import queries

    def boom(*_: object) -> None:
        raise RuntimeError("SELECT secret FROM somewhere")

    app = create_app(Settings(db=str(db)))
    monkeypatch.setattr(queries, "timeline", boom)
    err = assert_envelope(TestClient(app, raise_server_exceptions=False).get("/api/timeline"), 500, "internal_error")
    assert "secret" not in err["message"]


# -- injection: parameters are bound, nothing breaks, nothing leaks ---------------------------


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("actor", "' OR 1=1 --"),
        ("country", "UA' OR '1'='1"),
        ("event_type", "Battles'; DROP TABLE events; --"),
        ("admin1", '" OR ""="'),
        ("q", "' OR 1=1 --"),
        ("q", '"market" OR *'),
        ("q", "NEAR(market strike) notes:x"),
        ("q", "market\" OR \"1"),
        ("q", "(((("),
        ("q", "a*b^c-d:e"),
        ("sort", "event_date; DROP TABLE events"),
    ],
)
def test_hostile_filters_neither_break_nor_leak(client: TestClient, db: Path, name: str, value: str) -> None:
    for path in ("/api/events", "/api/points", "/api/timeline"):
        response = client.get(path, params={name: value})
        assert response.status_code in (200, 422), response.text
        if response.status_code == 200 and path == "/api/events":
            # A hostile value is a literal: it matches only what contains it, which here is nothing.
            assert response.json()["total"] < ALL_EVENTS, (name, value)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == ALL_EVENTS


@pytest.mark.parametrize("value", ["%", "s_r"])  # unescaped, "s_r" would match "Syria"
def test_like_wildcards_in_actor_are_literal(client: TestClient, value: str) -> None:
    assert client.get("/api/events", params={"actor": value}).json()["total"] == 0


def test_fts_phrase_search_with_quotes_finds_literal_words(client: TestClient) -> None:
    assert client.get("/api/events", params={"q": 'killing "12"'}).json()["total"] == 1
    assert client.get("/api/events", params={"q": "'"}).status_code == 200


def test_cached_aggregates_see_new_events_at_once(tmp_path: Path) -> None:
    from eventwire.serve.demo import demo_results

    store = build(str(tmp_path / "grow.db"))
    c = TestClient(create_app(Settings(db=str(tmp_path / "grow.db"))))
    assert c.get("/api/timeline").json()["total"] == 5
    assert c.get("/api/events?limit=1").json()["total"] == 5
    hostile = [r for r in demo_results(hostile=True) if r.article.id == "a-hostile"]
    store.save_batch(hostile)  # written by another connection, as `eventwire run` would
    assert c.get("/api/timeline").json()["total"] == 6
    assert c.get("/api/events?limit=1").json()["total"] == 6


# -- headers and the page ---------------------------------------------------------------------


def test_security_headers_and_dashboard(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "http" not in page.text.replace("http-equiv", "")  # nothing loaded from another origin
    for asset in ("/static/app.js", "/static/app.css"):
        assert client.get(asset).status_code == 200
    assert client.get("/api/events").headers["content-security-policy"] == csp


def test_tile_url_is_allowed_by_the_csp_only_when_configured(db: Path) -> None:
    app = create_app(Settings(db=str(db)), tile_url="https://{s}.tile.example.org/{z}/{x}/{y}.png")
    c = TestClient(app)
    assert "img-src 'self' data: https://*.tile.example.org" in c.get("/").headers["content-security-policy"]
    assert c.get("/api/config").json()["tile_url"].startswith("https://")
    with pytest.raises(ValueError):
        create_app(Settings(db=str(db)), tile_url="javascript:alert(1)")


def test_openapi_documents_every_route(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    paths = spec["paths"]
    for route in ("/api/events", "/api/events/{event_id}", "/api/articles", "/api/articles/{article_id}",
                  "/api/places", "/api/actors", "/api/timeline", "/api/points"):
        assert "get" in paths[route], route
    assert "post" in paths["/api/articles"]
    params = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"start", "end", "bbox", "event_type", "sub_event_type", "actor", "country", "admin1", "q",
            "min_confidence", "limit", "offset", "sort"} <= params


# -- ingest over HTTP ------------------------------------------------------------------------

ARTICLE = {"id": "posted-1", "url": "https://example.org/p1", "title": "Clashes in Aleppo",
           "text": "Government forces clashed with rebels in Aleppo on Monday, killing five fighters, a monitor said."}


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def test_ingest_is_forbidden_without_a_configured_token(client: TestClient, db: Path) -> None:
    before = _count(db, "articles")
    for headers in ({}, {"Authorization": f"Bearer {TOKEN}"}):
        assert_envelope(client.post("/api/articles", json={"articles": [ARTICLE]}, headers=headers), 403, "forbidden")
    # the token check comes first: even a malformed body is a 403, not a 422
    assert_envelope(client.post("/api/articles", content=b"{not json"), 403, "forbidden")
    assert _count(db, "articles") == before
    assert client.get("/api/config").json()["ingest_enabled"] is False


@pytest.mark.parametrize("auth", [None, "Bearer wrong", "Basic czNjcmV0LXRva2Vu", "Bearer", f"bearer {TOKEN}x"])
def test_ingest_needs_the_right_bearer_token(db: Path, auth: str | None) -> None:
    c = TestClient(create_app(Settings(db=str(db)), ingest_token=TOKEN))
    before = _count(db, "articles")
    headers = {"Authorization": auth} if auth else {}
    response = c.post("/api/articles", json={"articles": [ARTICLE]}, headers=headers)
    assert_envelope(response, 401, "unauthorized")
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert _count(db, "articles") == before


def test_ingest_rejects_bad_bodies_with_the_envelope(db: Path) -> None:
    c = TestClient(create_app(Settings(db=str(db)), ingest_token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert_envelope(c.post("/api/articles", content=b"{not json", headers=auth), 422, "invalid_parameter")
    assert_envelope(c.post("/api/articles", json={"articles": []}, headers=auth), 422, "invalid_parameter")
    assert_envelope(c.post("/api/articles", json={"articles": [{"text": "x", "evil": 1}]}, headers=auth), 422)
    big = {"articles": [{"text": "x" * 11_000_000}]}
    assert_envelope(c.post("/api/articles", json=big, headers=auth), 413, "too_large")


@pytest.mark.slow
def test_ingest_runs_the_pipeline_and_stores_once(tmp_path: Path) -> None:
    db = tmp_path / "ingest.db"
    c = TestClient(create_app(Settings(db=str(db)), ingest_token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {"articles": [ARTICLE, {"id": "bad", "text": "too short"}]}
    first = c.post("/api/articles", json=body, headers=auth)
    assert first.status_code == 200, first.text
    result = first.json()
    assert result["read"] == 1 and result["coded"] == 1 and result["article_ids"] == ["posted-1"]
    assert [r["reason"] for r in result["rejects"]] == ["empty"]
    assert c.get("/api/articles/posted-1").status_code == 200
    again = c.post("/api/articles", json={"articles": [ARTICLE]}, headers=auth).json()
    assert again["skipped"] == 1 and again["coded"] == 0
    assert _count(db, "articles") == 1
