"""`corpus`, `show` and `search`: look at what is stored."""

from __future__ import annotations

from pathlib import Path

import click

from textsamverkan.cli.output import corpus_option, emit, output_options
from textsamverkan.cli.settings_options import stage_options
from textsamverkan.cli.workspace import Workspace


@click.command("corpus")
@click.option("--documents", "-d", is_flag=True, help="List documents instead of corpora.")
@corpus_option
@output_options
@click.pass_obj
def corpus(obj: Workspace, documents: bool, corpus_name: str | None, fmt: str, output: Path | None) -> None:
    """List corpora (documents and words) or, with --documents, every document with its metadata and counts.

    \b
    Examples:
      textsamverkan corpus
      textsamverkan corpus --documents --corpus seeds --format csv -o documents.csv
    """
    from textsamverkan.store.documents import corpus_rows, document_rows

    conn = obj.connect()
    if documents or corpus_name:
        emit(
            document_rows(conn, corpus=corpus_name),
            fmt,
            output,
            None
            if fmt != "table"
            else [
                "doc_id",
                "format",
                "kind",
                "region",
                "date",
                "words",
                "blocks",
                "turns",
                "speakers",
                "title",
            ],
        )
    else:
        emit(corpus_rows(conn), fmt, output)


@click.command("show")
@click.argument("doc")
@click.option(
    "--layer",
    "layers",
    multiple=True,
    default=("block",),
    show_default=True,
    help="Span layers to list (block, turn, sentence, …); repeat for several.",
)
@click.option("--text", "full_text", is_flag=True, help="Print the canonical text instead of spans.")
@click.option("--raw", is_flag=True, help="Add raw-file offsets, line numbers and locators (page, cue, row).")
@output_options
@click.pass_obj
def show(
    obj: Workspace,
    doc: str,
    layers: tuple[str, ...],
    full_text: bool,
    raw: bool,
    fmt: str,
    output: Path | None,
) -> None:
    """Show one document's spans with offsets: text[start:end] is always the quote.

    DOC is a document id or any unique part of one (e.g. 001).

    \b
    Examples:
      textsamverkan show 001
      textsamverkan show 003 --raw
      textsamverkan show 001 --layer turn --format csv
    """
    from textsamverkan.store.documents import get_document, resolve_doc_id

    conn = obj.connect()
    document = get_document(conn, resolve_doc_id(conn, doc), layers=layers)
    if full_text:
        click.echo(document.text)
        return
    click.echo(f"# {document.doc_id}  {document.metadata.get('title', '')}", err=True)
    for note in document.notes:
        click.echo(f"# note: {note}", err=True)
    rows = []
    for span in document.spans:
        row = {
            "layer": span.layer,
            "label": span.label,
            "start": span.start,
            "end": span.end,
            "quote": document.text[span.start : span.end],
        }
        if raw:
            row.update(document.locate(span.start, span.end))
        rows.append(row)
    emit(rows, fmt, output)


@click.command("search")
@click.argument("query")
@click.option("--limit", "-n", type=int, default=20, show_default=True, help="Number of hits.")
@corpus_option
@click.option("--any", "any_term", is_flag=True, help="Match any word instead of all words.")
@click.option("--semantic", is_flag=True, help="Rank passages by meaning (sentence embeddings) instead of words.")
@stage_options("search")
@output_options
@click.pass_obj
def search(
    obj: Workspace,
    query: str,
    limit: int,
    corpus_name: str | None,
    any_term: bool,
    semantic: bool,
    embedder: str,
    fmt: str,
    output: Path | None,
) -> None:
    """Search content blocks by words (SQLite FTS5, boilerplate excluded), or passages by meaning, best first.

    Each hit gives the document, the block's offsets, the first match's offsets, the speaker when the block is a
    turn, a snippet and the locator in the original file (line, page, cue, row). End a word with * for prefixes.

    \b
    Examples:
      textsamverkan search "skyddsutrustning"
      textsamverkan search "vårdplan*" --corpus seeds --format csv
      textsamverkan search --semantic "brist på skyddsutrustning" -n 5

    With --semantic, passages are ranked by cosine similarity of sentence embeddings (computed once per passage
    and model, then cached in the database), so a passage about an "akutförråd" of masks is found without the word.
    """
    if semantic:
        from textsamverkan.semantic_search import semantic_hits

        emit(semantic_hits(obj.connect(), query, limit=limit, corpus=corpus_name, embedder=embedder), fmt, output)
        return
    from textsamverkan.search import search_hits

    emit(search_hits(obj.connect(), query, limit=limit, corpus=corpus_name, any_term=any_term), fmt, output)


COMMANDS = [corpus, show, search]
