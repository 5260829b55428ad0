"""`textsamverkan ingest`: build or update a corpus from files and folders."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from textsamverkan.cli.output import emit
from textsamverkan.cli.workspace import Workspace


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--corpus", help="Corpus name (default: the folder's name, or a single file's name without suffix).")
@click.option(
    "--manifest",
    "manifest_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A manifest CSV anywhere (default: manifest.csv in the folder); its paths are relative to its own folder.",
)
@click.option("--manifest-file-column", help="The manifest column that names the files (default: found by name: "
              "file, path, filename, fil, …).")
@click.option("--include-unlisted", is_flag=True, help="Also ingest files the manifest does not list (reported as "
              "skipped otherwise).")
@click.option("--where", "where", multiple=True, metavar="COND",
              help="Keep only table rows (or files) matching COND: COLUMN~REGEX, COLUMN!~REGEX, COLUMN=VALUE, "
              "COLUMN!=VALUE; 'text' is the document text. Repeat to require several.")
@click.option("--region", help="Region of every document (normalised, e.g. VGR → Västra Götaland).")
@click.option("--organisation", help="Organisation behind every document.")
@click.option("--kind", help="transcript, report, slides, web, debate, interpellation, article, interview, other.")
@click.option("--date", help="Date as YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--title", help="Title (for a single file).")
@click.option("--language", help="Language code (default sv).")
@click.option("--format", "file_format", help="Force a reader: text, html, pdf, docx, srt, vtt, csv, jsonl.")
@click.option("--encoding", help="Force a text encoding (default: detect UTF-8, UTF-8 with BOM, CP1252).")
@click.option("--text-column", help="For CSV/JSONL: the column that holds the text.")
@click.option("--id-column", help="For CSV/JSONL: the column that identifies each row.")
@click.option("--max-file-mb", type=float, default=25.0, show_default=True, help="Refuse files larger than this.")
@click.option("--turn-format", help="Force a speaker-turn format (see `textsamverkan speakers --help`).")
@click.option("--turn-pattern", help="Regex for turn headers with a named group 'speaker' (and optional 'time').")
@click.option(
    "--speakers-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="speakers.csv with name, aliases, role, organisation, party to override or merge speakers.",
)
@click.option("--no-turns", is_flag=True, help="Do not look for speaker turns.")
@click.option("--force", is_flag=True, help="Re-ingest files even when they have not changed.")
@click.option("--quiet", "-q", is_flag=True, help="Print only failures and the summary line.")
@click.pass_obj
def ingest(
    obj: Workspace,
    paths: tuple[Path, ...],
    corpus: str | None,
    manifest_path: Path | None,
    manifest_file_column: str | None,
    include_unlisted: bool,
    where: tuple[str, ...],
    region: str | None,
    organisation: str | None,
    kind: str | None,
    date: str | None,
    title: str | None,
    language: str | None,
    file_format: str | None,
    encoding: str | None,
    text_column: str | None,
    id_column: str | None,
    max_file_mb: float,
    turn_format: str | None,
    turn_pattern: str | None,
    speakers_file: Path | None,
    no_turns: bool,
    force: bool,
    quiet: bool,
) -> None:
    """Read files and folders into the corpus database.

    Folders are read recursively; a manifest (manifest.csv in the folder, or --manifest FILE) gives each file's
    title, organisation, region, kind, date and language (flags override it); files it does not list are skipped
    and reported unless --include-unlisted. Unchanged files are skipped; changed files replace their documents.
    A file that cannot be read is reported and the others are stored; the exit status is then 1.

    \b
    Examples:
      textsamverkan ingest corpora/seeds
      textsamverkan ingest report.pdf --region "Region Halland" --kind report --date 2021-03
      textsamverkan ingest interpellations.csv --kind interpellation --where "text~äldreomsorg"
      textsamverkan ingest regeringen/docs --manifest regeringen/manifest.csv --kind web
    """
    from tqdm import tqdm

    from textsamverkan.ingest.document_builder import TurnOptions
    from textsamverkan.ingest.pipeline import IngestOptions, ingest_paths, summary_rows
    from textsamverkan.ingest.readers.base import ReadOptions
    from textsamverkan.ingest.row_filter import parse_where

    flags = {
        "region": region,
        "organisation": organisation,
        "kind": kind,
        "date": date,
        "title": title,
        "language": language,
    }
    options = IngestOptions(
        corpus=corpus,
        metadata={k: v for k, v in flags.items() if v},
        format=file_format,
        read=ReadOptions(encoding=encoding, max_file_mb=max_file_mb, text_column=text_column, id_column=id_column,
                         where=parse_where(where)),
        turns=TurnOptions(format=turn_format, pattern=turn_pattern, speakers_file=speakers_file, enabled=not no_turns),
        force=force,
        manifest=manifest_path,
        manifest_file_column=manifest_file_column,
        include_unlisted=include_unlisted,
    )
    conn = obj.connect(must_exist=False)
    summary = ingest_paths(
        conn,
        list(paths),
        options,
        progress=lambda items: tqdm(items, desc="ingest", unit="file", disable=None),
    )
    for outcome in summary.outcomes:
        if outcome.status == "failed":
            click.secho(f"FAILED {outcome.error}", fg="red", err=True)
        elif not quiet:
            for note in outcome.notes:
                click.echo(f"note   {outcome.path}: {note}", err=True)
    if not quiet and summary.outcomes:
        emit(
            [r for r in summary_rows(summary) if r["status"] != "failed"],
            "table",
            None,
            ["file", "status", "documents"],
        )
    click.echo(
        f"{summary.count('stored')} stored ({summary.documents} documents), {summary.count('unchanged')} unchanged, "
        f"{summary.count('skipped')} skipped, {len(summary.failed)} failed → {obj.db}",
        err=True,
    )
    if summary.failed:
        sys.exit(1)


COMMANDS = [ingest]
