"""Ingest stage: every input (file, directory, JSONL line, standard input) becomes an Article or
a Reject with a stable reason code. One bad input never stops the batch."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..records import NLP_KINDS, Article, Block, BlockKind, Reject
from ..settings import Settings
from .decode import decode
from .html import parse_html
from .language import detect_language, identify
from .text import split_blocks

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
WARC_SUFFIXES = (".warc", ".warc.gz")
FEED_SUFFIXES = {".rss", ".atom", ".xml"}

Item = Article | Reject


def read_inputs(paths: Iterable[str], settings: Settings, published: dt.date | None = None) -> Iterator[Item]:
    """Yield articles and rejects from paths ('-' is standard input), lazily and in a stable order."""
    for path in paths:
        if path == "-":
            yield from _read_bytes(sys.stdin.buffer.read(), "<stdin>", "", settings, published)
            continue
        if path.startswith(("http://", "https://")):
            yield from _read_url(path, settings, published)
            continue
        p = Path(path)
        if p.is_dir():
            own = _database_files(settings.db)
            for child in sorted(q for q in p.rglob("*") if q.is_file() and not q.name.startswith(".")):
                if child.resolve() not in own:  # the run's own database may live among its inputs
                    yield from _read_file(child, settings, published)
        else:
            yield from _read_file(p, settings, published)


def _database_files(db: str) -> set[Path]:
    """The SQLite file a run writes to, with its journal files (empty for a server URL)."""
    if "://" in db and not db.startswith("sqlite:///"):
        return set()
    base = Path(db.removeprefix("sqlite:///")).resolve()
    return {base, *(base.with_name(base.name + suffix) for suffix in ("-wal", "-shm", "-journal"))}


URL_TIMEOUT_S = 30


def _read_url(url: str, settings: Settings, published: dt.date | None) -> Iterator[Item]:
    """A feed or page given by URL (the user's own input; nothing else is fetched at run time)."""
    from urllib.error import URLError
    from urllib.request import Request, urlopen

    try:
        with urlopen(Request(url, headers={"User-Agent": "eventwire"}), timeout=URL_TIMEOUT_S) as resp:
            data = resp.read(settings.max_input_bytes + 1)
    except (URLError, OSError, ValueError) as exc:
        yield Reject(url, 0, "unreadable", f"cannot fetch {url}: {exc}")
        return
    suffix = Path(url.split("?")[0]).suffix.lower()
    yield from _read_bytes(data, url, suffix, settings, published)


def _read_file(path: Path, settings: Settings, published: dt.date | None) -> Iterator[Item]:
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > settings.max_input_bytes and path.suffix.lower() not in JSONL_SUFFIXES:
            yield Reject(origin, 0, "too_large", f"{size} bytes is over max_input_bytes={settings.max_input_bytes}")
            return
        if path.suffix.lower() in JSONL_SUFFIXES:
            yield from read_jsonl(path, settings)
            return
        if path.name.lower().endswith(WARC_SUFFIXES):
            from .archives import read_warc

            yield from read_warc(path, _builder(settings, published), settings.max_input_bytes)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Reject(origin, 0, "unreadable", f"cannot read {origin}: {exc.strerror or exc}")
        return
    yield from _read_bytes(data, origin, path.suffix.lower(), settings, published)


def _read_bytes(data: bytes, origin: str, suffix: str, settings: Settings, published: dt.date | None) -> Iterator[Item]:
    if len(data) > settings.max_input_bytes:
        yield Reject(origin, 0, "too_large", f"{len(data)} bytes is over max_input_bytes={settings.max_input_bytes}")
        return
    kind = _sniff(data, suffix)
    if kind == "feed":
        from .archives import read_feed

        yield from read_feed(data, origin, _builder(settings, published))
        return
    if kind == "jsonl":
        yield from _jsonl_lines(data.splitlines(), origin, settings)
        return
    try:
        text = decode(data, html=kind == "html")
        yield _build(text, kind, origin, settings, published=published)
    except InputError as exc:
        yield Reject(origin, 0, exc.reason, str(exc))


def _builder(settings: Settings, published: dt.date | None):  # type: ignore[no-untyped-def]
    def build(content: str, kind: str, origin: str, **kw: object) -> Article:
        kw.setdefault("published", None)
        kw["published"] = kw["published"] or published
        return _build(content, kind, origin, settings, **kw)  # type: ignore[arg-type]

    return build


def _sniff(data: bytes, suffix: str) -> str:
    head = data[:1024].lstrip().lower()
    if suffix in FEED_SUFFIXES or (head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head)):
        return "feed"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<div", b"<p")):
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def read_jsonl(path: Path, settings: Settings) -> Iterator[Item]:
    """One article per line; a malformed line is a reject, the other lines go on (streamed)."""
    with path.open("rb") as fh:
        yield from _jsonl_lines(fh, str(path), settings)


def _jsonl_lines(lines: Iterable[bytes], origin: str, settings: Settings) -> Iterator[Item]:
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        where = f"{origin}:{number}"
        if len(raw) > settings.max_input_bytes:
            yield Reject(where, number, "too_large", f"line of {len(raw)} bytes is over max_input_bytes")
            continue
        try:
            record = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield Reject(where, number, "bad_json", f"line {number} is not valid JSON: {exc}")
            continue
        try:
            yield _from_record(record, where, settings)
        except InputError as exc:
            yield Reject(where, number, exc.reason, f"line {number}: {exc}")


def read_records(records: Iterable[object], origin: str, settings: Settings) -> Iterator[Item]:
    """Already-parsed JSON records (as posted to the HTTP API): the same checks and reject
    reasons as JSONL lines, with `origin:N` positions."""
    for number, record in enumerate(records, start=1):
        try:
            yield _from_record(record, f"{origin}:{number}", settings)
        except InputError as exc:
            yield Reject(f"{origin}:{number}", number, exc.reason, f"record {number}: {exc}")


def _from_record(record: object, origin: str, settings: Settings) -> Article:
    if not isinstance(record, dict):
        raise InputError("bad_record", "a JSONL line must be a JSON object")
    fields = {k: record.get(k) for k in ("id", "url", "title", "text", "html", "published", "source")}
    for key, value in fields.items():
        allowed = (str, int) if key == "id" else (str,)
        if value is not None and (not isinstance(value, allowed) or isinstance(value, bool)):
            raise InputError("bad_record", f"field {key!r} must be a string, not {type(value).__name__}")
    body, html = fields["text"], fields["html"]
    if not body and not html:
        raise InputError("bad_record", "record has neither 'text' nor 'html'")
    published = parse_published(fields["published"]) if fields["published"] else None
    return _build(
        str(html if not body else body),
        "html" if not body else "text",
        origin,
        settings,
        published=published,
        article_id=str(fields["id"]) if fields["id"] is not None else None,
        url=fields["url"],
        source=fields["source"],
        title=fields["title"],
    )


def parse_published(value: str) -> dt.date:
    """ISO dates and datetimes (with or without zone); anything else is a bad_date reject."""
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    import dateparser  # imported lazily: it is slow to import and rarely needed here

    parsed = dateparser.parse(text, settings={"STRICT_PARSING": True})
    if parsed is None:
        raise InputError("bad_date", f"cannot parse publication date {text!r}")
    return parsed.date()


def _build(
    content: str,
    kind: str,
    origin: str,
    settings: Settings,
    published: dt.date | None = None,
    article_id: str | None = None,
    url: str | None = None,
    source: str | None = None,
    title: str | None = None,
) -> Article:
    content = content.replace("\x00", "")
    if kind == "html":
        text, blocks, page_title, page_date = parse_html(content, settings.max_html_depth)
        title = title or page_title
        published = published or page_date
    else:
        text, blocks = content, split_blocks(content)
        if title is None:
            title = next((text[b.start : b.end] for b in blocks if b.kind is BlockKind.TITLE), None)
    blocks = _cap_length(blocks, settings.max_article_chars)
    body = " ".join(text[b.start : b.end] for b in blocks if b.kind in NLP_KINDS)
    if len(body.strip()) < settings.min_article_chars:
        raise InputError("empty", f"only {len(body.strip())} characters of article text")
    language = identify(body, settings.languages.split(","), settings.cache_dir)
    if not language.coded:
        raise InputError("not_english", f"article language is {language.code!r} (p={language.confidence:.2f}), not one of {settings.languages!r}")
    if article_id is None:
        article_id = stable_id(url or text)
    if source is None and url:
        source = _host(url)
    return Article(article_id, text, blocks, url, source, published, title, language.code, origin, round(language.confidence, 4))


def _cap_length(blocks: tuple[Block, ...], limit: int) -> tuple[Block, ...]:
    """Keep whole blocks up to `limit` characters so one monster page cannot exhaust memory."""
    return tuple(b for b in blocks if b.end <= limit)


def stable_id(key: str) -> str:
    return "a" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _host(url: str) -> str | None:
    from urllib.parse import urlparse

    host = urlparse(url).hostname
    return host.removeprefix("www.") if host else None
