"""NLP stage: run spaCy over the body, title and caption blocks of each article.

Each block becomes its own `Doc` (paragraphs are independent for our purposes, and this keeps
boilerplate out of the parser without disturbing offsets). `BlockDoc.span` maps a doc-relative
character range back to the article text, so every later stage emits article offsets.

With the cascade on (`settings.cascade`), `screen.plan` first says what of each article needs the
parse: nothing (the article is passed on unparsed, `skipped` naming why), every block, or segments
(runs of whole sentences inside a block), each parsed as its own Doc under a Block whose kind is
its paragraph's and whose offsets are the segment's, so offsets stay article offsets. Paragraph
starts (datelines, the title) are read from `Article.blocks`, never from these Blocks.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from .errors import ModelMissing
from .records import NLP_KINDS, Article, Block, Span
from .screen import Plan, plan, plans

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BlockDoc:
    block: Block
    doc: Doc
    text: str  # the block's text (== doc.text, which spaCy rebuilds from tokens on every access)

    @property
    def offset(self) -> int:
        return self.block.start

    def span(self, article_id: str, start_char: int, end_char: int) -> Span:
        """A record Span for doc-relative characters [start_char, end_char)."""
        return Span(article_id, self.offset + start_char, self.offset + end_char, self.text[start_char:end_char])

    def token_span(self, article_id: str, tokens: SpacySpan) -> Span:
        return self.span(article_id, tokens.start_char, tokens.end_char)


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    article: Article
    docs: tuple[BlockDoc, ...]
    skipped: str | None = None  # why nothing of it was parsed (the screen found no trigger)
    plan: Plan | None = None  # what the screen chose (None: cascade off, every block parsed)

    def sentences(self) -> Iterator[tuple[BlockDoc, SpacySpan]]:
        for bd in self.docs:
            for sent in bd.doc.sents:
                yield bd, sent


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load a spaCy pipeline package once per process (by package name or path)."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelMissing(f"spaCy model {name!r} is not installed: {exc}") from exc
    _remember_lemmas(nlp)
    return nlp


LEMMA_MEMO_SIZE = 200_000  # (form, POS, morphology) triples; cleared when full, so memory stays flat


def _remember_lemmas(nlp: Language) -> None:
    """Memoise the rule lemmatizer on what its rules read (the form, POS and morphology).

    spaCy's own cache skips every base form and proper noun, so most tokens of news text were
    lemmatised afresh each time: the lemmatizer cost as much as the parser. The lemmas are the
    same (a test compares them)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule":
        return
    rules = lemmatizer.rule_lemmatize
    memo: dict[tuple[int, int, int], list[str]] = {}

    def lemmatize(token: Any) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        found = memo.get(key)
        if found is None:
            if len(memo) >= LEMMA_MEMO_SIZE:
                memo.clear()
            found = memo[key] = rules(token)
        return found

    lemmatizer.lemmatize = lemmatize


def annotate(
    articles: Iterable[Article], nlp: Language, batch_size: int = 64, cascade: bool = False, confident: Confident | None = None
) -> Iterator[AnnotatedArticle]:
    """Annotate a stream of articles, batching every block (or, with the cascade, every chosen
    segment) through one `nlp.pipe` call. `confident` (`screen.confident_events`) lets the
    screen skip sentences only a sure classifier could make events of, when it is not sure."""
    pending: list[Article] = []
    for article in articles:
        pending.append(article)
        if len(pending) >= batch_size:
            yield from _annotate_batch(pending, nlp, cascade, confident)
            pending = []
    if pending:
        yield from _annotate_batch(pending, nlp, cascade, confident)


Confident = Callable[[list[str]], list[bool]]


def _one_line(text: str) -> str:
    return text.replace("\r\n", "  ").replace("\n", " ").replace("\r", " ")


def _plans(articles: list[Article], confident: Confident | None) -> dict[str, Plan]:
    """The screen's plans; should the screen fail on some text, its article is parsed whole."""
    try:
        return {a.id: p for a, p in zip(articles, plans(articles, confident))}
    except Exception:
        log.exception("trigger screen failed on a batch; planning article by article")
    out = {}
    for a in articles:
        try:
            out[a.id] = plan(a, confident)
        except Exception:
            log.exception("trigger screen failed for %s; parsing it whole", a.id)
            blocks = tuple(b for b in a.blocks if b.kind in NLP_KINDS and b.end > b.start)
            out[a.id] = Plan(blocks, None, True, len(blocks), len(blocks))
    return out


def _annotate_batch(articles: list[Article], nlp: Language, cascade: bool = False, confident: Confident | None = None) -> list[AnnotatedArticle]:
    plans = _plans(articles, confident) if cascade else {}
    jobs = [(a, b) for a in articles for b in (plans[a.id].segments if cascade else a.blocks) if b.kind in NLP_KINDS and b.end > b.start]
    # A paragraph joined from hard-wrapped lines keeps its newlines in the article text; spaCy sees
    # them as spaces (same length, so every offset still holds) and never splits a sentence there.
    docs = nlp.pipe((_one_line(a.block_text(b)) for a, b in jobs), batch_size=256)
    per_article: dict[str, list[BlockDoc]] = {a.id: [] for a in articles}
    for (article, block), doc in zip(jobs, docs):
        per_article[article.id].append(BlockDoc(block, doc, article.block_text(block)))
    return [AnnotatedArticle(a, tuple(per_article[a.id]), plans[a.id].reason if cascade else None, plans.get(a.id)) for a in articles]
