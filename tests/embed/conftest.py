"""Fixtures for the embedding tests: a tiny BERT sentence-transformers model made on the spot, and the
bundled default model loaded once per session (skipped when scripts/ensure_models.py has not built it)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from textsamverkan.embed.backend import SentenceTransformerEmbedder, bundled_model_path, load_embedder
from textsamverkan.errors import UserError

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO_ROOT / ".." / "shared" / "data"

_WORDS = """brist på munskydd skyddsutrustning sjuksköterskor äldreboende äldreboendet hemtjänst kommun kommunen
region regionen vård omsorg covid smitta testning vaccin har det en ett och i för av till är om
query passage : . , katt hund bil"""
WORDS = _WORDS.split()


@pytest.fixture(autouse=True, scope="session")
def _offline() -> Iterator[None]:
    """No test may reach a model hub."""
    old = {k: os.environ.get(k) for k in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")}
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    yield
    for key, value in old.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def make_tiny_model(directory: Path, *, prompts: dict[str, str] | None = None) -> Path:
    """Save a 2-layer BERT (hidden size 32) with a word-piece tokenizer as a sentence-transformers folder."""
    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Normalize, Pooling, Transformer
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    letters = sorted(set("".join(WORDS)) | set("abcdefghijklmnopqrstuvwxyzåäö"))
    vocab_list = specials + sorted(set(WORDS)) + [f"##{c}" for c in letters] + [c for c in letters if c not in WORDS]
    vocab = {w: i for i, w in enumerate(dict.fromkeys(vocab_list))}
    tok = Tokenizer(models.WordPiece(vocab, unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True, strip_accents=False)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", vocab["[CLS]"]), ("[SEP]", vocab["[SEP]"])]
    )
    hf_dir = directory.with_name(directory.name + "-hf")
    tokenizer_class: Any = PreTrainedTokenizerFast
    hf_tok = tokenizer_class(
        tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]", sep_token="[SEP]",
        mask_token="[MASK]", model_max_length=64,
    )  # fmt: skip
    hf_tok.save_pretrained(hf_dir)
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=64, max_position_embeddings=64,
    )  # fmt: skip
    BertModel(config).save_pretrained(hf_dir)
    model = SentenceTransformer(
        modules=[Transformer(str(hf_dir), max_seq_length=64), Pooling(32, pooling_mode="mean"), Normalize()],
        prompts=prompts,
    )
    model.save(str(directory))
    return directory


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny model without prompts, in a folder whose name does not look like an e5 model."""
    return make_tiny_model(tmp_path_factory.mktemp("models") / "tiny-bert")


@pytest.fixture(scope="session")
def tiny_e5_named_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same kind of tiny model, saved under an e5-style name and without prompts."""
    return make_tiny_model(tmp_path_factory.mktemp("models") / "my-multilingual-e5-tiny")


@pytest.fixture(scope="session")
def tiny_prompted_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny model whose configuration carries its own query/passage prompts."""
    prompts = {"query": "fråga: ", "passage": "stycke: "}
    return make_tiny_model(tmp_path_factory.mktemp("models") / "tiny-prompted", prompts=prompts)


@pytest.fixture(scope="session")
def tiny_embedder(tiny_model_dir: Path) -> SentenceTransformerEmbedder:
    """The tiny model loaded through the real loading code."""
    return load_embedder(str(tiny_model_dir))


def _bundled(name: str) -> Any:
    try:
        bundled_model_path(name)
    except UserError:
        pytest.skip(f"{name} is not built: run python scripts/ensure_models.py")
    return load_embedder(name)


@pytest.fixture(scope="session")
def default_embedder() -> Any:
    """The bundled default, "e5-small-sv" (its ONNX variant), loaded once; skipped when it has not been built."""
    return _bundled("e5-small-sv")


@pytest.fixture(scope="session")
def torch_embedder() -> SentenceTransformerEmbedder:
    """e5-small-sv through sentence-transformers and torch (the reference), loaded once; skipped when unbuilt."""
    emb = _bundled("e5-small-sv-torch")
    assert isinstance(emb, SentenceTransformerEmbedder)
    return emb


@pytest.fixture(scope="session")
def onnx_fp32_embedder() -> Any:
    """e5-small-sv exported to ONNX, float32, loaded once; skipped when unbuilt."""
    return _bundled("e5-small-sv-onnx")


@pytest.fixture(scope="session")
def static_embedder() -> SentenceTransformerEmbedder:
    """The bundled static-sv model, loaded once; skipped when it is absent."""
    emb = _bundled("static-sv")
    assert isinstance(emb, SentenceTransformerEmbedder)
    return emb
