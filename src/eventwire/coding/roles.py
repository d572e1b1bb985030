"""Who did it to whom: actor1 and actor2 of one event mention, read from the parse around its
trigger rather than from word order.

* verbs: the subject acts (or the "by" phrase of a passive); the object, the passive subject and
  the object of "on" / "against" / "at" are acted on; "clashed with X" makes X the other side;
* event nouns: "X's attack", "Russian strikes" (a modifier), "an attack by X on Y", "clashes between
  X and Y", and the subject of a light verb ("X launched an offensive", "X held a rally"); a noun in
  an adjunct ("In a major offensive, rebels pushed ...") takes the roles of the clause it modifies;
* whoever reports an event (the subject of "said", "reported", "claimed") is not its actor, and
  civilians are never actor1 of violence.

Pure functions of the Doc and the article's actor mentions.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..records import ActorMention

_AGENT_PREPS = frozenset({"by"})
_PATIENT_PREPS = frozenset({"on", "against", "at", "upon", "targeting", "into", "from"})
_OTHER_SIDE_PREPS = frozenset({"with"})
_LIGHT_VERBS = frozenset(
    "launch carry conduct stage hold mount wage lead organise organize begin start continue unleash "
    "fire commit perpetrate claim join attend".split()
)
# Verbs whose subject uses the weapon their object names ("militants threw a grenade").
_WEAPON_VERBS = frozenset("use throw hurl lob plant detonate drop".split())  # with the light verbs "fire" and "launch"
# Triggers whose coordinated subjects fight each other ("Indian and Pakistani troops exchanged
# fire", "soldiers and rebels clashed"); under any other ("US and British forces launched
# strikes") coordinated actors act together.
_RECIPROCAL = frozenset("clash fight exchange skirmish battle brawl".split())
_SPEECH = frozenset("say tell report claim announce confirm accuse state add allege deny".split())


def _mention_at(tok: Token, mentions: Sequence[tuple[int, int, ActorMention]]) -> ActorMention | None:
    """The actor mention whose tokens cover `tok`, else one inside `tok`'s own phrase (its
    subtree, without relative clauses), nearest to it."""
    for s, e, m in mentions:
        if s <= tok.i < e:
            return _member_group(tok, m, mentions)
    phrase = [t.i for t in _own_phrase(tok)]
    inside = [(abs(s - tok.i), m) for s, e, m in mentions if s in phrase or (e - 1) in phrase]
    return min(inside, key=lambda x: x[0])[1] if inside else None


def _member_group(tok: Token, mention: ActorMention, mentions: Sequence[tuple[int, int, ActorMention]]) -> ActorMention:
    """"seven militants of the Kamatapur Liberation Organization": unnamed men of a named group
    are that group."""
    if not mention.actor.name.startswith("Unidentified"):
        return mention
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        for g in (g for g in prep.children if g.dep_ == "pobj"):
            group = next((m for s, e, m in mentions if s <= g.i < e), None)
            if group is not None and group.actor.inter in (2, 3, 4) and not group.actor.name.startswith("Unidentified"):
                return group
    return mention


def _own_phrase(tok: Token) -> list[Token]:
    out = [tok]
    for child in tok.children:
        if child.dep_ in ("relcl", "acl", "advcl", "punct", "cc"):
            continue
        if child.dep_ == "prep" and child.lower_ not in ("of", "from", "loyal", "in"):
            continue
        out.extend(_own_phrase(child))
    return out


def _conjuncts(tok: Token) -> list[Token]:
    return [tok, *[c for c in tok.children if c.dep_ == "conj"]]


def _subject(verb: Token) -> Token | None:
    """The acting subject of a verb; a passive's "by" phrase; inherited over xcomp and conj."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if passive:
        # "were shot and killed by Taliban militants": the "by" phrase hangs on the last of the
        # verbs that share the subject, and names the doer of them all
        shared = [c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
        for v in (verb, *shared):
            for c in v.children:
                if c.dep_ == "agent":
                    return next((g for g in c.children if g.dep_ == "pobj"), None)
        return _operation_agent(verb)
    return _active_subject(verb)


_FRAME_PREPS = frozenset({"following", "during", "in", "after", "amid", "by"})


def _operation_agent(verb: Token) -> Token | None:
    """Who did the passive's deed when the clause names it through an operation: "8 militants
    were killed following an operation by ANDSF forces", "... during the security operations
    carried out by the gendarmerie"."""
    clause = [verb, *(c for c in verb.children if c.dep_ == "conj")]  # "were killed and 8 wounded following ..."
    if verb.dep_ == "conj":
        clause.append(verb.head)
    for prep in (c for v in clause for c in v.children):
        if prep.dep_ not in ("prep", "xcomp", "advcl") or prep.lower_ not in _FRAME_PREPS:
            continue
        for noun in (g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "NOUN"):
            for c in noun.children:
                if c.dep_ == "prep" and c.lower_ == "by":
                    return next((g for g in c.children if g.dep_ == "pobj"), None)
                if c.dep_ == "acl":
                    agent = next((x for x in c.children if x.dep_ == "agent"), None)
                    if agent is not None:
                        return next((g for g in agent.children if g.dep_ == "pobj"), None)
    return None


def _active_subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            return c
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head is not verb and verb.head.pos_ in ("VERB", "AUX"):
        if verb.dep_ == "advcl" and verb.tag_ != "VBG":
            return None
        return _subject(verb.head)
    return None


def _objects(verb: Token) -> list[Token]:
    out = []
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass", "obj", "dative"):
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in _PATIENT_PREPS | _OTHER_SIDE_PREPS:
            # "fired at the post", not "On 4 May, gunmen shot" nor "attacked on Monday"
            out.extend(g for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME"))
        elif c.dep_ == "prt":
            for g in c.children:
                if g.dep_ == "pobj":
                    out.append(g)
    return out


def _noun_roles(noun: Token) -> tuple[list[Token], list[Token]]:
    agents: list[Token] = []
    patients: list[Token] = []
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i and c.ent_type_ in ("NORP", "GPE", "ORG")):
            agents.append(c)
        elif c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i:
            agents.append(c)
        elif c.dep_ == "prep":
            pobjs = [g for g in c.children if g.dep_ == "pobj"]
            if c.lower_ in _AGENT_PREPS:
                agents.extend(pobjs)
            elif c.lower_ in _PATIENT_PREPS | _OTHER_SIDE_PREPS:
                patients.extend(pobjs)
            elif c.lower_ == "between" and pobjs:
                sides = _conjuncts(pobjs[0])
                agents.append(sides[0])
                patients.extend(sides[1:])
            elif c.lower_ == "of" and pobjs:
                patients.extend(pobjs)  # "the killing of two soldiers"
    agents.extend(_maker(noun))  # "shells fired by LNA forces", "a bomb planted by the Taliban"
    noun = _phrase_of(noun)
    head = noun.head
    if noun.dep_ in ("dobj", "attr") and head.lemma_.lower() in _LIGHT_VERBS | _WEAPON_VERBS | {"be"}:
        subj = _subject(head)
        if subj is not None:
            agents.append(subj)
    if noun.dep_ in ("nsubj",) and head.pos_ in ("VERB", "AUX"):
        patients.extend(_objects(head))  # "an attack hit a convoy"
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        clause = head.head  # "In a major offensive, rebels pushed government forces out"
        if head.lower_ in ("in", "during", "after", "amid"):
            subj = _subject(clause)
            if subj is not None:
                agents.append(subj)
            patients.extend(_objects(clause))
    return agents, patients


def _phrase_of(noun: Token) -> Token:
    """The noun phrase a trigger noun stands in for in the clause: the noun it modifies
    ("grenade" of "grenade launchers") and the first of its conjuncts ("fired IFVs and grenade
    launchers")."""
    while noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i > noun.i:
        noun = noun.head
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun


def _maker(subj: Token) -> list[Token]:
    """Who made or fired the subject when the subject is a thing: "shells fired by LNA forces
    killed four civilians", "a bomb planted by militants killed". Read after the subject itself,
    so "soldiers trained by the US killed" keeps the soldiers."""
    return [g for c in subj.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]


def structural_roles(head: Token) -> tuple[list[Token], list[Token]]:
    """Tokens that head the agent and the patient phrases of the mention at `head`."""
    if head.pos_ in ("VERB", "AUX"):
        subj = _subject(head)
        agents = [*_conjuncts(subj), *_maker(subj)] if subj is not None else []
        objects = _objects(head) or [o for v in head.children if v.dep_ == "conj" and v.pos_ == "VERB" for o in _objects(v)]
        patients = [c for o in objects for c in _conjuncts(o)]  # "shot and killed a policewoman"
        return agents, patients
    agents, patients = _noun_roles(head)
    return [c for a in agents for c in _conjuncts(a)], [c for p in patients for c in _conjuncts(p)]


def passive_patients(head: Token) -> list[Token]:
    """The subject of the passive verb an event noun hangs from ("two policemen were killed by
    a roadside mine"), who was acted on; empty for a verb trigger or an active clause."""
    if head.pos_ != "NOUN":
        return []
    verb = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return []
    return [c for c in verb.children if c.dep_ == "nsubjpass" and head not in c.subtree]


def _claims_own_deed(verb: Token) -> bool:
    """"IS claimed to have launched attacks", "the Taliban claimed responsibility for the blast":
    whoever claims a deed did it (ACLED codes the claimant), unlike "police said"."""
    if verb.lemma_.lower() != "claim":
        return False
    return any(c.dep_ == "xcomp" or (c.dep_ == "dobj" and c.lemma_.lower() in ("responsibility", "credit")) for c in verb.children)


def reporter_tokens(sent: SpacySpan) -> set[int]:
    """Token indexes of those who report rather than act ("police said", "officials reported")."""
    out: set[int] = set()
    for tok in sent:
        if tok.lemma_.lower() in _SPEECH and tok.pos_ in ("VERB", "AUX") and not _claims_own_deed(tok):
            for c in tok.children:
                # "police said": the reporter; "an airstrike was reported": what is reported
                if c.dep_ == "nsubj":
                    out.update(t.i for t in c.subtree)
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "according":
                    out.update(t.i for t in c.subtree)
        if tok.lower_ == "according" and tok.dep_ == "prep":
            out.update(t.i for t in tok.subtree)
    return out


def group_against(head: Token, sent: SpacySpan, mentions: Sequence[tuple[int, int, ActorMention]], victim: ActorMention) -> ActorMention | None:
    """"Soldiers were killed during an operation against Taliban militants": when no doer is
    named, the one registered armed group the sentence names apart from the victims (and from
    whoever reports it) is the other side."""
    reporters = reporter_tokens(sent)
    _, patients = structural_roles(head)
    victims = {t.i for p in patients for t in p.subtree}
    groups = {
        m.actor.name: m
        for s, e, m in mentions
        if m.actor.inter in (2, 3, 4) and m.actor.known and m.actor.name != victim.actor.name
        and not (victims | reporters) & set(range(s, e))
    }
    return next(iter(groups.values())) if len(groups) == 1 else None


def _reciprocal(head: Token) -> bool:
    """The trigger, or the verb its noun phrase hangs from, is one of mutual fighting ("clashed",
    "exchanged artillery fire")."""
    node = head
    while True:
        if node.lemma_.lower() in _RECIPROCAL:
            return True
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return False
        node = node.head


def _coordinated(mention: ActorMention, mentions: Sequence[tuple[int, int, ActorMention]], doc) -> set[ActorMention]:  # type: ignore[no-untyped-def]
    """The mentions joined to `mention` by "and" ("US and British forces", "police and soldiers")."""
    span = next(((s, e) for s, e, m in mentions if m is mention), None)
    if span is None:
        return set()
    linked = {c.i for t in doc[span[0] : span[1]] for c in t.conjuncts}
    return {m for s, e, m in mentions if m is not mention and linked & set(range(s, e))}


def choose_roles(
    head: Token, sent: SpacySpan, mentions: Sequence[tuple[int, int, ActorMention]]
) -> tuple[ActorMention | None, ActorMention | None]:
    """(actor1, actor2) for the mention at `head`. `mentions` are the sentence's actor mentions
    with their token range in the Doc."""
    if not mentions:
        return None, None
    reporters = reporter_tokens(sent)
    usable = [(s, e, m) for s, e, m in mentions if not any(i in reporters for i in range(s, e))]
    agents, patients = structural_roles(head)
    a1 = next((m for t in agents if (m := _mention_at(t, usable)) is not None), None)
    a2 = next((m for t in patients if (m := _mention_at(t, usable)) is not None and m is not a1), None)
    if a1 is None and a2 is None:
        # "two policemen were killed by a roadside mine": the passive's subject was hit
        a2 = next((m for t in passive_patients(head) if (m := _mention_at(t, usable)) is not None), None)
    if a1 is None and a2 is None:
        # no structural link: the nearest non-reporting actor before the trigger acts
        before = [m for s, e, m in usable if e <= head.i]
        after = [m for s, e, m in usable if s > head.i]
        a1 = before[-1] if before else (after[0] if after else None)
    if a1 is not None and a2 is None:
        # the other party named anywhere else in the sentence, nearest after the trigger first;
        # not one coordinated with actor 1 unless they fought each other
        partners = set() if _reciprocal(head) else _coordinated(a1, usable, sent.doc)
        others = [(s, m) for s, e, m in usable if m is not a1 and m.actor.name != a1.actor.name and m not in partners]
        after = [m for s, m in others if s > head.i]
        a2 = after[0] if after else (others[-1][1] if others else None)
    if a1 is not None and a2 is not None and a1.actor.name == a2.actor.name:
        a2 = None
    return a1, a2
