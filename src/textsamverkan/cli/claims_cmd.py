"""`textsamverkan claims`, `verify` and `link`: extract claims with provenance, re-check it, link statements."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from textsamverkan.cli.output import corpus_option, emit, output_options
from textsamverkan.cli.workspace import Workspace, print_notes, run_option


@click.command("claims")
@corpus_option
@run_option("themes", "The themes run whose coding fills the themes column (default: the current one).")
@output_options
@click.pass_obj
def claims(obj: Workspace, corpus_name: str | None, run_id: str | None, fmt: str, output: Path | None) -> None:
    """Extract (again) the claims of every document and list them with their exact provenance.

    A claim is a sentence asserting a quantity, a change, an evaluation, a problem, a cause or an obligation.
    Rows give document, offsets, type, themes (from the last `themes` run), speaker, role, organisation, region,
    parsed quantities and the exact quote. References are kept so `textsamverkan verify` can re-check them.

    \b
    Examples:
      textsamverkan claims
      textsamverkan claims --format csv -o claims.csv
    """
    from textsamverkan.stages.claims import COLUMNS, run_claims

    done = run_claims(obj.connect(), corpus=corpus_name, themes_run=run_id)
    print_notes(done.notes)
    emit(done.value, fmt, output, columns=COLUMNS)
    click.echo(f"run {done.run.run_id}: {len(done.value)} claims", err=True)


@click.command("verify")
@corpus_option
@run_option("claims", "The claims run whose references are checked (default: the current one).")
@output_options
@click.pass_obj
def verify(obj: Workspace, corpus_name: str | None, run_id: str | None, fmt: str, output: Path | None) -> None:
    """Check every claim reference from the last `claims` run against the current document texts.

    Status per claim: ok (same place), moved (found elsewhere; new_start/new_end given), ambiguous (several equally
    good places) or lost (the quote is gone). Exits with status 1 when any claim is not ok or moved.

    \b
    Examples:
      textsamverkan verify
      textsamverkan verify --format csv -o verify.csv
    """
    from textsamverkan.stages.claims import verify_claims

    rows, notes = verify_claims(obj.connect(), corpus=corpus_name, run_id=run_id)
    print_notes(notes)
    emit(rows, fmt, output)
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["status"]] = counts.get(row["status"], 0) + 1
    click.echo(
        ", ".join(f"{n} {s}" for s, n in sorted(counts.items())) or "no claims kept: run `claims` first", err=True
    )
    if any(r["status"] in ("lost", "ambiguous") for r in rows):
        raise click.exceptions.Exit(1)


@click.command("link")
@click.argument("statements", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@corpus_option
@click.option("-k", "top_k", type=click.IntRange(1), default=5, show_default=True, help="Passages per statement.")
@click.option(
    "--embedder",
    default="static-sv",
    show_default=True,
    help="static-sv (the threshold was calibrated on it), e5-small-sv, or a sentence-transformers name or path.",
)
@click.option("--threshold", type=float, help="Lowest hybrid score counted as support (default: calibrated).")
@output_options
@click.pass_obj
def link(
    obj: Workspace,
    statements: Path,
    corpus_name: str | None,
    top_k: int,
    embedder: str,
    threshold: float | None,
    fmt: str,
    output: Path | None,
) -> None:
    """Find the passages that support each statement (a text file, one per line, or a CSV with `statement`).

    Ranks passages by a hybrid of BM25 over lemmas and embedding similarity; prints the top k per statement with
    score, speaker, document, offsets and quote, or "no support found" when the best score is below the threshold.

    \b
    Examples:
      textsamverkan link statements.txt
      textsamverkan link statements.csv -k 3 --format json
    """
    from textsamverkan.claims.link import DEFAULT_THRESHOLD, Linker, load_statements

    texts, notes = load_statements(statements)
    for note in notes:
        click.echo(f"note: {statements}: {note}", err=True)
    linker = Linker(
        obj.connect(),
        corpus=corpus_name,
        embedder=embedder,
        threshold=DEFAULT_THRESHOLD if threshold is None else threshold,
    )
    rows: list[dict[str, Any]] = []
    for n, statement in enumerate(texts, 1):
        result = linker.link(statement, k=top_k)
        if not result.supported:
            best = result.supports[0].score if result.supports else None
            rows.append(
                {
                    "statement_no": n,
                    "statement": statement,
                    "rank": None,
                    "status": "no support found",
                    "score": best,
                    "speaker": "",
                    "doc_id": "",
                    "start": None,
                    "end": None,
                    "quote": "",
                }
            )
            continue
        for rank, s in enumerate(result.supports, 1):
            rows.append(
                {
                    "statement_no": n,
                    "statement": statement,
                    "rank": rank,
                    "status": "supported",
                    "score": s.score,
                    "speaker": s.speaker,
                    "doc_id": s.doc_id,
                    "start": s.start,
                    "end": s.end,
                    "quote": s.quote,
                }
            )
    emit(rows, fmt, output)


COMMANDS = [claims, verify, link]
