"""Plain scraped text to blocks: title, body, boilerplate, trailing photo caption.

The article text is kept exactly as given (offsets into it are the public contract); cleaning
only labels lines, it never rewrites them.
"""

from __future__ import annotations

import re

from ..records import Block, BlockKind

# Lines a scraper leaves behind: share widgets, ads, navigation, newsletter prompts.
_BOILERPLATE = re.compile(
    r"""^\s*(?:
        share(?:\s+this)?(?:\s+(?:article|story|page|post))?(?:\s+(?:on|via)\s+\w+)?|advertisement|advert|sponsored(?:\s+content)?|
        read\s+more|related(?:\s+(?:articles|stories|content|coverage))?|more\s+stories|
        subscribe(?:\s+now)?|sign\s+up.*newsletter.*|follow\s+us.*|click\s+here.*|comments?|
        tweet|email|print|whatsapp|facebook|twitter|linkedin|skip\s+(?:to\s+)?(?:main\s+)?content|
        (?:copyright\s*)?©.*|all\s+rights\s+reserved\.?|loading(?:\.\.\.|…)?|
        (?:photo|image|video)\s*(?:credit)?\s*:.{0,60}|getty\s+images|ap\s+photo.{0,40}|
        story\s+continues\s+below.*|continue\s+reading.*|top\s+stories|most\s+read|menu|home
    )\s*[.:!]?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Credit lines mark the line they end as a photo caption: "... (AP Photo/Name)".
_CREDIT = re.compile(r"\((?:AP|AFP|Reuters|Getty|EPA)[^)]*\)\s*$|\b(?:Photo|Picture|Image)\s*:\s*[^.]{2,40}$", re.IGNORECASE)
_END_PUNCT = re.compile(r"""[.!?"”’')\]…]\s*$""")
TITLE_MAX_WORDS = 20  # headlines are short; longer unpunctuated first lines are body text
CAPTION_MIN_WORDS = 5  # "Aleppo" alone is a dateline or tag, not a caption


# "BEIRUT (Reuters) -", "Beirut, May 3 (AFP) —", "KARACHI:", "GAZA CITY, 12 June -": a place in
# capitals or title case, an optional date, an optional (agency), then a dash or colon. Where the
# story was filed: never the place of what it reports.
_DATE_IN_DATELINE = r"(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s*\d{4})?)?"
# A calendar year as news writes it.
YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
MONTH_WORD = rf"(?:{'|'.join(MONTH_NAMES)})[a-z]*\.?"  # "May", "Sept.", "December"
_MONTHS = rf"(?:{'|'.join(m.capitalize() for m in MONTH_NAMES)})[a-z]*\.?"  # capitalised: "may" is a verb
# A written-out calendar date with its year ("3 May 2020", "May 3rd, 2020"): a report's own day.
EXPLICIT_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS},?\s+\d{{4}}|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})\b"
)

DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][\w'.-]*(?:[ ,/]+[A-Z][\w'.-]*){0,3})"
    + _DATE_IN_DATELINE
    + r"\s*(?P<agency>\((?:[^()]|\([^()]{1,20}\)){1,40}\))?\s*(?:--?|–|—|:)\s+"
)


def is_boilerplate(line: str) -> bool:
    return bool(_BOILERPLATE.match(line))


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, trimmed of surrounding whitespace."""
    out = []
    for m in re.finditer(r"[^\r\n]+", text):
        raw = m.group(0)
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        out.append((m.start() + lead, m.start() + lead + len(stripped)))
    return out


def _unwrap(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join hard-wrapped lines (a newline inside a sentence, as wire feeds and scrapers leave
    them) into one paragraph: a line that does not end a sentence continues on the next line
    when that line starts in lower case, or when both are long prose lines with no blank line
    between them. Blank lines always end a paragraph."""
    out: list[tuple[int, int]] = []
    for s, e in lines:
        if out:
            ps, pe = out[-1]
            prev, line = text[ps:pe], text[s:e]
            gap = text[pe:s]
            headline = len(out) == 1 and not line.lstrip()[:1].islower()  # a first line may be the headline
            if gap.count("\n") <= 1 and not headline and not is_boilerplate(prev) and not is_boilerplate(line) and _continues(prev, line):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


WRAP_MIN_CHARS = 40  # a prose line this long with no final stop was cut by a wrap


def _continues(prev: str, line: str) -> bool:
    if _END_PUNCT.search(prev):
        return False
    first = line.lstrip()[:1]
    if first.islower() or first in ",;:)—–-":
        return True
    return len(prev) >= WRAP_MIN_CHARS and len(line.split()) >= 2 and not _CREDIT.search(prev)


def split_blocks(text: str) -> tuple[Block, ...]:
    """Label every paragraph of scraped text (a line, or hard-wrapped lines joined) as title,
    body, caption or boilerplate."""
    lines = _unwrap(text, _lines(text))
    content = [(s, e) for s, e in lines if not is_boilerplate(text[s:e])]
    title = content[0] if len(content) > 1 else None
    if title and (_END_PUNCT.search(text[title[0] : title[1]]) or len(text[title[0] : title[1]].split()) > TITLE_MAX_WORDS):
        title = None
    last = content[-1] if len(content) > 1 else None
    blocks: list[Block] = []
    for s, e in lines:
        line = text[s:e]
        if is_boilerplate(line):
            kind = BlockKind.BOILERPLATE
        elif (s, e) == title:
            kind = BlockKind.TITLE
        elif _CREDIT.search(line) or ((s, e) == last and _looks_like_caption(line)):
            kind = BlockKind.CAPTION
        else:
            kind = BlockKind.BODY
        blocks.append(Block(kind, s, e))
    return tuple(blocks)


def _looks_like_caption(line: str) -> bool:
    """A trailing line with no closing punctuation that still reads as a sentence."""
    return not _END_PUNCT.search(line) and len(line.split()) >= CAPTION_MIN_WORDS
