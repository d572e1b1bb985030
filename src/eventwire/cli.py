"""`eventwire` command line: a thin shell over the pipeline, the store and the exports.

Exit status of `run`: 0 when every input was coded, 3 when some inputs were rejected (they are
recorded; the rest was stored), 1 on a fatal error (bad database, missing model), 2 on bad usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
import textwrap
from collections.abc import Sequence
from typing import Any

from . import __version__
from .errors import EventwireError, InputError
from .export import write_acled, write_csv, write_document, write_geojson
from .settings import Settings, describe

EXIT_OK, EXIT_FATAL, EXIT_USAGE, EXIT_REJECTS = 0, 1, 2, 3


def _date(value: str) -> dt.date:
    from .ingest import parse_published

    try:
        return parse_published(value)
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _bbox(value: str) -> tuple[float, float, float, float]:
    parts = [float(x) for x in value.split(",")]
    if len(parts) != 4:
        raise argparse.ArgumentTypeError("bbox is WEST,SOUTH,EAST,NORTH")
    return parts[0], parts[1], parts[2], parts[3]


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help="SQLite file or postgresql:// URL (default: eventwire.db; env EVENTWIRE_DB)")


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--start", type=_date, help="events on or after this date")
    p.add_argument("--end", type=_date, help="events on or before this date")
    p.add_argument("--bbox", type=_bbox, help="WEST,SOUTH,EAST,NORTH")
    p.add_argument("--type", dest="event_type", help="ACLED event type")
    p.add_argument("--sub-type", dest="sub_event_type", help="ACLED sub-event type")
    p.add_argument("--actor", help="actor name (substring)")
    p.add_argument("--country", help="country: ISO code (SY, SYR) or name (Syria, Democratic Republic of Congo)")
    p.add_argument("--origin", choices=("eventwire", "acled"), help="only events coded here, or only those imported from ACLED")
    p.add_argument("--admin1")
    p.add_argument("--search", dest="q", help="full-text search over notes and evidence")
    p.add_argument("--min-confidence", type=float)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eventwire", description="Raw news in, coded conflict events out.")
    parser.add_argument("--version", action="version", version=f"eventwire {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("run", help="code articles into the database and print the events found")
    p.add_argument("inputs", nargs="+", help="text, HTML or JSONL files, directories, or - for standard input")
    _common(p)
    p.add_argument("--published", type=_date, help="publication date for inputs that do not carry one")
    p.add_argument("--format", choices=("table", "json", "csv", "geojson", "none"), default="table")
    p.add_argument("--model", help="spaCy pipeline package (setting: model)")
    p.add_argument("--batch-size", type=int)
    p.add_argument("--workers", type=int, help="processes (or Ray actors) for coding (setting: workers)")
    p.add_argument("--engine", choices=("local", "ray"), default="local", help="run here, or on Ray (needs the 'ray' extra)")
    p.add_argument("--address", help="Ray cluster address (default: start a local Ray instance)")
    p.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    p.add_argument("--no-cascade", action="store_true", help="parse every block, not only what the trigger screen picks (setting: cascade)")

    p = sub.add_parser("watch", help="watch a directory and code each new or changed file as it arrives")
    p.add_argument("directory")
    _common(p)
    p.add_argument("--published", type=_date, help="publication date for inputs that do not carry one")
    p.add_argument("--interval", type=float, default=5.0, help="seconds between scans (default 5)")
    p.add_argument("--max-scans", type=int, help="stop after this many scans (default: run until interrupted)")

    p = sub.add_parser("events", help="query stored events")
    _common(p)
    _filters(p)
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--format", choices=("table", "json", "csv", "acled", "geojson"), default="table")

    p = sub.add_parser("export", help="export all stored events (streamed)")
    _common(p)
    _filters(p)
    p.add_argument("--format", choices=("csv", "acled", "json", "geojson", "parquet"), default="csv",
                   help="acled: exactly ACLED's export columns; csv: ACLED's columns, then eventwire's own")
    p.add_argument("-o", "--output", help="file to write (default: standard output); for parquet, a directory")

    p = sub.add_parser("import-acled", help="load ACLED CSV exports (current or older schema) beside eventwire's events")
    p.add_argument("files", nargs="+", metavar="FILE.csv")
    _common(p)

    for name, help_ in (("rejects", "list rejected inputs with their reason codes"), ("quotes", "list quotes and their speakers"), ("actors", "list actors and how often they are mentioned")):
        p = sub.add_parser(name, help=help_)
        _common(p)
        p.add_argument("--format", choices=("table", "json"), default="table")

    p = sub.add_parser("serve", help="serve the API and the dashboard")
    _common(p)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)

    p = sub.add_parser("gazetteer", help="build the gazetteer, or import a GeoNames dump into it")
    gsub = p.add_subparsers(dest="gaz_command", required=True)
    gsub.add_parser("build", help="build (or rebuild) the cached gazetteer from the installed packages")
    gi = gsub.add_parser("import", help="add places from a GeoNames allCountries.txt-format file")
    gi.add_argument("file")
    gi.add_argument("--alternate-names", help="alternateNamesV2.txt-format file")

    p = sub.add_parser("explain", help="show which reports were merged into an event, and why")
    _common(p)
    p.add_argument("event_id")

    p = sub.add_parser("unmerge", help="detach one article's report from a merged event")
    _common(p)
    p.add_argument("event_id")
    p.add_argument("article_id")

    sub.add_parser("settings", help="list every setting with its default and meaning")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    settings = Settings.from_env(db=getattr(args, "db", None), model=getattr(args, "model", None), batch_size=getattr(args, "batch_size", None), workers=getattr(args, "workers", None), cascade=False if getattr(args, "no_cascade", False) else None)
    try:
        return COMMANDS[args.command](args, settings)
    except EventwireError as exc:
        print(f"eventwire: error {exc.code}: {exc}", file=sys.stderr)
        return EXIT_FATAL
    except BrokenPipeError:
        return EXIT_OK


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    from .resources import Resources
    from .run import run
    from .store import Store
    from .store.query import (
        EventFilter,
        iter_articles,
        iter_events,
        iter_places,
        iter_quotes,
    )

    store = Store(settings.db)
    res = Resources(settings)
    if args.engine == "ray":
        from .scale.ray_runner import run_ray

        summary = run_ray(args.inputs, store, settings, published=args.published, address=args.address, workers=max(settings.workers, 1))
    else:
        summary = run(args.inputs, store, res, published=args.published, progress=False if args.no_progress else None)
    ids = tuple(dict.fromkeys(summary.article_ids))
    events = iter_events(store, EventFilter(article_ids=ids))
    out = sys.stdout
    if args.format == "json":
        from .serialize import reject_dict

        write_document({
            "articles": iter_articles(store, ids),
            "events": (_public(e) for e in events),
            "places": iter_places(store, ids),
            "quotes": iter_quotes(store, ids),
            "rejects": (reject_dict(r) for r in summary.rejects),
        }, out)
    elif args.format == "csv":
        write_csv(events, out)
    elif args.format == "geojson":
        write_geojson(events, out)
    elif args.format == "table":
        print_table(events, out)
    for r in summary.rejects:
        print(f"rejected {r.origin} [{r.reason}]: {r.message}", file=sys.stderr)
    print(summary.line(), file=sys.stderr)
    return EXIT_REJECTS if summary.rejects else EXIT_OK


def cmd_watch(args: argparse.Namespace, settings: Settings) -> int:
    """Poll a directory; files are (re)read when their size or modification time changes, and
    articles already stored are skipped by id, so a restart re-reads nothing twice into the store."""
    import time
    from pathlib import Path

    from .resources import Resources
    from .run import run
    from .store import Store

    store, res = Store(settings.db), Resources(settings)
    seen: dict[str, tuple[int, int]] = {}
    scans = 0
    try:
        while args.max_scans is None or scans < args.max_scans:
            scans += 1
            fresh = []
            for p in sorted(q for q in Path(args.directory).rglob("*") if q.is_file() and not q.name.startswith(".")):
                stamp = (p.stat().st_size, p.stat().st_mtime_ns)
                if seen.get(str(p)) != stamp:
                    seen[str(p)] = stamp
                    fresh.append(str(p))
            if fresh:
                summary = run(fresh, store, res, published=args.published, progress=False)
                print(f"{len(fresh)} new files: {summary.line()}", file=sys.stderr, flush=True)
            if args.max_scans is None or scans < args.max_scans:
                time.sleep(args.interval)
    except KeyboardInterrupt:
        pass
    return EXIT_OK


def _public(row: dict[str, Any]) -> dict[str, Any]:
    from .export import public_event

    return public_event(row)


def print_table(events: Any, out: Any) -> None:
    """Print events as they stream from the store (a large run never builds the whole list)."""
    n = 0
    for e in events:
        n += 1
        date = e["event_date"].isoformat() if e.get("event_date") else "?"
        actors = " vs ".join(x for x in (e.get("actor1"), e.get("actor2")) if x) or "-"
        where = ", ".join(x for x in (e.get("location"), e.get("admin1"), e.get("country")) if x) or "-"
        fatal = f"  fatalities {e['fatalities']}" if e.get("fatalities") else ""
        imported = e.get("origin") == "acled"
        tag = "ACLED" if imported else e.get("plover")
        conf = f"  conf {e['confidence']:.2f}" if e.get("confidence") is not None else ""
        print(f"{date} (p{e.get('time_precision')})  {e['event_type']} / {e['sub_event_type']}  [{tag}]{fatal}", file=out)
        print(f"    {actors}  @ {where} (geo p{e.get('geo_precision')}){conf}  id {e['id']}", file=out)
        if imported and e.get("notes"):
            print(textwrap.indent(textwrap.fill(e["notes"], 96), "    > "), file=out)
        for ev in e.get("evidence", []):
            if ev.get("field") == "event":
                print(textwrap.indent(textwrap.fill(ev["text"], 96), "    > "), file=out)
    print(f"{n} events" if n else "no events", file=out)


def _filter_from(args: argparse.Namespace) -> Any:
    from .store.query import EventFilter

    return EventFilter(
        start=args.start, end=args.end, bbox=args.bbox, event_type=args.event_type,
        sub_event_type=args.sub_event_type, actor=args.actor, country=args.country,
        admin1=args.admin1, q=args.q, min_confidence=args.min_confidence, origin=args.origin,
    )


def cmd_events(args: argparse.Namespace, settings: Settings) -> int:
    from .store import Store
    from .store.query import list_events

    store = Store(settings.db)
    events = list_events(store, _filter_from(args), limit=args.limit)
    if args.format == "table":
        print_table(events, sys.stdout)
    elif args.format == "json":
        write_document({"events": (_public(e) for e in events)}, sys.stdout)
    elif args.format == "csv":
        write_csv(events, sys.stdout)
    elif args.format == "acled":
        write_acled(events, sys.stdout)
    else:
        write_geojson(events, sys.stdout)
    return EXIT_OK


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    from .store import Store
    from .store.query import iter_events

    store = Store(settings.db)
    events = iter_events(store, _filter_from(args))
    if args.format == "parquet":
        return _export_parquet(store, events, args.output)
    out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    try:
        if args.format == "csv":
            n = write_csv(events, out)
        elif args.format == "acled":
            n = write_acled(events, out)
        elif args.format == "geojson":
            n = write_geojson(events, out)
        else:
            items = [0]

            def counted() -> Any:
                for e in events:
                    items[0] += 1
                    yield _public(e)

            write_document({"events": counted()}, out)
            n = items[0]
    finally:
        if args.output:
            out.close()
    print(f"{n} events exported", file=sys.stderr)
    return EXIT_OK


def _export_parquet(store: Any, events: Any, output: str | None) -> int:
    """events.parquet, places.parquet and quotes.parquet in one directory."""
    from pathlib import Path

    from .export import write_parquet
    from .store.query import iter_places, iter_quotes

    if not output:
        print("eventwire: --format parquet needs -o DIRECTORY", file=sys.stderr)
        return EXIT_USAGE
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    n = write_parquet((_public(e) for e in events), str(folder / "events.parquet"))
    p = write_parquet(iter_places(store), str(folder / "places.parquet"))
    q = write_parquet(iter_quotes(store), str(folder / "quotes.parquet"))
    print(f"{n} events, {p} place mentions, {q} quotes exported to {folder}", file=sys.stderr)
    return EXIT_OK


def cmd_import_acled(args: argparse.Namespace, settings: Settings) -> int:
    """Exit 0 when every row was imported (or was already there), 3 when some were rejected."""
    from .store import Store
    from .store.acled_import import import_acled

    store = Store(settings.db)
    rejected = 0
    for file in args.files:
        summary = import_acled(store, file)
        for r in summary.rejects[:20]:
            print(f"rejected {r.origin}:{r.position} [{r.reason}]: {r.message}", file=sys.stderr)
        if len(summary.rejects) > 20:
            print(f"... and {len(summary.rejects) - 20} more (eventwire rejects)", file=sys.stderr)
        print(summary.line(), file=sys.stderr)
        rejected += len(summary.rejects)
    return EXIT_REJECTS if rejected else EXIT_OK


def cmd_rejects(args: argparse.Namespace, settings: Settings) -> int:
    from .store import Store
    from .store.query import iter_rejects

    rows = list(iter_rejects(Store(settings.db)))
    if args.format == "json":
        write_document({"rejects": rows}, sys.stdout)
    else:
        for r in rows:
            print(f"{r['input']}\t{r['position']}\t{r['reason']}\t{r['message']}")
        print(f"{len(rows)} rejects", file=sys.stderr)
    return EXIT_OK


def cmd_quotes(args: argparse.Namespace, settings: Settings) -> int:
    from .store import Store
    from .store.query import iter_quotes

    rows = list(iter_quotes(Store(settings.db)))
    if args.format == "json":
        write_document({"quotes": rows}, sys.stdout)
    else:
        for q in rows:
            sp = q["speaker"]
            who = "(unattributed)" if sp is None else sp["name"] + ("" if sp["resolved"] else " (unresolved)")
            extra = ", ".join(x for x in ((sp or {}).get("role"), (sp or {}).get("affiliation")) if x)
            print(f"{who}{' — ' + extra if extra else ''} [{q['kind']}]: {q['text'][:160]}")
    return EXIT_OK


def cmd_actors(args: argparse.Namespace, settings: Settings) -> int:
    from .store import Store
    from .store.query import actor_summary

    rows = actor_summary(Store(settings.db))
    if args.format == "json":
        write_document({"actors": rows}, sys.stdout)  # type: ignore[dict-item]
    else:
        for r in rows:
            flag = "" if r["known"] else "  (not in registry)"
            print(f"{r['mentions']:5d}  inter {r['inter']}  {r['name']}{flag}")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from .serve.app import create_app

    uvicorn.run(create_app(settings), host=args.host, port=args.port)
    return EXIT_OK


def cmd_gazetteer(args: argparse.Namespace, settings: Settings) -> int:
    from .geo import Gazetteer, import_geonames

    if args.gaz_command == "build":
        gaz = Gazetteer.load(settings)
        print(f"gazetteer ready: {len(gaz)} places in {settings.cache_dir}")
    else:
        added = import_geonames(args.file, args.alternate_names, settings)
        print(f"imported {added} places from {args.file}")
    return EXIT_OK


def cmd_explain(args: argparse.Namespace, settings: Settings) -> int:
    from .store import Store

    info = Store(settings.db).explain(args.event_id)
    if not info["reports"]:
        print(f"eventwire: no event {args.event_id!r}", file=sys.stderr)
        return EXIT_USAGE
    print(f"event {args.event_id}: {len(info['reports'])} reports from {len({r['article_id'] for r in info['reports']})} articles, {len(info['sources'])} sources")
    for r in info["reports"]:
        print(f"  report {r['article_id']}@{r['start']}: {r['sub_event_type']}, {r['location']}, {r['event_date']}, fatalities {r['fatalities']}")
        print(textwrap.indent(textwrap.fill(r["notes"], 92), "      > "))
    for m in info["merges"]:
        print(f"  {m['action']} {m['article_id']}@{m['start']} (score {m['score']}): {m['reason']}")
    copies = [src for src in info["sources"] if src["article_id"] not in {r["article_id"] for r in info["reports"]}]
    for c in copies:
        print(f"  near-duplicate copy: {c['article_id']} ({c['source'] or c['url'] or 'no source'})")
    return EXIT_OK


def cmd_unmerge(args: argparse.Namespace, settings: Settings) -> int:
    from .store import Store

    try:
        new_ids = Store(settings.db).unmerge(args.event_id, args.article_id)
    except ValueError as exc:
        print(f"eventwire: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"detached into {', '.join(new_ids)}")
    return EXIT_OK


def cmd_settings(args: argparse.Namespace, settings: Settings) -> int:
    for name, default, help_ in describe():
        print(f"{name} (EVENTWIRE_{name.upper()}, default {default!s}): {help_}")
    return EXIT_OK


COMMANDS = {
    "run": cmd_run, "watch": cmd_watch, "events": cmd_events, "export": cmd_export, "import-acled": cmd_import_acled, "rejects": cmd_rejects,
    "quotes": cmd_quotes, "actors": cmd_actors, "serve": cmd_serve, "gazetteer": cmd_gazetteer,
    "explain": cmd_explain, "unmerge": cmd_unmerge, "settings": cmd_settings,
}


if __name__ == "__main__":
    sys.exit(main())
