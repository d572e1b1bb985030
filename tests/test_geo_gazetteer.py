"""The built gazetteer: names, aliases, admin names and containment, and the GeoNames import.

Uses the real cached gazetteer (built on first use, ~25 s; loads in ~1.5 s after that)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from eventwire.errors import GazetteerError
from eventwire.geo import Gazetteer, import_geonames
from eventwire.geo.gazetteer import CACHE_NAME, distance_km, english_admin_name
from eventwire.records import Place
from eventwire.settings import Settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load(Settings.from_env())


def _find(places: list[Place], country: str, feature: str | None = None) -> Place:
    hits = [p for p in places if p.country == country and (feature is None or p.feature == feature)]
    assert hits, places[:5]
    return max(hits, key=lambda p: p.population)


def test_city_has_english_admin1_name(gaz: Gazetteer) -> None:
    aleppo = _find(gaz.candidates("Aleppo"), "SY", "city")
    assert aleppo.admin1 == "Aleppo"
    assert abs(aleppo.latitude - 36.2) < 0.1 and abs(aleppo.longitude - 37.15) < 0.1
    assert aleppo.population > 1_000_000


def test_admin_regions_are_places_with_a_centre(gaz: Gazetteer) -> None:
    region = _find(gaz.candidates("Aleppo Governorate"), "SY", "admin1")
    assert region.name == "Aleppo"
    assert 35.0 < region.latitude < 37.0 and 36.0 < region.longitude < 39.0
    texas = _find(gaz.candidates("Texas"), "US", "admin1")
    assert 29 < texas.latitude < 34 and -102 < texas.longitude < -96


def test_curated_district_by_spellings_it_does_not_list(gaz: Gazetteer) -> None:
    # Transliterations the curated rows do not carry: folding, not an alias list, finds them.
    for spelling, name in (("Sheikh Maksood", "Sheikh Maqsoud"), ("Shaikh Maqsood", "Sheikh Maqsoud"),
                           ("Hamdaniyya", "Hamdaniyeh"), ("Salah el-Din", "Salaheddine"), ("Bustan el-Qasr", "Bustan al-Qasr")):
        district = _find(gaz.candidates(spelling), "SY", "district")
        assert district.name == name and district.parent == "Aleppo", spelling


def test_countries_and_their_aliases(gaz: Gazetteer) -> None:
    for name in ("Syria", "Syrian Arab Republic"):
        assert _find(gaz.candidates(name), "SY", "country").name == "Syria"
    assert gaz.countries_by_iso()["GB"] in gaz.candidates("UK")
    assert gaz.countries_by_iso()["US"] in gaz.candidates("United States")


def test_fuzzy_match_only_when_nothing_else(gaz: Gazetteer) -> None:
    assert any(p.country == "SY" for p in gaz.candidates("Damascuss"))
    assert gaz.candidates("Qwxzvbnmplk") == []


def test_golan_heights_region(gaz: Gazetteer) -> None:
    golan = gaz.candidates("Golan Heights")[0]
    assert golan.feature == "region" and distance_km(golan, Place("x", "city", 33.0, 35.8)) < 30


def test_containment(gaz: Gazetteer) -> None:
    syria = gaz.countries_by_iso()["SY"]
    aleppo = _find(gaz.candidates("Aleppo"), "SY", "city")
    province = _find(gaz.candidates("Aleppo"), "SY", "admin1")
    ramouseh = _find(gaz.candidates("Ramouseh"), "SY", "district")
    assert gaz.contains(syria, aleppo) and gaz.contains(province, aleppo)
    assert gaz.contains(aleppo, ramouseh) and gaz.contains(province, ramouseh)
    assert not gaz.contains(aleppo, aleppo) and not gaz.contains(aleppo, province)
    damascus = _find(gaz.candidates("Damascus"), "SY", "city")
    assert not gaz.contains(damascus, ramouseh)


def test_capitals_are_known(gaz: Gazetteer) -> None:
    assert gaz.is_capital(_find(gaz.candidates("Damascus"), "SY", "city"))
    assert not gaz.is_capital(_find(gaz.candidates("Aleppo"), "SY", "city"))


def test_english_admin_name() -> None:
    assert english_admin_name("Ḩalab", ["Aleppo", "Aleppo Governorate", "حلب"]) == "Aleppo"
    assert english_admin_name("Donetska oblast", ["Donetsk", "Donetsk Oblast"]) == "Donetsk"
    assert english_admin_name("Texas", ["Estado de Texas", "State of Texas"]) == "Texas"
    # another language's admin word marks an alias that is not the English name
    assert english_admin_name("Kandahār", ["Qandahor viloyati", "ولایت قندهار"]) == "Kandahar"
    # a second transliteration of the name yields to the name's own romanisation...
    assert english_admin_name("Parwān", ["Parvan", "پروان"]) == "Parwan"
    # ...but an English exonym that is a different word is kept
    assert english_admin_name("Ţarābulus", ["Tripoli", "طرابلس"]) == "Tripoli"
    assert english_admin_name("County of Istria", []) == "Istria"
    # the name itself when one of the English aliases is it, not another alias
    assert english_admin_name("Stann Creek", ["Southern District", "Stann Creek District"]) == "Stann Creek"
    # an English alias written with diacritics beats an ASCII alias in another language
    assert english_admin_name("Šibensko-kninska županija", ["Sebenico e Tenin", "Šibenik-Knin County"]) == "Sibenik-Knin"
    # ... unless it is only another transliteration of the name
    assert english_admin_name("Uruzgān", ["Orūzgān Province"]) == "Uruzgan"
    assert english_admin_name("Montserrado County", ["Montserrado"]) == "Montserrado"
    assert english_admin_name("Qyzylorda oblysy", []) == "Qyzylorda"
    # a short form inside the full name ("Kashmir") is not the region's name
    assert english_admin_name("Jammu and Kashmīr", ["Kashmir"]) == "Jammu and Kashmir"
    assert english_admin_name("Šibensko-kninska županija", ["Regione di Sebenico e Tenin"]) == "Sibensko-kninska zupanija"


def test_cached_load_is_fast(gaz: Gazetteer) -> None:
    t0 = time.perf_counter()
    loaded = Gazetteer.load(Settings.from_env())
    loaded.candidates("Aleppo")
    assert time.perf_counter() - t0 < 2.0


def test_survives_pickling_for_worker_processes(gaz: Gazetteer) -> None:
    import pickle

    clone = pickle.loads(pickle.dumps(gaz))
    assert clone.candidates("Ramouseh") == gaz.candidates("Ramouseh")


def test_small_gazetteer_from_rows(tmp_path: Path) -> None:
    rows = [
        (("Springfield", "city", 39.8, -89.6, "US", "Illinois", None, 1, 114_000, None), ["Springfeld"]),
        (("Springfield", "city", 37.2, -93.3, "US", "Missouri", None, 2, 169_000, None), []),
    ]
    small = Gazetteer.from_rows(rows, tmp_path / "small.sqlite")
    assert len(small) == 2 and len(small.candidates("springfield")) == 2
    assert [p.admin1 for p in small.candidates("Springfeld")] == ["Illinois"]


def test_import_geonames_adds_places_and_names(tmp_path: Path, gaz: Gazetteer) -> None:
    src = Path(Settings.from_env().cache_dir) / CACHE_NAME
    shutil.copy(src, tmp_path / CACHE_NAME)
    all_countries = tmp_path / "allCountries.txt"
    rows = [
        # A hamlet the packaged data lacks, with an admin1 code GeoNames uses for Aleppo.
        [
            "99000001",
            "Tell Zoura",
            "Tell Zoura",
            "Tal Zura,Tell Zourah",
            "36.31",
            "37.02",
            "P",
            "PPL",
            "SY",
            "",
            "09",
            "",
            "",
            "",
            "120",
            "",
            "400",
            "Asia/Damascus",
            "2024-01-01",
        ],
        # A place already present (Aleppo city, by geonameid) only gains a name.
        [
            "170063",
            "Aleppo",
            "Aleppo",
            "",
            "36.20124",
            "37.16117",
            "P",
            "PPLA",
            "SY",
            "",
            "09",
            "",
            "",
            "",
            "2098210",
            "",
            "390",
            "Asia/Damascus",
            "2024-01-01",
        ],
    ]
    all_countries.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    alternates = tmp_path / "alternateNamesV2.txt"
    alternates.write_text(
        "1\t99000001\ten\tZoura Hill Village\t\t\t\t\t\t\n2\t170063\ten\tHalab ash-Shahba\t\t\t\t\t\t\n"
        "3\t170063\tlink\thttps://example.org/Aleppo\t\t\t\t\t\t\n",
        encoding="utf-8",
    )
    settings = Settings.from_env(cache_dir=tmp_path)
    assert import_geonames(str(all_countries), str(alternates), settings) == 1
    merged = Gazetteer.load(settings)
    hamlet = _find(merged.candidates("Tell Zoura"), "SY")
    assert hamlet.admin1 == "Aleppo" and hamlet.feature == "city"
    assert hamlet in merged.candidates("Zoura Hill Village") and hamlet in merged.candidates("Tal Zura")
    assert any(p.geonameid == 170063 for p in merged.candidates("Halab ash-Shahba"))
    assert merged.candidates("https://example.org/Aleppo") == []


def test_import_geonames_bad_file(tmp_path: Path) -> None:
    src = Path(Settings.from_env().cache_dir) / CACHE_NAME
    shutil.copy(src, tmp_path / CACHE_NAME)
    bad = tmp_path / "bad.txt"
    bad.write_text("x\tname\tname\t\tnot-a-lat\t1\tP\tPPL\tSY\t\t09\t\t\t\t0\t\t\t\t\n", encoding="utf-8")
    with pytest.raises(GazetteerError):
        import_geonames(str(bad), None, Settings.from_env(cache_dir=tmp_path))
