"""PER spans from a spaCy NER model (by default the bundled models/sv_core_textsamverkan), for `detect`.

Only the `ner` component runs (it has its own tok2vec), which is what makes it affordable on long corpora.
spaCy is imported when a finder is made, never at module import.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

# Texts longer than this are cut at line breaks before NER, to bound memory; offsets are shifted back.
_CHUNK = 20_000


class NerPersonFinder:
    """`finder(text)` → PER spans; `finder.pipe(texts)` for many texts at once."""

    def __init__(self, model: str | None = None, *, batch_size: int = 16) -> None:
        from textsamverkan.nlp.paths import SPACY_BUNDLED, bundled_model_path
        from textsamverkan.nlp.spacy_backend import load_spacy

        self.model = model or str(bundled_model_path(SPACY_BUNDLED))
        nlp: Any = load_spacy(self.model, ner=True)
        keep = {"ner"}
        # The bundled NER has its own tok2vec; a pipeline whose NER listens to a shared tok2vec needs it too.
        ner = nlp.get_pipe("ner") if "ner" in nlp.pipe_names else None
        if ner is not None and not _has_own_tok2vec(ner):
            keep.add("tok2vec")
        self.nlp = nlp
        self._disabled = [name for name in nlp.pipe_names if name not in keep]
        self.batch_size = batch_size
        self.source = "ner:" + str(nlp.meta.get("name", "spacy"))

    def __call__(self, text: str) -> list[tuple[int, int]]:
        return next(iter(self.pipe([text])))

    def pipe(self, texts: Iterable[str]) -> Iterator[list[tuple[int, int]]]:
        """PER spans of each text, in order."""
        for text in texts:
            pieces = list(_chunks(text))
            spans: list[tuple[int, int]] = []
            with self.nlp.select_pipes(disable=self._disabled):
                for (offset, _), doc in zip(pieces, self.nlp.pipe([p for _, p in pieces], batch_size=self.batch_size),
                                            strict=True):
                    spans.extend((offset + e.start_char, offset + e.end_char) for e in doc.ents if e.label_ == "PER")
            yield spans


def _has_own_tok2vec(component: Any) -> bool:
    """False when the component listens to a shared tok2vec (then that must run too)."""
    return not any(node.name == "tok2vec-listener" for node in component.model.walk())


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    while start < len(text):
        end = min(len(text), start + _CHUNK)
        if end < len(text):
            cut = text.rfind("\n", start + _CHUNK // 2, end)
            end = cut + 1 if cut > 0 else end
        yield start, text[start:end]
        start = end
