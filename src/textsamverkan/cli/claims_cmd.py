"""`textsamverkan claims`, `verify` and `link`: extract claims with provenance, re-check it, link statements."""

from __future__ import annotations

from pathlib import Path

import click

from textsamverkan.cli.output import corpus_option, emit, output_options


@click.command("claims")
@corpus_option
@click.option(
    "--conflicts",
    is_flag=True,
    help="List pairs of claims from different documents about the same subject that disagree on a number, "
    "direction or polarity (uses the claims of the last run).",
)
@output_options
@click.pass_obj
def claims(obj: dict[str, Path], corpus_name: str | None, conflicts: bool, fmt: str, output: Path | None) -> None:
    """Extract (again) the claims of every document and list them with their exact provenance.

    A claim is a sentence asserting a quantity, a change, an evaluation, a problem, a cause or an obligation.
    Rows give document, offsets, type, themes (from the last `themes` run), speaker, role, organisation, region,
    parsed quantities and the exact quote. References are kept so `textsamverkan verify` can re-check them.

    \b
    Examples:
      textsamverkan claims
      textsamverkan claims --format csv -o claims.csv
      textsamverkan claims --conflicts
    """
    from textsamverkan.stages.claims import COLUMNS, run_claims, stored_claims
    from textsamverkan.store import connect

    if conflicts:
        import json

        from textsamverkan.claims.conflicts import find_conflicts

        pairs = find_conflicts(stored_claims(connect(obj["db"], must_exist=True), corpus=corpus_name))
        if fmt == "csv":
            pairs = [{**p, "reasons": json.dumps(p["reasons"], ensure_ascii=False)} for p in pairs]
        emit(pairs, fmt, output)
        return
    rows = run_claims(connect(obj["db"], must_exist=True), corpus=corpus_name)
    emit(rows, fmt, output, columns=COLUMNS)


@click.command("verify")
@corpus_option
@output_options
@click.pass_obj
def verify(obj: dict[str, Path], corpus_name: str | None, fmt: str, output: Path | None) -> None:
    """Check every claim reference from the last `claims` run against the current document texts.

    Status per claim: ok (same place), moved (found elsewhere; new_start/new_end given), ambiguous (several equally
    good places) or lost (the quote is gone). Exits with status 1 when any claim is not ok or moved.

    \b
    Examples:
      textsamverkan verify
      textsamverkan verify --format csv -o verify.csv
    """
    from textsamverkan.stages.claims import verify_claims
    from textsamverkan.store import connect

    rows = verify_claims(connect(obj["db"], must_exist=True), corpus=corpus_name)
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
@click.option("--threshold", type=float, help="Lowest hybrid score counted as a candidate (default: calibrated).")
@output_options
@click.pass_obj
def link(
    obj: dict[str, Path],
    statements: Path,
    corpus_name: str | None,
    top_k: int,
    embedder: str,
    threshold: float | None,
    fmt: str,
    output: Path | None,
) -> None:
    """Find the passages behind each statement and judge them (a text file, one per line, or a CSV with `statement`).

    Ranks passages by a hybrid of BM25 over lemmas and embedding similarity, takes the top k, finds the best
    sentence(s) in each and gives a verdict: supported, contradicted, partly or no_evidence, with a confidence and
    reasons (numbers, dates, actors and places, negation, direction, content words). `status` is the statement's
    overall verdict (also `conflicting` when one passage supports it and another contradicts it). CSV holds the
    reasons as JSON, JSON nests them; the table shows one line of reasons.

    \b
    Examples:
      textsamverkan link statements.txt
      textsamverkan link statements.csv -k 3 --format json
    """
    import json

    from textsamverkan.claims.link import DEFAULT_THRESHOLD, read_statements_with_notes
    from textsamverkan.stages.link import COLUMNS, TABLE_COLUMNS, build_linker, link_statements
    from textsamverkan.store import connect

    texts, notes = read_statements_with_notes(statements)
    for note in notes:
        click.echo(f"note: {statements}: {note}", err=True)
    linker = build_linker(
        connect(obj["db"], must_exist=True),
        corpus=corpus_name,
        embedder=embedder,
        threshold=DEFAULT_THRESHOLD if threshold is None else threshold,
    )
    rows = link_statements(linker, texts, k=top_k)
    if fmt == "csv":
        rows = [{**r, "reasons": json.dumps(r.get("reasons") or {}, ensure_ascii=False)} for r in rows]
    emit(rows, fmt, output, columns=TABLE_COLUMNS if fmt == "table" else COLUMNS)


COMMANDS = [claims, verify, link]
