"""`textsamverkan themes` and `textsamverkan codebook`: code passages and find new themes; inspect codebooks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from textsamverkan.cli.output import corpus_option, emit, output_options
from textsamverkan.cli.settings_options import stage_options
from textsamverkan.cli.workspace import Workspace, print_notes
from textsamverkan.settings import setting

CODEBOOK = click.option(
    "--codebook",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help=setting("themes", "codebook").help,
)


@click.command("themes")
@corpus_option
@stage_options("themes")
@click.option(
    "--outputs",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("outputs"),
    show_default=True,
    help="Where the run's folder is written.",
)
@click.pass_obj
def themes(obj: Workspace, /, corpus_name: str | None, outputs: Path, **settings: Any) -> None:
    """Code every sentence (outside boilerplate) against a codebook and find themes nobody listed.

    One run: its coding becomes current only when the run completes (a killed or failed run leaves the previous
    coding in place). Writes outputs/<run>/theme_passages.csv (one row per coded sentence and theme, with
    document, region, organisation, kind, speaker, offsets, the exact quote, score, method and evidence),
    theme_summary.csv (theme × document and theme × region), topics.csv (BERTopic topics with their words,
    representative passages and the closest code, or "new") and manifest.json (settings, versions, inputs and the
    codebook's full content). Uses the annotate stage's lemmas when it has run.

    \b
    Examples:
      textsamverkan themes
      textsamverkan themes --codebook my_codebook.yaml --no-topics
      textsamverkan themes --embedder static-sv --min-topic-size 20
      textsamverkan themes --topic-sample 200000 --workers 2    # a large corpus
    """
    from tqdm import tqdm

    from textsamverkan.stages.themes import run_themes

    result = run_themes(
        obj.connect(),
        corpus=corpus_name,
        settings=settings,
        outputs=outputs,
        progress=lambda ids: tqdm(ids, desc="themes", unit="doc", disable=None),
    )
    print_notes(result.notes)
    click.echo(
        f"run {result.run_id}: {result.hits} theme hits in {result.sentences} sentences of {result.documents} "
        f"documents (sentences from {result.sentence_source}): {result.counts_text()}"
    )
    if settings["topics"]:
        sampled = 0 < result.topics_fitted_on < result.topic_passages
        click.echo(
            f"{result.topics} topics"
            + (f" (BERTopic fitted on {result.topics_fitted_on:,} of {result.topic_passages:,} passages, sampled by "
               "region and kind; the others joined the closest topic)" if sampled else "")
        )  # fmt: skip
    click.echo(
        f"wrote {result.out_dir}/theme_passages.csv, theme_summary.csv"
        + (", topics.csv" if settings["topics"] else "")
        + ", manifest.json"
    )


@click.group("codebook", invoke_without_command=True)
@CODEBOOK
@click.option(
    "--export",
    "export_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the codebook as .yaml or REFI-QDA .qdc (by suffix).",
)
@output_options
@click.pass_context
def codebook_cmd(
    ctx: click.Context, codebook: Path | None, export_path: Path | None, fmt: str, output: Path | None
) -> None:
    """Validate a codebook and list its codes, or export it as YAML or REFI-QDA .qdc.

    \b
    Examples:
      textsamverkan codebook
      textsamverkan codebook --codebook mine.yaml
      textsamverkan codebook --export codebook.qdc
      textsamverkan codebook suggest ppe
    """
    if ctx.invoked_subcommand is not None:
        return
    from textsamverkan.themes.codebook import dump_codebook, load_default_codebook
    from textsamverkan.themes.codebook_files import load_codebook
    from textsamverkan.themes.qdc import write_qdc

    book = load_codebook(codebook) if codebook else load_default_codebook()
    if export_path:
        if export_path.suffix.lower() == ".qdc":
            write_qdc(book, export_path)
        else:
            export_path.write_text(dump_codebook(book), encoding="utf-8")
        click.echo(f"wrote {export_path}", err=True)
        return
    rows = [
        {
            "code": c.id,
            "label_sv": c.label_sv,
            "label_en": c.label_en,
            "terms": len(c.terms),
            "phrases": len(c.phrases),
            "patterns": len(c.patterns),
            "exemplars": len(c.exemplars),
            "codable": c.codable,
        }
        for c in book.codes
    ]
    emit(rows, fmt, output)


@codebook_cmd.command("suggest")
@click.argument("code")
@CODEBOOK
@corpus_option
@click.option("--limit", type=int, default=20, show_default=True, help="Candidates per kind.")
@output_options
@click.pass_obj
def codebook_suggest(
    obj: Workspace, /, code: str, codebook: Path | None, corpus_name: str | None, limit: int, fmt: str,
    output: Path | None,
) -> None:
    """Candidate terms for CODE from the corpus, with example sentences, for you to accept; nothing is added.

    Compounds that share a head with the code's terms but are not matched by its rules, and words much more
    frequent in the sentences the code's rules match than elsewhere. Add the ones you accept to a copy of the
    codebook (terms, or patterns with a context) and pass it with --codebook.

    \b
    Examples:
      textsamverkan codebook suggest ppe
      textsamverkan codebook suggest testing --limit 10 --format csv -o testing_candidates.csv
    """
    from textsamverkan.stages.themes import corpus_suggestions

    rows = corpus_suggestions(obj.connect(), code, corpus=corpus_name, codebook_path=codebook, limit=limit)
    emit(rows, fmt, output, columns=["kind", "word", "count", "score", "reason", "examples"])


COMMANDS = [themes, codebook_cmd]
