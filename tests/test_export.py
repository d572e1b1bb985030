"""Exports stream from the store in ACLED's columns, GeoJSON and Parquet."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from eventwire.cli import main
from eventwire.export import CSV_COLUMNS, write_csv, write_geojson
from eventwire.store import Store
from eventwire.store.query import EventFilter, iter_events

from .test_store import make_result


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "x.db"
    Store(str(path)).save_batch([make_result("a1"), make_result("a2", event_date=__import__("datetime").date(2024, 5, 1))])
    return path


def test_csv_has_acled_columns(db: Path) -> None:
    out = io.StringIO()
    n = write_csv(iter_events(Store(str(db)), EventFilter()), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert n == len(rows) == 2
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert rows[0]["sub_event_type"] == "Shelling/artillery/missile attack" and rows[0]["fatalities"] == "2"
    assert rows[0]["source"] == "example.org"


def test_geojson_points(db: Path) -> None:
    out = io.StringIO()
    write_geojson(iter_events(Store(str(db)), EventFilter()), out)
    doc = json.loads(out.getvalue())
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 2
    assert doc["features"][0]["geometry"]["coordinates"] == [36.3, 35.8]
    assert doc["features"][0]["properties"]["evidence"][0]["text"].startswith("Rebels shelled")


def test_parquet_export_via_cli(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pq"
    assert main(["export", "--db", str(db), "--format", "parquet", "-o", str(out)]) == 0
    events = pq.read_table(out / "events.parquet").to_pylist()
    assert {e["event_id_cnty"] for e in events} == {"ev-a1", "ev-a2"}
    assert json.loads(events[0]["evidence"])[0]["field"] in ("event", "location")
    assert pq.read_table(out / "places.parquet").num_rows == 2
    assert pq.read_table(out / "quotes.parquet").num_rows == 2


def test_export_json_document_filters(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", str(db), "--format", "json", "--start", "2024-04-01"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [e["id"] for e in doc["events"]] == ["ev-a2"]
    assert set(doc) == {"articles", "events", "places", "quotes", "rejects"}
