"""Places written with their admin chain: "Kansafra (Ariha, Idlib)", "Sukkur city (Sukkur, Sindh)",
"Tripoli (North, Lebanon)". Monitoring reports, wire briefs and ACLED-style notes name a small
place and then the district and province that hold it. The chain says which of many namesakes is
meant, and where the gazetteer lacks the village it still places the event in its district or
province (with ACLED's geo_precision 2 or 3) instead of guessing another country's namesake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..records import Place
from .fold import fold, plain
from .gazetteer import Gazetteer

# A capitalised name (a few words, "al-"/"de" joiners allowed), an optional generic word, then a
# parenthesis of one to three capitalised names separated by commas.
# The generic word may be an admin unit, a facility or a natural feature named after the place ("Al
# Qasr airbase (Zuwara)", "Mazar market (Balkh)", "Jabal mountain (Nihm)", "Harad front (Hajjah)").
_GENERIC = (
    r"(?:\s+(?:district|city|town|village|area|province|region|governorate|camp|county|sector|municipality|neighbou?rhood"
    r"|subdistrict|commune|locality|LGA|air\s?base|base|airport|airfield|prison|checkpoint|crossing|junction|intersection"
    r"|road|highway|bridge|market|port|refinery|oil\s?field|hospital|university|mosque|church|barracks|outpost|border\s+post"
    r"|mountains?|mount|hills?|valley|plain|desert|island|front(?:\s?line)?|axis))?"
)
_NAME = r"[A-Z][\w'’.\-]*(?:\s+(?:(?:al|el|de|du|da|di|la|le|des|of|ad|ar|as|an|ash|at|az)[- ]\s*)?[A-Z][\w'’.\-]*){0,4}"
CHAIN = re.compile(rf"(?P<name>{_NAME}){_GENERIC}\s*\((?P<inner>[A-Z][^()\d]{{1,90}}?)\)")
_PART = re.compile(r"^[A-Z][\w'’.\- ]{0,40}$")


@dataclass(frozen=True, slots=True)
class Chain:
    start: int  # character range of the place name in the text it was found in
    end: int
    name: str
    parts: tuple[str, ...]  # the names in the parenthesis, innermost first ("Ariha", "Idlib")


@dataclass(frozen=True, slots=True)
class Resolved:
    place: Place
    precision: int  # ACLED geo_precision: 1 the place itself, 2 its district, 3 its province


def chains(text: str) -> list[Chain]:
    out = []
    for m in CHAIN.finditer(text):
        written = [p.strip() for p in m.group("inner").split(",")]
        # "(OSYM)", "(UN)": an acronym, not a district; "(Malappuram, KL)": a state's postal code
        # after a district, which the district says better
        parts = tuple(p for p in written if not p.replace(" ", "").isupper())
        if not parts or len(written) > 3 or not all(_PART.match(p) for p in parts) or (len(parts) < len(written) and written[0] != parts[0]):
            continue
        out.append(Chain(m.start("name"), m.end("name"), m.group("name"), parts))
    return out


def _regions(name: str, gaz: Gazetteer) -> list[tuple[str, str | None, Place | None]]:
    """(country, admin1, the Place named) readings of the outermost name of a chain: a province,
    a country, or a district or city (whose admin1 holds the place). A chain's names are written
    out in full, so no fuzzy match: one would put a Turkish office in Finland."""
    out: list[tuple[str, str | None, Place | None]] = []
    for p in gaz.candidates(name, fuzzy=False):
        if p.country is None:
            continue
        if p.feature == "admin1":
            out.append((p.country, p.name, p))
        elif p.feature == "country":
            out.append((p.country, None, p))
        elif p.feature in ("admin2", "city") and p.admin1:
            out.append((p.country, p.admin1, p))
    return out


def _inside(p: Place, country: str, admin1: str | None) -> bool:
    return p.country == country and (admin1 is None or (p.admin1 is not None and fold(p.admin1) == fold(admin1)))


def resolve_chain(chain: Chain, gaz: Gazetteer, focus: str | None = None) -> Resolved | None:
    """The place a chain names, read outside in: the province (or country) first, then the
    district, then the place itself within them."""
    outer = chain.parts[-1]
    regions = _regions(outer, gaz)
    middle = list(chain.parts[:-1])
    region_part = outer
    if regions and all(r[2] is not None and r[2].feature == "country" for r in regions) and middle:
        # "Tripoli (North, Lebanon)": the country last, its province before it
        country = regions[0][0]
        inner = [(c, a, p) for c, a, p in _regions(middle[-1], gaz) if c == country]
        if inner:
            regions, region_part = inner, middle[-1]
        middle = middle[:-1]
    best: tuple[tuple[int, int, int], Resolved] | None = None
    for country, admin1, region in regions:
        # "the Gendarmerie HQ of Issaguen (Hoceima)": the place is the name after the last "of"
        names = [chain.name, *([chain.name.rsplit(" of ", 1)[1]] if " of " in chain.name else [])]
        own = [p for n in names for p in gaz.candidates(n, fuzzy=False) if _inside(p, country, admin1) and p.feature not in ("country", "admin1")]
        if own:
            p = max(own, key=lambda x: (x.feature in ("city", "district", "site"), x.population))
            res = Resolved(p, 2 if p.feature in ("district", "site", "region", "admin2") else 1)
            rank = 0
        else:
            mids = [p for m in middle for p in gaz.candidates(m, fuzzy=False) if _inside(p, country, admin1) and p.feature in ("admin2", "city")]
            if mids:
                p = max(mids, key=lambda x: (x.feature == "admin2", x.population))
                res = Resolved(replace(p, name=chain.name, feature="city", geonameid=None, population=0), 2)
                rank = 1
            elif region is not None and region.feature == "admin1":
                res = Resolved(replace(region, name=chain.name, feature="city", geonameid=None, population=0), 3)
                rank = 2
            elif region is not None and region.feature == "admin2":
                # "Mansila (Mansila, Yagha)" with the village not in the gazetteer: its district,
                # read only when no province of that name holds the place
                res = Resolved(replace(region, name=chain.name, feature="city", geonameid=None, population=0), 2)
                rank = 3
            else:
                continue
        key = (rank, 0 if country == focus else 1, -(region.population if region and region.feature == "admin1" else 0))
        if best is None or key < best[0]:
            written = _written_region(region_part, admin1, region, gaz)
            if written is not None and res.place.admin1 == admin1:
                res = Resolved(replace(res.place, admin1=written), res.precision)
            best = (key, res)
    if best is None or best[0][0] >= 2:
        # "Mzuzu (Mzimba, Northern)": no province of the last name holds the place, but the place
        # and its district agree on a country: they say more than a namesake province abroad
        agreed = _agreeing_inner(chain, gaz)
        if agreed is not None:
            return agreed
    return best[1] if best else None


def _agreeing_inner(chain: Chain, gaz: Gazetteer) -> Resolved | None:
    """The place itself where one of the chain's inner names is its district (same country, and
    the district's admin1 is the place's)."""
    middles = [
        m for part in chain.parts[:-1] for m in gaz.candidates(part, fuzzy=False)
        if m.feature in ("admin1", "admin2", "city") and plain(m.name) == plain(part)
    ]
    found = [
        p for p in gaz.candidates(chain.name, fuzzy=False)
        if p.feature not in ("country", "admin1") and p.admin1 and plain(p.name) == plain(chain.name)
        and any(m.country == p.country and m.geonameid != p.geonameid and fold(m.admin1 or m.name) == fold(p.admin1) for m in middles)
    ]
    if not found:
        return None
    p = max(found, key=lambda x: x.population)
    outer = chain.parts[-1]
    if not any(r.country == p.country for r in gaz.candidates(outer, fuzzy=False)):
        # the writer's region is one the gazetteer does not divide the country by (Malawi's
        # Northern, Central and Southern regions): it is the admin1 the report uses
        p = replace(p, admin1=outer)
    return Resolved(p, 1)


def _written_region(part: str, admin1: str | None, region: Place | None, gaz: Gazetteer) -> str | None:
    """The chain's own spelling of the admin1 region when the part names it ("(Azaz, Halab)"),
    directly or by the city it is named after; see resolve.written_admin1."""
    from .resolve import written_name

    if admin1 is None:
        return None
    named = (region is not None and region.feature == "admin1" and fold(region.name) == fold(admin1)) or any(
        p.admin1 == admin1 and fold(p.name) == fold(admin1) for p in gaz.candidates(part, fuzzy=False)
    )
    return written_name(part, admin1) if named else None
