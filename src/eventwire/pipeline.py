"""The whole pipeline as one function: articles in, ArticleResults out.

The CLI, the HTTP ingest endpoint and the Ray runner are thin shells over `process`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from .annotate import AnnotatedArticle, annotate
from .coding.assemble import classify_batch, code_article
from .coding.classify import Classification
from .records import Article, ArticleResult, Reject
from .resources import Resources

log = logging.getLogger(__name__)


def process(articles: Iterable[Article], res: Resources) -> Iterator[ArticleResult | Reject]:
    """Annotate and code a stream of articles, exactly one output per article, in order. A
    failure in one article becomes a Reject with reason 'failed' (and a message naming the
    error); the stream goes on."""
    chunk: list[AnnotatedArticle] = []
    for ann in annotate(articles, res.nlp, batch_size=res.settings.batch_size):
        chunk.append(ann)
        if len(chunk) >= res.settings.batch_size:
            yield from _code_chunk(chunk, res)
            chunk = []
    yield from _code_chunk(chunk, res)


def _code_chunk(chunk: list[AnnotatedArticle], res: Resources) -> Iterator[ArticleResult | Reject]:
    if not chunk:
        return
    try:
        classified: list[list[Classification] | None] = list(classify_batch(chunk, res))
    except Exception:
        log.exception("batch classification failed; coding article by article")
        classified = [None] * len(chunk)
    for ann, cls in zip(chunk, classified):
        try:
            yield code_article(ann, res, cls)
        except Exception as exc:
            log.exception("coding failed for %s", ann.article.id)
            yield Reject(ann.article.origin or ann.article.id, 0, "failed", f"{type(exc).__name__}: {exc}")
