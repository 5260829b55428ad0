"""The bundled Swedish thesaurus (nlp/thesaurus_sv.txt, from the LibreOffice Swedish thesaurus; notice in the file).

One headword per line followed by its synonyms; taken both ways but not further (a synonym of a synonym is not one).
Claim verification credits a statement word found as a synonym; codebook suggestions propose corpus words that are
synonyms of a code's terms. Rebuilt by scripts/nlp/build_thesaurus.py.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def thesaurus() -> dict[str, frozenset[str]]:
    """Lower-case word → its synonyms (single words)."""
    from importlib.resources import files

    table: dict[str, set[str]] = {}
    text = files("textsamverkan.nlp").joinpath("thesaurus_sv.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        head, *others = line.split()
        table.setdefault(head, set()).update(others)
        for other in others:
            table.setdefault(other, set()).add(head)
    return {word: frozenset(others) for word, others in table.items()}
