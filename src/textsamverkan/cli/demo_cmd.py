"""`textsamverkan demo`: the main job on the sample corpus, from the repository alone."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("demo")
@click.option(
    "--corpus-dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("corpora/seeds"),
    show_default=True,
    help="The sample corpus.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("outputs/demo"),
    show_default=True,
    help="Where the demo writes its database and tables.",
)
@click.option("--no-topics", is_flag=True, help="Skip BERTopic (faster).")
def demo(corpus_dir: Path, out: Path, no_topics: bool) -> None:
    """Run the main job on the sample corpus: ingest, speakers, annotate, themes and topics, report.

    Everything lands in --out: the database, documents.csv, speakers.csv, runs/<run>/ with the theme tables, and
    report.html.

    \b
    Example:
      textsamverkan demo           # what `make demo` runs
    """
    from textsamverkan.demo import run_demo

    for line in run_demo(corpus_dir, out, topics=not no_topics):
        click.echo(line)


COMMANDS = [demo]
