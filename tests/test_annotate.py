"""The NLP stage's speed-ups must not change what spaCy says."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

TEXT = (
    "Gunmen riding motorcycles opened fire on a checkpoint near the market on Tuesday, killing two "
    "policemen and wounding several bystanders, the provincial governor's spokesman said. "
    "Residents, who had protested for weeks against the closures, said the attackers fled towards "
    "the hills. The ministry said it was investigating and that the officers' families were being "
    "looked after; the mayor, speaking to reporters, called the killings cowardly."
)


def _models():  # type: ignore[no-untyped-def]
    """The model as the pipeline loads it (with the speed-ups) and as spaCy alone loads it."""
    import spacy

    from eventwire.annotate import load_model
    from eventwire.settings import Settings

    name = Settings().model
    return load_model(name), spacy.load(name)


def test_memoised_lemmas_are_spacys_lemmas() -> None:
    fast, plain = _models()
    texts = [TEXT, TEXT.upper(), TEXT.replace("policemen", "police officers"), TEXT]
    for a, b in zip(fast.pipe(texts), plain.pipe(texts)):
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
    # the memo is in use: the same forms the second time come from it
    assert fast.get_pipe("lemmatizer").lemmatize.__name__ == "lemmatize"


# Colloquial forms the attribute ruler has two-token and exception rules for, told in a quote.
SPOKEN = (
    '"We ain\'t gonna let them close the clinic, and y\'all know it," one of the nurses said outside '
    "the hospital on Friday, where there were about forty people and there's a vigil planned. "
    "\"Let's see what the board does,\" she added, c'mon, as the crowd gotta wait; I gave it to "
    "him, and you told me that."
)


def test_attribute_rules_looked_up_are_the_matchers() -> None:
    fast, plain = _models()
    assert fast.get_pipe("attribute_ruler").match.__name__ == "match"  # the lookup is in use
    texts = [TEXT, SPOKEN, TEXT.lower(), SPOKEN.upper(), " \n ".join([TEXT, SPOKEN])]
    ruled = plain.get_pipe("attribute_ruler")
    with plain.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        bare = list(plain.pipe(texts))
    for doc in bare:
        assert fast.get_pipe("attribute_ruler").match(doc) == ruled.match(doc)
    for a, b in zip(fast.pipe(texts), plain.pipe(texts)):
        assert [(t.pos_, t.tag_, str(t.morph), t.lemma_) for t in a] == [(t.pos_, t.tag_, str(t.morph), t.lemma_) for t in b]
