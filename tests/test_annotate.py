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


def test_memoised_lemmas_are_spacys_lemmas() -> None:
    import spacy

    from eventwire.annotate import load_model
    from eventwire.settings import Settings

    name = Settings().model
    fast = load_model(name)
    plain = spacy.load(name)
    texts = [TEXT, TEXT.upper(), TEXT.replace("policemen", "police officers"), TEXT]
    for a, b in zip(fast.pipe(texts), plain.pipe(texts)):
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
    # the memo is in use: the same forms the second time come from it
    assert fast.get_pipe("lemmatizer").lemmatize.__name__ == "lemmatize"
