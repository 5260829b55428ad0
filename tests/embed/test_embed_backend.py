"""The embedder interface: loading through SentenceTransformer offline, prefixes, model ids and errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from textsamverkan.embed.backend import SentenceTransformerEmbedder, load_embedder
from textsamverkan.embed.types import Embedder, Prefixes
from textsamverkan.errors import E_MODEL, E_OPTION, UserError

TEXTS = ["brist på munskydd i hemtjänst", "kommunen har vaccin", "katt och hund"]


def test_tiny_model_loads_offline_and_encodes_normalised_float32(tiny_embedder: SentenceTransformerEmbedder) -> None:
    vecs = tiny_embedder.encode(TEXTS, kind="passage")
    assert isinstance(tiny_embedder, Embedder)
    assert vecs.shape == (3, 32) and vecs.dtype == np.float32
    assert tiny_embedder.dim == 32
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert not np.allclose(vecs[0], vecs[2])
    np.testing.assert_array_equal(vecs, tiny_embedder.encode(TEXTS, kind="passage"))
    assert tiny_embedder.encode([], kind="query").shape == (0, 32)


def test_model_id_is_name_plus_content_hash(tiny_model_dir: Path, tiny_embedder: SentenceTransformerEmbedder) -> None:
    name, digest = tiny_embedder.model_id.split("@")
    assert name == "tiny-bert" and len(digest) == 12
    assert load_embedder(str(tiny_model_dir)).model_id == tiny_embedder.model_id
    other = load_embedder(str(tiny_model_dir), prefixes="e5")
    assert other.model_id != tiny_embedder.model_id  # prefixes change the vectors, so they change the id


def test_no_prefix_for_a_plain_model(tiny_embedder: SentenceTransformerEmbedder) -> None:
    assert tiny_embedder.prefixes == Prefixes("", "")
    np.testing.assert_array_equal(tiny_embedder.encode(TEXTS, kind="query"), tiny_embedder.encode(TEXTS))


def test_e5_prefixes_guessed_from_the_name(tiny_e5_named_dir: Path) -> None:
    emb = load_embedder(str(tiny_e5_named_dir))
    assert emb.prefixes == Prefixes("query: ", "passage: ")
    plain = load_embedder(str(tiny_e5_named_dir), prefixes="none")
    assert plain.prefixes == Prefixes()
    # the prefix is really put in front of the text
    np.testing.assert_allclose(emb.encode(TEXTS, kind="query"), plain.encode(["query: " + t for t in TEXTS]), atol=1e-6)
    np.testing.assert_allclose(emb.encode(TEXTS), plain.encode(["passage: " + t for t in TEXTS]), atol=1e-6)
    assert not np.allclose(emb.encode(TEXTS, kind="query"), emb.encode(TEXTS, kind="passage"))


def test_prompts_in_the_model_config_win_over_the_name(tiny_prompted_dir: Path) -> None:
    emb = load_embedder(str(tiny_prompted_dir))
    assert emb.prefixes == Prefixes("fråga: ", "stycke: ")
    explicit = load_embedder(str(tiny_prompted_dir), prefixes=Prefixes("query: ", ""))
    assert explicit.prefixes == Prefixes("query: ", "")


def test_unknown_kind_and_prefix_setting_are_user_errors(
    tiny_model_dir: Path, tiny_embedder: SentenceTransformerEmbedder
) -> None:
    with pytest.raises(UserError) as err:
        tiny_embedder.encode(TEXTS, kind="document")  # type: ignore[arg-type]
    assert err.value.code == E_OPTION
    with pytest.raises(UserError):
        load_embedder(str(tiny_model_dir), prefixes="bge")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        tiny_embedder.encode("en enda text")


def test_unavailable_model_name_says_how_to_get_it() -> None:
    with pytest.raises(UserError) as err:
        load_embedder("KBLab/sentence-bert-swedish-cased-not-here")
    assert err.value.code == E_MODEL
    assert "could not be fetched" in err.value.message
    assert "save(" in err.value.hint and "--embedder" in err.value.hint


def test_typo_of_a_bundled_name_suggests_it() -> None:
    with pytest.raises(UserError) as err:
        load_embedder("e5-smal-sv")
    assert "Did you mean 'e5-small-sv'?" in err.value.message


def test_unbuilt_bundled_model_points_to_ensure_models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXTSAMVERKAN_MODELS", str(tmp_path))
    with pytest.raises(UserError) as err:
        load_embedder("static-sv")
    assert err.value.code == E_MODEL
    assert "scripts/ensure_models.py" in err.value.hint


def test_folder_that_is_not_a_model(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hej", encoding="utf-8")
    with pytest.raises(UserError) as err:
        load_embedder(str(tmp_path))
    assert "modules.json" in err.value.message
