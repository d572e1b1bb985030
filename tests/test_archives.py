"""WARC archives and RSS/Atom feeds, from files and from a URL served on loopback."""

from __future__ import annotations

import datetime as dt
import http.server
import io
import threading
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest import read_inputs
from eventwire.records import Article, Reject
from eventwire.settings import Settings

PAGE = """<html><head><title>Militia fighters clash near Beni</title></head><body><article>
<p>Militia fighters clashed with soldiers near the town of Beni in eastern Congo on Sunday, local officials said, in fighting that lasted several hours.</p>
<p>Residents fled towards the centre of the town as the gunfire spread to nearby farms.</p></article></body></html>"""

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://wire.example.org</link>
<item><title>Troops clash with rebels</title><link>https://wire.example.org/1</link><guid>wire-1</guid>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Government troops clashed with rebels near the northern town of Kidal on Monday, a military spokesman said, adding that the fighting had ended by nightfall.&lt;/p&gt;</description></item>
<item><title>Students rally</title><link>https://wire.example.org/2</link><guid>wire-2</guid>
<pubDate>Wed, 06 Mar 2024 10:00:00 GMT</pubDate>
<description>Thousands of students rallied peacefully in the capital on Tuesday to demand lower tuition fees, organisers said.</description></item>
</channel></rss>"""


def write_warc(path: Path) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, (ctype, body) in enumerate([("text/html; charset=utf-8", PAGE), ("image/png", "\x89PNG"), ("text/html", "")]):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(f"https://news.example.com/{i}", "response", payload=io.BytesIO(body.encode("latin-1", "ignore") if ctype == "image/png" else body.encode()), http_headers=headers)
            writer.write_record(rec)


def test_warc_records_become_articles(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    items = list(read_inputs([str(warc)], Settings()))
    articles = [i for i in items if isinstance(i, Article)]
    rejects = [i for i in items if isinstance(i, Reject)]
    assert [a.url for a in articles] == ["https://news.example.com/0"]
    assert "Beni" in articles[0].text and articles[0].source == "news.example.com"
    assert [r.reason for r in rejects] == ["empty"]  # the empty HTML response; the PNG is skipped


def test_broken_warc_is_a_reject(tmp_path: Path) -> None:
    bad = tmp_path / "bad.warc"
    bad.write_bytes(b"WARC/1.0\r\nthis is not a warc record\r\n\r\n" * 3)
    items = list(read_inputs([str(bad)], Settings()))
    assert items and all(isinstance(i, Reject) and i.reason == "unreadable" for i in items)


def test_feed_file_entries(tmp_path: Path) -> None:
    feed = tmp_path / "wire.rss"
    feed.write_text(FEED, encoding="utf-8")
    items = list(read_inputs([str(feed)], Settings()))
    assert [(a.id, a.published, a.source) for a in items if isinstance(a, Article)] == [
        ("wire-1", dt.date(2024, 3, 5), "Example Wire"), ("wire-2", dt.date(2024, 3, 6), "Example Wire")]
    assert "Kidal" in items[0].text  # type: ignore[union-attr]


def test_feed_from_url(tmp_path: Path) -> None:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = FEED.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/feed.xml"
        items = list(read_inputs([url], Settings()))
        assert [i.id for i in items if isinstance(i, Article)] == ["wire-1", "wire-2"]
        (dead,) = list(read_inputs(["http://127.0.0.1:1/none.xml"], Settings()))
        assert isinstance(dead, Reject) and dead.reason == "unreadable"
    finally:
        server.shutdown()


def test_watch_codes_new_files_once(tmp_path: Path) -> None:
    import shutil
    import sqlite3
    import threading

    from eventwire.cli import main

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    db = tmp_path / "w.db"
    examples = Path(__file__).parents[1] / "examples" / "articles"
    shutil.copy(examples / "mosul-ied.txt", inbox / "one.txt")

    def drop_second() -> None:
        import time

        time.sleep(1.0)
        shutil.copy(examples / "nairobi-protest.txt", inbox / "two.txt")

    threading.Thread(target=drop_second, daemon=True).start()
    assert main(["watch", str(inbox), "--db", str(db), "--interval", "1.5", "--max-scans", "4", "--published", "2024-03-10"]) == 0
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2
