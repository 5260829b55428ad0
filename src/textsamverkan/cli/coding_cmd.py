"""`import`, `agree` and `review`: human coding in the loop (coded projects back in, agreement, review sheets)."""

from __future__ import annotations

from pathlib import Path

import click

from textsamverkan.cli.output import corpus_option, emit, output_options
from textsamverkan.cli.workspace import Workspace, print_notes, run_option

POSITIONS = click.Choice(["auto", "utf16", "codepoints"])
CURRENT_HELP = "Make the new coding run the current themes run (default: readers use it only with --run ID)."


@click.command("import")
@click.argument("qdpx", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--coder", help="Attribute every coding to this coder (default: each coding's creatingUser).")
@click.option("--positions", type=POSITIONS, default="auto", show_default=True,
              help="How the project counts positions; auto decides from the tool that wrote it and says why.")
@click.option("--codebook", "codebook_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Match codes against this codebook (default: the current themes run's, else the default one).")
@click.option("--make-current", is_flag=True, help=CURRENT_HELP)
@corpus_option
@click.pass_obj
def import_cmd(
    obj: Workspace,
    qdpx: Path,
    coder: str | None,
    positions: str,
    codebook_path: Path | None,
    make_current: bool,
    corpus_name: str | None,
) -> None:
    """Import a coded REFI-QDA project (.qdpx) as one coding run per coder.

    Sources are matched to documents by their text (an edited text is error E111 naming it); codes by the GUID our
    export gives them, then by name; unknown codes are added to the run's codebook and reported. Each run is a
    themes run with method "human" and its coder: compare, export, report, claims and agree read it with --run.

    \b
    Examples:
      textsamverkan import coded_by_anna.qdpx
      textsamverkan import qualcoder.qdpx --coder "Bo" --positions codepoints
      textsamverkan agree --run <tool run> --against <Anna's run> --units sentences
    """
    from textsamverkan.stages.coding_runs import import_qdpx

    result = import_qdpx(obj.connect(), qdpx, coder=coder, positions=positions, corpus=corpus_name,
                         codebook_path=codebook_path, make_current=make_current)
    print_notes([n if n.startswith(("note:", "warning:")) else f"note: {n}" for n in result.notes])
    for run in result.runs:
        click.echo(f"{run.coder}: run {run.run.run_id}, {run.codings} codings in {run.documents} of "
                   f"{len(run.run.manifest.get('inputs', {}))} documents")


@click.command("agree")
@click.argument("qdpx", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@run_option("themes", "The coding run A (default: the current themes run); with a QDPX file, the run compared.")
@click.option("--against", metavar="ID", help="The coding run B to compare with run A (instead of a QDPX file).")
@click.option("--units", type=click.Choice(["characters", "sentences", "passages", "segments"]),
              default="characters", show_default=True,
              help="Characters (NVivo), sentences, passages, or coded segments matched by overlap (MAXQDA).")
@click.option("--min-overlap", type=click.FloatRange(0, 1, min_open=True), default=0.9, show_default=True,
              help="Segments: the share of overlap (intersection / union) at which two segments match.")
@click.option("--exclude-uncoded", is_flag=True, help="Leave out text that neither coding coded with any code.")
@click.option("--bootstrap", type=click.IntRange(min=0), default=1000, show_default=True,
              help="Bootstrap replicates for the 95 % intervals (documents resampled); 0: no intervals.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the bootstrap.")
@click.option("--positions", type=POSITIONS, default="auto", show_default=True,
              help="How the QDPX counts positions; auto decides from the tool that wrote it.")
@click.option("--coder", help="With a QDPX file: only this coder's codings (default: every coder in it together).")
@click.option("--disagreements", "disagreements_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write each passage where the codings differ to this .csv or .xlsx (for the consensus meeting).")
@corpus_option
@output_options
@click.pass_obj
def agree(
    obj: Workspace,
    qdpx: Path | None,
    run_id: str | None,
    against: str | None,
    units: str,
    min_overlap: float,
    exclude_uncoded: bool,
    bootstrap: int,
    seed: int,
    positions: str,
    coder: str | None,
    disagreements_path: Path | None,
    corpus_name: str | None,
    fmt: str,
    output: Path | None,
) -> None:
    """Agreement between two codings, per code and overall: % agreement, Cohen's kappa, Krippendorff's alpha
    (with bootstrap 95 % intervals), and precision, recall and F1 of B against A.

    Either a QDPX project (every coder in it together) against a coding run (default: the current themes run), or
    two coding runs — human (from `import`), automatic (`themes`) or corrected (`review --corrected`).

    \b
    Examples:
      textsamverkan agree coded_by_anna.qdpx --coder Anna
      textsamverkan agree --run <Anna's run> --against <Bo's run> --units sentences --disagreements todo.xlsx
      textsamverkan agree --run <Anna's run> --against <tool run> --units segments --min-overlap 0.8
    """
    from textsamverkan.errors import E_OPTION, UserError
    from textsamverkan.stages.agreement import AgreementOptions, agree_file, agree_runs

    options = AgreementOptions(units, min_overlap, exclude_uncoded, bootstrap, seed)
    if qdpx is not None and against is not None:
        raise UserError(E_OPTION, "give a QDPX file or --against, not both",
                        "`agree FILE.qdpx [--run ID]`, or `agree --run A --against B`.")
    if qdpx is not None:
        result = agree_file(obj.connect(), qdpx, run_id=run_id, corpus=corpus_name, positions=positions,
                            coder=coder, options=options)
    elif against is not None:
        if coder is not None:
            raise UserError(E_OPTION, "--coder selects a coder of a QDPX file", "Between runs, name the runs.")
        result = agree_runs(obj.connect(), run_a=run_id, run_b=against, corpus=corpus_name, options=options)
    else:
        raise UserError(E_OPTION, "agree needs a QDPX file or --against RUN",
                        "`agree FILE.qdpx`, or `agree --run A --against B` (list runs: `textsamverkan runs`).")
    print_notes(result.notes)
    if disagreements_path is not None:
        from textsamverkan.coding.disagreements import write_disagreements

        write_disagreements(result.disagreements, disagreements_path)
        click.echo(f"wrote {len(result.disagreements)} disagreements to {disagreements_path}", err=True)
    emit(result.rows, fmt, output)


@click.command("review")
@click.argument("code", required=False)
@click.option("-n", "n", type=click.IntRange(min=0), default=30, show_default=True, help="Hits to sample.")
@click.option("--uncoded", "n_uncoded", type=click.IntRange(min=0), default=0, show_default=True,
              help="Also sample this many uncoded sentences next to the code's hits (for missed hits).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the sample.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="The sheet to write (.xlsx or .csv).")
@click.option("--read", "sheet", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Read a filled sheet back: precision with a 95 % interval, stored as a review run.")
@click.option("--corrected", is_flag=True, help="With --read: also make the corrected coding a new coding run.")
@click.option("--interval", type=click.Choice(["wilson", "exact"]), default="wilson", show_default=True,
              help="With --read: Wilson or exact (Clopper–Pearson) interval.")
@click.option("--training", type=click.Path(dir_okay=False, path_type=Path),
              help="With --read: write the decisions as labelled examples (CSV) for a model coder.")
@click.option("--make-current", is_flag=True, help="With --corrected: " + CURRENT_HELP)
@run_option("themes", "The coding run to sample (default: the current one); with --read, overrides the sheet's.")
@corpus_option
@click.pass_obj
def review(
    obj: Workspace,
    code: str | None,
    n: int,
    n_uncoded: int,
    seed: int,
    output: Path | None,
    sheet: Path | None,
    corrected: bool,
    interval: str,
    training: Path | None,
    make_current: bool,
    run_id: str | None,
    corpus_name: str | None,
) -> None:
    """Review a code's hits by hand: a seeded sample into a keep/drop sheet, and the precision it shows.

    Write keep or drop (ja/nej, 1/0) in the sheet's decision column; for an uncoded sentence keep means it should
    have been coded. Reading it back records a review run naming the coding run reviewed.

    \b
    Examples:
      textsamverkan review ppe -n 30 --uncoded 10 -o review_ppe.xlsx
      textsamverkan review --read review_ppe.xlsx
      textsamverkan review --read review_ppe.xlsx --corrected
    """
    from textsamverkan.errors import E_OPTION, UserError

    if sheet is not None:
        from textsamverkan.stages.review import read_review

        result = read_review(obj.connect(), sheet, run_id=run_id, corrected=corrected, interval=interval,
                             training=training, make_current=make_current)
        print_notes(result.notes)
        for key, value in result.summary.items():
            click.echo(f"{key}: {_show(value)}")
        click.echo(f"review run {result.review.run_id}")
        if result.corrected is not None:
            click.echo(f"corrected coding run {result.corrected.run_id} (use it with --run)")
        return
    if code is None or output is None:
        raise UserError(E_OPTION, "review needs a CODE and -o SHEET (or --read SHEET)",
                        "e.g. `textsamverkan review ppe -n 30 -o review_ppe.xlsx`.")
    from textsamverkan.stages.review import draw_review

    drawn = draw_review(obj.connect(), code, output, n=n, n_uncoded=n_uncoded, seed=seed, run_id=run_id,
                        corpus=corpus_name)
    print_notes(drawn.notes)
    sampled = sum(r["kind"] == "hit" for r in drawn.rows)
    click.echo(f"wrote {output}: {sampled} of {drawn.hits} hits of {code}"
               + (f" and {len(drawn.rows) - sampled} uncoded sentences" if n_uncoded else "")
               + f" from run {drawn.run.run_id} (seed {seed})")


def _show(value: object) -> str:
    return f"{value:.4f}" if isinstance(value, float) else "" if value is None else str(value)


COMMANDS = [import_cmd, agree, review]
