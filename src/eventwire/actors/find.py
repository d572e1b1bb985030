"""Find the actors an article mentions and resolve each to a canonical Actor.

Three passes over each block's parsed Doc, each taking only tokens no earlier pass claimed:
1. named groups from the registry (longest match first, so "Army of Conquest" beats "Army");
2. noun phrases headed by an actor noun ("Syrian army", "Russian strikes", "Western-backed
   rebels", "forces loyal to Syrian President Bashar Assad's government"), grown from the head
   noun over its modifiers by the dependency parse, resolved with the article's focus country;
3. named entities: organisations the registry lacks are kept as written with a guessed inter code
   and `known=False`, never dropped; a people named as a noun ("Kurds"); a country or capital
   that acts ("Moscow said", "talks with Jordan") as that state's government.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..annotate import AnnotatedArticle, BlockDoc
from ..records import Actor, ActorMention
from .registry import ActorRegistry, first_piece, is_acronym, normalize

# Longest registry alias in tokens ("Jama'atu Ahlis Sunna Lidda'awati wal-Jihad" is about 12);
# longer n-grams are never looked up.
_MAX_ALIAS_TOKENS = 14
_MAX_HEAD_TOKENS = 5
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "npadvmod", "case", "punct", "advmod"})
_STOP_POS = frozenset({"DET", "NUM", "ADP", "CCONJ", "PRON", "SCONJ"})
# "rebel-held areas": the actor word describes territory, it is not an actor acting.
_DESCRIPTOR_PARTICIPLES = frozenset(
    {"held", "controlled", "backed", "allied", "affiliated", "linked", "led", "run"}
    | {"aligned", "supported", "dominated", "leaning", "friendly"}
)
# State nouns used as a modifier of another noun ("military colleges", "police station") name
# places and things, not forces; "an opposition blogger" is a blogger, not the armed opposition.
_STATE_MODIFIERS = frozenset({"military", "army", "police", "security", "navy", "government", "regime", "air force", "opposition"})
_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "ROOT", "agent"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# A country is an actor where it acts or is acted with or against ("talks with Jordan",
# "sanctions against Iraq"); after "in", "to", "from" it is a place.
_PARTY_PREPS = frozenset({"by", "with", "against", "on", "toward", "towards", "between"})


def find_actors(
    annotated: AnnotatedArticle, registry: ActorRegistry, country: str | None, on: dt.date | None
) -> list[ActorMention]:
    """Every actor mention in the article, in text order; `country` is the article's focus (ISO2)
    and decides what "regime forces" or "the police" mean; `on` picks the name valid that day."""
    mentions: list[ActorMention] = []
    for block in annotated.docs:
        mentions.extend(_block_mentions(annotated.article.id, block, registry, country, on))
    mentions.sort(key=lambda m: (m.span.start, m.span.end))
    return mentions


def _block_mentions(
    article_id: str, block: BlockDoc, registry: ActorRegistry, focus: str | None, on: dt.date | None
) -> list[ActorMention]:
    doc = block.doc
    taken = [False] * len(doc)
    found: list[tuple[SpacySpan, Actor]] = []

    def claim(span: SpacySpan, actor: Actor) -> None:
        for i in range(span.start, span.end):
            taken[i] = True
        found.append((span, actor))

    for span, lineage_id in _named_matches(doc, registry):
        claim(span, registry.actor_for(lineage_id, on, focus))
    for span in _head_phrases(doc, registry):
        if any(taken[span.start : span.end]):
            continue
        actor = registry.resolve(span.text, on, focus)
        if actor is not None and actor.lineage and actor.lineage.startswith("generic:unidentified"):
            actor = _identity_militia(span, actor, registry) or actor
        if actor is None:
            actor = _unresolved_head(span, registry)
        if actor is not None:
            claim(span, actor)
            for other_span, other in _conjunct_countries(span, actor, registry, on, focus):
                if not any(taken[other_span.start : other_span.end]):
                    claim(other_span, other)
    for ent in doc.ents:
        span = ent[1:] if len(ent) > 1 and ent[0].pos_ == "DET" else ent
        if any(taken[span.start : span.end]):
            continue
        actor = _entity_actor(span, ent.label_, registry, focus, on)
        if actor is not None:
            claim(span, actor)
    return [ActorMention(block.token_span(article_id, span), actor) for span, actor in found]


def _named_matches(doc: Doc, registry: ActorRegistry) -> list[tuple[SpacySpan, str]]:
    """Registry aliases as token n-grams, longest first, never overlapping."""
    out: list[tuple[SpacySpan, str]] = []
    i = 0
    while i < len(doc):
        if first_piece(doc[i].text) not in registry.first_pieces:
            i += 1
            continue
        hit: tuple[SpacySpan, str] | None = None
        for size in range(min(_MAX_ALIAS_TOKENS, len(doc) - i), 0, -1):
            span = doc[i : i + size]
            if span[-1].is_punct or span[0].is_punct or span[0].pos_ == "DET":
                continue
            text = span.text
            lineage = registry.exact_aliases.get(text) if is_acronym(text) else registry.aliases.get(normalize(text))
            if lineage is not None:
                hit = (span, lineage)
                break
        if hit is None:
            i += 1
            continue
        if _opposed(hit[0]):
            i += 1  # "anti-Houthi National Resistance forces": the group's opponents, not the group
            continue
        i = hit[0].end
        if not _is_descriptor(hit[0]):
            out.append(hit)
    return out


def _opposed(span: SpacySpan) -> bool:
    """The name follows "anti-" ("anti-Houthi forces"); a name that begins with it ("Anti-Balaka")
    is matched from "anti" and so is not affected."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].text == "-" and doc[span.start - 2].lower_ == "anti"


def _head_phrases(doc: Doc, registry: ActorRegistry) -> list[SpacySpan]:
    """Actor noun phrases: a head noun ("troops", "government forces") grown over its modifiers."""
    phrases: list[SpacySpan] = []
    i = 0
    while i < len(doc):
        if first_piece(doc[i].text) not in registry.first_pieces:
            i += 1
            continue
        head: SpacySpan | None = None
        for size in range(min(_MAX_HEAD_TOKENS, len(doc) - i), 0, -1):
            span = doc[i : i + size]
            if (
                span[0].pos_ != "DET"
                and registry.head_kind(span.text) is not None
                and span[-1].pos_ in ("NOUN", "PROPN", "ADJ", "VERB")
            ):
                head = span
                break
        if head is None:
            i += 1
            continue
        i = head.end
        if _is_descriptor(head) or _is_state_modifier(head, registry):
            continue
        phrases.append(_grow(head, registry))
    return phrases


def _is_descriptor(head: SpacySpan) -> bool:
    doc = head.doc
    return head.end + 1 < len(doc) and doc[head.end].text == "-" and doc[head.end + 1].lower_ in _DESCRIPTOR_PARTICIPLES


def _is_state_modifier(head: SpacySpan, registry: ActorRegistry) -> bool:
    last = head[-1]
    if normalize(head.text) not in _STATE_MODIFIERS or last.dep_ not in ("compound", "amod", "nmod"):
        return False
    # ... unless the two words are an actor head together ("opposition factions")
    together = f"{head.text} {last.head.text}"
    return registry.head_kind(last.head.text) is None and registry.head_kind(together) is None and last.head.i > last.i


def _grow(head: SpacySpan, registry: ActorRegistry) -> SpacySpan:
    """Extend a head match left over its modifiers and right over "loyal to X", "of X", "from X"
    or "in X" where X names a country ("security forces in Guinea")."""
    doc = head.doc
    root = head.root
    start = _left_edge(root, head.start)
    if start == head.start and root.dep_ in ("amod", "compound") and root.head.i > root.i:
        # "Russian civilian advisers": the country modifies the noun the head word modifies
        start = _left_edge(root.head, head.start)
    cc = [t.i for t in doc[start : head.start] if t.dep_ == "cc" or t.text == ","]
    if cc:  # "US and British forces": the nearest conjunct is this mention's modifier
        start = cc[-1] + 1
    while start < head.start and (doc[start].pos_ in _STOP_POS and doc[start].dep_ != "poss" or doc[start].is_punct):
        start += 1
    end = head.end
    for child in root.rights:
        if child.i < end:
            continue
        if child.lower_ in ("loyal", "allied") and child.i == end:
            end = child.right_edge.i + 1
        elif child.dep_ == "prep" and child.lower_ in ("of", "from", "in") and child.i == end:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and registry.country_of(doc[pobj.left_edge.i : pobj.i + 1].text):
                end = pobj.i + 1
        break
    while end > head.end and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]


def _conjunct_countries(
    span: SpacySpan, actor: Actor, registry: ActorRegistry, on: dt.date | None, focus: str | None
) -> list[tuple[SpacySpan, Actor]]:
    """The other states' forces a coordinated country names beside this mention: "Indian and
    Pakistani troops", "the armies of Armenia and Azerbaijan" are two actors, each the phrase with
    the other country put in; the conjunct alone is its evidence."""
    doc = span.doc
    out: list[tuple[SpacySpan, Actor]] = []
    for tok in span:
        if tok.dep_ not in ("amod", "compound", "nmod", "pobj", "conj") or registry.country_of(tok.text) is None:
            continue
        for conj in tok.conjuncts:
            if span.start <= conj.i < span.end or registry.country_of(conj.text) is None:
                continue
            lo, hi = sorted((tok.i, conj.i))
            if not any(t.dep_ == "cc" and t.lower_ in ("and", "&") for t in doc[lo:hi]):
                continue  # "Russian or Syrian aircraft": one of them, not both
            at = tok.idx - span.start_char
            text = span.text[:at] + conj.text + span.text[at + len(tok.text) :]
            other = registry.resolve(text, on, focus)
            if other is not None and other.name != actor.name:
                out.append((doc[conj.i : conj.i + 1], other))
    return out


def _left_edge(root: Token, start: int) -> int:
    """Start of the modifiers written before `start` that hang on `root`, nearest first."""
    for child in reversed(list(root.lefts)):
        if child.i >= start:
            continue
        possessive = child.dep_ == "poss"
        if not possessive and (child.pos_ in _STOP_POS or child.dep_ not in _MODIFIER_DEPS):
            break
        if child.right_edge.i != start - 1:
            break
        start = child.left_edge.i
    return start


_MILITIA_HEADS = frozenset({"militia", "militias", "militiaman", "militiamen"})
_COMMUNAL = {"communal": "Communal", "ethnic": "Communal", "tribal": "Communal", "clan": "Clan", "inter-communal": "Communal"}


def _identity_militia(span: SpacySpan, actor: Actor, registry: ActorRegistry) -> Actor | None:
    """ACLED's identity militias (inter 4): a militia named by its people ("Tiv militias",
    "Fulani militiamen") or called communal, ethnic, tribal or clan, rather than an unidentified
    armed group (3)."""
    root = span.root
    if root.lower_ not in _MILITIA_HEADS or actor.country is None or actor.country not in registry.countries:
        return None
    country = registry.countries[actor.country].name
    for mod in (t for t in span if t.i < root.i and t.dep_ in ("compound", "amod", "nmod")):
        if mod.lower_ in _COMMUNAL:
            return Actor(f"Unidentified {_COMMUNAL[mod.lower_]} Militia ({country})", 4, actor.country, None, known=False)
        if mod.text[:1].isupper() and (mod.pos_ == "PROPN" or mod.ent_type_ == "NORP") and not registry.country_of(mod.text):
            return Actor(f"{mod.text} Ethnic Militia ({country})", 4, actor.country, None, known=False)
    return None


def _unresolved_head(span: SpacySpan, registry: ActorRegistry) -> Actor | None:
    """A contextual head with no country to resolve it ("the army" in an article of unknown
    focus) is kept as written; a head that is no actor on its own ("strikes") is not."""
    found = registry.head_in(normalize(span.text))
    if found is None:
        return None
    kind, head = found
    if head not in kind.contextual:
        return None
    return Actor(span.text, kind.inter, None, None, known=False)


def _acts(root: Token, is_country: bool) -> bool:
    """Whether a place name is used as an actor: a subject ("Moscow said"); for a country also an
    object or the object of a party preposition."""
    if root.dep_ in _SUBJECT_DEPS or (root.dep_ == "pobj" and root.head.lower_ == "by"):
        return True
    if not is_country:
        return False
    if root.dep_ == "conj":
        return _acts(root.head, is_country)
    return root.dep_ in ("dobj", "appos") or (root.dep_ == "pobj" and root.head.lower_ in _PARTY_PREPS)


def _entity_actor(
    span: SpacySpan, label: str, registry: ActorRegistry, focus: str | None, on: dt.date | None
) -> Actor | None:
    root: Token = span.root
    if label == "ORG":
        actor = registry.resolve(span.text, on, focus)
        if actor is not None:
            return actor
        text = span.text
        inter = registry.guess_inter(text)
        if inter is None:
            return None
        return Actor(text, inter, registry.country_of(text), None, known=False)
    if label == "NORP" and root.dep_ in _NOMINAL_DEPS and root.tag_ in ("NNS", "NNPS"):
        actor = registry.resolve(span.text, on, focus)
        return actor or Actor(span.text, 7, focus, None, known=False)
    if label == "GPE":
        iso = registry.exact_terms.get(span.text) or registry.country_terms.get(normalize(span.text.replace("-", " ")))
        if iso and _acts(
            root, registry.country_of(span.text) is not None and normalize(span.text) not in registry.cities
        ):
            return registry.government(iso, focus)
    return None
