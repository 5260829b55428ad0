"""The `spacy` backend: any spaCy pipeline by name or path; by default an installed sv_core_news_* or the bundled one.

Default model order: sv_core_news_lg, sv_core_news_md, sv_core_news_sm when importable (installed as packages),
else the bundled models/sv_core_textsamverkan. The parser is off by default (about twice the speed); sentences then
come from the pipeline's `senter`, which is switched on for that. NER is off by default too (`ner=True` turns it
on): the bundled NER has its own tok2vec and would halve the throughput. By default (`lemma_fallback="simplemma"`) the
lemma of an open-class word the model did not see in training comes from simplemma's lexicon (see `lemmas.py`;
+2 to 3 points lemma accuracy on held-out data); `lemma_fallback="none"` keeps the model's lemmas.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from textsamverkan.errors import E_MISSING_PACKAGE, E_MODEL, UserError
from textsamverkan.nlp.lemmas import OPEN_CLASS, LemmaFallback
from textsamverkan.nlp.paths import SPACY_BUNDLED, bundled_model_path
from textsamverkan.nlp.types import BackendInfo, PieceAnnotation, TokenAnnotation

INSTALLED_DEFAULTS = ("sv_core_news_lg", "sv_core_news_md", "sv_core_news_sm")


def default_spacy_model() -> str:
    """The model `spacy` uses when none is named: the first installed sv_core_news_*, else the bundled path."""
    for name in INSTALLED_DEFAULTS:
        if importlib.util.find_spec(name) is not None:
            return name
    return str(bundled_model_path(SPACY_BUNDLED))


def load_spacy(model: str, *, parser: bool = False, ner: bool = False) -> Any:
    """`spacy.load(model)` with the parser and NER as asked, and a sentence segmenter guaranteed.

    Without the parser the pipeline's `senter` is switched on (it is off by default in sv_core_news_* and the
    bundled model); a pipeline with neither gets the rule-based `sentencizer`.
    """
    try:
        import spacy
    except ImportError as exc:
        raise UserError(
            E_MISSING_PACKAGE, "the spacy backend needs the spacy package", "pip install 'textsamverkan[nlp]'"
        ) from exc
    exclude = [] if parser else ["parser"]
    if not ner:
        exclude.append("ner")
    try:
        nlp = spacy.load(model, exclude=exclude)
    except OSError as exc:
        raise UserError(
            E_MODEL,
            f"spaCy model '{model}' could not be loaded: {exc}".splitlines()[0],
            "name an installed pipeline (e.g. sv_core_news_sm, installed with `python -m spacy download "
            "sv_core_news_sm` where the internet is reachable) or the path of a pipeline folder; leave --model "
            f"out to use the bundled models/{SPACY_BUNDLED}",
        ) from exc
    names = nlp.component_names
    if parser and "parser" in nlp.pipe_names and "senter" in nlp.pipe_names:
        nlp.disable_pipe("senter")
    elif not parser and "senter" in names:
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
    elif "parser" not in nlp.pipe_names and "senter" not in names:
        nlp.add_pipe("sentencizer", first=True)
    return nlp


class SpacyBackend:
    """Annotates with a spaCy `Language`; tokens that are only whitespace are left out."""

    def __init__(
        self,
        model: str | None = None,
        *,
        parser: bool = False,
        ner: bool = False,
        lemma_fallback: str = "simplemma",
        batch_size: int = 64,
    ) -> None:
        self.model_ref = model or default_spacy_model()
        self.nlp = load_spacy(self.model_ref, parser=parser, ner=ner)
        self.batch_size = batch_size
        self.has_parser = "parser" in self.nlp.pipe_names
        self._strings: dict[int, str] = {}
        self.fallback = LemmaFallback.create(lemma_fallback, Path(self.model_ref))
        meta = self.nlp.meta
        self.info = BackendInfo(
            backend="spacy",
            model=f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}",
            version=str(meta.get("version", "0")),
            options={
                "parser": self.has_parser,
                "ner": "ner" in self.nlp.pipe_names,
                "lemma_fallback": lemma_fallback,
                "pipeline": list(self.nlp.pipe_names),
                "spacy": meta.get("spacy_version", ""),
            },
        )

    def annotate(self, pieces: Iterable[str]) -> Iterator[PieceAnnotation]:
        for doc in self.nlp.pipe(pieces, batch_size=self.batch_size):
            yield self._convert(doc)

    def _convert(self, doc: Any) -> PieceAnnotation:
        """Read the Doc column-wise with `Doc.to_array` (no Token objects: the conversion is ~10 % of the time)."""
        from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, IS_SPACE, LEMMA, LENGTH, MORPH, POS, SENT_START
        from spacy.parts_of_speech import NAMES

        cols = doc.to_array([IDX, LENGTH, LEMMA, POS, MORPH, HEAD, DEP, ENT_IOB, ENT_TYPE, IS_SPACE, SENT_START])
        rows = cols.tolist()  # unsigned: HEAD (relative) wraps below zero, SENT_START -1 reads as 2**64 - 1
        text: str = doc.text
        string = self._string
        fallback = self.fallback
        has_parser = self.has_parser
        keep = [i for i, r in enumerate(rows) if not r[9]]
        index = {i: n for n, i in enumerate(keep)} if len(keep) < len(rows) else None
        tokens: list[TokenAnnotation] = []
        sentences: list[tuple[int, int]] = []
        sent_start = -1
        pending = True  # the next non-space token starts a sentence
        for i, row in enumerate(rows):
            idx, length, lemma_h, pos, morph_h, head_rel, dep_h, iob, ent_h, is_space, start_flag = row
            if is_space:
                pending = pending or start_flag == 1  # a start predicted on whitespace moves to the next word
                continue
            n = len(tokens)
            if start_flag == 1 or pending:
                if tokens:
                    sentences.append((sent_start, tokens[-1].end))
                sent_start = idx
                pending = False
            form = text[idx : idx + length]
            upos = NAMES.get(pos, "")
            lemma = string(lemma_h)
            if fallback is not None and upos in OPEN_CLASS:
                lemma = fallback.lemma(form, upos, lemma)
            morph = string(morph_h)
            if has_parser:
                if head_rel >= 1 << 63:
                    head_rel -= 1 << 64
                head_i = i + head_rel
                head: int | None = n + head_rel if index is None else index.get(head_i, n)
                dep = string(dep_h)
                if dep == "ROOT":  # spaCy's name for UD's root
                    dep = "root"
            else:
                head, dep = None, ""
            ent = (f"B-{string(ent_h)}" if iob == 3 else f"I-{string(ent_h)}") if iob in (1, 3) else ""
            tokens.append(
                TokenAnnotation(idx, idx + length, form, lemma, upos, "" if morph == "_" else morph, head, dep, ent)
            )
        if tokens:
            sentences.append((sent_start, tokens[-1].end))
        return PieceAnnotation(sentences, tokens)

    def _string(self, key: int) -> str:
        """The string for a hash in the pipeline's StringStore, cached ("" for 0)."""
        found = self._strings.get(key)
        if found is None:
            found = self.nlp.vocab.strings[key] if key else ""
            self._strings[key] = found
        return found


def create_spacy_backend(model: str | None = None, **options: Any) -> SpacyBackend:
    """Factory for `get_backend("spacy", model, parser=..., ner=..., lemma_fallback=...)`."""
    return SpacyBackend(model, **options)
