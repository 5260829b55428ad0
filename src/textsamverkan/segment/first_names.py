"""Common first names in Sweden, for telling a one-word speaker label ("Olivia:") from a heading ("Bakgrund:"), and
for finding names when pseudonymising (pii.names).

One list, `data/first_names.txt`: names common in Sweden written by hand from general knowledge (traditional Swedish
and Nordic names, and names common among people born abroad or to parents born abroad), and the given names of
members of the Riksdag (riksdagen-persons, CC0). It is evidence, not a gate: a one-word label that is not here can
still be a person when the text writes it as part of a full name, mid-sentence, or as a speaker's own name at the
start of their turn. Compared by folded key (accents removed, lower case).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path


def _key(word: str) -> str:
    """The folded key (as `names.fold`, which imports this module): accents removed, lower case."""
    decomposed = unicodedata.normalize("NFKD", word.strip())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


# read beside this module, not through the package (textsamverkan.segment imports this module as it loads)
_LIST = Path(__file__).resolve().parent / "data" / "first_names.txt"
FIRST_NAMES = frozenset(_key(name) for name in _LIST.read_text(encoding="utf-8").split())


def is_first_name(word: str) -> bool:
    """True for a common first name, in any case or accent ("Olivia", "IRENE", "Iréne"); a hyphenated name is
    one when each part is ("Ann-Britt", "Lars-Olof")."""
    key = _key(word)
    return key in FIRST_NAMES or ("-" in key and all(part in FIRST_NAMES for part in key.split("-")))
