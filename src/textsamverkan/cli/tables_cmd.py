"""`compare`, `export` and `report`: tables and a report whose every number leads back to its passages."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from textsamverkan.cli.output import corpus_option, emit, output_options
from textsamverkan.cli.pii_cmd import redact_options
from textsamverkan.cli.settings_options import stage_options
from textsamverkan.cli.workspace import Workspace, print_notes, run_option
from textsamverkan.export.formats import FORMATS

if TYPE_CHECKING:
    from textsamverkan.stages.pii import RedactOptions


@click.command("compare")
@stage_options("compare")
@click.option("--themes", "theme_list", help="Comma-separated theme ids (default: all coded).")
@click.option(
    "--table",
    type=click.Choice(["comparison", "tests", "groups", "themes"]),
    default="comparison",
    show_default=True,
    help="Which table to print.",
)
@corpus_option
@run_option("themes")
@output_options
@click.pass_obj
def compare(
    obj: Workspace,
    by: str,
    theme_list: str | None,
    cluster: str | None,
    min_group_documents: int,
    model_hits: bool,
    table: str,
    corpus_name: str | None,
    run_id: str | None,
    fmt: str,
    output: Path | None,
) -> None:
    """Compare groups on the coded themes: rates per 1,000 words with 95 % intervals, tests, examples.

    Per group and theme: coded passages, words, rate per 1,000 words with an exact Poisson (Garwood) interval,
    documents and share of documents coded, and example passages (doc_id:start-end, open with `show`). Per theme
    (--table tests): chi-square, Fisher's exact test or a seeded permutation test, Benjamini–Hochberg adjusted.
    Run `textsamverkan themes` first.

    \b
    Examples:
      textsamverkan compare --by region
      textsamverkan compare --by region,half --themes ppe,testing --format csv -o region_half.csv
      textsamverkan compare --by region --cluster author --table tests
      textsamverkan compare --by region --no-model-hits
    """
    from textsamverkan.analysis.compare import compare as run_compare
    from textsamverkan.analysis.compare import resolve_cluster
    from textsamverkan.stages.corpus_view import load_view

    view = load_view(obj.connect(), corpus=corpus_name, run_id=run_id, model_hits=model_hits)
    used, cluster_notes = resolve_cluster(cluster, view.docs, by)
    print_notes(view.notes + cluster_notes)
    themes = [t.strip() for t in theme_list.split(",")] if theme_list else None
    result = run_compare(view.passages, view.docs, by=by, themes=themes, cluster=used,
                         min_documents=min_group_documents)
    emit(result.tables()[table], fmt, output, result.columns()[table])
    for note in result.notes:
        click.echo(f"note: {note}", err=True)


@click.command("export")
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(FORMATS),
    required=True,
    help="csv (UTF-8 with BOM), csv-sv (; and decimal comma), xlsx, json, or qdpx (REFI-QDA project).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    required=True,
    help="A file (xlsx, json, qdpx) or a folder (csv, csv-sv).",
)
@stage_options("export")
@click.option(
    "--user",
    "user_name",
    default="textsamverkan",
    show_default=True,
    help="QDPX: the researcher's name, the project's user (the automatic coding has its own user).",
)
@click.option(
    "--positions",
    type=click.Choice(["utf16", "codepoints"]),
    default="utf16",
    show_default=True,
    help="QDPX: count positions in UTF-16 units (NVivo, MAXQDA, ATLAS.ti) or code points (QualCoder).",
)
@corpus_option
@click.option(
    "--run",
    "run_ids",
    metavar="ID",
    multiple=True,
    help="The coding run to export (default: the current one); QDPX: repeat for several coders in one project.",
)
@redact_options
@click.pass_obj
def export(
    obj: Workspace,
    fmt: str,
    output: Path,
    by: str,
    cluster: str | None,
    min_group_documents: int,
    model_hits: bool,
    user_name: str,
    positions: str,
    corpus_name: str | None,
    run_ids: tuple[str, ...],
    redaction: RedactOptions | None,
) -> None:
    """Export coded passages and the comparison tables for Excel, other tools, or a QDA program.

    Tables: passages (every coded passage with its quote, offsets, code label and its document's metadata),
    comparison, tests, groups, themes; XLSX adds codebook, documents and claims sheets. The QDPX
    project holds each document as a plain-text source, the codebook as codes, and each coded passage as a
    selection whose character positions point at exactly its quote; NVivo, ATLAS.ti, MAXQDA and QualCoder open it.
    Codes and labels come from the codebook kept with the coding run exported.

    \b
    Examples:
      textsamverkan export --format xlsx -o outputs/themes.xlsx
      textsamverkan export --format csv-sv -o outputs/csv/
      textsamverkan export --format qdpx -o outputs/coding.qdpx --run 20261202-101500
      textsamverkan export --format qdpx -o both.qdpx --run <tool run> --run <Anna's run> --user Anna
      textsamverkan export --format xlsx -o shared/themes.xlsx --redact --key-file ~/private/pii.key
    """
    from textsamverkan.stages.export import run_export

    done = run_export(
        obj.connect(),
        fmt=fmt,
        output=output,
        by=by,
        cluster=cluster,
        min_group_documents=min_group_documents,
        model_hits=model_hits,
        corpus=corpus_name,
        run_id=run_ids[0] if run_ids else None,
        more_runs=run_ids[1:],
        user_name=user_name,
        positions=positions,
        redaction=redaction,
    )
    print_notes(done.notes)
    written = done.value
    click.echo(f"wrote {output}" if len(written) == 1 else f"wrote {len(written)} tables to {output}", err=True)


@click.command("report")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("outputs/report.html"),
    show_default=True,
    help="The HTML file to write.",
)
@stage_options("report")
@click.option(
    "--sources",
    type=click.Choice(["all", "cited"]),
    default="all",
    show_default=True,
    help="Include every document's text, or only those something links to.",
)
@click.option(
    "--topics",
    "topics_csv",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A topics.csv from a themes run to include.",
)
@click.option("--against", metavar="ID", help="Add a section of the passages where this coding run differs.")
@corpus_option
@run_option("themes")
@redact_options
@click.pass_obj
def report(
    obj: Workspace,
    output: Path,
    by: str,
    cluster: str | None,
    min_group_documents: int,
    model_hits: bool,
    sources: str,
    topics_csv: Path | None,
    against: str | None,
    corpus_name: str | None,
    run_id: str | None,
    redaction: RedactOptions | None,
) -> None:
    """Write one self-contained HTML report: overview, theme × group heatmap, speakers, topics, quotes.

    Every number and quote links to the passage behind it, highlighted in its document's text within the same
    file. Document text is escaped (markup in it is shown, never run). Opens offline in any browser.

    \b
    Examples:
      textsamverkan report -o outputs/report.html
      textsamverkan report --by kind --sources cited --topics outputs/<run>/topics.csv
      textsamverkan report --by region --cluster author --min-group-documents 10
      textsamverkan report --run <tool run> --against <Anna's run> -o outputs/consensus.html
    """
    from textsamverkan.stages.report import write_corpus_report

    done = write_corpus_report(
        obj.connect(),
        output,
        corpus=corpus_name,
        run_id=run_id,
        by=by,
        cluster=cluster,
        min_group_documents=min_group_documents,
        model_hits=model_hits,
        sources=sources,
        topics_csv=topics_csv,
        redact=redaction,
        against=against,
    )
    print_notes(done.notes)
    click.echo(f"wrote {output}", err=True)


COMMANDS = [compare, export, report]
