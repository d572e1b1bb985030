"""`eventwire import-acled`: load an ACLED export into the store, beside eventwire's own events.

Both of ACLED's CSV schemas are read: the current one (lower-case columns: `event_id_cnty`,
`sub_event_type`, `assoc_actor_1`, ..., `iso`, `region`, `timestamp`) and the older upper-case
one (`EVENT_ID_CNTY`, `ALLY_ACTOR_1`, `GWNO`, merged event types such as `Riots/Protests` or
`Battle-No change of territory`, dates such as `01-January-2015`). Old event types are mapped to
the current ones (`map_event_type`); the type as written is kept in `original_event_type`.

Every imported event has origin "acled" and the id `acled-<event_id_cnty>`, so importing the same
file again adds nothing. Rows are written in batches, each in one transaction, with bound
parameters only. A malformed row is recorded as a reject (the file, its line, a reason code from
errors.py and a message saying which column was wrong) and the rest of the file is imported.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..acled_format import country, country_code, disorder_type
from ..records import Reject
from . import Store, _bump_generation
from . import schema as s

ID_PREFIX = "acled-"
BATCH_ROWS = 1000
csv.field_size_limit(16 * 1024 * 1024)  # ACLED notes are long, but not this long

DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d-%b-%y", "%d-%b-%Y", "%d %b %Y", "%d/%m/%Y", "%Y/%m/%d")

# ACLED's actor types ("inter" codes); recent exports write the names instead of the numbers.
INTER_NAMES = {
    "state forces": 1, "rebel group": 2, "political militia": 3, "identity militia": 4,
    "rioters": 5, "protesters": 6, "civilians": 7, "external/other forces": 8,
}
# Older column names and the current ones they became.
OLD_COLUMNS = {"ally_actor_1": "assoc_actor_1", "ally_actor_2": "assoc_actor_2"}
REQUIRED = ("event_id_cnty", "event_date", "event_type", "country")

BATTLES, EXPLOSIONS, VAC = "Battles", "Explosions/Remote violence", "Violence against civilians"
PROTESTS, RIOTS, STRATEGIC = "Protests", "Riots", "Strategic developments"
CURRENT_TYPES = {t.casefold(): t for t in (BATTLES, EXPLOSIONS, VAC, PROTESTS, RIOTS, STRATEGIC)}
OLD_TYPES = {
    "battle-no change of territory": (BATTLES, "Armed clash"),
    "battle-government regains territory": (BATTLES, "Government regains territory"),
    "battle-non-state actor overtakes territory": (BATTLES, "Non-state actor overtakes territory"),
    "battle-non-state actors overtake territory": (BATTLES, "Non-state actor overtakes territory"),
    "non-violent transfer of territory": (STRATEGIC, "Non-violent transfer of territory"),
    "headquarters or base established": (STRATEGIC, "Headquarters or base established"),
    "strategic development": (STRATEGIC, "Other"),
}
# Keywords in the notes that tell an old "Remote violence" or "Violence against civilians" row's
# sub-event type; the first that matches wins, in this order (the codebook's hierarchy).
REMOTE_WORDS = (
    ("Chemical weapon", r"\bchemical (weapon|attack)|\bsarin\b|\bchlorine gas\b"),
    ("Air/drone strike", r"\bair ?strikes?\b|\bdrone\b|\baerial (bombardment|attack)|\bwarplanes?\b|\bhelicopter gunships?\b|\bbombed from the air\b"),
    ("Suicide bomb", r"\bsuicide\b"),
    ("Shelling/artillery/missile attack", r"\bshell(s|ed|ing)?\b|\bmortars?\b|\bartillery\b|\brockets?\b|\bmissiles?\b"),
    ("Grenade", r"\bgrenades?\b"),
)
VAC_WORDS = (
    ("Sexual violence", r"\brap(e|ed|es|ing)\b|\bsexual(ly)? (assault|violence|abuse)"),
    ("Abduction/forced disappearance", r"\babduct|\bkidnap|\bdisappear"),
)
STRATEGIC_WORDS = (
    ("Arrests", r"\barrest(s|ed|ing)?\b|\bdetain(s|ed|ing)?\b"),
    ("Agreement", r"\bagreement\b|\bceasefire\b|\bpeace (talks|deal|accord)\b|\bsurrender"),
    ("Disrupted weapons use", r"\bdefus(e|ed|ing)\b|\bseiz(e|ed|ure) of (arms|weapons|explosives)\b|\bweapons cache\b"),
)


class RowError(Exception):
    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass
class ImportSummary:
    path: str
    schema: str = ""  # "current" or "old"
    added: int = 0
    existing: int = 0  # already stored (an earlier import, or a repeated id in this file)
    rejects: list[Reject] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.path}: {self.added} ACLED events imported, {self.existing} already stored, "
                f"{len(self.rejects)} rows rejected ({self.schema or 'unknown'} schema)")


def _first(text: str, rules: tuple[tuple[str, str], ...], default: str) -> str:
    lowered = text.casefold()
    for sub, pattern in rules:
        if re.search(pattern, lowered):
            return sub
    return default


def map_event_type(event_type: str, sub_event_type: str | None, inter1: int | None, inter2: int | None,
                   fatalities: int, notes: str) -> tuple[str, str]:
    """The current (event type, sub-event type) of a row in either schema.

    Current types pass through. Older merged types are split: "Battle-..." by what happened to
    the territory; "Riots/Protests" into Riots when rioters (inter 5) take part (Mob violence
    when they face civilians or only other rioters, else Violent demonstration) and otherwise
    Protests (Excessive force against protesters when protesters were killed, Protest with
    intervention when state forces (inter 1) face them, else Peaceful protest); "Remote
    violence" into Explosions/Remote violence, "Violence against civilians" and "Strategic
    development" into their current types, with the sub-event type from words in the notes.
    """
    folded = " ".join(event_type.split()).casefold()
    sub = (sub_event_type or "").strip()
    if folded in CURRENT_TYPES:
        current = CURRENT_TYPES[folded]
        if sub:
            return current, sub
        return current, _default_sub(current, inter1, inter2, fatalities, notes)
    if folded in OLD_TYPES:
        current, default = OLD_TYPES[folded]
        if current == STRATEGIC and default == "Other":
            return current, sub or _first(notes, STRATEGIC_WORDS, "Other")
        return current, sub or default
    if folded in ("riots/protests", "protests/riots"):
        current = RIOTS if 5 in (inter1, inter2) else PROTESTS
        return current, sub or _default_sub(current, inter1, inter2, fatalities, notes)
    if folded == "remote violence":
        return EXPLOSIONS, sub or _default_sub(EXPLOSIONS, inter1, inter2, fatalities, notes)
    raise RowError("bad_record", f"unknown EVENT_TYPE {event_type!r}")


def _default_sub(event_type: str, inter1: int | None, inter2: int | None, fatalities: int, notes: str) -> str:
    if event_type == BATTLES:
        return "Armed clash"
    if event_type == EXPLOSIONS:
        return _first(notes, REMOTE_WORDS, "Remote explosive/landmine/IED")
    if event_type == VAC:
        return _first(notes, VAC_WORDS, "Attack")
    if event_type == PROTESTS:
        if fatalities > 0:
            return "Excessive force against protesters"
        return "Protest with intervention" if 1 in (inter1, inter2) else "Peaceful protest"
    if event_type == RIOTS:  # rioters against civilians, or against each other (communal)
        return "Mob violence" if 7 in (inter1, inter2) or inter1 == inter2 == 5 else "Violent demonstration"
    return _first(notes, STRATEGIC_WORDS, "Other")


def parse_date(value: str) -> dt.date:
    text = value.strip()
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise RowError("bad_date", f"event_date {value!r} is not a date ACLED writes (e.g. 2020-05-09, 09 May 2020, 01-January-2015)")


def _int(row: dict[str, str], name: str, required: bool = False, lo: int | None = None, hi: int | None = None) -> int | None:
    raw = (row.get(name) or "").strip()
    if not raw:
        if required:
            raise RowError("bad_record", f"{name} is empty")
        return None
    if not re.fullmatch(r"-?\d+(\.0+)?", raw):  # "3" or, from a spreadsheet, "3.0"
        raise RowError("bad_record", f"{name} {raw!r} is not a whole number")
    value = int(raw.split(".", 1)[0])
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        raise RowError("bad_record", f"{name} {value} is out of range")
    return value


def _inter(row: dict[str, str], name: str) -> int | None:
    raw = (row.get(name) or "").strip()
    if raw.casefold() in INTER_NAMES:
        return INTER_NAMES[raw.casefold()]
    return _int(row, name, lo=0, hi=8)


def _interaction(row: dict[str, str]) -> int | None:
    raw = (row.get("interaction") or "").strip()
    if not raw or raw.isdigit():
        return _int(row, "interaction", lo=0, hi=88)
    parts = [p.strip().casefold() for p in re.split(r"\s*[-–]\s*", raw) if p.strip()]  # "Rebel group-Civilians"
    if len(parts) == 1 and parts[0].endswith(" only") and parts[0][:-5] in INTER_NAMES:
        return INTER_NAMES[parts[0][:-5]] * 10
    codes = sorted(INTER_NAMES[p] for p in parts if p in INTER_NAMES)
    if len(codes) == 2 and len(parts) == 2:
        return codes[0] * 10 + codes[1]
    raise RowError("bad_record", f"interaction {raw!r} is neither a code nor two actor types")


def _float(row: dict[str, str], name: str, lo: float, hi: float) -> float:
    raw = (row.get(name) or "").strip().replace(",", ".")
    try:
        value = float(raw)
    except ValueError:
        raise RowError("bad_record", f"{name} {raw!r} is not a number") from None
    if not lo <= value <= hi:
        raise RowError("bad_record", f"{name} {value} is out of range ({lo} to {hi})")
    return value


def _text(row: dict[str, str], name: str, column: Any = None, full: dict[str, str] | None = None) -> str | None:
    """A cell's text as written (less surrounding space); cut to the column's length (a limit
    PostgreSQL enforces), the whole value then kept in `full` to be written back on export."""
    value = (row.get(name) or "").strip()
    if not value:
        return None
    length = getattr(getattr(column, "type", None), "length", None)
    if length and len(value) > length:
        if full is not None:
            full[name] = value
        return value[:length]
    return value


def _plover(sub: str) -> str | None:
    try:
        from ..coding import taxonomy

        return getattr(taxonomy, "PLOVER_OF", {}).get(sub)
    except ImportError:  # pragma: no cover - the coding package is always there
        return None


def parse_row(row: dict[str, str], path: str, line: int, now: dt.datetime) -> tuple[dict[str, Any], dict[str, Any]]:
    """One CSV row (keys already lower-case, current names) as an events row and an acled_events
    row; raises RowError with a reason code and a message for a malformed row."""
    e, a = s.events.c, s.acled_events.c
    cnty = _text(row, "event_id_cnty")
    if not cnty:
        raise RowError("bad_record", "event_id_cnty is empty")
    if len(ID_PREFIX + cnty) > s.events.c.id.type.length:
        raise RowError("bad_record", f"event_id_cnty {cnty[:40]!r}... is too long")
    if not (row.get("event_date") or "").strip():
        raise RowError("bad_date", "event_date is empty")
    date = parse_date(row["event_date"])
    raw_type = _text(row, "event_type")
    if not raw_type:
        raise RowError("bad_record", "event_type is empty")
    inter1, inter2 = _inter(row, "inter1"), _inter(row, "inter2")
    fatalities = _int(row, "fatalities", lo=0) or 0
    notes = _text(row, "notes") or ""
    event_type, sub = map_event_type(raw_type, _text(row, "sub_event_type"), inter1, inter2, fatalities, notes)
    latitude = _float(row, "latitude", -90, 90)
    longitude = _float(row, "longitude", -180, 180)
    name = _text(row, "country")
    if not name:
        raise RowError("bad_record", "country is empty")
    code = country_code(name) or country_code(row.get("iso3")) or country_code((row.get("iso") or "").strip() or None)
    info = country(code)
    full: dict[str, str] = {}
    event = {
        "id": ID_PREFIX + cnty,
        "event_date": date,
        "time_precision": _int(row, "time_precision", lo=1, hi=3) or 1,
        "event_type": event_type,
        "sub_event_type": sub[: e.sub_event_type.type.length],
        "plover": _plover(sub),
        "actor1": _text(row, "actor1", e.actor1, full),
        "assoc_actor_1": _text(row, "assoc_actor_1", e.assoc_actor_1, full),
        "inter1": inter1,
        "actor2": _text(row, "actor2", e.actor2, full),
        "assoc_actor_2": _text(row, "assoc_actor_2", e.assoc_actor_2, full),
        "inter2": inter2,
        "interaction": _interaction(row),
        "country": code,
        "admin1": _text(row, "admin1", e.admin1, full),
        "admin2": _text(row, "admin2", e.admin2, full),
        "admin3": _text(row, "admin3", e.admin3, full),
        "location": _text(row, "location", e.location, full),
        "latitude": latitude,
        "longitude": longitude,
        "geo_precision": _int(row, "geo_precision", lo=1, hi=3),
        "geonameid": None,
        "fatalities": fatalities,
        "fatalities_qualifier": None,
        "notes": notes,
        "confidence": None,
        "origin": "acled",
        "updated_at": now,
    }
    acled = {
        "event_id": event["id"],
        "event_id_cnty": cnty,
        "event_id_no_cnty": _text(row, "event_id_no_cnty", a.event_id_no_cnty),
        "data_id": _text(row, "data_id", a.data_id),
        "iso": _int(row, "iso", lo=0, hi=999) if (row.get("iso") or "").strip() else (info.iso if info else None),
        "iso3": _text(row, "iso3", a.iso3) or (info.iso3 if info else None),
        "region": _text(row, "region", a.region) or (info.region if info else None),
        "country": name[: a.country.type.length],
        "original_event_type": raw_type[: a.original_event_type.type.length],
        "disorder_type": _text(row, "disorder_type", a.disorder_type) or disorder_type(event_type, sub),
        "civilian_targeting": _text(row, "civilian_targeting", a.civilian_targeting),
        "source": _text(row, "source"),
        "source_scale": _text(row, "source_scale", a.source_scale),
        "tags": _text(row, "tags"),
        "timestamp": _int(row, "timestamp", lo=0),
        "full_text": json.dumps(full, ensure_ascii=False) if full else None,
        "file": path,
        "line": line,
    }
    return event, acled


def _rows(path: Path, encoding: str) -> Iterator[tuple[int, dict[str, str] | None, list[str]]]:
    """(line, row, header) for each record; the first yield is (0, None, header)."""
    with path.open(encoding=encoding, newline="") as fh:
        reader = csv.reader(fh)
        try:
            header = next(reader)
        except StopIteration:
            return
        names = [OLD_COLUMNS.get(h.strip().lstrip("\ufeff").casefold(), h.strip().lstrip("\ufeff").casefold()) for h in header]
        yield 0, None, names
        start = reader.line_num + 1
        for record in reader:
            line, start = start, reader.line_num + 1
            if not any(c.strip() for c in record):
                continue
            if len(record) != len(names):
                yield line, {"__width__": str(len(record))}, names
                continue
            yield line, dict(zip(names, record, strict=True)), names


def import_acled(store: Store, file: str, batch_rows: int = BATCH_ROWS) -> ImportSummary:
    """Import one ACLED CSV export; idempotent (rows whose id is stored are skipped)."""
    summary = ImportSummary(file)
    path = Path(file)
    if not path.is_file():
        summary.rejects.append(Reject(file, 0, "unreadable", f"cannot read {file}: no such file"))
        _save_rejects(store, summary.rejects)
        return summary
    try:
        _import(store, path, file, _encoding(path), summary, batch_rows)
    except UnicodeDecodeError:
        summary.rejects.append(Reject(file, 0, "bad_encoding", "the file is neither UTF-8 nor Windows-1252 text"))
    except OSError as exc:
        summary.rejects.append(Reject(file, 0, "unreadable", f"cannot read {file}: {exc}"))
    _save_rejects(store, summary.rejects)
    return summary


def _encoding(path: Path) -> str:
    """UTF-8 (with or without a BOM) when the whole file decodes as such, else Windows-1252 (a
    spreadsheet's export); checked before any row is written, in bounded memory."""
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8-sig"


def _import(store: Store, path: Path, file: str, encoding: str, summary: ImportSummary, batch_rows: int) -> None:
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    rows = _rows(path, encoding)
    first = next(rows, None)
    if first is None:
        summary.rejects.append(Reject(file, 0, "empty", "the file is empty"))
        return
    names = first[2]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        summary.rejects.append(Reject(file, 1, "unsupported", f"not an ACLED export: no {', '.join(missing)} column"))
        return
    summary.schema = "old" if "gwno" in names or "sub_event_type" not in names else "current"
    batch: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for line, row, _ in rows:
        assert row is not None
        if "__width__" in row:
            summary.rejects.append(Reject(file, line, "bad_record", f"the row has {row['__width__']} fields; the header has {len(names)}"))
            continue
        try:
            batch.append(parse_row(row, file, line, now))
        except RowError as exc:
            summary.rejects.append(Reject(file, line, exc.reason, str(exc)))
            continue
        if len(batch) >= batch_rows:
            _write(store, batch, summary)
            batch = []
    if batch:
        _write(store, batch, summary)


def _write(store: Store, batch: list[tuple[dict[str, Any], dict[str, Any]]], summary: ImportSummary) -> None:
    ids = [ev["id"] for ev, _ in batch]
    with store.writing() as conn:
        stored = set(conn.execute(select(s.events.c.id).where(s.events.c.id.in_(ids))).scalars())
        fresh: list[tuple[dict[str, Any], dict[str, Any]]] = []
        for ev, ac in batch:
            if ev["id"] in stored:
                summary.existing += 1
                continue
            stored.add(ev["id"])
            fresh.append((ev, ac))
        if fresh:
            conn.execute(s.events.insert(), [ev for ev, _ in fresh])
            conn.execute(s.acled_events.insert(), [ac for _, ac in fresh])
            if store.is_sqlite:  # one FTS row per event, sharing its rowid (as events.py keeps it)
                conn.exec_driver_sql(
                    "INSERT INTO events_fts (rowid, event_id, notes, evidence) SELECT rowid, ?, ?, '' FROM events WHERE id = ?",
                    [(ev["id"], ev["notes"], ev["id"]) for ev, _ in fresh],
                )
            _bump_generation(conn)
        summary.added += len(fresh)


def _save_rejects(store: Store, rejects: list[Reject]) -> None:
    if rejects:
        store.save_batch([], rejects)
