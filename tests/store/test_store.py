"""The store: migrations recorded once, WAL mode, atomic writes, offset maps and raw text round-trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from textsamverkan.errors import UserError
from textsamverkan.ingest.document_builder import TurnOptions, build_document
from textsamverkan.model import RawDocument, Span
from textsamverkan.store import connect
from textsamverkan.store.db import transaction
from textsamverkan.store.documents import get_document, resolve_doc_id, write_source_batch
from textsamverkan.store.migrations import MIGRATIONS


def test_migrations_are_recorded_and_applied_once(db_path: Path) -> None:
    conn = connect(db_path)
    names = [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY name")]
    assert names == [name for name, _ in MIGRATIONS]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    again = connect(db_path)
    assert again.execute("SELECT COUNT(*) FROM migrations").fetchone()[0] == len(MIGRATIONS)


def test_damaged_database_gives_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(UserError) as err:
        connect(bad)
    assert err.value.code == "E203" and str(bad) in str(err.value)


def test_transaction_rolls_back_on_error(db_path: Path) -> None:
    conn = connect(db_path)
    with pytest.raises(RuntimeError), transaction(conn):
        conn.execute("INSERT INTO runs (run_id, command, started_at, status, manifest)"
        " VALUES ('r', 'x', 'now', 'running', '{}')")
        raise RuntimeError("interrupted")
    assert conn.execute("SELECT COUNT(*) FROM runs").fetchone()[0] == 0


def test_document_round_trip_with_offsets_and_locators(db_path: Path) -> None:
    raw = RawDocument("x.txt", "Rubrik\r\n\r\nDet kan\r\n\r\nvara s\u00e5.", "text", notes=["a note"])
    doc, speakers = build_document(
        raw,
        doc_id="c/x.txt",
        metadata={"kind": "report"},
        source_sha256="abc",
        turn_options=TurnOptions(enabled=False),
    )
    conn = connect(db_path)
    write_source_batch(conn, "c", "x.txt", [(doc, speakers)], pipeline="p", stage="s", first=True,
                       complete_sha256="abc")
    stored = get_document(conn, "c/x.txt")
    assert stored.text == "Rubrik\n\nDet kan vara så." == doc.text
    assert stored.raw_text == raw.text
    def order(span: Span) -> tuple[int, int, str, str]:
        return (span.start, -span.end, span.layer, span.label)

    assert sorted(stored.spans, key=order) == sorted(doc.spans, key=order)
    assert [s.attrs for s in sorted(stored.spans, key=order)] == [s.attrs for s in sorted(doc.spans, key=order)]
    start = stored.text.index("vara")
    assert stored.locate(start, start + 4)["line"] == 5
    assert resolve_doc_id(conn, "x.txt") == "c/x.txt"


def test_document_words_leave_out_boilerplate(db_path: Path) -> None:
    text = "Rubrik om vård\n\nVårdplaner uppdateras varje vecka på boendet.\n\nKommentarer\nLämna en kommentar\nDela"
    raw = RawDocument("w.txt", text, "text")
    doc, speakers = build_document(raw, doc_id="c/w.txt", metadata={}, source_sha256="s",
                                   turn_options=TurnOptions(enabled=False))
    conn = connect(db_path)
    write_source_batch(conn, "c", "w.txt", [(doc, speakers)], pipeline="p", stage="s", first=True,
                       complete_sha256="s")
    assert conn.execute("SELECT n_words FROM documents").fetchone()[0] == 3 + 6  # heading + paragraph
