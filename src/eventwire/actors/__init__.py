"""Actor resolution: the canonical registry and the finder of actor mentions in an article."""

from .find import find_actors
from .registry import ActorRegistry, Lineage

__all__ = ["ActorRegistry", "Lineage", "find_actors"]
