"""One exception hierarchy, and the stable reason codes of rejected inputs.

Reason codes are a public contract (they appear in the JSON output, the `rejects` table and
`eventwire rejects`): add new ones, never rename.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose; `code` is stable and searchable."""

    code = "E000"


class ModelMissing(EventwireError):
    code = "E001"


class GazetteerError(EventwireError):
    code = "E002"


class StoreError(EventwireError):
    code = "E003"


class InputError(EventwireError):
    """Raised inside ingest for one input; becomes a Reject with `reason`, never stops a run."""

    code = "E100"

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


# Stable reason codes for rejects, with what they mean (documented in the README).
REASONS: dict[str, str] = {
    "unreadable": "the input could not be opened or read",
    "empty": "no article text was found (empty file, or nothing but boilerplate)",
    "binary": "the input is not text (binary content)",
    "too_large": "the input is larger than the max_input_bytes setting",
    "too_deep": "the HTML is nested deeper than the max_html_depth setting",
    "bad_encoding": "the bytes could not be decoded as text in any likely encoding",
    "bad_json": "a JSONL line is not valid JSON",
    "bad_record": "a JSONL record lacks text/html or has fields of the wrong type",
    "bad_date": "the given publication date could not be parsed",
    "not_english": "the article's language is not one that is coded",
    "unsupported": "the file type is not one eventwire reads",
    "failed": "an unexpected error in a pipeline stage; the message says which",
}
