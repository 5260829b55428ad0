"""The export stage: the coded passages and comparison tables of one coding run, as CSV, XLSX, JSON or QDPX.

An export is recorded as a run that names the coding run it read, and uses that run's codebook (codes, labels,
colours) rather than whatever codebook is the default today.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textsamverkan.errors import E_OPTION, UserError
from textsamverkan.runner import RunContext, StageResult, StageSpec, run_stage
from textsamverkan.stages.claims import COLUMNS as CLAIM_TABLE_COLUMNS
from textsamverkan.stages.corpus_view import CorpusView, load_view

if TYPE_CHECKING:
    from textsamverkan.analysis.compare import Comparison
    from textsamverkan.stages.pii import RedactOptions

SPEC = StageSpec("export.v2", "export", reads_runs=("themes",), uses_runs=("claims",), documents=False)


PASSAGE_COLUMNS = [
    "doc_id",
    "title",
    "corpus",
    "kind",
    "region",
    "organisation",
    "date",
    "start",
    "end",
    "theme",
    "theme_label",
    "score",
    "method",
    "speaker",
    "speaker_role",
    "quote",
]
DOCUMENT_COLUMNS = ["doc_id", "title", "corpus", "kind", "region", "organisation", "date", "words", "passages"]
CLAIM_COLUMNS = list(CLAIM_TABLE_COLUMNS)
CODEBOOK_COLUMNS = ["id", "label", "label_sv", "label_en", "parent", "description", "color", "codable", "passages"]


def passage_table(view: CorpusView) -> list[dict[str, Any]]:
    """One row per coded passage: its document's metadata (title, corpus, kind, region, organisation, date), the
    code's id with its label in the codebook's language beside it, the speaker and the quote."""
    names = view.code_names()
    docs = {d.doc_id: d for d in view.docs}
    rows = []
    for p in view.passages:
        d = docs.get(p.doc_id)
        rows.append(
            {
                "doc_id": p.doc_id,
                "title": d.title if d else "",
                "corpus": d.corpus if d else "",
                "kind": d.kind if d else "",
                "region": d.region if d else "",
                "organisation": (d.organisation if d else "") or p.organisation or "",
                "date": d.date if d else "",
                "start": p.start,
                "end": p.end,
                "theme": p.theme,
                "theme_label": names.get(p.theme, p.theme),
                "score": p.score,
                "method": p.method,
                "speaker": p.speaker or "",
                "speaker_role": p.speaker_role or "",
                "quote": p.quote,
            }
        )
    return rows


def document_table(view: CorpusView) -> list[dict[str, Any]]:
    """One row per document the run covered, with its metadata, words and number of coded passages."""
    coded: dict[str, int] = {}
    for p in view.passages:
        coded[p.doc_id] = coded.get(p.doc_id, 0) + 1
    return [
        {
            "doc_id": d.doc_id,
            "title": d.title,
            "corpus": d.corpus,
            "kind": d.kind,
            "region": d.region,
            "organisation": d.organisation,
            "date": d.date,
            "words": d.words,
            "passages": coded.get(d.doc_id, 0),
        }
        for d in view.docs
    ]


def codebook_table(view: CorpusView) -> list[dict[str, Any]]:
    """The run's codebook, one row per code, with the label shown everywhere else and its passages."""
    if not view.codebook:
        return []
    names = view.code_names()
    counts: dict[str, int] = {}
    for p in view.passages:
        counts[p.theme] = counts.get(p.theme, 0) + 1
    return [
        {
            "id": c.id,
            "label": names.get(c.id, c.label_sv),
            "label_sv": c.label_sv,
            "label_en": c.label_en,
            "parent": c.parent or "",
            "description": c.description,
            "color": c.color or "",
            "codable": c.codable,
            "passages": counts.get(c.id, 0),
        }
        for c in view.codebook.codes
    ]


def labelled(rows: list[dict[str, Any]], names: dict[str, str]) -> list[dict[str, Any]]:
    """Comparison rows with a theme_label column beside the theme id."""
    out = []
    for row in rows:
        new: dict[str, Any] = {}
        for key, value in row.items():
            new[key] = value
            if key == "theme":
                new["theme_label"] = names.get(str(value), str(value))
        out.append(new)
    return out


def _with_label(columns: list[str]) -> list[str]:
    out: list[str] = []
    for c in columns:
        out.append(c)
        if c == "theme":
            out.append("theme_label")
    return out


def run_export(
    conn: sqlite3.Connection,
    *,
    fmt: str,
    output: Path,
    by: str = "region",
    cluster: str | None = None,
    min_group_documents: int = 5,
    model_hits: bool = True,
    corpus: str | None = None,
    run_id: str | None = None,
    user_name: str = "textsamverkan",
    positions: str = "utf16",
    redaction: RedactOptions | None = None,
    more_runs: Sequence[str] = (),
) -> StageResult[list[Path]]:
    """Write the export of one coding run (the current one, or `run_id`) and record it as a run. With `redaction`,
    texts, quotes and speakers are pseudonymised and every offset moved into the redacted texts. `cluster` as for
    compare (default: by author when authors wrote several documents; "none" turns it off). XLSX adds the
    codebook, the documents and the claims of the current claims run as sheets. `more_runs` (QDPX only) adds
    further coding runs, each coder a user of the same project. Without `model_hits` the passages only the learned
    layer coded are left out."""
    if more_runs and fmt != "qdpx":
        raise UserError(
            E_OPTION,
            f"several coding runs go into one file only with --format qdpx, not {fmt}",
            "Give one --run, or export as qdpx.",
        )

    def body(ctx: RunContext) -> list[Path]:
        from textsamverkan.analysis.compare import compare, resolve_cluster

        views = [load_view(conn, corpus=corpus, run_id=r, model_hits=model_hits)
                 for r in (ctx.input_runs["themes"].run_id, *more_runs)]  # fmt: skip
        claims: list[dict[str, Any]] = []
        if fmt == "xlsx" and "claims" in ctx.input_runs:
            from textsamverkan.stages.claims import stored_claims

            claims = stored_claims(conn, corpus=corpus, run_id=ctx.input_runs["claims"].run_id)[1]
        if redaction is not None:
            from textsamverkan.pii.corpus import redact_rows
            from textsamverkan.stages.pii import redact_corpus_view

            redacted = [redact_corpus_view(conn, view, redaction) for view in views]
            views = [view for view, _plan in redacted]
            claims = redact_rows(claims, redacted[0][1])
        for view in views:
            ctx.notes += view.notes
        view = views[0]
        used, cluster_notes = resolve_cluster(cluster, view.docs, by)
        ctx.notes += cluster_notes
        ctx.summary.update(
            format=fmt,
            output=str(output),
            passages=sum(len(v.passages) for v in views),
            documents=len(view.docs),
            runs=[v.run.run_id for v in views if v.run],
            cluster=used or "",
        )
        if fmt == "qdpx":
            from textsamverkan.stages.qdpx_coders import write_runs_qdpx

            return [
                write_runs_qdpx(
                    conn, views, output, user_name=user_name, positions=positions, evidence=redaction is None
                )
            ]
        result = compare(view.passages, view.docs, by=by, cluster=used, min_documents=min_group_documents)
        return _write(view, fmt, output, result, claims)

    return run_stage(
        conn,
        SPEC,
        body,
        corpus=corpus,
        settings={
            "format": fmt,
            "output": str(output),
            "by": by,
            "cluster": cluster or "",
            "min_group_documents": min_group_documents,
            "model_hits": model_hits,
            "user": user_name,
            "positions": positions,
            "redacted": redaction is not None,
            "more_runs": list(more_runs),
        },
        run_ids={"themes": run_id} if run_id else None,
    )


def _write(
    view: CorpusView,
    fmt: str,
    output: Path,
    result: Comparison,
    claims: list[dict[str, Any]],
) -> list[Path]:
    names = view.code_names()
    tables: dict[str, list[dict[str, Any]]] = {"passages": passage_table(view)}
    columns: dict[str, list[str]] = {"passages": PASSAGE_COLUMNS}
    for name, rows in result.tables().items():
        tables[name] = labelled(rows, names)
        columns[name] = _with_label(result.columns()[name])
    if fmt == "xlsx":
        tables.update(codebook=codebook_table(view), documents=document_table(view), claims=claims)
        columns.update(
            codebook=CODEBOOK_COLUMNS,
            documents=DOCUMENT_COLUMNS,
            claims=list(dict.fromkeys([*CLAIM_COLUMNS, *(k for c in claims for k in c)])),
        )
        for claim in claims:
            claim["themes"] = [f"{t} ({names[t]})" if t in names else t for t in claim.get("themes", [])]
    if fmt in ("csv", "csv-sv"):
        from textsamverkan.export.csv_export import write_csv_tables

        return list(
            write_csv_tables(tables, output, columns=columns, dialect="excel-sv" if fmt == "csv-sv" else "excel")
        )
    if fmt == "xlsx":
        from textsamverkan.export.xlsx_export import write_xlsx

        write_xlsx(tables, output, columns=columns)
        return [output]
    from textsamverkan.export.json_export import tables_document, write_json

    write_json(tables_document(tables, settings=result.settings, notes=result.notes), output)
    return [output]
