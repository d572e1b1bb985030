"""HTML pages to articles: trafilatura for the main text, htmldate for the date, and the
figure captions that trafilatura drops, read from `<figcaption>` ourselves."""

from __future__ import annotations

import datetime as dt
import re

import lxml.html
import trafilatura
from htmldate import find_date

from ..errors import InputError
from ..records import Block, BlockKind
from .text import is_boilerplate

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(/?)>")
_VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"])


def nesting_depth(html: str, stop_at: int) -> int:
    """Approximate element nesting depth, stopping early once `stop_at` is exceeded."""
    depth = best = 0
    for m in _TAG.finditer(html):
        closing, name, selfclosing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID or selfclosing:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        best = max(best, depth)
        if best > stop_at:
            break
    return best


def _captions(html: str) -> list[str]:
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return []
    out = []
    for node in tree.iter("figcaption"):
        caption = " ".join(node.text_content().split())
        if caption and caption not in out:
            out.append(caption)
    return out


def _title(html: str) -> str | None:
    meta = trafilatura.extract_metadata(html)
    return meta.title if meta is not None and meta.title else None


def parse_html(html: str, max_depth: int) -> tuple[str, tuple[Block, ...], str | None, dt.date | None]:
    """Return (text, blocks, title, published) for one page, or raise InputError."""
    if nesting_depth(html, max_depth) > max_depth:
        raise InputError("too_deep", f"HTML nested deeper than {max_depth} elements")
    body = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    title = _title(html)
    paragraphs = [p.strip() for p in (body or "").split("\n") if p.strip()]
    captions = _captions(html)
    pieces: list[tuple[BlockKind, str]] = []
    if title:
        pieces.append((BlockKind.TITLE, title))
    for p in paragraphs:
        if p in captions or p == title:
            continue  # some layouts let a caption or the headline leak into the body text
        pieces.append((BlockKind.BOILERPLATE if is_boilerplate(p) else BlockKind.BODY, p))
    pieces.extend((BlockKind.CAPTION, c) for c in captions)
    text, blocks = join_blocks(pieces)
    published = _published(html)
    return text, blocks, title, published


def join_blocks(pieces: list[tuple[BlockKind, str]]) -> tuple[str, tuple[Block, ...]]:
    """Join paragraphs with blank lines, recording each one's offsets in the joined text."""
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for kind, piece in pieces:
        if parts:
            parts.append("\n\n")
            pos += 2
        parts.append(piece)
        blocks.append(Block(kind, pos, pos + len(piece)))
        pos += len(piece)
    return "".join(parts), tuple(blocks)


def _published(html: str) -> dt.date | None:
    try:
        found = find_date(html, original_date=True, extensive_search=False)
    except (ValueError, TypeError):
        return None
    return dt.date.fromisoformat(found) if found else None
