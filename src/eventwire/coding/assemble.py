"""Code events: from one annotated article's sentences, places, actors, dates and numbers to
ACLED-style Event records, merged within the article.

A sentence becomes a candidate event when the classifier says it reports an ACLED event; roles
come from the dependency parse (agent → actor1, patient → actor2), the place from the sentence's
own toponyms (else the article's main place), the date from the sentence's own date expressions
(else the publication date at week precision). Background history (dated long before
publication) is dropped with a reason in the run stats.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan

from ..annotate import AnnotatedArticle, BlockDoc
from ..dates import find_dates
from ..fatalities import find_fatalities
from ..merge import event_id, merge_within_article
from ..quotes import extract_quotes
from ..records import (
    ActorMention,
    ArticleResult,
    BlockKind,
    DateMention,
    Event,
    Evidence,
    PlaceMention,
    Source,
    Span,
)
from ..resources import Resources
from .classify import Classification, rule_hits

# An event dated this long before its article is background history, not news.
# ACLED codes what a report says happened recently; "the war erupted in 2011" is context.
MAX_EVENT_AGE_DAYS = 120
# A sentence with no codebook trigger word (coding/classify.py rules) is coded only when the
# statistical model alone is this sure. Calibrated on the team's synthetic corpus and example
# articles: background lines ("declined to comment", "said it would send aid if ...") score
# 0.35-0.62 without a trigger, while real reports carry a trigger or score above 0.8.
TRIGGERLESS_MIN_CONFIDENCE = 0.7
# Undated sentences take the publication date at this precision (2 = within the week).
UNDATED_PRECISION = 2
_BACKGROUND = re.compile(r"\b(since\s+(?:\d{4}|the\s+(?:start|beginning|outbreak))|erupted\s+in|began\s+in\s+\d{4}|has\s+since|have\s+been\s+\w+ing\s+since)\b", re.IGNORECASE)
_AGENT_DEPS = {"nsubj", "agent", "csubj"}
_PATIENT_DEPS = {"dobj", "nsubjpass", "pobj", "attr", "dative", "obj"}


def event_sentences(ann: AnnotatedArticle) -> list[tuple[BlockDoc, SpacySpan]]:
    """The sentences that may report events (a headline restates the lead; it still informs
    country focus through its places)."""
    return [(bd, sent) for bd, sent in ann.sentences() if bd.block.kind is not BlockKind.TITLE]


def classify_batch(anns: Sequence[AnnotatedArticle], res: Resources) -> list[list[Classification]]:
    """Classify the event sentences of many articles in one model call (per-call overhead of the
    vectorisers is most of the cost for one article's few sentences)."""
    per = [event_sentences(a) for a in anns]
    flat = res.classifier.classify_sentences([sent for sents in per for _, sent in sents])
    out, i = [], 0
    for sents in per:
        out.append(flat[i : i + len(sents)])
        i += len(sents)
    return out


def code_article(ann: AnnotatedArticle, res: Resources, classified: Sequence[Classification] | None = None) -> ArticleResult:
    from ..actors.find import find_actors
    from ..geo import geoparse

    article = ann.article
    stats: Counter[str] = Counter()
    places = geoparse(ann, res.gazetteer)
    country = focus_country(places)
    actors = find_actors(ann, res.actors, country, article.published)
    quotes = extract_quotes(ann)
    date_spans = [bd.token_span(article.id, ent) for bd in ann.docs for ent in bd.doc.ents if ent.label_ == "DATE"]
    dates = find_dates(date_spans, article.published)
    candidates = []
    sentences = event_sentences(ann)
    coded = classified if classified is not None else res.classifier.classify_sentences([sent for _, sent in sentences])
    for (bd, sent), cls in zip(sentences, coded):
        if cls.sub_event_type is None:
            continue
        if cls.confidence < res.settings.min_confidence or (cls.confidence < TRIGGERLESS_MIN_CONFIDENCE and not rule_hits(sent.text)):
            stats["dropped_low_confidence"] += 1
            continue
        sspan = bd.token_span(article.id, sent)
        event = _candidate(ann, bd, sent, sspan, cls, places, actors, dates, quotes, country, res)
        if event is None:
            stats["dropped_background"] += 1
            continue
        candidates.append(event)
    events = [_finalise(e, article.published) for e in merge_within_article(candidates, contains, article.published)]
    stats["candidates"] = len(candidates)
    stats["events"] = len(events)
    return ArticleResult(article, tuple(events), tuple(places), tuple(actors), tuple(quotes), tuple(dates), dict(stats))


def focus_country(places: Sequence[PlaceMention]) -> str | None:
    """The country the article is mostly about: the most mentioned country among its places."""
    counts = Counter(p.place.country for p in places if p.place.country)
    return counts.most_common(1)[0][0] if counts else None


def _inside(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def _candidate(ann, bd: BlockDoc, sent: SpacySpan, sspan: Span, cls, places, actors, dates, quotes, country, res) -> Event | None:  # type: ignore[no-untyped-def]
    article = ann.article
    in_sent_dates = [d for d in dates if _inside(d.span, sspan)]
    when = _event_date(in_sent_dates, article.published)
    if when is False or _BACKGROUND.search(sent.text):
        return None
    evidence: list[Evidence] = [Evidence("event", sspan)]
    date, precision = (when.date, when.precision) if isinstance(when, DateMention) else (None, UNDATED_PRECISION)
    if isinstance(when, DateMention):
        evidence.append(Evidence("event_date", when.span))

    sent_places = [p for p in places if _inside(p.span, sspan)]
    a1, a2 = _roles(bd, sent, [m for m in actors if _inside(m.span, sspan) and _is_actor(m, sent_places, article.text)], article.id)
    if a1 is None and a2 is None:
        a1 = _default_actor(cls.event_type, res, article.published, country, sspan)
    if a2 is None and cls.event_type == "Violence against civilians" and a1 is not None and a1.actor.inter != 7:
        a2 = _default_actor("civilians", res, article.published, country, sspan)
    for name, m in (("actor1", a1), ("actor2", a2)):
        if m is not None and m.span.end > m.span.start:
            evidence.append(Evidence(name, m.span))

    loc = _location(sent_places, places, article.text)
    place, geo_precision = loc if loc else (None, None)
    if place is not None:
        evidence.append(Evidence("location", place.span))

    fatal = find_fatalities(sspan)
    if fatal is not None:
        evidence.append(Evidence("fatalities", fatal.span))

    speaker = next((q.speaker.name for q in quotes if q.kind == "indirect" and q.speaker and q.speaker.resolved and _overlaps(q.span, sspan)), None)
    inter1 = a1.actor.inter if a1 else None
    inter2 = a2.actor.inter if a2 else None
    sub_event_type = territory_sub_type(cls.sub_event_type, inter1)
    p = place.place if place else None
    confidence = cls.confidence * (1.0 if p else 0.85) * (1.0 if a1 else 0.9)
    return Event(
        id=event_id(article.id, sspan.start, cls.event_type),
        event_type=cls.event_type,
        sub_event_type=sub_event_type,
        plover=cls.plover,
        event_date=date,
        time_precision=precision,
        actor1=a1.actor.name if a1 else None,
        inter1=inter1,
        actor2=a2.actor.name if a2 else None,
        inter2=inter2,
        interaction=interaction(inter1, inter2),
        country=p.country if p else country,
        admin1=p.admin1 if p else None,
        admin2=p.admin2 if p else None,
        admin3=None,
        location=p.name if p else None,
        latitude=p.latitude if p else None,
        longitude=p.longitude if p else None,
        geo_precision=geo_precision,
        geonameid=p.geonameid if p else None,
        fatalities=fatal.count if fatal else 0,
        fatalities_qualifier=fatal.qualifier if fatal else None,
        notes=sspan.text.strip()[:500],
        confidence=round(min(confidence, 1.0), 3),
        evidence=tuple(evidence),
        sources=(Source(article.id, article.url, article.source, speaker),),
    )


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _event_date(dates: list[DateMention], published: dt.date | None) -> DateMention | None | bool:
    """The sentence's event date; False when every date in it is old history."""
    if not dates:
        return None
    recent = [d for d in dates if published is None or (published - d.date).days <= MAX_EVENT_AGE_DAYS]
    if not recent:
        return False
    return min(recent, key=lambda d: d.precision)


GOV_REGAINS, NSA_OVERTAKES = "Government regains territory", "Non-state actor overtakes territory"


def territory_sub_type(sub_event_type: str, inter1: int | None) -> str:
    """ACLED splits territorial change by who gains it: state forces (inter 1) regain territory,
    anyone else overtakes it. The parse knows who the agent is better than the classifier."""
    if sub_event_type in (GOV_REGAINS, NSA_OVERTAKES) and inter1 is not None:
        return GOV_REGAINS if inter1 == 1 else NSA_OVERTAKES
    return sub_event_type


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's two-digit interaction code: the lower inter code first; a sole actor is X0."""
    if inter1 is None and inter2 is None:
        return None
    if inter1 is None or inter2 is None:
        return (inter1 or inter2 or 0) * 10
    lo, hi = sorted((inter1, inter2))
    return lo * 10 + hi


def _roles(bd: BlockDoc, sent: SpacySpan, mentions: list[ActorMention], article_id: str) -> tuple[ActorMention | None, ActorMention | None]:
    """actor1 is the agent (subject, or 'by' phrase of a passive); actor2 the patient."""
    if not mentions:
        return None, None
    agent: list[ActorMention] = []
    patient: list[ActorMention] = []
    other: list[ActorMention] = []
    for m in mentions:
        role = _role_of(bd, sent, m)
        (agent if role == "agent" else patient if role == "patient" else other).append(m)
    a1 = agent[0] if agent else (other[0] if other else None)
    rest = [m for m in agent[1:] + patient + other if m is not a1 and m.actor.name != (a1.actor.name if a1 else None)]
    a2 = rest[0] if rest else None
    if a1 is None and a2 is not None and a2.actor.inter != 7:
        a1, a2 = a2, None  # a lone actor is actor1, unless it is the civilians something hit
    return a1, a2


# Unregistered "actors" that are really weapons: the perpetrator is unknown, not "Warplanes".
_WEAPONS = re.compile(r"^(?:the\s+)?(?:\w+\s+)?(?:warplanes?|jets?|drones?|aircraft|helicopters?|missiles?|rockets?|shells?|bombs?|mortars?|artillery|tanks?)$", re.IGNORECASE)
_PLACE_BEFORE = re.compile(r"\b(?:village|town|city|district|neighbo(?:u)?rhood|camp|province|region|area)\s+of\s+$", re.IGNORECASE)


def _is_actor(m: ActorMention, places: list[PlaceMention], text: str) -> bool:
    """Registered actors always stay. An unregistered name that is a place ("attacked the village
    of X", or a resolved toponym) or a weapon ("warplanes") is not an actor."""
    if m.actor.known:
        return True
    if _WEAPONS.match(m.span.text) or _PLACE_BEFORE.search(text[max(0, m.span.start - 30) : m.span.start]):
        return False
    return not any(_overlaps(m.span, p.span) for p in places)


# ACLED's default actor for events whose actor the report does not name.
_DEFAULT_ACTOR = {"Protests": "protesters", "Riots": "rioters", "civilians": "civilians"}


def _default_actor(event_type: str | None, res: Resources, on: dt.date | None, country: str | None, sentence: Span) -> ActorMention | None:
    word = _DEFAULT_ACTOR.get(event_type or "")
    if word is None or country is None:
        return None
    actor = res.actors.resolve(word, on, country)
    return ActorMention(Span(sentence.article_id, sentence.start, sentence.start, ""), actor) if actor else None


def _role_of(bd: BlockDoc, sent: SpacySpan, m: ActorMention) -> str | None:
    start, end = m.span.start - bd.offset, m.span.end - bd.offset
    tokens = [t for t in sent if t.idx >= start and t.idx + len(t) <= end]
    if not tokens:
        return None
    head = min(tokens, key=lambda t: len(list(t.ancestors)))
    node = head
    while node.dep_ in ("compound", "amod", "conj", "appos", "poss", "nmod") and node.head is not node:
        node = node.head
    if node.dep_ in _AGENT_DEPS:
        return "agent"
    if node.dep_ == "pobj" and node.head.dep_ == "agent":
        return "agent"
    if node.dep_ in _PATIENT_DEPS:
        return "patient"
    return None


def _location(sent_places: list[PlaceMention], all_places: Sequence[PlaceMention], text: str) -> tuple[PlaceMention, int] | None:
    from ..geo import event_location

    return event_location(sent_places, list(all_places), text)


def contains(outer: Event, inner: Event) -> bool:
    """Containment between two events' places (a district inside its city, a city in its admin1)."""
    if outer.latitude is None or inner.latitude is None or outer.country != inner.country:
        return False
    if (outer.geo_precision or 0) >= (inner.geo_precision or 0) and outer.admin1 and outer.admin1 == inner.admin1:
        return outer.location == inner.admin1 or _near(outer, inner)
    return False


# A district lies within this distance of its city's centre point; used as containment proof.
CONTAINMENT_KM = 25.0


def _near(a: Event, b: Event) -> bool:
    from ..geo.gazetteer import haversine_km

    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) <= CONTAINMENT_KM  # type: ignore[arg-type]


def _finalise(event: Event, published: dt.date | None) -> Event:
    """Undated events take the publication date at week precision."""
    if event.event_date is None and published is not None:
        from dataclasses import replace

        return replace(event, event_date=published, time_precision=UNDATED_PRECISION)
    return event
