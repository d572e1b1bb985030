"""Location fields on ACLED notes, with the misses sorted by cause (measurement only).

    python benchmarks/bench_acled_geo.py [N] [--show admin1|km|all] [--rest]

The same sample as bench_acled.py (the N rows of `../shared/eval/events/acled-2020-dev.csv` with
the smallest SHA-1 of `event_id_cnty`, default 600; `--rest` takes the other rows of the file
instead, as a check on what was tuned on the sample), through `eventwire run` with default
settings. Printed:

* admin1 and within-25-km over all rows and over the rows where an event is found (the geo
  code's own effect, apart from event detection);
* the misses by cause: no place at all, a place within 25 km but another admin1 name (name form),
  a wrong place nearby (< 100 km) or far;
* the admin1 naming figure: for each row, the gazetteer's admin1 name of the populated place
  nearest to ACLED's own point (within 15 km) compared with ACLED's admin1 - how well the
  gazetteer's names match the field's, whatever the resolver does.

With --show, one line per miss: our place and admin1 beside ACLED's.
"""

from __future__ import annotations

import argparse
import csv
import math
from collections import Counter, defaultdict

from _pipeline import EVAL, events_by_article, need, run_records
from bench_acled import best, iso_date, km, num, sample


def naming(rows: list[dict]) -> tuple[int, int]:
    """(rows with a gazetteer town within 15 km of ACLED's point, of which its admin1 name is ACLED's)."""
    from eventwire.geo import Gazetteer
    from eventwire.settings import Settings

    gaz = Gazetteer.load(Settings.from_env())
    grid: dict[tuple[str, int, int], list[tuple[float, float, str]]] = defaultdict(list)
    for lat, lon, iso, admin1 in gaz._db.execute(
        "SELECT latitude, longitude, country, admin1 FROM places WHERE feature = 'city' AND admin1 IS NOT NULL"
    ):
        grid[(iso, math.floor(lat), math.floor(lon))].append((lat, lon, admin1))
    isos: dict[str, str | None] = {}
    near = right = 0
    for r in rows:
        if r["country"] not in isos:
            isos[r["country"]] = next((p.country for p in gaz.candidates(r["country"], fuzzy=False) if p.feature == "country"), None)
        iso = isos[r["country"]]
        lat, lon = float(r["latitude"]), float(r["longitude"])
        cells = [t for i in (-1, 0, 1) for j in (-1, 0, 1) for t in grid.get((iso, math.floor(lat) + i, math.floor(lon) + j), [])]
        town = min(cells, key=lambda t: km(lat, lon, t[0], t[1]), default=None)
        if town is None or km(lat, lon, town[0], town[1]) > 15:
            continue
        near += 1
        right += town[2].strip().lower() == r["admin1"].strip().lower()
    return near, right


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=600)
    ap.add_argument("--show", choices=("admin1", "km", "all"))
    ap.add_argument("--rest", action="store_true", help="the rows outside the N-row sample")
    a = ap.parse_args()
    path = need(EVAL / "events" / "acled-2020-dev.csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    chosen = sample(rows, "event_id_cnty", a.n)
    if a.rest:
        ids = {r["event_id_cnty"] for r in chosen}
        chosen = [r for r in rows if r["event_id_cnty"] not in ids]
    rows = chosen
    doc = run_records([{"id": r["event_id_cnty"], "text": r["notes"], "published": iso_date(r["event_date"])} for r in rows])
    by_art = events_by_article(doc)
    k: Counter[str] = Counter()
    causes: Counter[str] = Counter()
    lines = []
    for r in rows:
        e = best(by_art.get(r["event_id_cnty"], []))
        if e is None:
            causes["no event"] += 1
            continue
        k["found"] += 1
        a1 = str(e.get("admin1") or "").strip().lower() == r["admin1"].strip().lower()
        lat, lon = num(e.get("latitude")), num(e.get("longitude"))
        d = km(lat, lon, float(r["latitude"]), float(r["longitude"])) if lat is not None and lon is not None else None
        k["admin1"] += a1
        k["km25"] += d is not None and d <= 25
        if not a1:
            causes["admin1: " + ("no place" if d is None else "name form (place within 25 km)" if d <= 25 else "another place")] += 1
        if d is None or d > 25:
            causes["km25: " + ("no place" if d is None else "wrong place < 100 km" if d < 100 else "wrong place >= 100 km")] += 1
        if a.show and ((not a1 and a.show in ("admin1", "all")) or ((d is None or d > 25) and a.show in ("km", "all"))):
            lines.append(
                f"  {r['country']}: ours {e.get('location')!r} ({e.get('admin1')}) gp{e.get('geo_precision')} | "
                f"ACLED {r['location']!r} ({r['admin2']}, {r['admin1']}) | {'-' if d is None else round(d)} km"
            )
    print("\n".join(lines))
    n, f = len(rows), max(1, k["found"])
    near, right = naming(rows)
    print(
        f"acled 2020 dev, {n} notes{' (rest of the file)' if a.rest else ''}: found {k['found'] / n:.3f}; "
        f"admin1 {k['admin1'] / n:.3f}, km25 {k['km25'] / n:.3f}; given a found event: admin1 {k['admin1'] / f:.3f}, "
        f"km25 {k['km25'] / f:.3f}; admin1 naming at ACLED's point {right / max(1, near):.3f} ({near} rows with a town within 15 km)"
    )
    print("misses: " + ", ".join(f"{c} {v}" for c, v in sorted(causes.items())))


if __name__ == "__main__":
    main()
