"""Runs are atomic: a killed themes run leaves the previous coding in force, concurrent runs never mix, and every
reader uses the codebook of the run it reads."""

from __future__ import annotations

import csv
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from paths import REPO, SEEDS
from textsamverkan.cli.main import cli
from textsamverkan.errors import UserError
from textsamverkan.store import connect
from textsamverkan.store.runs import list_runs
from textsamverkan.themes.codebook import load_default_codebook
from textsamverkan.themes.model_coder import cached_model_coder

CODEBOOK_X = """\
codebook: x-test
codes:
  vaccination:
    label_sv: Vaccinering (X)
    label_en: Vaccination
    description: Vaccin och vaccinering.
    terms: [vaccin-, vaccinering]
  staff:
    label_sv: Personal (X)
    label_en: Staff
    description: Personal och bemanning.
    terms: [personal-, -personal, bemanning]
"""


def invoke(db: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def themes_process(db: Path, outputs: Path, *extra: str) -> subprocess.Popen[bytes]:
    """`textsamverkan themes` in its own process, as a user runs it (so it can be killed)."""
    code = "import sys; from textsamverkan.cli.main import main; sys.argv[0] = 'textsamverkan'; main()"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    args = [sys.executable, "-c", code, "--db", str(db), "themes", "--no-topics", "--outputs", str(outputs), *extra]
    return subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def codings(db: Path, tmp: Path, *run: str) -> set[tuple[str, str, str, str]]:
    """(document, start, end, theme) of every coded passage the CSV export of the current (or given) run holds."""
    out = tmp / f"export-{time.monotonic_ns()}"
    invoke(db, "export", "--format", "csv", "-o", str(out), *run)
    with (out / "passages.csv").open(encoding="utf-8-sig") as handle:
        return {(r["doc_id"], r["start"], r["end"], r["theme"]) for r in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """240 documents (the four seeds, 60 copies each): big enough that a kill lands while a run writes."""
    folder = tmp_path_factory.mktemp("corpus") / "big"
    folder.mkdir()
    for source in sorted(SEEDS.glob("*.txt")):
        for n in range(60):
            shutil.copy(source, folder / f"{source.stem}_{n:02d}.txt")
    return folder


def test_a_killed_themes_run_leaves_the_previous_coding_in_force(big_corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    invoke(db, "ingest", str(big_corpus), "-q")
    cached_model_coder(load_default_codebook())  # fitted before timing, so every run below only loads it
    started = time.monotonic()
    assert themes_process(db, tmp_path / "runs").wait(timeout=600) == 0
    duration = time.monotonic() - started
    baseline = codings(db, tmp_path)
    assert len(baseline) > 1000
    rng = random.Random(12)
    killed_mid_run = 0
    for _trial in range(10):
        process = themes_process(db, tmp_path / "runs")
        time.sleep(rng.uniform(0.15, 0.85) * duration)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            process.wait()
            conn = connect(db)
            killed_mid_run += any(r.status == "running" for r in list_runs(conn, stage="themes"))
            conn.close()
        assert codings(db, tmp_path) == baseline
    assert killed_mid_run >= 5, "the kills should land while a run is writing"
    conn = connect(db)
    runs = list_runs(conn, stage="themes")
    assert not any(r.status == "running" for r in runs)
    assert sum(r.status == "failed" for r in runs) == killed_mid_run
    failed = {r.run_id for r in runs if r.status == "failed"}
    rows = conn.execute("SELECT DISTINCT run_id FROM spans WHERE run_id IS NOT NULL").fetchall()
    assert not failed & {r[0] for r in rows}, "a failed run's spans are removed"
    conn.close()


def test_concurrent_runs_with_different_codebooks_never_mix(tmp_path: Path) -> None:
    codebook = tmp_path / "x.yaml"
    codebook.write_text(CODEBOOK_X, encoding="utf-8")
    clean: list[set[tuple[str, str, str, str]]] = []
    for extra in ((), ("--codebook", str(codebook))):
        db = tmp_path / f"clean{len(clean)}.db"
        invoke(db, "ingest", str(SEEDS), "-q")
        invoke(db, "themes", "--no-topics", "--outputs", str(tmp_path / "runs"), *extra)
        clean.append(codings(db, tmp_path))
    assert clean[0] != clean[1]
    db = tmp_path / "both.db"
    invoke(db, "ingest", str(SEEDS), "-q")
    for _trial in range(3):
        first = themes_process(db, tmp_path / "runs")
        second = themes_process(db, tmp_path / "runs", "--codebook", str(codebook))
        assert first.wait(timeout=600) == 0 and second.wait(timeout=600) == 0
        assert codings(db, tmp_path) in clean
    conn = connect(db)
    for run in list_runs(conn, stage="themes"):
        assert codings(db, tmp_path, "--run", run.run_id) == clean[run.manifest["codebook"]["name"] == "x-test"]
    conn.close()


def test_readers_use_the_codebook_of_the_run_they_read(tmp_path: Path) -> None:
    codebook = tmp_path / "x.yaml"
    codebook.write_text(CODEBOOK_X, encoding="utf-8")
    db = tmp_path / "x.db"
    invoke(db, "ingest", str(SEEDS), "-q")
    invoke(db, "themes", "--no-topics", "--outputs", str(tmp_path / "runs"), "--codebook", str(codebook))
    codebook.write_text("codebook: changed\ncodes: {}\n", encoding="utf-8")  # the file changes after the run
    qdpx = tmp_path / "x.qdpx"
    invoke(db, "export", "--format", "qdpx", "-o", str(qdpx))
    with zipfile.ZipFile(qdpx) as archive:
        project = archive.read("project.qde").decode("utf-8")
    assert 'name="Personal (X)"' in project
    assert "Skyddsutrustning" not in project
    report = tmp_path / "r.html"
    invoke(db, "report", "-o", str(report))
    html = report.read_text(encoding="utf-8")
    assert "Personal (X)" in html and "Skyddsutrustning" not in html
    agreement = invoke(db, "agree", str(qdpx), "--format", "csv")
    assert "Personal (X)" in agreement
    invoke(db, "export", "--format", "xlsx", "-o", str(tmp_path / "x.xlsx"))


def test_reading_commands_say_which_run_and_refuse_unknown_runs(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    invoke(db, "ingest", str(SEEDS), "-q")
    result = CliRunner().invoke(cli, ["--db", str(db), "compare"])
    assert isinstance(result.exception, UserError) and result.exception.code == "E206"
    assert "textsamverkan themes" in str(result.exception)
    invoke(db, "themes", "--no-topics", "--outputs", str(tmp_path / "runs"))
    out = invoke(db, "compare")
    assert "using themes run" in out
    bad = CliRunner().invoke(cli, ["--db", str(db), "compare", "--run", "nope"])
    assert isinstance(bad.exception, UserError) and bad.exception.code == "E205"
    ingest_run = next(r for r in list_runs(connect(db), stage="ingest"))
    wrong = CliRunner().invoke(cli, ["--db", str(db), "export", "-f", "json", "-o", str(tmp_path / "x.json"),
                                     "--run", ingest_run.run_id])  # fmt: skip
    assert isinstance(wrong.exception, UserError) and "not a themes run" in str(wrong.exception)
