"""Shared fixtures: a database URL per engine (SQLite always; PostgreSQL when
EVENTWIRE_TEST_PG_URL names a server, as .ci/run arranges)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_URL = os.environ.get("EVENTWIRE_TEST_PG_URL")


def _reset_pg(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "test.sqlite")
        return
    if not PG_URL:
        pytest.skip("PostgreSQL tests need EVENTWIRE_TEST_PG_URL (set by .ci/run, which starts a server)")
    _reset_pg(PG_URL)
    yield PG_URL
