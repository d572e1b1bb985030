"""Near-duplicate articles: syndicated wire copies and re-publications are coded once.

A MinHash sketch of each article's word 3-shingles is stored with the article, and its LSH band
keys in an indexed table, so finding earlier copies is one indexed query per article whatever
the size of the database (memory stays flat), and works across runs and processes.

Sketch similarity only nominates candidates: one over DUPLICATE_JACCARD is a copy only if the
two texts are the same story (`same_story`, below), so template briefs that differ in a town, a
date, a number or an actor are coded each. `eventwire run` (run.find_copies) checks earlier
articles of its batch with `best_match` and stored ones with `stored_copy`. The sketch covers a
text's story lines (`core_lines`); databases written before that sketched the whole body,
headline included, which lowers the similarity of their titled articles to new copies a little.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from typing import Any

import numpy as np
from datasketch import MinHash

NUM_PERM = 64
BANDS, ROWS = 16, 4  # 16 bands of 4 rows: P(candidate) is 0.98 at Jaccard 0.8 and 0.04 at 0.3
# Estimated shingle Jaccard at or above which two articles are copies of one story. Wire copies
# with a changed dateline or one extra paragraph score 0.8-0.95; distinct reports on the same
# event score well under 0.5 (measured on the team's examples and the merge benchmark corpus).
DUPLICATE_JACCARD = 0.7
SHINGLE = 3
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def sketch(text: str) -> np.ndarray:
    """The MinHash of a text's story lines (`core_lines`: no headline, boilerplate, credits or
    wire dateline), so a re-publication under a new headline sketches like the original."""
    m = MinHash(num_perm=NUM_PERM, seed=1)
    m.update_batch(list(shingles("\n".join(core_lines(text)[0]))))
    return m.hashvalues.astype(np.uint64)


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u8").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u8")


def band_keys(sig: np.ndarray) -> list[str]:
    """One key per LSH band; two articles sharing any key are candidate copies."""
    out = []
    for b in range(BANDS):
        chunk = sig[b * ROWS : (b + 1) * ROWS].astype("<u8").tobytes()
        out.append(f"{b}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}")
    return out


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


def best_match(
    sig: np.ndarray, candidates: Iterable[tuple[Any, ...]], text: str | None = None
) -> tuple[str, float] | None:
    """The most similar candidate at or above DUPLICATE_JACCARD, or None.

    Candidates are (id, sketch) or (id, sketch, text), the text a string or a function that
    loads it. When `text` is given, a candidate that has a text matches only if it is the same
    story (`same_story`); the next most similar one is tried otherwise."""
    scored = []
    for article_id, other, *rest in candidates:
        sim = similarity(sig, other)
        if sim >= DUPLICATE_JACCARD:
            scored.append((sim, article_id, rest[0] if rest else None))
    scored.sort(key=lambda c: -c[0])  # stable: of equally similar ones, the first
    for sim, article_id, other_text in scored:
        if text is not None and callable(other_text):
            other_text = other_text()
        if text is None or other_text is None or same_story(text, other_text):
            return article_id, sim
    return None


def stored_copy(store: Any, sig: np.ndarray, text: str) -> tuple[str, float] | None:
    """The stored article (its canonical one) that `text` with sketch `sig` is a copy of: the
    store's band lookup, then the same-story check against each close candidate's body."""
    import json

    from sqlalchemy import select

    from .store import schema as s

    a = s.articles
    with store.reading() as conn:
        ids = list(conn.execute(select(s.article_bands.c.article_id).where(s.article_bands.c.key.in_(band_keys(sig))).distinct().limit(50)).scalars())
        if not ids:
            return None
        rows = conn.execute(select(a.c.id, a.c.canonical_id, a.c.sketch).where(a.c.id.in_(ids))).all()
        close = [(r.id, r.canonical_id or r.id, from_bytes(r.sketch)) for r in rows if r.sketch]
        close = [c for c in close if similarity(sig, c[2]) >= DUPLICATE_JACCARD]
        if not close:
            return None
        bodies = {}
        for r in conn.execute(select(a.c.id, a.c.text, a.c.blocks).where(a.c.id.in_([c[0] for c in close]))):
            kinds = ("title", "body", "caption")
            bodies[r.id] = "\n".join(r.text[b["start"] : b["end"]] for b in json.loads(r.blocks) if b["kind"] in kinds)
    return best_match(sig, ((canonical, other, bodies.get(row_id)) for row_id, canonical, other in close), text)


# -- Is a candidate really the same story? ------------------------------------------------------
#
# Shingle similarity cannot tell a copy from a template: monitoring briefs, police bulletins and
# ACLED-style notes repeat one sentence and change only the town, the date, a number or an actor
# ("... fired 82mm mortars at the positions of X in the area of Sakhanka" / "... of Elenovka"),
# and score 0.8 or more. So a candidate over DUPLICATE_JACCARD is a copy only if the two texts
# also agree on their distinguishing tokens. The two bodies are aligned word by word (after
# dropping what re-publication changes: the headline, scraper boilerplate, credit and byline
# lines, tag lines, a leading wire dateline); every substitution, and every insertion or deletion
# of a few words, is looked at; if the tokens that differ include a number, a date word, a
# capitalised name or (for a substitution) a content word that the other side lacks, they are
# two reports. Added or removed whole lines and sentences (an extra paragraph, "Reuters", a
# trailing "Reporting by ...") are copy edits and do not count.
#
# A wrong "not a copy" costs little (the article is coded, and the event merge still joins two
# reports of one event); a wrong "copy" loses an event. So the check errs towards "not a copy".

SMALL_EDIT = 3  # an insertion or deletion of at most this many words can change the facts
TAG_LINE_WORDS = 3  # lines this short ("Reuters", "World", "By Staff") are tags, not story
ALIGN_WORDS = 4000  # words of each text aligned (a 30,000-word pair would take seconds)

_TOKEN = re.compile(r"\w+", re.UNICODE)
_CREDIT_LINE = re.compile(
    r"^\W*(?:(?:additional\s+)?(?:reporting|writing|editing|compiled|produced|translated|"
    r"written|edited)\s+by\b|by\s+[A-Z]|\(?(?:AP|AFP|Reuters|Getty|EPA)\s+Photo\b)"
    r"|\((?:AP|AFP|Reuters|Getty|EPA|Xinhua)[^)]*\)\s*$",
    re.IGNORECASE,
)
MONTHS = frozenset(
    "january february march april june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)  # "may" is a verb too: capitalised, it counts as a name anyway
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred hundreds thousand thousands million millions dozen dozens first second third fourth
    fifth""".split()
)
# Words whose change does not make another report: English function words, reporting verbs and
# the relative time words an outlet rewrites when it re-publishes ("on Friday" stays a date).
STOP_WORDS = frozenset(
    """a an the of in on at to by for with from into onto over under near around about after
    before during since until against among between through across along within without and or
    but nor so as than then that this these those there here it its he she they them his her
    their our we you i who whom whose which what when where while why how is are was were be been
    being has have had do does did will would could should can may might must shall not no also
    just only very more most some any all both each other another such same said says say saying
    told tells added adding stated according reported reportedly report reports claimed claims
    mr mrs ms dr yesterday today tonight earlier later late recently now still already""".split()
)


def _is_distinguishing(token: str) -> bool:
    low = token.lower()
    if any(ch.isdigit() for ch in token):
        return True
    if low in MONTHS or low in WEEKDAYS or low in NUMBER_WORDS:
        return True
    return token[:1].isupper() and low not in STOP_WORDS


def _is_content(token: str) -> bool:
    low = token.lower()
    return len(low) > 2 and low.isalpha() and low not in STOP_WORDS


def _norm(token: str) -> str:
    """Case-blind and crudely stemmed, so "Killed"/"kills" or "protesters"/"protester" agree."""
    low = token.lower()
    if len(low) > 4:
        for suffix in ("ing", "ed", "es", "s"):
            if low.endswith(suffix) and len(low) - len(suffix) >= 3:
                return low[: -len(suffix)]
    return low


def core_lines(text: str) -> tuple[list[str], str | None]:
    """The story lines of a text, and the place of its wire dateline if it has one: no headline,
    scraper boilerplate, credit, byline or tag lines, and the dateline cut off the first line."""
    from .ingest.text import DATELINE, split_blocks
    from .records import BlockKind

    blocks = split_blocks(text)
    lines = [text[b.start : b.end] for b in blocks if b.kind in (BlockKind.BODY, BlockKind.CAPTION)]
    lines = [ln for ln in lines if not _CREDIT_LINE.search(ln) and len(_TOKEN.findall(ln)) > TAG_LINE_WORDS]
    place = None
    if lines:
        m = DATELINE.match(lines[0])
        wire = m and (m.group("agency") or m.group("place").isupper() or m.group(0).rstrip()[-1] in "-–—")
        if m and wire and (m.group("place").isupper() or m.group("place").split()[0].lower() not in STOP_WORDS):
            place = m.group("place").split(",")[0].strip(" /").lower()  # the city, not its country
            lines[0] = lines[0][m.end() :]
    if not any(_TOKEN.search(ln) for ln in lines):
        return [text], None
    return lines, place


def _tokens(lines: list[str]) -> tuple[list[str], set[int], set[int]]:
    words: list[str] = []
    starts: set[int] = set()
    ends: set[int] = set()
    for ln in lines:
        toks = _TOKEN.findall(ln)
        if not toks:
            continue
        starts.add(len(words))
        words.extend(toks)
        ends.add(len(words))
    return words, starts, ends


def differences(a: str, b: str) -> list[str]:
    """The distinguishing tokens on which two texts disagree (empty: the same story)."""
    from collections import Counter
    from difflib import SequenceMatcher

    lines_a, place_a = core_lines(a)
    lines_b, place_b = core_lines(b)
    out: list[str] = []
    if place_a and place_b and place_a != place_b:
        out += [place_a, place_b]  # two datelines from two places
    wa, sa, ea = _tokens(lines_a)
    wb, sb, eb = _tokens(lines_b)
    cut = len(wa) > ALIGN_WORDS or len(wb) > ALIGN_WORDS
    wa, wb = wa[:ALIGN_WORDS], wb[:ALIGN_WORDS]
    ka, kb = [w.lower() for w in wa], [w.lower() for w in wb]
    only_a: Counter[str] = Counter()
    only_b: Counter[str] = Counter()
    for op, i1, i2, j1, j2 in SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if cut and (i2 == len(wa) or j2 == len(wb)):
            continue  # where one text was cut, the other runs on
        side_a, side_b = wa[i1:i2], wb[j1:j2]
        if op in ("insert", "delete"):
            span, starts, ends, lo, hi = (side_b, sb, eb, j1, j2) if op == "insert" else (side_a, sa, ea, i1, i2)
            if len(span) > SMALL_EDIT or (lo in starts and hi in ends):
                continue  # an added or dropped sentence, paragraph or line
        keep = _is_distinguishing if op != "replace" else (lambda t: _is_distinguishing(t) or _is_content(t))
        only_a.update(_norm(t) for t in side_a if keep(t))
        only_b.update(_norm(t) for t in side_b if keep(t))
    # a word moved from one place to another is no difference
    out += sorted((only_a - only_b).elements()) + sorted((only_b - only_a).elements())
    return out


def same_story(a: str, b: str) -> bool:
    """Whether two texts whose shingles already match are copies of one story."""
    return not differences(a, b)
