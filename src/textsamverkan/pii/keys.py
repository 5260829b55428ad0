"""The researcher's pseudonymisation key: made once, kept out of every export, required for every redaction.

A key is 32 random bytes written as 64 hex digits. Pseudonyms are HMAC-SHA256(key, person) so that the same key
gives the same "Person N" on every rerun, while someone without the key cannot test a guessed name against a
pseudonym. `key_check` is a short fingerprint that a review file carries to tell whether it was made with the
same key.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from pathlib import Path

from textsamverkan.errors import E_PII_BAD_KEY, E_PII_NO_KEY, UserError

KEY_HINT = "make one with `textsamverkan pii key -o pii.key` and keep it outside every folder you share"


def new_key() -> str:
    """A fresh random key as 64 hex digits."""
    return secrets.token_hex(32)


def write_key(path: Path) -> Path:
    """Write a new key to `path` (never over an existing file: that would change every pseudonym)."""
    if path.exists():
        raise UserError(E_PII_BAD_KEY, f"{path} exists already", "keep the existing key, or choose another path")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(new_key() + "\n", encoding="ascii")
    path.chmod(0o600)
    return path


def load_key(path: Path | None) -> bytes:
    """The key in `path`; E501 when none is given or the file is missing, E502 when it is not a key."""
    if path is None:
        raise UserError(E_PII_NO_KEY, "redaction needs a key (--key-file)", KEY_HINT)
    if not path.is_file():
        raise UserError(E_PII_NO_KEY, f"key file {path} not found", KEY_HINT)
    text = path.read_text(encoding="utf-8", errors="replace").strip()
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = b""
    if len(key) < 16:
        raise UserError(
            E_PII_BAD_KEY,
            f"{path} is not a pseudonymisation key (expected 64 hex digits)",
            "pass the key file made by `textsamverkan pii key`, not another file",
        )
    return key


def digest(key: bytes, value: str) -> str:
    """HMAC-SHA256 of `value` under `key`, as hex."""
    return hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()


def key_check(key: bytes) -> str:
    """A fingerprint of the key (12 hex digits) that reveals nothing about it."""
    return digest(key, "textsamverkan-pii-key-check")[:12]


def person_labels(key: bytes, persons: set[str] | frozenset[str], *, prefix: str = "Person") -> dict[str, str]:
    """One "Person N" per person key, N in 1–9999 from the keyed digest (collisions move to the next free N in
    digest order), so a label does not depend on the order people appear in, and mostly survives adding texts."""
    labels: dict[str, str] = {}
    used: set[int] = set()
    for person, hexdigest in sorted(((p, digest(key, p)) for p in persons), key=lambda item: item[1]):
        number = int(hexdigest[:12], 16) % 9999 + 1
        while number in used:
            number = number % 9999 + 1
        used.add(number)
        labels[person] = f"{prefix} {number}"
    return labels
