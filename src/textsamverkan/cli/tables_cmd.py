"""`compare`, `export` and `report`: tables and a report whose every number leads back to its passages."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from textsamverkan.cli.output import corpus_option, emit, output_options
from textsamverkan.cli.pii_cmd import redact_options

if TYPE_CHECKING:
    from textsamverkan.stages.corpus_view import CorpusView
    from textsamverkan.stages.pii import RedactOptions

BY_HELP = (
    "Group key: corpus, region, organisation, kind, year, half, quarter, month, speaker, speaker_role, "
    "speaker_organisation or a metadata field; two at once with a comma (region,half)."
)


@click.command("compare")
@click.option("--by", default="region", show_default=True, help=BY_HELP)
@click.option("--themes", "theme_list", help="Comma-separated theme ids (default: all coded).")
@click.option("--cluster", help="Count each author/speaker once in the tests (a metadata field, or speaker).")
@click.option(
    "--table",
    type=click.Choice(["comparison", "tests", "groups", "themes"]),
    default="comparison",
    show_default=True,
    help="Which table to print.",
)
@corpus_option
@output_options
@click.pass_obj
def compare(
    obj: dict[str, Path],
    by: str,
    theme_list: str | None,
    cluster: str | None,
    table: str,
    corpus_name: str | None,
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
    """
    from textsamverkan.analysis.compare import compare as run_compare

    view = _view(obj["db"], corpus_name)
    themes = [t.strip() for t in theme_list.split(",")] if theme_list else None
    result = run_compare(view.passages, view.docs, by=by, themes=themes, cluster=cluster)
    emit(result.tables()[table], fmt, output, result.columns()[table])
    for note in result.notes:
        click.echo(f"note: {note}", err=True)


@click.command("export")
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["csv", "csv-sv", "xlsx", "json", "qdpx"]),
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
@click.option("--by", default="region", show_default=True, help=BY_HELP)
@corpus_option
@redact_options
@click.pass_obj
def export(
    obj: dict[str, Path], fmt: str, output: Path, by: str, corpus_name: str | None, redaction: RedactOptions | None
) -> None:
    """Export coded passages and the comparison tables for Excel, other tools, or a QDA program.

    Tables: passages (every coded passage with its quote and offsets), comparison, tests, groups, themes. The QDPX
    project holds each document as a plain-text source, the codebook as codes, and each coded passage as a
    selection whose character positions point at exactly its quote; NVivo, ATLAS.ti, MAXQDA and QualCoder open it.

    \b
    Examples:
      textsamverkan export --format xlsx -o outputs/themes.xlsx
      textsamverkan export --format csv-sv -o outputs/csv/
      textsamverkan export --format qdpx -o outputs/coding.qdpx
      textsamverkan export --format xlsx -o shared/themes.xlsx --redact --key-file ~/private/pii.key
    """
    from textsamverkan.analysis.compare import compare as run_compare

    view = _view(obj["db"], corpus_name, redaction)
    if fmt == "qdpx":
        from textsamverkan.export.qda_types import codes_from_codebook
        from textsamverkan.export.qdpx import write_passages_qdpx
        from textsamverkan.themes.codebook import load_default_codebook

        book = load_default_codebook()
        coded = {p.theme for p in view.passages}
        known = [c for c in book.codes if c.id in coded]
        extra = sorted(coded - {c.id for c in known})
        codes = codes_from_codebook(
            [c.id for c in known] + extra,
            [c.label_sv for c in known] + extra,
            [c.description for c in known] + [""] * len(extra),
            [c.color for c in known] + [None] * len(extra),
        )
        write_passages_qdpx(output, view.passages, view.texts, codes, docs=view.docs)
        click.echo(f"wrote {output}", err=True)
        return
    result = run_compare(view.passages, view.docs, by=by)
    passages = [
        {
            "doc_id": p.doc_id,
            "start": p.start,
            "end": p.end,
            "theme": p.theme,
            "score": p.score,
            "method": p.method,
            "speaker": p.speaker or "",
            "quote": p.quote,
        }
        for p in view.passages
    ]
    tables = {"passages": passages, **result.tables()}
    columns = {"passages": list(passages[0]) if passages else [], **result.columns()}
    if fmt in ("csv", "csv-sv"):
        from textsamverkan.export.csv_export import write_csv_tables

        paths = write_csv_tables(tables, output, columns=columns, dialect="excel-sv" if fmt == "csv-sv" else "excel")
        click.echo(f"wrote {len(paths)} tables to {output}", err=True)
    elif fmt == "xlsx":
        from textsamverkan.export.xlsx_export import write_xlsx

        write_xlsx(tables, output, columns=columns)
        click.echo(f"wrote {output}", err=True)
    else:
        from textsamverkan.export.json_export import tables_document, write_json

        write_json(tables_document(tables, settings=result.settings, notes=result.notes), output)
        click.echo(f"wrote {output}", err=True)


@click.command("report")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("outputs/report.html"),
    show_default=True,
    help="The HTML file to write.",
)
@click.option("--by", default="region", show_default=True, help="Rows of the heatmap (a group key).")
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
@corpus_option
@redact_options
@click.pass_obj
def report(
    obj: dict[str, Path],
    output: Path,
    by: str,
    sources: str,
    topics_csv: Path | None,
    corpus_name: str | None,
    redaction: RedactOptions | None,
) -> None:
    """Write one self-contained HTML report: overview, theme × group heatmap, speakers, topics, quotes.

    Every number and quote links to the passage behind it, highlighted in its document's text within the same
    file. Document text is escaped (markup in it is shown, never run). Opens offline in any browser.

    \b
    Examples:
      textsamverkan report -o outputs/report.html
      textsamverkan report --by kind --sources cited --topics outputs/<run>/topics.csv
    """
    from textsamverkan.stages.report import write_corpus_report
    from textsamverkan.store import connect

    write_corpus_report(
        connect(obj["db"], must_exist=True), output, corpus=corpus_name, by=by, sources=sources, topics_csv=topics_csv,
        redact=redaction,
    )
    click.echo(f"wrote {output}", err=True)


def _view(db: Path, corpus: str | None, redaction: RedactOptions | None = None) -> CorpusView:
    from textsamverkan.stages.corpus_view import load_view
    from textsamverkan.store import connect

    conn = connect(db, must_exist=True)
    view = load_view(conn, corpus=corpus)
    if redaction is not None:
        from textsamverkan.stages.pii import redact_corpus_view

        view = redact_corpus_view(conn, view, redaction)[0]
    return view


@click.command("agree")
@click.argument("qdpx", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--units",
    type=click.Choice(["characters", "sentences"]),
    default="characters",
    show_default=True,
    help="Compare coded characters, or sentences (from annotate, or the built-in splitter).",
)
@corpus_option
@output_options
@click.pass_obj
def agree(obj: dict[str, Path], qdpx: Path, units: str, corpus_name: str | None, fmt: str, output: Path | None) -> None:
    """Measure agreement between a human coder's QDPX project and the last `themes` run.

    Export with `textsamverkan export --format qdpx`, code further or correct in a QDA tool, and bring it back here.
    Per code: precision, recall and F1 of the automatic coding against the human one, and Cohen's kappa.

    \b
    Examples:
      textsamverkan agree coded_by_anna.qdpx
      textsamverkan agree coded_by_anna.qdpx --units sentences --format csv -o agreement.csv
    """
    from textsamverkan.export.agreement import agreement, passage_codings
    from textsamverkan.export.qdpx_read import coding_set, read_qdpx
    from textsamverkan.themes.codebook import load_default_codebook

    view = _view(obj["db"], corpus_name)
    names = {c.id: c.label_sv for c in load_default_codebook().codes}
    human = [c for c in coding_set(read_qdpx(qdpx)) if c.source in view.texts]
    automatic = passage_codings(view.passages, names)
    if units == "sentences":
        rows = agreement(human, automatic, segments=_sentence_units(obj["db"], list(view.texts)))
    else:
        rows = agreement(human, automatic, lengths={doc: len(text) for doc, text in view.texts.items()})
    emit(rows, fmt, output)


def _sentence_units(db: Path, doc_ids: list[str]) -> dict[str, list[tuple[int, int]]]:
    from textsamverkan.stages.themes import sentence_units
    from textsamverkan.store import connect

    conn = connect(db, must_exist=True)
    return {doc_id: sentence_units(conn, doc_id) for doc_id in doc_ids}


COMMANDS = [compare, export, report, agree]
