"""Which language an article is in, and whether it is coded.

Identification on a few dozen words is unreliable: a short English sentence dense with place
names ("... in Sukkur city (Sukkur, Sindh) ...") can come out as Nigerian Pidgin or Tagalog. So
a short text is rejected only when the identifier is confident that it is in none of the coded
languages *and* the text has few English function words; otherwise it is coded, and the
detected language and its probability are recorded on the article either way. Long texts are
judged by the identifier alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# A text is short under either bound (ACLED notes and wire briefs are 15-80 words).
SHORT_WORDS = 60
SHORT_CHARS = 400
# A short text is rejected only if the identifier gives the coded languages together less than
# this probability (normalised over all languages). English notes the identifier calls Pidgin
# or Shona keep 0.07-0.45 for English; French, Spanish, German or Indonesian sentences keep
# under 0.001.
NOT_CODED_CONFIDENCE = 0.95
# ... and fewer than this share of its words are English function words.
FEW_FUNCTION_WORDS = 0.10
# English function words that are not also common words of other Latin-script languages: "a",
# "in", "on", "an", "was", "is", "of", "to", "by", "for", "at", "die", "no", "or", "he", "so"
# and "also" are left out, since German, French, Dutch, Spanish or Polish sentences are full of
# them and would look English.
ENGLISH_FUNCTION_WORDS = frozenset(
    """the and with from said says were been has have had are will would could should not but
    than then there their they them his its who whom which that this these those what when where
    while after during against into about between among near around outside before since until
    because being upon unless""".split()
)
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Language:
    code: str  # the identifier's best label (ISO 639)
    confidence: float  # its normalised probability
    coded: bool  # whether the article is coded (False: rejected as not_english)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def function_word_share(text: str) -> float:
    words = [w.lower() for w in _WORD.findall(text)]
    return sum(w in ENGLISH_FUNCTION_WORDS for w in words) / len(words) if words else 0.0


def identify(text: str, languages: tuple[str, ...] | list[str] = ("en",)) -> Language:
    """The best language of `text`, its probability, and whether a run that codes `languages`
    codes it."""
    sample = text[:5000]
    ranked = _identifier().rank(sample)
    code, confidence = str(ranked[0][0]), float(ranked[0][1])
    if code in languages:
        return Language(code, confidence, True)
    if len(sample.split()) >= SHORT_WORDS and len(sample) >= SHORT_CHARS:
        return Language(code, confidence, False)
    coded_probability = sum(float(p) for lang, p in ranked if lang in languages)
    confident = coded_probability < 1.0 - NOT_CODED_CONFIDENCE
    english_words = "en" in languages and function_word_share(sample) >= FEW_FUNCTION_WORDS
    return Language(code, confidence, not confident or english_words)


def detect_language(text: str) -> str:
    """The identifier's best label for `text` (kept for callers that only want the label)."""
    return identify(text).code
