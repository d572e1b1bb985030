"""Toponym recognition: which spans of an annotated article name places, and how surely.

spaCy's small model misses and mislabels places ("Aleppo" as NORP, "Ramouseh" as PRODUCT), so NER
labels are one signal among several: every capitalised run of tokens is also matched against the
gazetteer (longest match first). Context then lowers or drops a match: demonyms ("Syrian army")
only feed the article's country focus; a name inside an organisation or person ("University of
Edinburgh") or a metonym ("Washington said") is kept with a low score that keeps it from locating
events. `geoparse` resolves what is left, together, with `resolve.resolve`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..annotate import AnnotatedArticle, BlockDoc
from ..records import Place, PlaceMention
from .demonyms import REGION_ADJECTIVES, US_STATE_ABBREVIATIONS, demonym_country
from .fold import fold, plain
from .gazetteer import Gazetteer
from .resolve import resolve

# Scores of a mention by its evidence; event_location ignores mentions under resolve.MIN_EVENT_SCORE.
SCORE_NER_PLACE = 0.9  # spaCy says GPE/LOC and the gazetteer knows the name
SCORE_NER_FACILITY = 0.7
SCORE_NER_MISFIRE = 0.75  # a NORP/PRODUCT/... entity that the gazetteer knows ("Aleppo" NORP)
SCORE_GAZETTEER = 0.6  # a capitalised proper-noun run that only the gazetteer knows
SCORE_METONYM = 0.4  # "Washington said": the government, not the place
SCORE_IN_NAME = 0.2  # inside an organisation's or person's name
# A demonym ("Syrian", "Russian strikes") refers to its country: it is a place mention for the
# record and for country focus, but scored so low that it never locates an event.
SCORE_DEMONYM = 0.3
MAX_NAME_TOKENS = 6
ACRONYM_MAX = 4  # all-caps names this short must be a country's or region's ("US", "UAE", "EU")
# A gazetteer-only single word must name a place at least this big (or a region/country/curated
# row): "Hope", "Police" and "Liberty" are villages somewhere. 5000 keeps county seats and
# front-line towns; lower values let in common capitalised words in the team's test articles.
MIN_POPULATION_UNCONFIRMED = 5_000
# An alternate name (not the place's own) is recognised with NER's or the context's support
# only for towns at least this big, and for regions (see `_canonical`).
MIN_POPULATION_ALIAS = 20_000
_LOCATIVES = frozenset("in near at outside around into across inside".split())  # noqa: SIM905
_ADMIN_WORDS = frozenset(
    "province governorate oblast region district state county department prefecture wilaya muhafazah raion "
    "area countryside neighbourhood neighborhood".split()  # noqa: SIM905
)
_ARTICLES = frozenset({"los", "las", "la", "el", "le", "les", "al"})  # after a connector: "de los", "de la", "du le"
_NEVER_FIRST = frozenset({"the", "of", "on", "upon", "-"})  # connectors that never begin a place name
_CURRENCY_WORDS = frozenset("dollar dollars pound pounds rupee rupees dinar dinars lira euro euros yuan peso pesos".split())  # noqa: SIM905
_PLACE_LABELS = frozenset({"GPE", "LOC"})
_NAME_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "EVENT", "LAW"})
_NON_PLACE_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
_CONNECTORS = frozenset("al el ad ar as ash az ez es de del du des da do dos das di la le of bin ibn abu - upon on the".split())  # noqa: SIM905
_SPEECH_VERBS = frozenset(
    "say announce claim warn deny accuse insist demand urge condemn threaten state tell respond reply vow confirm add".split()  # noqa: SIM905
)
_COMMON_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december president minister general army police
    government state islamic free rebel rebels city district province north south east west
    northern southern eastern western central national god mr mrs ms dr share advertisement
    photo reuters afp news said union council front forces
    """.split()  # noqa: SIM905
    # English words that are also the names of towns somewhere; as a bare capitalised word
    # they are nearly always the word (headings, names of buildings and firms).
    + """
    center centre house street road avenue lane way drive court hall bank college university
    school church park hospital valley ridge hill river lake mountain bay beach island day air
    superior metro northeast northwest southeast southwest liberty hope victory progress
    independence republic democracy justice freedom unity peace paradise office county market
    square station airport port bridge tower plaza mall village town township borough parish
    region area one two three man woman act bill law senate congress parliament assembly
    committee home commission agency ministry department service services energy water gold
    silver summit media post times journal herald tribune star
    """.split()  # noqa: SIM905
)


@dataclass(frozen=True, slots=True)
class _Found:
    start: int  # article offsets
    end: int
    score: float


def geoparse(annotated: AnnotatedArticle, gaz: Gazetteer) -> list[PlaceMention]:
    """Every place mention in the article, resolved; spans index `annotated.article.text`."""
    found: list[_Found] = []
    focus: Counter[str] = Counter()
    for bd in annotated.docs:
        found += _recognise(bd, gaz, focus)
    found.sort(key=lambda f: f.start)
    text = annotated.article.text
    places = resolve(text, [(f.start, f.end) for f in found], gaz, focus)
    article_id = annotated.article.id
    return [
        PlaceMention(_span(annotated, article_id, f), place, f.score)
        for f, place in zip(found, places)
        if place is not None
    ]


def _span(annotated: AnnotatedArticle, article_id: str, f: _Found):  # type: ignore[no-untyped-def]
    from ..records import Span

    return Span(article_id, f.start, f.end, annotated.article.text[f.start : f.end])


def _recognise(bd: BlockDoc, gaz: Gazetteer, focus: Counter[str]) -> list[_Found]:
    doc = bd.doc
    ents = _joined_places(doc, gaz)
    ent_of: dict[int, SpacySpan] = {t.i: e for e in ents for t in e}
    spans: list[tuple[int, int, tuple[int, int]]] = []  # token ranges and their capitalised run
    taken: set[int] = set()
    for ent in ents:  # whole entities the gazetteer knows win over pieces of them
        if ent.label_ in _NON_PLACE_LABELS or ent.label_ in _NAME_LABELS:
            continue
        s, e = _trim(doc, ent.start, ent.end)
        if e - s == 1 and doc[s].lower_ in _CONNECTORS:
            continue  # "Al" of "Al Bab" tagged alone: the run below finds the whole name
        if e > s and _known(doc[s:e].text, gaz) and not taken.intersection(range(s, e)):
            spans.append((s, e, (s, e)))
            taken.update(range(s, e))
    for s, e in _runs(doc):
        i = s
        while i < e:
            for j in range(min(e, i + MAX_NAME_TOKENS), i, -1):
                if taken.intersection(range(i, j)) or doc[j - 1].lower_ in _CONNECTORS:
                    continue
                if doc[i].lower_ in _CONNECTORS and not _article_starts_name(doc, i, j):
                    continue  # an article starts a name only as in "Al-Hasaka" or "in Al Bab"
                if _known(doc[i:j].text, gaz):
                    spans.append((i, j, (s, e)))
                    taken.update(range(i, j))
                    i = j - 1
                    break
            i += 1
    out = []
    for s, e, run in spans:
        span = doc[s:e]
        text = span.text
        iso = demonym_country(text)
        if iso is not None or text in REGION_ADJECTIVES:
            if iso:
                focus[iso] += 1
            start, end = _strip_chars(doc, span)
            if end > start:
                out.append(_Found(bd.offset + start, bd.offset + end, SCORE_DEMONYM))
            continue
        score = _score(span, run, ent_of, gaz)
        if score is None:
            continue
        if e < len(doc) and doc[e].lower_ in _CURRENCY_WORDS:
            continue  # "the US dollar", "Lebanese pound": a currency, not a place nor the article's country
        start, end = _strip_chars(doc, span)
        if end > start:
            out.append(_Found(bd.offset + start, bd.offset + end, score))
    return out


def _joined_places(doc: Doc, gaz: Gazetteer) -> list[SpacySpan]:
    """The entities, with place entities that touch joined where the gazetteer knows the whole:
    the small model tags "Baja California" as "Baja" and "California"."""
    ents = list(doc.ents)
    out: list[SpacySpan] = []
    i = 0
    while i < len(ents):
        j = i + 1
        while ents[i].label_ in _PLACE_LABELS and j < len(ents) and ents[j].start == ents[j - 1].end and ents[j].label_ in _PLACE_LABELS:
            j += 1
        for k in range(j, i + 1, -1):  # the longest known join, else the entity alone
            if _known(doc[ents[i].start : ents[k - 1].end].text, gaz):
                out.append(SpacySpan(doc, ents[i].start, ents[k - 1].end, label=ents[i].label_))
                i = k
                break
        else:
            out.append(ents[i])
            i += 1
    return out


def _score(span: SpacySpan, run: tuple[int, int], ent_of: dict[int, SpacySpan], gaz: Gazetteer) -> float | None:
    """The mention's score from its evidence, or None when it is not a place mention."""
    ents = {ent_of[t.i] for t in span if t.i in ent_of}
    ent = next(iter(ents)) if len(ents) == 1 else None
    text = span.text
    context = _place_context(span)
    if not _canonical(text, gaz, folded=ent is not None and ent.label_ in _PLACE_LABELS, context=context):
        return None
    if context == "admin" and ent is not None and ent.label_ in _NAME_LABELS:
        return SCORE_NER_PLACE  # "Al-Hasaka province" tagged ORG: the admin word says it is a region
    if ent is not None and ent.label_ in _NAME_LABELS:
        whole = (span.start, span.end) == _trim(span.doc, ent.start, ent.end)
        if ent.label_ == "PERSON":  # "Jackson", "George Washington": a place only if a big one
            if context == "locative" and span[0].text in _LOWER_ARTICLES and len(span) > 1:
                return SCORE_NER_MISFIRE  # "in al Qusayr": a person is not "in" an article-led name
            if not whole or not _strong(text, gaz):
                return None
            score = SCORE_NER_MISFIRE if _curated_or_region(text, gaz) else SCORE_IN_NAME
        elif whole and (len(span) > 1 or _strong(text, gaz, MIN_POPULATION_UNCONFIRMED)):
            score = SCORE_NER_MISFIRE  # the small model often calls a town an organisation
        else:  # "Walker County Sheriff's Office", "University of Edinburgh": kept, but never an event place
            return SCORE_IN_NAME if len(span) > 1 or _strong(text, gaz) else None
        return SCORE_METONYM if score >= SCORE_METONYM and _is_metonym(span) else score
    if ent is not None and ent.label_ in _PLACE_LABELS:
        if _piece_of_name(span, ent) and not _country_or_metropolis(text, gaz):
            return None  # "Wadi" of "Wadi al-Rabi": a word of a longer name the gazetteer lacks
        score = SCORE_NER_PLACE
    else:
        # Without NER's word that this is a place, ask more of the name: the place's own name
        # (not one of the thousands of alternate names that are also English words), a proper
        # noun, and a big place when it is only a piece of a longer name ("Orchard Street").
        if any(t.pos_ not in ("PROPN",) and t.lower_ not in _CONNECTORS for t in span):
            return None
        inside_longer = (span.start, span.end) != run and run[0] <= span.start and span.end <= run[1]
        if (inside_longer or len(span) == 1) and not _strong(
            text, gaz, 100_000 if inside_longer else MIN_POPULATION_UNCONFIRMED
        ):
            return None
        if ent is not None and ent.label_ == "FAC":
            score = SCORE_NER_FACILITY
        elif ent is not None:
            score = SCORE_NER_MISFIRE
        else:
            score = SCORE_GAZETTEER
    return SCORE_METONYM if _is_metonym(span) else score


def _piece_of_name(span: SpacySpan, ent: SpacySpan) -> bool:
    """The span is a part of the entity's one longer name joined by an article or particle of
    the name ("Wadi" of "Wadi al-Rabi", "Rabi" of "Bir ar-Rabi", "Jose" of "San Jose del Monte");
    not "Hims province" or "Tripoli, Lebanon"."""
    doc = span.doc
    start, end = _trim(doc, ent.start, ent.end)
    after = doc[span.end] if span.end < end else None
    before = doc[span.start - 1] if span.start > start else None
    return any(t is not None and t.lower_ in _CONNECTORS and t.lower_ not in _NEVER_FIRST for t in (after, before))


def _place_context(span: SpacySpan) -> str | None:
    """'admin' when an admin word follows the name ("Hims province"), 'locative' when a
    locative preposition comes right before it ("shelled Kafr Zqwt in Hims"), else None."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    # "Hims province", "Osun State,": not "the Grovetown Department of Public Safety"
    if nxt is not None and nxt.lower_ in _ADMIN_WORDS and (nxt.is_lower or nxt.i + 1 == len(doc) or doc[nxt.i + 1].is_punct):
        return "admin"
    if span.start > 0 and doc[span.start - 1].lower_ in _LOCATIVES:
        return "locative"
    if span.start > 1 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in _ADMIN_WORDS:
        return "admin"  # "the southern countryside of Idleb", "the province of Hama"
    return None


def _canonical(name: str, gaz: Gazetteer, folded: bool, context: str | None = None) -> bool:
    """Whether some place bears this very name, not only as one of its alternate names (thousands
    of which are English words); with `folded`, a transliteration of the name is enough. An
    alternate name of a region or a big town also counts when the words around it say place
    ("in Halab", "Halab province"): conflict reports write regions and cities in their own
    romanisations, which GeoNames keeps only as alternate names. NER's word alone is not enough
    for an alternate name ("Vegas", "Marshal" were false hits on LGL/GeoWebNews)."""
    name = _clean(name)
    if _abbreviation(name) or demonym_country(name) or name in REGION_ADJECTIVES:
        return True
    key = plain(name)
    # Curated rows, countries and admin1 regions have vetted aliases ("U.S.", "Ramussa").
    if any(plain(p.name) == key or _vetted(p) or p.feature in ("country", "admin1") for p in gaz.exact(name)):
        return True
    # Alternate-name lists hold codes ("MOD", "LHR"): an alias counts only as a plain word.
    word = len(name) >= 4 and not any(c.isupper() for c in name[1:] if c.isalpha())
    if word and context and any(_big_alias(p, context) for p in gaz.exact(name)):
        return True
    if context == "admin" and any(p.feature in ("admin1", "admin2") or _vetted(p) for p in gaz.candidates(name, fuzzy=False)):
        return True  # "Al-Hasaka province", "the Ramousa area": another spelling of a region's name
    if folded:  # a transliteration of a big place's name ("Halab"); small namesakes are too many
        fkey = fold(name)
        return any(fold(p.name) == fkey and _big(p) for p in gaz.candidates(name))
    return False


def _big_alias(p: Place, context: str | None) -> bool:
    if context == "admin":
        return p.feature in ("admin1", "admin2") or _big(p)
    return p.feature in ("admin1", "country") or (p.feature == "city" and p.population >= MIN_POPULATION_ALIAS)


def _vetted(p: Place) -> bool:
    """A curated place, whose every alias the team checked. Airports are not: their short names
    ("Kennedy", "Ben Gurion") are people's names too, so recognition asks NER or the full name."""
    return p.geonameid is None and p.feature != "site"


def _big(p: Place) -> bool:
    return p.feature != "city" or p.population >= 100_000


def _abbreviation(name: str) -> str | None:
    """The US state an AP-style abbreviation names ("W.Va." and "W. Va" -> West Virginia)."""
    if "." not in name and not (name.isupper() and len(name) <= 2):
        return None
    key = name.replace(" ", "")
    return US_STATE_ABBREVIATIONS.get(key) or US_STATE_ABBREVIATIONS.get(key + ".") if "." in name else None


def _is_metonym(span: SpacySpan) -> bool:
    """'Washington said', 'Moscow has warned': the place as the subject of a speech verb."""
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in _SPEECH_VERBS


def _clean(name: str) -> str:
    return name.strip().rstrip("-\u2013\u2019'").strip()


def _curated_or_region(name: str, gaz: Gazetteer) -> bool:
    return any(_vetted(p) or p.feature in ("country", "admin1") for p in gaz.exact(_clean(name)))


def _strong(name: str, gaz: Gazetteer, min_population: int = 100_000) -> bool:
    """Whether the name is a big place's own name (or a curated, country or region name)."""
    name = _clean(name)
    if _abbreviation(name):
        return True
    key = plain(name)
    return any(
        p.feature in ("country", "admin1", "region")
        or _vetted(p)
        or (p.population >= min_population and plain(p.name) == key)
        for p in gaz.exact(name)
    )


def _country_or_metropolis(name: str, gaz: Gazetteer) -> bool:
    """Whether the name is a country's or a city of a million's own name: the only places a word
    of a longer unknown name ("Lac" of "Les Berges du Lac") may still stand for."""
    key = plain(_clean(name))
    return any(p.feature == "country" or (p.population >= 1_000_000 and plain(p.name) == key) for p in gaz.exact(name))


def _known(name: str, gaz: Gazetteer) -> bool:
    name = _clean(name)
    if len(name) < 2 or name.lower() in _COMMON_WORDS:
        return False
    if demonym_country(name) or name in REGION_ADJECTIVES:
        return True
    if _abbreviation(name):
        return True
    if name.isupper() and len(name) <= ACRONYM_MAX:  # "UN" is an alternate name of Norman, Oklahoma
        return any(p.feature in ("country", "admin1", "region") for p in gaz.exact(name))
    return gaz.known(name)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article and trailing possessive/punctuation from an entity's tokens."""
    while start < end and (doc[start].lower_ in ("the",) or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "\u2019s")):
        end -= 1
    return start, end


def _runs(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens, allowing connectors inside ("Bustan al-Qasr")."""
    runs = []
    i, n = 0, len(doc)
    while i < n:
        if not (_capitalised(doc[i]) or _lower_article_starts(doc, i)):
            i += 1
            continue
        j = i + 1
        while j < n:
            if (
                _capitalised(doc[j])
                or doc[j].lower_ in _CONNECTORS
                and j + 1 < n
                and _capitalised(doc[j + 1])
                and doc[j].whitespace_ != "\n"
            ):
                j += 1
            elif doc[j].lower_ in _CONNECTORS and j + 2 < n and doc[j + 1].lower_ in _ARTICLES and _capitalised(doc[j + 2]):
                j += 2  # "Leon de los Aldama", "Santa Maria de las Lomas"
            elif doc[j].text == "-" and j + 2 < n and doc[j + 1].lower_ in _CONNECTORS and _capitalised(doc[j + 2]):
                j += 2
            elif doc[j].text == "-" and j + 1 < n and not doc[j - 1].whitespace_ and not doc[j].whitespace_ and _capitalised(doc[j + 1]):
                j += 2  # "Al-Hasaka", "Dnipro-Donbas"
            else:
                break
        runs.append((i, j))
        i = j
    return runs


# Arabic articles that reports write in lower case before a place ("in el Mina", "in ech
# Choueifat", "in al-Bab"); not "an", "as", "at", which are English words.
_LOWER_ARTICLES = frozenset("al el ech esh ash ad ar az ez es".split())  # noqa: SIM905


def _lower_article_starts(doc: Doc, i: int) -> bool:
    """A lower-case article after a locative begins the name that follows it ("in el Hermel",
    "near al-Bab")."""
    if doc[i].lower_ not in _LOWER_ARTICLES or i == 0 or doc[i - 1].lower_ not in _LOCATIVES or doc[i].whitespace_ == "\n":
        return False
    nxt = i + 2 if i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ else i + 1
    return nxt < len(doc) and _capitalised(doc[nxt])


def _article_starts_name(doc: Doc, i: int, j: int) -> bool:
    """A capitalised article begins the name doc[i:j] when a hyphen joins it to the next word
    ("Al-Hasaka") or a locative comes before it ("in Al Bab"); "the El Nino" is no place."""
    if _lower_article_starts(doc, i):
        return i + 1 < j
    if not _capitalised(doc[i]) or i + 1 >= j or doc[i].lower_ in _NEVER_FIRST:
        return False
    return doc[i + 1].text == "-" or (i > 0 and doc[i - 1].lower_ in _LOCATIVES)


def _capitalised(t: Token) -> bool:
    text = t.text
    return bool(text) and text[0].isupper() and any(c.isalpha() for c in text) and not t.is_space


def _strip_chars(doc: Doc, span: SpacySpan) -> tuple[int, int]:
    """Character range of a span without a trailing hyphen or apostrophe ("Damascus-")."""
    del doc  # doc.text rebuilds the whole text on every access; the span's own text suffices
    start = span.start_char
    text = span.text.rstrip("-\u2013\u2019'")
    return start, start + len(text)
