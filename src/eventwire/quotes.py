"""Quotes and claims: who said what, in their words ("direct") or reported ("indirect").

News tells events through sources: "the UN said 300,000 people were trapped" is a claim with a
figure and an owner, not the reporter's own fact, and the coder needs both. Direct quotes are
found from quotation marks (a quote may run over several sentences), indirect ones from the parse
(a speech verb with a clausal complement, "according to X", "a statement by X said"). Speakers get
a name, role and affiliation from apposition ("Thomas Pierret, a Syria expert at the University of
Edinburgh"); a later bare surname resolves to the full name. A pronoun is resolved only when the
previous quote in the same paragraph names a person; otherwise it stays as written and
`resolved=False`, because a wrong speaker is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .annotate import AnnotatedArticle, BlockDoc
from .records import Quote, Speaker

# Speech verbs (lemmas) that attribute a quote or introduce reported speech. Verbs of belief and
# evidence ("suggest", "indicate", "believe") are left out: their subjects are rarely speakers.
_CUES = frozenset(
    [
        "say",
        "tell",
        "state",
        "claim",
        "report",
        "announce",
        "add",
        "warn",
        "insist",
        "allege",
        "confirm",
        "deny",
        "estimate",
        "explain",
        "note",
        "argue",
        "acknowledge",
        "stress",
        "admit",
        "declare",
        "maintain",
        "assert",
        "reveal",
        "write",
        "predict",
        "tweet",
        "post",
        "ask",
        "reply",
        "shout",
        "recall",
        "continue",
        "vow",
        "promise",
    ]
)
_INDIRECT_CUES = _CUES - {"ask", "shout", "continue", "recall", "reply"}
# Nouns that carry words for their issuer: "a statement by the army said ...".
_CARRIER_NOUNS = frozenset(
    ["statement", "report", "communique", "communiqué", "announcement", "release", "letter", "message", "post", "video"]
)
_ROLE_NOUNS = frozenset(
    [
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "officials",
        "commander",
        "leader",
        "head",
        "director",
        "chief",
        "minister",
        "analyst",
        "expert",
        "researcher",
        "source",
        "sources",
        "representative",
        "member",
        "officer",
        "governor",
        "mayor",
        "president",
        "secretary",
        "envoy",
        "ambassador",
        "adviser",
        "advisor",
        "professor",
        "lawyer",
        "witness",
        "witnesses",
        "correspondent",
    ]
)
_PRONOUNS = frozenset(["he", "she", "they", "we", "i", "it", "you"])
_PERSON_PRONOUNS = frozenset({"he", "she"})
_AFFILIATION_PREPS = frozenset({"at", "of", "for", "with", "from"})
_DIRECT = re.compile(r"“([^“”]*)(?:”|$)|\"([^\"\n]*)\"")
# A quotation of fewer words is a scare quote or a term ("the “collapse” of"), not a statement.
_MIN_QUOTE_WORDS = 3
_ATTRIBUTION_WINDOW = 40  # tokens after or before a quote searched for "X said"
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "a": 1,
}
_MULTIPLIERS = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}


@dataclass(frozen=True, slots=True)
class _Found:
    start: int  # doc characters of the quoted text
    end: int
    kind: str
    speaker: Speaker | None
    speaker_span: tuple[int, int] | None
    cue: str | None
    figures: tuple[int, ...]


def extract_quotes(annotated: AnnotatedArticle) -> list[Quote]:
    """Every direct and indirect quote in the article, in text order, with its speaker."""
    people = _people(annotated)
    article_id = annotated.article.id
    quotes: list[Quote] = []
    for block in annotated.docs:
        found = _direct(block.doc, people)
        used = [(f.start, f.end) for f in found]
        found += [f for f in _indirect(block.doc, people) if not _overlaps(f, used)]
        found.sort(key=lambda f: f.start)
        found = _resolve_pronouns(found)
        quotes.extend(_to_quote(block, article_id, f) for f in found)
    quotes.sort(key=lambda q: q.span.start)
    return quotes


def _to_quote(block: BlockDoc, article_id: str, f: _Found) -> Quote:
    speaker_span = block.span(article_id, *f.speaker_span) if f.speaker_span else None
    return Quote(block.span(article_id, f.start, f.end), f.kind, f.speaker, speaker_span, f.cue, f.figures)


def _overlaps(f: _Found, used: list[tuple[int, int]]) -> bool:
    return any(f.start < end and start < f.end for start, end in used)


# -- direct quotes ----------------------------------------------------------------------------


def _direct(doc: Doc, people: dict[str, Speaker]) -> list[_Found]:
    out: list[_Found] = []
    text = doc.text  # spaCy rebuilds doc.text on every access
    for match in _DIRECT.finditer(text):
        group = 1 if match.group(1) is not None else 2
        start, end = _trim(text, match.start(group), match.end(group))
        if len(text[start:end].split()) < _MIN_QUOTE_WORDS:
            continue
        cue, head = _attribution(doc, match.start(), match.end())
        speaker, span = _speaker(head, people) if head is not None else (None, None)
        content = doc.char_span(start, end, alignment_mode="expand")
        figures = _figures(content) if content is not None else ()
        out.append(_Found(start, end, "direct", speaker, span, _cue_name(cue), figures))
    return out


def _cue_name(cue: Token | None) -> str | None:
    if cue is None:
        return None
    return "according to" if cue.lower_ == "according" else cue.lemma_.lower()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _attribution(doc: Doc, open_char: int, close_char: int) -> tuple[Token | None, Token | None]:
    """The speech verb and speaker head that attribute a quote: after it ('”, said X' / '”, X
    said') in the same sentence, or before it ('X said: “').

    A window stops at sentence-final punctuation or another quotation mark, so a quote never
    takes the attribution of its neighbour.
    """
    size = doc[-1].idx + len(doc[-1].text) if len(doc) else 0
    first = doc.char_span(close_char, size, alignment_mode="expand") if close_char < size else None
    after = doc[first.start : first.start + _ATTRIBUTION_WINDOW] if first is not None else []
    window: list[Token] = []
    for tok in after:
        if tok.text in ("“", '"') or (tok.text in (".", "!", "?") and window):
            break
        window.append(tok)
    found = _cue_and_subject(window)
    if found[0] is not None:
        return found
    upto = doc.char_span(0, open_char, alignment_mode="contract") if open_char > 0 else None
    stop = upto.end if upto is not None else 0
    before = list(doc[max(0, stop - _ATTRIBUTION_WINDOW) : stop])
    if before and before[-1].text in (":", ","):
        window = []
        for tok in reversed(before[:-1]):
            if tok.text in (".", "!", "?", "”", '"'):
                break
            window.insert(0, tok)
        return _cue_and_subject(window)
    return None, None


def _cue_and_subject(window: list[Token]) -> tuple[Token | None, Token | None]:
    ids = {t.i for t in window}
    for tok in window:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            source = next((c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            return tok, source
        if tok.lemma_.lower() in _CUES and tok.pos_ in ("VERB", "AUX"):
            subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in ids), None)
            if subject is None:
                nouns = [
                    t for t in window if t.i != tok.i and t.pos_ in ("PROPN", "NOUN", "PRON") and t.dep_ != "npadvmod"
                ]
                subject = nouns[0] if nouns and nouns[0].ent_type_ not in ("DATE", "TIME") else None
            return tok, subject
    return None, None


# -- indirect quotes --------------------------------------------------------------------------


def _indirect(doc: Doc, people: dict[str, Speaker]) -> list[_Found]:
    out: list[_Found] = []
    for sent in doc.sents:
        out.extend(_speech_verbs(sent, people))
        out.extend(_according_to(sent, people))
    return out


def _speech_verbs(sent: SpacySpan, people: dict[str, Speaker]) -> Iterator[_Found]:
    for tok in sent:
        if tok.lemma_.lower() not in _INDIRECT_CUES or tok.pos_ not in ("VERB", "AUX"):
            continue
        clause = _reported_clause(tok)
        if clause is None:
            continue
        subject = _subject(tok)
        if subject is None:
            continue
        start, end = _clause_bounds(clause)
        if end - start < _MIN_QUOTE_WORDS:
            continue
        claim = sent.doc[start:end]
        speaker, span = _speaker(subject, people)
        yield _Found(claim.start_char, claim.end_char, "indirect", speaker, span, tok.lemma_.lower(), _figures(claim))


def _reported_clause(verb: Token) -> Token | None:
    """The clause a speech verb reports: its ccomp, or a "that" clause the parser hung on an
    intervening phrase ("said in a statement that ...")."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is not None:
        return clause
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for pobj in prep.children:
            for c in pobj.children:
                if c.dep_ in ("acl", "ccomp", "relcl") and any(
                    g.dep_ == "mark" and g.lower_ == "that" for g in c.children
                ):
                    return c
    return None


def _subject(verb: Token) -> Token | None:
    """The speaker of a speech verb; "adding that ..." borrows the subject of the verb it hangs on."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj", "xcomp"):
        anchor = verb.head
        while (
            anchor.dep_ in ("ccomp", "conj", "advcl")
            and anchor.head is not anchor
            and anchor.lemma_.lower() not in _CUES
        ):
            anchor = anchor.head
        subject = next((c for c in anchor.children if c.dep_ == "nsubj"), None)
    return subject


def _clause_bounds(clause: Token) -> tuple[int, int]:
    """Token range of a reported clause without its "that" and trailing punctuation; a trailing
    participle clause after a comma (", making Aleppo one of ...") is the reporter's gloss."""
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    doc = clause.doc
    for child in clause.rights:
        if child.dep_ == "advcl" and child.tag_ == "VBG" and doc[child.left_edge.i - 1].text == ",":
            end = min(end, child.left_edge.i - 1)
    while start < end and (doc[start].dep_ == "mark" or doc[start].is_punct):
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return start, end


def _according_to(sent: SpacySpan, people: dict[str, Speaker]) -> Iterator[_Found]:
    doc = sent.doc
    for tok in sent:
        if tok.lower_ != "according" or tok.i + 1 >= sent.end or doc[tok.i + 1].lower_ != "to":
            continue
        source = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
        if source is None:
            continue
        phrase_end = max(source.right_edge.i + 1, tok.i + 2)
        if tok.i - sent.start <= 1:  # "According to X, claim."
            start, end = phrase_end, sent.end
        else:  # "claim, according to X."
            start, end = sent.start, tok.i
        while start < end and doc[start].is_punct:
            start += 1
        while end > start and doc[end - 1].is_punct:
            end -= 1
        if end - start < _MIN_QUOTE_WORDS:
            continue
        claim = doc[start:end]
        speaker, span = _speaker(source, people)
        yield _Found(claim.start_char, claim.end_char, "indirect", speaker, span, "according to", _figures(claim))


# -- speakers ---------------------------------------------------------------------------------


def _speaker(head: Token, people: dict[str, Speaker]) -> tuple[Speaker, tuple[int, int]]:
    """Name, role and affiliation of the phrase headed by `head`, and its character range."""
    doc = head.doc
    if head.lower_ in _PRONOUNS and head.pos_ == "PRON":
        return Speaker(head.text, resolved=False), (head.idx, head.idx + len(head.text))
    if head.lemma_.lower() in _CARRIER_NOUNS:
        issuer = next(
            (
                g
                for c in head.children
                if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
        if issuer is not None:
            return _speaker(issuer, people)
    name_span = _name_span(head)
    role, affiliation = _title(name_span, head)
    appos = next((c for c in head.children if c.dep_ == "appos"), None)
    end_tok = name_span.end
    if appos is not None:
        role, affiliation = _role_of(appos)
        end_tok = max(end_tok, appos.right_edge.i + 1)
    if head.pos_ == "NOUN" and name_span.root.i == head.i:
        # "a spokesman for the army": role and affiliation; "the operations room for X": a name
        end_tok = max(end_tok, _core_end(head))
        name_span = doc[name_span.start : end_tok]
        prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ in _AFFILIATION_PREPS), None)
        if head.lemma_.lower() in _ROLE_NOUNS:
            role = role or head.text
            pobj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
            if pobj is not None and affiliation is None:
                affiliation = _strip_det(doc[pobj.left_edge.i : _core_end(pobj)]).text
    name = _strip_det(name_span).text
    while end_tok > name_span.start and doc[end_tok - 1].is_punct:
        end_tok -= 1
    speaker = Speaker(name, role, affiliation)
    known = people.get(name.split()[-1]) if name else None
    if known is not None and len(name.split()) == 1 and head.pos_ == "PROPN":
        speaker = Speaker(known.name, role or known.role, affiliation or known.affiliation)
    span_start = _strip_det(name_span).start_char if role is None or appos is not None else doc[name_span.start].idx
    return speaker, (span_start, doc[end_tok - 1].idx + len(doc[end_tok - 1].text))


def _core_end(tok: Token) -> int:
    """End of a noun phrase without its relative clauses, appositions and anything after a comma
    ("the operation room for the Conquest of Aleppo, which represents ...")."""
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ not in ("prep", "pobj", "compound", "flat", "amod", "nummod", "poss") or child.left_edge.i != end:
            break
        end = _core_end(child)
    return end


def _name_span(head: Token) -> SpacySpan:
    doc = head.doc
    if head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"):
        ent = next((e for e in doc.ents if e.start <= head.i < e.end), None)
        if ent is not None:
            return ent
    start = head.i
    for child in reversed(list(head.lefts)):
        if child.dep_ in ("compound", "amod", "nmod", "flat") and child.right_edge.i == start - 1:
            start = child.left_edge.i
        else:
            break
    return doc[start : head.i + 1]


def _title(name: SpacySpan, head: Token) -> tuple[str | None, str | None]:
    """Role and affiliation written before a person's name ("UN spokesman Stephane Dujarric")."""
    if name.label_ != "PERSON":
        return None, None
    doc = head.doc
    start = name.start
    for child in reversed(list(head.lefts)):
        if child.i < start and child.dep_ in ("compound", "amod", "nmod") and child.right_edge.i == start - 1:
            start = child.left_edge.i
    if start == name.start:
        return None, None
    title = [t for t in doc[start : name.start] if t.pos_ != "DET"]
    role = " ".join(t.text for t in title if t.pos_ != "PROPN" or t.ent_type_ == "") or None
    affiliation = " ".join(t.text for t in title if t.pos_ == "PROPN" and t.ent_type_ != "") or None
    return role, affiliation


def _role_of(appos: Token) -> tuple[str | None, str | None]:
    """From an appositive ("a Syria expert at the University of Edinburgh"): role, affiliation."""
    doc = appos.doc
    role = _strip_det(doc[appos.left_edge.i : appos.i + 1]).text or None
    affiliation = None
    for prep in appos.rights:
        if prep.dep_ == "prep" and prep.lower_ in _AFFILIATION_PREPS:
            pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if pobj is not None and any(t.pos_ == "PROPN" for t in pobj.subtree):
                affiliation = _strip_det(doc[pobj.left_edge.i : pobj.right_edge.i + 1]).text
            break
    return role, affiliation


def _strip_det(span: SpacySpan) -> SpacySpan:
    start = span.start
    while start < span.end - 1 and (span.doc[start].pos_ == "DET" or span.doc[start].is_punct):
        start += 1
    return span.doc[start : span.end]


def _people(annotated: AnnotatedArticle) -> dict[str, Speaker]:
    """Surname -> the fullest mention of that person in the article (name, role, affiliation), so
    that "Pierret said" resolves to "Thomas Pierret, a Syria expert at ..."."""
    people: dict[str, Speaker] = {}
    for block in annotated.docs:
        for ent in block.doc.ents:
            if ent.label_ != "PERSON" or len(ent) < 2:
                continue
            appos = next((c for c in ent.root.children if c.dep_ == "appos"), None)
            role, affiliation = _role_of(appos) if appos is not None else _title(ent, ent.root)
            person = Speaker(ent.text, role, affiliation)
            known = people.get(ent[-1].text)
            if known is None or (known.role is None and role is not None):
                people[ent[-1].text] = person
    return people


def _is_person_pronoun(speaker: Speaker | None) -> bool:
    return speaker is not None and not speaker.resolved and (speaker.name or "").lower() in _PERSON_PRONOUNS


def _is_named(speaker: Speaker | None) -> bool:
    return speaker is not None and speaker.resolved and (speaker.name or "")[:1].isupper()


def _resolve_pronouns(found: list[_Found]) -> list[_Found]:
    """A "he"/"she" right after a quote by a named person in the same paragraph is that person:
    the one antecedent clear enough to take; any other pronoun stays unresolved."""
    out: list[_Found] = []
    previous: Speaker | None = None
    for f in found:
        if _is_person_pronoun(f.speaker) and _is_named(previous):
            f = replace(f, speaker=previous)
        out.append(f)
        previous = f.speaker
    return out


# -- figures ----------------------------------------------------------------------------------


def _figures(span: SpacySpan) -> tuple[int, ...]:
    """Integers stated in a claim ("300,000", "two dozen", "1.5 million"); dates and ordinals are
    not figures."""
    figures: list[int] = []
    tokens = list(span)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        i += 1
        if tok.ent_type_ in ("DATE", "TIME", "ORDINAL") or not tok.like_num:
            continue
        value = _number(tok.lower_)
        if value is None:
            continue
        while i < len(tokens) and tokens[i].lower_ in _MULTIPLIERS:
            value = int(value * _MULTIPLIERS[tokens[i].lower_])
            i += 1
        figures.append(int(value))
    return tuple(figures)


def _number(text: str) -> float | None:
    if text in _NUMBER_WORDS:
        return _NUMBER_WORDS[text]
    cleaned = text.replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        return None
