"""`textsamverkan embed`: compute and cache passage embeddings."""

from __future__ import annotations

from typing import Any

import click

from textsamverkan.cli.output import corpus_option
from textsamverkan.cli.settings_options import stage_options
from textsamverkan.cli.workspace import Workspace, print_notes


@click.command("embed")
@corpus_option
@stage_options("embed")
@click.pass_obj
def embed(obj: Workspace, /, corpus_name: str | None, **settings: Any) -> None:
    """Embed every passage and cache the vectors in the database (keyed by text hash and model id).

    A rerun computes nothing new; semantic search, theme matching and linking reuse the cache.

    \b
    Examples:
      textsamverkan embed
      textsamverkan embed --embedder static-sv
    """
    from textsamverkan.stages.embed import run_embed

    done = run_embed(obj.connect(), corpus=corpus_name, settings=settings)
    print_notes(done.notes)
    refs, _vectors, model = done.value
    click.echo(f"run {done.run.run_id}: {len(refs)} passages embedded with {model.model_id} (cached in {obj.db})",
               err=True)  # fmt: skip


COMMANDS = [embed]
