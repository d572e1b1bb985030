"""A generator of synthetic news articles, for benchmarks, load tests and resume tests.

Sentences are composed from team-written templates and slot fillers (real places, so the
gazetteer resolves them; invented people). Deterministic for a given seed, so two runs of a
benchmark see the same corpus. Lengths follow short wire copy to long feature stories.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass

PLACES = [
    ("Aleppo", "Syria"), ("Homs", "Syria"), ("Idlib", "Syria"), ("Deir ez-Zor", "Syria"),
    ("Mosul", "Iraq"), ("Kirkuk", "Iraq"), ("Fallujah", "Iraq"), ("Taiz", "Yemen"), ("Hodeidah", "Yemen"),
    ("Marib", "Yemen"), ("Kharkiv", "Ukraine"), ("Kherson", "Ukraine"), ("Bakhmut", "Ukraine"),
    ("Gao", "Mali"), ("Mopti", "Mali"), ("Maiduguri", "Nigeria"), ("Goma", "Democratic Republic of the Congo"),
    ("El Fasher", "Sudan"), ("Omdurman", "Sudan"), ("Mogadishu", "Somalia"), ("Kismayo", "Somalia"),
    ("Kandahar", "Afghanistan"), ("Peshawar", "Pakistan"), ("Mandalay", "Myanmar"), ("Culiacan", "Mexico"),
]
STATE = {"Syria": "Syrian", "Iraq": "Iraqi", "Yemen": "Yemeni", "Ukraine": "Ukrainian", "Mali": "Malian",
         "Nigeria": "Nigerian", "Democratic Republic of the Congo": "Congolese", "Sudan": "Sudanese",
         "Somalia": "Somali", "Afghanistan": "Afghan", "Pakistan": "Pakistani", "Myanmar": "Myanmar",
         "Mexico": "Mexican"}
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "12", "15", "at least 20", "more than 30"]

EVENT_TEMPLATES = [
    "{adj} troops clashed with rebel fighters on the outskirts of {place} on {day}, killing {n} people, officials said.",
    "Warplanes struck a market in {place} on {day}, killing {n} civilians, according to local medics.",
    "Artillery shells hit residential districts of {place} on {day}, a local official said.",
    "A roadside bomb exploded near an army convoy outside {place} on {day}, killing {n} soldiers.",
    "Gunmen abducted {n} aid workers on the road to {place} on {day}, the agency said.",
    "Hundreds of protesters marched through central {place} on {day} to demand the release of detained activists.",
    "Police fired tear gas to disperse demonstrators in {place} on {day}.",
    "Militants seized control of several villages near {place} on {day} after government forces withdrew.",
    "{adj} forces recaptured the town of {place} on {day} after a week of heavy fighting.",
    "A suicide bomber blew himself up at a checkpoint in {place} on {day}, killing {n} people.",
    "Security forces arrested {n} opposition supporters in {place} on {day}, their lawyers said.",
]
# A second wording of each event template, same slots: re-reports by other outlets.
PARAPHRASES = [
    "Fighting broke out on {day} between {adj} troops and rebels at the edge of {place}; {n} people died, according to officials.",
    "Medics in {place} said {n} civilians were killed on {day} when jets bombed a busy market.",
    "On {day}, shells fired by artillery slammed into homes in {place}, according to a local official.",
    "{n} soldiers were killed on {day} when an improvised explosive device hit their convoy on the outskirts of {place}.",
    "{n} aid workers were kidnapped by armed men near {place} on {day}, their agency said.",
    "On {day}, hundreds of demonstrators took to the streets of {place}, calling for detained activists to be freed.",
    "Demonstrators in {place} were dispersed with tear gas by police on {day}.",
    "After government troops pulled out, militants took over several villages around {place} on {day}.",
    "After a week of intense fighting, {adj} forces retook {place} on {day}.",
    "{n} people were killed on {day} when an attacker detonated an explosive vest at a checkpoint in {place}.",
    "Lawyers said {n} opposition supporters were detained by security forces in {place} on {day}.",
]
# Background sentences, composed from slots so that no two articles share many word triples
# (real articles on the same topic don't either; the near-duplicate detector must not fire).
FILLER = [
    "{name}, a {role} in {place2}, said the {thing} had been {state} for {num} {unit}.",
    "According to {org}, about {num} families had {moved} since the start of {month}.",
    "The {thing} near the {landmark} was {state} again on {day2}, {name} told reporters.",
    "{org} said it would send {num} {supply} to {place2} if the roads {cond}.",
    "Prices of {supply} in {place2} have {trend} by {num} percent in {month}, traders said.",
    "{name} said {pronoun} had not seen such {feeling} in {place2} in {num} {unit}.",
    "A spokesperson for {org} declined to comment on the {thing} when reached on {day2}.",
    "Teachers in {place2} said {num} schools were {state} and pupils {moved}.",
]
SLOTS = {
    "name": ["Amina Diallo", "Yusuf Haddad", "Olena Marchenko", "Kofi Mensah", "Lina Saeed", "Ahmad Karimi", "Maria Lopez", "Ibrahim Musa", "Nadia Rahman", "Peter Okafor", "Sara Kovac", "Hassan Omar"],
    "role": ["shopkeeper", "nurse", "teacher", "local councillor", "farmer", "taxi driver", "student", "pharmacist", "imam", "engineer"],
    "place2": ["the old quarter", "the eastern suburbs", "the river district", "the market area", "the northern villages", "the refugee camp", "the industrial zone", "the hill villages"],
    "thing": ["bridge", "hospital", "water plant", "main road", "power station", "bakery", "school", "clinic", "checkpoint", "grain store"],
    "state": ["closed", "damaged", "out of service", "overcrowded", "guarded", "reopened", "cut off", "half empty"],
    "num": [str(n) for n in range(2, 90)],
    "unit": ["days", "weeks", "months", "years"],
    "org": ["the Red Crescent", "a local aid group", "the health ministry", "the municipal council", "a UN agency", "the teachers' union", "a monitoring group", "the chamber of commerce"],
    "moved": ["left their homes", "returned", "moved in with relatives", "fled south", "registered for aid", "stayed indoors"],
    "month": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "landmark": ["central mosque", "bus station", "old fort", "football stadium", "university", "main square", "grain silos", "port"],
    "day2": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "supply": ["flour", "fuel", "medicine", "drinking water", "blankets", "cooking gas", "baby milk", "tents"],
    "cond": ["reopened", "stayed open", "were cleared", "were declared safe"],
    "trend": ["risen", "fallen", "doubled", "jumped"],
    "pronoun": ["she", "he"],
    "feeling": ["fear", "anger", "hunger", "exhaustion", "hope", "confusion"],
}


def _filler(rng: random.Random) -> str:
    template = rng.choice(FILLER)
    values = {k: rng.choice(v) for k, v in SLOTS.items()}
    text = template.format(**values)
    return text[0].upper() + text[1:]


@dataclass(frozen=True, slots=True)
class SynthArticle:
    id: str
    title: str
    text: str
    published: dt.date
    url: str
    source: str

    def jsonl(self) -> str:
        return json.dumps({"id": self.id, "title": self.title, "text": self.text, "published": self.published.isoformat(), "url": self.url, "source": self.source})


def articles(n: int, seed: int = 7, min_paragraphs: int = 3, max_paragraphs: int = 12) -> Iterator[SynthArticle]:
    """`n` deterministic articles; each reports one event, then background paragraphs."""
    rng = random.Random(seed)
    start = dt.date(2024, 1, 1)
    for i in range(n):
        place, country = rng.choice(PLACES)
        published = start + dt.timedelta(days=rng.randrange(365))
        fill = {"adj": STATE[country], "place": place, "day": rng.choice(DAYS), "n": rng.choice(NUMBERS)}
        lead = rng.choice(EVENT_TEMPLATES).format(**fill)
        lead = lead[0].upper() + lead[1:]
        paragraphs = [lead]
        for _ in range(rng.randint(min_paragraphs, max_paragraphs) - 1):
            paragraphs.append(" ".join(_filler(rng) for _ in range(rng.randint(2, 4))))
        title = lead.split(",")[0][:90]
        outlet = rng.choice(["wire.example.org", "daily.example.net", "herald.example.com"])
        yield SynthArticle(f"syn-{seed}-{i:07d}", title, "\n\n".join(paragraphs), published, f"https://{outlet}/{seed}/{i}", outlet)


def report(template: int, fill: dict[str, str], rng: random.Random, paraphrase: bool = False) -> str:
    """One article text for an event: the lead (or its paraphrase), then background paragraphs."""
    lead = (PARAPHRASES if paraphrase else EVENT_TEMPLATES)[template].format(**fill)
    paragraphs = [lead[0].upper() + lead[1:]]
    for _ in range(rng.randint(2, 5)):
        paragraphs.append(" ".join(_filler(rng) for _ in range(rng.randint(2, 4))))
    return "\n\n".join(paragraphs)


def write_jsonl(path: str, n: int, seed: int = 7) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.writelines(a.jsonl() + "\n" for a in articles(n, seed))
