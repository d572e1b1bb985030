"""Latency of typical API queries on a large synthetic database, and the dashboard's draw time.

    python benchmarks/bench_api.py --events 1000000 [--db /tmp/eventwire-bench.db] [--rounds 40] [--no-browser]

Builds the database with gen_events_db.py when it is missing (or has another size), then times
each query kind through the whole API stack in-process (FastAPI routing, validation, SQL,
serialisation; no network) with varied parameters, and prints p50/p95 in milliseconds. Then it
serves the database with uvicorn and times, in headless chromium, how long the dashboard takes
from navigation to every marker drawn when the newest 100,000 events are asked for.
Target: p95 under 100 ms per query.
"""

from __future__ import annotations

import argparse
import random
import socket
import sqlite3
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from gen_events_db import COUNTRIES, DAYS, FIRST_DAY, generate

from eventwire.serve import create_app
from eventwire.settings import Settings

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM events").fetchone()[0])
    except sqlite3.Error:
        return -1


def _month(rng: random.Random) -> tuple[str, str]:
    import datetime as dt

    start = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS - 31))
    return start.isoformat(), (start + dt.timedelta(days=30)).isoformat()


def _bbox(rng: random.Random) -> str:
    _, _, lat, lon = rng.choice(COUNTRIES)
    return f"{lon - 3:.2f},{lat - 3:.2f},{lon + 3:.2f},{lat + 3:.2f}"


# Indexes proposed for store/schema.py (not there yet): `--proposed-indexes` adds them to the
# benchmark database first, so their effect can be measured before they are adopted.
PROPOSED_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_events_map ON events (event_date, latitude, longitude, event_type, id)",
    "CREATE INDEX IF NOT EXISTS ix_events_type_date ON events (event_type, event_date)",
    "CREATE INDEX IF NOT EXISTS ix_events_country_type_date ON events (country, event_type, event_date)",
)


def add_proposed_indexes(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        for sql in PROPOSED_INDEXES:
            conn.execute(sql)
        conn.execute("ANALYZE")


QUERIES: dict[str, Callable[[random.Random], str]] = {
    "date range + bbox": lambda r: "/api/events?start={}&end={}&bbox={}".format(*_month(r), _bbox(r)),
    "type + country": lambda r: f"/api/events?event_type={r.choice(['Battles', 'Protests', 'Riots'])}&country={r.choice(COUNTRIES)[0]}",
    "actor": lambda r: f"/api/events?actor=Police Forces of {r.choice(COUNTRIES)[1]}",
    "full-text": lambda r: f"/api/events?q={r.choice(['airstrike market', 'convoy', 'hospital drone', 'checkpoint'])}",
    "full-text + country": lambda r: f"/api/events?q=convoy&country={r.choice(COUNTRIES)[0]}",
    "event detail": lambda r: f"/api/events/e{r.randrange(1000):08d}",
    "timeline (month)": lambda r: "/api/timeline?start={}&end={}".format(*_month(r)),
    "timeline (country)": lambda r: f"/api/timeline?country={r.choice(COUNTRIES)[0]}",
    "timeline (type)": lambda r: f"/api/timeline?event_type={r.choice(['Battles', 'Protests', 'Riots'])}",
    "timeline (all)": lambda r: "/api/timeline",
    "points (month)": lambda r: "/api/points?start={}&end={}".format(*_month(r)),
}


# What the dashboard asks on its first load: the same URLs every time, so the aggregate cache
# answers after the first request.
FIRST_LOAD: dict[str, Callable[[random.Random], str]] = {
    "timeline (all), cached": lambda r: "/api/timeline",
    "events page 1, cached": lambda r: "/api/events?limit=50",
    "points 100k": lambda r: "/api/points?limit=100000",
}


def bench_api(db: Path, rounds: int) -> None:
    from fastapi.testclient import TestClient

    print(f"{'query':24} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  (n={rounds}, in-process through the API)")
    print("-- cache off: every answer computed --")
    _run(TestClient(create_app(Settings(db=str(db)), cache_ttl_s=0)), QUERIES, rounds)
    print("-- cache on (the default): the dashboard's first load, repeated --")
    _run(TestClient(create_app(Settings(db=str(db)))), FIRST_LOAD, max(5, rounds // 4))


def _run(client: object, queries: dict[str, Callable[[random.Random], str]], rounds: int) -> None:
    rng = random.Random(1)
    for name, make in queries.items():
        client.get(make(rng))  # type: ignore[attr-defined]  # warm the page cache for this kind
        times = []
        for _ in range(rounds):
            url = make(rng)
            t0 = time.perf_counter()
            response = client.get(url)  # type: ignore[attr-defined]
            times.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200, (url, response.text)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        flag = "" if p95 < 100 else "  (over 100 ms)"
        print(f"{name:24} {statistics.median(times):8.1f} {p95:8.1f} {times[-1]:8.1f}{flag}")


def bench_page(db: Path, points: int) -> None:
    try:
        import uvicorn
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        print(f"page draw: skipped ({exc})")
        return
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(db=str(db))), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for run in range(2):
                page = browser.new_page(viewport={"width": 1400, "height": 860})
                t0 = time.perf_counter()
                page.goto(f"http://127.0.0.1:{port}/")
                page.wait_for_selector("body[data-ready='1']", state="attached", timeout=300_000)
                total = (time.perf_counter() - t0) * 1000
                drawn = page.locator("#map").get_attribute("data-markers")
                draw_ms = page.locator("#map").get_attribute("data-draw-ms")
                print(f"page load to all markers drawn (run {run + 1}): {total:.0f} ms; markers {drawn}; "
                      f"clustering/drawing alone {draw_ms} ms")
                page.close()
            browser.close()
    finally:
        server.should_exit = True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None, help="database path (default /tmp/eventwire-bench-N.db)")
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--proposed-indexes", action="store_true", help="add the indexes proposed for schema.py first")
    args = parser.parse_args()
    db = args.db or Path(f"/tmp/eventwire-bench-{args.events}.db")
    if _count(db) != args.events:
        t0 = time.perf_counter()
        generate(db, args.events)
        print(f"generated {args.events} events in {time.perf_counter() - t0:.1f} s")
    if args.proposed_indexes:
        add_proposed_indexes(db)
    print(f"database: {db} ({db.stat().st_size / 1e6:.0f} MB, {args.events} events)")
    bench_api(db, args.rounds)
    if not args.no_browser:
        bench_page(db, 100_000)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
