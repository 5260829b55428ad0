"""Coded, actionable errors. Every message says what was wrong and what to do next.

Commands catch `UserError` and print it without a traceback; anything else is a bug.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class UserError(Exception):
    """A problem the user can fix: bad input, a missing file, a stage run in the wrong order.

    `code` is stable (E101, ...) so it can be looked up in the README; `hint` says what to do.
    """

    def __init__(self, code: str, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        text = f"[{self.code}] {self.message}"
        return f"{text}\n  → {self.hint}" if self.hint else text


class ReadError(UserError):
    """A file that could not be read; ingest reports it and goes on with the other files."""

    def __init__(self, path: str, code: str, message: str, hint: str = "") -> None:
        super().__init__(code, f"{path}: {message}", hint)
        self.path = path


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A 'did you mean …?' suffix for a mistyped name, or '' when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" Did you mean '{close[0]}'?" if close else ""


# Error codes, one place, so the README table and the code stay in step.
E_NOT_FOUND = "E101"
E_EMPTY = "E102"
E_BINARY = "E103"
E_ENCODING = "E104"
E_TOO_LARGE = "E105"
E_MALFORMED = "E106"
E_UNSUPPORTED = "E107"
E_MANIFEST = "E108"
E_METADATA = "E109"
E_FILTER = "E110"
E_PROJECT_MISMATCH = "E111"
E_UNREADABLE = "E112"
E_NO_DOCUMENT = "E201"
E_STAGE_MISSING = "E202"
E_DB = "E203"
E_DB_BUSY = "E204"
E_NO_RUN = "E205"
E_RUN_INPUT = "E206"
E_OPTION = "E301"
E_MISSING_PACKAGE = "E401"
E_MODEL = "E402"
E_PII_NO_KEY = "E501"
E_PII_BAD_KEY = "E502"
E_PII_REVIEW = "E503"
E_UNKNOWN_CODE = "E601"
