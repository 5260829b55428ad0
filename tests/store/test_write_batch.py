"""A stage's writes are held and written a batch at a time: nothing is locked while they are held, a failed run
writes nothing of what it held, a finished run has written everything, and each document's write stays atomic."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from textsamverkan.ingest.document_builder import TurnOptions, build_document
from textsamverkan.model import RawDocument, Span
from textsamverkan.model.run import COMPLETE, FAILED
from textsamverkan.runner import RunContext, StageSpec, run_stage
from textsamverkan.store import connect
from textsamverkan.store.db import transaction
from textsamverkan.store.documents import write_source_batch
from textsamverkan.store.runs import list_runs


def _add_run(conn: sqlite3.Connection, run_id: str) -> None:
    conn.execute(
        "INSERT INTO runs (run_id, command, started_at, status, manifest) VALUES (?, 'x', 'now', 'running', '{}')",
        (run_id,),
    )


def _runs(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT run_id FROM runs")}


def test_a_transaction_inside_a_transaction_is_a_savepoint(db_path: Path) -> None:
    conn = connect(db_path)
    with transaction(conn):
        _add_run(conn, "kept")
        with pytest.raises(RuntimeError), transaction(conn):
            _add_run(conn, "undone")
            raise RuntimeError("bad document")
        assert conn.in_transaction  # the enclosing transaction goes on
    assert _runs(connect(db_path)) == {"kept"}


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


def test_a_failed_run_writes_nothing_it_held_and_locks_nothing_meanwhile(db_path: Path) -> None:
    conn = _store_with_documents(db_path, 3)
    other = connect(db_path)

    def body(ctx: RunContext) -> None:
        for doc_id in ctx.doc_ids[:2]:
            ctx.write(doc_id, [Span(0, 6, "theme", "x")])
        with transaction(other):  # another process can write while the stage holds its results
            _add_run(other, "elsewhere")
        raise RuntimeError("the model crashed")

    with pytest.raises(RuntimeError):
        run_stage(conn, SPEC, body)
    assert _theme_rows(connect(db_path)) == 0
    assert [r.status for r in list_runs(conn, stage="marks")] == [FAILED]
    assert "elsewhere" in _runs(conn)


def test_a_finished_run_has_written_everything_in_batches(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import textsamverkan.runner as runner

    monkeypatch.setattr(runner, "WRITE_BATCH_ROWS", 3)
    conn = _store_with_documents(db_path, 3)
    seen: list[int] = []

    def body(ctx: RunContext) -> None:
        for doc_id in ctx.doc_ids:
            ctx.write(doc_id, [Span(0, 6, "theme", "x"), Span(7, 13, "theme", "y")])
            seen.append(_theme_rows(connect(db_path)))

    result = run_stage(conn, SPEC, body)
    assert seen == [0, 4, 4]  # held, then the first two documents written together once 3 rows were held
    assert result.run.status == COMPLETE and not conn.in_transaction
    assert _theme_rows(connect(db_path)) == 6


def test_run_spans_are_indexed_apart_from_annotation(db_path: Path) -> None:
    conn = connect(db_path)
    (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'spans_run'").fetchone()
    assert "WHERE run_id IS NOT NULL" in sql  # annotation rows (no run) stay out of it
    rows = conn.execute("EXPLAIN QUERY PLAN DELETE FROM spans WHERE run_id = ?", ("r",))
    plan = " ".join(str(tuple(r)) for r in rows)
    assert "spans_run" in plan  # deleting a run's spans still finds them through the index
