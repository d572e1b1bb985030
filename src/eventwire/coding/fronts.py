"""Front lines: the two sides of a war where a report of fighting names neither, or one.

Monitors' and wire reports from a two-sided front often tell only that there was fighting ("the
mission recorded 40 explosions near X"); ACLED codes such an event between the two belligerents.
The fronts are data (`data/coding/front_lines.json`): a country, its first-level regions, a date
range and the two sides as actor texts the registry resolves there.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Front:
    name: str
    country: str
    admin1: frozenset[str]
    start: dt.date
    end: dt.date | None
    sides: tuple[str, str]

    def holds(self, country: str | None, admin1: str | None, on: dt.date | None) -> bool:
        if on is None or country != self.country or admin1 is None or admin1.lower() not in self.admin1:
            return False
        return self.start <= on and (self.end is None or on < self.end)


@lru_cache(maxsize=1)
def load_fronts() -> tuple[Front, ...]:
    raw = json.loads(resources.files("eventwire").joinpath("data/coding/front_lines.json").read_text(encoding="utf-8"))
    return tuple(
        Front(
            f["name"],
            f["country"],
            frozenset(a.lower() for a in f["admin1"]),
            dt.date.fromisoformat(f["from"]),
            dt.date.fromisoformat(f["to"]) if f.get("to") else None,
            (f["sides"][0], f["sides"][1]),
        )
        for f in raw["fronts"]
    )


def front_at(country: str | None, admin1: str | None, on: dt.date | None) -> Front | None:
    """The front line the place and day lie on, if any."""
    return next((f for f in load_fronts() if f.holds(country, admin1, on)), None)
