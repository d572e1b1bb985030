"""Fatalities: the number killed in the event a sentence reports, with its qualifier.

ACLED's rules: vague words get conservative numbers ("dozens" is 12, "tens" 10, "hundreds" 100),
injuries are not fatalities, and cumulative or war-wide tolls ("more than 84,000 civilians have
died since 2011") never belong to one event. Everything here is a pure function of the sentence.
"""

from __future__ import annotations

import re

from .records import Fatalities, Span

_UNITS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
# ACLED codes "several", "many", "plural" or an unknown number of dead as 10.
_UNKNOWN_PLURAL = 10
_VAGUE = {"dozens": 12, "tens": 10, "hundreds": 100, "thousands": 1000, "scores": 20, "several": _UNKNOWN_PLURAL,
          "a few": 3, "few": 3, "a dozen": 12, "dozen": 12, "a handful": 3, "many": _UNKNOWN_PLURAL, "some": 3}
_UNKNOWN_NUMBER = re.compile(r"(?:an?\s+)?(?:(?:unknown|unspecified|undisclosed|unconfirmed|large)\s+)?numbers?")
_SCALE = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "dozen": 12}

NUMBER = (
    r"\b(?:an?\s+(?:unknown|unspecified|undisclosed|unconfirmed|large)\s+number|a\s+number|unknown\s+numbers?"
    r"|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s*(?:million|thousand))?"
    r"|(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?(?:\s+(?:hundred|thousand|dozen))?)"
    r"|dozens|tens|hundreds|thousands|scores|several|a\s+few|a\s+dozen|a\s+handful)(?!\w)(?!,\d)"
)
QUALIFIER = r"(?:more\s+than|over|at\s+least|about|around|nearly|almost|up\s+to|some|roughly|approximately|an\s+estimated|as\s+many\s+as|fewer\s+than|less\s+than)"
_VICTIM = r"(?:\s+(?:[A-Za-z-]+\s+){0,3}?(?:people|persons|civilians|soldiers|troops|fighters|militants|rebels|police(?:men|\s+officers)?|officers|members|children|women|men|students|protesters|demonstrators|villagers|residents|worshippers|gunmen|insurgents|others|combatants|personnel|guards|workers|passengers|pilgrims|journalists|farmers|herders|miners))?"
_DEATH_AFTER = r"\s+(?:(?:were|was|have\s+been|had\s+been|are|being|got|reportedly|were\s+reportedly|are\s+feared)\s+)*(?:killed|dead|died|slain|massacred|executed|murdered|shot\s+dead|lost\s+their\s+lives|perished|beheaded)"

_PATTERNS = [
    re.compile(rf"(?P<q>{QUALIFIER}\s+)?(?P<n>{NUMBER}){_VICTIM}{_DEATH_AFTER}", re.IGNORECASE),
    re.compile(rf"\b(?:killing|killed|kill|kills|leaving|left|shot\s+dead|shooting\s+dead|gunned\s+down|gunning\s+down|massacred|executed|beheaded|murdered|slaughtered|hacked\s+to\s+death)\s+(?P<q>{QUALIFIER}\s+)?(?P<n>{NUMBER}){_VICTIM}(?:\s+dead)?", re.IGNORECASE),
    re.compile(rf"\b(?:death\s+toll|toll|fatalities)\s+(?:\w+\s+){{0,3}}?(?:to|of|at|reached|hit)\s+(?P<q>{QUALIFIER}\s+)?(?P<n>{NUMBER})", re.IGNORECASE),
    re.compile(rf"(?P<q>{QUALIFIER}\s+)?(?P<n>{NUMBER})\s+(?:deaths?|fatalities|fatality|dead\b|bodies)", re.IGNORECASE),
    # one named victim: "The victim died.", "the officer was killed", "a soldier died of his wounds"
    re.compile(
        r"\b(?P<n>the|a|an|one|1)\s+(?:\w+\s+){0,2}?(?:victim|man|woman|officer|soldier|guard|policeman|policewoman|person|"
        r"civilian|child|boy|girl|driver|journalist|student|farmer|fighter|commander|militant|trader|teacher|worker|"
        r"resident|villager|protester|demonstrator|leader|official|member|passenger)\s+(?:later\s+)?"
        r"(?:died|was\s+killed|was\s+shot\s+dead|succumbed|was\s+found\s+dead|was\s+murdered)\b",
        re.IGNORECASE,
    ),
    # a body found: one dead ("the body of a man was found", "a man's body was discovered")
    re.compile(
        r"\b(?P<n>a|an|the)\s+(?:\w+(?:'s|\u2019s)\s+)?(?:dead\s+)?body(?:\s+of\s+(?:an?|one)\s+[\w-]+)?\s+(?:was\s+|had\s+been\s+)?(?:found|discovered|recovered|dumped)\b",
        re.IGNORECASE,
    ),
]
# Killed and injured told together ("killing and wounding more than 30"): how many died is
# unknown, which ACLED codes as its unknown plural whatever the count of both.
_KILLED_AND_INJURED = re.compile(
    rf"\b(?:killing|killed)\s*(?:and|/|or)\s*(?:injuring|injured|wounding|wounded)\s+(?P<q>{QUALIFIER}\s+)?(?P<n>many|{NUMBER})(?!\w)",
    re.IGNORECASE,
)
# Deaths told with no number at all ("incurring fatalities among Houthi forces"): unknown plural.
_UNCOUNTED = re.compile(r"\b(?:incurr\w*|caus\w*|inflict\w*|result\w*\s+in|with|leaving)\s+(?:heavy\s+)?(?P<n>fatalities)\b", re.IGNORECASE)
# A word every pattern above needs: sentences without one (most of them) skip the patterns.
_ANY_DEATH_WORD = re.compile(
    r"kill|dead|died|slain|massacr|execut|murder|lives|perish|behead|leaving|left|gunn|slaughter|hacked|toll|fatalit|death|bod(?:y|ies)|succumb",
    re.IGNORECASE,
)
# Markers of tolls that span a war or a period rather than one event.
_CUMULATIVE = re.compile(
    r"\b(since\s+(?:the\s+)?(?:\d{4}|war|conflict|start|beginning|outbreak|uprising)|so\s+far\s+(?:this|in)|"
    r"in\s+total|total\s+of|overall|cumulative|over\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years?|months|decades?)|"
    r"during\s+the\s+(?:war|conflict)|throughout\s+the|have\s+died\s+in\s+the\s+(?:war|conflict)|"
    r"(?:war|conflict)\s+has\s+(?:killed|claimed)|since\s+(?:it|the\s+fighting)\s+began)",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\b(?:no|not|nobody)\s*$", re.IGNORECASE)  # "no one was killed"
_NOT_DEATH = re.compile(r"\b(injur|wound|hurt|trapped|displaced|missing|arrested|detained|abducted|kidnapped)", re.IGNORECASE)


def parse_number(text: str) -> int | None:
    """Turn "1,200", "two dozen", "twenty-five", "dozens", "3 million" into a number (ACLED's
    conservative values for vague words)."""
    t = " ".join(text.lower().replace("-", " ").split())
    if t == "the":
        return 1  # "the victim died"
    if t in _VAGUE:
        return _VAGUE[t]
    if _UNKNOWN_NUMBER.fullmatch(t):
        return _UNKNOWN_PLURAL
    m = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)\s*(million|thousand)?", t)
    if m:
        value = float(m.group(1).replace(",", ""))
        return int(value * _SCALE.get(m.group(2) or "", 1))
    total, current = 0, 0
    for word in t.split():
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _SCALE:
            current = max(current, 1) * _SCALE[word]
            if _SCALE[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current if (total or current) else None


def is_cumulative(sentence: str) -> bool:
    return bool(_CUMULATIVE.search(sentence))


def find_fatalities(sentence: Span) -> Fatalities | None:
    """The fatality count a sentence gives for its own event, or None.

    The lowest credible figure wins when a sentence gives several; cumulative tolls give none.
    """
    text = sentence.text
    if not _ANY_DEATH_WORD.search(text) or is_cumulative(text):
        return None
    found: list[Fatalities] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if _NOT_DEATH.search(m.group(0)) or _NEGATED.search(text[: m.start()]):
                continue
            count = parse_number(m.group("n"))
            if count is None or count == 0:
                continue
            q = m.groupdict().get("q")
            start, end = sentence.start + m.start("n"), sentence.start + m.end("n")
            span = Span(sentence.article_id, start, end, m.group("n"))
            found.append(Fatalities(count, " ".join(q.split()).lower() if q else None, span))
    for pattern in (_KILLED_AND_INJURED, _UNCOUNTED):
        for m in pattern.finditer(text):
            if _NEGATED.search(text[: m.start()]):
                continue
            q = m.groupdict().get("q")
            span = Span(sentence.article_id, sentence.start + m.start("n"), sentence.start + m.end("n"), m.group("n"))
            found.append(Fatalities(_UNKNOWN_PLURAL, " ".join(q.split()).lower() if q else None, span))
    if not found:
        return None
    return min(found, key=lambda f: f.count)


# --- from the parse ------------------------------------------------------------------------------
# Reports word deaths in more ways than the patterns above list ("1 Burundian soldier was
# killed", "the other died", "5 FC personnel and 1 officer were killed"): the victims are the
# patients of a death predicate, counted from their number words and determiners.

_KILL_VERBS = frozenset({"kill", "slay", "murder", "execute", "massacre", "behead", "assassinate", "lynch", "slaughter"})
_DIE_VERBS = frozenset({"die", "perish", "succumb"})
_ONE = frozenset({"a", "an", "one", "the", "another", "each"})
_ONE_PRONOUNS = frozenset({"he", "she", "him", "her", "one", "other"})
_NO_DEATH = frozenset({"no", "not", "never", "nobody", "none"})


def parse_fatalities(sent, to_span) -> Fatalities | None:  # type: ignore[no-untyped-def]
    """The killed of a parsed sentence (spaCy Span), or None. `to_span` turns a spaCy span into
    a record Span. Deaths that are negated, planned or cumulative give none."""
    if is_cumulative(sent.text):
        return None
    total, first = 0, None
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX") or _unreal(tok):
            continue
        lemma = tok.lemma_.lower()
        if lemma in _KILL_VERBS or (lemma == "shoot" and any(c.lower_ == "dead" for c in tok.children)) or _to_death(tok):
            victims = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]
            if not victims and tok.dep_ == "conj":  # "was shot and killed"
                victims = [c for c in tok.head.children if c.dep_ == "nsubjpass"]
        elif lemma in _DIE_VERBS and not any(c.dep_ == "mark" for c in tok.children):
            # "the other died", not "lived with her until he died"
            victims = [c for c in tok.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        else:
            continue
        for victim in victims:
            for person in (victim, *victim.conjuncts):
                n, where = _count(person)
                if n:
                    total += n
                    first = first or where
    if not total or first is None:
        return None
    return Fatalities(total, None, to_span(first))


def _to_death(verb) -> bool:  # type: ignore[no-untyped-def]
    """"shot two men to death", "was stabbed to death": any harm done to death is a killing."""
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children) for c in verb.children)


def _unreal(verb) -> bool:  # type: ignore[no-untyped-def]
    return verb.dep_ in ("xcomp", "amod") or any(c.dep_ in ("neg", "aux") and c.lower_ in _NO_DEATH | {"will", "would", "could", "may", "might"} for c in verb.children)


def _count(noun):  # type: ignore[no-untyped-def]
    """How many people one victim phrase names, and the words that say so."""
    doc = noun.doc
    if any(c.lower_ in _NO_DEATH for c in noun.children) or noun.lower_ in _NO_DEATH:
        return 0, None
    if noun.pos_ == "NUM":  # "4 were killed"
        return parse_number(noun.text) or 0, doc[noun.i : noun.i + 1]
    if noun.pos_ == "PRON":
        return (1, doc[noun.i : noun.i + 1]) if noun.lower_ in _ONE_PRONOUNS else (0, None)
    if noun.pos_ == "ADJ" and noun.lower_ == "other" and any(c.lower_ == "the" for c in noun.children):
        return 1, doc[noun.i - 1 : noun.i + 1]  # "one was injured and the other died"
    if noun.pos_ not in ("NOUN", "PROPN"):
        return 0, None
    for c in noun.children:
        if c.dep_ == "nummod":
            n = parse_number(" ".join(t.text for t in c.subtree if t.dep_ != "quantmod" or t.like_num))
            return (n or 0), doc[c.i : c.i + 1]
    if noun.tag_ in ("NN", "NNP") or noun.lower_ == "other":
        det = next((c for c in noun.children if c.dep_ == "det"), None)
        if det is not None and det.lower_ in _ONE:
            return 1, doc[det.i : noun.i + 1]
        poss = next((c for c in noun.children if c.dep_ == "poss"), None)
        if poss is not None and noun.tag_ == "NN":
            return 1, doc[poss.i : noun.i + 1]  # "her daughter", "the officer's brother"
        if noun.pos_ == "PROPN" and noun.ent_type_ == "PERSON":
            return 1, doc[noun.i : noun.i + 1]  # a named victim
    return 0, None
