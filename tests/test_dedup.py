"""Near-duplicates and language: what is folded away or rejected must really be a copy, or
really not English. The pairs and sentences here are written by the team for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.dedup import DUPLICATE_JACCARD, differences, same_story, similarity, sketch, to_bytes
from eventwire.ingest import read_inputs
from eventwire.ingest.language import identify
from eventwire.records import Article, ArticleResult, Block, BlockKind, Reject
from eventwire.settings import Settings
from eventwire.store import Store

# -- template briefs: one sentence, one changed fact --------------------------------------------

SITIN = ("On 3 March 2021, shopkeepers staged a sit-in outside the deputy commissioner's office in "
         "{town} town ({town}, Sindh) against prolonged power cuts and inflated electricity bills.")
MORTAR = ("On {day} July 2019, militia fighters fired {calibre}mm mortars and grenade launchers at the "
          "positions of the government forces in the area of {village}, near the contact line. "
          "No casualties were reported by either side.")
BULLETIN = ("District police said {actor} attacked a checkpoint on the outskirts of Kolwezi late on "
            "Saturday, killing {n} officers before withdrawing into the surrounding bush. A search "
            "operation was under way, a police spokesman told reporters.")
ABDUCTION = ("On 14 November 2022, unidentified gunmen abducted {n} passengers travelling in a minibus "
             "on the road between Gusau and Tsafe (Zamfara). The victims were taken to an unknown "
             "location and a ransom was later demanded from their families.")

TEMPLATE_PAIRS = [
    pytest.param(SITIN.format(town="Larkana"), SITIN.format(town="Dadu"), id="town"),
    pytest.param(SITIN.format(town="Khairpur"), SITIN.format(town="Jacobabad"), id="town-2"),
    pytest.param(MORTAR.format(day=12, calibre=82, village="Troitske"),
                 MORTAR.format(day=12, calibre=82, village="Novozvanivka"), id="village"),
    pytest.param(MORTAR.format(day=12, calibre=82, village="Troitske"),
                 MORTAR.format(day=13, calibre=82, village="Troitske"), id="date"),
    pytest.param(MORTAR.format(day=12, calibre=82, village="Troitske"),
                 MORTAR.format(day=12, calibre=120, village="Troitske"), id="calibre"),
    pytest.param(BULLETIN.format(actor="Mai-Mai militiamen", n="two"),
                 BULLETIN.format(actor="Mai-Mai militiamen", n="three"), id="number-word"),
    pytest.param(ABDUCTION.format(n=9), ABDUCTION.format(n=11), id="number"),
    pytest.param(BULLETIN.format(actor="Mai-Mai militiamen", n="two"),
                 BULLETIN.format(actor="CODECO fighters", n="two"), id="actor-name"),
    pytest.param(SITIN.format(town="Larkana").replace("shopkeepers", "lawyers"),
                 SITIN.format(town="Larkana"), id="actor-noun"),
    pytest.param(SITIN.format(town="Larkana"), SITIN.format(town="Larkana").replace("March", "April"), id="month"),
]


@pytest.mark.parametrize("a, b", TEMPLATE_PAIRS)
def test_template_briefs_that_differ_in_one_fact_are_not_copies(a: str, b: str) -> None:
    assert differences(a, b)
    assert not same_story(a, b) and not same_story(b, a)


# -- wire copies: the same story with re-publication changes -------------------------------------

STORY = (
    "Police fired tear gas at hundreds of cane growers who blocked the national highway near "
    "Muzaffarnagar on Tuesday, demanding that sugar mills clear payments that are months overdue.\n"
    "Several protesters were detained and traffic was diverted for most of the afternoon, a "
    "district official said, adding that talks with the growers' union would resume on Thursday.\n"
    "The union has called a wider strike across western Uttar Pradesh if the arrears are not paid "
    "by the end of the month."
)
FIRST, SECOND, THIRD = STORY.split("\n")

WIRE_COPIES = [
    pytest.param(STORY, "Cane growers block highway, police use tear gas\n" + STORY, id="headline-added"),
    pytest.param("Growers clash with police over unpaid dues\n" + STORY,
                 "Police tear-gas protesting farmers in Uttar Pradesh\n" + STORY, id="headline-changed"),
    pytest.param(STORY, "MUZAFFARNAGAR, India (Reuters) - " + STORY, id="dateline"),
    pytest.param("LUCKNOW, Nov 3 (Reuters) - " + STORY, "Lucknow, India (AFP) - " + STORY, id="dateline-agency-swap"),
    pytest.param(STORY, "Share\n" + FIRST + "\nAdvertisement\n" + SECOND + "\nRead more\n" + THIRD
                 + "\nReporting by Sanjay Mehta; Editing by Clare Holt", id="boilerplate-and-credit"),
    pytest.param(STORY, "By Priya Raman\nReuters\n" + STORY, id="byline-and-agency-line"),
    pytest.param(STORY, FIRST + " " + SECOND + "\n" + THIRD, id="paragraphs-joined"),
    pytest.param(STORY, STORY + "\nThe state government did not respond to a request for comment.", id="extra-paragraph"),
]


@pytest.mark.parametrize("a, b", WIRE_COPIES)
def test_wire_copies_with_changed_boilerplate_are_copies(a: str, b: str) -> None:
    assert differences(a, b) == []
    assert similarity(sketch(a), sketch(b)) >= DUPLICATE_JACCARD


def test_two_datelines_from_two_places_are_two_reports() -> None:
    body = "Gunmen stormed a village overnight and set fire to several houses, residents said."
    assert not same_story("JOS, Nigeria (Reuters) - " + body, "MAKURDI, Nigeria (Reuters) - " + body)


def _article(article_id: str, text: str) -> Article:
    return Article(article_id, text, (Block(BlockKind.BODY, 0, len(text)),), source="example.org")


def test_run_path_folds_copies_but_codes_template_siblings(tmp_path: Path) -> None:
    """find_copies (what `eventwire run` does): against stored articles and within a batch."""
    from eventwire.run import find_copies

    store = Store(str(tmp_path / "d.sqlite"))
    first = SITIN.format(town="Larkana")
    store.save_batch([ArticleResult(_article("larkana", first))], sketches={"larkana": to_bytes(sketch(first))})
    batch = [
        _article("dadu", SITIN.format(town="Dadu")),  # a sibling of a stored article
        _article("larkana-copy", "Traders protest power cuts\nShare\n" + first + "\nAdvertisement"),
        _article("troitske", MORTAR.format(day=12, calibre=82, village="Troitske")),
        _article("novozvanivka", MORTAR.format(day=12, calibre=82, village="Novozvanivka")),  # sibling in the batch
        _article("troitske-copy", "KYIV (Reuters) - " + MORTAR.format(day=12, calibre=82, village="Troitske")),
    ]
    _, copies = find_copies(batch, store)
    assert copies == {"larkana-copy": "larkana", "troitske-copy": "troitske"}


# -- language ------------------------------------------------------------------------------------

SHORT_ENGLISH = [
    "On 2 May 2021, Tatmadaw troops shelled Hpakant, Lonkin and Seng Tawng (Kachin).",
    "Clashes in Kidal, Tessalit and Aguelhok between FAMa and CSP-PSD fighters.",
    "Tribesmen of Bani Hushaish blocked the Sanaa-Marib road near Nihm and Sirwah.",
    "Shelling reported in Marinka, Krasnohorivka and Avdiivka; two homes damaged.",
    "Protest at Ngozi and Kayanza over fuel shortages; police dispersed the crowd.",
    "Al-Shabaab attacked AMISOM base in Bulo Marer, Lower Shabelle; 3 killed.",
]
SHORT_FOREIGN = [
    ("fr", "Des manifestants se sont rassemblés devant la préfecture de Lyon pour dénoncer la hausse des prix."),
    ("fr", "La police a dispersé la foule avec des gaz lacrymogènes et plusieurs personnes ont été arrêtées."),
    ("es", "Cientos de agricultores bloquearon la carretera cerca de Sevilla para protestar contra los precios."),
    ("es", "Los soldados abrieron fuego contra un grupo armado en las afueras de la ciudad el martes."),
    ("de", "Hunderte Menschen demonstrierten am Samstag in Leipzig gegen die geplante Schließung des Werks."),
    ("de", "Was in der Nacht in Köln geschah, ist noch unklar, sagte ein Sprecher der Polizei."),
    ("id", "Ratusan mahasiswa berunjuk rasa di depan gedung DPRD Makassar menolak kenaikan harga bahan bakar."),
    ("id", "Polisi menangkap tiga orang yang diduga terlibat dalam bentrokan di Ambon pada hari Minggu."),
]


@pytest.mark.parametrize("text", SHORT_ENGLISH)
def test_short_english_dense_with_place_names_is_coded(text: str) -> None:
    found = identify(text, ("en",))
    assert found.coded, (found, text)
    assert 0.0 <= found.confidence <= 1.0


@pytest.mark.parametrize("code, text", SHORT_FOREIGN)
def test_short_text_in_another_language_is_still_rejected(code: str, text: str) -> None:
    found = identify(text, ("en",))
    assert not found.coded and found.code == code


def test_ingest_records_language_and_confidence_and_rejects_other_languages(tmp_path: Path) -> None:
    english, french = tmp_path / "en.txt", tmp_path / "fr.txt"
    english.write_text(SHORT_ENGLISH[0], encoding="utf-8")
    french.write_text(SHORT_FOREIGN[0][1], encoding="utf-8")
    article, reject = list(read_inputs([str(english), str(french)], Settings()))
    assert isinstance(article, Article) and article.language and article.language_confidence is not None
    assert isinstance(reject, Reject) and reject.reason == "not_english"
