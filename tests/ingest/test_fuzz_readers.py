"""Fuzzing every reader through ingest: random bytes, and real files truncated or mutated. Each input is stored or
gets a coded error (never a traceback, never E199 "please report"), and the database stays consistent."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paths import SEEDS
from textsamverkan.ingest.pipeline import IngestOptions, InputFile, ingest_file
from textsamverkan.store import connect

SEED_TEXT = (SEEDS / "001_1d9abd9c0be25893.txt").read_bytes()[:6000]


def _docx() -> bytes:
    document = docx.Document()
    document.add_heading("Samverkan i Skåne", 1)
    document.add_paragraph("Regionen och kommunerna samverkar sedan 2019 om skyddsutrustning.")
    document.add_paragraph("Testning", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(1, 1).text = "Region", "Skåne"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for n in range(2):
        page.drawString(72, 760, f"Sida {n + 1}: Vården i Halland samverkar med kommunerna.")
        page.showPage()
    page.save()
    return buffer.getvalue()


REAL: dict[str, bytes] = {
    ".txt": SEED_TEXT,
    ".md": b"# Rubrik\n\n- punkt ett\n- punkt tv\xc3\xa5\n\nEtt stycke text om \xc3\xa4ldreomsorg.\n",
    ".html": b"<!doctype html><html><head><title>T</title></head><body><h1>Rubrik</h1><p>V\xc3\xa5rden och "
    b"<b>omsorgen</b>.</p><ul><li>ett</li></ul><table><tr><td>a</td><td>b</td></tr></table></body></html>",
    ".srt": b"1\n00:00:01,000 --> 00:00:03,000\nAnna: Hej och v\xc3\xa4lkommen.\n\n2\n00:00:04,000 --> 00:00:06,500\n"
    b"Bo: Tack.\n",
    ".vtt": b"WEBVTT\n\n00:00.000 --> 00:02.000\n<v Anna>Hej d\xc3\xa4r.\n\n00:02.500 --> 00:04.000\n<v Bo>Tack.\n",
    ".csv": b"id,title,region,text\n1,Ett,Sk\xc3\xa5ne,F\xc3\xb6rsta texten om v\xc3\xa5rd.\n2,Tv\xc3\xa5,Halland,"
    b'"Andra, med komma"\n',
    ".jsonl": b'{"id": "a", "text": "F\\u00f6rsta texten.", "region": "Sk\\u00e5ne"}\n{"id": "b", "text": "Andra."}\n',
    ".docx": _docx(),
    ".pdf": _pdf(),
}


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[sqlite3.Connection, Path]]:
    folder = tmp_path_factory.mktemp("fuzz")
    conn = connect(folder / "fuzz.db")
    yield conn, folder
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    for doc_id, text in conn.execute("SELECT doc_id, text FROM documents"):
        for start, end in conn.execute('SELECT start, "end" FROM spans WHERE doc_id = ?', (doc_id,)):
            assert 0 <= start <= end <= len(text), (doc_id, start, end)
    conn.close()


_counter = iter(range(10**9))


def _ingest(fuzz_db: tuple[sqlite3.Connection, Path], suffix: str, data: bytes) -> None:
    conn, folder = fuzz_db
    path = folder / f"f{next(_counter)}{suffix}"
    path.write_bytes(data)
    outcome = ingest_file(conn, InputFile(path, folder, "fuzz"), IngestOptions())
    assert outcome.status in ("stored", "failed"), outcome
    if outcome.status == "failed":
        assert outcome.error.startswith("[E1"), outcome.error
        assert not outcome.error.startswith("[E199]"), outcome.error
    else:
        assert outcome.doc_ids
        for doc_id in outcome.doc_ids:
            row = conn.execute("SELECT text FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
            assert row is not None and row[0].strip()


FUZZ = settings(max_examples=25, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
SUFFIXES = sorted(REAL)


@pytest.mark.parametrize("suffix", SUFFIXES)
@FUZZ
@given(data=st.binary(max_size=3000))
def test_random_bytes(fuzz_db: tuple[sqlite3.Connection, Path], suffix: str, data: bytes) -> None:
    _ingest(fuzz_db, suffix, data)


@pytest.mark.parametrize("suffix", SUFFIXES)
@FUZZ
@given(cut=st.floats(min_value=0.0, max_value=1.0))
def test_truncated_real_files(fuzz_db: tuple[sqlite3.Connection, Path], suffix: str, cut: float) -> None:
    real = REAL[suffix]
    _ingest(fuzz_db, suffix, real[: int(len(real) * cut)])


@pytest.mark.parametrize("suffix", SUFFIXES)
@FUZZ
@given(edits=st.lists(st.tuples(st.floats(min_value=0.0, max_value=0.9999), st.integers(0, 255),
                                st.sampled_from(["set", "insert", "delete"])), min_size=1, max_size=8))
def test_mutated_real_files(
    fuzz_db: tuple[sqlite3.Connection, Path], suffix: str, edits: list[tuple[float, int, str]]
) -> None:
    data = bytearray(REAL[suffix])
    for where, byte, kind in edits:
        at = int(len(data) * where)
        if kind == "set" and data:
            data[at] = byte
        elif kind == "insert":
            data.insert(at, byte)
        elif data:
            del data[at]
    _ingest(fuzz_db, suffix, bytes(data))
