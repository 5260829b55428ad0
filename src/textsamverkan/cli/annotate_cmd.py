"""`textsamverkan annotate`: sentences and tokens with lemma, part of speech, morphology, syntax and entities."""

from __future__ import annotations

from typing import Any

import click

from textsamverkan.cli.output import corpus_option
from textsamverkan.cli.settings_options import stage_options
from textsamverkan.cli.workspace import Workspace, print_notes


@click.command("annotate")
@corpus_option
@stage_options("annotate")
@click.pass_obj
def annotate(obj: Workspace, /, corpus_name: str | None, **settings: Any) -> None:
    """Annotate every passage: sentence and token spans (lemma, UPOS, morphology, head, dependency, entity).

    No sentence crosses a block or a speaker turn; headings and bullets without final punctuation are sentences of
    their own. Each span records the backend and model that made it. Documents already annotated by the same
    backend and model are skipped.

    \b
    Examples:
      textsamverkan annotate
      textsamverkan annotate --nlp spacy --parser
      textsamverkan annotate --nlp stanza --model models/stanza_sv
      textsamverkan annotate --workers 2      # two worker processes (see "Workers and clusters" in the README)
    """
    from tqdm import tqdm

    from textsamverkan.stages.annotate import annotate_corpus

    done = annotate_corpus(
        obj.connect(),
        corpus=corpus_name,
        settings=settings,
        progress=lambda ids: tqdm(ids, desc="annotate", unit="doc", disable=None),
    )
    print_notes(done.notes)
    summary = done.value
    click.echo(
        f"run {done.run.run_id}: annotated {len(summary.annotated)} documents ({summary.words} words) with "
        f"{settings['nlp']} {summary.backend.get('model', '')}; {len(summary.skipped)} already done",
        err=True,
    )


COMMANDS = [annotate]
