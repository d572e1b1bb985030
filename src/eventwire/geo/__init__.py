"""Geoparsing: find place names in an article and resolve each to one gazetteer Place.

    gaz = Gazetteer.load(settings)          # built once (~25 s), then cached under settings.cache_dir
    mentions = geoparse(annotated, gaz)     # list[PlaceMention], offsets into the article text
    where = event_location(sentence_mentions, mentions, article.text)  # (PlaceMention, geo_precision)
"""

from .gazetteer import Gazetteer, import_geonames
from .recognise import geoparse
from .resolve import event_location, resolve_spans

__all__ = ["Gazetteer", "event_location", "geoparse", "import_geonames", "resolve_spans"]
