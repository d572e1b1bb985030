"""ACLED compatibility: `--format acled` writes ACLED's export columns with ACLED's values, and
`import-acled` loads ACLED exports of both schemas beside eventwire's own events.

Every article and every CSV row here is invented by the team (places, actors and sources are
fictional or generic); the expected header is written out as a list of column names.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.acled_format import (
    ACLED_EXPORT_COLUMNS,
    EVENTWIRE_COLUMNS,
    civilian_targeting,
    country_code,
    disorder_type,
    event_number,
)
from eventwire.cli import main
from eventwire.export import write_acled
from eventwire.records import Article, ArticleResult, Block, BlockKind, Event, Evidence, Source, Span
from eventwire.serve import create_app
from eventwire.settings import Settings
from eventwire.store import Store
from eventwire.store.acled_import import import_acled, map_event_type
from eventwire.store.query import EventFilter, count_events, iter_events, iter_rejects, list_events

# The header of an ACLED export of 2020, column by column.
ACLED_2020_HEADER = [
    "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year", "time_precision",
    "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
    "timestamp", "iso3",
]
NEWER = ("disorder_type", "civilian_targeting", "tags")


def expected_header() -> list[str]:
    """The 2020 columns plus the three newer ones where ACLED's current export puts them."""
    cols = list(ACLED_2020_HEADER)
    cols.insert(cols.index("time_precision") + 1, "disorder_type")
    cols.insert(cols.index("interaction") + 1, "civilian_targeting")
    cols.insert(cols.index("fatalities") + 1, "tags")
    return cols


# -- events coded by eventwire, stored directly -----------------------------------------------


def coded(article_id: str, text: str, *, country: str, admin1: str, location: str, lat: float, lon: float,
          event_type: str, sub: str, actor1: str, inter1: int, actor2: str | None = None, inter2: int | None = None,
          fatalities: int = 0, date: dt.date = dt.date(2024, 3, 4), admin2: str | None = None,
          outlet: str = "example.org") -> ArticleResult:
    article = Article(article_id, text, (Block(BlockKind.BODY, 0, len(text)),), f"https://{outlet}/{article_id}", outlet,
                      date + dt.timedelta(days=1), None, "en", "test")
    sentence = Span(article_id, 0, len(text), text)
    interaction = int(f"{min(inter1, inter2 or 0) or inter1}{max(inter1, inter2 or 0) if inter2 else 0}")
    event = Event(
        id=f"ev-{article_id}", event_type=event_type, sub_event_type=sub, plover="FIGHT", event_date=date,
        time_precision=1, actor1=actor1, inter1=inter1, actor2=actor2, inter2=inter2, interaction=interaction,
        country=country, admin1=admin1, admin2=admin2, location=location, latitude=lat, longitude=lon,
        geo_precision=1, geonameid=None, fatalities=fatalities, notes=text, confidence=0.75,
        evidence=(Evidence("event", sentence),), sources=(Source(article_id, article.url, outlet),),
    )
    return ArticleResult(article, (event,))


SYRIA = coded("sy-1", "Government artillery shelled the village of Tell Aswad on Monday, killing two farmers.",
              country="SY", admin1="Hama", admin2="Al-Ghab", location="Tell Aswad", lat=35.61, lon=36.41,
              event_type="Explosions/Remote violence", sub="Shelling/artillery/missile attack",
              actor1="Military Forces of Syria", inter1=1, actor2="Civilians (Syria)", inter2=7, fatalities=2,
              outlet="reuters.com")
CONGO = coded("cd-1", "Militiamen attacked a market in Kibwe on Sunday; three traders died.",
              country="CD", admin1="Nord-Kivu", location="Kibwe", lat=-1.1, lon=29.2,
              event_type="Violence against civilians", sub="Attack", actor1="Mai-Mai Militia", inter1=3,
              actor2="Civilians (Democratic Republic of Congo)", inter2=7, fatalities=3, date=dt.date(2024, 2, 11))
PALESTINE = coded("ps-1", "Residents of Beit Sahur marched against road closures on Friday.",
                  country="PS", admin1="Bethlehem", location="Beit Sahur", lat=31.7, lon=35.22,
                  event_type="Protests", sub="Peaceful protest", actor1="Protesters (Palestine)", inter1=6,
                  date=dt.date(2024, 1, 19))
KOSOVO = coded("xk-1", "Two groups of supporters fought with stones outside the stadium in Ferizaj.",
               country="XK", admin1="Ferizaj", location="Ferizaj", lat=42.37, lon=21.15,
               event_type="Riots", sub="Mob violence", actor1="Rioters (Kosovo)", inter1=5,
               actor2="Rioters (Kosovo)", inter2=5, date=dt.date(2024, 4, 2))


@pytest.fixture()
def coded_db(tmp_path: Path) -> Path:
    path = tmp_path / "coded.db"
    store = Store(str(path))
    store.save_batch([SYRIA, CONGO, PALESTINE, KOSOVO])
    store.close()
    return path


def export(db: Path, fmt: str, capsys: pytest.CaptureFixture[str], *extra: str) -> list[dict[str, str]]:
    assert main(["export", "--db", str(db), "--format", fmt, *extra]) == 0
    text = capsys.readouterr().out
    return list(csv.DictReader(io.StringIO(text)))


def test_export_header_is_acleds_current_header(coded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert list(ACLED_EXPORT_COLUMNS) == expected_header()
    assert set(ACLED_EXPORT_COLUMNS) - set(ACLED_2020_HEADER) == set(NEWER)
    assert main(["export", "--db", str(coded_db), "--format", "acled"]) == 0
    header = next(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert header == expected_header()


def test_export_writes_acleds_names_codes_and_ids(coded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = {r["location"]: r for r in export(coded_db, "acled", capsys)}
    assert len(rows) == 4
    expect = {
        "Tell Aswad": ("Syria", "760", "SYR", "Middle East"),
        "Kibwe": ("Democratic Republic of Congo", "180", "COD", "Middle Africa"),
        "Beit Sahur": ("Palestine", "275", "PSE", "Middle East"),
        "Ferizaj": ("Kosovo", "0", "XKX", "Europe"),
    }
    for place, (name, iso, iso3, region) in expect.items():
        row = rows[place]
        assert (row["country"], row["iso"], row["iso3"], row["region"]) == (name, iso, iso3, region), place
        number = row["event_id_no_cnty"]
        assert number.isdigit() and row["event_id_cnty"] == iso3 + number and row["data_id"] == number
        assert row["timestamp"].isdigit() and abs(int(row["timestamp"]) - dt.datetime.now().timestamp()) < 86400 * 2
    sy = rows["Tell Aswad"]
    assert sy["event_date"] == "2024-03-04" and sy["year"] == "2024" and sy["latitude"] == "35.61"
    assert sy["disorder_type"] == "Political violence" and sy["civilian_targeting"] == "Civilian targeting"
    assert sy["source"] == "reuters.com" and sy["source_scale"] == "International"
    assert sy["notes"] == ("On 4 March 2024, Military Forces of Syria shelled Civilians (Syria) in Tell Aswad "
                           "(Al-Ghab, Hama). 2 fatalities.")
    assert rows["Kibwe"]["civilian_targeting"] == "Civilian targeting" and rows["Kibwe"]["source_scale"] == ""
    assert rows["Beit Sahur"]["disorder_type"] == "Demonstrations" and rows["Beit Sahur"]["civilian_targeting"] == ""
    assert rows["Beit Sahur"]["notes"].startswith("On 19 January 2024, Protesters (Palestine) held a peaceful protest in Beit Sahur")
    assert rows["Ferizaj"]["disorder_type"] == "Political violence"  # Mob violence
    # Ids are stable: a second export of the same database gives the same ids.
    again = {r["location"]: r["event_id_cnty"] for r in export(coded_db, "acled", capsys)}
    assert again == {k: r["event_id_cnty"] for k, r in rows.items()}
    assert sy["event_id_no_cnty"] == str(event_number("ev-sy-1"))


def test_csv_puts_eventwire_columns_after_acleds(coded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = export(coded_db, "csv", capsys, "--country", "Syria")
    assert list(rows[0]) == expected_header() + list(EVENTWIRE_COLUMNS)
    (row,) = rows
    assert row["id"] == "ev-sy-1" and row["origin"] == "eventwire" and row["country_code"] == "SY"
    assert row["plover"] == "FIGHT" and row["confidence"] == "0.75" and row["country"] == "Syria"
    assert row["evidence_text"].startswith("Government artillery shelled")


def test_json_document_is_unchanged_but_for_origin(coded_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", str(coded_db), "--format", "json", "--country", "SY"]) == 0
    (ev,) = json.loads(capsys.readouterr().out)["events"]
    assert ev["event_id_cnty"] == ev["id"] == "ev-sy-1" and ev["country"] == ev["iso"] == "SY"
    assert ev["origin"] == "eventwire" and "acled" not in ev and "updated_at" not in ev


@pytest.mark.parametrize(("event_type", "sub", "expected"), [
    ("Battles", "Armed clash", "Political violence"),
    ("Explosions/Remote violence", "Air/drone strike", "Political violence"),
    ("Violence against civilians", "Abduction/forced disappearance", "Political violence"),
    ("Protests", "Peaceful protest", "Demonstrations"),
    ("Protests", "Protest with intervention", "Demonstrations"),
    ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
    ("Riots", "Violent demonstration", "Demonstrations"),
    ("Riots", "Mob violence", "Political violence"),
    ("Strategic developments", "Arrests", "Strategic developments"),
])
def test_disorder_type_follows_the_codebook(event_type: str, sub: str, expected: str) -> None:
    assert disorder_type(event_type, sub) == expected


def test_civilian_targeting_and_country_lookup() -> None:
    assert civilian_targeting("Violence against civilians", 3, 7) == "Civilian targeting"
    assert civilian_targeting("Riots", 5, 7) == "Civilian targeting"
    assert civilian_targeting("Battles", 1, 7) == ""  # civilians caught in a battle are not its target
    assert civilian_targeting("Explosions/Remote violence", 1, 2) == ""
    for text, code in (("Syria", "SY"), ("syria", "SY"), ("SYR", "SY"), ("sy", "SY"), ("760", "SY"),
                       ("Democratic Republic of Congo", "CD"), ("DR Congo", "CD"), ("Ivory Coast", "CI"),
                       ("Côte d'Ivoire", "CI"), ("eSwatini", "SZ"), ("Palestine", "PS"), ("Nowhere Land", None)):
        assert country_code(text) == code, text


# -- importing ACLED exports --------------------------------------------------------------------

CURRENT_HEADER = ACLED_2020_HEADER


def current_csv(path: Path) -> Path:
    """An invented export in the current schema: two good Syrian rows, one Yemeni, two bad ones."""
    rows = [
        ["9001", "760", "SYR9001", "9001", "03-March-2021", "2021", "1", "Battles", "Armed clash",
         "Military Forces of Syria (2000-)", "", "1", "Hayat Tahrir al-Sham", "", "2", "12", "Middle East", "Syria",
         "Idleb", "Ariha", "Ariha", "Kafr Nasr", "35.8121", "36.6102", "1", "Local Monitor", "Subnational",
         "On 3 March 2021, regime forces and HTS fighters clashed near Kafr Nasr (Ariha, Idleb). 1 fatality.",
         "1", "1614900000", "SYR"],
        ["9002", "760", "SYR9002", "9002", "2021-03-04", "2021", "2", "Protests", "Peaceful protest",
         "Protesters (Syria)", "Teachers (Syria)", "6", "", "", "0", "60", "Middle East", "Syria", "Aleppo",
         "Afrin", "Jandairis", "Deir Ballut", "36.4077", "36.7488", "2", "Local Monitor; Regional Outlet",
         "Subnational-Regional", "Around 4 March 2021, teachers protested over unpaid wages in Deir Ballut.",
         "0", "1614990000", "SYR"],
        ["9003", "887", "YEM9003", "9003", "5 March 2021", "2021", "1", "Explosions/Remote violence",
         "Air/drone strike", "Military Forces of Saudi Arabia (2015-)", "", "8", "Civilians (Yemen)", "", "7", "78",
         "Middle East", "Yemen", "Sadah", "Baqim", "", "Al Ruwaydah", "17.0812", "43.5031", "2", "Yemen Watch",
         "National", "On 5 March 2021, an air strike hit a farm in Al Ruwaydah (Baqim, Sadah). 0 fatalities.",
         "0", "1615000000", "YEM"],
        ["9004", "760", "SYR9004", "9004", "2021-03-06", "2021", "1", "Battles", "Armed clash", "Rebels", "", "2",
         "", "", "0", "20", "Middle East", "Syria", "Idleb", "", "", "Nowhere", "north", "36.1", "1", "", "", "",
         "0", "1615000000", "SYR"],
        ["9005", "760", "SYR9005", "9005", "the sixth of March", "2021", "1", "Battles", "Armed clash", "Rebels", "",
         "2", "", "", "0", "20", "Middle East", "Syria", "Idleb", "", "", "Somewhere", "35.9", "36.1", "1", "", "",
         "", "0", "1615000000", "SYR"],
    ]
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(CURRENT_HEADER)
        w.writerows(rows)
    return path


OLD_HEADER = ["GWNO", "EVENT_ID_CNTY", "EVENT_ID_NO_CNTY", "EVENT_DATE", "YEAR", "TIME_PRECISION", "EVENT_TYPE",
              "ACTOR1", "ALLY_ACTOR_1", "INTER1", "ACTOR2", "ALLY_ACTOR_2", "INTER2", "INTERACTION", "COUNTRY",
              "ADMIN1", "ADMIN2", "ADMIN3", "LOCATION", "LATITUDE", "LONGITUDE", "GEO_PRECISION", "SOURCE", "NOTES",
              "FATALITIES"]


def old_csv(path: Path) -> Path:
    """An invented export in the older upper-case schema, with its merged event types."""
    rows = [
        ["750", "1IND", "1", "02-January-2015", "2015", "1", "Riots/Protests", "Rioters (India)", "", "5",
         "Police Forces of India (2014-)", "", "1", "15", "India", "Bihar", "Patna", "", "Danapur", "25.62", "85.04",
         "1", "Daily Example", "Villagers threw stones at police after a road accident.", "0"],
        ["750", "2IND", "2", "03-January-2015", "2015", "1", "Riots/Protests", "Protesters (India)", "", "6", "", "",
         "0", "60", "India", "Kerala", "Kollam", "", "Kollam", "8.88", "76.59", "1", "Daily Example",
         "Fishermen held a sit-in against fuel prices.", "0"],
        ["770", "3PAK", "3", "04-January-2015", "2015", "1", "Remote violence", "Unidentified Armed Group (Pakistan)",
         "", "3", "Civilians (Pakistan)", "", "7", "37", "Pakistan", "Balochistan", "Kech", "", "Turbat", "26.0",
         "63.05", "2", "Frontier Post Example", "Unknown men shelled a bus stand; two people were killed.", "2"],
        ["771", "4BNG", "4", "05-January-2015", "2015", "1", "Battle-No change of territory", "Military Forces of Bangladesh (2009-)",
         "", "1", "Unidentified Armed Group (Bangladesh)", "", "3", "13", "Bangladesh", "Dhaka", "Dhaka", "",
         "Savar", "23.85", "90.26", "1", "Example Tribune", "Security forces exchanged fire with gunmen.", "1"],
        ["750", "5IND", "5", "06-January-2015", "2015", "1", "Violence Against Civilians", "Unidentified Armed Group (India)",
         "", "3", "Civilians (India)", "", "7", "37", "India", "Assam", "Kokrajhar", "", "Gossaigaon", "26.43",
         "89.98", "2", "Example Times", "Gunmen abducted a shopkeeper.", "0"],
        ["750", "6IND", "6", "07-January-2015", "2015", "1", "Air raid", "Someone", "", "1", "", "", "0", "10",
         "India", "Assam", "", "", "Tezpur", "26.63", "92.8", "1", "", "An unknown kind of event.", "0"],
    ]
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(OLD_HEADER)
        w.writerows(rows)
    return path


def test_import_current_schema_is_idempotent_and_records_rejects(db_url: str, tmp_path: Path) -> None:
    store = Store(db_url)
    summary = import_acled(store, str(current_csv(tmp_path / "current.csv")))
    assert (summary.schema, summary.added, summary.existing) == ("current", 3, 0)
    reasons = {r.position: (r.reason, r.message) for r in summary.rejects}
    assert reasons[5][0] == "bad_record" and "latitude 'north'" in reasons[5][1]
    assert reasons[6][0] == "bad_date" and "the sixth of March" in reasons[6][1]
    again = import_acled(store, str(tmp_path / "current.csv"))
    assert (again.added, again.existing) == (0, 3)
    assert count_events(store, EventFilter()) == 3
    assert len(list(iter_rejects(store))) == 2  # a re-import records its rejects once

    syria = list_events(store, EventFilter(origin="acled", country="Syria"))
    assert {e["id"] for e in syria} == {"acled-SYR9001", "acled-SYR9002"}
    clash = next(e for e in syria if e["id"] == "acled-SYR9001")
    assert clash["event_date"] == dt.date(2021, 3, 3) and clash["country"] == "SY" and clash["origin"] == "acled"
    assert clash["acled"]["event_id_cnty"] == "SYR9001" and clash["acled"]["source_scale"] == "Subnational"
    assert clash["plover"] == "FIGHT" and clash["confidence"] is None
    assert count_events(store, EventFilter(country="YEM")) == 1
    assert count_events(store, EventFilter(origin="eventwire")) == 0
    assert count_events(store, EventFilter(q="teachers wages")) == 1  # ACLED's notes are searchable

    # Written back as ACLED had it.
    out = io.StringIO()
    write_acled(iter_events(store, EventFilter(country="SY")), out)
    back = {r["event_id_cnty"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    assert set(back) == {"SYR9001", "SYR9002"}
    assert back["SYR9002"]["source"] == "Local Monitor; Regional Outlet" and back["SYR9002"]["timestamp"] == "1614990000"
    assert back["SYR9002"]["assoc_actor_1"] == "Teachers (Syria)" and back["SYR9002"]["disorder_type"] == "Demonstrations"
    assert back["SYR9001"]["data_id"] == "9001" and back["SYR9001"]["iso"] == "760" and back["SYR9001"]["event_date"] == "2021-03-03"
    store.close()


def test_import_old_schema_maps_merged_event_types(db_url: str, tmp_path: Path) -> None:
    store = Store(db_url)
    summary = import_acled(store, str(old_csv(tmp_path / "old.csv")))
    assert (summary.schema, summary.added) == ("old", 5)
    (reject,) = summary.rejects
    assert (reject.position, reject.reason) == (7, "bad_record") and "Air raid" in reject.message
    got = {e["id"]: (e["event_type"], e["sub_event_type"]) for e in list_events(store, EventFilter(origin="acled"))}
    assert got == {
        "acled-1IND": ("Riots", "Violent demonstration"),
        "acled-2IND": ("Protests", "Peaceful protest"),
        "acled-3PAK": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        "acled-4BNG": ("Battles", "Armed clash"),
        "acled-5IND": ("Violence against civilians", "Abduction/forced disappearance"),
    }
    (ev,) = list_events(store, EventFilter(country="Pakistan"))
    assert ev["acled"]["original_event_type"] == "Remote violence" and ev["acled"]["iso"] == 586
    assert ev["acled"]["region"] == "Southern Asia" and ev["fatalities"] == 2
    assert import_acled(store, str(tmp_path / "old.csv")).added == 0
    store.close()


def test_map_event_type_keeps_current_types() -> None:
    assert map_event_type("Riots", "Mob violence", 5, 7, 0, "") == ("Riots", "Mob violence")
    assert map_event_type("Riots/Protests", None, 6, 1, 0, "") == ("Protests", "Protest with intervention")
    assert map_event_type("Riots/Protests", None, 5, 7, 0, "") == ("Riots", "Mob violence")
    assert map_event_type("Strategic development", None, 1, 0, 0, "Police arrested a party leader.") == ("Strategic developments", "Arrests")


def test_imported_events_never_merge_with_coded_ones(db_url: str, tmp_path: Path) -> None:
    store = Store(db_url)
    import_acled(store, str(current_csv(tmp_path / "current.csv")))
    near = coded("sy-near", "Regime forces clashed with HTS fighters near Kafr Nasr on Wednesday.",
                 country="SY", admin1="Idleb", location="Kafr Nasr", lat=35.8121, lon=36.6102, event_type="Battles",
                 sub="Armed clash", actor1="Military Forces of Syria", inter1=1, actor2="Hayat Tahrir al-Sham", inter2=2,
                 fatalities=1, date=dt.date(2021, 3, 3))
    store.save_batch([near])
    assert count_events(store, EventFilter(country="SY")) == 3
    assert count_events(store, EventFilter(origin="eventwire")) == 1
    assert store.explain("acled-SYR9001")["reports"] == []
    store.close()


def test_cli_events_origin_acled_country_syria(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "mixed.db"
    store = Store(str(db))
    store.save_batch([SYRIA, CONGO])
    store.close()
    assert main(["import-acled", "--db", str(db), str(current_csv(tmp_path / "c.csv")), str(old_csv(tmp_path / "o.csv"))]) == 3
    err = capsys.readouterr().err
    assert "3 ACLED events imported" in err and "5 ACLED events imported" in err and "[bad_date]" in err
    assert main(["events", "--db", str(db), "--origin", "acled", "--country", "Syria"]) == 0
    out = capsys.readouterr().out
    assert "acled-SYR9001" in out and "acled-SYR9002" in out and "2 events" in out
    assert "ev-sy-1" not in out and "YEM" not in out
    assert main(["events", "--db", str(db), "--country", "Syria", "--format", "json"]) == 0
    origins = sorted(e["origin"] for e in json.loads(capsys.readouterr().out)["events"])
    assert origins == ["acled", "acled", "eventwire"]
    assert main(["events", "--db", str(db), "--origin", "eventwire", "--country", "Democratic Republic of Congo"]) == 0
    assert "ev-cd-1" in capsys.readouterr().out


def test_api_filters_by_origin_and_marks_acled_points(tmp_path: Path) -> None:
    db = tmp_path / "api.db"
    store = Store(str(db))
    store.save_batch([SYRIA])
    import_acled(store, str(current_csv(tmp_path / "c.csv")))
    store.close()
    client = TestClient(create_app(Settings(db=str(db))), raise_server_exceptions=False)
    body = client.get("/api/events", params={"origin": "acled", "country": "Syria"}).json()
    assert body["total"] == 2 and {e["origin"] for e in body["items"]} == {"acled"}
    item = next(e for e in body["items"] if e["id"] == "acled-SYR9001")
    assert item["event_id_cnty"] == "SYR9001" and item["acled"]["region"] == "Middle East" and item["source"] == "Local Monitor"
    assert client.get("/api/events", params={"origin": "eventwire"}).json()["total"] == 1
    assert client.get("/api/events", params={"origin": "nope"}).status_code == 422
    pts = client.get("/api/points").json()
    assert pts["origins"][0] == "eventwire"
    by_id = {p[0]: p for p in pts["points"]}
    assert len(by_id["ev-sy-1"]) == 5 and pts["origins"][by_id["acled-SYR9001"][5]] == "acled"


def test_older_database_gains_the_origin_column(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    store = Store(str(path))
    store.save_batch([SYRIA])
    store.close()
    con = sqlite3.connect(path)  # undo what this version added, as a database made before it
    if sqlite3.sqlite_version_info < (3, 35, 0):
        pytest.skip("this SQLite cannot drop columns")
    con.executescript(
        "DROP INDEX ix_events_origin_type_date; DROP TABLE acled_events;"
        "ALTER TABLE events DROP COLUMN origin; ALTER TABLE events DROP COLUMN updated_at;"
    )
    con.close()
    store = Store(str(path))
    (ev,) = list_events(store, EventFilter(origin="eventwire"))
    assert ev["id"] == "ev-sy-1"
    assert import_acled(store, str(current_csv(tmp_path / "c.csv"))).added == 3
    store.close()
