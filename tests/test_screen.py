"""The cascade: the raw-text trigger screen (what it passes and drops, its sentence splitter, its
surface forms against the model's own lemma table), events coded through it at the same offsets
as without it, and articles it passes over stored as read with their reason. All text here is
written by the team."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eventwire import screen
from eventwire.ingest.text import split_blocks
from eventwire.records import Article, BlockKind


def article(text: str, aid: str = "t", published: dt.date | None = dt.date(2024, 3, 6)) -> Article:
    return Article(aid, text, split_blocks(text), published=published)


# Long news-style sentences with inflected (often irregular) triggers and attribution.
EVENT_SENTENCES = [
    "Militants stormed a police checkpoint on the outskirts of the town late on Tuesday, killing two officers, according to security officials who spoke on condition of anonymity.",
    "Government troops fought running battles with insurgents for most of the night, a spokesman for the provincial governor told reporters in the capital on Wednesday.",
    "Security forces shot dead four protesters who had blocked the main highway with burning tyres, witnesses and a local human rights group said.",
    "Unidentified gunmen abducted a local journalist from his home in the north of the city before dawn, his colleagues said in a statement.",
    "Rebel fighters seized the border crossing after a three-day siege, the group's spokesman claimed in a video posted online.",
    "An air strike struck a crowded market in the provincial capital, residents said, although the coalition denied its aircraft had been in the area.",
    "Hundreds of demonstrators marched through the city centre chanting slogans against the new tax, organisers said.",
    "Two roadside bombs exploded as a convoy was passing through the valley, a police official said.",
    "Fighters loyal to the warlord overran the garrison and set fire to its stores, a resident who fled the area said by telephone.",
    "The militia withdrew from the villages it had held since the spring, local elders said.",
]

EVENT_FREE = """The city council approved the new budget for the public library on Tuesday.

Members praised the design of the reading rooms, which will open in the autumn, and thanked the volunteers who ran the book sale.

The mayor said the opening hours would be published next month."""


@pytest.mark.parametrize("sentence", EVENT_SENTENCES)
def test_screen_passes_inflected_triggers(sentence: str) -> None:
    a = article(f"Council news\n\nThe weather was mild for the season. {sentence} The market reopened later.")
    plan = screen.plan(a)
    assert plan.reason is None
    start = a.text.index(sentence)
    assert any(b.start <= start and start + len(sentence) <= b.end for b in plan.segments), sentence


def test_screen_drops_event_free_text() -> None:
    plan = screen.plan(article(EVENT_FREE))
    assert plan.reason == "no_trigger" and plan.segments == () and plan.selected == 0


def test_screen_drops_triggers_that_can_never_be_accepted() -> None:
    # an arrest with no political target, and a "deal" with no conflict parties: the coder rejects
    # both for good (no classifier rescue), so neither needs the parse
    text = "Shop news\n\nPolice arrested a man after a burglary at a shoe shop on Main Street, the sheriff's office said.\n\nThe two supermarkets agreed a deal on delivery vans."
    assert screen.plan(article(text)).reason == "no_trigger"


# Triggers whose own context word is missing: volunteers "built" no base, a teacher "found" no
# weapon, neighbours "blocked" a driveway without a demand. The coder rejects such mentions unless
# the classifier is sure of the sentence, so the screen asks the classifier before parsing them.
RESCUE_ONLY = [
    "Volunteers from the parish built a new playground beside the primary school over the long weekend, the organisers said.",
    "A retired teacher walking her dog found a wallet with several hundred dollars in it near the railway bridge on Sunday morning.",
]


@pytest.mark.parametrize("sentence", RESCUE_ONLY)
def test_screen_asks_the_classifier_about_rescue_only_sentences(sentence: str) -> None:
    a = article(f"Town notes\n\nThe weather was mild. {sentence}")
    asked: list[str] = []

    def unsure(texts: list[str]) -> list[bool]:
        asked.extend(texts)
        return [False] * len(texts)

    assert screen.plan(a, unsure).reason == "no_trigger"
    assert asked == [sentence]
    assert screen.plan(a, lambda texts: [True] * len(texts)).reason is None  # a sure classifier: parsed
    assert screen.plan(a).reason is None  # no classifier at hand: parsed, as before


def test_rescue_needs_a_sure_need_failure() -> None:
    # "fired" needs an armed party, which the coder may find in ways the screen cannot see (a
    # crowd of attackers, gangs where ACLED counts them): never a rescue-only sentence
    words = screen._screen_words("A man fired at a passing car near the petrol station, neighbours said.")
    assert screen.trigger_verdict(words, armed_article=False) == "yes"
    words = screen._screen_words("Workers built a new shed behind the school.")
    assert screen.trigger_verdict(words, armed_article=False) == "rescue"
    assert screen.trigger_verdict(words, armed_article=True) == "yes"


def test_a_month_is_no_march() -> None:
    a = article("Garden club\n\nThe flower show opened in March and closes on March 30, the organisers said.")
    assert screen.plan(a).reason == "no_trigger"
    b = article("Rally\n\nHundreds of nurses will march on the ministry, and in March thousands marched in the capital.")
    assert screen.plan(b).reason is None
    assert screen._screen_words("March 4 was cold. March through the town!") == ["", "4", "was", "cold", "march", "through", "the", "town"]


@pytest.mark.parametrize(
    ("word", "pos", "form"),
    [("fight", "VERB", "fought"), ("seize", "VERB", "seized"), ("kidnap", "VERB", "kidnapped"), ("strike", "VERB", "struck"),
     ("shoot", "VERB", "shot"), ("retake", "VERB", "retook"), ("overrun", "VERB", "overran"), ("clash", None, "clashes"),
     ("militiaman", "NOUN", "militiamen"), ("casualty", "NOUN", "casualties"), ("die", "VERB", "dying")],
)
def test_inflections(word: str, pos: str | None, form: str) -> None:
    assert form in screen.inflections(word, pos)


def test_forms_cover_the_models_irregular_lemmas() -> None:
    """Every exception in the spaCy model's lemma table whose lemma is a trigger word (or a word of
    one) is one of the screen's forms for it: the screen can only err on the side of passing."""
    from eventwire.annotate import load_model
    from eventwire.settings import Settings

    lookups = load_model(Settings().model).get_pipe("lemmatizer").lookups
    exceptions = lookups.get_table("lemma_exc")
    raw = json.loads((Path(screen.__file__).parent / "data" / "coding" / "lexicon.json").read_text(encoding="utf-8"))
    words = {w for t in raw["triggers"] for w in screen._words(t["words"])}
    missing = []
    for pos in ("noun", "verb"):
        for surface_form, lemmas in exceptions.get(pos, {}).items():
            for lemma in lemmas:
                if lemma in words and surface_form.isalpha() and surface_form not in screen.inflections(lemma):
                    missing.append((surface_form, lemma))
    assert not missing


def test_splitter_never_splits_inside_a_sentence() -> None:
    text = "Mr. Smith met Gen. J. Brown in the U.S. capital at 5 p.m. on Friday. The talks ended at No. 10 Downing Street! Was it a success?"
    got = [text[s:e] for s, e in screen.split_sentences(text)]
    assert got == [
        "Mr. Smith met Gen. J. Brown in the U.S. capital at 5 p.m. on Friday.",
        "The talks ended at No. 10 Downing Street!",
        "Was it a success?",
    ]


def test_conflict_articles_are_parsed_whole() -> None:
    text = "Fighting in the north\n\nRebels attacked an army post near the border on Monday. Soldiers returned fire, the military said. The weather was cold."
    plan = screen.plan(article(text))
    assert plan.whole and plan.selected == plan.sentences


# A multi-paragraph local story: a wire dateline, filler, a protest told in the middle of a
# paragraph with its intervention in the next sentence, a quote, an arrest, more filler.
STORY = """Teachers march in Nairobi over unpaid wages

NAIROBI, March 4 (Reuters) - The county government opened a new water treatment plant on the edge of the city on Monday. Officials said the plant would serve about forty thousand households. The project was paid for by a development loan.

Residents welcomed the news, though some complained about the price of connections. A spokeswoman for the water company said prices would be reviewed in the spring. The company has promised to publish a timetable.

Schools across the county stayed closed for a second week. Thousands of teachers marched through central Nairobi on Tuesday to demand the payment of wages that are four months late, the Kenya National Union of Teachers said. Police fired tear gas to disperse the protesters near parliament, witnesses told reporters.

The union's secretary general, Mary Wanjiru, said the strike would go on until every teacher was paid. "We have waited long enough," she told a crowd outside the ministry.

Police arrested an opposition activist, John Kamau, who had addressed the rally, his lawyer said on Wednesday.

Elsewhere in the city, the annual flower show drew large crowds. Organisers said entries were up on last year, and the judges praised the roses.
"""


@pytest.fixture(scope="module")
def resources():  # type: ignore[no-untyped-def]
    from eventwire.resources import Resources
    from eventwire.settings import Settings

    res = Resources(Settings.from_env(cascade=True))
    res.warm()
    return res


def _events(res, articles: list[Article], cascade: bool):  # type: ignore[no-untyped-def]
    from eventwire.pipeline import process
    from eventwire.resources import Resources

    other = Resources(res.settings.replace(cascade=cascade))
    for name in ("nlp", "gazetteer", "actors", "classifier"):
        other.__dict__[name] = getattr(res, name)
    return list(process(articles, other))


def test_events_through_the_cascade_have_the_same_offsets(resources) -> None:  # type: ignore[no-untyped-def]
    a = article(STORY)
    plan = screen.plan(a)
    assert not plan.whole and 0 < plan.selected < plan.sentences
    mid = a.text.index("Thousands of teachers")
    assert any(b.start == mid and b.kind is BlockKind.BODY for b in plan.segments)  # a segment starting mid-paragraph
    off, on = (_events(resources, [a], c)[0] for c in (False, True))

    def key(result):  # type: ignore[no-untyped-def]
        return sorted((e.id, e.sub_event_type, e.location, e.actor1, e.actor2, e.fatalities, tuple((x.field, x.span.start, x.span.end, x.span.text) for x in e.evidence)) for e in result.events)

    assert off.events and key(on) == key(off)
    dateline = a.text.index("NAIROBI")
    assert all(not (dateline <= x.span.start < dateline + 7) for e in on.events for x in e.evidence if x.field == "location")
    assert on.stats["screen_parsed"] == plan.selected and "screen_parsed" not in off.stats


def test_no_trigger_articles_are_stored_with_their_reason(resources, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from eventwire.run import run
    from eventwire.store import Store

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "quiet", "text": EVENT_FREE}) + "\n" + json.dumps({"id": "story", "text": STORY}) + "\n", encoding="utf-8")
    store = Store(str(tmp_path / "s.db"))
    summary = run([str(src)], store, resources, progress=False)
    assert summary.coded == 2 and store.stored_ids(["quiet", "story"]) == {"quiet", "story"}
    assert summary.stats["not_parsed"] == 1 and summary.stats["no_trigger"] == 1
    assert "1 not parsed (no trigger)" in summary.line()
    again = run([str(src)], store, resources, progress=False)
    assert again.skipped == 2 and again.coded == 0


def test_cascade_off_parses_every_block(resources) -> None:  # type: ignore[no-untyped-def]
    from eventwire.annotate import annotate

    a = article(EVENT_FREE)
    (off,) = annotate([a], resources.nlp, cascade=False)
    (on,) = annotate([a], resources.nlp, cascade=True)
    assert off.skipped is None and len(off.docs) == sum(1 for b in a.blocks if b.kind in screen.NLP_KINDS)
    assert on.skipped == "no_trigger" and on.docs == ()
