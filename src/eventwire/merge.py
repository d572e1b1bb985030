"""Merge: several reports of one event become one event with every evidence span and source.

Within an article, sentences about one battle are merged when their event types agree, their
places are the same (or one contains the other and both are dated alike) and their dates are
compatible. The rules are conservative: a merge needs positive place evidence, never just a
shared type, because two strikes in two towns on one day are two events.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from .ingest.text import EXPLICIT_DATE
from .records import Event

# How many days each ACLED time_precision covers when deciding whether two dates can agree.
PRECISION_DAYS = {1: 0, 2: 6, 3: 30}

Contains = Callable[[Event, Event], bool]


# An undated sentence in an article reports something recent: within this many days before
# publication. It can join an event of that week, not last month's event at the same place.
UNDATED_DAYS = 6


def date_range(event: Event, published: dt.date | None = None) -> tuple[dt.date, dt.date] | None:
    if event.event_date is None:
        return (published - dt.timedelta(days=UNDATED_DAYS), published) if published else None
    if event.time_precision == 3:
        start = event.event_date.replace(day=1)
        nxt = (start + dt.timedelta(days=32)).replace(day=1)
        return start, nxt - dt.timedelta(days=1)
    return event.event_date, event.event_date + dt.timedelta(days=PRECISION_DAYS.get(event.time_precision, 0))


def dates_compatible(a: Event, b: Event, published: dt.date | None = None) -> bool:
    ra, rb = date_range(a, published), date_range(b, published)
    if ra is None or rb is None:
        return True
    return ra[0] <= rb[1] and rb[0] <= ra[1]


def same_place(a: Event, b: Event) -> bool:
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    return a.location is not None and a.location == b.location and a.country == b.country


def merge_score(a: Event, b: Event, contains: Contains, published: dt.date | None = None) -> float:
    """0 means never merge; higher is a better match. Symmetric in a and b."""
    if a.event_type != b.event_type or not dates_compatible(a, b, published):
        return 0.0
    if same_place(a, b):
        return 2.0 + (a.event_date is not None and a.event_date == b.event_date)
    both_dated = a.event_date is not None and b.event_date is not None
    if both_dated and (contains(a, b) or contains(b, a)):
        return 1.0
    return 0.0


def merge_within_article(candidates: Sequence[Event], contains: Contains, published: dt.date | None = None) -> list[Event]:
    """Greedy clustering: dated candidates first, so an undated sentence joins the dated event
    it names the same place as, not whichever came first."""
    order = sorted(candidates, key=lambda e: (e.event_date is None, e.time_precision, _first_start(e)))
    clusters: list[list[Event]] = []
    for cand in order:
        best, best_score = None, 0.0
        for cluster in clusters:
            score = min(merge_score(cand, member, contains, published) for member in cluster)
            if score > best_score:
                best, best_score = cluster, score
        if best is None:
            clusters.append([cand])
        else:
            best.append(cand)
    merged = [combine(c) for c in clusters]
    return sorted(merged, key=_first_start)


def combine(cluster: Sequence[Event]) -> Event:
    """One event from several reports: the most confident coding, the most precise place and date,
    every evidence span and source; within one article the fullest fatality figure."""
    if len(cluster) == 1:
        return cluster[0]
    lead = max(cluster, key=lambda e: e.confidence)
    dated = [e for e in cluster if e.event_date is not None]
    when = min(dated, key=lambda e: e.time_precision) if dated else lead
    placed = [e for e in cluster if e.latitude is not None]
    where = min(placed, key=lambda e: (e.geo_precision or 9, -e.confidence)) if placed else lead
    evidence = tuple(dict.fromkeys(ev for e in sorted(cluster, key=_first_start) for ev in e.evidence))
    sources = tuple({s.article_id: s for e in cluster for s in e.sources}.values())
    actors = next((e for e in sorted(cluster, key=lambda e: -e.confidence) if e.actor1), lead)
    fatal = max(cluster, key=lambda e: e.fatalities)
    return replace(
        lead,
        id=event_id(evidence[0].span.article_id, evidence[0].span.start, lead.event_type),
        event_date=when.event_date,
        time_precision=when.time_precision,
        actor1=actors.actor1, assoc_actor_1=actors.assoc_actor_1, inter1=actors.inter1,
        actor2=actors.actor2 or lead.actor2, assoc_actor_2=actors.assoc_actor_2, inter2=actors.inter2 if actors.actor2 else lead.inter2,
        interaction=actors.interaction,
        country=where.country, admin1=where.admin1, admin2=where.admin2, admin3=where.admin3,
        location=where.location, latitude=where.latitude, longitude=where.longitude,
        geo_precision=where.geo_precision, geonameid=where.geonameid,
        fatalities=fatal.fatalities, fatalities_qualifier=fatal.fatalities_qualifier,
        notes=" ".join(dict.fromkeys(e.notes for e in sorted(cluster, key=_first_start)))[:1000],
        confidence=min(1.0, lead.confidence + 0.05 * (len(cluster) - 1)),
        evidence=evidence,
        sources=sources,
    )


def event_id(article_id: str, start: int, event_type: str) -> str:
    digest = hashlib.sha1(f"{article_id}:{start}:{event_type}".encode()).hexdigest()
    return "ev" + digest[:16]


def _first_start(e: Event) -> tuple[str, int]:
    first = e.evidence[0].span if e.evidence else None
    return (first.article_id, first.start) if first else ("", 0)


# --- across articles ---------------------------------------------------------------------------

# Days either side of an event's date within which another article's report may be the same event
# (re-reports a day later say "yesterday"; a week-precision date covers its week).
CROSS_WINDOW_DAYS = 2
# Two places this close count as the same place (a district and its city centre, two spellings
# resolved to neighbouring gazetteer entries); further apart they are different events.
SAME_PLACE_KM = 12.0
# Two differently named towns (both geo_precision 1) are one place only when this close: two
# gazetteer entries for one town; neighbouring villages a few km apart are different places.
SAME_TOWN_KM = 3.0
# A merge across articles needs this score (see cross_score: place is a gate, then sub-type,
# date, actors and wording add up). Calibrated on benchmarks/bench_merge.py: at 2.5 the team
# corpus has no over-merges and re-reports with a paraphrased lead still join.
CROSS_THRESHOLD = 2.5
_CONTENT = re.compile(r"[a-z]{4,}")


def _km(a: Event, b: Event) -> float:
    from .geo.gazetteer import haversine_km

    return haversine_km(a.latitude or 0.0, a.longitude or 0.0, b.latitude or 0.0, b.longitude or 0.0)


def _words(e: Event) -> set[str]:
    return set(_CONTENT.findall(e.notes.lower()))


def _stated_day(e: Event) -> bool:
    """The event's day comes from a written-out calendar date ("On 3 May 2020"), not from
    "yesterday" or the publication date: a re-report cannot be a day off."""
    if e.time_precision != 1:
        return False
    if e.evidence:
        return any(x.field == "event_date" and EXPLICIT_DATE.search(x.span.text) for x in e.evidence)
    return bool(EXPLICIT_DATE.search(e.notes or ""))  # a stored event: its notes hold its lead sentence


def cross_score(new: Event, old: Event) -> tuple[float, list[str]]:
    """How likely two reports from different articles describe one event, with the reasons.

    Place agreement is required (same gazetteer entry, or close enough), so two strikes
    in two towns on one day never merge however alike their wording is."""
    reasons: list[str] = []
    if new.event_type != old.event_type:
        return 0.0, ["different event types"]
    if new.latitude is not None and old.latitude is not None:
        if same_place(new, old):
            place = 1.0
            reasons.append(f"same place ({old.location})")
        else:
            km = _km(new, old)
            towns = new.geo_precision == old.geo_precision == 1
            limit = SAME_TOWN_KM if towns else SAME_PLACE_KM
            if km > limit:
                return 0.0, [f"places {km:.0f} km apart"]
            place = 0.7 if towns else 0.5
            reasons.append(f"places {km:.1f} km apart")
    elif new.latitude is None and old.latitude is None and new.country == old.country:
        place = 0.3
        reasons.append("neither placed; same country")
    else:
        return 0.0, ["only one report is placed"]
    score = place
    if new.sub_event_type == old.sub_event_type:
        score += 1.0
        reasons.append("same sub-event type")
    else:
        score += 0.5
        reasons.append("same event type")
    if new.event_date and old.event_date:
        gap = abs((new.event_date - old.event_date).days)
        if gap and _stated_day(new) and _stated_day(old):
            return 0.0, [f"each report states its own day, {gap} days apart"]  # daily reports of one front
        if gap == 0 and new.time_precision == old.time_precision == 1:
            score += 1.0
            reasons.append("same day")
        elif dates_compatible(new, old):
            score += 0.6
            reasons.append("dates overlap at their precision")
        elif gap <= 1:
            score += 0.3
            reasons.append("dates one day apart")
        else:
            return 0.0, [f"dates {gap} days apart"]
    a_new = {x for x in (new.actor1, new.actor2) if x}
    a_old = {x for x in (old.actor1, old.actor2) if x}
    if a_new and a_old:
        overlap = len(a_new & a_old) / len(a_new | a_old)
        if overlap == 0 and new.actor1 and old.actor1:
            score -= 0.5
            reasons.append("no actor in common")
        else:
            score += 0.5 * overlap
            reasons.append(f"actor overlap {overlap:.2f}")
    w_new, w_old = _words(new), _words(old)
    if w_new and w_old:
        sim = len(w_new & w_old) / len(w_new | w_old)
        score += sim
        reasons.append(f"wording similarity {sim:.2f}")
    return score, reasons


def combine_reports(event_id_: str, reports: Sequence[Event]) -> Event:
    """The event that several articles' reports describe. Like `combine`, but fatalities follow
    ACLED's rule across sources: the lowest credible (non-zero) figure, never a sum."""
    merged = combine(reports) if len(reports) > 1 else reports[0]
    counted = [r for r in reports if r.fatalities > 0]
    low = min(counted, key=lambda r: r.fatalities) if counted else None
    return replace(
        merged,
        id=event_id_,
        fatalities=low.fatalities if low else 0,
        fatalities_qualifier=low.fatalities_qualifier if low else None,
        sources=tuple({s.article_id: s for r in reports for s in r.sources}.values()),
    )
