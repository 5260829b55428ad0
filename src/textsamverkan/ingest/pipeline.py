"""Ingest: find files, read, normalise, find structure and speaker turns, store each file in one transaction.

Bad files are reported and skipped; every other file is stored. Re-ingesting an unchanged file is a no-op
(same bytes and same pipeline version); a changed file replaces its documents and marks results that read them stale.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textsamverkan.errors import E_EMPTY, E_MANIFEST, E_NOT_FOUND, E_UNREADABLE, E_UNSUPPORTED, ReadError, UserError
from textsamverkan.hashing import file_sha256
from textsamverkan.ingest.document_builder import TurnOptions, build_document
from textsamverkan.ingest.metadata import MANIFEST_NAME, ManifestRow, normalise_metadata, read_manifest
from textsamverkan.ingest.normalise import NORMALISER_VERSION
from textsamverkan.ingest.paths import path_text, safe_text
from textsamverkan.ingest.readers import read_file, supported_suffixes
from textsamverkan.ingest.readers.base import ReadOptions
from textsamverkan.ingest.structure import STRUCTURE_VERSION
from textsamverkan.model import Document
from textsamverkan.runner import RunContext, StageSpec, run_stage
from textsamverkan.segment.passages import PASSAGES_VERSION
from textsamverkan.segment.turn_types import SEGMENTER_NAME
from textsamverkan.store.documents import stored_source, write_source_batch

PIPELINE_VERSION = f"{NORMALISER_VERSION}+{STRUCTURE_VERSION}+{SEGMENTER_NAME}+{PASSAGES_VERSION}"
INGEST_STAGE = "ingest.v1"
SPEC = StageSpec(INGEST_STAGE, "ingest", writes=("block", "turn", "passage"), documents=False)
WRITE_BATCH = 100  # documents of one multi-document file (a table) written per transaction


@dataclass(frozen=True)
class IngestOptions:
    """What the user chose for this ingest: corpus name, metadata flags, reader and speaker options."""

    corpus: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    format: str | None = None
    read: ReadOptions = field(default_factory=ReadOptions)
    turns: TurnOptions = field(default_factory=TurnOptions)
    force: bool = False


@dataclass(frozen=True)
class InputFile:
    """One file to ingest, with the folder it was found under (for its relative path) and its manifest row."""

    path: Path
    root: Path
    corpus: str
    manifest: ManifestRow | None = None


@dataclass
class FileOutcome:
    """What happened to one input: stored, unchanged, failed or skipped, with notes and the error if any."""

    path: str
    status: str
    doc_ids: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    error: str = ""

    def __post_init__(self) -> None:
        # A file name with bytes that are not UTF-8 reaches us as text with surrogates, which neither the
        # database nor the terminal can encode: keep a display form with those bytes escaped (\xe9).
        self.path = safe_text(self.path)
        self.error = safe_text(self.error)


@dataclass
class IngestSummary:
    outcomes: list[FileOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def documents(self) -> int:
        return sum(len(o.doc_ids) for o in self.outcomes if o.status == "stored")

    @property
    def failed(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]


def collect_inputs(paths: Iterable[Path], corpus: str | None) -> tuple[list[InputFile], list[FileOutcome]]:
    """Expand files and folders into input files (with manifest rows); report paths that cannot be used."""
    inputs: list[InputFile] = []
    problems: list[FileOutcome] = []
    suffixes = supported_suffixes()
    for given in paths:
        if not given.exists():
            problems.append(
                _failure(
                    given,
                    ReadError(
                        str(given), E_NOT_FOUND, "no such file or folder", "Check the path and try again."
                    ),
                )
            )
            continue
        root = given if given.is_dir() else given.parent
        corpus_name = safe_text(corpus or (given.name if given.is_dir() else given.parent.name) or "corpus")
        manifest, manifest_problem = _load_manifest(root)
        if manifest_problem:
            problems.append(manifest_problem)
        if given.is_dir():
            found = sorted(
                p
                for p in given.rglob("*")
                if not any(part.startswith(".") for part in p.relative_to(given).parts) and p.name != MANIFEST_NAME
            )
            files: list[Path] = []
            for p in found:
                if p.is_file():
                    files.append(p)
                elif p.is_symlink():
                    problems.append(FileOutcome(str(p), "skipped", notes=[_link_note(p)]))
            for p in files:
                if p.suffix.lower() not in suffixes:
                    problems.append(
                        FileOutcome(str(p), "skipped", notes=[f"no reader for '{p.suffix}' files"])
                    )
                    continue
                inputs.append(InputFile(p, root, corpus_name, manifest.get(p.relative_to(root).as_posix())))
            for name, row in manifest.items():
                if not (root / name).is_file():
                    problems.append(
                        _failure(
                            root / MANIFEST_NAME,
                            UserError(
                                E_MANIFEST,
                                f"{root / MANIFEST_NAME} line {row.line}: names '{name}', which does not exist",
                                "Fix the file name in the manifest or add the file.",
                            ),
                        )
                    )
        else:
            inputs.append(InputFile(given, root, corpus_name, manifest.get(given.name)))
    return inputs, problems


def _link_note(path: Path) -> str:
    """Why a symbolic link found in a folder is not read: it points at a folder, nowhere, or itself."""
    try:
        path.resolve(strict=True)
    except RuntimeError:  # a loop, before Python 3.13
        return "a symbolic link that loops back on itself; not followed"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link that loops back on itself; not followed"
        return "a dangling symbolic link (its target does not exist); not read"
    return "a symbolic link to a folder; not followed (give the folder itself to ingest it)"


def _load_manifest(root: Path) -> tuple[dict[str, ManifestRow], FileOutcome | None]:
    path = root / MANIFEST_NAME
    if not path.is_file():
        return {}, None
    try:
        return read_manifest(path), None
    except UserError as exc:
        return {}, _failure(path, exc)


def _failure(path: Path, exc: UserError) -> FileOutcome:
    return FileOutcome(str(path), "failed", error=str(exc))


def ingest_file(conn: sqlite3.Connection, item: InputFile, options: IngestOptions) -> FileOutcome:
    """Read, build and store one file; never raises for a bad file (the outcome says what went wrong)."""
    rel_path = path_text(item.path.relative_to(item.root))
    try:
        sha = file_sha256(item.path)
        previous = stored_source(conn, item.corpus, rel_path)
        if (
            not options.force
            and previous
            and previous.source_sha256 == sha
            and previous.pipeline == PIPELINE_VERSION
        ):
            return FileOutcome(str(item.path), "unchanged", list(previous.doc_ids))
        metadata = {**(item.manifest.values if item.manifest else {}), **options.metadata}
        meta = normalise_metadata(metadata)
        notes = list(meta.notes)
        ids: list[str] = []
        batch: list[tuple[Document, list[dict[str, Any]]]] = []
        for raw in read_file(item.path, options.read, format=options.format):
            raw.source_path = safe_text(raw.source_path)
            if len(batch) == WRITE_BATCH:
                ids += write_source_batch(conn, item.corpus, rel_path, batch, pipeline=PIPELINE_VERSION,
                                          stage=INGEST_STAGE, first=not ids, complete_sha256=None)
                batch = []
            doc_meta = {**raw.metadata, **meta.values}
            doc_id = f"{item.corpus}/{rel_path}" + (f"#{raw.part}" if raw.part else "")
            doc, speakers = build_document(raw, doc_id=doc_id, metadata=doc_meta, source_sha256=sha,
                                           turn_options=options.turns)
            if not doc.text.strip():  # only control characters or invisible marks, dropped by normalisation
                if not raw.part:
                    raise ReadError(path_text(item.path), E_EMPTY, "no text is left after normalisation (only "
                                    "control or invisible characters)", "Check the file; pass --encoding if it is "
                                    "text in another encoding.")
                notes.append(f"{raw.part}: skipped, no text left after normalisation")
                continue
            notes.extend(f"{raw.part}: {n}" if raw.part else n for n in doc.notes)
            doc.notes = [*meta.notes, *doc.notes]
            batch.append((doc, speakers))
        if not batch and not ids:
            raise ReadError(str(item.path), E_UNSUPPORTED, "the file holds no documents",
                            "Check that the file has text (for tables, a text column with values).")
        ids += write_source_batch(conn, item.corpus, rel_path, batch, pipeline=PIPELINE_VERSION,
                                  stage=INGEST_STAGE, first=not ids, complete_sha256=sha)
        return FileOutcome(str(item.path), "stored", ids, notes)
    except UserError as exc:
        return _failure(item.path, exc)
    except OSError as exc:  # permission denied, an I/O error, a file that vanished while we read it
        reason = exc.strerror or type(exc).__name__
        return _failure(item.path, ReadError(path_text(item.path), E_UNREADABLE, f"the file cannot be read ({reason})",
                                             "Check that it exists and that you may read it (ls -l), then ingest "
                                             "again."))
    except (ValueError, RecursionError, MemoryError) as exc:
        return FileOutcome(
            str(item.path),
            "failed",
            error=f"[E199] {item.path}: could not be ingested ({type(exc).__name__}: {exc})\n"
            "  → Check the file; if it looks fine, please report this with the file.",
        )


def ingest_paths(
    conn: sqlite3.Connection,
    paths: Iterable[Path],
    options: IngestOptions,
    *,
    progress: Callable[[Iterable[InputFile]], Iterator[InputFile]] | None = None,
) -> IngestSummary:
    """Ingest files and folders; a failure in one file never stops the others."""
    path_list = [Path(p) for p in paths]

    def body(ctx: RunContext) -> IngestSummary:
        inputs, problems = collect_inputs(path_list, options.corpus)
        summary = IngestSummary(outcomes=list(problems))
        iterator: Iterable[InputFile] = progress(inputs) if progress else inputs
        for item in iterator:
            summary.outcomes.append(ingest_file(conn, item, options))
        ctx.summary.update(files=summary_rows(summary), failed=len(summary.failed))
        return summary

    settings = {"paths": [path_text(p) for p in path_list], "pipeline": PIPELINE_VERSION, **_settings(options)}
    return run_stage(conn, SPEC, body, corpus=options.corpus, settings=settings).value


def _settings(options: IngestOptions) -> dict[str, Any]:
    return {
        "corpus": options.corpus,
        "metadata": options.metadata,
        "format": options.format,
        "read": vars(options.read),
        "turns": {k: str(v) if v else v for k, v in vars(options.turns).items()},
        "force": options.force,
    }


def summary_rows(summary: IngestSummary) -> list[dict[str, Any]]:
    return [
        {
            "file": o.path,
            "status": o.status,
            "documents": len(o.doc_ids),
            "error": o.error,
            "notes": safe_text("; ".join(o.notes)),
        }
        for o in summary.outcomes
    ]
