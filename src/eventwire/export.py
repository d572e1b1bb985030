"""Exports that stream from the store: ACLED's CSV (`--format acled`), the same with eventwire's
own columns after ACLED's (`--format csv`), the JSON document, GeoJSON and Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any

from .acled_format import ACLED_EXPORT_COLUMNS, EVENTWIRE_COLUMNS, acled_row, csv_row

# `--format acled`: exactly ACLED's export columns; `--format csv`: those, then eventwire's own.
ACLED_CSV_COLUMNS = ACLED_EXPORT_COLUMNS
CSV_COLUMNS = ACLED_EXPORT_COLUMNS + EVENTWIRE_COLUMNS


def _jsonable(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def public_event(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event row as the public JSON event (ACLED names + plover, evidence, sources),
    with its `origin`; an imported ACLED event also carries what the export said in `acled`,
    and keeps ACLED's own `event_id_cnty` and `source`."""
    out = {k: _jsonable(v) for k, v in row.items() if k not in ("created_at", "updated_at")}
    imported = row.get("acled")
    out["event_id_cnty"] = imported["event_id_cnty"] if imported else row["id"]
    out["year"] = row["event_date"].year if row.get("event_date") else None
    out["iso"] = row.get("country")
    out["source"] = "; ".join(sorted({s["source"] for s in row.get("sources", []) if s.get("source")})) or None
    if imported:
        out["source"] = imported.get("source")
    out["origin"] = row.get("origin") or "eventwire"
    return out


def _write_rows(events: Iterable[dict[str, Any]], out: IO[str], columns: Sequence[str], to_row: Callable[[dict[str, Any]], dict[str, Any]]) -> int:
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    n = 0
    for row in events:
        writer.writerow(to_row(row))
        n += 1
    return n


def write_csv(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """ACLED's columns with ACLED's values (acled_format.acled_row), then eventwire's own."""
    return _write_rows(events, out, CSV_COLUMNS, csv_row)


def write_acled(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Exactly the columns of ACLED's export, in ACLED's order, for scripts that read ACLED's."""
    return _write_rows(events, out, ACLED_CSV_COLUMNS, acled_row)


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


PARQUET_CHUNK = 5000  # rows per Parquet row group: bounded memory however large the table


def write_parquet(rows: Iterable[dict[str, Any]], path: str, drop: tuple[str, ...] = ()) -> int:
    """Stream dict rows into one Parquet file; nested lists (evidence, sources) become JSON text."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer = None
    n = 0
    buf: list[dict[str, Any]] = []

    def flush() -> None:
        nonlocal writer
        if not buf:
            return
        table = pa.Table.from_pylist(buf, schema=writer.schema if writer else None)
        if writer is None:
            # A column empty in the whole first chunk would be typed null and refuse later text
            # (an imported event's `acled`, an `admin3`): such columns are text.
            table = table.cast(pa.schema([pa.field(f.name, pa.string()) if pa.types.is_null(f.type) else f for f in table.schema]))
            writer = pq.ParquetWriter(path, table.schema)
        writer.write_table(table)
        buf.clear()

    for row in rows:
        flat = {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v) for k, v in row.items() if k not in drop}
        buf.append(flat)
        n += 1
        if len(buf) >= PARQUET_CHUNK:
            flush()
    flush()
    if writer is not None:
        writer.close()
    return n
