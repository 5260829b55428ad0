"""`textsamverkan annotate`: sentences and tokens with lemma, part of speech, morphology, syntax and entities."""

from __future__ import annotations

from pathlib import Path

import click

from textsamverkan.cli.output import corpus_option


@click.command("annotate")
@corpus_option
@click.option(
    "--nlp", "backend", type=click.Choice(["spacy", "stanza"]), default="spacy", show_default=True, help="NLP backend."
)
@click.option(
    "--model",
    help="spaCy: a package name or path (default: sv_core_news_lg/md/sm when installed, else "
    "the bundled model). Stanza: a model directory (default: the bundled one).",
)
@click.option("--parser", is_flag=True, help="spaCy: run the dependency parser too (about half the speed).")
@click.option("--ner", is_flag=True, help="spaCy: run named-entity recognition too (about half the speed).")
@click.option(
    "--lemma-fallback",
    type=click.Choice(["simplemma", "none"]),
    default="simplemma",
    show_default=True,
    help="Where lemmas of words the model never saw come from.",
)
@click.option("--force", is_flag=True, help="Annotate again documents already annotated by this backend and model.")
@click.pass_obj
def annotate(
    obj: dict[str, Path],
    corpus_name: str | None,
    backend: str,
    model: str | None,
    parser: bool,
    ner: bool,
    lemma_fallback: str,
    force: bool,
) -> None:
    """Annotate every passage: sentence and token spans (lemma, UPOS, morphology, head, dependency, entity).

    No sentence crosses a block or a speaker turn; headings and bullets without final punctuation are sentences of
    their own. Each span records the backend and model that made it. Documents already annotated by the same
    backend and model are skipped.

    \b
    Examples:
      textsamverkan annotate
      textsamverkan annotate --nlp spacy --parser
      textsamverkan annotate --nlp stanza --model models/stanza_sv
    """
    from tqdm import tqdm

    from textsamverkan.stages.annotate import annotate_corpus
    from textsamverkan.store import connect
    from textsamverkan.store.runs import finish_run, start_run, text_hashes

    conn = connect(obj["db"], must_exist=True)
    settings = {
        "corpus": corpus_name,
        "nlp": backend,
        "model": model,
        "parser": parser,
        "ner": ner,
        "lemma_fallback": lemma_fallback,
        "force": force,
    }
    run = start_run(conn, "annotate", settings)
    summary = annotate_corpus(
        conn,
        corpus=corpus_name,
        backend=backend,
        model=model,
        parser=parser,
        ner=ner,
        lemma_fallback=lemma_fallback,
        force=force,
        progress=lambda ids: tqdm(ids, desc="annotate", unit="doc", disable=None),
    )
    finish_run(
        conn,
        run,
        status="done",
        inputs=text_hashes(conn, summary.annotated),
        summary={"backend": summary.backend, "annotated": len(summary.annotated), "skipped": len(summary.skipped)},
    )
    click.echo(
        f"annotated {len(summary.annotated)} documents ({summary.words} words) with {backend} "
        f"{summary.backend.get('model', '')}; {len(summary.skipped)} already done",
        err=True,
    )


COMMANDS = [annotate]
