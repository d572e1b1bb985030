"""Event mentions: where a sentence reports that something in the codebook's sense happened.

A sentence is only a candidate event when it holds a *mention*: a trigger from the lexicon
(`data/coding/lexicon.json`, written from the ACLED codebook) that is

* used in its event sense (not a compound modifier of another noun as in "bomb squad", not inside a
  name as in "Battle of Britain", not transitive where the event sense is intransitive as in
  "demonstrated a recipe");
* asserted as having happened: not negated, not under a modal or a future, not the complement of
  plan / threaten / fear / call for, not in a question or a condition;
* given the participants its family needs: violence needs an armed party (a conflict actor or a
  weapon of war in the sentence, a weak cue such as "gunmen" or "police" in an article that
  also has a strong one, or police named by their nation) and no sign of ordinary crime,
  accidents or sport; in a war report a bare "fighting" needs no armed word of its own; a protest needs a crowd
  and is never a government's verbal protest; an arrest needs a political target.

Each check is a small pure function over the spaCy parse, so a rejected mention says why
(`Mention.reason`). The classifier is not consulted here: it later chooses among the sub-event
types that the accepted mentions allow.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..geo.demonyms import demonym_country

_NAME_ENTS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "PRODUCT", "LAW", "EVENT", "FAC"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_PLACE_NOUNS = frozenset(
    "town city village district area base airport position positions territory region province checkpoint "
    "hill neighbourhood neighborhood camp road route highway bridge crossing border outskirts suburb "
    "valley island port mountain airbase outpost garrison headquarters zone settlement county commune "
    "municipality locality quarter enclave stronghold front oilfield field post building compound".split()
)
_FORCES = frozenset("police policeman policemen officer soldier troop army force guard military".split())


@dataclass(frozen=True, slots=True)
class Trigger:
    words: tuple[str, ...]
    family: str
    pos: str | None = None
    needs: str | None = None
    intransitive: bool = False
    use: bool = False  # a weapon noun: an event only where something is done with it
    sure: bool = False  # names a demonstration whatever the words around it ("held a protest")


@dataclass(frozen=True, slots=True)
class Family:
    name: str
    priority: int
    needs: str
    default: str
    sub_types: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    families: dict[str, Family]
    by_first: dict[str, tuple[Trigger, ...]]
    cues: dict[str, frozenset[str]]
    cue_phrases: dict[str, tuple[tuple[str, ...], ...]]
    irrealis_heads: frozenset[str]
    irrealis_nouns: frozenset[str]
    modals: frozenset[str]
    use_verbs: frozenset[str]
    event_nouns: frozenset[str]  # nouns that name an event done with a weapon ("attack", "round")
    modifiable_nouns: frozenset[str]  # nouns a trigger may modify and still be one ("rocket attack")
    individual_agents: frozenset[str]
    court_heads: frozenset[str]
    generic_subjects: frozenset[str]
    idiom_objects: dict[str, frozenset[str]]
    belief_heads: frozenset[str]
    reference_heads: frozenset[str]
    event_object_verbs: frozenset[str] = frozenset()
    forces_by_men: dict[str, str] = field(default_factory=dict)  # "patrol" -> "soldiers": who was hit
    count_nouns: frozenset[str] = frozenset()  # "the number of attacks": a statistic, not an event


@dataclass(frozen=True, slots=True)
class Mention:
    """One trigger in one sentence; `accepted` mentions become candidate events."""

    start: int  # token index of the trigger's first token in its Doc
    end: int
    head: int  # token index of the trigger's head token (the predicate or event noun)
    family: str
    accepted: bool
    reason: str | None = None  # why a mention was not accepted


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = json.loads(resources.files("eventwire").joinpath("data/coding/lexicon.json").read_text(encoding="utf-8"))
    families = {name: Family(name, f["priority"], f["needs"], f["default"], tuple(f["sub_types"])) for name, f in raw["families"].items()}
    by_first: dict[str, list[Trigger]] = {}
    for t in raw["triggers"]:
        words = tuple(_split(t["words"]))
        trig = Trigger(words, t["family"], t.get("pos"), t.get("needs"), bool(t.get("intransitive")), bool(t.get("use")), bool(t.get("sure")))
        by_first.setdefault(words[0], []).append(trig)
    cues: dict[str, frozenset[str]] = {}
    phrases: dict[str, tuple[tuple[str, ...], ...]] = {}
    for name, words in raw["cues"].items():
        cues[name] = frozenset(w for w in words if " " not in w and "-" not in w)
        phrases[name] = tuple(tuple(_split(w)) for w in words if " " in w or "-" in w)
    return Lexicon(
        families,
        {k: tuple(sorted(v, key=lambda t: -len(t.words))) for k, v in by_first.items()},
        cues,
        phrases,
        frozenset(raw["irrealis_heads"]),
        frozenset(raw["irrealis_nouns"]),
        frozenset(raw["modals"]),
        frozenset(raw["use_verbs"]),
        frozenset(raw["event_nouns_extra"]),
        frozenset(_split(t["words"])[-1] for t in raw["triggers"]) | frozenset(raw["event_nouns_extra"]),
        frozenset(raw["individual_agents"]),
        frozenset(raw["court_heads"]),
        frozenset(raw["generic_subjects"]),
        {k: frozenset(v) for k, v in raw["idiom_objects"].items()},
        frozenset(raw["belief_heads"]),
        frozenset(raw["reference_heads"]),
        frozenset(raw.get("event_object_verbs", ())),
        dict(raw.get("forces_by_men", {})),
        frozenset(raw.get("count_nouns", ())),
    )


@lru_cache(maxsize=1)
def gang_violence_countries() -> frozenset[str]:
    """ISO codes of the countries where ACLED codes gang and unidentified armed violence."""
    raw = json.loads(resources.files("eventwire").joinpath("data/coding/gang_violence.json").read_text(encoding="utf-8"))
    return frozenset(raw["countries"])


def _split(words: str) -> list[str]:
    """Lexicon phrases are split the way spaCy splits text: hyphens are tokens of their own."""
    return words.lower().replace("-", " - ").split()


def _forms(tok: Token) -> tuple[str, str]:
    if tok.pos_ == "PROPN" and (tok.tag_ == "NNPS" or tok.lower_.endswith("ers")):
        # "Swaraj Abhiyan Protesters", "Maoist Rebels": a capitalised plural keeps its plural as
        # lemma; the singular is the word the lexicon knows
        lower = tok.lower_
        return (lower[:-3] + "y" if lower.endswith("ies") else lower[:-1] if lower.endswith("s") and not lower.endswith("ss") else lower), lower
    return tok.lemma_.lower(), tok.lower_


def _matches(tok: Token, word: str) -> bool:
    lemma, lower = _forms(tok)
    return word == lemma or word == lower


def find_triggers(sent: SpacySpan, lex: Lexicon | None = None) -> list[tuple[int, int, Trigger]]:
    """Every lexicon trigger in the sentence as (start, end, trigger), longest first at a token,
    never two overlapping."""
    lex = lex or load_lexicon()
    out: list[tuple[int, int, Trigger]] = []
    doc = sent.doc
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        cands = lex.by_first.get(tok.lemma_.lower(), ()) + lex.by_first.get(tok.lower_, ())
        hits: list[tuple[int, int, Trigger]] = []
        for trig in sorted(cands, key=lambda t: -len(t.words)):
            n = len(trig.words)
            if i + n > sent.end or (hits and n < hits[0][1] - hits[0][0]):
                continue
            if all(_matches(doc[i + k], w) for k, w in enumerate(trig.words)):
                head = _phrase_head(doc[i : i + n])
                if trig.pos and head.pos_ != trig.pos and not (trig.pos == "VERB" and head.pos_ == "AUX"):
                    continue
                if all(h[2].family != trig.family for h in hits):
                    hits.append((i, i + n, trig))  # one word may be read in two senses ("seized" a town / weapons)
        if hits:
            out.extend(hits)
            i = hits[0][1]
        else:
            i += 1
    return out


def _phrase_head(span: SpacySpan) -> Token:
    """The token of a trigger phrase that the rest of the sentence attaches to."""
    if len(span) == 1:
        return span[0]
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX")]
    if verbs:
        return verbs[0]
    return span.root


# --- sense and assertion ----------------------------------------------------------------------


def sense_problem(head: Token, start: int, end: int, trig: Trigger, lex: Lexicon) -> str | None:
    """Why the trigger is not used in its event sense here, or None."""
    if head.ent_type_ in _NAME_ENTS and not _is_actor_entity_ok(head):
        return "name"
    if head.pos_ in ("PROPN",) and head.lower_ == "march":
        return "month"
    doc = head.doc
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].is_stop or end < len(doc) - 1 and doc[end].text == "-" and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        return "compound word"  # "tug-of-war", "war-weary", "strike-hit": a word of its own
    if head.dep_ == "compound" and head.head.i >= end and head.head.lemma_.lower() not in lex.modifiable_nouns:
        return "modifier"  # "bomb squad", "protest movement", "attack helicopter"
    if head.dep_ == "amod" and head.tag_ in ("JJ", "VBG") and trig.family != "protest" and head.head.lemma_.lower() not in lex.modifiable_nouns:
        return "modifier"  # "striking footage", "an attacking midfielder" (but "striking workers" are on strike)
    if trig.intransitive and any(c.dep_ in ("dobj", "ccomp") for c in head.children):
        return "transitive"  # "demonstrated the recipe", "demonstrated that ..."
    idioms = lex.idiom_objects.get(" ".join(trig.words))
    if idioms and head.pos_ in ("VERB", "AUX") and takes_idiom_object(head, idioms):
        return "idiom"  # "struck a deal", "shot a film", "executed the plan"
    if head.pos_ == "NOUN" and trig.family == "protest":
        pobj = _of_object(head)
        if pobj is not None and pobj.lemma_.lower() not in lex.cues["crowd"] and pobj.tag_ not in ("NNS", "NNPS"):
            return "not a protest"  # "a demonstration of military power"
    if trig.family == "protest" and head.pos_ in ("VERB", "AUX") and any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children):
        return "passive"  # "the driver was struck", "the plan was protested": a crowd acts, it is not acted on
    if head.pos_ == "NOUN" and trig.family == "blast":
        pobj = _of_object(head)
        weapons = lex.cues["weapons_context"] | lex.cues["blast_context"] | lex.cues["remote_weapon"]
        if pobj is not None and not {t.lemma_.lower() for t in pobj.subtree} & weapons:
            return "not a blast"  # "an explosion of plankton", "an explosion of interest"
    if head.pos_ in ("VERB", "AUX"):
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.head.dep_ == "relcl":
            subj = subj.head.head
        if subj is not None and subj.lower_ in ("who", "that") and head.dep_ == "relcl":
            subj = head.head
        if subj is not None and subj.lower_ in lex.generic_subjects:
            return "generic"  # "anybody who is fighting with their family"
    if head.lemma_.lower() in lex.event_object_verbs and head.pos_ in ("VERB", "AUX"):
        pobjs = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children if g.dep_ == "pobj"]
        if pobjs and not any(p.lemma_.lower() in lex.modifiable_nouns or p.lower_ in lex.modifiable_nouns for p in pobjs):
            return "idiom"  # "engaged in a tug-of-war", "engaged in talks"
    if trig.use and not _used(head, lex):
        return "weapon not used"  # "with regard to rockets", "protected from bullets and grenades"
    return None


def _of_object(noun: Token) -> Token | None:
    """What "X of Y" says X is of: Y."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None


def _used(noun: Token, lex: Lexicon) -> bool:
    """Whether a weapon noun is something done: fired, launched, landed, killed, or the modifier
    of an event noun ("rocket attack", "mortar round", "artillery fire")."""
    node = noun
    for _ in range(4):
        if node.lemma_.lower() in lex.use_verbs and node.pos_ in ("VERB", "AUX") and node.dep_ not in ("amod", "compound"):
            return True
        if node is not noun and node.pos_ == "NOUN" and node.lemma_.lower() in lex.event_nouns:
            return True
        if node.dep_ in ("ROOT",) or node.head is node:
            break
        if node.dep_ in ("relcl", "advcl", "ccomp", "parataxis"):
            break
        node = node.head
    return any(c.lemma_.lower() in lex.use_verbs and c.pos_ == "VERB" and c.dep_ in ("acl", "relcl") for c in noun.children)


def _is_actor_entity_ok(head: Token) -> bool:
    """Entity types on lone common words are often wrong ("Clashes" tagged ORG in a headline)."""
    return head.is_lower


def assertion_problem(head: Token, sent: SpacySpan, lex: Lexicon) -> str | None:
    """Why the mention is not asserted as having happened, or None."""
    if sent.text.rstrip().rstrip('"”’\')').endswith("?"):
        return "question"
    if any(a.lemma_.lower() in lex.belief_heads and a.pos_ in ("VERB", "AUX") for a in head.ancestors):
        return "supposed"  # "the defence suggested it was she who killed", "officials denied reports that ..."
    if head.pos_ == "VERB" and head.dep_ == "amod" and head.tag_ == "VBN" and head.head.i > head.i and not list(head.children) and head.head.lemma_.lower() not in ("stone", "rock", "fire"):
        return "reference"  # "the family of murdered soldier X": an earlier event named, not reported
    through_noun = head.pos_ == "NOUN"
    through_verb = head.pos_ in ("VERB", "AUX")  # "a number of citizens protested": counted people acted
    for a in head.ancestors:
        if a.pos_ == "VERB" and a.lemma_.lower() in lex.reference_heads and through_noun:
            return "reference"  # "to highlight the offensive", "prosecuting the murders (in which ...)"
        if a.pos_ in ("VERB", "AUX"):
            through_verb = True
        if a.pos_ == "NOUN":
            if a.lemma_.lower() in lex.irrealis_nouns and not (through_verb and a.lemma_.lower() in lex.count_nouns):
                return "irrealis"  # "calls for Israel to hand over maps of where the army dropped bombs"
            through_noun = True
    if _time_reference(head):
        return "reference"  # "a week after 44 people were killed", "the shooting comes after the killing"
    for a in [head, *head.ancestors]:
        if any(c.dep_ == "prep" and c.lower_ == "since" and c.i < head.i and head in c.subtree for c in a.children):
            return "background"  # "since the attack in March 2016"
    node = head
    for _ in range(10):
        for child in node.children:
            low = child.lower_
            if child.dep_ == "neg" or low in ("never", "no") and child.dep_ in ("neg", "det", "advmod"):
                return "negated"
            if child.dep_ in ("aux", "auxpass") and low in lex.modals:
                return "modal"
            if child.dep_ == "aux" and low == "going" or (child.dep_ == "mark" and low in ("if", "unless", "whether")):
                return "conditional" if low != "going" else "future"
            if child.dep_ == "mark" and low == "since" and node.pos_ in ("VERB", "AUX"):
                return "background"  # "violence dropped since the cleric declared a ceasefire"
        if node.dep_ in ("xcomp", "ccomp", "acl", "relcl", "advcl", "pcomp", "pobj", "dobj", "nsubj", "nsubjpass", "compound", "conj", "amod", "appos", "prep"):
            parent = node.head
            if parent is node:
                break
            lemma = parent.lemma_.lower()
            if node.dep_ in ("xcomp", "ccomp", "pcomp") and lemma in lex.irrealis_heads or node.dep_ == "prep" and parent.pos_ == "ADJ" and lemma in lex.irrealis_heads:
                return "irrealis"  # "plans to attack", "interested in closing a deal"
            if node.dep_ in ("dobj",) and lemma in lex.irrealis_heads and head.pos_ == "NOUN":
                return "irrealis"  # "plan an attack", "threatened strikes"
            if node.dep_ in ("prep", "pcomp", "xcomp", "ccomp") and lemma in lex.court_heads:
                return "court"  # "charged with assault", "accused of plotting an attack"
            if parent.pos_ == "NOUN" and lemma in lex.irrealis_nouns and not (head.pos_ == "VERB" and lemma in lex.count_nouns):
                return "irrealis"  # "fears of an attack", "the trial of the bombing suspects"
            if node.dep_ in ("acl", "advcl", "conj", "appos") and parent.pos_ in ("NOUN", "PROPN"):
                break
            if node.dep_ == "conj" and parent.pos_ in ("VERB", "AUX"):
                node = parent
                continue
            node = parent
            if node.dep_ == "ROOT":
                for child in node.children:
                    if child.dep_ == "neg" and head.pos_ != "NOUN":
                        return "negated"
                    if child.dep_ in ("aux",) and child.lower_ in lex.modals and head.pos_ != "NOUN":
                        return "modal"
                break
        else:
            break
    return None


_TEMPORAL_MARKS = frozenset({"after", "before", "following", "until"})
_COME_MARKS = _TEMPORAL_MARKS | {"amid"}  # "comes after", "came amid"
_TIME_UNITS = frozenset({"minute", "hour", "day", "week", "month", "year", "decade", "weekend", "moment"})


def _time_reference(head: Token) -> bool:
    """The mention dates another statement ("days after the bombing, residents returned", "the
    shooting comes after the police killing"): an earlier event recalled as a reference time,
    reported (if at all) in a sentence of its own."""
    sent = head.sent
    for t in sent:
        if t.i >= head.i - 1:
            break
        if t.lemma_.lower() == "come" and t.pos_ == "VERB" and t.nbor(1).lower_ in _COME_MARKS:
            return True  # "the shooting comes after the police killing ... sparked protests"
    for node in [head, *head.ancestors]:
        if node.dep_ in ("advcl", "ccomp"):
            mark = next((c for c in node.children if c.dep_ == "mark" and c.lower_ in _TEMPORAL_MARKS), None)
        elif node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.lower_ in _TEMPORAL_MARKS:
            mark = node.head
        else:
            continue
        if mark is None:
            return False
        governor = mark.head if mark.dep_ == "prep" else node.head
        spans = [*mark.children, *node.children, *governor.children, governor]
        if any(t.lemma_.lower() in _TIME_UNITS and t.dep_ == "npadvmod" for t in spans):
            return True
        return governor.lemma_.lower() == "come" and governor.pos_ in ("VERB", "AUX")
    return False


# --- participants ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cues:
    """The cue words found in one sentence (lemmas), and whether the article has strong ones."""

    found: dict[str, frozenset[str]]
    article_armed: bool

    def has(self, name: str) -> bool:
        return bool(self.found.get(name))


def sentence_cues(sent: SpacySpan, lex: Lexicon | None = None, skip: Collection[int] = ()) -> dict[str, frozenset[str]]:
    """Which cue lists have a word in the sentence (tokens whose index is in `skip` do not count)."""
    lex = lex or load_lexicon()
    kept = [t for t in sent if t.i not in skip]
    forms = [_forms(t) for t in kept]
    flat = {f for pair in forms for f in pair}
    common = {f for t, pair in zip(kept, forms) if t.pos_ != "PROPN" for f in pair}
    out: dict[str, frozenset[str]] = {}
    for name, words in lex.cues.items():
        # a sport word inside a name is no game ("the Awami League", "Liga Norte")
        hit = set((common if name == "sport" else flat) & words)
        for phrase in lex.cue_phrases.get(name, ()):
            if phrase[0] not in flat or not all(w in flat for w in phrase):
                continue
            n = len(phrase)
            for k in range(len(forms) - n + 1):
                if all(phrase[j] in forms[k + j] for j in range(n)):
                    hit.add(" ".join(phrase))
                    break
        if hit:
            out[name] = frozenset(hit)
    return out


def armed_cues(sent: SpacySpan, lex: Lexicon | None = None) -> dict[str, frozenset[str]]:
    """Only the strong armed cues of a sentence (what `article_is_armed` needs), cheaply."""
    lex = lex or load_lexicon()
    flat = {f for t in sent for f in _forms(t)}
    hit = flat & lex.cues["armed_strong"]
    for phrase in lex.cue_phrases.get("armed_strong", ()):
        if all(w in flat for w in phrase):
            hit.add(" ".join(phrase))
    return {"armed_strong": frozenset(hit)} if hit else {}


def article_is_armed(cues_per_sentence: list[dict[str, frozenset[str]]]) -> bool:
    """An article carries conflict context when its sentences name two different strong armed
    cues (one "military veteran" in a local story is not a war, nor is one grenade told twice)."""
    strong = [c.get("armed_strong", frozenset()) for c in cues_per_sentence]
    return len(frozenset().union(*strong)) >= 2


def participant_problem(
    need: str, head: Token, sent: SpacySpan, cues: Cues, armed_actor: bool, lex: Lexicon
) -> str | None:
    """Why the participants a family needs are missing, or None."""
    if need == "not_crime":
        return "crime" if cues.has("crime") or _individual_agent(head, lex) else None
    if need == "armed_or_weapons":
        if cues.has("weapons_context") and not cues.has("crime") and not cues.has("accident"):
            return None
        need = "armed"
    if need == "none":
        if cues.has("accident") and not (cues.has("armed_strong") or armed_actor):
            return "accident"
        return None
    if need == "armed":
        if cues.has("sport") and not cues.has("armed_strong"):
            return "sport"
        if cues.has("accident") and not cues.has("armed_strong"):
            return "accident"
        if _political_victim(head, lex):
            return None  # violence against an activist, a journalist, a candidate: political whoever did it
        strong = cues.has("armed_strong") or armed_actor
        if cues.has("crime") and not (strong and cues.article_armed):
            return "crime"
        if _individual_agent(head, lex) and not armed_actor:
            return "individual"  # "the man who shot his neighbour": a crime, not political violence
        if head.tag_ in ("VBD", "VBN") and _harms(head, {"civilian"}, ()):
            return None  # "attackers wounded four civilians": war reporting's word for the victims of armed violence (told as done, not "of targeting civilians")
        if strong or (cues.has("armed_weak") and cues.article_armed):
            return None
        if cues.has("armed_weak") and _national_force_doer(head, lex):
            return None  # "Sri Lankan police assaulted a family": a state's forces, named as such
        return "no armed party"
    if need == "crowd":
        if cues.has("protest_veto") and not cues.has("protest_context") and _veto_in_frame(head, lex):
            return "not a protest"
        if _verbal_protest(head, lex):
            return "verbal protest"
        if not (cues.has("crowd") or armed_actor or _group_subject(head)):
            return "no crowd"
        return None
    if need == "crowd_group":
        return None if cues.has("crowd_group") else "no group"
    if need == "political":
        if cues.has("sport"):
            return "sport"
        if cues.has("crime") and not cues.has("political_target"):
            return "ordinary crime"
        return None if cues.has("political_target") else "no political target"
    if need in ("air_context", "blast_context", "labour_context", "weapons_context", "protest_context", "demand_context", "base_context", "direct_fire"):
        return None if cues.has(need) else f"no {need.replace('_', ' ')}"
    if need == "place_object":
        return None if _has_place_object(head, proper=_capture_verb(head)) else "no place taken"
    if need == "physical":
        return None if cues.has("physical") else "no harm"
    if need == "agreement_context":
        if cues.has("crime") or _individual_agent(head, lex):
            return "crime"  # "the suspect agreed to surrender to police"
        return None if cues.has("agreement_context") else "not a conflict agreement"
    return None


def _political_victim(head: Token, lex: Lexicon) -> bool:
    """The one harmed (the object, or the subject of a passive) is an activist, a journalist, a
    candidate ...: ACLED records such an attack as political violence whoever did it."""
    return _harms(head, lex.cues["political_victim"], lex.cue_phrases.get("political_victim", ()))


def takes_idiom_object(verb: Token, idioms: frozenset[str]) -> bool:
    """The verb's object is one that makes it an idiom ("struck a deal", "torched an effigy")."""
    return any(c.dep_ in ("dobj", "nsubjpass", "obj") and (c.lemma_.lower() in idioms or c.lower_ in idioms) for c in verb.children)


def names_cue(tokens: Iterable[Token], words: frozenset[str] | set[str], phrases: Iterable[tuple[str, ...]]) -> bool:
    """The tokens' lemmas hold one of `words` or, in order, one of `phrases`."""
    lemmas = [t.lemma_.lower() for t in tokens]
    joined = f" {' '.join(lemmas)} "
    return bool(set(lemmas) & words) or any(f" {' '.join(ph)} " in joined for ph in phrases)


def _harms(head: Token, words: frozenset[str] | set[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    """The one harmed (the object, or the subject of a passive) is named by one of `words` or
    `phrases` (lemmas)."""
    if head.pos_ not in ("VERB", "AUX"):
        return False
    verbs = [head, *(v for v in head.conjuncts if v.pos_ == "VERB")]  # "beat up and injured a journalist"
    patients = [c for v in verbs for c in v.children if c.dep_ in ("dobj", "nsubjpass", "obj")]
    for p in patients:
        lemmas = [t.lemma_.lower() for t in p.subtree]
        if set(lemmas) & words or any(" ".join(ph) in " ".join(lemmas) for ph in phrases):
            return True
    return False


_ARMED_MODIFIERS = frozenset({"armed", "masked", "hooded", "unidentified", "unknown", "uniformed"})


def _individual_agent(head: Token, lex: Lexicon) -> bool:
    """The act's doer is one private person ("a man", "the suspect", "he")."""
    doer = None
    head = _subject_verb(head)  # "who raped and killed": the subject of the first verb
    if head.pos_ in ("VERB", "AUX"):
        doer = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if doer is None:
            agent = next((c for c in head.children if c.dep_ == "agent"), None)
            doer = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
        if doer is None and head.dep_ == "relcl":
            doer = head.head
    if doer is not None and doer.lower_ in ("who", "that", "which") and head.dep_ == "relcl":
        doer = head.head  # "the person who killed"
    if doer is None:
        return False
    if any(c.dep_ == "amod" and c.lower_ in _ARMED_MODIFIERS for c in doer.children):
        return False  # "an armed man", "a masked gunman": ACLED's unidentified armed group
    if doer.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in doer.children):
        return False
    return doer.lemma_.lower() in lex.individual_agents or (doer.ent_type_ == "PERSON" and doer.pos_ == "PROPN")


def _subject_verb(head: Token) -> Token:
    """The verb whose subject a conjoined verb without its own shares ("X demonstrated ... and
    attacked"): the first of them."""
    while head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        head = head.head
    return head


def _agents(verb: Token) -> list[Token]:
    """The doers a passive's "by" phrase names."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _national_force_doer(head: Token, lex: Lexicon) -> bool:
    """The doer is police or guards named by their nation ("Sri Lankan police", "Kenyan
    policemen"): the forces of a state acting as such, which ACLED records, not a local beat."""
    head = _subject_verb(head)
    if head.pos_ not in ("VERB", "AUX"):
        return False
    for doer in [c for c in head.children if c.dep_ == "nsubj"] + _agents(head):
        if doer.lemma_.lower() not in lex.cues["armed_weak"] and doer.lower_ not in lex.cues["armed_weak"]:
            continue
        for c in doer.children:
            if c.dep_ in ("amod", "compound") and (c.ent_type_ == "NORP" or demonym_country(" ".join(t.text for t in c.subtree))):
                return True
    return False


def _group_subject(head: Token) -> bool:
    """A verb whose subject is people in the plural ("patients demonstrated", "200 ex-soldiers
    marched"): a crowd, whatever its members are called."""
    if head.pos_ != "VERB":
        return False
    for child in head.children:
        if child.dep_ == "nsubj" and (child.tag_ in ("NNS", "NNPS") or any(c.dep_ == "nummod" for c in child.children) or child.ent_type_ == "NORP"):
            return True
    return False


_FRAME_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "compound", "amod", "poss", "attr", "npadvmod"})


def _veto_in_frame(head: Token, lex: Lexicon) -> bool:
    """A veto word is part of the trigger's own frame: its subject or object ("the market
    rallied", "chefs demonstrated recipes"), its modifiers ("a graduation march") or the doer of
    a light verb ("the band held a march"); "traders demonstrated over the demolition of their
    market" is still a protest."""
    frame: list[Token] = []
    for c in head.children:
        if c.dep_ in _FRAME_DEPS:
            frame.extend(c.subtree)
        elif c.dep_ == "prep" and c.lower_ == "of" and head.pos_ == "NOUN":
            frame.extend(c.subtree)  # "a demonstration of cooking skills"
        elif c.dep_ == "prep" and c.lower_ in ("in", "at", "during", "for"):
            frame.extend(g for g in c.children if g.dep_ == "pobj")  # "marched in every town parade", not "in the market square"
    if head.dep_ in ("dobj", "attr", "nsubj", "pobj") and head.head is not head:
        verb = head.head if head.dep_ != "pobj" else head.head.head
        frame.extend(t for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c is not head for t in c.subtree)
        if head.dep_ == "nsubj":
            frame.extend(t for c in verb.children if c.dep_ in ("dobj", "attr") for t in c.subtree)
    words = lex.cues["protest_veto"]
    phrases = lex.cue_phrases.get("protest_veto", ())
    lemmas = [t.lemma_.lower() for t in frame]
    return bool(set(lemmas) & words) or any(" ".join(p) in " ".join(lemmas) for p in phrases)


def _verbal_protest(head: Token, lex: Lexicon) -> bool:
    """"The ministry protested the decision": a statement, not a demonstration. People who
    protested somewhere ("in Chisinau", "outside the ministry") or in numbers ("several owners
    of bus companies") gathered."""
    if head.pos_ != "VERB":
        return False
    if any(c.dep_ == "dobj" and c.lemma_.lower() in _OBJECTION_OBJECTS for c in head.children) and not _gathered_at(head):
        return True  # "residents had protested the owner's plans": an objection, not a demonstration
    if _protested_somewhere(head):
        return False
    for child in head.children:
        if child.dep_ in _SUBJECTS:
            child = next((a for a in child.children if a.dep_ == "appos"), child)  # "Lara state, a group of patients"
            words = {t.lemma_.lower() for t in child.subtree}
            if words & lex.cues["verbal_protester"] and not words & lex.cues["crowd"] - {"member", "group", "party"}:
                return True
            if child.ent_type_ in ("GPE", "ORG", "NORP") and len(list(child.subtree)) <= 3 and child.ent_type_ != "NORP":
                return True
    return False


_GATHERING_PREPS = frozenset({"in", "outside", "at", "near", "through", "along", "before"})
_QUANTIFIERS = frozenset({"several", "dozens", "hundreds", "thousands", "scores", "many", "some"})


# What people object to rather than march against when they "protest" it without gathering.
_OBJECTION_OBJECTS = frozenset(
    "plan proposal decision project policy rule ruling law bill measure move order idea development construction "
    "closure change cut increase tax fee scheme zoning permit application".split()
)


def _gathered_at(head: Token) -> bool:
    """The verb says where people gathered ("in Chisinau", "outside the ministry", "in the state
    capital", "in front of the district office")."""
    places = load_lexicon().cues["gathering_place"]
    return any(
        child.dep_ == "prep" and child.lower_ in _GATHERING_PREPS
        and (
            any(g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC", "FAC") for g in child.children)
            or any(t.pos_ == "NOUN" and t.lemma_.lower() in places for t in child.subtree)
        )
        for child in head.children
    )


def _protested_somewhere(head: Token) -> bool:
    if _gathered_at(head):
        return True
    for child in head.children:
        if child.dep_ in _SUBJECTS and child.tag_ in ("NNS", "NNPS"):
            if any(t.lower_ in _QUANTIFIERS or t.like_num for t in child.lefts):
                return True
    return False


def _capture_verb(head: Token) -> bool:
    """Capture verbs may take a bare proper name as the place taken ("re-captured Quissanga")."""
    return head.lemma_.lower() in {"capture", "recapture", "seize", "retake", "overrun", "liberate", "regain"}


def _has_place_object(head: Token, proper: bool = True) -> bool:
    objs = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass", "obj")]
    if head.dep_ in ("acl", "relcl") and head.head.pos_ in ("NOUN", "PROPN"):
        objs.append(head.head)
    for prt in (c for c in head.children if c.dep_ in ("prt", "prep") and c.lower_ in ("of", "over")):
        objs.extend(c for c in prt.children if c.dep_ == "pobj")  # "took control of", "took over"
    for obj in objs:
        if obj.lower_ in ("who", "whom"):
            return False  # "a soldier who was captured": a person taken, not a place
        if obj.pos_ == "PRON" and any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in head.sent):
            return True  # "after it was taken over": the place was named before
        for t in obj.subtree:
            if t.ent_type_ in ("GPE", "LOC", "FAC") or t.lemma_.lower() in _PLACE_NOUNS:
                return True
            if proper and t.pos_ == "PROPN" and t.ent_type_ not in ("PERSON", "ORG", "NORP", "WORK_OF_ART", "LAW", "EVENT"):
                return True
    return False


# --- the whole check -------------------------------------------------------------------------


def sentence_mentions(
    sent: SpacySpan, article_armed: bool, armed_actor_tokens: frozenset[int], lex: Lexicon | None = None,
    gang_violence: bool = False,
) -> list[Mention]:
    """Every trigger of the sentence with its verdict. `armed_actor_tokens` are the token indexes
    of the sentence covered by armed actor mentions (state forces, rebels, militias, external).
    `gang_violence`: the article is about a country where ACLED records the violence of gangs and
    unidentified armed men as political violence (`data/coding/gang_violence.json`)."""
    lex = lex or load_lexicon()
    triggers = find_triggers(sent, lex)
    if not triggers:
        return []
    base = sentence_cues(sent, lex)
    out: list[Mention] = []
    for start, end, trig in triggers:
        head = _phrase_head(sent.doc[start:end])
        fam = lex.families[trig.family]
        reason = sense_problem(head, start, end, trig, lex) or assertion_problem(head, sent, lex)
        if reason is None:
            found = dict(base)
            own = sentence_cues(sent.doc[start:end], lex)
            for name, words in own.items():  # a trigger is never its own participant cue ...
                if name in ("crowd", "armed_strong"):
                    continue  # ... except that "protesters" and "militants" name the crowd / the armed
                rest = found.get(name, frozenset()) - words
                found[name] = rest
            if trig.sure:
                found.pop("protest_veto", None)
            cues = Cues(found, article_armed)
            armed_actor = bool(armed_actor_tokens)
            for need in (fam.needs, trig.needs):
                if need and reason is None:
                    reason = participant_problem(need, head, sent, cues, armed_actor, lex)
        else:
            cues = Cues(base, article_armed)
        family = trig.family
        if reason in _UNARMED and family == "attack" and _crowd_doer(head, lex) and _acted_on(head):
            family, reason = "mob", None  # "locals beat up a suspected thief": a mob, not a gang
        elif reason in _UNARMED and gang_violence and family in _GANG_FAMILIES:
            reason = None  # "a man was shot dead in Colonia X" where gangs are a party to the violence
        if (
            reason == "no armed party" and family == "battle" and article_armed and head.pos_ == "NOUN" and head.tag_ == "NN"
            and not cues.has("crime") and not cues.has("crowd_group")
            and not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)  # "the clash": one told already
        ):
            reason = None  # "heavy fighting in the region killed a dozen" in a report of a war: the fighting is the war's
        if reason == "no armed party" and family == "battle":
            # groups that fight without arms of war are a riot or mob, not a battle
            if participant_problem("crowd_group", head, sent, cues, False, lex) is None and (cues.has("physical") or _groups_clashed(head, lex)):
                family, reason = "crowd_clash", None
        out.append(Mention(start, end, head.i, family, reason is None, reason))
    return out


_UNARMED = frozenset({"crime", "no armed party"})
# Families whose mention a crime or a missing armed party does not always reject: a crowd's
# attack is a mob's, gangs' violence counts where ACLED records it, groups fighting are a riot.
_GANG_FAMILIES = frozenset({"attack", "gunbattle", "looting", "grenade"})
UNARMED_OVERRIDE_FAMILIES = _GANG_FAMILIES | {"battle"}
_GROUP_NOUNS = frozenset({"group", "faction", "clan", "tribe", "community", "family"})
_DEBATERS = frozenset({"lawmaker", "legislator", "senator", "mp", "deputy", "politician", "delegate", "scholar", "expert", "economist", "investor", "shareholder"})


def _groups_clashed(head: Token, lex: Lexicon) -> bool:
    """"Two groups clashed over a land dispute", "rival clans fought": groups of people as the
    ones who clashed are a fight between them, whether or not the sentence tells the blows."""
    if head.pos_ != "VERB" or head.lemma_.lower() not in ("clash", "fight"):
        return False
    talkers = lex.cues["verbal_protester"] | _DEBATERS  # "groups of lawmakers clashed over the budget"
    return any(
        c.dep_ == "nsubj" and c.tag_ == "NNS" and c.lemma_.lower() in _GROUP_NOUNS and not {t.lemma_.lower() for t in c.subtree} & talkers
        for c in head.children
    )


def _acted_on(head: Token) -> bool:
    """The act has someone or something it was done to ("beat up a thief", "attacked the
    office", "pelted stones at the bus"); "workers have been striking" has none: a strike."""
    return any(c.dep_ in ("dobj", "nsubjpass", "agent", "xcomp") or c.dep_ == "prep" and c.lower_ in ("on", "at", "against", "upon") for c in head.children)


def _crowd_doer(head: Token, lex: Lexicon) -> bool:
    """The act's doer is a crowd of ordinary people ("locals", "a group of villagers", "a mob"),
    not armed men, a gang or suspects."""
    if head.pos_ != "VERB" or head.lemma_.lower() == "find":  # "two women found dead": the victims
        return False
    head = _subject_verb(head)  # "traders demonstrated ... and attacked the task force"
    agents = _agents(head)
    if head.tag_ == "VBN" and not agents:
        return False  # "two women found dead", "a man beaten": the people named are the victims
    doers = [c for c in head.children if c.dep_ == "nsubj"] + agents
    crowd = (lex.cues["crowd_group"] | lex.cues["crowd"]) - lex.cues["armed_weak"] - lex.cues["armed_strong"]
    armed = lex.cues["armed_weak"] | lex.cues["armed_strong"] | lex.cues["crime"] | {"suspect"}
    for doer in doers:
        words = {t.lemma_.lower() for t in doer.subtree}
        plural = doer.tag_ in ("NNS", "NNPS") or doer.lemma_.lower() in ("group", "mob", "crowd")
        if plural and words & crowd and not words & armed:
            return True
    return False


def intervention_kind(sent: SpacySpan) -> str:
    """Peaceful protest, Protest with intervention or Excessive force against protesters, from
    what the state did to the crowd in the sentence (ACLED: the most severe act decides)."""
    lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    text = sent.text.lower()
    forces = bool(lemmas & _FORCES)
    if forces and (lemmas & {"kill", "dead", "die"} or "live ammunition" in text or "opened fire" in text or "open fire" in text):
        return "Excessive force against protesters"
    if "tear gas" in text or "water cannon" in text or "rubber bullet" in text or lemmas & {"disperse", "teargas", "baton"} or (
        forces and lemmas & {"arrest", "detain", "intervene", "evict"}
    ):
        return "Protest with intervention"
    return "Peaceful protest"


def is_conflict_victim(tokens: list[Token], lex: Lexicon | None = None) -> bool:
    """Whether a patient phrase names armed people or their positions (a clash, not an attack
    on civilians)."""
    lex = lex or load_lexicon()
    words = lex.cues["conflict_victim"]
    return any(t.lemma_.lower() in words or t.lower_ in words for t in tokens)
