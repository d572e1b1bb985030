"""The typed records that flow between pipeline stages.

Every stage takes and returns these frozen, slotted dataclasses; dicts appear only at the storage
and API edge (`to_dict` helpers live in `export`). Offsets always index `Article.text`, so
`article.text[span.start:span.end] == span.text` holds for every span the pipeline emits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum


class BlockKind(str, Enum):
    """What a paragraph of an article is; only BODY, TITLE and CAPTION reach the NLP stage."""

    TITLE = "title"
    BODY = "body"
    CAPTION = "caption"
    QUOTE = "quote"
    BOILERPLATE = "boilerplate"


# The blocks that are read as text (NLP, the trigger screen, near-duplicate sketches).
NLP_KINDS = (BlockKind.TITLE, BlockKind.BODY, BlockKind.CAPTION)


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    """One input document, with its text exactly as coded (HTML: the extracted text)."""

    id: str
    text: str
    blocks: tuple[Block, ...]
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None
    title: str | None = None
    language: str | None = None
    origin: str | None = None  # where it came from: "path" or "path:line"
    language_confidence: float | None = None  # the identifier's probability for `language`

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]


@dataclass(frozen=True, slots=True)
class Reject:
    """An input that could not become an article, with a stable reason code (see errors.py)."""

    origin: str
    position: int
    reason: str
    message: str


@dataclass(frozen=True, slots=True)
class Span:
    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry. `feature` is one of country, admin1, admin2, city, district, region."""

    name: str
    feature: str
    latitude: float
    longitude: float
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    admin2: str | None = None
    geonameid: int | None = None
    population: int = 0
    parent: str | None = None  # the city a district belongs to, for containment


@dataclass(frozen=True, slots=True)
class PlaceMention:
    span: Span
    place: Place
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor; `inter` is ACLED's interaction code 1-8; `known` is False for actors the
    registry lacked and that were kept as written with a guessed kind."""

    name: str
    inter: int
    country: str | None = None
    lineage: str | None = None  # stable id shared by every name a group has carried
    known: bool = True


@dataclass(frozen=True, slots=True)
class ActorMention:
    span: Span
    actor: Actor


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    role: str | None = None
    affiliation: str | None = None
    resolved: bool = True  # False for a bare pronoun with no clear antecedent


@dataclass(frozen=True, slots=True)
class Quote:
    span: Span
    kind: str  # "direct" | "indirect"
    speaker: Speaker | None = None  # None: unattributed
    speaker_span: Span | None = None
    cue: str | None = None
    figures: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class DateMention:
    span: Span
    date: dt.date
    precision: int  # ACLED time_precision: 1 day, 2 week, 3 month


@dataclass(frozen=True, slots=True)
class Fatalities:
    count: int
    qualifier: str | None  # "more than", "at least", "about", ...
    span: Span


@dataclass(frozen=True, slots=True)
class Evidence:
    """One field of a coded event and the span it came from ("event" is the trigger sentence)."""

    field: str
    span: Span


@dataclass(frozen=True, slots=True)
class Source:
    article_id: str
    url: str | None = None
    source: str | None = None
    speaker: str | None = None  # who the article attributes the facts to, if anyone


@dataclass(frozen=True, slots=True)
class Event:
    """An ACLED-compatible coded event; `id` is stable for the same evidence."""

    id: str
    event_type: str
    sub_event_type: str
    plover: str
    event_date: dt.date | None = None
    time_precision: int = 3
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    geonameid: int | None = None
    fatalities: int = 0
    fatalities_qualifier: str | None = None
    notes: str = ""
    confidence: float = 0.5
    evidence: tuple[Evidence, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything the pipeline found in one article."""

    article: Article
    events: tuple[Event, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    actors: tuple[ActorMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateMention, ...] = ()
    stats: dict[str, int] = field(default_factory=dict)
    duplicate_of: str | None = None  # a near-copy of this stored article: not coded again
