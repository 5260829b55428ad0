"""The `stanza` backend: a real `stanza.Pipeline` for Swedish, loaded offline from a model directory.

Two layouts are accepted for the directory:
- a folder with `textsamverkan_stanza.json` (the bundled models/stanza_sv, trained by scripts/nlp/build_stanza.py):
  the manifest names each processor's model file; they are passed as explicit paths, with an empty
  resources.json beside them and `allow_unknown_language=True` (Stanza's way to run self-trained models);
- a Stanza resources folder as `stanza.download("sv", model_dir=...)` writes it (resources.json + sv/), used with
  `stanza.Pipeline("sv", dir=..., download_method=None)`.
Nothing is ever downloaded. A folder with neither raises UserError E402 that says how to get one. As in the spaCy
backend, unseen open-class words get simplemma's lemma by default (`lemma_fallback="none"` switches that off).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from textsamverkan.errors import E_MISSING_PACKAGE, E_MODEL, UserError
from textsamverkan.nlp.lemmas import OPEN_CLASS, LemmaFallback
from textsamverkan.nlp.paths import STANZA_BUNDLED, models_dir
from textsamverkan.nlp.types import BackendInfo, PieceAnnotation, TokenAnnotation

MANIFEST = "textsamverkan_stanza.json"
STANDARD_PROCESSORS = ("tokenize", "pos", "lemma", "depparse", "ner")


def _missing_model(path: Path) -> UserError:
    return UserError(
        E_MODEL,
        f"no Stanza model for Swedish in {path}",
        "use the bundled model (leave --model out; it lives in models/stanza_sv of the repository), or on a "
        "machine with internet run: python -c \"import stanza; stanza.download('sv', model_dir='"
        f"{path}')\" and copy that folder here, then pass it with --model {path}",
    )


def _pipeline_kwargs(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """Keyword arguments for `stanza.Pipeline` and the manifest (or {}) for the model folder `path`."""
    manifest_file = path / MANIFEST
    if manifest_file.is_file():
        manifest: dict[str, Any] = json.loads(manifest_file.read_text(encoding="utf-8"))
        files: dict[str, str] = manifest["processors"]
        kwargs: dict[str, Any] = {
            "lang": "sv",
            "dir": str(path),
            "download_method": None,
            "processors": ",".join(files),
            "allow_unknown_language": True,
        }
        for proc, name in files.items():
            kwargs[f"{proc}_model_path"] = str(path / name)
        for proc, name in manifest.get("pretrain", {}).items():
            kwargs[f"{proc}_pretrain_path"] = str(path / name)
        return kwargs, manifest
    if (path / "resources.json").is_file() and (path / "sv").is_dir():
        present = [p for p in STANDARD_PROCESSORS if (path / "sv" / p).is_dir()]
        if "tokenize" not in present:
            raise _missing_model(path)
        kwargs = {"lang": "sv", "dir": str(path), "download_method": None, "processors": ",".join(present)}
        return kwargs, {"name": "stanza_sv_default", "version": "resources"}
    raise _missing_model(path)


class StanzaBackend:
    """Annotates with `stanza.Pipeline`; one Stanza document per piece, processed in bulk."""

    def __init__(self, model: str | None = None, *, lemma_fallback: str = "simplemma", batch_size: int = 32) -> None:
        path = Path(model) if model else models_dir() / STANZA_BUNDLED
        if not path.is_dir():
            raise _missing_model(path)
        kwargs, manifest = _pipeline_kwargs(path)
        try:
            import stanza
        except ImportError as exc:
            raise UserError(
                E_MISSING_PACKAGE, "the stanza backend needs the stanza package", "pip install 'textsamverkan[nlp]'"
            ) from exc
        import logging

        logging.getLogger("stanza").setLevel(logging.ERROR)
        kwargs.update(pos_batch_size=batch_size * 100, lemma_batch_size=batch_size * 100, logging_level="ERROR")
        try:
            self.pipeline = stanza.Pipeline(**kwargs)
        except (FileNotFoundError, OSError, ValueError) as exc:
            hint = _missing_model(path).hint
            raise UserError(E_MODEL, f"Stanza model in {path} could not be loaded: {exc}", hint) from exc
        self.processors = list(self.pipeline.processors)
        self.path = path
        self.fallback = LemmaFallback.create(lemma_fallback, path) if "lemma" in self.processors else None
        self.info = BackendInfo(
            backend="stanza",
            model=str(manifest.get("name", path.name)),
            version=str(manifest.get("version", "0")),
            options={
                "processors": self.processors,
                "lemma_fallback": lemma_fallback if self.fallback is not None else "none",
                "stanza": stanza.__version__,
            },
        )

    def annotate(self, pieces: Iterable[str]) -> Iterator[PieceAnnotation]:
        from stanza import Document

        batch: list[str] = []
        for piece in pieces:
            batch.append(piece)
            if len(batch) >= 64:
                yield from self._run(batch, Document)
                batch = []
        if batch:
            yield from self._run(batch, Document)

    def _run(self, texts: list[str], document_cls: Any) -> Iterator[PieceAnnotation]:
        docs = [document_cls([], text=t) for t in texts]
        nonempty = [d for d, t in zip(docs, texts, strict=True) if t.strip()]
        if nonempty:
            self.pipeline.bulk_process(nonempty)
        for doc, text in zip(docs, texts, strict=True):
            yield self._convert(doc) if text.strip() else PieceAnnotation([], [])

    def _convert(self, doc: Any) -> PieceAnnotation:
        has_parse = "depparse" in self.processors
        fallback = self.fallback
        tokens: list[TokenAnnotation] = []
        sentences: list[tuple[int, int]] = []
        for sent in doc.sentences:
            first = len(tokens)
            for tok in sent.tokens:
                word = tok.words[0]
                upos = word.upos or ""
                lemma = word.lemma or tok.text
                if fallback is not None and upos in OPEN_CLASS:
                    lemma = fallback.lemma(tok.text, upos, lemma)
                head: int | None = None
                if has_parse and word.head is not None:
                    head = first + word.head - 1 if word.head > 0 else len(tokens)
                tokens.append(
                    TokenAnnotation(
                        start=tok.start_char,
                        end=tok.end_char,
                        text=tok.text,
                        lemma=lemma,
                        upos=upos,
                        feats=word.feats or "",
                        head=head,
                        dep=(word.deprel or "") if has_parse else "",
                        ent=_bio(getattr(tok, "ner", None)),
                    )
                )
            if len(tokens) > first:
                sentences.append((tokens[first].start, tokens[-1].end))
        return PieceAnnotation(sentences, tokens)


def _bio(tag: str | None) -> str:
    """Stanza's BIOES entity tag as B-/I- (or "" outside an entity)."""
    if not tag or tag == "O":
        return ""
    prefix, _, label = tag.partition("-")
    return f"{'B' if prefix in ('B', 'S') else 'I'}-{label}"


def create_stanza_backend(model: str | None = None, **options: Any) -> StanzaBackend:
    """Factory for `get_backend("stanza", model_dir)`."""
    return StanzaBackend(model, **options)
