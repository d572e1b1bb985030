"""Every coded field on real ACLED coding (measurement only).

    python benchmarks/bench_acled.py [N] [--file 2020|2015] [--show N]

* 2020: `../shared/eval/events/acled-2020-dev.csv`, each `notes` fed as an article published on
  its `event_date`; the N rows (default 600) with the smallest SHA-1 of `event_id_cnty` (the same
  sample as the shared scorecard). For each note the most confident coded event is compared with
  ACLED's: found, event type, sub-event type, inter pair, admin1, within 25 km, date, fatalities.
  Also printed: the gazetteer ceiling for the distance figure (share of rows whose location name,
  or failing that its admin2 name, has a gazetteer entry within 25 km of ACLED's point).
* 2015: `../shared/eval/events/acled-2015-southasia.csv` (real news excerpts, ACLED's older
  schema): event type after mapping the merged old types onto today's, inter1, admin1, 25 km,
  fatalities.
All through `eventwire run` with default settings.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import math
from collections import Counter
from pathlib import Path

from _pipeline import EVAL, events_by_article, need, run_records

OLD_TYPES = {
    "battle-no change of territory": "Battles",
    "battle-government regains territory": "Battles",
    "battle-non-state actor overtakes territory": "Battles",
    "remote violence": "Explosions/Remote violence",
    "violence against civilians": "Violence against civilians",
    "riots/protests": ("Protests", "Riots"),
    "strategic development": "Strategic developments",
    "non-violent transfer of territory": "Strategic developments",
    "headquarters or base established": "Strategic developments",
}


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = math.sin((lat2 - lat1) * p / 2) ** 2 + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    return 12742 * math.asin(math.sqrt(a))


def num(x: object) -> float | None:
    try:
        return float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def iso_date(d: str) -> str:
    month = d.split("-")[1]
    fmt = "%d-%B-%Y" if len(d.split("-")[2]) == 4 else ("%d-%B-%y" if len(month) > 3 else "%d-%b-%y")
    return dt.datetime.strptime(d, fmt).date().isoformat()


def sample(rows: list[dict], key: str, n: int) -> list[dict]:
    return sorted(rows, key=lambda r: hashlib.sha1(r[key].encode()).hexdigest())[:n]


def best(evs: list[dict]) -> dict | None:
    return max(evs, key=lambda x: float(x.get("confidence") or 0)) if evs else None


def ceiling(rows: list[dict]) -> tuple[float, float]:
    from eventwire.geo import Gazetteer
    from eventwire.geo.resolve import candidate_places
    from eventwire.settings import Settings

    gaz = Gazetteer.load(Settings.from_env())
    by_name = by_any = 0
    for r in rows:
        lat, lon = float(r["latitude"]), float(r["longitude"])
        near = lambda name: any(km(p.latitude, p.longitude, lat, lon) <= 25 for p in candidate_places(name, gaz))  # noqa: E731
        a = near(r["location"])
        by_name += a
        by_any += a or bool(r.get("admin2") and near(r["admin2"]))
    return by_name / len(rows), by_any / len(rows)


def bench_2020(n: int, show: int) -> None:
    path = need(EVAL / "events" / "acled-2020-dev.csv")
    rows = sample(list(csv.DictReader(path.open(encoding="utf-8"))), "event_id_cnty", n)
    doc = run_records([{"id": r["event_id_cnty"], "text": r["notes"], "published": iso_date(r["event_date"])} for r in rows])
    by_art = events_by_article(doc)
    k: Counter[str] = Counter()
    misses = []
    for r in rows:
        e = best(by_art.get(r["event_id_cnty"], []))
        if e is None:
            misses.append(f"  no event: {r['event_type']} / {r['sub_event_type']}: {r['notes'][:120]}")
            continue
        k["found"] += 1
        k["type"] += e.get("event_type") == r["event_type"]
        k["sub"] += e.get("sub_event_type") == r["sub_event_type"]
        k["inter"] += {str(e.get("inter1")), str(e.get("inter2") or 0)} == {r["inter1"], r["inter2"] or "0"}
        k["admin1"] += str(e.get("admin1", "")).strip().lower() == r["admin1"].strip().lower()
        lat, lon = num(e.get("latitude")), num(e.get("longitude"))
        k["km25"] += lat is not None and lon is not None and km(lat, lon, float(r["latitude"]), float(r["longitude"])) <= 25
        k["date"] += str(e.get("event_date", ""))[:10] == iso_date(r["event_date"])
        k["fat"] += num(e.get("fatalities")) == float(r["fatalities"])
    print("\n".join(misses[:show]))
    names, anyname = ceiling(rows)
    print(f"acled 2020 dev, {len(rows)} notes: " + ", ".join(f"{x} {k[x] / len(rows):.2f}" for x in ("found", "type", "sub", "inter", "admin1", "km25", "date", "fat"))
          + f"; gazetteer ceiling for km25: {names:.2f} by location name, {anyname:.2f} with admin2")


def bench_2015(n: int, show: int) -> None:
    path = need(EVAL / "events" / "acled-2015-southasia.csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8", errors="replace")))
    key = "EVENT_ID_CNTY" if "EVENT_ID_CNTY" in rows[0] else next(iter(rows[0]))
    rows = sample(rows, key, n)
    recs = []
    for r in rows:
        try:
            pub = iso_date(r["EVENT_DATE"])
        except (KeyError, ValueError):
            pub = None
        recs.append({"id": r[key], "text": r["NOTES"], **({"published": pub} if pub else {})})
    by_art = events_by_article(run_records(recs))
    k: Counter[str] = Counter()
    for r in rows:
        e = best(by_art.get(r[key], []))
        if e is None:
            continue
        k["found"] += 1
        old = r["EVENT_TYPE"].strip().lower()
        want = "Battles" if old.startswith("battle") else OLD_TYPES.get(old, r["EVENT_TYPE"])
        k["type"] += e.get("event_type") in (want if isinstance(want, tuple) else (want,))
        k["inter1"] += r["INTER1"] in (str(e.get("inter1")), str(e.get("inter2")))  # ACLED's actor 1, on either side
        k["admin1"] += str(e.get("admin1", "")).strip().lower() == r.get("ADMIN1", "").strip().lower()
        lat, lon = num(e.get("latitude")), num(e.get("longitude"))
        k["km25"] += lat is not None and lon is not None and km(lat, lon, float(r["LATITUDE"]), float(r["LONGITUDE"])) <= 25
        k["fat"] += num(e.get("fatalities")) == num(r.get("FATALITIES"))
    print(f"acled 2015 south asia, {len(rows)} excerpts: " + ", ".join(f"{x} {k[x] / len(rows):.2f}" for x in ("found", "type", "inter1", "admin1", "km25", "fat")))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=600)
    ap.add_argument("--file", choices=("2020", "2015", "both"), default="both")
    ap.add_argument("--show", type=int, default=0)
    a = ap.parse_args()
    if a.file in ("2020", "both"):
        bench_2020(a.n, a.show)
    if a.file in ("2015", "both"):
        bench_2015(a.n, a.show)


if __name__ == "__main__":
    main()
