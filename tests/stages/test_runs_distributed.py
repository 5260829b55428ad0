"""The annotate, themes, claims and embed stages give the same results in this process and on a 2-worker local Dask
cluster."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
from click.testing import CliRunner

from paths import SEEDS
from textsamverkan.cli.main import cli
from textsamverkan.stages.embed import corpus_passages, embed_passages
from textsamverkan.store import connect
from textsamverkan.store.documents import get_document, list_doc_ids


def invoke(db: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def theme_table(outputs: Path) -> str:
    """sha256 of the one run's theme_passages.csv under `outputs`."""
    (run,) = list(outputs.iterdir())
    return hashlib.sha256((run / "theme_passages.csv").read_bytes()).hexdigest()


def test_two_workers_code_the_corpus_exactly_as_one_process(tmp_path: Path) -> None:
    tables = []
    for name, extra in (("inproc", ()), ("workers", ("--workers", "2"))):
        db = tmp_path / f"{name}.db"
        invoke(db, "ingest", str(SEEDS), "-q")
        invoke(db, "themes", "--no-topics", "--outputs", str(tmp_path / name), *extra)
        tables.append(theme_table(tmp_path / name))
    assert tables[0] == tables[1]


def annotation(db: Path) -> list[tuple[str, list[object]]]:
    conn = connect(db)
    try:
        docs = [get_document(conn, doc_id, layers=["sentence", "token"]) for doc_id in list_doc_ids(conn)]
        return [(d.doc_id, [(s.start, s.end, s.layer, s.label, s.attrs) for s in d.spans]) for d in docs]
    finally:
        conn.close()


def test_two_workers_annotate_and_code_the_annotated_corpus_exactly_as_one_process(tmp_path: Path) -> None:
    tables, annotations = [], []
    for name, extra in (("inproc", ()), ("workers", ("--workers", "2"))):
        db = tmp_path / f"{name}.db"
        invoke(db, "ingest", str(SEEDS), "-q")
        assert "annotated" in invoke(db, "annotate", *extra)
        annotations.append(annotation(db))
        invoke(db, "themes", "--no-topics", "--outputs", str(tmp_path / name), *extra)
        tables.append(theme_table(tmp_path / name))
    assert sum(len(spans) for _, spans in annotations[0]) > 1000
    assert annotations[0] == annotations[1]
    assert tables[0] == tables[1]


def test_two_workers_embed_within_1e_6_of_one_process(tmp_path: Path) -> None:
    vectors = []
    for name, workers in (("inproc", 0), ("workers", 2)):
        conn = connect(tmp_path / f"{name}.db")
        invoke(tmp_path / f"{name}.db", "ingest", str(SEEDS), "-q")
        refs = corpus_passages(conn, list_doc_ids(conn))
        found, _model = embed_passages(conn, refs, "static-sv", progress=False, workers=workers)
        vectors.append(found)
        conn.close()
    assert vectors[0].shape == vectors[1].shape and vectors[0].shape[0] > 50
    assert float(np.max(np.abs(vectors[0] - vectors[1]))) <= 1e-6


def test_two_workers_extract_the_same_claims_as_one_process(tmp_path: Path) -> None:
    tables = []
    for name, extra in (("inproc", ()), ("workers", ("--workers", "2"))):
        db = tmp_path / f"{name}.db"
        invoke(db, "ingest", str(SEEDS), "-q")
        invoke(db, "themes", "--no-topics", "--outputs", str(tmp_path / name))
        invoke(db, "claims", "--format", "csv", "-o", str(tmp_path / f"{name}.csv"), *extra)
        tables.append((tmp_path / f"{name}.csv").read_text(encoding="utf-8-sig"))
    assert tables[0].count("\n") > 20  # the seeds make dozens of claims
    assert tables[0] == tables[1]


def test_two_workers_judge_statements_as_one_process(tmp_path: Path) -> None:
    statements = tmp_path / "statements.txt"
    statements.write_text(
        "Det var brist på skyddsutrustning i början av pandemin.\n"
        "Personalen testades varje vecka.\n"
        "Regionen hjälpte inte kommunerna med något.\n"
        "Färjan till Gotland var försenad.\n",
        encoding="utf-8",
    )
    tables = []
    for name, extra in (("inproc", ()), ("workers", ("--workers", "2"))):
        db = tmp_path / f"{name}.db"
        invoke(db, "ingest", str(SEEDS), "-q")
        invoke(db, "link", str(statements), "--format", "csv", "-o", str(tmp_path / f"{name}.csv"), *extra)
        tables.append((tmp_path / f"{name}.csv").read_text(encoding="utf-8-sig"))
    assert "supported" in tables[0] or "contradicted" in tables[0]  # judged, not only ranked
    assert tables[0] == tables[1]
