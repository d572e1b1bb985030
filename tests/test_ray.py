"""The Ray engine stores exactly what a local run stores on the same input."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from eventwire.cli import main

ray = pytest.importorskip("ray", reason="the Ray engine is an optional extra: pip install -e '.[ray]'")
pytestmark = pytest.mark.slow
EXAMPLES = Path(__file__).parents[1] / "examples" / "articles"


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(db)
    try:
        return {
            "articles": con.execute("SELECT id, canonical_id FROM articles ORDER BY id").fetchall(),
            "events": con.execute("SELECT id, event_type, sub_event_type, event_date, actor1, actor2, location, fatalities FROM events ORDER BY id").fetchall(),
            "evidence": con.execute("SELECT event_id, article_id, field, start, \"end\" FROM evidence ORDER BY 1, 2, 3, 4").fetchall(),
            "sources": con.execute("SELECT event_id, article_id FROM event_sources ORDER BY 1, 2").fetchall(),
        }
    finally:
        con.close()


def test_ray_run_equals_local_run(tmp_path: Path) -> None:
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    local, remote = tmp_path / "local.db", tmp_path / "ray.db"
    args = [str(EXAMPLES), "--published", "2024-03-10", "--format", "none", "--no-progress", "--batch-size", "2"]
    assert main(["run", *args, "--db", str(local)]) == 0
    try:
        assert main(["run", *args, "--db", str(remote), "--engine", "ray", "--workers", "2"]) == 0
    finally:
        ray.shutdown()
    expected = snapshot(local)
    assert expected["events"]
    assert snapshot(remote) == expected
