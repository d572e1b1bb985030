"""The cascade's cheap first stage: which parts of an article need the full spaCy pipeline.

The full parse (tagger, parser, NER, lemmatizer) is most of a run's time, yet only sentences that
hold a codebook trigger can become events (`coding/mentions.py`). This screen reads raw text, before
spaCy: it splits each NLP block into sentences with a conservative rule-based splitter and tests
each for the lexicon's triggers by surface form, dropping a trigger only where the coder would
surely reject it for good (`need_verdict`: e.g. an arrest with no political target in sight). The forms are generated at load time from
`data/coding/lexicon.json` (regular inflections by rule, irregular ones from
`data/screen/irregular_forms.json`), so lexicon edits flow through. It errs on recall: a surface
form is any word spaCy may lemmatise to a trigger word, and a phrase matches however its words are
inflected.

What it decides per article (`plan`):
* no trigger in any body or caption sentence: nothing needs spaCy; the article is stored as read;
* conflict context (strong armed cues in two sentences, or two in one; `article_is_armed` reads the
  same lists on lemmas): the whole article is parsed, exactly as without the cascade, because there
  the article-wide context (armed cues, places, quotes) decides events in many sentences;
* otherwise only segments are parsed: the title, the first sentences (the lead, where mentions need
  no anchor, and whose later sentences tell a lead protest's violence or dispersal) when one of them
  holds a trigger, every trigger sentence, the sentences after one that the fatality look-ahead
  reads, and with no publication date the sentence naming the latest year (the article's
  reference year). A lead with no trigger can hold no event, so only its first sentence is parsed
  (the article's opening place and day, for context) and the plan says so (`lead_skipped`): the
  coder then counts no parsed sentence as the lead.
  Consecutive chosen sentences form one segment, parsed as its own Doc with a Block whose offsets
  are the segment's article offsets.

The splitter only splits where a sentence surely ends; two sentences read as one cost a little
parsing, while a split inside a sentence would hand spaCy a fragment.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from .fatalities import find_fatalities
from .ingest.text import YEAR
from .records import NLP_KINDS, Article, Block, BlockKind, Span

@lru_cache(maxsize=1)
def _coder_positions() -> tuple[int, int]:
    """The coder's lead (`assemble.LEAD_SENTENCES`: mentions there need no anchor, so those
    sentences are parsed whenever one holds a trigger, keeping their positions) and its fatality look-ahead
    (`assemble._FATALITY_LOOKAHEAD`: sentences after an event's own that may give its toll), read
    from the coder so that a change there reaches the screen."""
    from .coding.assemble import _FATALITY_LOOKAHEAD, LEAD_SENTENCES

    return LEAD_SENTENCES, _FATALITY_LOOKAHEAD

_WORD = re.compile(r"[^\W_]+")
# A sentence ends at . ! ? (or …), optionally closed by quotes or brackets, before white space and
# a capital letter, a digit or an opening quote/bracket.
_END = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s+["'“‘(\[]*[A-Z0-9])""")
# Words after which a full stop is no sentence end: titles, months, common abbreviations.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col capt sgt maj cpl pvt adm cmdr gov sen rep rev st jr sr mt ft
    no nos vol fig inc ltd co corp bros dept univ assn est approx vs etc al jan feb mar apr jun jul
    aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ave blvd rd hwy pt sq
    u.s u.k u.n e.g i.e a.m p.m""".split()
)
_VOWELS = frozenset("aeiou")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A raw sentence of an NLP block, in article offsets, with what the screen found in it."""

    block: Block
    start: int
    end: int
    trigger: bool
    rescue: bool  # only a sure classifier could make an event of it (`trigger_verdict`)
    armed: frozenset[str]  # strong armed cue words found by surface form
    year: int | None  # the latest year the sentence names


@dataclass(frozen=True, slots=True)
class Plan:
    """What of one article goes through spaCy: `segments` (Blocks in article offsets, in text
    order); empty with a `reason` when nothing does; `whole` when every NLP block is parsed."""

    segments: tuple[Block, ...]
    reason: str | None
    whole: bool
    sentences: int  # raw sentences in the article's NLP blocks
    selected: int  # of which parsed
    lead_skipped: bool = False  # no lead sentence holds a trigger, so only the first is parsed: the coder's lead is empty


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue list by surface form: single words, and phrases (every word somewhere in the
    sentence, as the coder's bag-of-lemmas test reads them)."""

    words: dict[str, frozenset[str]]  # surface form -> the cue words it can be
    phrases: tuple[tuple[str, tuple[frozenset[str], ...]], ...]

    def exact(self, present: set[str]) -> bool:
        """Surely found: a one-word cue written exactly (its lower case is a form the coder
        reads whatever the lemma)."""
        return any(w in self.words[w] for w in self.words.keys() & present)

    def found(self, present: set[str]) -> frozenset[str]:
        hit: set[str] = set()
        for w in self.words.keys() & present:  # set intersection in C: most words are no cue
            hit |= self.words[w]
        for cue, forms in self.phrases:
            if all(present & f for f in forms):
                hit.add(cue)
        return frozenset(hit)


@dataclass(frozen=True)
class Surface:
    """The lexicon by surface form: trigger phrases keyed by every form of their first word, each
    with the participant needs (its family's, then its own) the coder checks in that order."""

    phrases: dict[str, tuple[tuple[tuple[frozenset[str], ...], tuple[str, ...], str], ...]]  # (rest, needs, family)
    cues: dict[str, Cue]
    final: frozenset[str]  # participant reasons the classifier never overrides
    rescuable: frozenset[str]  # participant reasons a sure classifier overrides (`assemble.RESCUE_CONFIDENCE`)
    overridden: frozenset[str]  # families whose unarmed reasons the coder may override (`mentions.UNARMED_OVERRIDE_FAMILIES`)


# --- surface forms -------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _irregular() -> dict[str, dict[str, tuple[str, ...]]]:
    raw = json.loads(resources.files("eventwire").joinpath("data/screen/irregular_forms.json").read_text(encoding="utf-8"))
    return {part: {k: tuple(v) for k, v in raw[part].items()} for part in ("verbs", "nouns")}


def _irregular_forms(w: str, table: dict[str, tuple[str, ...]]) -> set[str]:
    out: set[str] = set()
    for base, forms in table.items():
        if w == base or (len(base) >= 3 and w.endswith(base)):
            prefix = w[: len(w) - len(base)]  # "retake" -> "retook", "overrun" -> "overran"
            for f in forms:
                out |= {prefix + f, prefix + f + "s"}
    return out


def noun_forms(word: str) -> frozenset[str]:
    """The word and every plural spaCy's lemmatizer may map back to it."""
    w = word.lower()
    out = {w, w + "s", w + "es"}
    if len(w) > 2 and w.endswith("y") and w[-2] not in _VOWELS:
        out.add(w[:-1] + "ies")
    if w.endswith("man"):
        out.add(w[:-3] + "men")
    if w.endswith("f"):
        out.add(w[:-1] + "ves")
    if w.endswith("fe"):
        out.add(w[:-2] + "ves")
    if w.endswith("is"):
        out.add(w[:-2] + "es")
    return frozenset(out | _irregular_forms(w, _irregular()["nouns"]))


def verb_forms(word: str) -> frozenset[str]:
    """The word and every inflection spaCy's lemmatizer may map back to it, generously: -s, -ed,
    -ing with e-drop, y/ie changes and a doubled final consonant, and irregular forms."""
    w = word.lower()
    out = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing"}
    if w.endswith("e"):
        out |= {w[:-1] + "ing", w[:-1] + "ed"}
    if w.endswith("ie"):
        out.add(w[:-2] + "ying")
    if len(w) > 2 and w.endswith("y") and w[-2] not in _VOWELS:
        out |= {w[:-1] + "ies", w[:-1] + "ied"}
    if w[-1:].isalpha() and w[-1] not in _VOWELS and w[-1] not in "wxy":
        out |= {w + w[-1] + "ed", w + w[-1] + "ing", w + w[-1] + "es"}
    if w.endswith("c"):
        out |= {w + "ked", w + "king"}
    return frozenset(out | _irregular_forms(w, _irregular()["verbs"]))


def inflections(word: str, pos: str | None = None) -> frozenset[str]:
    """Surface forms of a lexicon word: as a noun, a verb, or (no POS given) either."""
    if pos == "NOUN":
        return noun_forms(word)
    if pos == "VERB":
        return verb_forms(word)
    return noun_forms(word) | verb_forms(word)


def _words(phrase: str) -> list[str]:
    """A lexicon phrase as the screen's words: hyphens and other punctuation are not words."""
    return _WORD.findall(phrase.lower())


# What `mentions.participant_problem` answers for a need, read from surface cues: "fail" only
# where its reason is sure and final, "rescue" where it surely fails with a reason a sure
# classifier may override (`assemble._PARTICIPANT_REASONS`), "pass" where it surely passes, else
# "?" (keep the sentence).
# Presence counts only cue words written exactly and outside the trigger (the coder discounts the
# trigger's own words); absence is read on generated forms, a superset of what lemmas find.
# Used only where the article has no conflict context, so the coder's `article_armed` is False.
_CONTEXT_NEEDS = frozenset({"labour_context", "protest_context", "air_context", "blast_context", "weapons_context", "direct_fire",
                            "demand_context", "base_context"})


def need_verdict(
    need: str, has: Callable[[str], bool], absent: Callable[[str], bool], final: frozenset[str], rescuable: frozenset[str] = frozenset()
) -> str:
    def fail(reason: str) -> str:
        return "fail" if reason in final else "rescue" if reason in rescuable else "?"

    if need in ("", "none"):
        return "pass" if absent("accident") else "?"
    if need == "not_crime":
        return fail("crime") if has("crime") else "?"
    if need in ("armed", "armed_or_weapons"):
        if need == "armed_or_weapons" and not absent("weapons_context"):
            return "?"
        if not absent("political_victim"):
            return "?"  # violence against an activist or a journalist is political whoever did it
        if has("crime"):
            return "?"  # crime without conflict context: the parse decides (a mob, a gang's country)
        # sport words may sit inside a name ("the Awami League"); the parse decides
        if absent("armed_strong") and has("accident"):
            return fail("accident")
        return "?"
    if need == "political":
        if has("sport"):
            return fail("sport")
        if absent("political_target"):
            return fail("no political target")
        return "pass" if has("political_target") and absent("sport") else "?"
    if need == "agreement_context":
        if has("crime"):
            return fail("crime")
        if absent("agreement_context"):
            return fail("not a conflict agreement")
        return "?"
    if need == "crowd":
        return "?"  # the veto words do not apply to sure protest words ("held a protest"); the parse decides
    if need in _CONTEXT_NEEDS:
        if absent(need):
            return fail(f"no {need.replace('_', ' ')}")
        return "pass" if has(need) else "?"
    return "?"


def _cue(words_: list[str]) -> Cue:
    single: dict[str, set[str]] = {}
    phrases = []
    for cue in words_:
        words = _words(cue)
        if len(words) == 1 and " " not in cue and "-" not in cue:
            for form in inflections(words[0]):
                single.setdefault(form, set()).add(cue)
        elif words:
            phrases.append((cue, tuple(inflections(w) for w in words)))
    return Cue({k: frozenset(v) for k, v in single.items()}, tuple(phrases))


@lru_cache(maxsize=1)
def surface() -> Surface:
    """Built from the lexicon file on first use (the same file `mentions.load_lexicon` reads)."""
    from .coding.assemble import _PARTICIPANT_REASONS
    from .coding.mentions import UNARMED_OVERRIDE_FAMILIES

    raw = json.loads(resources.files("eventwire").joinpath("data/coding/lexicon.json").read_text(encoding="utf-8"))
    phrases: dict[str, set[tuple[tuple[frozenset[str], ...], tuple[str, ...], str]]] = {}
    for t in raw["triggers"]:
        words = _words(t["words"])
        if not words:
            continue
        pos = t.get("pos") if len(words) == 1 else None  # a phrase's POS is its head's
        rest = tuple(inflections(w) for w in words[1:])
        needs = tuple(n for n in (raw["families"][t["family"]]["needs"], t.get("needs")) if n)
        for form in inflections(words[0], pos):
            phrases.setdefault(form, set()).add((rest, needs, t["family"]))
    final = frozenset({"crime", "sport", "accident", "no political target", "not a conflict agreement", "not a protest"}
                      | {f"no {n.replace('_', ' ')}" for n in _CONTEXT_NEEDS}) - frozenset(_PARTICIPANT_REASONS)
    cues = {n: _cue(w) for n, w in raw["cues"].items()}
    return Surface({k: tuple(v) for k, v in phrases.items()}, cues, final, frozenset(_PARTICIPANT_REASONS), UNARMED_OVERRIDE_FAMILIES)


# --- sentences -----------------------------------------------------------------------------------


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence of text[start:end], trimmed of white space, in the offsets of
    `text`. Splits only at a sure end: never after an abbreviation, an initial ("J. Smith") or a
    number's point, so a raw sentence may hold two real ones, never half of one."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    s = start
    for m in _END.finditer(text, start, end):
        if not _sure_end(text, s, m.start(), m.group()):
            continue
        out.append((s, m.end()))
        s = m.end()
    out.append((s, end))
    trimmed = []
    for a, b in out:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            trimmed.append((a, b))
    return trimmed


def _sure_end(text: str, sent_start: int, stop: int, punct: str) -> bool:
    if punct[0] in "!?…":
        return True
    i = stop
    while i > sent_start and not text[i - 1].isspace() and text[i - 1] not in "(\"'“‘":
        i -= 1
    word = text[i:stop]
    low = word.lower().strip(".")
    if not low:
        return False
    if low in _ABBREVIATIONS or len(low) == 1:  # "Mr.", "Jan.", "J. Smith"
        return False
    if "." in low:  # "U.S.", "a.m.", "No.5."
        return False
    return not word[-1:].isdigit() or stop - sent_start > 3


# --- matching ------------------------------------------------------------------------------------


def has_trigger(words: list[str], sf: Surface | None = None, armed_article: bool = True) -> bool:
    """Whether some lexicon trigger phrase occurs in the words (lower case, any inflection) and
    its participant needs do not surely fail (`need_verdict`; only read when `armed_article` is
    False, as the coder reads crime cues differently in conflict context)."""
    return trigger_verdict(words, sf, armed_article) != "no"


def trigger_verdict(words: list[str], sf: Surface | None = None, armed_article: bool = True) -> str:
    """"yes": some trigger may make an accepted mention; "rescue": the triggers' participants
    surely fail, with a reason only a sure classifier overrides; "no": nothing here can."""
    sf = sf or surface()
    present: set[str] | None = None
    best = "no"
    for i, w in enumerate(words):
        for rest, needs, family in sf.phrases.get(w, ()):
            n = 1 + len(rest)
            if i + n > len(words) or not all(words[i + 1 + k] in forms for k, forms in enumerate(rest)):
                continue
            if armed_article or not needs:
                return "yes"
            present = present if present is not None else set(words)
            own = set(words[i : i + n])
            outside = {x for j, x in enumerate(words) if not i <= j < i + n} - own
            verdict = _needs_verdict(needs, family, sf, outside, present)
            if verdict == "yes":
                return "yes"
            if verdict == "rescue":
                best = "rescue"
    return best


def _needs_verdict(needs: tuple[str, ...], family: str, sf: Surface, outside: set[str], present: set[str]) -> str:
    """The coder checks a mention's needs in order and stops at the first that fails. A need
    that may fail ("?") with a reason the coder sometimes overrides (`mentions.
    UNARMED_OVERRIDE_FAMILIES`) keeps the mention possible whatever follows."""
    def has(name: str) -> bool:
        return sf.cues[name].exact(outside)

    def absent(name: str) -> bool:
        return not sf.cues[name].found(present)

    unsure = False
    for need in needs:
        verdict = need_verdict(need, has, absent, sf.final, sf.rescuable)
        if verdict == "pass":
            continue
        if verdict == "?":
            if family in sf.overridden:
                return "yes"
            unsure = True
            continue
        if verdict == "fail":
            return "rescue" if unsure else "no"  # an unsure need before it may fail rescuably
        return "rescue"
    return "yes"


def armed_cues(words: list[str], sf: Surface | None = None) -> frozenset[str]:
    """The strong armed cues whose words occur in the sentence (`mentions.armed_cues` on forms)."""
    sf = sf or surface()
    return sf.cues["armed_strong"].found(set(words))


def read_sentences(article: Article) -> list[Sentence]:
    """Every raw sentence of the article's NLP blocks, in text order, with what it holds. A title
    is one sentence."""
    sf = surface()
    out = []
    words_of = []
    for block in article.blocks:
        if block.kind not in NLP_KINDS or block.end <= block.start:
            continue
        bounds = [(block.start, block.end)] if block.kind is BlockKind.TITLE else split_sentences(article.text, block.start, block.end)
        for s, e in bounds:
            text = article.text[s:e]
            words = _screen_words(text)
            years = [int(y) for y in YEAR.findall(text)]
            out.append(Sentence(block, s, e, False, False, armed_cues(words, sf), max(years) if years else None))
            words_of.append(words)
    # the trigger test needs the whole article's conflict context first
    armed = _armed([x for x in out if x.block.kind is not BlockKind.TITLE])
    verdicts = [trigger_verdict(words, sf, armed) if words else "no" for words in words_of]
    return [replace(x, trigger=v == "yes", rescue=v == "rescue") for x, v in zip(out, verdicts)]


_MONTHS = frozenset(m.lower() for m in calendar.month_name if m)
# Words before a month name that make it a date ("in March", "since March", "early March").
_BEFORE_MONTH = frozenset("in on since by until till through from of early late mid last next this before after between and or to".split())


def _screen_words(text: str) -> list[str]:
    """The sentence's words in lower case, a month told as a date blanked: "in March" or
    "March 3" is the month (spaCy tags it a proper noun, which the coder never reads as the
    march trigger), while "the Women's March" or "March on the capital" keeps it."""
    raw = _WORD.findall(text)
    words = [w.lower() for w in raw]
    for i in range(len(raw)):
        if words[i] in _MONTHS and raw[i][0].isupper() and (
            (i > 0 and words[i - 1] in _BEFORE_MONTH) or (i + 1 < len(raw) and raw[i + 1].isdigit())
        ):
            words[i] = ""
    return words


# Which of some raw sentences a sure classifier may make events of (`confident_events`).
Confident = Callable[[list[str]], list[bool]]


def confident_events(classifier: Any) -> Confident:
    """Which raw sentences the event classifier may be sure enough of to rescue a mention
    (`assemble.RESCUE_CONFIDENCE`), read with a margin: the coder scores spaCy's sentence with
    parse gates that only lower its confidence, the screen the raw sentence without them."""
    from .coding.assemble import RESCUE_CONFIDENCE

    def confident(texts: list[str]) -> list[bool]:
        return [c.is_event and c.confidence >= RESCUE_CONFIDENCE - RESCUE_MARGIN for c in classifier.classify(texts)]

    return confident


# How much less sure of a raw sentence the classifier may be than the coder's rescue needs.
RESCUE_MARGIN = 0.25


# --- the plan ------------------------------------------------------------------------------------


def plan(article: Article, confident: Confident | None = None) -> Plan:
    """What of the article the full pipeline must see (see the module docstring)."""
    return plans([article], confident)[0]


def plans(articles: list[Article], confident: Confident | None = None) -> list[Plan]:
    """`plan` for many articles, asking `confident` (`confident_events`) in one call about every
    body sentence only a sure classifier could make an event of; without it those are parsed."""
    read = [read_sentences(a) for a in articles]
    asks = [(k, j) for k, sents in enumerate(read) for j, x in enumerate(sents) if x.rescue and x.block.kind is not BlockKind.TITLE]
    if asks:
        texts = [articles[k].text[read[k][j].start : read[k][j].end] for k, j in asks]
        sure = confident(texts) if confident is not None else [True] * len(asks)
        for (k, j), ok in zip(asks, sure):
            if ok:
                read[k][j] = replace(read[k][j], trigger=True)
    return [_plan_of(a, sents) for a, sents in zip(articles, read)]


def _plan_of(article: Article, sents: list[Sentence]) -> Plan:
    body = [s for s in sents if s.block.kind is not BlockKind.TITLE]
    n = len(sents)
    if not any(s.trigger for s in body):
        return Plan((), "no_trigger", False, n, 0)
    if _armed(body):  # the same test read_sentences gave the trigger check
        blocks = tuple(b for b in article.blocks if b.kind in NLP_KINDS and b.end > b.start)
        return Plan(blocks, None, True, n, n)
    titled = [s.year for s in sents if s.block.kind is BlockKind.TITLE and s.year is not None]
    tolls: dict[int, bool] = {}

    def toll(i: int) -> bool:  # a fatality figure (fatalities.py), read only where the look-ahead goes
        if i not in tolls:
            b = body[i]
            tolls[i] = find_fatalities(Span(article.id, b.start, b.end, article.text[b.start : b.end])) is not None
        return tolls[i]

    lead, _ = _coder_positions()
    skip_lead = not any(s.trigger for s in body[:lead])
    chosen = _choose(body, toll, article.published is None, max(titled, default=None), skip_lead)
    picked = {id(s) for s in sents if s.block.kind is BlockKind.TITLE} | {id(body[i]) for i in chosen}
    return Plan(_segments(sents, picked), None, False, n, len(picked), skip_lead)


def _armed(body: list[Sentence]) -> bool:
    """`mentions.article_is_armed` on surface forms: a superset of what the lemmas will find."""
    return sum(1 for s in body if s.armed) >= 2 or any(len(s.armed) >= 2 for s in body)


def _choose(body: list[Sentence], toll: Callable[[int], bool], undated: bool, title_year: int | None, skip_lead: bool) -> set[int]:
    lead, lookahead = _coder_positions()
    n = len(body)
    # a lead with no trigger still gives its first sentence: the dateline and the place and day
    # the story opens with are the article's context for the places and dates told later
    chosen = {i for i, s in enumerate(body) if s.trigger} | set(range(min(n, 1 if skip_lead else lead)))
    triggers = sorted(i for i, s in enumerate(body) if s.trigger)
    for i in triggers:  # the look-ahead reads the next sentences for a toll
        window = range(i + 1, min(n, i + 1 + lookahead))
        last = next((j for j in window if toll(j)), None)
        if last is not None:
            chosen.update(range(i + 1, last + 1))
    changed = True
    while changed:  # ... by position: no toll further on may slide into those positions
        changed = False
        for i in triggers:
            after = sorted(j for j in chosen if j > i)[:lookahead]
            if any(j > i + lookahead and toll(j) for j in after):
                extra = set(range(i + 1, min(n, i + 1 + lookahead))) - chosen
                if extra:
                    chosen |= extra
                    changed = True
    if undated:  # without a publication date, the latest year named is the article's own
        years = [s.year for s in body if s.year is not None]
        have = max((y for y in [title_year, *(body[i].year for i in chosen)] if y is not None), default=None)
        if years and (have is None or max(years) > have):
            top = max(years)
            chosen |= {i for i, s in enumerate(body) if s.year == top}
    return chosen


def _segments(sents: list[Sentence], picked: set[int]) -> tuple[Block, ...]:
    """Runs of consecutive picked sentences of one block as one Block (the block's kind, the
    run's article offsets)."""
    out: list[Block] = []
    prev: Sentence | None = None
    for s in sents:
        if id(s) not in picked:
            prev = None
            continue
        if prev is not None and prev.block == s.block:
            out[-1] = Block(s.block.kind, out[-1].start, s.end)
        else:
            out.append(Block(s.block.kind, s.start, s.end))
        prev = s
    return tuple(out)
