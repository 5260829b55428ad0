"""A lemma fallback for words a statistical lemmatizer never saw: simplemma's Swedish lexicon (964k forms).

Trained lemmatizers are weakest on long domain compounds (skyddsutrustningen, äldreboenden). When a model folder
holds `train_forms.txt` (the lower-cased word forms of its training data, written by scripts/nlp/build_spacy.py),
the fallback applies to open-class tokens whose form is not in it; for other models it applies when the model left
the form unchanged. It answers with simplemma's lemma when simplemma knows the form, else it lower-cases a
capitalised (sentence-initial) word the model only copied; proper nouns and closed classes are left alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

OPEN_CLASS = frozenset({"NOUN", "ADJ", "VERB"})
TRAIN_FORMS_FILE = "train_forms.txt"
FALLBACKS = ("none", "simplemma")


@lru_cache(maxsize=1)
def _simplemma_sv() -> Mapping[str, str]:
    """simplemma's Swedish form → lemma table (loaded once; about 1 s): the one its own `lemmatize` reads, since a
    factory of our own would decode the lexicon a second time."""
    from simplemma.strategies.dictionaries.dictionary_factory import DEFAULT_DICTIONARY_FACTORY

    table: Mapping[str, str] = DEFAULT_DICTIONARY_FACTORY.get_dictionary("sv")
    return table


def simplemma_lookup(form: str) -> str | None:
    """simplemma's lemma for a form (exact, then lower-cased), or None when the lexicon does not know it."""
    table = _simplemma_sv()
    lemma = table.get(form) or table.get(form.lower())
    return lemma


class LemmaFallback:
    """Replaces lemmas of unseen open-class words with simplemma's, when simplemma knows the word."""

    def __init__(self, known_forms: frozenset[str] | None) -> None:
        self.known_forms = known_forms
        self._cache: dict[tuple[str, str, str], str] = {}

    @classmethod
    def create(cls, name: str, model_dir: Path | None = None) -> LemmaFallback | None:
        """The fallback called `name` ("none" or "simplemma"); None for "none"."""
        from textsamverkan.errors import E_OPTION, UserError, did_you_mean

        if name == "none":
            return None
        if name != "simplemma":
            raise UserError(
                E_OPTION,
                f"unknown lemma fallback '{name}'.{did_you_mean(name, FALLBACKS)}",
                f"choose one of: {', '.join(FALLBACKS)}",
            )
        known = None
        if model_dir is not None and (model_dir / TRAIN_FORMS_FILE).is_file():
            text = (model_dir / TRAIN_FORMS_FILE).read_text(encoding="utf-8")
            known = frozenset(text.split("\n"))
        _simplemma_sv()  # load the lexicon now (about 1 s), not in the middle of the first document
        return cls(known)

    def lemma(self, form: str, upos: str, model_lemma: str) -> str:
        """The lemma to keep for a token: the model's, or simplemma's for an unseen open-class word."""
        if upos not in OPEN_CLASS:
            return model_lemma
        key = (form, upos, model_lemma)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        lower = form.lower()
        known = self.known_forms
        unseen = lower not in known if known is not None else model_lemma.lower() == lower
        result = model_lemma
        if unseen:
            found = simplemma_lookup(form)
            if found:
                result = found.lower()
            elif model_lemma == form and form.istitle():
                result = lower  # a capitalised sentence-initial word the model only copied
        self._cache[key] = result
        return result
