"""Semantic matching against exemplars: thresholds, the method recorded, exemplar evidence, exclusions.

The embedder is a tiny deterministic bag-of-words hasher that implements the Embedder interface, so the test
exercises our code (thresholds, evidence, merging with lexical hits) without any model."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from textsamverkan.segment.sentences import simple_sentences
from textsamverkan.themes.codebook import parse_codebook
from textsamverkan.themes.matcher import code_sentences
from textsamverkan.themes.semantic import ExemplarScorer, Kind, embedding_text


class BagEmbedder:
    """Hashes lower-cased words into 256 dimensions and L2-normalises: similar word sets, similar vectors."""

    model_id = "bag@test"
    dim = 256

    def __init__(self) -> None:
        self.calls: list[tuple[int, str]] = []

    def encode(
        self, texts: Sequence[str], *, kind: Kind = "passage", batch_size: int = 32, show_progress: bool = False
    ) -> npt.NDArray[np.float32]:
        self.calls.append((len(texts), kind))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for w in re.findall(r"\w+", text.lower()):
                out[i, int(hashlib.md5(w.encode()).hexdigest(), 16) % self.dim] += 1.0
            n = np.linalg.norm(out[i])
            if n:
                out[i] /= n
        return out


CODEBOOK = """\
codebook: sem
semantic: {model: bag, threshold: 0.6}
codes:
  ppe:
    label_sv: Skyddsutrustning
    terms: [munskydd]
    exemplars: [det var brist på visir och handskar i hemtjänsten]
    exclude: [övning]
  plans:
    label_sv: Planer
    exemplars: [alla boende ska ha en individuell vårdplan, planen ska uppdateras]
    threshold: 0.95
"""


def _sentences(text: str) -> list:  # type: ignore[type-arg]
    return simple_sentences("d", text, [(0, len(text))])


def test_semantic_only_both_and_threshold() -> None:
    cb = parse_codebook(CODEBOOK, source="sem.yaml")
    embedder = BagEmbedder()
    scorer = ExemplarScorer(cb, embedder)
    text = (
        "Det var brist på visir och handskar i hemtjänsten igen.\n"  # close to the ppe exemplar: semantic
        "Det var brist på munskydd, visir och handskar i hemtjänsten.\n"  # term and exemplar: both
        "Alla boende ska ha en individuell plan.\n"  # close to plans, but below its own threshold 0.95
        "Färjan till Vinga går klockan tio.\n"  # nothing
        "Brist på visir och handskar i hemtjänsten under en övning.\n"  # close, but excluded
    )
    hits = code_sentences(_sentences(text), cb, scorer=scorer)
    got = [(text[h.start : h.end].split()[0:3], h.code, h.method) for h in hits]
    assert got == [
        (["Det", "var", "brist"], "ppe", "semantic"),
        (["Det", "var", "brist"], "ppe", "both"),
    ]
    semantic, both = hits
    assert semantic.evidence["exemplar"] == "ppe/ex1" and "rules" not in semantic.evidence
    assert 0.6 <= semantic.score == semantic.evidence["similarity"] < 1.0
    assert both.score == 1.0 and both.evidence["rules"][0]["rule"] == "ppe/term:munskydd"
    assert all(kind == "query" for _, kind in embedder.calls)


def test_precomputed_vectors_are_used_and_checked() -> None:
    cb = parse_codebook(CODEBOOK, source="sem.yaml")
    embedder = BagEmbedder()
    scorer = ExemplarScorer(cb, embedder)
    sents = _sentences("Alla boende ska ha en individuell vårdplan.")
    vectors = scorer.encode(sents)
    calls = len(embedder.calls)
    hits = code_sentences(sents, cb, scorer=scorer, vectors=vectors)
    assert [(h.code, h.method, h.evidence["exemplar"]) for h in hits] == [("plans", "semantic", "plans/ex1")]
    assert len(embedder.calls) == calls  # nothing re-embedded
    try:
        code_sentences(sents, cb, scorer=scorer, vectors=vectors[:0])
    except ValueError as exc:
        assert "0 vectors for 1 sentences" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("a vector count mismatch must be refused")


def test_bullets_are_embedded_without_their_marker() -> None:
    assert embedding_text("● Läkemedelsgenomgångar") == "Läkemedelsgenomgångar"
    assert embedding_text("o Olika journalsystem") == "Olika journalsystem"
    assert embedding_text("Och sedan") == "Och sedan"


def test_margin_keeps_only_a_clearly_best_code() -> None:
    two_close = CODEBOOK.replace("threshold: 0.95", "threshold: 0.1").replace(
        "[alla boende ska ha en individuell vårdplan, planen ska uppdateras]",
        "[det var brist på visir och handskar i hemtjänsten i år]",
    )
    text = "Det var brist på visir och handskar i hemtjänsten."
    for margin, expected in ((0.0, ["ppe", "plans"]), (0.5, [])):
        cb = parse_codebook(two_close.replace("threshold: 0.6}", f"threshold: 0.6, margin: {margin}}}"), source="m")
        assert cb.semantic_margin == margin
        hits = code_sentences(_sentences(text), cb, scorer=ExemplarScorer(cb, BagEmbedder()))
        assert [h.code for h in hits] == expected
