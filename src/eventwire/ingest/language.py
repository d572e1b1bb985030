"""Which language an article is in, and whether it is coded.

Identification on a few dozen words is unreliable: a short English sentence dense with place
names ("... in Sukkur city (Sukkur, Sindh) ...") can come out as Nigerian Pidgin or Tagalog. So
a short text is rejected only when the identifier is confident that it is in none of the coded
languages *and* the text has few English function words; otherwise it is coded, and the
detected language and its probability are recorded on the article either way. Long texts are
judged by the identifier alone.
"""

from __future__ import annotations

import os
import pickle
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version as _version
from pathlib import Path
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
def _identifier(cache_dir: Path | None = None) -> Any:
    """py3langid's identifier. Its packaged model is LZMA-compressed and takes half a second to
    unpack, on every run before the first article; with a cache directory the unpacked model is
    kept there (one pickle per py3langid version) and loads in a tenth of that."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    path = None if cache_dir is None else Path(cache_dir) / f"langid-{_version('py3langid')}.pickle"
    if path is not None and path.exists():
        try:
            with path.open("rb") as fh:
                found = pickle.load(fh)
            if isinstance(found, LanguageIdentifier):
                return found
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
            pass  # a damaged cache is rebuilt below
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(identifier, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)  # atomic: a concurrent run reads the old file or the whole new one
        except OSError:
            pass  # a read-only cache only costs the unpacking
    return identifier


def function_word_share(text: str) -> float:
    words = [w.lower() for w in _WORD.findall(text)]
    return sum(w in ENGLISH_FUNCTION_WORDS for w in words) / len(words) if words else 0.0


def identify(text: str, languages: tuple[str, ...] | list[str] = ("en",), cache_dir: Path | None = None) -> Language:
    """The best language of `text`, its probability, and whether a run that codes `languages`
    codes it."""
    sample = text[:5000]
    ranked = _identifier(cache_dir).rank(sample)
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
