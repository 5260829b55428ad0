"""`textsamverkan themes` and `textsamverkan codebook`: code passages and find new themes; inspect codebooks."""

from __future__ import annotations

from pathlib import Path

import click

from textsamverkan.cli.output import corpus_option, emit, output_options

CODEBOOK = click.option(
    "--codebook",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A codebook (.yaml, or REFI-QDA .qdc). Default: the bundled Swedish codebook.",
)


@click.command("themes")
@corpus_option
@CODEBOOK
@click.option(
    "--semantic",
    is_flag=True,
    help="Also match sentences to the codebook's exemplars by embeddings (slow: every sentence is embedded).",
)
@click.option(
    "--topics/--no-topics",
    default=True,
    show_default=True,
    help="Find topics nobody listed with BERTopic over passage embeddings.",
)
@click.option("--embedder", help="e5-small-sv (default), static-sv (fast), or a sentence-transformers name or path.")
@click.option(
    "--min-topic-size", type=click.IntRange(2), default=10, show_default=True, help="Smallest topic BERTopic keeps."
)
@click.option(
    "--outputs",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("outputs"),
    show_default=True,
    help="Where the run's folder is written.",
)
@click.pass_obj
def themes(
    obj: dict[str, Path],
    corpus_name: str | None,
    codebook: Path | None,
    semantic: bool,
    topics: bool,
    embedder: str | None,
    min_topic_size: int,
    outputs: Path,
) -> None:
    """Code every sentence (outside boilerplate) against a codebook and find themes nobody listed.

    Writes outputs/<run>/theme_passages.csv (one row per coded sentence and theme, with document, region,
    organisation, kind, speaker, offsets, the exact quote, score, method and evidence), theme_summary.csv (theme ×
    document and theme × region), topics.csv (BERTopic topics with their words, representative passages and the
    closest code, or "new") and manifest.json. Uses the annotate stage's lemmas when it has run.

    \b
    Examples:
      textsamverkan themes
      textsamverkan themes --codebook my_codebook.yaml --no-topics
      textsamverkan themes --embedder static-sv --min-topic-size 20
    """
    from tqdm import tqdm

    from textsamverkan.stages.themes import ThemesOptions, run_themes
    from textsamverkan.store import connect

    conn = connect(obj["db"], must_exist=True)
    options = ThemesOptions(
        codebook=codebook,
        semantic=semantic,
        topics=topics,
        embedder=embedder,
        min_topic_size=min_topic_size,
        outputs=outputs,
    )
    result = run_themes(
        conn,
        corpus=corpus_name,
        options=options,
        progress=lambda ids: tqdm(ids, desc="themes", unit="doc", disable=None),
    )
    click.echo(
        f"{result.hits} theme hits in {result.sentences} sentences of {result.documents} documents "
        f"(sentences from {result.sentence_source}): {result.counts_text()}"
    )
    if topics:
        click.echo(f"{result.topics} topics")
    click.echo(
        f"wrote {result.out_dir}/theme_passages.csv, theme_summary.csv"
        + (", topics.csv" if topics else "")
        + ", manifest.json"
    )


@click.command("codebook")
@CODEBOOK
@click.option(
    "--export",
    "export_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the codebook as .yaml or REFI-QDA .qdc (by suffix).",
)
@output_options
def codebook_cmd(codebook: Path | None, export_path: Path | None, fmt: str, output: Path | None) -> None:
    """Validate a codebook and list its codes, or export it as YAML or REFI-QDA .qdc.

    \b
    Examples:
      textsamverkan codebook
      textsamverkan codebook --codebook mine.yaml
      textsamverkan codebook --export codebook.qdc
    """
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


COMMANDS = [themes, codebook_cmd]
