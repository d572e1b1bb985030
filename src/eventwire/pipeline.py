"""The whole pipeline as one function: articles in, ArticleResults out.

The CLI, the HTTP ingest endpoint and the Ray runner are thin shells over `process`. With the
cascade on, articles the trigger screen passes over come out unparsed (`unparsed`): stored as
read, counted, never coded.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace

from .annotate import AnnotatedArticle, annotate
from .coding.assemble import classify_batch, code_article
from .coding.classify import Classification
from .records import Article, ArticleResult, Reject
from .resources import Resources
from .screen import confident_events

log = logging.getLogger(__name__)


def process(articles: Iterable[Article], res: Resources) -> Iterator[ArticleResult | Reject]:
    """Annotate and code a stream of articles, exactly one output per article, in order. A
    failure in one article becomes a Reject with reason 'failed' (and a message naming the
    error); the stream goes on."""
    chunk: list[AnnotatedArticle] = []
    confident = confident_events(res.classifier) if res.settings.cascade else None
    for ann in annotate(articles, res.nlp, batch_size=res.settings.batch_size, cascade=res.settings.cascade, confident=confident):
        chunk.append(ann)
        if len(chunk) >= res.settings.batch_size:
            yield from _code_chunk(chunk, res)
            chunk = []
    yield from _code_chunk(chunk, res)


def _code_chunk(chunk: list[AnnotatedArticle], res: Resources) -> Iterator[ArticleResult | Reject]:
    if not chunk:
        return
    parsed = [ann for ann in chunk if ann.skipped is None]
    try:
        classified: list[list[Classification] | None] = list(classify_batch(parsed, res))
    except Exception:
        log.exception("batch classification failed; coding article by article")
        classified = [None] * len(parsed)
    by_id = {id(ann): cls for ann, cls in zip(parsed, classified)}
    for ann in chunk:
        if ann.skipped is not None:
            yield unparsed(ann)
            continue
        try:
            yield _with_screen_stats(code_article(ann, res, by_id[id(ann)]), ann)
        except Exception as exc:
            log.exception("coding failed for %s", ann.article.id)
            yield Reject(ann.article.origin or ann.article.id, 0, "failed", f"{type(exc).__name__}: {exc}")


def unparsed(ann: AnnotatedArticle) -> ArticleResult:
    """An article the screen passed over: stored as read (a re-run skips it), with no events and
    the reason counted (`no_trigger`, as for a parsed article without one, and `not_parsed`)."""
    return _with_screen_stats(ArticleResult(ann.article, stats={ann.skipped or "no_trigger": 1, "not_parsed": 1}), ann)


def _with_screen_stats(result: ArticleResult, ann: AnnotatedArticle) -> ArticleResult:
    """Add how many of the article's sentences the screen read and sent to spaCy."""
    if ann.plan is None:
        return result
    stats = dict(result.stats)
    stats["screen_sentences"] = stats.get("screen_sentences", 0) + ann.plan.sentences
    stats["screen_parsed"] = stats.get("screen_parsed", 0) + ann.plan.selected
    stats["parsed_whole"] = stats.get("parsed_whole", 0) + int(ann.plan.whole)
    return replace(result, stats=stats)
