"""`textsamverkan speakers`: speakers with aliases, roles, organisations, turns, words and share of talk."""

from __future__ import annotations

from pathlib import Path

import click

from textsamverkan.cli.output import corpus_option, emit, output_options
from textsamverkan.cli.workspace import Workspace


@click.command("speakers")
@click.argument("doc", required=False)
@corpus_option
@click.option("--merge", is_flag=True, help="One row per speaker over all documents instead of per document.")
@output_options
@click.pass_obj
def speakers(
    obj: Workspace, doc: str | None, corpus_name: str | None, merge: bool, fmt: str, output: Path | None
) -> None:
    """List speakers per document (or merged over the corpus): aliases, role, organisation, party, turns, words
    and share of talk (share of the words spoken in turns).

    Turns are found at ingest. Formats detected automatically: a name on its own line before the turn, `Name:`,
    timestamps with names (`[00:01:02] Name:`), interview codes (`I:`, `IP1:`), Riksdag protocol headers
    (`Anf. 12 … (S):`), WebVTT voice tags, and tables with a speaker column before the text (`table_row`). Force
    one with `ingest --turn-format`, or give your own regex with `ingest --turn-pattern`; merge or correct speakers
    with `ingest --speakers-file speakers.csv`.

    \b
    Examples:
      textsamverkan speakers 001
      textsamverkan speakers --corpus seeds --merge --format csv -o speakers.csv
    """
    from textsamverkan.analysis.speaker_shares import COLUMNS, speaker_rows

    conn = obj.connect()
    rows = speaker_rows(conn, doc=doc, corpus=corpus_name, by_document=not merge)
    columns = [c for c in COLUMNS if not (merge and c == "doc_id")] + (["documents"] if merge else [])
    emit(rows, fmt, output, columns)


COMMANDS = [speakers]
