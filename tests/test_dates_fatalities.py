"""Dates relative to publication, and fatality counts that keep qualifiers and skip tolls."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.dates import normalise
from eventwire.fatalities import find_fatalities, parse_number
from eventwire.records import Span

PUB = dt.date(2016, 8, 7)  # a Sunday


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("Saturday", (dt.date(2016, 8, 6), 1)),
        ("on Saturday", (dt.date(2016, 8, 6), 1)),
        ("Sunday", (PUB, 1)),  # the paper's own weekday is that day
        ("on Sunday night", (PUB, 1)),
        ("last Sunday", (dt.date(2016, 7, 31), 1)),
        ("yesterday", (dt.date(2016, 8, 6), 1)),
        ("last month", (dt.date(2016, 7, 1), 3)),
        ("last week", (dt.date(2016, 7, 31), 2)),
        ("March 2011", (dt.date(2011, 3, 1), 3)),
        ("Aug. 5, 2016", (dt.date(2016, 8, 5), 1)),
    ],
)
def test_normalise(expr: str, expected: tuple[dt.date, int]) -> None:
    assert normalise(expr, PUB) == expected


@pytest.mark.parametrize("expr", ["later this month", "next week", "in recent weeks", "two days", "tomorrow", "the 5th day", "the third straight week", "Day 9"])
def test_forecasts_and_spans_have_no_date(expr: str) -> None:
    assert normalise(expr, PUB) is None


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 1, 1)), st.sampled_from(["Monday", "Friday", "yesterday", "last week", "last month", "Sunday"]))
def test_relative_dates_never_after_publication(pub: dt.date, expr: str) -> None:
    found = normalise(expr, pub)
    assert found is not None
    date, precision = found
    assert date <= pub and (pub - date).days <= 62 and precision in (1, 2, 3)


def _span(text: str) -> Span:
    return Span("a", 100, 100 + len(text), text)


@pytest.mark.parametrize(
    ("sentence", "count", "qualifier"),
    [
        ("At least 12 people were killed when the shells hit the market.", 12, "at least"),
        ("Gunmen killed two dozen villagers overnight.", 24, None),
        ("Dozens were killed and 40 were injured in the blast.", 12, None),
        ("The death toll rose to 35 on Wednesday.", 35, None),
        ("The attack left more than 1,200 dead.", 1200, "more than"),
        ("Three soldiers died and five were wounded.", 3, None),
        # ACLED's unknown plural: a death toll told without a figure is coded 10
        ("Several border guards were killed when the outpost was overrun before dawn.", 10, None),
        ("Officials said an unknown number of militants were killed in the firefight.", 10, None),
        ("The militia repelled the assault on the ridge, inflicting fatalities on the attackers.", 10, None),
        ("Loyalist units shelled the ridge, killing and wounding a number of fighters.", 10, None),
        ("Two guards were killed and several others wounded in the ambush.", 2, None),
        ("The two militias traded fire for an hour near the well, resulting in one death.", 1, None),
        # killed and injured told as one figure: how many died is unknown (ACLED's 10)
        ("Jets struck the convoy at dawn, killing or injuring 40 fighters, the monitor said.", 10, None),
        ("Rebels shelled the base, killing and wounding more than 30 soldiers, the spokesman said.", 10, "more than"),
        ("1 border guard was killed when the patrol came under fire.", 1, None),
        ("The body of a shepherd was found near the dam on Friday with gunshot wounds.", 1, None),
        ("A farmer's body was discovered in a ditch outside the village.", 1, None),
    ],
)
def test_fatalities(sentence: str, count: int, qualifier: str | None) -> None:
    found = find_fatalities(_span(sentence))
    assert found is not None and (found.count, found.qualifier) == (count, qualifier)
    assert sentence[found.span.start - 100 : found.span.end - 100] == found.span.text


@pytest.mark.parametrize(
    "sentence",
    [
        "The war has killed more than 400,000 people since 2011.",
        "The deaths included more than 50,000 civilians.",
        "The UN said 250,000 people were trapped in the city.",
        "Seven civilians were injured in the shelling.",
        "Despite more than 500 air raids, the defenders held the ridge.",
        "So far this year 3,000 people have been killed in the region.",
        "The convoy was hit by a roadside bomb but the army said the blast caused no fatalities.",
        "A number of houses were set ablaze during the raid.",
    ],
)
def test_no_event_fatalities(sentence: str) -> None:
    assert find_fatalities(_span(sentence)) is None


@pytest.mark.parametrize(("text", "value"), [("twenty-five", 25), ("two dozen", 24), ("1,200", 1200), ("dozens", 12), ("tens", 10), ("hundreds", 100), ("3 million", 3_000_000), ("a dozen", 12)])
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


@given(st.integers(min_value=1, max_value=10**7))
def test_parse_number_digits_roundtrip(n: int) -> None:
    assert parse_number(f"{n:,}") == n and parse_number(str(n)) == n
