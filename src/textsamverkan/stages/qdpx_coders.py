"""Several coding runs in one REFI-QDA project: each run's coder is a user of the project, every document any run
covered is a source (coded or not), and each automatic coding carries its evidence (method, score, rules and the
words they matched) as the selection's memo, so a coder sees in the QDA tool why the machine coded it."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from textsamverkan.analysis.types import DocInfo
from textsamverkan.export.qda_types import Coding, QdaCode
from textsamverkan.stages.coding_runs import HUMAN, coder_of, qda_codes, run_evidence
from textsamverkan.stages.corpus_view import CorpusView


def coder_names(views: Sequence[CorpusView]) -> list[str]:
    """The user each run's codings get: its coder, with the run id added where two runs stand for the same coder."""
    names = [coder_of(v.run) if v.run else "textsamverkan" for v in views]
    return [f"{n} ({v.run.run_id})" if names.count(n) > 1 and v.run else n for n, v in zip(names, views, strict=True)]


def write_runs_qdpx(
    conn: sqlite3.Connection,
    views: Sequence[CorpusView],
    output: Path,
    *,
    user_name: str,
    positions: str,
    evidence: bool = True,
) -> Path:
    """Write the coding runs of `views` (as `load_view` reads them) into one project at `output`."""
    from textsamverkan.export.qdpx import NoteKey, corpus_sources, evidence_note, write_qdpx

    codes: list[QdaCode] = []
    texts: dict[str, str] = {}
    docs: dict[str, DocInfo] = {}
    codings: list[Coding] = []
    notes: dict[NoteKey, str] = {}
    for view, coder in zip(views, coder_names(views), strict=True):
        known = {c.id for c in codes}
        codes += [c for c in qda_codes(view.codebook) if c.id not in known]
        names = view.code_names()
        texts.update(view.texts)
        docs.update({d.doc_id: d for d in view.docs})
        rules = run_evidence(conn, view.run, sorted({p.doc_id for p in view.passages})) if evidence and view.run else {}
        for p in view.passages:
            codings.append(Coding(p.doc_id, p.start, p.end, p.theme, user=coder))
            key = (coder, p.doc_id, p.start, p.end, p.theme)
            if p.method != HUMAN and key not in notes:
                notes[key] = evidence_note(names.get(p.theme, p.theme), p.method, p.score,
                                           rules.get((p.doc_id, p.start, p.end, p.theme)))
    known = {c.id for c in codes}
    codes += [QdaCode(code, code) for code in sorted({c.code for c in codings} - known)]
    sources = corpus_sources(texts, list(docs.values()))
    return write_qdpx(output, sources, codes, codings, user_name=user_name, notes=notes,
                      positions="codepoints" if positions == "codepoints" else "utf16")
