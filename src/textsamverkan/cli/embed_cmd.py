"""`textsamverkan embed`: compute and cache passage embeddings."""

from __future__ import annotations

from pathlib import Path

import click

from textsamverkan.cli.output import corpus_option


@click.command("embed")
@corpus_option
@click.option(
    "--embedder",
    help="e5-small-sv (default; its ONNX int8 variant), e5-small-sv-onnx, e5-small-sv-torch, static-sv (fast), "
    "or any sentence-transformers model name or path.",
)
@click.pass_obj
def embed(obj: dict[str, Path], corpus_name: str | None, embedder: str | None) -> None:
    """Embed every passage and cache the vectors in the database (keyed by text hash and model id).

    A rerun computes nothing new; semantic search, theme matching and linking reuse the cache.

    \b
    Examples:
      textsamverkan embed
      textsamverkan embed --embedder static-sv
    """
    from textsamverkan.stages.embed import embed_corpus
    from textsamverkan.store import connect

    conn = connect(obj["db"], must_exist=True)
    refs, _vectors, model = embed_corpus(conn, corpus=corpus_name, embedder=embedder)
    click.echo(f"{len(refs)} passages embedded with {model.model_id} (cached in {obj['db']})", err=True)


COMMANDS = [embed]
