"""Toponym resolution: one Place per mention, chosen by what the whole article says.

A mention's candidates are scored by a population prior, how exactly the name matched, the
article's country focus (countries, demonyms, capitals and unambiguous places named in it), admin
containment ("Alexandria ... Rapides Parish", "Dayton, Ohio"), a district's parent city being named,
and closeness to the places the other mentions resolved to. A name missing from the gazetteer
never removes the others: it simply resolves to None.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..records import Place, PlaceMention, Span
from .demonyms import REGION_ADJECTIVES, US_STATE_ABBREVIATIONS, demonym_country
from .fold import fold, plain
from .gazetteer import Gazetteer, haversine_km, subdivision_code_key

# Weights of the candidate score, in "decades of population" (the prior is log10 of population).
# Calibrated by hand on the team's own test articles and the LGL/GWN development sets as a whole
# (no per-name rules); re-run `benchmarks/bench_geo.py` after changing any of them.
W_CANONICAL = 1.5  # the mention is the place's own name, not one of its alternate names
W_SHADOWED = -2.0  # an alternate-name match when another candidate bears the name itself
W_COUNTRY_NAME = 1.5  # a country's own name: countries are named far more than towns called alike
W_FOLDED = -1.5  # matched only after transliteration folding
W_FUZZY = -3.0  # matched only by fuzzy search
W_FOCUS = 4.0  # times the share of the article's country evidence for the candidate's country
W_ADMIN = 2.5  # the candidate's admin1/admin2 region is itself named in the article
W_HINT = 8.0  # "Dayton, Ohio" / "Macon, Ga.": the region written right after the name
W_PARENT = 5.0  # a district whose parent city is named in the article
W_REGION_FOCUS = 3.0  # times the share of the article's admin1 evidence for the candidate's admin1
W_CAPITAL = 1.5  # national capitals are named far more often than their population suggests
W_NEAR = 2.5  # at most, for lying near the other mentions' places (falls to 0 at NEAR_KM)
NEAR_KM = 400.0
W_FEATURE = {"country": 1.0, "admin1": 0.5, "admin2": -1.0, "city": 0.0, "district": 0.0, "site": 0.0, "region": 0.0}
# Curated districts carry no population; they count as a mid-sized town, curated regions
# (continents, seas, conflict regions) as a large one.
CURATED_POPULATION = {"region": 1_000_000}
CURATED_DEFAULT_POPULATION = 100_000
CITY_SHARE_OF_REGION = 0.1  # "<name> City" stands for region <name> only when it is this big a part of it
W_EMBEDDED = -1.0  # the place named inside a longer name ("Bank of Japan"): a weaker mention
EMBEDDED_MIN_POPULATION = 20_000  # "Brands Hatch" is not in Hatch, New Mexico: only towns this big count
# Words that head an organisation's or a facility's name; alone they never name a place.
_GENERIC_WORDS = frozenset(
    "the of de and university college school academy institute hospital council city state county "
    "district municipal town village court bank embassy consulate senate parliament house assembly "
    "ministry office department centre center airport station port park stadium church cathedral "
    "mosque palace tower hall bridge street road square market mall hotel prison camp club fc "
    "united federal national international regional republic government police army north south "
    "east west northern southern eastern western central upper lower greater new old hill hills point "
    "bend lake river mount mountain valley bay beach island islands rock creek falls harbor harbour gulf "
    "sea ocean cape desert forest field fields garden gardens plaza avenue".split()
)
MAX_CANDIDATES = 60  # per mention, the most populous first; bounds the cost of common names

_HINT = re.compile(r",\s*((?:[A-Z][\w.'\u2019-]*)(?:\s+[A-Z][\w.'\u2019-]*){0,2})")
_ADMIN_WORD_AFTER = re.compile(
    r"\s+(?:state|province|governorate|county|parish|region|oblast|district|department|prefecture)\b", re.IGNORECASE
)
_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z]+\b")
_SPECIFICITY = {"site": 0, "district": 0, "city": 1, "region": 2, "admin2": 3, "admin1": 4, "country": 5}
_NEAR_WORDS = re.compile(
    r"\b(?:near|nearby|outside|outskirts of|edge of|edges of|close to|around|vicinity of|north of|south of|"
    r"east of|west of|north-east of|north-west of|south-east of|south-west of|northeast of|northwest of|"
    r"southeast of|southwest of|km from|kilometres from|kilometers from|miles from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A sentence's only places lie abroad and are towns smaller than this: read as namesakes of a
# village the gazetteer lacks, and the article's main place in its dominant country is used.
FOREIGN_NAMESAKE_MAX_POPULATION = 50_000
# A town abroad that nothing else in the article supports, up to this size, yields to two or more
# names of one other country ("Vortla neighbourhood" in a report on Recife, Pernambuco).
LONE_NAMESAKE_MAX_POPULATION = 500_000
# "shelled Kafr Zqwt in Hama": an unresolved capitalised name right before "in" + the town; the
# event is in a place the gazetteer lacks, somewhere in or around the town (ACLED's precision 2).
_UNKNOWN_PLACE_IN = re.compile(r"([A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,3})\s+in\s+(?:the\s+)?$")
_CALENDAR_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()  # noqa: SIM905
)
MIN_EVENT_SCORE = 0.5  # mentions under this (inside an organisation's name, metonyms) never locate events


@dataclass(slots=True)
class _Cand:
    place: Place
    prior: float
    score: float = 0.0


def resolve(
    text: str, spans: Sequence[tuple[int, int]], gaz: Gazetteer, focus: Counter[str] | None = None
) -> list[Place | None]:
    """Resolve toponyms at `spans` of `text` together; `focus` adds country evidence the caller
    found elsewhere (demonyms), as ISO2 -> weight."""
    names = [text[s:e] for s, e in spans]
    cands = [_candidates(n, gaz, text[e : e + 16]) for n, (_, e) in zip(names, spans)]
    folded_names = {fold(n) for n in names}
    hints = [_hint(text, e, gaz) for _, e in spans]
    votes = {fold(n): _votes(cs) for n, cs in zip(names, cands) if cs}
    admin_named = _admin_named(cands, names)
    for i, cs in enumerate(cands):
        own = fold(names[i])
        country_focus, region_focus = _focus_without(votes, focus, own)
        for c in cs:
            p = c.place
            c.score = c.prior + W_FOCUS * country_focus.get(p.country, 0.0)
            if p.feature not in ("admin1", "country"):
                c.score += W_REGION_FOCUS * region_focus.get((p.country, p.admin1), 0.0)
            if (
                p.admin1
                and admin_named.get((p.country, p.admin1), {own}) - {own}
                and p.feature not in ("admin1", "country")
            ) or (
                p.admin2 and admin_named.get((p.country, p.admin2), {own}) - {own} and p.feature in ("city", "district", "site")
            ):
                c.score += W_ADMIN
            hint = hints[i]
            if hint and p.feature != "country" and (hint == (p.country, None) or hint == (p.country, p.admin1)):
                c.score += W_HINT
            if p.parent and fold(p.parent) in folded_names:
                c.score += W_PARENT
    picks = [max(cs, key=lambda c: c.score) if cs else None for cs in cands]
    # Second pass: reward closeness to what the other mentions resolved to.
    anchors = [(i, p.place) for i, p in enumerate(picks) if p and p.place.feature not in ("country", "admin1")]
    if len(anchors) > 1:
        for i, cs in enumerate(cands):
            others = [a for j, a in anchors if j != i and fold(names[j]) != fold(names[i])]
            if not others or len(cs) < 2:
                continue
            for c in cs:
                # A country is as near as can be to the places inside it, wherever its centre lies.
                inside = c.place.feature == "country" and any(gaz.contains(c.place, o) for o in others)
                d = 0.0 if inside else min(_km(c.place, o) for o in others)
                c.score += W_NEAR * max(0.0, 1.0 - d / NEAR_KM)
        picks = [max(cs, key=lambda c: c.score) if cs else None for cs in cands]
    return [p.place if p else None for p in picks]


def candidate_places(name: str, gaz: Gazetteer) -> list[Place]:
    """Every reading resolution chooses among for `name` (what a perfect ranker could reach)."""
    return [c.place for c in _candidates(name, gaz)]


def _candidates(name: str, gaz: Gazetteer, after: str = "") -> list[_Cand]:
    name = name.strip()
    key = plain(name)
    iso = demonym_country(name)
    if iso is not None:
        country = gaz.countries_by_iso().get(iso)
        return [_Cand(country, 10.0)] if country else []
    region = REGION_ADJECTIVES.get(name)
    if region is not None:
        return [_Cand(p, 10.0) for p in gaz.exact(region) if p.feature == "region"][:1]
    compact = name.replace(" ", "")
    abbr = (US_STATE_ABBREVIATIONS.get(compact) or US_STATE_ABBREVIATIONS.get(compact + ".")) if "." in name else None
    if abbr is not None:
        states = [p for p in gaz.exact(abbr) if p.feature == "admin1" and p.country == "US"]
        return [_Cand(p, 10.0) for p in states]
    exact = {id(p): p for p in gaz.exact(name)}
    if not exact and name.lower().startswith("the "):
        exact = {id(p): p for p in gaz.exact(name[4:])}
    folded = {id(p): p for p in gaz.folded(name)}
    places: list[tuple[Place, float]] = [(p, 0.0) for p in exact.values()]
    places += [(p, W_FOLDED) for k, p in folded.items() if k not in exact and p not in exact.values()]
    code = name.replace(".", "")
    if code.isalpha() and code.isupper() and 2 <= len(code) <= 3:  # "BC", "NSW", "N.B.": ISO 3166-2
        places += [(p, 0.0) for p in gaz.exact(subdivision_code_key(code)) if p.feature == "admin1"]
    if not places and " " in name:
        inner = _embedded(name, gaz)
        if inner is not None:
            return [_Cand(c.place, c.prior + W_EMBEDDED) for c in _candidates(inner, gaz)]
    if not places:
        places = [(p, W_FUZZY) for p in gaz.candidates(name)]
    acronym = name.isupper() and len(name) <= 4
    # Curated aliases are vetted spellings, so they count as the place's own name.
    canonical = [
        (not acronym or p.name.isupper() or p.geonameid is None) and (plain(p.name) == key or p.geonameid is None)
        for p, _ in places
    ]
    out = []
    for (p, bonus), is_canonical in zip(places, canonical):
        pop = p.population or (
            CURATED_POPULATION.get(p.feature, CURATED_DEFAULT_POPULATION) if p.geonameid is None else 0
        )
        prior = math.log10(pop + 10) + bonus + W_FEATURE.get(p.feature, 0.0)
        if is_canonical:
            prior += W_CANONICAL + (W_COUNTRY_NAME if p.feature == "country" else 0.0)
        elif any(canonical):
            prior += W_SHADOWED
        if gaz.is_capital(p):
            prior += W_CAPITAL
        out.append(_Cand(p, prior))
    if not _ADMIN_WORD_AFTER.match(after):
        _prefer_city_over_its_region(out, key)
    out.sort(key=lambda c: -c.prior)
    return out[:MAX_CANDIDATES]


def _embedded(name: str, gaz: Gazetteer) -> str | None:
    """The toponym inside a longer name the gazetteer lacks: "Bank of Japan" -> "Japan",
    "Harare City Council" -> "Harare", "British Embassy" -> "British". The longest run of words
    that is a known name or a demonym wins, the words after "of" first, then from the left; generic
    words ("University", "Council") alone, and towns under EMBEDDED_MIN_POPULATION, never count."""
    words = name.split()
    after_of = next((i + 1 for i, w in enumerate(words) if w.lower() in ("of", "de")), None)
    for size in range(len(words) - 1, 0, -1):
        starts = range(len(words) - size + 1)
        order = sorted(starts, key=lambda i: (after_of is None or i < after_of, i))
        for i in order:
            part = words[i : i + size]
            if all(w.lower() in _GENERIC_WORDS or not w[:1].isupper() for w in part):
                continue
            phrase = " ".join(part).strip(",.;:'\u2019")
            if demonym_country(phrase) is not None or any(
                p.feature != "city" or p.population >= EMBEDDED_MIN_POPULATION for p in gaz.exact(phrase)
            ):
                return phrase
    return None


def _prefer_city_over_its_region(cands: list[_Cand], key: str) -> None:
    """'New York', 'Aleppo', 'Mosul': a city inside the region of the same name is what news
    means by the bare name (ACLED codes the town), unless "state"/"province" follows."""
    regions = [c for c in cands if c.place.feature in ("admin1", "admin2")]
    for c in cands:
        own_name = plain(c.place.name)
        if c.place.feature != "city":
            continue
        for r in regions:
            inside = c.place.admin1 == r.place.name if r.place.feature == "admin1" else (c.place.admin2 == r.place.name and c.place.admin1 == r.place.admin1)
            if r.place.country != c.place.country or not inside:
                continue  # a town in another region's namesake district is not that region's city
            # "New York City" for "New York", but not "Montana City" (pop. 3k) for "Montana"; a
            # city known by the name only as an alternate ("Hims" for Homs) must be a big
            # part of the region named after it, like "<name> City".
            big = c.place.population >= CITY_SHARE_OF_REGION * r.place.population
            eponym = fold(c.place.name) in (fold(key), fold(r.place.name)) or plain(r.place.name) == key
            if own_name == key or (big and (own_name == key + " city" or eponym)):
                c.prior = max(c.prior, r.prior + 0.1)


Votes = dict[object, float]


def _votes(cs: list[_Cand]) -> tuple[Votes, Votes]:
    """One name's vote for countries and (country, admin1) regions: its candidates' shares by
    prior strength, so an unambiguous name votes fully and an ambiguous one spreads its vote."""
    cw: dict[object, float] = defaultdict(float)
    rw: dict[object, float] = defaultdict(float)
    top = cs[0].prior
    for c in cs:
        w = 10 ** (c.prior - top)
        if c.place.country:
            cw[c.place.country] = max(cw[c.place.country], w)
        if c.place.admin1 and c.place.feature != "country":
            key = (c.place.country, c.place.admin1)
            rw[key] = max(rw[key], w)
    return _normalised(cw), _normalised(rw)


def _normalised(weights: dict[object, float]) -> Votes:
    total = sum(weights.values())
    return {k: w / total for k, w in weights.items()} if total else {}


def _focus_without(votes: dict[str, tuple[Votes, Votes]], extra: Counter[str] | None, own: str) -> tuple[Votes, Votes]:
    """Country and region focus from every other name in the article (and `extra`): a name
    never votes for its own reading."""
    countries: Counter[object] = Counter(extra or {})
    regions: Counter[object] = Counter()
    for name, (cv, rv) in votes.items():
        if name != own:
            countries.update(cv)
            regions.update(rv)
    return _normalised(dict(countries)), _normalised(dict(regions))


def _admin_named(cands: list[list[_Cand]], names: list[str]) -> dict[tuple[str | None, str], set[str]]:
    """(country, region name) of every admin region a mention likely names -> the folded names of
    those mentions (so that a mention never supports its own candidates)."""
    out: dict[tuple[str | None, str], set[str]] = defaultdict(set)
    for cs, name in zip(cands, names):
        for c in cs[:3]:
            if c.place.feature in ("admin1", "admin2") and c.prior >= cs[0].prior - 1.0:
                out[(c.place.country, c.place.name)].add(fold(name))
    return out


def _hint(text: str, end: int, gaz: Gazetteer) -> tuple[str | None, str | None] | None:
    """The region written right after a name ("Macon, Ga." -> ('US', 'Georgia'))."""
    m = _HINT.match(text, end)
    if not m:
        return None
    words = m.group(1)
    for cut in range(len(words.split()), 0, -1):
        cand = " ".join(words.split()[:cut])
        if cand in US_STATE_ABBREVIATIONS:
            return ("US", US_STATE_ABBREVIATIONS[cand])
        for p in gaz.exact(cand.rstrip(".")):
            if p.feature == "admin1":
                return (p.country, p.name)
            if p.feature == "country":
                return (p.country, None)
    return None


def _km(a: Place, b: Place) -> float:
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


def event_location(
    mentions_in_sentence: Sequence[PlaceMention], all_mentions: Sequence[PlaceMention], text: str = ""
) -> tuple[PlaceMention, int] | None:
    """The place of an event and its ACLED geo_precision.

    The most specific well-recognised place in the event sentence wins; without one, the most
    mentioned specific place of the article. Precision: 1 a town/city/village; 2 a district or
    part of a town, a small region, or "near"/"outskirts of" a town; 3 only an admin region or
    country. `text` is the article text, used to see "near" before the name.
    """
    pool = [m for m in mentions_in_sentence if m.score >= MIN_EVENT_SCORE]
    if not pool or all(m.place.feature in ("country",) for m in pool):
        fallback = _main_place(all_mentions)
        if fallback is not None and (not pool or _SPECIFICITY[fallback.place.feature] < 5):
            pool = [fallback]
    if not pool:
        return None
    everything = [*mentions_in_sentence, *all_mentions]
    pool = _in_dominant_country(_without_lone_namesakes(pool, everything), everything)
    best = min(pool, key=lambda m: (_SPECIFICITY.get(m.place.feature, 5), m.span.start))
    written = written_admin1(best.place, [*mentions_in_sentence, *all_mentions])
    if written is not None:
        best = replace(best, place=replace(best.place, admin1=written))
    return best, _precision(best, text)


def written_admin1(place: Place, mentions: Sequence[PlaceMention]) -> str | None:
    """The article's own spelling of `place`'s admin1 region, when it names the region (or the
    city it is named after) in another romanisation than the gazetteer's: "Halab" for Aleppo,
    "Al-Hasaka" for Al-Hasakah, "Hims" for Homs. Field data sets and the reports they are coded
    from write a region's name one way, so the text's form is the form the field uses. None
    when the article does not name the region, or names it as the gazetteer does."""
    if not place.admin1 or not place.country:
        return None
    for m in mentions:
        p = m.place
        if p.country != place.country or m.score < MIN_EVENT_SCORE:
            continue
        names_region = (p.feature == "admin1" and p.name == place.admin1) or (
            p.feature == "city" and p.admin1 == place.admin1 and fold(p.name) == fold(place.admin1)
        )
        if names_region:
            return written_name(m.span.text, place.admin1)
    return None


def written_name(text: str, known: str) -> str | None:
    """`text` as a region's name ("the Al-Hasaka" -> "Al-Hasaka"), or None when it is the `known`
    name already, an abbreviation ("KP"), or not in Latin letters."""
    name = " ".join(text.split()).strip(" ,.;:'\u2019")
    if name.lower().startswith("the "):
        name = name[4:]
    if len(name) < 3 or name.replace(".", "").isupper() or not all(c.isalpha() or c in " -'\u2019" for c in name):
        return None
    if plain(known).startswith(plain(name)) and len(plain(name)) <= 5 < len(plain(known)):
        return None  # "Conn" for Connecticut: an abbreviation, not a spelling
    if name == known or not all(ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF for c in name):
        return None
    return name


def _in_dominant_country(pool: list[PlaceMention], mentions: Sequence[PlaceMention]) -> list[PlaceMention]:
    """The pool's places in the country most of the article's places lie in (a neighbourhood
    named in "X neighbourhood of Recife, Pernambuco" is not a hamlet of that name in Angola);
    failing that, when the pool holds only small towns abroad, the article's main place in that
    country. The pool unchanged when no country has a clear majority. A report rarely spans two
    countries in one sentence, and a small namesake abroad is the usual misreading of a village
    the gazetteer lacks."""
    dom = _dominant_country(mentions)
    if dom is None:
        return pool
    agreeing = [m for m in pool if m.place.country == dom]
    if agreeing:
        return agreeing
    if not all(_small_namesake(m.place) for m in pool):
        return pool  # "shells fell near Kherson" in an article about Syria: a real place abroad
    main = _main_place([m for m in mentions if m.place.country == dom])
    return [main] if main is not None else pool


def _without_lone_namesakes(pool: list[PlaceMention], mentions: Sequence[PlaceMention]) -> list[PlaceMention]:
    """The pool without small towns in a country nothing else in the article points to ("Hay"
    in "the Hay Abid area of ... Jerusalem" is not the Australian town), when the article has
    another place to offer; that place is then the article's main place outside such towns."""
    names: dict[str | None, set[str]] = defaultdict(set)
    for m in mentions:
        names[m.place.country].add(fold(m.span.text))
    def lone_namesake(m: PlaceMention) -> bool:
        if not names[m.place.country] <= {fold(m.span.text)}:
            return False  # something else in the article is in that country
        if _small_namesake(m.place):
            return True
        # a mid-sized town abroad, against two or more names of one other country
        other = max((len(v) for c, v in names.items() if c and c != m.place.country), default=0)
        return _small_namesake(m.place, LONE_NAMESAKE_MAX_POPULATION) and other >= 2

    lone = [m for m in pool if lone_namesake(m)]
    if not lone:
        return pool
    kept = [m for m in pool if m not in lone]
    if kept:
        return kept
    others = [m for m in mentions if m.place.country != lone[0].place.country and m.place.country and m.place.feature != "country"]
    main = _main_place(others)
    return [main] if main is not None else pool


def _small_namesake(p: Place, limit: int = 0) -> bool:
    """A GeoNames town small enough to be a namesake (curated places are vetted, never one)."""
    return p.geonameid is not None and p.feature in ("city", "district", "site") and p.population < (limit or FOREIGN_NAMESAKE_MAX_POPULATION)


def _dominant_country(mentions: Sequence[PlaceMention]) -> str | None:
    """The country of a strict majority of the usable place mentions (each distinct span counted
    once; a region or country mention counts twice, being seldom ambiguous across borders)."""
    weights: Counter[str] = Counter()
    seen: set[tuple[int, int]] = set()
    for m in mentions:
        key = (m.span.start, m.span.end)
        if key in seen or m.score < MIN_EVENT_SCORE or not m.place.country:
            continue
        seen.add(key)
        weights[m.place.country] += 2 if m.place.feature in ("admin1", "admin2", "country") else 1
    if not weights:
        return None
    (top, n), *rest = weights.most_common()
    return top if n > sum(w for _, w in rest) else None


def _main_place(mentions: Sequence[PlaceMention]) -> PlaceMention | None:
    usable = [m for m in mentions if m.score >= MIN_EVENT_SCORE]
    if not usable:
        return None
    counts = Counter((m.place.name, m.place.country) for m in usable)
    return min(
        usable,
        key=lambda m: (
            _SPECIFICITY.get(m.place.feature, 5) >= 3,
            -counts[(m.place.name, m.place.country)],
            _SPECIFICITY.get(m.place.feature, 5),
            m.span.start,
        ),
    )


def _precision(m: PlaceMention, text: str) -> int:
    feature = m.place.feature
    if feature in ("admin1", "admin2", "country"):
        return 3
    if feature in ("district", "site", "region"):  # part of or next to a town: ACLED's precision 2
        return 2
    before = _article_window(text, m.span)
    if before and _NEAR_WORDS.search(before):
        return 2
    unknown = _UNKNOWN_PLACE_IN.search(before) if before else None
    if unknown and unknown.group(1).split()[-1].lower() not in _CALENDAR_WORDS:
        return 2
    return 1


def _article_window(text: str, span: Span) -> str:
    return text[max(0, span.start - 40) : span.start] if text else ""


def resolve_spans(text: str, spans: list[tuple[int, int]], gaz: Gazetteer, article_id: str = "x") -> list[Place | None]:
    """Resolution given gold spans (the benchmark's setting): no recognition, no NLP."""
    del article_id  # spans are resolved from the text alone; kept for symmetry with geoparse
    inside = {i for s, e in spans for i in range(s, e)}
    focus: Counter[str] = Counter()
    for m in _CAPITALISED_WORD.finditer(text):
        iso = demonym_country(m.group())
        if iso and m.start() not in inside:
            focus[iso] += 1
    return resolve(text, spans, gaz, focus)
