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
from textsamverkan.ingest.row_filter import FILE_NOTE, RowFilter
from textsamverkan.ingest.structure import STRUCTURE_VERSION
from textsamverkan.model import Document, Speaker
from textsamverkan.runner import RunContext, StageSpec, run_stage
from textsamverkan.segment.passages import PASSAGES_VERSION
from textsamverkan.segment.turn_types import SEGMENTER_NAME
from textsamverkan.store.documents import stored_source, write_source_batch

PIPELINE_VERSION = f"{NORMALISER_VERSION}+{STRUCTURE_VERSION}+{SEGMENTER_NAME}+{PASSAGES_VERSION}"
INGEST_STAGE = "ingest.v1"
SPEC = StageSpec(INGEST_STAGE, "ingest", writes=("block", "turn", "passage"), documents=False)
TABLE_FORMATS = ("csv", "jsonl")  # their readers apply --where to each row
WRITE_BATCH = 100  # documents of one multi-document file (a table) written per transaction


@dataclass(frozen=True)
class IngestOptions:
    """What the user chose for this ingest: corpus name, metadata flags, reader and speaker options."""

    corpus: str | None = None  # default: a folder's name, or a single file's stem
    metadata: dict[str, str] = field(default_factory=dict)
    format: str | None = None
    read: ReadOptions = field(default_factory=ReadOptions)
    turns: TurnOptions = field(default_factory=TurnOptions)
    force: bool = False
    manifest: Path | None = None
    manifest_file_column: str | None = None
    include_unlisted: bool = False


@dataclass(frozen=True)
class InputFile:
    """One file to ingest, with the folder it was found under (for its relative path) and its manifest row."""

    path: Path
    root: Path
    corpus: str
    manifest: ManifestRow | None = None
    notes: tuple[str, ...] = ()


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


def collect_inputs(
    paths: Iterable[Path],
    corpus: str | None,
    *,
    manifest: Path | None = None,
    manifest_file_column: str | None = None,
    include_unlisted: bool = False,
) -> tuple[list[InputFile], list[FileOutcome]]:
    """Expand files and folders into input files (with manifest rows); report paths that cannot be used.

    The manifest is `manifest` when given, else a manifest.csv in each folder (or beside each file). When a
    manifest applies, files under a folder that it does not list are reported as skipped, or ingested without
    its metadata when `include_unlisted`; a file named on the command line is always ingested.
    """
    inputs: list[InputFile] = []
    problems: list[FileOutcome] = []
    suffixes = supported_suffixes()
    given_list = list(paths)
    roots = [(g if g.is_dir() else g.parent).resolve() for g in given_list if g.exists()]
    explicit = _load_explicit_manifest(manifest, manifest_file_column, roots) if manifest else None
    found: dict[Path, _Listing] = {}
    for given in given_list:
        if not given.exists():
            problems.append(_failure(given, ReadError(str(given), E_NOT_FOUND, "no such file or folder",
                                                      "Check the path and try again.")))
            continue
        root = given if given.is_dir() else given.parent
        corpus_name = safe_text(corpus or (given.resolve().name if given.is_dir() else given.stem) or "corpus")
        listing = explicit
        if listing is None:
            key = root.resolve()
            if key not in found:
                found[key] = _load_folder_manifest(root, manifest_file_column)
            listing = found[key]
        if given.is_dir():
            listing.used_with_folder = True
            for p in _links_under(given):
                problems.append(FileOutcome(str(p), "skipped", notes=[_link_note(p)]))
            for p in _files_under(given, skip=listing.path):
                if p.suffix.lower() not in suffixes:
                    problems.append(FileOutcome(str(p), "skipped", notes=[f"no reader for '{p.suffix}' files"]))
                    continue
                row = listing.row_for(p)
                if row is None and listing.active:
                    if not include_unlisted:
                        problems.append(FileOutcome(str(p), "skipped", notes=[listing.unlisted_note()]))
                        continue
                    inputs.append(InputFile(p, root, corpus_name, None, (listing.unlisted_note(),)))
                    continue
                inputs.append(InputFile(p, root, corpus_name, row))
        else:
            row = listing.row_for(given)
            notes = (listing.unlisted_note(),) if row is None and listing.active else ()
            inputs.append(InputFile(given, root, corpus_name, row, notes))
    for listing in ([explicit] if explicit else []) + list(found.values()):
        problems.extend(listing.outcomes(include_missing=listing.used_with_folder or listing is explicit))
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


def _links_under(folder: Path) -> list[Path]:
    """Symbolic links under `folder` that are not files (dangling, looping, or to a folder), sorted."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_symlink() and not p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def _files_under(folder: Path, *, skip: Path | None) -> list[Path]:
    """Files under `folder`, sorted; hidden files and folders, manifest.csv files and `skip` left out."""
    skipped = skip.resolve() if skip else None
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and p.name != MANIFEST_NAME
        and p.resolve() != skipped
    )


@dataclass
class _Listing:
    """A manifest as ingest uses it: rows by resolved file path, and what went wrong with it or its rows."""

    path: Path | None = None
    rows: dict[Path, ManifestRow] = field(default_factory=dict)
    unresolved: list[ManifestRow] = field(default_factory=list)
    error: UserError | None = None
    row_problems: list[UserError] = field(default_factory=list)
    used_with_folder: bool = False

    @property
    def active(self) -> bool:
        """A manifest applies (even an unreadable one: then it lists nothing, and nothing is ingested unasked)."""
        return self.path is not None

    def row_for(self, path: Path) -> ManifestRow | None:
        return self.rows.get(path.resolve())

    def unlisted_note(self) -> str:
        why = "its manifest cannot be read" if self.error else f"not listed in {self.path}"
        return f"{why}; pass --include-unlisted to ingest files a manifest does not list"

    def outcomes(self, *, include_missing: bool) -> list[FileOutcome]:
        if self.path is None:
            return []
        if self.error is not None:
            return [_failure(self.path, self.error)]
        outcomes = [_failure(self.path, problem) for problem in self.row_problems]
        if include_missing:
            outcomes += [
                _failure(self.path, UserError(E_MANIFEST, f"{self.path} line {row.line}: names '{row.file}', "
                                              "which does not exist", "Fix the file name in the manifest or add "
                                              "the file."))
                for row in self.unresolved
            ]
        return outcomes


def _listing(path: Path, file_column: str | None, bases: list[Path]) -> _Listing:
    """Read the manifest at `path`; each row's file is looked up beside the manifest, then under `bases`."""
    listing = _Listing(path)
    try:
        manifest = read_manifest(path, file_column)
    except UserError as exc:
        listing.error = exc
        return listing
    listing.row_problems = list(manifest.problems)
    folders = [path.parent.resolve(), *(b for b in bases if b != path.parent.resolve())]
    for row in manifest.rows:
        written = Path(row.file)
        candidates = [written] if written.is_absolute() else [folder / written for folder in folders]
        target = next((c.resolve() for c in candidates if c.is_file()), None)
        if target is None:
            listing.unresolved.append(row)
        else:
            listing.rows.setdefault(target, row)
    return listing


def _load_explicit_manifest(path: Path, file_column: str | None, roots: list[Path]) -> _Listing:
    """The manifest given with --manifest: it must exist and be readable (E108 stops the ingest otherwise)."""
    if not path.is_file():
        raise UserError(E_MANIFEST, f"{path}: no such manifest file", "Check the --manifest path.")
    listing = _listing(path, file_column, roots)
    if listing.error is not None:
        raise listing.error
    return listing


def _load_folder_manifest(root: Path, file_column: str | None) -> _Listing:
    path = root / MANIFEST_NAME
    return _listing(path, file_column, [root.resolve()]) if path.is_file() else _Listing()


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
        notes = [*item.notes, *(item.manifest.notes if item.manifest else ()), *meta.notes]
        ids: list[str] = []
        batch: list[tuple[Document, list[Speaker]]] = []
        left_out = 0
        for raw in read_file(item.path, options.read, format=options.format):
            raw.source_path = safe_text(raw.source_path)
            if options.read.where and raw.format not in TABLE_FORMATS and not _file_matches(
                options.read.where, {**raw.metadata, **metadata}, raw.text, item.path
            ):
                left_out += 1
                continue
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
            notes.extend(f"{raw.part}: {n}" if raw.part and not n.startswith(FILE_NOTE) else n for n in doc.notes)
            doc.notes = [*meta.notes, *doc.notes]
            batch.append((doc, speakers))
        if not batch and not ids and (left_out or options.read.where):
            where = options.read.where
            return FileOutcome(str(item.path), "skipped", notes=[*notes, f"does not match --where {where}"])
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


def _file_matches(where: RowFilter, fields: dict[str, Any], text: str, path: Path) -> bool:
    """Whether a file's document (not a table row) matches `--where`, on its metadata and text."""
    names = sorted({str(k).strip().lower() for k in fields})
    where.check_columns(names, str(path))
    return where.matches({str(k).strip().lower(): v for k, v in fields.items()}, text)


def ingest_paths(
    conn: sqlite3.Connection,
    paths: Iterable[Path],
    options: IngestOptions,
    *,
    progress: Callable[[Iterable[InputFile]], Iterator[InputFile]] | None = None,
) -> IngestSummary:
    """Ingest files and folders; a failure in one file never stops the others."""
    path_list = [Path(p) for p in paths]
    inputs, problems = collect_inputs(  # before the run opens: a bad --manifest stops the command
        path_list,
        options.corpus,
        manifest=options.manifest,
        manifest_file_column=options.manifest_file_column,
        include_unlisted=options.include_unlisted,
    )

    def body(ctx: RunContext) -> IngestSummary:
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
        "read": {**vars(options.read), "where": [str(c) for c in options.read.where.conditions]},
        "manifest": str(options.manifest) if options.manifest else None,
        "manifest_file_column": options.manifest_file_column,
        "include_unlisted": options.include_unlisted,
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
