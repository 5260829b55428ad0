"""Faults during ingest: `kill -9` at random points, and concurrent writers on one database. After every fault the
database passes SQLite's integrity check, what is stored is whole (never half a document or a mix of two versions),
and a rerun ends with exactly the documents, texts and spans of a clean ingest."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from paths import REPO

WORDS = ["samverkan", "region", "kommun", "äldreomsorg", "skyddsutrustning", "testning", "vård", "omsorg", "avtal",
         "ansvar"]
TRIALS = 8


def _write_corpus(folder: Path, *, files: int, rows: int, seed: int) -> Path:
    rng = random.Random(seed)
    folder.mkdir(parents=True)

    def sentence(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."

    for i in range(files):
        text = "\n\n".join(sentence(50) for _ in range(6))
        (folder / f"doc{i:03d}.txt").write_text(f"Anna: {text}\n\nBo: {sentence(20)}\n", encoding="utf-8")
    table = ["id,region,text"] + [f"r{i},Skåne,{sentence(30)}" for i in range(rows)]
    (folder / "tabell.csv").write_text("\n".join(table) + "\n", encoding="utf-8")
    return folder


def _ingest(db: Path, *folders: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", "from textsamverkan.cli.main import main; main()", "--db", str(db), "ingest", "-q",
         *map(str, folders)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])},
    )


def _state(db: Path) -> dict[str, tuple[str, int]]:
    """doc_id → (text sha256, number of spans), after checking the file's integrity."""
    with sqlite3.connect(db, timeout=30) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "spans" not in tables:  # killed before the first migration committed: nothing stored yet
            return {}
        spans = dict(conn.execute("SELECT doc_id, count(*) FROM spans GROUP BY doc_id").fetchall())
        return {d: (sha, spans.get(d, 0)) for d, sha in conn.execute("SELECT doc_id, text_sha256 FROM documents")}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, tuple[str, int]]]:
    root = tmp_path_factory.mktemp("faults")
    folder = _write_corpus(root / "c", files=300, rows=600, seed=7)
    clean = root / "clean.db"
    proc = _ingest(clean, folder)
    _out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    reference = _state(clean)
    assert len(reference) == 900
    return folder, reference


def test_kill_9_at_random_points_then_rerun(corpus: tuple[Path, dict[str, tuple[str, int]]],
                                            tmp_path: Path) -> None:
    folder, reference = corpus
    rng = random.Random(20261202)
    landed = []
    for trial in range(TRIALS):
        db = tmp_path / f"k{trial}.db"
        for _kill in range(2):  # two kills in a row on the same database, then a clean rerun
            proc = _ingest(db, folder)
            time.sleep(rng.uniform(0.4, 2.5))
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=60)
            if db.exists():
                partial = _state(db)
                landed.append(len(partial))
                for doc_id, value in partial.items():  # whatever is stored is whole and the clean version
                    assert reference[doc_id] == value, doc_id
        proc = _ingest(db, folder)
        _out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        assert _state(db) == reference
    assert any(0 < n < len(reference) for n in landed), f"no kill landed mid-ingest: {landed}"


def test_concurrent_ingests_never_lock_or_mix(tmp_path: Path, corpus: tuple[Path, dict[str, tuple[str, int]]]) -> None:
    folder, reference = corpus
    other = _write_corpus(tmp_path / "andra", files=60, rows=100, seed=8)
    db = tmp_path / "shared.db"
    procs = [_ingest(db, folder), _ingest(db, other), _ingest(db, folder)]  # two on the same files, one elsewhere
    results = [p.communicate(timeout=300) for p in procs]
    for proc, (_out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err and "Traceback" not in err, err
    state = _state(db)
    assert {d: v for d, v in state.items() if d.startswith("c/")} == reference
    assert sum(1 for d in state if d.startswith("andra/")) == 160
