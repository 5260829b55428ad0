"""Coding runs made by people: a QDA project's codings imported as one themes run per coder, and any coding run read
back as plain codings (for agreement, several-coder exports and review).

An imported run is a run of the `themes` stage kind, so every reader of coding runs (compare, export, report,
claims, agree) takes it with `--run ID`. Its record says method "human", the coder, the file, how positions were
read, and keeps its codebook: the codebook the import started from plus the project's codes it did not know. It
covers the documents the project's sources matched (by the sha256 of their text): a document without codings in
it was seen by the coder and left uncoded. By default it does not become the current themes run, so commands
without `--run` keep reading the automatic coding.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textsamverkan.errors import E_EMPTY, UserError
from textsamverkan.export.qda_types import Coding, QdaCode
from textsamverkan.model import RunRecord, Span
from textsamverkan.runner import RunContext, StageResult, StageSpec, read_run, run_doc_ids, run_stage
from textsamverkan.stages.coding_record import codebook_record, run_codebook
from textsamverkan.stages.corpus_view import THEME
from textsamverkan.store.documents import get_document, list_doc_ids
from textsamverkan.store.runs import current_run

IMPORT_SPEC = StageSpec("coding-import.v1", "themes", writes=(THEME,), per_run=True)
AUTOMATIC_CODER = "textsamverkan"
HUMAN = "human"
AUTOMATIC = "automatic"
EvidenceKey = tuple[str, int, int, str]  # document, start, end, code


@dataclass
class RunCoding:
    """One coding run as plain data: who coded (`coder`), how (`method`: automatic, human or reviewed), the run's
    codebook, the texts of the documents it covered, its codings (code ids, user = coder) and each hit's attrs
    (score, method, evidence) keyed by (document, start, end, code)."""

    run: RunRecord
    coder: str
    method: str
    codebook: Any
    texts: dict[str, str] = field(default_factory=dict)
    codings: list[Coding] = field(default_factory=list)
    attrs: dict[EvidenceKey, dict[str, Any]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def code_names(self) -> dict[str, str]:
        return {c.id: c.label_sv for c in self.codebook.codes}


def coder_of(run: RunRecord) -> str:
    """The coder a coding run stands for: the person recorded with it, else the automatic coder."""
    return str(run.manifest.get("coder") or AUTOMATIC_CODER)


def method_of(run: RunRecord) -> str:
    return str(run.manifest.get("method") or AUTOMATIC)


def read_coding(conn: sqlite3.Connection, *, run_id: str | None = None, corpus: str | None = None) -> RunCoding:
    """The codings of a themes run (`run_id`, else the current one) on the documents it covered that did not change."""
    run, notes = read_run(conn, "themes", corpus=corpus, run_id=run_id)
    coder = coder_of(run)
    out = RunCoding(run, coder, method_of(run), run_codebook(run), notes=notes)
    for doc_id in run_doc_ids(conn, run, corpus=corpus):
        doc = get_document(conn, doc_id, layers=[THEME], run_id=run.run_id)
        out.texts[doc_id] = doc.text
        for span in doc.spans_on(THEME):
            out.codings.append(Coding(doc_id, span.start, span.end, span.label, user=coder))
            out.attrs[(doc_id, span.start, span.end, span.label)] = dict(span.attrs)
    out.codings.sort()
    return out


def run_evidence(conn: sqlite3.Connection, run: RunRecord, doc_ids: Sequence[str]) -> dict[EvidenceKey, Any]:
    """The rule evidence of each hit of a run (what matched, from the theme spans' attrs), keyed by hit."""
    out: dict[EvidenceKey, Any] = {}
    for doc_id in doc_ids:
        for span in get_document(conn, doc_id, layers=[THEME], run_id=run.run_id).spans_on(THEME):
            if span.attrs.get("evidence"):
                out[(doc_id, span.start, span.end, span.label)] = span.attrs["evidence"]
    return out


@dataclass
class ImportedRun:
    coder: str
    run: RunRecord
    codings: int
    documents: int


@dataclass
class ImportResult:
    """The runs an import made (one per coder), the codes it added, and what it assumed and found."""

    runs: list[ImportedRun] = field(default_factory=list)
    new_codes: list[QdaCode] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def base_codebook(conn: sqlite3.Connection, corpus: str | None, codebook_path: Path | None) -> tuple[Any, str]:
    """The codebook an import starts from: the file given, else the current themes run's, else the default."""
    from textsamverkan.themes.codebook import load_default_codebook
    from textsamverkan.themes.codebook_files import load_codebook

    if codebook_path is not None:
        return load_codebook(codebook_path), str(codebook_path)
    run = current_run(conn, "themes", corpus) or (current_run(conn, "themes", None) if corpus else None)
    if run is not None:
        return run_codebook(run), f"the codebook of themes run {run.run_id}"
    return load_default_codebook(), "the default codebook"


def qda_codes(codebook: Any) -> list[QdaCode]:
    """A codebook's codes as QDA codes (id, label, description, colour, parent)."""
    from textsamverkan.export.qda_types import codes_from_codebook

    codes = list(codebook.codes)
    return codes_from_codebook(
        [c.id for c in codes],
        [c.label_sv for c in codes],
        [c.description for c in codes],
        [c.color for c in codes],
        [c.parent for c in codes],
    )


def extended_codebook(codebook: Any, new_codes: Sequence[QdaCode]) -> Any:
    """The codebook with the project's unknown codes added as codes without rules (label = the code's name)."""
    from textsamverkan.themes.codebook import COLOR, Code

    ids = {c.id for c in codebook.codes} | {c.id for c in new_codes}
    added = tuple(
        Code(
            id=c.id,
            label_sv=c.name or c.id,
            description=c.description,
            color=c.color if c.color and COLOR.match(c.color) else None,
            parent=c.parent if c.parent in ids else None,
        )
        for c in new_codes
    )
    return dataclasses.replace(codebook, codes=(*codebook.codes, *added)) if added else codebook


def import_qdpx(
    conn: sqlite3.Connection,
    path: Path,
    *,
    coder: str | None = None,
    positions: str = "auto",
    corpus: str | None = None,
    codebook_path: Path | None = None,
    make_current: bool = False,
) -> ImportResult:
    """Import a REFI-QDA project's codings as one themes run per coder (see the module docstring)."""
    from textsamverkan.coding.qdpx_import import import_codings

    texts = {d: get_document(conn, d, layers=[]).text for d in list_doc_ids(conn, corpus=corpus)}
    book, book_source = base_codebook(conn, corpus, codebook_path)
    imported = import_codings(
        path, texts, qda_codes(book), coder=coder,
        positions="utf16" if positions == "utf16" else "codepoints" if positions == "codepoints" else "auto",
    )  # fmt: skip
    result = ImportResult(new_codes=imported.new_codes, notes=[f"codes matched against {book_source}"])
    result.notes += imported.notes
    documents = sorted(set(imported.documents.values()))
    if not documents:
        raise UserError(E_EMPTY, f"{path}: none of the project's sources is a document of this corpus",
                        "Import a project exported from this corpus (`textsamverkan export --format qdpx`), and "
                        "check --corpus.")
    if not imported.by_coder:
        raise UserError(E_EMPTY, f"{path}: the project holds no codings on documents of this corpus",
                        "Code some text in the QDA tool and export the project again.")
    book = extended_codebook(book, imported.new_codes)
    for name, codings in imported.by_coder.items():
        run = _record_human_run(conn, path, name, codings, documents, (book, book_source), imported.positions,
                                corpus, make_current, [c.name for c in imported.new_codes])
        result.runs.append(ImportedRun(name, run.run, len(codings), len({c.source for c in codings})))
        result.notes += run.notes
    return result


def _record_human_run(
    conn: sqlite3.Connection,
    path: Path,
    coder: str,
    codings: Sequence[Coding],
    documents: list[str],
    codebook: tuple[Any, str],
    positions: str,
    corpus: str | None,
    make_current: bool,
    new_codes: list[str],
) -> StageResult[None]:
    by_doc: dict[str, list[Span]] = {d: [] for d in documents}
    empty = 0
    for c in codings:
        if c.end <= c.start:
            empty += 1
            continue
        by_doc[c.source].append(Span(c.start, c.end, THEME, c.code, {"score": 1.0, "method": HUMAN, "coder": coder}))

    def body(ctx: RunContext) -> None:
        counts: dict[str, int] = {}
        for doc_id in ctx.doc_ids:
            ctx.write(doc_id, by_doc[doc_id])
            for span in by_doc[doc_id]:
                counts[span.label] = counts.get(span.label, 0) + 1
        if empty:
            ctx.notes.append(f"note: {empty} empty selection(s) of {coder} left out")
        ctx.summary.update(coder=coder, documents=len(ctx.doc_ids), hits=sum(counts.values()), per_theme=counts)

    record = {
        "codebook": {**codebook_record(codebook[0], None), "source": codebook[1]},
        "method": HUMAN,
        "coder": coder,
        "imported_from": str(path),
        "positions_read": positions,
        "codes_added": new_codes,
    }
    settings = {"qdpx": str(path), "coder": coder, "positions": positions}
    return run_stage(conn, IMPORT_SPEC, body, corpus=corpus, settings=settings, record=record, doc_ids=documents,
                     make_current=make_current)
