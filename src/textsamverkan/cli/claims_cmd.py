"""`textsamverkan claims`, `verify` and `link`: extract claims with provenance, re-check it, link statements."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from textsamverkan.cli.output import corpus_option, emit, output_options
from textsamverkan.cli.settings_options import stage_options
from textsamverkan.cli.workspace import Workspace, print_notes, run_option


@click.command("claims")
@corpus_option
@run_option("themes", "The themes run whose coding fills the themes column (default: the current one).")
@click.option(
    "--conflicts",
    is_flag=True,
    help="List pairs of claims from different documents about the same subject that disagree on a number, "
    "direction or polarity (from the current claims run, or --claims-run).",
)
@click.option("--claims-run", metavar="ID", help="With --conflicts: the claims run to read (default: the current one).")
@stage_options("claims")
@output_options
@click.pass_obj
def claims(
    obj: Workspace,
    /,
    corpus_name: str | None,
    run_id: str | None,
    conflicts: bool,
    claims_run: str | None,
    fmt: str,
    output: Path | None,
    **settings: Any,
) -> None:
    """Extract (again) the claims of every document and list them with their exact provenance.

    A claim is a sentence asserting a quantity, a change, an evaluation, a problem, a cause or an obligation.
    Rows give document, offsets, type, themes (from the last `themes` run), speaker, role, organisation, region,
    parsed quantities and the exact quote. References are kept so `textsamverkan verify` can re-check them.

    \b
    Examples:
      textsamverkan claims
      textsamverkan claims --format csv -o claims.csv
      textsamverkan claims --conflicts
      textsamverkan claims --workers 2           # extract on a 2-process local cluster
    """
    from textsamverkan.stages.claims import COLUMNS, run_claims, stored_claims

    if conflicts:
        import json

        from textsamverkan.claims.conflicts import find_conflicts

        _run, rows, notes = stored_claims(obj.connect(), corpus=corpus_name, run_id=claims_run)
        print_notes(notes)
        pairs = find_conflicts(rows)
        if fmt != "json":
            pairs = [{**p, "reasons": json.dumps(p["reasons"], ensure_ascii=False)} for p in pairs]
        emit(pairs, fmt, output)
        return
    done = run_claims(obj.connect(), corpus=corpus_name, themes_run=run_id, settings=settings)
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
@stage_options("link")
@output_options
@click.pass_obj
def link(
    obj: Workspace, /, statements: Path, corpus_name: str | None, fmt: str, output: Path | None, **settings: Any
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
      textsamverkan link statements.csv --workers 2      # judge on a 2-process local cluster
      textsamverkan link statements.csv --learned-verifier   # a model's second look at `partly` (Riksdag text)
    """
    import json

    from textsamverkan.claims.link import read_statements_with_notes
    from textsamverkan.stages.link import COLUMNS, TABLE_COLUMNS, run_link

    texts, notes = read_statements_with_notes(statements)
    for note in notes:
        click.echo(f"note: {statements}: {note}", err=True)
    done = run_link(obj.connect(), texts, corpus=corpus_name, settings=settings, source=str(statements))
    print_notes(done.notes)
    rows = done.value
    if fmt != "json":
        rows = [{**r, "reasons": json.dumps(r.get("reasons") or {}, ensure_ascii=False)} for r in rows]
    emit(rows, fmt, output, columns=TABLE_COLUMNS if fmt == "table" else COLUMNS)


COMMANDS = [claims, verify, link]
