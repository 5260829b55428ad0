"""Ingest end to end: the seed corpus, invariants, no-op re-ingest, replacement, and bad input in a batch."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from paths import SEEDS
from textsamverkan.ingest.pipeline import IngestOptions, ingest_paths
from textsamverkan.ingest.readers.base import ReadOptions
from textsamverkan.store import connect
from textsamverkan.store.documents import get_document, list_doc_ids


def ingest(db: Path, *paths: Path, **kwargs: object) -> object:
    return ingest_paths(connect(db), list(paths), IngestOptions(**kwargs))  # type: ignore[arg-type]


def test_seed_corpus_metadata_and_span_invariants(db_path: Path) -> None:
    summary = ingest(db_path, SEEDS)
    assert summary.count("stored") == 4 and not summary.failed  # type: ignore[attr-defined]
    conn = connect(db_path)
    ids = list_doc_ids(conn)
    assert ids == sorted(f"seeds/{p.name}" for p in SEEDS.glob("*.txt"))
    for doc_id in ids:
        doc = get_document(conn, doc_id)
        assert doc.spans
        for span in doc.spans:
            quote = doc.text[span.start : span.end]
            raw_start, raw_end = doc.offset_map.span_to_raw(span.start, span.end)
            behind = doc.raw_text[raw_start:raw_end]
            # The raw text behind every span holds the same letters (joins only change whitespace and hyphens).
            assert [c for c in behind if c.isalnum()] == [c for c in quote if c.isalnum()], (doc_id, span)
    web = get_document(conn, "seeds/002_6eeac1b3e3075751.txt")
    assert web.metadata["region"] == "Södra sjukvårdsregionen"
    assert web.metadata["region_members"] == ["Skåne", "Blekinge", "Halland", "Kronoberg"]
    assert web.metadata["kind"] == "web" and web.metadata["organisation"] == "Region Skåne"
    assert "Det kan vara våra avtal" in get_document(conn, "seeds/001_1d9abd9c0be25893.txt").text
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_reingest_unchanged_is_noop_and_changed_file_replaces(tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text("Första versionen av texten.", encoding="utf-8")
    (folder / "b.txt").write_text("En annan text.", encoding="utf-8")
    assert ingest(db_path, folder).count("stored") == 2  # type: ignore[attr-defined]
    again = ingest(db_path, folder)
    assert again.count("unchanged") == 2 and again.count("stored") == 0  # type: ignore[attr-defined]
    conn = connect(db_path)
    conn.execute("INSERT INTO runs (run_id, command, started_at, status, manifest)"
        " VALUES ('r1', 'themes', 'now', 'complete', '{}')")
    conn.execute("INSERT INTO run_documents VALUES ('r1', 'c/a.txt', 'x', 0)")
    (folder / "a.txt").write_text("Andra versionen av texten.", encoding="utf-8")
    third = ingest(db_path, folder)
    assert third.count("stored") == 1 and third.count("unchanged") == 1  # type: ignore[attr-defined]
    assert get_document(conn, "c/a.txt").text == "Andra versionen av texten."
    assert conn.execute("SELECT stale FROM run_documents WHERE doc_id = 'c/a.txt'").fetchone()[0] == 1
    assert conn.execute("SELECT COUNT(*) FROM blocks_fts WHERE doc_id = 'c/a.txt'").fetchone()[0] == 1


def test_bad_files_are_reported_and_the_rest_is_stored(tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text("Vårdplaner uppdaterades under våren.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("  \n\n ", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "cp1252.txt").write_bytes("Skyddsutrustning på äldreboenden saknades.".encode("cp1252"))
    (folder / "broken-utf8.txt").write_bytes("Hälso- och sjukvård\n".encode() + b"trasig \xff byte\n")
    (folder / "huge.txt").write_bytes(b"a" * (2 * 1024 * 1024 + 10))
    (folder / "notes.xyz").write_text("unknown format", encoding="utf-8")
    (folder / "manifest.csv").write_text("file,region\ngood.txt,VGR\nmissing.txt,Skåne\n", encoding="utf-8")
    summary = ingest(db_path, folder, tmp_path / "does-not-exist.txt", read=ReadOptions(max_file_mb=2),
                     include_unlisted=True)  # the manifest lists only two of the files
    by_file = {Path(o.path).name: o for o in summary.outcomes}  # type: ignore[attr-defined]
    assert by_file["good.txt"].status == "stored"
    assert by_file["cp1252.txt"].status == "stored"
    assert any("Windows-1252" in n for n in by_file["cp1252.txt"].notes)
    assert by_file["broken-utf8.txt"].status == "stored"
    assert any("line 2" in n and "U+FFFD" in n for n in by_file["broken-utf8.txt"].notes)
    expected_errors = {
        "empty.txt": "E102",
        "blank.txt": "E102",
        "binary.txt": "E103",
        "huge.txt": "E105",
        "does-not-exist.txt": "E101",
        "manifest.csv": "E108",
    }
    for name, code in expected_errors.items():
        outcome = by_file[name]
        assert outcome.status == "failed" and f"[{code}]" in outcome.error and name in outcome.error, outcome
    assert "missing.txt" in by_file["manifest.csv"].error
    assert by_file["notes.xyz"].status == "skipped"
    conn = connect(db_path)
    assert get_document(conn, "batch/good.txt").metadata["region"] == "Västra Götaland"
    assert "Skyddsutrustning på äldreboenden" in get_document(conn, "batch/cp1252.txt").text
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_fifty_megabyte_file_is_refused_with_advice(tmp_path: Path, db_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB of NUL bytes without writing them
    outcome = ingest(db_path, big).outcomes[0]  # type: ignore[attr-defined]
    assert outcome.status == "failed" and "[E105]" in outcome.error and "--max-file-mb" in outcome.error


def test_killed_ingest_leaves_a_consistent_database_and_a_rerun_completes(
    tmp_path: Path, db_path: Path
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    sentence = "Kommunen och regionen samverkar kring vårdplaner och skyddsutrustning. "
    for i in range(300):
        (folder / f"doc{i:03}.txt").write_text(f"Dokument {i}.\n\n" + sentence * 400, encoding="utf-8")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from textsamverkan.cli.main import main; main()",
            "--db",
            str(db_path),
            "ingest",
            str(folder),
            "-q",
        ],
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    stored = 0
    while time.time() < deadline and stored < 5:
        time.sleep(0.2)
        if db_path.exists():
            try:
                stored = sqlite3.connect(db_path).execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0
    proc.kill()
    proc.wait()
    conn = connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    partial = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    if partial == 300:
        pytest.skip("ingest finished before it could be killed")
    summary = ingest(db_path, folder)
    assert summary.count("unchanged") == partial  # type: ignore[attr-defined]
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 300


def test_interrupted_table_ingest_is_redone_not_taken_as_unchanged(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = tmp_path / "rows.csv"
    table.write_text("id,text\n" + "".join(f"r{i},Rad {i} om vårdplaner.\n" for i in range(250)), encoding="utf-8")
    from textsamverkan.ingest import pipeline

    real_build = pipeline.build_document
    calls = {"n": 0}

    def build_then_crash(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == 160:
            raise KeyboardInterrupt
        return real_build(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "build_document", build_then_crash)
    with pytest.raises(KeyboardInterrupt):
        ingest(db_path, table)
    conn = connect(db_path)
    assert tuple(conn.execute("SELECT COUNT(*), MIN(source_sha256) FROM documents").fetchone()) == (100, "pending")
    monkeypatch.setattr(pipeline, "build_document", real_build)
    summary = ingest(db_path, table)
    assert summary.count("stored") == 1 and summary.documents == 250  # type: ignore[attr-defined]
    assert conn.execute("SELECT COUNT(DISTINCT source_sha256) FROM documents").fetchone()[0] == 1
    assert ingest(db_path, table).count("unchanged") == 1  # type: ignore[attr-defined]


def test_seed_transcript_turns_and_speakers_are_stored(db_path: Path) -> None:
    ingest(db_path, SEEDS)
    conn = connect(db_path)
    doc = get_document(conn, "seeds/001_1d9abd9c0be25893.txt")
    turns = doc.spans_on("turn")
    assert len(turns) == 37
    assert doc.text[turns[1].start : turns[1].end].startswith("Västra Götalandsregionen har 49 kommuner")
    assert "Det kan vara våra avtal" in doc.text[turns[1].start : turns[1].end]
    labels = [b for b in doc.spans_on("block") if b.label == "speaker_label"]
    assert len(labels) == 37 and doc.text[labels[0].start : labels[0].end] == "Olivia Wigzell"
    names = {r[0] for r in conn.execute("SELECT name FROM speakers WHERE doc_id = ?", (doc.doc_id,))}
    assert names == {"Olivia Wigzell", "Jeanette Andersson", "Ann Söderström", "Iréne Nilsson Carlsson"}
    assert doc.metadata["turn_format"] == "name_line"


def test_webvtt_voices_become_turns_with_cue_locators(tmp_path: Path, db_path: Path) -> None:
    vtt = tmp_path / "samtal.vtt"
    vtt.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Anna Berg>Vi behöver mer skyddsutrustning.\n\n"
        "00:00:04.000 --> 00:00:07.000\n<v Per Holm>Beställningen är gjord.\n\n"
        "00:00:07.000 --> 00:00:09.000\n<v Anna>Bra, då testar vi personalen i morgon.\n",
        encoding="utf-8",
    )
    ingest(db_path, vtt)
    conn = connect(db_path)
    doc = get_document(conn, next(iter(list_doc_ids(conn))))
    turns = doc.spans_on("turn")
    assert [doc.text[t.start : t.end] for t in turns] == [
        "Vi behöver mer skyddsutrustning.", "Beställningen är gjord.", "Bra, då testar vi personalen i morgon.",
    ]
    assert turns[0].label == turns[2].label != turns[1].label  # "Anna" is Anna Berg
    assert doc.locate(turns[1].start, turns[1].end)["cue"] == "00:00:04.000 --> 00:00:07.000"
    assert all(b.label != "heading" for b in doc.spans_on("block"))
