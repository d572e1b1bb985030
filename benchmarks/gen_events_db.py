"""Generate a synthetic eventwire database of N events, fast, for the API benchmark.

    python benchmarks/gen_events_db.py --events 1000000 --out /tmp/events-1m.db [--seed 7]

The schema comes from `Store` (so it is the real one, indexes included); rows go in with
`executemany` inside one transaction with SQLite's journal off, which writes a million events,
their evidence, sources, full-text rows and one article per five events in about a minute or two.
Dates span 2018-2024, places cluster around 40 country centroids, types follow rough ACLED
proportions, so filters are as selective as on real data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from eventwire.store import Store

EVENTS_PER_ARTICLE = 5
FIRST_DAY = dt.date(2018, 1, 1)
DAYS = (dt.date(2024, 12, 31) - FIRST_DAY).days + 1

COUNTRIES: list[tuple[str, str, float, float]] = [
    ("UA", "Ukraine", 48.4, 31.2), ("SY", "Syria", 35.0, 38.5), ("YE", "Yemen", 15.6, 48.0),
    ("SD", "Sudan", 15.5, 30.2), ("MM", "Myanmar", 21.9, 95.9), ("CD", "DR Congo", -2.9, 23.6),
    ("NG", "Nigeria", 9.1, 8.7), ("ML", "Mali", 17.6, -4.0), ("BF", "Burkina Faso", 12.2, -1.6),
    ("SO", "Somalia", 5.2, 46.2), ("ET", "Ethiopia", 9.1, 40.5), ("AF", "Afghanistan", 33.9, 67.7),
    ("IQ", "Iraq", 33.2, 43.7), ("PS", "Palestine", 31.9, 35.2), ("IL", "Israel", 31.0, 34.9),
    ("LB", "Lebanon", 33.9, 35.9), ("PK", "Pakistan", 30.4, 69.3), ("IN", "India", 22.0, 79.0),
    ("MX", "Mexico", 23.6, -102.5), ("CO", "Colombia", 4.6, -74.3), ("BR", "Brazil", -10.3, -53.2),
    ("VE", "Venezuela", 6.4, -66.6), ("HT", "Haiti", 18.9, -72.3), ("LY", "Libya", 26.3, 17.2),
    ("EG", "Egypt", 26.8, 30.8), ("KE", "Kenya", 0.0, 37.9), ("CM", "Cameroon", 7.4, 12.4),
    ("NE", "Niger", 17.6, 8.1), ("MZ", "Mozambique", -18.7, 35.5), ("SS", "South Sudan", 7.9, 30.2),
    ("CF", "Central African Republic", 6.6, 20.9), ("PH", "Philippines", 12.9, 121.8),
    ("TR", "Turkey", 39.0, 35.2), ("IR", "Iran", 32.4, 53.7), ("RU", "Russia", 55.0, 40.0),
    ("FR", "France", 46.2, 2.2), ("US", "United States", 39.0, -98.0), ("BD", "Bangladesh", 23.7, 90.4),
    ("TH", "Thailand", 15.9, 100.9), ("AM", "Armenia", 40.1, 45.0),
]
TYPES: list[tuple[str, list[tuple[str, str]], int]] = [
    ("Battles", [("Armed clash", "FIGHT"), ("Government regains territory", "FIGHT"), ("Non-state actor overtakes territory", "FIGHT")], 22),
    ("Explosions/Remote violence", [("Shelling/artillery/missile attack", "AERIAL"), ("Air/drone strike", "AERIAL"), ("Remote explosive/landmine/IED", "AERIAL"), ("Suicide bomb", "AERIAL")], 25),
    ("Violence against civilians", [("Attack", "ASSAULT"), ("Abduction/forced disappearance", "ASSAULT")], 14),
    ("Protests", [("Peaceful protest", "PROTEST"), ("Protest with intervention", "PROTEST"), ("Excessive force against protesters", "PROTEST")], 28),
    ("Riots", [("Violent demonstration", "RIOT"), ("Mob violence", "RIOT")], 7),
    ("Strategic developments", [("Arrests", "COERCE"), ("Looting/property destruction", "COERCE")], 4),
]
ACTOR_KINDS = ["Military Forces of {c}", "Police Forces of {c}", "Rebel Group ({c})", "Unidentified Armed Group ({c})",
               "Protesters ({c})", "Rioters ({c})", "Civilians ({c})", "Militia ({c})"]
WORDS = ["airstrike", "market", "shelling", "village", "clash", "troops", "convoy", "checkpoint", "protest", "rally", "police", "drone", "artillery", "border", "district", "capital", "school", "hospital", "bridge", "camp", "mosque", "church", "road", "fighters"]


def _rows(n: int, rng: random.Random) -> Iterator[tuple[tuple[object, ...], tuple[object, ...], tuple[object, ...], tuple[object, ...]]]:
    type_weights = [w for *_, w in TYPES]
    for i in range(n):
        iso, name, lat0, lon0 = COUNTRIES[min(int(rng.paretovariate(1.2)) - 1, len(COUNTRIES) - 1) if rng.random() < 0.7 else rng.randrange(len(COUNTRIES))]
        etype, subs, _ = rng.choices(TYPES, weights=type_weights)[0]
        sub, plover = rng.choice(subs)
        day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        a1 = rng.choice(ACTOR_KINDS).format(c=name)
        a2 = rng.choice(ACTOR_KINDS).format(c=name) if rng.random() < 0.6 else None
        lat, lon = lat0 + rng.gauss(0, 1.5), lon0 + rng.gauss(0, 1.5)
        words = " ".join(rng.choice(WORDS) for _ in range(6))
        notes = f"{a1} {words} near {name} admin {i % 97}."
        eid = f"e{i:08d}"
        aid = f"a{i // EVENTS_PER_ARTICLE:08d}"
        deaths = int(rng.expovariate(0.3)) if etype != "Protests" else 0
        event = (eid, day.isoformat(), 1, etype, sub, plover, a1, None, 1, a2, None, 2 if a2 else None, 12,
                 iso, f"{name} region {i % 13}", None, None, f"Place {i % 5000}", round(lat, 5), round(lon, 5),
                 1, None, deaths, None, notes, round(rng.uniform(0.35, 1.0), 3))
        evidence = (eid, aid, "event", 0, len(notes), notes)
        source = (eid, aid, f"https://news.example.org/{aid}", "news.example.org", None)
        fts = (eid, notes, notes)
        yield event, evidence, source, fts


def generate(path: Path, n: int, seed: int = 7) -> None:
    path.unlink(missing_ok=True)
    Store(str(path)).close()  # the real schema and indexes
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("BEGIN")
    articles = ((f"a{k:08d}", f"https://news.example.org/a{k:08d}", "news.example.org", (FIRST_DAY + dt.timedelta(days=k % DAYS)).isoformat(),
                 f"Synthetic article {k}", "en", "bench", f"Synthetic article {k}\n\nBody of a synthetic article.", "[]")
                for k in range((n + EVENTS_PER_ARTICLE - 1) // EVENTS_PER_ARTICLE))
    conn.executemany("INSERT INTO articles (id, url, source, published, title, language, origin, text, blocks) VALUES (?,?,?,?,?,?,?,?,?)", articles)
    rng = random.Random(seed)
    batch: list[tuple[tuple[object, ...], ...]] = []
    for row in _rows(n, rng):
        batch.append(row)
        if len(batch) >= 50_000:
            _flush(conn, batch)
            batch = []
    _flush(conn, batch)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()


def _flush(conn: sqlite3.Connection, batch: list[tuple[tuple[object, ...], ...]]) -> None:
    if not batch:
        return
    conn.executemany(f"INSERT INTO events (id, event_date, time_precision, event_type, sub_event_type, plover, actor1, assoc_actor_1, inter1, "
                     f"actor2, assoc_actor_2, inter2, interaction, country, admin1, admin2, admin3, location, latitude, longitude, "
                     f"geo_precision, geonameid, fatalities, fatalities_qualifier, notes, confidence) VALUES ({','.join('?' * 26)})",
                     (b[0] for b in batch))
    conn.executemany('INSERT INTO evidence (event_id, article_id, field, start, "end", text) VALUES (?,?,?,?,?,?)', (b[1] for b in batch))
    conn.executemany("INSERT INTO event_sources (event_id, article_id, url, source, speaker) VALUES (?,?,?,?,?)", (b[2] for b in batch))
    conn.executemany("INSERT INTO events_fts (rowid, event_id, notes, evidence) SELECT rowid, ?, ?, ? FROM events WHERE id = ?",
                     (tuple(b[3]) + (b[3][0],) for b in batch))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=Path("/tmp/eventwire-bench.db"))
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    started = time.perf_counter()
    generate(args.out, args.events, args.seed)
    size = args.out.stat().st_size / 1e6
    print(f"{args.events} events written to {args.out} ({size:.0f} MB) in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
