"""The bundled Swedish valence lexicon (nlp/valence_sv.txt, from the Swedish translation of VADER; notice in the
file): how positive or negative a word is, from -4 to 4. Claim verification reads an evaluative word of a statement
against the word the evidence has in its place ("gynnar" against "en katastrof för"). Rebuilt by
scripts/nlp/build_valence.py.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def valence() -> dict[str, float]:
    """Lower-case word form → its valence (-4 … 4)."""
    from importlib.resources import files

    table: dict[str, float] = {}
    text = files("textsamverkan.nlp").joinpath("valence_sv.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        word, value = line.split()
        table[word] = float(value)
    return table
