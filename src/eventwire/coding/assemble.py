"""Code events: from one annotated article's sentences, places, actors, dates and numbers to
ACLED-style Event records, merged within the article.

A sentence becomes a candidate event only when it holds an accepted event mention
(`mentions.py`: a codebook trigger used in its event sense, asserted as having happened, with the
participants its type needs); the classifier only helps choose the sub-event type. Roles come from
the parse around the trigger (`roles.py`), the place from the toponyms the event attaches to in its
sentence (never the dateline; else the article's main place), the date from the sentence's own date
expressions (else the publication date at week precision), the fatalities from the sentence or the
next ones that report no event of their own. Background history (dated long before publication) is
dropped with a reason in the run stats.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span as SpacySpan

from ..annotate import AnnotatedArticle, BlockDoc
from ..dates import find_dates
from ..fatalities import find_fatalities, parse_fatalities
from ..geo.resolve import MIN_EVENT_SCORE
from ..ingest.text import DATELINE, EXPLICIT_DATE, MONTH_WORD, YEAR
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
from .classify import Classification, territory_hit
from .fronts import front_at
from .mentions import (
    armed_cues,
    article_is_armed,
    find_triggers,
    gang_violence_countries,
    intervention_kind,
    is_conflict_victim,
    load_lexicon,
    names_cue,
    sentence_cues,
    sentence_mentions,
    takes_idiom_object,
)
from .roles import choose_roles, group_against, passive_patients, reporter_tokens, structural_roles
from .taxonomy import EVENT_TYPE_OF, PLOVER_OF

# An event dated this long before its article is background history, not news.
# ACLED codes what a report says happened recently; "the war erupted in 2011" is context.
MAX_EVENT_AGE_DAYS = 120
# Undated sentences take the publication date at this precision (2 = within the week).
UNDATED_PRECISION = 2
_BACKGROUND = re.compile(r"\b(cold[- ]cases?|since\s+(?:\d{4}|the\s+(?:start|beginning|outbreak|invasion|war|conflict|uprising|revolution|occupation|insurgency))|erupted\s+in\s+(?:[A-Z][a-z]+\s+)?\d{4}|began\s+in\s+\d{4}|has\s+since|have\s+been\s+\w+ing\s+since)\b", re.IGNORECASE)


def event_sentences(ann: AnnotatedArticle) -> list[tuple[BlockDoc, SpacySpan]]:
    """The sentences that may report events (a headline restates the lead; it still informs
    country focus through its places). Cached for the last articles: spaCy rebuilds `doc.sents`
    on every access."""
    hit = _SENTENCES.get(id(ann))
    if hit is not None and hit[0] is ann:
        return hit[1]
    out = [(bd, sent) for bd, sent in ann.sentences() if bd.block.kind is not BlockKind.TITLE]
    if len(_SENTENCES) > 512:
        _SENTENCES.clear()
    _SENTENCES[id(ann)] = (ann, out)
    return out


_SENTENCES: dict[int, tuple[AnnotatedArticle, list[tuple[BlockDoc, SpacySpan]]]] = {}


def classify_batch(anns: Sequence[AnnotatedArticle], res: Resources) -> list[list[Classification | None]]:
    """Classify, in one model call for many articles, only the sentences that hold a lexicon
    trigger (the cheap test): the rest can never become events, so the model never sees them."""
    lex = load_lexicon()
    per = [event_sentences(a) for a in anns]
    wanted = [[bool(find_triggers(sent, lex)) for _, sent in sents] for sents in per]
    flat = res.classifier.classify_sentences([sent for sents, w in zip(per, wanted) for (_, sent), ok in zip(sents, w) if ok])
    out: list[list[Classification | None]] = []
    i = 0
    for w in wanted:
        row: list[Classification | None] = []
        for ok in w:
            row.append(flat[i] if ok else None)
            i += ok
        out.append(row)
    return out


def code_article(ann: AnnotatedArticle, res: Resources, classified: Sequence[Classification | None] | None = None) -> ArticleResult:
    """Code one article: event mentions (coding/mentions.py) decide whether a sentence reports
    an event; roles, place, date and fatalities come from what the text says about it."""
    from ..actors.find import find_actors
    from ..geo import geoparse

    article = ann.article
    stats: Counter[str] = Counter()
    places = geoparse(ann, res.gazetteer)
    quotes = extract_quotes(ann)
    sentences = event_sentences(ann)
    lex = load_lexicon()
    if classified is None:
        classified = classify_batch([ann], res)[0]
    if all(c is None for c in classified):
        # the cascade: no sentence holds a codebook trigger, so nothing here can be an event;
        # the article is stored as read, with its places and quotes, and the reason counted
        stats["no_trigger"] = 1
        return ArticleResult(article, (), tuple(places), (), tuple(quotes), (), dict(stats))
    country = _chain_country(article, res) or focus_country(places)
    actors = find_actors(ann, res.actors, country, article.published)
    gang_region = _surely_in(country, places, gang_violence_countries())
    date_spans = _date_spans(ann)
    dates = find_dates(date_spans, article.published)
    cues = [armed_cues(sent, lex) for _, sent in sentences]
    armed_article = article_is_armed(cues)
    by_block = {id(bd): _token_mentions(bd, actors) for bd in ann.docs}
    dateline = dateline_span(article)
    ref_year = _reference_year(article.published, date_spans)
    lead = lead_sentences(ann)
    candidates: list[Event] = []
    coded_sentences: set[int] = set()
    anchored: set[str] = set()
    told_toll: set[str] = set()
    answers: set[str] = set()  # events of sentences that tell the other side fired back
    for k, ((bd, sent), cls) in enumerate(zip(sentences, classified)):
        if cls is None:
            continue
        in_sent = [(s, e, m) for s, e, m in by_block[id(bd)] if sent.start <= s and e <= sent.end]
        armed_tokens = frozenset(i for s, e, m in in_sent if _is_armed_actor(m) for i in range(s, e))
        mentions = sentence_mentions(sent, armed_article, armed_tokens, lex, gang_violence=gang_region)
        for m in mentions:
            if not m.accepted:
                stats[f"mention_rejected:{m.reason}"] += 1
        accepted = [m for m in mentions if m.accepted]
        if not accepted and cls.is_event and cls.confidence >= RESCUE_CONFIDENCE:
            # a codebook trigger, asserted, whose participants the cue lists did not find, in a
            # sentence the classifier is sure reports an event: the lists are short, the model
            # has seen more wordings
            accepted = [
                replace(m, accepted=True, reason=None)
                for m in mentions
                if m.reason in _PARTICIPANT_REASONS and _family_allows(lex, m.family, cls.sub_event_type)
            ]
            stats["rescued_by_classifier"] += bool(accepted)
        if not accepted:
            continue
        sspan = bd.token_span(article.id, sent)
        if _historical(sspan, date_spans, ref_year):
            stats["dropped_background"] += 1
            continue
        event = _candidate(ann, bd, sent, sspan, cls, accepted, in_sent, places, dates, quotes, country, dateline, res)
        if event is None:
            stats["dropped_background"] += 1
            continue
        if event.sub_event_type == "Agreement" and k >= lead and not any(e.field == "event_date" for e in event.evidence):
            # accords are recalled for years ("who negotiated the peace accord"); a new one is
            # the lead's news or says when it was reached
            stats["dropped_background"] += 1
            continue
        coded_sentences.add(k)
        candidates.append(event)
        if event.sub_event_type == "Armed clash" and sentence_cues(sent, lex).get("mutual_fire"):
            answers.add(event.id)
        if k < lead or _anchored(event, sspan):
            anchored.add(event.id)
        elif event.fatalities:
            told_toll.add(event.id)
    spans = [bd.token_span(article.id, sent) for bd, sent in sentences] if candidates else []
    candidates = _crowd_violence_from_frame(_answered_fire(candidates, answers), sentences, spans[:lead], res, article.published)
    candidates, stats["dropped_unanchored"] = _join_frames(_fatalities_from_frame(candidates, spans, coded_sentences, sentences), anchored, told_toll)
    candidates = _intervention_from_frame(candidates, sentences, spans[:lead], res, article.published)
    events = [_finalise(e, article.published) for e in merge_within_article(candidates, contains, article.published)]
    stats["candidates"] = len(candidates)
    stats["events"] = len(events)
    return ArticleResult(article, tuple(events), tuple(places), tuple(actors), tuple(quotes), tuple(dates), dict(stats))


_LONG_AGO = re.compile(
    r"\b(?:years?|decades?|centur(?:y|ies))\s+ago\b|\b(?:past|last|previous)\s+(?:\w+\s+)?(?:years|decades)\b|\blast\s+year\b|\b(?:19|20)\d0s\b",
    re.IGNORECASE,
)
# A sentence dated only by years this far before the article's own year recalls history.
HISTORY_YEARS = 2


_MONTH_OR_DAY = re.compile(
    rf"\b{MONTH_WORD}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\b|day\b|night\b|week|yesterday|today|tonight|ago\b|\bearlier\b|\blater\b|\blast\b|\bthis\b",
    re.IGNORECASE,
)


_MONTH = re.compile(rf"^{MONTH_WORD}$", re.IGNORECASE)


def _date_spans(ann: AnnotatedArticle) -> list[Span]:
    """The article's time expressions: NER's DATE entities (widened where NER cut off the day),
    and every written-out calendar date NER missed ("On 17 Sep 2024" tagged as a number)."""
    article = ann.article
    out: list[Span] = []
    for bd in ann.docs:
        spans = [bd.token_span(article.id, _whole_date(ent)) for ent in bd.doc.ents if ent.label_ == "DATE"]
        for m in EXPLICIT_DATE.finditer(bd.text):
            sp = bd.span(article.id, m.start(), m.end())
            cut = [o for o in spans if _overlaps(sp, o)]
            if cut:  # NER took "May 2020" out of "7 May 2020": the written date wins, whole
                lo, hi = min(sp.start, *(o.start for o in cut)), max(sp.end, *(o.end for o in cut))
                spans = [o for o in spans if o not in cut]
                sp = bd.span(article.id, lo - bd.offset, hi - bd.offset)
            spans.append(sp)
        out.extend(sorted(spans, key=lambda sp: sp.start))
    return out


def _whole_date(ent: SpacySpan) -> SpacySpan:
    """The DATE entity widened over a day and month NER left outside it ("28 Apr [2020]",
    "[May] 3, 2020" read as two entities): the event's day, not the first of January."""
    doc, start = ent.doc, ent.start
    for _ in range(3):
        if start == 0:
            break
        prev = doc[start - 1]
        if _MONTH.match(prev.text) or (prev.like_num and len(prev.text) <= 2) or prev.text == ",":
            start -= 1
        else:
            break
    while start < ent.start and doc[start].text == ",":
        start += 1
    return doc[start : ent.end] if start < ent.start and any(_MONTH.match(t.text) for t in doc[start : ent.start]) else ent


def _with_context(sentence: Span, date: Span) -> str:
    """A date's text with the two words before it: NER sometimes tags only the year of
    "28 Apr 2020"."""
    before = sentence.text[: max(0, date.start - sentence.start)].split()[-2:]
    return " ".join([*before, date.text])


def _year_only(text: str) -> bool:
    """A date that names a year and nothing finer ("in 2007", "the spring of 2005"): fresh news
    says the day; an event placed only in a year is told as history."""
    return bool(YEAR.search(text)) and not _MONTH_OR_DAY.search(YEAR.sub(" ", text))


def _reference_year(published: dt.date | None, date_spans: Sequence[Span]) -> int | None:
    """The article's own year: its publication date's, else the latest year it names."""
    if published is not None:
        return published.year
    years = [int(y) for sp in date_spans for y in YEAR.findall(sp.text)]
    return max(years) if years else None


def _historical(sentence: Span, date_spans: Sequence[Span], ref_year: int | None) -> bool:
    """Every year the sentence's dates name lies well before the article's ("the 1946
    lynching", "in 2011 the war began"), or a date says so in words ("seven years ago", "over
    the past three years", "last year"), so it is background, not news."""
    inside = [sp for sp in date_spans if _inside(sp, sentence)]
    if any(_LONG_AGO.search(sp.text) for sp in inside):
        # "workers of a plant that closed a few years ago protested on 9 May": a dated clause of
        # its own keeps the sentence news
        return not any(not _LONG_AGO.search(sp.text) and not _year_only(_with_context(sentence, sp)) for sp in inside)
    if ref_year is None:
        return False
    years = [int(y) for sp in inside for y in YEAR.findall(sp.text)]
    return bool(years) and max(years) <= ref_year - HISTORY_YEARS


def _token_mentions(bd: BlockDoc, actors: Sequence[ActorMention]) -> list[tuple[int, int, ActorMention]]:
    """The block's actor mentions with their token range in its Doc."""
    out = []
    for m in actors:
        if not (bd.block.start <= m.span.start and m.span.end <= bd.block.end) or m.span.end <= m.span.start:
            continue
        span = bd.doc.char_span(m.span.start - bd.offset, m.span.end - bd.offset, alignment_mode="expand")
        if span is not None and len(span):
            out.append((span.start, span.end, m))
    return out


# Actor words that do not by themselves make violence political: police and anonymous gunmen
# appear in every local crime story.
_WEAK_ACTOR = re.compile(r"^(?:the\s+)?(?:\w+\s+)?(?:police\w*|officers?|gunm[ae]n|attackers?|assailants?|bandits?|suspects?|authorities|government|officials?)$", re.IGNORECASE)


def _is_armed_actor(m: ActorMention) -> bool:
    inter = m.actor.inter
    if inter in (2, 4):
        return True
    if inter in (1, 3, 8):
        return not _WEAK_ACTOR.match(m.span.text.strip()) and not m.actor.name.startswith("Government of") and not m.actor.name.startswith("Police Forces")
    return False


def dateline_span(article) -> tuple[int, int] | None:  # type: ignore[no-untyped-def]
    """Character range of the place in a wire dateline ("BEIRUT —", "KABUL (Reuters) -")
    opening the first body block, or None."""
    body = next((b for b in article.blocks if b.kind is BlockKind.BODY), None)
    if body is None:
        return None
    m = DATELINE.match(article.text[body.start : body.end])
    if m is None or not (m.group("place").isupper() or m.group("agency")):
        return None
    return body.start + m.start("place"), body.start + m.end("place")


def _anchored(event: Event, sentence: Span) -> bool:
    """ACLED codes an event only with a time and a place: a mention is a report of its own when
    its sentence says when, where (a place the event attaches to) or how many were killed."""
    for e in event.evidence:
        if e.field == "event_date":
            return True
        if e.field == "location" and sentence.start <= e.span.start < sentence.end:
            return True
    # a demonstration's size is what a report of it tells ("hundreds of supporters had gathered")
    return event.event_type == "Protests" and bool(_COUNTED_CROWD.search(sentence.text))


_COUNTED_CROWD = re.compile(
    r"\b(?:hundreds|thousands|dozens|scores|tens of thousands|\d[\d,]*)\s+(?:of\s+)?(?:\w+\s+)?"
    r"(?:people|supporters|protesters|protestors|demonstrators|residents|workers|students|villagers|women|farmers|traders|activists)\b",
    re.IGNORECASE,
)


def _join_frames(candidates: list[Event], anchored: set[str] | None = None, told_toll: frozenset[str] | set[str] = frozenset()) -> tuple[list[Event], int]:
    """Later sentences that elaborate an event join it: a mention of the same event type with no
    date of its own and no place of its own elsewhere ("the rebels put all they had into the
    battle") is the lead's event told again, not a new one. A mention with its own date ("on
    Friday", "a week earlier") stays its own event. A mention anchored in nothing (no date,
    place or toll of its own, and not in the article's first sentences: commentary, background, a "wave of
    attacks") joins the latest earlier event of its type, or is no event at all; one that only
    gives a toll ("At least 25 people are dead") joins the latest earlier event of any type, and
    stands alone only when nothing came before it. Returns the events and how many mentions
    were dropped."""
    out: list[Event] = []
    dropped = 0
    for ev in sorted(candidates, key=lambda e: e.evidence[0].span.start):
        own_date = any(e.field == "event_date" for e in ev.evidence)
        lead = next(
            (
                o for o in reversed(out)
                if o.event_type == ev.event_type and (o.sub_event_type == ev.sub_event_type or ev.sub_event_type in _GENERIC)
                or _tells_again(ev, o)
            ),
            None,
        )
        loose = anchored is not None and ev.id not in anchored
        if loose and lead is None:
            lead = next((o for o in reversed(out) if o.event_type == ev.event_type), None)
            if lead is None and ev.id in told_toll:
                lead = out[-1] if out else None
                if lead is None:
                    out.append(ev)
                    continue
            if lead is None:
                dropped += 1
                continue
        if lead is None or (not loose and (own_date or not _same_or_unplaced(lead, ev))):
            out.append(ev)
            continue
        extra = tuple(e for e in ev.evidence if e.field in ("event", "fatalities") and (e.field == "event" or not lead.fatalities))
        joined = replace(lead, evidence=lead.evidence + extra)
        if lead.actor2 is None and ev.actor2 is not None and ev.actor2 != lead.actor1:
            # a later sentence names the other side ("Rioters pelted the police with stones")
            joined = replace(
                joined, actor2=ev.actor2, inter2=ev.inter2, interaction=interaction(lead.inter1, ev.inter2),
                evidence=joined.evidence + tuple(e for e in ev.evidence if e.field == "actor2"),
            )
        if not lead.fatalities and ev.fatalities:
            joined = replace(joined, fatalities=ev.fatalities, fatalities_qualifier=ev.fatalities_qualifier)
        out[out.index(lead)] = joined
    return out, dropped


# One-sided violence that becomes a battle when the other side fires back.
_ANSWERABLE = frozenset({"Attack", "Shelling/artillery/missile attack", "Grenade", "Armed clash"})


def _answered_fire(candidates: list[Event], answers: set[str]) -> list[Event]:
    """A sentence telling that the other side fired back ("The police shot back", "responded to
    the fire"), with no date of its own, continues the event before it: ACLED codes the
    exchange as one armed clash, whose actor 2 is the side that answered."""
    out: list[Event] = []
    for ev in candidates:
        lead = out[-1] if out else None
        if (
            ev.id not in answers or lead is None or lead.sub_event_type not in _ANSWERABLE
            or any(e.field == "event_date" for e in ev.evidence) or not _same_or_unplaced(lead, ev)
        ):
            out.append(ev)
            continue
        evidence = [*lead.evidence, *(e for e in ev.evidence if e.field == "event" or (e.field == "fatalities" and not lead.fatalities))]
        actor2, inter2 = lead.actor2, lead.inter2
        if actor2 is None or inter2 == 7:  # the attack's default victims were in fact the other side
            side = next((f for f, a in (("actor1", ev.actor1), ("actor2", ev.actor2)) if a and a != lead.actor1), None)
            if side is not None:
                actor2, inter2 = getattr(ev, side), getattr(ev, side.replace("actor", "inter"))
                evidence = [e for e in evidence if e.field != "actor2"] + [replace(e, field="actor2") for e in ev.evidence if e.field == side]
        sub = "Armed clash"
        out[-1] = replace(
            lead, event_type=EVENT_TYPE_OF[sub], sub_event_type=sub, plover=PLOVER_OF[sub], actor2=actor2, inter2=inter2,
            interaction=interaction(lead.inter1, inter2), evidence=tuple(evidence),
            fatalities=lead.fatalities or ev.fatalities, fatalities_qualifier=lead.fatalities_qualifier if lead.fatalities else ev.fatalities_qualifier,
        )
    return out


def _tells_again(ev: Event, earlier: Event) -> bool:
    """A later protest or destruction mention may tell an earlier riot again: "Rioters blocked
    the road with burning tyres. The demonstration was over ...", "... Chairs were burnt and
    property destroyed" is one riot."""
    return earlier.event_type == "Riots" and (ev.event_type == "Protests" or ev.sub_event_type == "Looting/property destruction")


# Sub-event types a later sentence uses for any event of its type ("the battle", "the attack").
_GENERIC = frozenset({"Armed clash", "Attack"})


def _same_or_unplaced(lead: Event, ev: Event) -> bool:
    if ev.latitude is None or lead.latitude is None or ev.location == lead.location:
        return True
    own = next((e.span for e in ev.evidence if e.field == "event"), None)
    if not any(e.field == "location" and (own is None or own.start <= e.span.start < own.end) for e in ev.evidence):
        return True  # no place of its own sentence: one borrowed from the article is no other place
    return ev.country == lead.country and (contains(lead, ev) or contains(ev, lead) or _near(lead, ev))


_FATALITY_LOOKAHEAD = 2  # sentences after an event's own that may give its toll


def _fatalities_from_frame(candidates: list[Event], starts: list[Span], coded: set[int], sentences=None) -> list[Event]:  # type: ignore[no-untyped-def]
    """An event whose own sentence gives no toll takes the first toll of the next sentences that
    report no event of their own ("A car bomb exploded ... At least 25 people are dead.").
    `starts`: the article's event sentences as spans."""
    out = []
    for ev in candidates:
        if ev.fatalities:
            out.append(ev)
            continue
        own = next((i for i, sp in enumerate(starts) if any(e.field == "event" and e.span.start == sp.start for e in ev.evidence)), None)
        found = None
        if own is not None:
            for j in range(own + 1, min(len(starts), own + 1 + _FATALITY_LOOKAHEAD)):
                if j in coded:
                    break
                if sentences is not None:
                    bd, sent = sentences[j]
                    found = _fatalities(starts[j], sent, lambda t, bd=bd: bd.token_span(starts[j].article_id, t))
                else:
                    found = find_fatalities(starts[j])
                if found is not None:
                    break
        if found is None:
            out.append(ev)
            continue
        out.append(replace(ev, fatalities=found.count, fatalities_qualifier=found.qualifier, evidence=ev.evidence + (Evidence("fatalities", found.span),)))
    return out


def _lead_index(ev: Event, starts: list[Span]) -> int | None:
    """Which of the lead's sentences is the event's own, or None."""
    return next((i for i, sp in enumerate(starts) if ev.evidence[0].span.start == sp.start), None)


def _crowd_violence_from_frame(candidates: list[Event], sentences, starts: list[Span], res, on):  # type: ignore[no-untyped-def]
    """A protest in the lead (`starts`: the lead's sentence spans) whose next sentences tell of the
    crowd's own violence ("The demonstrators burned the police station", "Chairs were burnt") was a
    violent demonstration (ACLED: rioters), unless the state's force decided it already (excessive
    force)."""
    lex = load_lexicon()
    out = []
    for ev in candidates:
        own = _lead_index(ev, starts)
        if ev.sub_event_type not in ("Peaceful protest", "Protest with intervention") or own is None:
            out.append(ev)
            continue
        violent = next((j for j in range(own + 1, len(starts)) if _crowd_acts(sentences[j][1], lex)), None)
        if violent is None:
            out.append(ev)
            continue
        sub = "Violent demonstration"
        rioters = res.actors.resolve(_RIOTERS, on, ev.country)
        out.append(replace(
            ev, sub_event_type=sub, event_type=EVENT_TYPE_OF[sub], plover=PLOVER_OF[sub],
            actor1=rioters.name if rioters else ev.actor1, inter1=rioters.inter if rioters else ev.inter1,
            interaction=interaction(rioters.inter if rioters else ev.inter1, ev.inter2),
            evidence=ev.evidence + (Evidence("event", starts[violent]),),
        ))
    return out


def _crowd_acts(sent, lex) -> bool:  # type: ignore[no-untyped-def]
    """The sentence tells of violence done by a crowd or by no one named ("Chairs were burnt"),
    not by the police or soldiers ("police set fire to the camp")."""
    if "protester_violence" not in sentence_cues(sent, lex):
        return False
    firsts = lex.cues["protester_violence"] | {p[0] for p in lex.cue_phrases["protester_violence"]}
    state = lex.cues["conflict_victim"]
    acts = [t for t in sent if t.pos_ == "VERB" and t.dep_ != "amod" and t.lemma_.lower() in firsts]  # "torches" lit or "looted funds" are no act
    return bool(acts) and not any(t.lemma_.lower() in state for v in acts for a in structural_roles(v)[0] for t in a.subtree)


def _intervention_from_frame(candidates: list[Event], sentences, starts: list[Span], res, on):  # type: ignore[no-untyped-def]
    """A peaceful protest in the lead whose next sentence tells that the police dispersed or
    detained the crowd was a Protest with intervention (ACLED codes the protest by the most
    severe act against it), the police its actor 2 unless the text named the force; a riot with
    no other side named such a sentence gives the police as actor 2."""
    out = []
    for ev in candidates:
        riot = ev.event_type == "Riots" and ev.actor2 is None  # ... and a riot the police met has them as actor 2
        if ev.sub_event_type != "Peaceful protest" and not riot:
            out.append(ev)
            continue
        own = _lead_index(ev, starts)
        kinds = [intervention_kind(sentences[j][1]) for j in range(own + 1, len(starts))] if own is not None else []
        kind = next((k for k in kinds if k != "Peaceful protest"), None)
        if kind is None:
            out.append(ev)
            continue
        police = res.actors.resolve(_POLICE, on, ev.country) if ev.country else None
        if riot:
            if police is not None:
                ev = replace(ev, actor2=police.name, inter2=police.inter, interaction=interaction(ev.inter1, police.inter))
            out.append(ev)
            continue
        actor2, inter2 = (ev.actor2, ev.inter2) if ev.actor2 else ((police.name, police.inter) if police else (None, None))
        out.append(replace(ev, sub_event_type=kind, event_type=EVENT_TYPE_OF[kind], plover=PLOVER_OF[kind], actor2=actor2, inter2=inter2, interaction=interaction(ev.inter1, inter2)))
    return out


def focus_country(places: Sequence[PlaceMention]) -> str | None:
    """The country the article is mostly about: the most mentioned country among its places, a
    place named outright counting twice a demonym or a name inside another ("Turkish artillery
    shelled positions in Idlib" is about Syria)."""
    counts: Counter[str] = Counter()
    for p in places:
        if p.place.country:
            counts[p.place.country] += 2 if p.score >= MIN_EVENT_SCORE else 1
    return counts.most_common(1)[0][0] if counts else None


def _surely_in(country: str | None, places: Sequence[PlaceMention], countries: frozenset[str]) -> bool:
    """The article is about one of `countries`: it names two different places there ("in
    Celaya, Guanajuato"); one namesake ("Flores", a surname and a department of Uruguay) is not
    enough to change what counts as an event."""
    if country not in countries:
        return False
    return len({p.span.text.lower() for p in places if p.place.country == country}) >= 2


def _inside(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def _candidate(ann, bd: BlockDoc, sent: SpacySpan, sspan: Span, cls, accepted, in_sent, places, dates, quotes, country, dateline, res) -> Event | None:  # type: ignore[no-untyped-def]
    article = ann.article
    lex = load_lexicon()
    accepted = _outside_grievance(accepted, sent.doc)
    mention = _lead_mention(accepted, cls, lex)
    head = sent.doc[mention.head]
    in_sent_dates = [d for d in dates if _inside(d.span, sspan)]
    when = _event_date(_attached_dates(in_sent_dates, bd, head), article.published)
    if when is False or _BACKGROUND.search(sent.text) or (isinstance(when, DateMention) and _year_only(_with_context(sspan, when.span))):
        return None
    evidence: list[Evidence] = [Evidence("event", sspan)]
    date, precision = (when.date, when.precision) if isinstance(when, DateMention) else (None, UNDATED_PRECISION)
    if isinstance(when, DateMention):
        evidence.append(Evidence("event_date", when.span))

    sent_places = [p for p in places if _inside(p.span, sspan) and not (dateline and dateline[0] <= p.span.start < dateline[1])]
    actor_mentions = [(s, e, m) for s, e, m in in_sent if _is_actor(m, sent_places, article.text)]
    a1, a2 = choose_roles(head, sent, actor_mentions)
    if a1 is None and actor_mentions:
        a1 = _doer_from_other_mentions(accepted, mention, sent, actor_mentions, a2)
    armed_idx = frozenset(  # registered armed groups and state forces (not an organisation the registry lacks)
        i for s, e, m in actor_mentions if m.actor.inter in (1, 2, 3, 4) and m.actor.known and not m.actor.name.startswith("Government of") for i in range(s, e)
    )
    sub_event_type = _sub_event_type(mention, accepted, cls, head, sent, a1, lex, armed_idx)
    event_type = EVENT_TYPE_OF[sub_event_type]
    a1, a2 = _typed_roles(event_type, sub_event_type, a1, a2, res, article.published, country, sspan, sent)
    if a2 is None and event_type in ("Battles", "Explosions/Remote violence", "Riots"):
        a2 = _forces_hit(head, res, article.published, country or (a1.actor.country if a1 else None), sspan, a1)
    if a2 is None and country and sub_event_type == "Mob violence" and mention.family == "crowd_clash":
        # ACLED: groups of people who fought one another are rioters on both sides
        rioters = res.actors.resolve(_RIOTERS, article.published, country)
        a2 = ActorMention(Span(sspan.article_id, sspan.start, sspan.start, ""), rioters) if rioters else None
    if a2 is None and country and (
        sub_event_type == "Mob violence" and _people_hit(head, lex) or event_type == "Explosions/Remote violence" and _people_hit(head, lex, named=False)
    ):
        # ACLED: the people a mob beat (and their homes and shops), or the people a blast wounded, are civilians
        civilians = res.actors.resolve("civilians", article.published, country)
        a2 = ActorMention(Span(sspan.article_id, sspan.start, sspan.start, ""), civilians) if civilians else None
    all_places = [p for p in places if not (dateline and dateline[0] <= p.span.start < dateline[1])]
    loc = _location(_attached_places(sent_places, article.text, bd, head), all_places, article.text)
    chained = _chained_place(sspan, article.text, dateline, country, res)
    if chained is not None:
        loc = chained
    a1, a2 = _front_line_sides(event_type, a1, a2, loc[0] if loc else None, date or article.published, res, sspan)
    if a1 is None and event_type == "Battles" and a2 is not None and a2.actor.inter == 1 and country:
        # ACLED: the unnamed attackers of soldiers or police are an unidentified armed group,
        # unless the sentence names the one group they were fighting
        a1 = group_against(head, sent, actor_mentions, a2)
        if a1 is None:
            gunmen = res.actors.resolve("gunmen", article.published, country)
            a1 = ActorMention(Span(sspan.article_id, sspan.start, sspan.start, ""), gunmen) if gunmen else None
    for name, m in (("actor1", a1), ("actor2", a2)):
        if m is not None and m.span.end > m.span.start:
            evidence.append(Evidence(name, m.span))

    place, geo_precision = loc if loc else (None, None)
    if place is not None:
        evidence.append(Evidence("location", place.span))

    fatal = _fatalities(sspan, sent, lambda t: bd.token_span(article.id, t))
    if fatal is not None:
        evidence.append(Evidence("fatalities", fatal.span))

    speaker = next((q.speaker.name for q in quotes if q.kind == "indirect" and q.speaker and q.speaker.resolved and _overlaps(q.span, sspan)), None)
    inter1 = a1.actor.inter if a1 else None
    inter2 = a2.actor.inter if a2 else None
    p = place.place if place else None
    support = cls.scores.get(sub_event_type, 0.0) if cls is not None else 0.0
    confidence = (0.6 + 0.4 * min(1.0, support * 2)) * (1.0 if p else 0.9) * (1.0 if a1 else 0.9)
    return Event(
        id=event_id(article.id, sspan.start, event_type),
        event_type=event_type,
        sub_event_type=sub_event_type,
        plover=PLOVER_OF[sub_event_type],
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
        notes=" ".join(sspan.text.split())[:500],
        confidence=round(min(confidence, 1.0), 3),
        evidence=tuple(evidence),
        sources=(Source(article.id, article.url, article.source, speaker),),
    )


# The first sentences of an article state its news (the lead): an event mention there needs no
# anchor of its own.
LEAD_SENTENCES = 3
# A mention rejected only for want of participants counts when the classifier is this sure.
RESCUE_CONFIDENCE = 0.85
_PARTICIPANT_REASONS = frozenset(
    {"no armed party", "no crowd", "no place taken", "no group", "no harm", "no air context", "no blast context",
     "no weapons context", "no demand context", "no base context"}
)


def lead_sentences(ann: AnnotatedArticle) -> int:
    """How many of the parsed sentences are the lead: none when the cascade left out a lead that
    holds no trigger (`screen.Plan.lead_skipped`), so a later sentence is never taken for it."""
    return 0 if ann.plan is not None and ann.plan.lead_skipped else LEAD_SENTENCES


def _fatalities(sspan: Span, sent, to_span):  # type: ignore[no-untyped-def]
    """The sentence's toll: its figure, else the parse's count of the dead; where the figure is
    one victim told alone ("the officer ... died") the parse may count more of them ("the
    officer and her daughter died", "a woman died and the man died from his wounds")."""
    told = find_fatalities(sspan)
    if told is not None and told.count > 1:
        return told
    counted = parse_fatalities(sent, to_span)
    if told is None or (counted is not None and counted.count > told.count):
        return counted
    return told


def _front_line_sides(event_type, a1, a2, place, on, res, sspan):  # type: ignore[no-untyped-def]
    """On a two-sided front line (coding/fronts.py), fighting whose sides the report does not
    name is between the two belligerents, and the opponent of the one side it names is the
    other, also where the report calls that opponent only "fighters" or "gunmen"; shelling with
    no side named stays unattributed (who fired is not told)."""
    if event_type not in ("Battles", "Explosions/Remote violence") or place is None:
        return a1, a2
    unidentified = [m is not None and m.actor.name.startswith("Unidentified Armed Group") for m in (a1, a2)]
    if a1 is not None and a2 is not None and not any(unidentified):
        return a1, a2
    front = front_at(place.place.country, place.place.admin1, on)
    if front is None:
        return a1, a2
    sides = [res.actors.resolve(text, on, front.country) for text in front.sides]
    if sides[0] is None or sides[1] is None:
        return a1, a2

    def unnamed(actor):  # type: ignore[no-untyped-def]
        return ActorMention(Span(sspan.article_id, sspan.start, sspan.start, ""), actor)

    if a1 is None and a2 is None:
        return (unnamed(sides[0]), unnamed(sides[1])) if event_type == "Battles" else (None, None)
    if all(unidentified):
        return a1, a2
    named = a2 if a1 is None or unidentified[0] else a1
    names = [side.name for side in sides]
    if named.actor.name not in names:
        return a1, a2  # a third party: not the front's own fighting
    other = unnamed(sides[1 - names.index(named.actor.name)])
    return (named, other) if named is a1 else (other, named)


def _doer_from_other_mentions(accepted, lead, sent, actor_mentions, a2):  # type: ignore[no-untyped-def]
    """The doer another verb of the same sentence names when the lead mention names none:
    "Ukrainian forces fired IFVs and grenade launchers at the positions of ...": the lead is
    the weapon, the verb says who used it."""
    for m in accepted:
        if m is lead or sent.doc[m.head].pos_ not in ("VERB", "AUX"):
            continue
        agents, _ = structural_roles(sent.doc[m.head])
        other, _ = choose_roles(sent.doc[m.head], sent, actor_mentions)
        if agents and other is not None and (a2 is None or other.actor.name != a2.actor.name):
            return other
    return None


def _family_allows(lex, family: str, sub_event_type: str | None) -> bool:  # type: ignore[no-untyped-def]
    """Whether a sub-event type is of the same event type as one a family leads to."""
    if sub_event_type is None:
        return False
    want = EVENT_TYPE_OF[sub_event_type]
    return any(EVENT_TYPE_OF[t] == want for t in lex.families[family].sub_types)


# The classifier picks the family when it is at least this sure of one of their sub-event types.
CLASSIFIER_PICKS_FAMILY = 0.5
# ... and names the sub-event type outright when at least this sure.
CLASSIFIER_NAMES_TYPE = 0.6


def _outside_grievance(accepted, doc):  # type: ignore[no-untyped-def]
    """The mentions that are not inside a protest's grievance: "held a protest condemning the
    arrest of journalists" reports a protest; the arrest is what the crowd protests."""
    grievance = set().union(*(_grievance(doc[m.head]) for m in accepted if m.family == "protest"))
    return [m for m in accepted if m.family == "protest" or m.head not in grievance]


def _lead_mention(accepted, cls, lex):  # type: ignore[no-untyped-def]
    """The mention that decides the sentence's event: the classifier's reading when it is sure
    and a mention allows it, else the most specific family (a bombing before the killing it
    caused)."""
    if cls is not None and cls.sub_event_type is not None and cls.confidence >= CLASSIFIER_PICKS_FAMILY:
        for m in sorted(accepted, key=lambda m: lex.families[m.family].priority):
            if cls.sub_event_type in lex.families[m.family].sub_types:
                return m
    return min(accepted, key=lambda m: (lex.families[m.family].priority, m.start))


_CROWD_VIOLENCE = frozenset({"battle", "attack", "looting", "riot", "mob"})
_MOB_WORDS = frozenset({"mob", "lynch", "lynching", "vigilante"})


def _sub_event_type(mention, accepted, cls, head, sent, a1, lex, armed_idx=frozenset()) -> str:  # type: ignore[no-untyped-def]
    """The sub-event type of the lead mention, read from the structure where the codebook
    decides by who did what (territory by who gained it; an attack on armed men is a clash;
    a protest by what the state did to it, or a riot when the crowd was violent)."""
    family = mention.family
    families = {m.family for m in accepted}
    found = sentence_cues(sent, lex)
    if family in ("blast", "explosive") and _incendiary(head, lex):
        return _riot_kind(sent)  # "pickets exploded two petrol bombs": fire weapons are no explosives (ACLED: a riot)
    if family in ("attack", "battle") and _air_doer(head, lex):
        return "Air/drone strike"  # "the air force targeted their positions", "warplanes attacked"
    if family in ("shelling", "grenade", "blast") and found.get("direct_fire"):
        return "Armed clash"  # mortars and small arms at each other's positions: a battle
    if family in ("shelling", "grenade", "blast", "attack") and found.get("mutual_fire"):
        return "Armed clash"  # ACLED: both sides fired ("exchanged artillery fire", "soldiers shot back")
    if family == "attack" and _hits_armed(head, sent, lex, armed_idx):
        return "Armed clash"  # ACLED: an attack on soldiers, police or their posts is a battle
    if family in ("battle", "gunbattle") and a1 is not None and a1.actor.inter in (5, 6):
        return "Violent demonstration"  # "clashes between rioters and the army": demonstrators who fight riot, whoever they fought
    if family == "attack" and a1 is not None and a1.actor.inter != 3 and _fires_remote_weapon(head, lex):
        return "Shelling/artillery/missile attack"  # "fired heavy weapons at the village": fire from afar, whoever it hit
    kind = intervention_kind(sent) if family == "protest" else None
    if kind is not None and _crowd_violence(head, accepted, sent, lex, kind):
        return "Violent demonstration"  # the demonstrators' own violence makes it a riot, whatever the police did
    if family == "protest" and cls is not None and cls.sub_event_type in ("Violent demonstration", "Mob violence"):
        cls = None  # no violence of the crowd's own in the sentence: the reading names a grievance
    if family == "attack" and cls is not None and cls.sub_event_type == "Armed clash" and _not_serving(head, sent):
        cls = None  # the victims were not serving: an attack on civilians, whatever the wording suggests
    if cls is not None and cls.sub_event_type is not None and cls.confidence >= CLASSIFIER_NAMES_TYPE and any(
        _family_allows(lex, m.family, cls.sub_event_type) for m in accepted
    ):
        # once the mention has established that something happened, a confident reading of the
        # whole sentence names its type better than the trigger word alone; territory still goes
        # by who took it
        if cls.sub_event_type in (GOV_REGAINS, NSA_OVERTAKES) and a1 is not None:
            return territory_sub_type(cls.sub_event_type, a1.actor.inter)
        return str(cls.sub_event_type)
    if family == "blast" and found.get("remote_weapon") and not families & {"explosive", "suicide"}:
        return "Shelling/artillery/missile attack"  # explosions of weapons fired from afar
    if family in ("battle", "attack", "gunbattle") and found.get("crowd_violence") and not found.get("armed_strong"):
        return "Violent demonstration"  # rioters clashing with the police
    if kind is not None:
        return kind
    if family in ("crowd_clash", "mob"):
        words = {t.lemma_.lower() for t in sent}
        return "Violent demonstration" if words & {"protester", "demonstrator", "protest", "demonstrate", "demonstration", "rally"} else "Mob violence"
    if family == "riot":
        return _riot_kind(sent)
    if family == "territory":
        inter1 = a1.actor.inter if a1 else None
        if inter1 is not None:
            return territory_sub_type(lex.families[family].default, inter1)
        return territory_hit(sent.text) or lex.families[family].default
    if family == "attack":
        return "Attack"
    fam = lex.families[family]
    if cls is not None and cls.sub_event_type in fam.sub_types:
        return cls.sub_event_type
    return fam.default


def _riot_kind(sent) -> str:  # type: ignore[no-untyped-def]
    """A riot's sub-event type: mob violence where a mob or vigilantes act and no demonstration is
    told, else a violent demonstration."""
    words = {t.lemma_.lower() for t in sent}
    return "Mob violence" if words & _MOB_WORDS and not words & {"protester", "demonstrator", "protest"} else "Violent demonstration"


def _incendiary(head, lex) -> bool:  # type: ignore[no-untyped-def]
    """What blew up, or what the trigger's bomb was, is a fire weapon ("exploded petrol bombs",
    "a Molotov cocktail exploded", "a petrol bomb blast")."""
    own = [head, *(c for c in head.lefts if c.dep_ == "compound")]
    parts = [own] + [list(c.subtree) for c in head.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "compound")]
    return any(names_cue(tokens, lex.cues["incendiary"], lex.cue_phrases.get("incendiary", ())) for tokens in parts)


_FIRING_VERBS = frozenset({"fire", "launch", "lob"})


def _fires_remote_weapon(head, lex) -> bool:  # type: ignore[no-untyped-def]
    """The trigger fires a weapon of the codebook's shelling ("fired mortars", "launched
    rockets", "fired heavy machine guns at farms"), named as its object; a bare "weapons" is a
    heavy one only when the text says so."""
    if head.lemma_.lower() not in _FIRING_VERBS:
        return False
    remote = lex.cues["remote_weapon"] - {"weapon"}
    phrases = [p for p in lex.cue_phrases.get("remote_weapon", ()) if p != ("heavy", "weapon")]
    for obj in (c for c in head.children if c.dep_ == "dobj"):
        if names_cue(obj.subtree, remote, phrases):
            return True
        if any(t.lemma_.lower() == "weapon" and any(c.lemma_.lower() == "heavy" for c in t.children) for t in obj.subtree):
            return True  # "heavy and medium weapons"
    return False


def _grievance(head) -> set[int]:  # type: ignore[no-untyped-def]
    """Token indexes of what a protest is about: the clauses and phrases hanging off its trigger
    and the verb that holds it ("staged a protest ..., demanding the arrest of arsonists")."""
    frame = [head]
    node = head
    while node.pos_ in ("NOUN", "PROPN") and node.dep_ in ("compound", "dobj", "attr", "nsubj", "conj") and node.head is not node:
        node = node.head
        frame.append(node)
        if node.pos_ in ("VERB", "AUX"):
            break
    return {t.i for h in frame for c in h.children if c not in frame and _states_grievance(c) for t in c.subtree}


_GRIEVANCE_PREPS = frozenset({"against", "over", "for", "about", "after", "following", "amid"})
_GRIEVANCE_VERBS = frozenset(
    "demand condemn denounce protest call seek oppose reject decry urge ask press mourn commemorate mark support "
    "express voice accuse claim".split()
)


def _states_grievance(c) -> bool:  # type: ignore[no-untyped-def]
    """A phrase of the protest's frame that says what it was about: "against the detention of
    activists", "in rejection of the governor", "demanding the arrest of arsonists", the object of
    "protested"; not what the crowd did ("using burning tyres", "with stones")."""
    if c.dep_ == "dobj":
        return c.head.lemma_.lower() in _GRIEVANCE_VERBS  # "protested the killing", not "blocked roads"
    if c.dep_ == "prep":
        objects = [g for g in c.children if g.dep_ == "pobj"]
        return c.lower_ in _GRIEVANCE_PREPS or (c.lower_ == "in" and any(g.ent_type_ not in ("GPE", "LOC", "FAC") for g in objects))
    if c.dep_ in ("advcl", "xcomp", "ccomp", "acl", "relcl"):
        return c.lemma_.lower() in _GRIEVANCE_VERBS
    return False


def _crowd_violence(head, accepted, sent, lex, kind: str) -> bool:  # type: ignore[no-untyped-def]
    """The demonstrators did violence themselves: a crowd-violence word ("pelted stones",
    "burning tyres"), or where no one intervened (`kind`) a violent mention, outside the
    protest's grievance. "Protested to demand the arrest of those who set fire to crops", "a rally
    against the attack on police" name violence the crowd protests; "opened fire on protesters"
    is the police's."""
    if kind == "Excessive force against protesters":
        return False
    grievance = _grievance(head)
    if kind == "Peaceful protest" and any(m.family in _CROWD_VIOLENCE and m.head not in grievance and m.head != head.i for m in accepted):
        return True
    return "protester_violence" in sentence_cues(sent, lex, skip=grievance | _idioms(sent, lex))


def _idioms(sent, lex) -> set[int]:  # type: ignore[no-untyped-def]
    """Verbs used with an idiom's object ("torched an effigy", "struck a deal"): no violence."""
    return {t.i for t in sent if t.lemma_.lower() in lex.idiom_objects and takes_idiom_object(t, lex.idiom_objects[t.lemma_.lower()])}


def _hits_armed(head, sent, lex, armed_idx=frozenset()) -> bool:  # type: ignore[no-untyped-def]
    """The attack's patients are armed men or their positions (soldiers, police, a checkpoint),
    or a state force or armed group the actor finder named ("the Taliban district head")."""
    if _not_serving(head, sent):
        return False
    _, patients = structural_roles(head)
    if any(t.i in armed_idx for p in patients for t in _phrase(p)):
        return True
    tokens = [t for p in patients for t in p.subtree] or [t for t in sent if t.i > head.i]
    return is_conflict_victim(tokens, lex)


def _phrase(tok):  # type: ignore[no-untyped-def]
    """The noun phrase a token heads, without its clauses ("the head of intelligence", not "who
    had defected from the army")."""
    out = [tok]
    for child in tok.children:
        if child.dep_ not in ("relcl", "acl", "advcl"):
            out.extend(_phrase(child))
    return out


def _not_serving(head, sent) -> bool:  # type: ignore[no-untyped-def]
    """ACLED: off-duty, former or retired soldiers and police, and civilian guards, are civilians."""
    _, patients = structural_roles(head)
    return bool(_OFF_DUTY.search(sent.text)) or any(t.lower_ in _NOT_SERVING for p in patients for t in p.subtree)


_OFF_DUTY = re.compile(r"\boff[- ]duty\b", re.IGNORECASE)
_NOT_SERVING = frozenset({"civilian", "former", "retired", "ex"})


_PERSON_PRONOUNS = frozenset({"him", "her", "them", "victim", "thief", "robber", "burglar", "suspect"})


def _people_hit(head, lex, named: bool = True) -> bool:  # type: ignore[no-untyped-def]
    """The act's patients are people ("beat up a driver", "lynched two men", "a landmine
    explosion injured a villager"); with `named`, also a named person or people's property
    ("vandalized a mosque")."""
    _, patients = structural_roles(head)
    patients = patients or passive_patients(head)
    people = lex.individual_agents | lex.cues["crowd"] | _PERSON_PRONOUNS | (_CIVILIAN_PROPERTY if named else frozenset())
    return any(p.lemma_.lower() in people or p.lower_ in people or (named and p.ent_type_ == "PERSON") for p in patients)


_CIVILIAN_PROPERTY = frozenset("house home shop store mosque church temple school vehicle car bus market".split())


def _air_doer(head, lex) -> bool:  # type: ignore[no-untyped-def]
    """The one who did it is an air force, aircraft or drones (ACLED: an air or drone strike,
    whatever verb the report uses)."""
    agents, _ = structural_roles(head)
    words = lex.cues["air_context"] - {"air", "coalition"}
    for a in agents:
        lemmas = [t.lemma_.lower() for t in a.subtree]
        if set(lemmas) & words or "air force" in " ".join(lemmas):
            return True
    return False


_PROTESTERS, _RIOTERS, _POLICE = "protesters", "rioters", "police"


def _typed_roles(event_type, sub_event_type, a1, a2, res, on, country, sspan, sent=None):  # type: ignore[no-untyped-def]
    """ACLED's actor conventions by event type: demonstrators are Protesters (6) and rioters
    Rioters (5) whatever words named them; civilians are only ever the victims of violence; an
    unnamed perpetrator of an attack is an Unidentified Armed Group."""
    def default(word):  # type: ignore[no-untyped-def]
        actor = res.actors.resolve(word, on, country)  # without a country: "Protesters", inter 6
        return ActorMention(Span(sspan.article_id, sspan.start, sspan.start, ""), actor) if actor else None

    if sub_event_type == "Excessive force against protesters":
        if a1 is not None and a1.actor.inter in (6, 7):
            a1, a2 = a2, a1
        if a2 is None or a2.actor.inter not in (6,):
            a2 = _as(a2, default(_PROTESTERS))
        return a1, a2
    if event_type == "Protests":
        if a1 is None or a1.actor.inter not in (6,):
            if a1 is not None and a1.actor.inter in (1, 8):
                a1, a2 = a2, a1  # the force that intervened is the other side
            if a1 is None or a1.actor.inter != 6:
                a1 = _as(a1 if (a1 is not None and a1.actor.inter in (7, 2, 3)) else None, default(_PROTESTERS))
        if sub_event_type == "Peaceful protest":
            a2 = None
        elif a2 is None or a2.actor.inter not in (1, 2, 3, 4, 8):
            a2 = _as(a2, default(_POLICE))  # ACLED: the force that intervened, the police unless named
        return a1, a2
    if event_type == "Riots":
        if a1 is None or a1.actor.inter not in (5,):
            if a1 is not None and a1.actor.inter == 1 and (a2 is None or a2.actor.inter != 1):
                a1, a2 = a2, a1  # the police the crowd fought are the other side
            if a1 is None or a1.actor.inter != 5:
                a1 = _as(a1 if (a1 is not None and a1.actor.inter in (6, 7)) else None, default(_RIOTERS))
        if a2 is None and sent is not None and intervention_kind(sent) != "Peaceful protest":
            a2 = default(_POLICE)  # rioters dispersed with tear gas: the police are the other side
        return a1, a2
    if sub_event_type == "Arrests":
        if a1 is not None and a1.actor.inter in (6, 7) and (a2 is None or a2.actor.inter in (1, 3)):
            a1, a2 = a2, a1  # "a blogger was arrested": the arrested are acted on
        if a1 is None:
            a1 = default(_POLICE)  # ACLED: an arrest nobody is named for is the police's
        if a2 is None:
            a2 = default("civilians")  # ... and whoever they took, unless named, a civilian
        return a1, a2
    if a1 is not None and a1.actor.inter == 7 and event_type != "Strategic developments":
        a1, a2 = (a2 if a2 is not None and a2.actor.inter != 7 else None), a1
    if event_type == "Violence against civilians":
        if a2 is None or a2.actor.inter != 7:
            if a2 is not None and a1 is None:
                a1 = a2
            a2 = default("civilians")
        if a1 is None:
            a1 = default("gunmen")
    if a1 is None and sub_event_type in _UNCLAIMED_DEVICES:
        a1 = default("gunmen")  # ACLED: a bomb nobody claimed was set by an unidentified armed group
    return a1, a2


_UNCLAIMED_DEVICES = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})


def _forces_hit(head, res, on, country, sspan, a1):  # type: ignore[no-untyped-def]
    """The state forces an attack hit when the text names them only by their men or posts ("an
    army patrol", "a military base", "four soldiers"): ACLED's actor 2."""
    _, patients = structural_roles(head)
    patients = patients or passive_patients(head)  # "1 policeman was killed by a Taliban-planted landmine"
    reporters = reporter_tokens(head.sent)  # "..., a police officer said": who tells it was not hit
    words = [t.lemma_.lower() for p in patients for t in p.subtree] or [t.lemma_.lower() for t in head.sent if t.i > head.i and t.i not in reporters]
    forces = load_lexicon().forces_by_men
    word = next((forces[w] for w in words if w in forces), None)
    if word is None or country is None:
        return None
    actor = res.actors.resolve(word, on, country)
    if actor is None or (a1 is not None and a1.actor.name == actor.name):
        return None
    return ActorMention(Span(sspan.article_id, sspan.start, sspan.start, ""), actor)


def _as(mention, actor_mention):  # type: ignore[no-untyped-def]
    """The default actor, evidenced by the words that named it when there were any."""
    if actor_mention is None:
        return mention
    if mention is None:
        return actor_mention
    return ActorMention(mention.span, actor_mention.actor)


_LOCATIVE = re.compile(r"\b(?:in|near|at|outside|around|into|on|of|from|across|inside|towards?|between)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


def _attached_places(sent_places, text: str, bd: BlockDoc, head):  # type: ignore[no-untyped-def]
    """The sentence's places that the event attaches to. A place inside a clause that does not
    hold the trigger ("his group, which is strong in Damascus, ...") is another statement's
    place; of the rest, those named after a locative word ("in", "near", "at", "outside") come
    first; none at all leaves the article's main place to decide."""
    path = {head.i, *(t.i for t in head.ancestors)}
    syntactic = []
    for p in sent_places:
        span = bd.doc.char_span(p.span.start - bd.offset, p.span.end - bd.offset, alignment_mode="expand")
        if span is None or not len(span) or _in_other_clause(span.root, path):
            continue
        syntactic.append(p)
    attached = [p for p in syntactic if _LOCATIVE.search(text[max(0, p.span.start - 40) : p.span.start])]
    return attached or syntactic


def _attached_dates(dates: list[DateMention], bd: BlockDoc, head) -> list[DateMention]:  # type: ignore[no-untyped-def]
    """The sentence's dates that belong to the event's own clause ("On 7 May, journalists
    protested against the arrest of an editor on 12 March": 7 May), all of them when none does."""
    path = {head.i, *(t.i for t in head.ancestors)}
    own = []
    for d in dates:
        span = bd.doc.char_span(d.span.start - bd.offset, d.span.end - bd.offset, alignment_mode="expand")
        if span is not None and len(span) and not _in_other_clause(span.root, path) and not _under_other_noun(span.root, path):
            own.append(d)
    return own or dates


def _under_other_noun(tok, path: set[int]) -> bool:  # type: ignore[no-untyped-def]
    """A date inside a noun phrase off the event's path ("the arrest of the editor on 12 March")."""
    while tok.i not in path:
        if tok.head is tok:
            return False
        if tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i not in path and tok.dep_ in ("prep", "npadvmod", "nmod"):
            return True
        tok = tok.head
    return False


def _chain_country(article, res) -> str | None:  # type: ignore[no-untyped-def]
    """The country of the first admin chain in the body ("X (District, Province)"): a report that
    writes its places that way has said which country it is about."""
    from ..geo.parenthetical import chains, resolve_chain

    for block in article.blocks:
        if block.kind is not BlockKind.BODY:
            continue
        for c in chains(article.text[block.start : block.end])[:2]:
            found = resolve_chain(c, res.gazetteer)
            if found is not None and found.place.country:
                return str(found.place.country)
    return None


def _chained_place(sspan: Span, text: str, dateline, country, res):  # type: ignore[no-untyped-def]
    """The sentence's first place written with its admin chain ("Kansafra (Ariha, Idlib)"),
    resolved within the chain; that form names where a report places its event."""
    from ..geo.parenthetical import chains, resolve_chain

    for c in chains(sspan.text):
        start = sspan.start + c.start
        if dateline and dateline[0] <= start < dateline[1]:
            continue
        found = resolve_chain(c, res.gazetteer, country)
        if found is not None:
            return PlaceMention(Span(sspan.article_id, start, sspan.start + c.end, c.name), found.place, 1.0), found.precision
    return None


_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "csubj"})


def _in_other_clause(tok, path: set[int]) -> bool:  # type: ignore[no-untyped-def]
    while tok.i not in path:
        if tok.dep_ in _CLAUSE_DEPS:
            return True
        if tok.head is tok:
            return False
        tok = tok.head
    return False


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _event_date(dates: list[DateMention], published: dt.date | None) -> DateMention | None | bool:
    """The sentence's event date; False when every date in it is old history."""
    if not dates:
        return None
    recent = [d for d in dates if published is None or (published - d.date).days <= MAX_EVENT_AGE_DAYS]
    if not recent:
        return False
    return min(recent, key=lambda d: (d.precision, d.span.start))


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
        return replace(event, event_date=published, time_precision=UNDATED_PRECISION)
    return event
