"""The heavy, read-only services a run needs, loaded once per process and injected into stages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from .settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

    from .actors.registry import ActorRegistry
    from .coding.classify import EventClassifier
    from .geo import Gazetteer


@dataclass
class Resources:
    """Lazily loaded: a command that only reads the database never loads spaCy."""

    settings: Settings

    @cached_property
    def nlp(self) -> Language:
        from .annotate import load_model

        return load_model(self.settings.model)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        from .geo import Gazetteer

        return Gazetteer.load(self.settings)

    @cached_property
    def actors(self) -> ActorRegistry:
        from .actors.registry import ActorRegistry

        return ActorRegistry.load(self.settings.cache_dir)

    @cached_property
    def classifier(self) -> EventClassifier:
        from .coding.classify import EventClassifier

        return EventClassifier.load(self.settings.cache_dir, embeddings=self.settings.embeddings)

    def warm(self) -> None:
        """Load everything now (before forking workers or timing a run)."""
        from .dates import warm as warm_dates

        _ = self.nlp, self.gazetteer, self.actors, self.classifier
        warm_dates()
