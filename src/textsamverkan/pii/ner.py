"""PER spans from a spaCy NER model (by default the bundled models/sv_core_textsamverkan), for `detect`.

Only the `ner` component runs (it has its own tok2vec), over all documents at once with `nlp.pipe`, and only over
the sentences that can hold a name: a PER span is kept only when its words are capitalised (`names._name_like`), so a
sentence whose only capitalised word is its first, and that word an ordinary word (a Swedish stop word, or written
in lower case elsewhere in the texts) and no listed name, cannot give one. Consecutive kept sentences go to the
model together, so it still sees their context. spaCy is imported when a finder is made, never at module import.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import Any

# Pieces longer than this are cut at sentence ends before NER, to bound memory; offsets are shifted back.
_CHUNK = 20_000
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# A definite noun ("Mötet", "Andelen", "Kommunerna") opening a sentence is no name the lists do not know.
_DEFINITE = re.compile(r"^[^\W\d_]{3,}(?:en|et|na)$")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”»)]*(?=\s)|\n")


class NerPersonFinder:
    """`finder(text)` → PER spans; `finder.pipe(texts)` for many texts at once (batched over documents)."""

    def __init__(self, model: str | None = None, *, batch_size: int = 32, prefilter: bool = True) -> None:
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
        self.prefilter = prefilter
        self.source = "ner:" + str(nlp.meta.get("name", "spacy"))
        # The language's stop words count as ordinary words (spaCy's Swedish list; listed names still go).
        self.stop_words: frozenset[str] = frozenset(getattr(nlp.Defaults, "stop_words", ()) or ())

    def __call__(self, text: str) -> list[tuple[int, int]]:
        return next(iter(self.pipe([text])))

    def pipe(
        self, texts: Iterable[str], regions: Sequence[Sequence[tuple[int, int]]] | None = None
    ) -> Iterator[list[tuple[int, int]]]:
        """PER spans of each text, in order; all texts' pieces go through the model in shared batches.

        `regions` (per text) limits the model to those (start, end) ranges; without it, to `name_pieces`.
        """
        from textsamverkan.pii.names import lower_words

        texts = list(texts)
        if regions is None:
            common: set[str] = set(self.stop_words)
            if self.prefilter:
                for text in texts:
                    common.update(lower_words(text))
            regions = [name_pieces(text, common) if self.prefilter else [(0, len(text))] for text in texts]
        owners: list[tuple[int, int]] = []  # (text index, offset) of every piece
        pieces: list[str] = []
        for index, (text, spans) in enumerate(zip(texts, regions, strict=True)):
            for start, end in _bounded(text, spans):
                owners.append((index, start))
                pieces.append(text[start:end])
        found: list[list[tuple[int, int]]] = [[] for _ in texts]
        with self.nlp.select_pipes(disable=self._disabled):
            for (index, offset), doc in zip(owners, self.nlp.pipe(pieces, batch_size=self.batch_size), strict=True):
                found[index].extend((offset + e.start_char, offset + e.end_char) for e in doc.ents if e.label_ == "PER")
        yield from found


def name_pieces(
    text: str, ordinary: Collection[str], covered: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """The (start, end) of runs of consecutive sentences of `text` that may hold a name no rule settled: a
    capitalised word that can be part of a name (`names.name_word`), not inside a `covered` span, and, when it
    opens the sentence, no ordinary word (one in `ordinary`: stop words, words seen in lower case; or a definite
    noun form) unless a listed name."""
    from textsamverkan.pii.names import first_names, name_word, surnames
    from textsamverkan.segment.names import fold

    firsts, lasts = first_names(), surnames()
    spans = sorted(covered)
    starts = [s for s, _ in spans]

    def is_covered(start: int, end: int) -> bool:
        k = bisect.bisect_right(starts, start) - 1
        return k >= 0 and spans[k][1] >= end

    def open_word(m: re.Match[str], initial: bool) -> bool:
        word = m.group()
        if not name_word(word, firsts) or is_covered(m.start(), m.end()):
            return False
        if initial:
            key = fold(word)
            low = word.lower()
            return key in firsts or key in lasts or not (low in ordinary or _DEFINITE.search(low) is not None)
        return True

    runs: list[tuple[int, int]] = []
    start = 0
    bounds = [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    for end in bounds:
        if end <= start:
            continue
        words = list(_WORD.finditer(text, start, end))
        if any(open_word(m, i == 0) for i, m in enumerate(words)):
            if runs and runs[-1][1] == start:
                runs[-1] = (runs[-1][0], end)
            else:
                runs.append((start, end))
        start = end
    return runs


def _bounded(text: str, spans: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """`spans` with any longer than _CHUNK cut at a line break or sentence end."""
    for start, end in spans:
        while end - start > _CHUNK:
            limit = start + _CHUNK
            cut = max(text.rfind("\n", start + _CHUNK // 2, limit), text.rfind(". ", start + _CHUNK // 2, limit))
            cut = cut + 1 if cut > 0 else limit
            yield start, cut
            start = cut
        yield start, end


def _has_own_tok2vec(component: Any) -> bool:
    """False when the component listens to a shared tok2vec (then that must run too)."""
    return not any(node.name == "tok2vec-listener" for node in component.model.walk())
