"""Writes committed in batches: a unit stays atomic, a batch commits by size or age, a failed run keeps nothing of
its open batch, and another process sees the writes of a finished run."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from textsamverkan.ingest.document_builder import TurnOptions, build_document
from textsamverkan.model import RawDocument, Span
from textsamverkan.model.run import COMPLETE, FAILED
from textsamverkan.runner import RunContext, StageSpec, run_stage
from textsamverkan.store import connect
from textsamverkan.store.db import WriteBatch, transaction
from textsamverkan.store.documents import write_source_batch
from textsamverkan.store.runs import list_runs


def _add_run(conn: sqlite3.Connection, run_id: str) -> None:
    conn.execute(
        "INSERT INTO runs (run_id, command, started_at, status, manifest) VALUES (?, 'x', 'now', 'running', '{}')",
        (run_id,),
    )


def _runs(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT run_id FROM runs")}


def test_units_commit_together_when_the_batch_is_full(db_path: Path) -> None:
    conn, other = connect(db_path), connect(db_path)
    batch = WriteBatch(conn, rows=3, seconds=3600)
    for n in range(2):
        with batch.unit(1):
            _add_run(conn, f"r{n}")
    assert _runs(other) == set()  # still one open transaction
    with batch.unit(1):
        _add_run(conn, "r2")
    assert _runs(other) == {"r0", "r1", "r2"}  # the third row filled the batch
    with batch.unit(1):
        _add_run(conn, "r3")
    batch.flush()
    assert _runs(other) == {"r0", "r1", "r2", "r3"}


def test_an_old_batch_commits_at_its_next_unit(db_path: Path) -> None:
    conn, other = connect(db_path), connect(db_path)
    batch = WriteBatch(conn, rows=1_000, seconds=0.0)
    with batch.unit(1):
        _add_run(conn, "r0")
    assert _runs(other) == {"r0"}


def test_a_failing_unit_is_undone_alone_and_discard_drops_the_open_batch(db_path: Path) -> None:
    conn = connect(db_path)
    batch = WriteBatch(conn, rows=100, seconds=3600)
    with batch.unit(1):
        _add_run(conn, "kept")
    with pytest.raises(RuntimeError), batch.unit(1):
        _add_run(conn, "undone")
        raise RuntimeError("bad document")
    assert _runs(conn) == {"kept"}
    batch.discard()
    assert _runs(conn) == set()


def test_a_callers_own_transaction_is_never_committed_by_the_batch(db_path: Path) -> None:
    conn, other = connect(db_path), connect(db_path)
    batch = WriteBatch(conn, rows=1, seconds=0.0)
    with pytest.raises(RuntimeError), transaction(conn):
        with batch.unit(1):
            _add_run(conn, "inner")
        assert _runs(other) == set()
        raise RuntimeError("the caller gives up")
    assert _runs(conn) == set()


def _store_with_documents(db_path: Path, n: int) -> sqlite3.Connection:
    conn = connect(db_path)
    for i in range(n):
        raw = RawDocument(f"d{i}.txt", f"Stycke nummer {i} om samverkan.", "text")
        doc, speakers = build_document(raw, doc_id=f"c/d{i}.txt", metadata={}, source_sha256=f"s{i}",
                                       turn_options=TurnOptions(enabled=False))  # fmt: skip
        write_source_batch(conn, "c", f"d{i}.txt", [(doc, speakers)], pipeline="p", stage="s", first=True,
                           complete_sha256=f"s{i}")  # fmt: skip
    return conn


SPEC = StageSpec("marks.v1", "marks", reads=("passage",), writes=("theme",), per_run=True)


def _theme_rows(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COUNT(*) FROM spans WHERE layer = 'theme'").fetchone()[0])


def test_a_failed_run_keeps_nothing_of_its_open_batch(db_path: Path) -> None:
    conn = _store_with_documents(db_path, 3)

    def body(ctx: RunContext) -> None:
        for doc_id in ctx.doc_ids[:2]:
            ctx.write(doc_id, [Span(0, 6, "theme", "x")])
        raise RuntimeError("the model crashed")

    with pytest.raises(RuntimeError):
        run_stage(conn, SPEC, body)
    assert _theme_rows(connect(db_path)) == 0
    assert [r.status for r in list_runs(conn, stage="marks")] == [FAILED]


def test_a_finished_run_has_committed_every_write(db_path: Path) -> None:
    conn = _store_with_documents(db_path, 3)

    def body(ctx: RunContext) -> None:
        for doc_id in ctx.doc_ids:
            ctx.write(doc_id, [Span(0, 6, "theme", "x"), Span(7, 13, "theme", "y")])

    result = run_stage(conn, SPEC, body)
    assert result.run.status == COMPLETE
    assert not conn.in_transaction
    assert _theme_rows(connect(db_path)) == 6


def test_run_spans_are_indexed_apart_from_annotation(db_path: Path) -> None:
    conn = connect(db_path)
    (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'spans_run'").fetchone()
    assert "WHERE run_id IS NOT NULL" in sql  # annotation rows (no run) stay out of it
    rows = conn.execute("EXPLAIN QUERY PLAN DELETE FROM spans WHERE run_id = ?", ("r",))
    plan = " ".join(str(tuple(r)) for r in rows)
    assert "spans_run" in plan  # deleting a run's spans still finds them through the index
