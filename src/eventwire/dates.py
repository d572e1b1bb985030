"""Dates: normalise the DATE expressions spaCy finds against the article's publication date.

dateparser's `get_date_data` on a single expression understands relative words ("Saturday",
"last month", "yesterday") and reports its period, which becomes ACLED's time_precision. Its
`search_dates` is not used: it misses "last month" and invents dates from ordinary words.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from dateparser.date import DateDataParser

from .records import DateMention, Span

PRECISION_OF_PERIOD = {"day": 1, "week": 2, "month": 3, "year": 3}
# Expressions that name a span of time rather than a point: "in recent weeks", "for years".
_VAGUE = re.compile(r"\b(recent|past|coming|next|several|many|few|years?|decades?|centur|ago\b.*\bdecade)", re.IGNORECASE)
_FUTURE_WORDS = re.compile(r"\b(later|next|coming|tomorrow)\b", re.IGNORECASE)
_DURATION = re.compile(r"^\s*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:days?|weeks?|months?|hours?)\s*$", re.IGNORECASE)
# "the 5th day", "day 9", "the third week": how long something has gone on, not a date
_ORDINAL_PERIOD = re.compile(r"^\s*(?:the\s+)?(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\w+teenth|\w+tieth)\s+(?:straight\s+|consecutive\s+)?(?:day|week|month|year)s?(?:\s+(?:on|in|of|since|at))?\s*$|^\s*(?:day|week)\s+\d+\s*$", re.IGNORECASE)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(rf"^(?:\w+\s+)?({'|'.join(_WEEKDAYS)})\b(?:\s+(?:morning|afternoon|evening|night))?$", re.IGNORECASE)
_EARLIER = re.compile(r"\b(?:last|previous|past)\b", re.IGNORECASE)
_LEADING = re.compile(r"^(?:on|in|at|since|by|from|during|until|early|late|mid-?|the|around|about|approximately|circa|as\s+of)\s+", re.IGNORECASE)


@lru_cache(maxsize=64)
def _parser(base: dt.date) -> DateDataParser:
    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
            "PREFER_DATES_FROM": "past",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


def warm() -> None:
    """Load dateparser's English data now (half a second on first use): before forking, so the
    workers inherit it instead of each loading it on its first date."""
    _parser(dt.date(2000, 1, 1)).get_date_data("3 May 1999")


@lru_cache(maxsize=20_000)
def normalise(expression: str, published: dt.date) -> tuple[dt.date, int] | None:
    """(date, time_precision) for one date expression relative to `published`, or None.

    Expressions after the publication date (forecasts) and vague spans ("in recent weeks") are
    None: they cannot date an event that has happened.
    """
    text = expression.strip()
    if not text or _DURATION.match(text) or _ORDINAL_PERIOD.match(text) or _FUTURE_WORDS.search(text):
        return None
    core = text
    while True:
        stripped = _LEADING.sub("", core)
        if stripped == core:
            break
        core = stripped
    if _VAGUE.search(core) and not re.search(r"\d{4}", core):
        return None
    data = _parser(published).get_date_data(core)
    if data.date_obj is None:
        return None
    date = data.date_obj.date()
    if date > published:
        return None
    weekday = _WEEKDAY.search(core)
    if weekday and not _EARLIER.search(core) and _WEEKDAYS.index(weekday.group(1).lower()) == published.weekday():
        date = published  # "on Tuesday" in Tuesday's paper is that day, not a week before
    precision = PRECISION_OF_PERIOD.get(data.period or "day", 1)
    if data.period == "month" and not re.search(r"\d{4}", core) and "month" in core.lower():
        date = date.replace(day=1)  # "last month": the month itself, not a day in it
    elif data.period in ("month", "year"):
        date = date.replace(day=1) if data.period == "month" else date.replace(month=1, day=1)
    return date, precision


def find_dates(spans: list[Span], published: dt.date | None) -> list[DateMention]:
    """Normalise DATE entity spans; without a publication date only absolute dates survive."""
    base = published or dt.date.today()
    out = []
    for span in spans:
        if published is None and not re.search(r"\d{4}", span.text):
            continue  # "Saturday" means nothing without knowing when the article was written
        found = normalise(span.text, base)
        if found:
            out.append(DateMention(span, found[0], found[1]))
    return out
