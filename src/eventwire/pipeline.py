"""The whole pipeline as one function: articles in, ArticleResults out.

The CLI, the HTTP ingest endpoint and the Ray runner are thin shells over `process`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from .annotate import annotate
from .coding.assemble import code_article
from .records import Article, ArticleResult, Reject
from .resources import Resources

log = logging.getLogger(__name__)


def process(articles: Iterable[Article], res: Resources) -> Iterator[ArticleResult | Reject]:
    """Annotate and code a stream of articles. A failure in one article becomes a Reject with
    reason 'failed' (and a message naming the error); the stream goes on."""
    for ann in annotate(articles, res.nlp, batch_size=res.settings.batch_size):
        try:
            yield code_article(ann, res)
        except Exception as exc:  # noqa: BLE001 - one article's bug must not end a batch job
            log.exception("coding failed for %s", ann.article.id)
            yield Reject(ann.article.origin or ann.article.id, 0, "failed", f"{type(exc).__name__}: {exc}")
