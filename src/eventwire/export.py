"""Exports that stream from the store: ACLED-style CSV, the JSON document, GeoJSON."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from .serialize import ACLED_COLUMNS, EXTRA_COLUMNS

CSV_COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS
FORMATS = ("json", "csv", "geojson")


def _jsonable(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def public_event(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event row as the public JSON event (ACLED names + plover, evidence, sources)."""
    out = {k: _jsonable(v) for k, v in row.items() if k not in ("created_at",)}
    out["event_id_cnty"] = row["id"]
    out["year"] = row["event_date"].year if row.get("event_date") else None
    out["iso"] = row.get("country")
    out["source"] = "; ".join(sorted({s["source"] for s in row.get("sources", []) if s.get("source")})) or None
    return out


def write_csv(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS), extrasaction="ignore")
    writer.writeheader()
    n = 0
    for row in events:
        writer.writerow(public_event(row))
        n += 1
    return n


def write_geojson(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for row in events:
        ev = public_event(row)
        if ev.get("latitude") is None:
            continue
        props = {k: v for k, v in ev.items() if k not in ("latitude", "longitude")}
        feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [ev["longitude"], ev["latitude"]]}, "properties": props}
        out.write(("," if n else "") + "\n" + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def write_document(parts: dict[str, Iterable[dict[str, Any]]], out: IO[str]) -> None:
    """The public JSON document, streamed key by key: articles, events, places, quotes, rejects."""
    out.write("{")
    for i, key in enumerate(("articles", "events", "places", "quotes", "rejects")):
        out.write(("," if i else "") + f'\n"{key}": [')
        for j, item in enumerate(parts.get(key, ())):
            out.write(("," if j else "") + "\n" + json.dumps({k: _jsonable(v) for k, v in item.items()}, ensure_ascii=False))
        out.write("]")
    out.write("\n}\n")
