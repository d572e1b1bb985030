"""A run and the server on one database at once, and two runs into one database: no
"database is locked" reaches anyone, and nothing is stored twice."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from eventwire.synth import write_jsonl

pytestmark = pytest.mark.slow
LOAD_SECONDS = float(os.environ.get("EVENTWIRE_LOAD_SECONDS", "60"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_run_and_server_share_a_database_under_read_load(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    corpus = tmp_path / "c.jsonl"
    write_jsonl(str(corpus), 150, seed=21)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "eventwire", "serve", "--db", str(db), "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    runner = None
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/api/events?limit=1", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        runner = subprocess.Popen([sys.executable, "-m", "eventwire", "run", str(corpus), "--db", str(db), "--format", "none", "--batch-size", "4"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        paths = ["/api/events?limit=20", "/api/timeline", "/api/events?q=killed", "/api/places", "/api/actors", "/api/events?country=SY"]
        errors, requests, totals = [], 0, []
        deadline = time.monotonic() + LOAD_SECONDS
        while time.monotonic() < deadline:
            for path in paths:
                try:
                    with urllib.request.urlopen(base + path, timeout=30) as resp:
                        body = json.loads(resp.read())
                        if path.startswith("/api/events?limit"):
                            totals.append(body["total"])
                except Exception as exc:  # noqa: BLE001 - every failure is what this test counts
                    errors.append(f"{path}: {exc}")
                requests += 1
        assert runner.wait(timeout=600) == 0, runner.stderr.read().decode()[-2000:] if runner.stderr else ""
        assert not errors, errors[:5]
        assert requests > 50 and totals == sorted(totals)  # readers saw the store grow, never shrink
    finally:
        if runner and runner.poll() is None:
            runner.kill()
        server.terminate()
        server.wait(timeout=30)


def test_two_runs_into_one_database_serialise(tmp_path: Path) -> None:
    db = tmp_path / "two.db"
    corpus = tmp_path / "c.jsonl"
    write_jsonl(str(corpus), 60, seed=8)
    cmd = [sys.executable, "-m", "eventwire", "run", str(corpus), "--db", str(db), "--format", "none", "--batch-size", "4"]
    a = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    b = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert a.wait(timeout=600) == 0, a.stderr.read().decode()[-2000:] if a.stderr else ""
    assert b.wait(timeout=600) == 0, b.stderr.read().decode()[-2000:] if b.stderr else ""
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM articles").fetchone() == (60, 60)
    assert con.execute("SELECT COUNT(*) FROM reports").fetchone()[0] == con.execute("SELECT COUNT(DISTINCT article_id || ':' || start) FROM reports").fetchone()[0]
    con.close()
