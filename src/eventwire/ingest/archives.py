"""WARC archives (news crawls such as CC-NEWS) and RSS/Atom feeds: each record or entry becomes
one article through the same HTML/text path as a single file, streamed one at a time."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..records import Reject

Build = Any  # (content, kind, origin, published=..., url=..., source=..., title=...) -> Article


def read_warc(path: Path, build: Build, max_bytes: int) -> Iterator[Any]:
    """HTML responses of a WARC file (gzipped or not); other records are skipped silently."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from .decode import decode

    position = records = 0
    try:
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                records += record.rec_type is not None
                if record.rec_type != "response":
                    continue
                position += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                origin = f"{path}:{position}"
                ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
                if "html" not in ctype.lower():
                    continue
                data = record.content_stream().read(max_bytes + 1)
                if len(data) > max_bytes:
                    yield Reject(origin, position, "too_large", f"WARC record for {url} is over max_input_bytes")
                    continue
                try:
                    yield build(decode(data, html=True), "html", origin, url=url)
                except InputError as exc:
                    yield Reject(origin, position, exc.reason, f"{url}: {exc}")
    except (ArchiveLoadFailed, OSError, ValueError) as exc:
        yield Reject(str(path), position, "unreadable", f"broken WARC file after {position} records: {exc}")
        return
    if records == 0:
        yield Reject(str(path), 0, "unreadable", "no WARC records found in the file")


def read_feed(data: bytes, origin: str, build: Build) -> Iterator[Any]:
    """Entries of an RSS or Atom feed: their full content (or summary) as HTML, with link and date."""
    import datetime as dt

    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield Reject(origin, 0, "unreadable", f"not a readable feed: {feed.bozo_exception}")
        return
    outlet = feed.feed.get("title")
    for position, entry in enumerate(feed.entries, start=1):
        body = ""
        if entry.get("content"):
            body = entry.content[0].get("value", "")
        body = body or entry.get("summary", "")
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        published = dt.date(when.tm_year, when.tm_mon, when.tm_mday) if when else None
        title = entry.get("title")
        html = f"<html><head><title>{_escape(title or '')}</title></head><body><article><p>{body}</p></article></body></html>"
        where = f"{origin}:{position}"
        try:
            yield build(html, "html", where, published=published, url=entry.get("link"), source=outlet, title=title,
                        article_id=entry.get("id") or None)
        except InputError as exc:
            yield Reject(where, position, exc.reason, str(exc))


def _escape(text: str) -> str:
    import html

    return html.escape(text)
