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
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from .errors import ModelMissing
from .records import NLP_KINDS, Article, Block, Span
from .screen import Confident, Plan, plan, plans

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
    _look_up_attribute_rules(nlp)
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


# The token attributes the model's attribute-ruler patterns test, in the order `_look_up_attribute_rules` reads them.
_RULE_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")


def _token_tests(spec: dict[str, Any], strings: Any) -> list[tuple[int, str, Any]] | None:
    """A Matcher token pattern as (column, test, value) triples on the token's attribute hashes,
    or None for one this lookup does not read (then the Matcher stays)."""
    tests: list[tuple[int, str, Any]] = []
    for key, value in spec.items():
        if key not in _RULE_ATTRS:
            return None
        col = _RULE_ATTRS.index(key)
        if isinstance(value, bool):
            tests.append((col, "eq", int(value)))
        elif isinstance(value, str):
            tests.append((col, "eq", strings.add(value)))
        elif isinstance(value, dict) and list(value) in (["IN"], ["NOT_IN"]) and all(isinstance(v, str) for v in next(iter(value.values()))):
            op = "in" if "IN" in value else "not in"
            tests.append((col, op, frozenset(strings.add(v) if v else 0 for v in value[op.upper().replace(" ", "_")])))
        elif isinstance(value, dict) and list(value) == ["REGEX"] and key != "IS_SPACE":
            tests.append((col, "re", re.compile(value["REGEX"])))
        else:
            return None
    return tests


def _look_up_attribute_rules(nlp: Language) -> None:
    """Find the attribute ruler's matches by table lookup instead of spaCy's Matcher.

    The ruler maps each fine tag to its part of speech and morphology and fixes a few words
    (about 180 one- or two-token patterns in the English models); the Matcher tries every pattern
    at every token and cost as much as the parser. Here each pattern is filed under a value its
    first token must have (its word, else its tag, else its dependency) and tried only where a
    token has it, on the tokens' attribute hashes; the matches are the same, in the ruler's order
    (later rules win), and the ruler sets them as before (a test compares the annotations). A
    pattern this lookup cannot read leaves the Matcher in place."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

    ruler = nlp.get_pipe("attribute_ruler")
    strings = nlp.vocab.strings
    Tests = list[list[tuple[int, str, Any]]]  # per token of a pattern
    # per column: value -> rules whose one test is that value; value -> (rule, tests) to try
    sure: list[dict[int, list[int]]] = [{} for _ in _RULE_ATTRS]
    filed: list[dict[int, list[tuple[int, Tests]]]] = [{} for _ in _RULE_ATTRS]
    anywhere: list[tuple[int, Tests]] = []
    for rule, entry in enumerate(ruler.patterns):
        for pattern in entry["patterns"]:
            read = [_token_tests(spec, strings) for spec in pattern]
            if not pattern or any(t is None for t in read):
                return
            tests: Tests = read  # type: ignore[assignment]
            key = min((t for t in tests[0] if t[1] in ("eq", "in")), key=lambda t: t[0], default=None)
            if key is None:
                anywhere.append((rule, tests))
                continue
            col, test, value = key
            for v in (value,) if test == "eq" else value:
                if len(tests) == 1 and len(tests[0]) == 1:
                    sure[col].setdefault(v, []).append(rule)
                else:
                    filed[col].setdefault(v, []).append((rule, tests))
    ids = [strings.add(str(rule)) for rule in range(len(ruler.attrs))]

    def passes(row: list[int], tests: list[tuple[int, str, Any]]) -> bool:
        for col, test, value in tests:
            x = row[col]
            if not (
                x == value if test == "eq" else x in value if test == "in" else x not in value if test == "not in" else value.search(strings[x]) is not None
            ):
                return False
        return True

    def match(doc: Doc) -> list[tuple[int, int, int, int]]:
        rows = doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist() if len(doc) else []
        n = len(rows)
        found: set[tuple[int, int, int, int]] = set()
        for i, row in enumerate(rows):
            tried = [e for col, value in enumerate(row) for e in filed[col].get(value, ())] + anywhere
            found.update((rule, ids[rule], i, i + 1) for col, value in enumerate(row) for rule in sure[col].get(value, ()))
            for rule, tests in tried:
                size = len(tests)
                if i + size <= n and all(passes(rows[i + k], tests[k]) for k in range(size)):
                    found.add((rule, ids[rule], i, i + size))
        return sorted(found)

    ruler.match = match


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
