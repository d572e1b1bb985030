"""Ingest: scraped text, HTML pages and JSONL become articles with exact offsets, or rejects."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eventwire.ingest import read_inputs
from eventwire.ingest.decode import decode
from eventwire.ingest.html import join_blocks, nesting_depth
from eventwire.ingest.text import is_boilerplate, split_blocks
from eventwire.records import Article, BlockKind, Reject
from eventwire.settings import Settings

SCRAPED = """Share

Army retakes hill town after week of fighting

Government troops recaptured the hill town of Kafr Nabl on Monday after a week of heavy fighting with rebel units, a military source said.

Advertisement

The rebels withdrew towards the north, residents said.

Read more

A soldier walks past a burned pickup truck on the road into Kafr Nabl"""


def read(paths: list[str], **kw: object) -> list[Article | Reject]:
    return list(read_inputs(paths, Settings(), **kw))  # type: ignore[arg-type]


def test_scraped_text_blocks_keep_offsets_and_label_leftovers() -> None:
    blocks = split_blocks(SCRAPED)
    kinds = [(b.kind, SCRAPED[b.start : b.end]) for b in blocks]
    assert kinds[0] == (BlockKind.BOILERPLATE, "Share")
    assert kinds[1] == (BlockKind.TITLE, "Army retakes hill town after week of fighting")
    assert (BlockKind.BOILERPLATE, "Advertisement") in kinds
    assert (BlockKind.BOILERPLATE, "Read more") in kinds
    assert kinds[-1][0] is BlockKind.CAPTION and kinds[-1][1].startswith("A soldier walks past")
    body = [t for k, t in kinds if k is BlockKind.BODY]
    assert len(body) == 2 and body[0].startswith("Government troops recaptured")


@pytest.mark.parametrize("line", ["Share", "Advertisement", "Read more", "Share this article", "Share on Facebook", "Related stories", "© 2024 Example Media"])
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", ["Shares in the company rose.", "The advertisement campaign ended.", "Rebels shared the video online."])
def test_sentences_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_text_file_with_published_date(tmp_path: Path) -> None:
    f = tmp_path / "report.txt"
    f.write_text(SCRAPED, encoding="utf-8")
    (article,) = read([str(f)], published=dt.date(2024, 4, 2))
    assert isinstance(article, Article)
    assert article.published == dt.date(2024, 4, 2)
    assert article.text == SCRAPED  # the text is kept exactly as given
    assert article.title == "Army retakes hill town after week of fighting"
    assert article.language == "en"


HTML = """<html><head><meta charset="utf-8"><title>Clashes in the north | Example News</title>
<meta property="article:published_time" content="2024-02-03T10:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="share">Share on Facebook</div>
<article><h1>Clashes in the north</h1>
<p>Fighters from two rival militias clashed near the border town of Tal Abyad on Friday, residents said, in the worst fighting there this year.</p>
<figure><img src="x.jpg"><figcaption>Smoke rises over the town after the clashes</figcaption></figure>
<p>Both groups accused each other of starting the fighting, and the local council called for calm in a statement on Saturday morning.</p>
<div class="ad">Advertisement</div>
</article><footer>All rights reserved.</footer></body></html>"""


def test_html_page_keeps_caption_and_drops_navigation(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(HTML, encoding="utf-8")
    (article,) = read([str(f)])
    assert isinstance(article, Article), article
    kinds = {b.kind: article.text[b.start : b.end] for b in article.blocks}
    assert kinds[BlockKind.CAPTION] == "Smoke rises over the town after the clashes"
    body = " ".join(article.text[b.start : b.end] for b in article.blocks if b.kind is BlockKind.BODY)
    assert "Tal Abyad" in body
    assert "Home" not in body and "Share on Facebook" not in body
    assert article.published == dt.date(2024, 2, 3)


def test_join_blocks_offsets() -> None:
    text, blocks = join_blocks([(BlockKind.TITLE, "A"), (BlockKind.BODY, "Body text."), (BlockKind.CAPTION, "Cap")])
    assert [text[b.start : b.end] for b in blocks] == ["A", "Body text.", "Cap"]


def test_deeply_nested_html_is_rejected(tmp_path: Path) -> None:
    f = tmp_path / "deep.html"
    f.write_text("<html><body>" + "<div>" * 2000 + "text" + "</div>" * 2000 + "</body></html>")
    (item,) = read([str(f)])
    assert isinstance(item, Reject) and item.reason == "too_deep"
    assert nesting_depth("<div><br><p>x</p></div>", 10) == 2


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    good = {"id": "n1", "url": "https://news.example.net/a", "title": "T", "published": "2024-01-05",
            "text": "Police arrested twelve opposition activists in the capital on Thursday, their lawyers said."}
    lines = [json.dumps(good), "{not json", json.dumps({"id": "n2", "text": 5}), json.dumps({"id": "n3"}), json.dumps([1, 2])]
    f = tmp_path / "dump.jsonl"
    f.write_text("\n".join(lines) + "\n" + '{"id": "torn", "text": "half a li', encoding="utf-8")
    items = read([str(f)])
    articles = [i for i in items if isinstance(i, Article)]
    rejects = [i for i in items if isinstance(i, Reject)]
    assert [a.id for a in articles] == ["n1"]
    assert articles[0].source == "news.example.net" and articles[0].published == dt.date(2024, 1, 5)
    assert [(r.position, r.reason) for r in rejects] == [(2, "bad_json"), (3, "bad_record"), (4, "bad_record"), (5, "bad_record"), (6, "bad_json")]


def test_bad_inputs_become_rejects(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "french.txt").write_text(
        "Les forces gouvernementales ont repris le contrôle de la ville après trois jours de combats "
        "intenses avec les groupes armés, selon des sources locales.", encoding="utf-8")
    items = read([str(tmp_path)])
    reasons = sorted(i.reason for i in items if isinstance(i, Reject))
    assert reasons == ["binary", "empty", "not_english"]


def test_too_large_input_is_rejected_without_reading(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text("word " * 1000)
    (item,) = list(read_inputs([str(f)], Settings(max_input_bytes=100)))
    assert isinstance(item, Reject) and item.reason == "too_large"


def test_decode_legacy_encodings() -> None:
    arabic = "<html><head><meta charset=windows-1256></head><body>حلب</body></html>"
    assert "حلب" in decode(arabic.encode("cp1256"), html=True)
    assert decode("Kyiv – Київ".encode()) == "Kyiv – Київ"
    assert decode(b"\xef\xbb\xbfhello") == "hello"
    assert "café" in decode("Le café était fermé près de la gare depuis longtemps.".encode("latin-1"))


def test_stable_ids(tmp_path: Path) -> None:
    f = tmp_path / "r.txt"
    f.write_text(SCRAPED)
    a1, = read([str(f)])
    a2, = read([str(f)])
    assert isinstance(a1, Article) and isinstance(a2, Article) and a1.id == a2.id


def test_the_runs_own_database_among_the_inputs_is_not_read(tmp_path: Path) -> None:
    from eventwire.settings import Settings

    (tmp_path / "report.txt").write_text(SCRAPED, encoding="utf-8")
    for name in ("events.db", "events.db-wal", "events.db-shm", "other.db"):
        (tmp_path / name).write_bytes(b"SQLite format 3\x00" + bytes(200))
    items = list(read_inputs([str(tmp_path)], Settings(db=str(tmp_path / "events.db"))))
    assert sum(isinstance(i, Article) for i in items) == 1
    # Another binary file is still a recorded reject: only the run's own files are skipped.
    assert [i.origin for i in items if isinstance(i, Reject)] == [str(tmp_path / "other.db")]


def test_language_identifier_cache_is_built_reused_and_rebuilt_when_damaged(tmp_path: Path) -> None:
    from eventwire.ingest import language

    text = "The council said on Monday that the bridge would reopen after repairs to its deck."
    plain = language.identify(text)
    language._identifier.cache_clear()
    try:
        assert language.identify(text, cache_dir=tmp_path) == plain
        (stored,) = tmp_path.glob("langid-*.pickle")
        language._identifier.cache_clear()
        assert language.identify(text, cache_dir=tmp_path) == plain  # read from the cache
        stored.write_bytes(b"not a pickle")
        language._identifier.cache_clear()
        assert language.identify(text, cache_dir=tmp_path) == plain
    finally:
        language._identifier.cache_clear()
