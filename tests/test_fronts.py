"""Front lines (coding/fronts.py): a place and a day lie on a two-sided front only inside its
regions and dates."""

from __future__ import annotations

import datetime as dt

from eventwire.coding.fronts import front_at, load_fronts


def test_fronts_are_bounded_by_region_and_date() -> None:
    assert load_fronts(), "the data file lists fronts"
    donbas = front_at("UA", "Donetsk", dt.date(2019, 3, 5))
    assert donbas is not None and "DPR" in donbas.sides
    assert front_at("UA", "donetsk", dt.date(2019, 3, 5)) == donbas  # regions compare without case
    assert front_at("UA", "Lviv", dt.date(2019, 3, 5)) is None  # far from the front
    assert front_at("UA", "Donetsk", dt.date(2013, 6, 1)) is None  # before the war
    assert front_at("RU", "Donetsk", dt.date(2019, 3, 5)) is None  # a namesake elsewhere
    assert front_at("UA", None, dt.date(2019, 3, 5)) is None and front_at("UA", "Donetsk", None) is None
    invasion = front_at("UA", "Donetsk", dt.date(2023, 3, 6))
    assert invasion is not None and invasion != donbas and "Russian forces" in invasion.sides
