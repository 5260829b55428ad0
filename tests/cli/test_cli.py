"""The command line: help with examples, clean coded errors and exit codes, lazy heavy imports, README coverage."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from paths import REPO, SEEDS
from textsamverkan.cli.main import cli, main

HEAVY = ("spacy", "stanza", "torch", "transformers", "sentence_transformers", "bertopic", "sklearn", "umap")


def run(*args: str, db: Path) -> tuple[int, str, str]:
    """Run the real entry point (with its UserError handling) and capture exit code, stdout and stderr."""
    proc = subprocess.run(
        [sys.executable, "-c", "from textsamverkan.cli.main import main; main()", "--db", str(db), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )
    return proc.returncode, proc.stdout, proc.stderr


def test_every_command_has_help_with_an_example_and_is_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    runner = CliRunner()
    for name in cli.commands:
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example" in result.output, f"{name} --help has no example"
        assert f"textsamverkan {name}" in readme, f"README does not show `textsamverkan {name}`"


def test_help_imports_no_heavy_library() -> None:
    code = (
        "import sys; from click.testing import CliRunner; from textsamverkan.cli.main import cli;"
        "CliRunner().invoke(cli, ['--help']);"
        f"print([m for m in {HEAVY!r} if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_ingest_show_search_and_corpus(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    code, _out, err = run("ingest", str(SEEDS), db=db)
    assert code == 0, err
    assert "4 stored (4 documents)" in err
    code, out, _ = run("corpus", "--documents", "--format", "json", db=db)
    rows = json.loads(out)
    assert [r["kind"] for r in rows] == ["web", "transcript", "web", "slides"]
    code, out, _ = run("show", "003", "--format", "csv", db=db)
    blocks = list(csv.DictReader(io.StringIO(out)))
    assert blocks[0] == {"layer": "block", "label": "heading", "start": "1", "end": "9", "quote": "Bakgrund"}
    code, out, _ = run("search", "brytpunktssamtal", "--format", "json", db=db)
    hits = json.loads(out)
    assert {h["doc_id"] for h in hits} == {"seeds/001_1d9abd9c0be25893.txt", "seeds/003_2b81f077c595e7d3.txt"}
    for hit in hits:
        assert hit["match"].lower() == "brytpunktssamtal"
        assert hit["locator"].startswith("line ")


def test_errors_are_coded_without_traceback(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    code, _, err = run("show", "anything", db=db)
    assert code == 2 and "[E203] no database at" in err and "Traceback" not in err
    run("ingest", str(SEEDS), db=db)
    code, _, err = run("show", "nosuchdoc", db=db)
    assert code == 2 and "[E201] no document matches 'nosuchdoc'" in err and "Traceback" not in err
    code, _, err = run("show", "seeds", db=db)
    assert code == 2 and "matches 4 documents" in err
    code, _, err = run("search", "+++", db=db)
    assert code == 2 and "[E301]" in err


def test_ingest_exit_status_1_when_a_file_fails(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Samverkan fungerar.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    code, _, err = run("ingest", str(tmp_path / "ok.txt"), str(tmp_path / "empty.txt"), db=tmp_path / "x.db")
    assert code == 1
    assert "FAILED [E102]" in err and "empty.txt" in err and "1 stored" in err


def test_main_reports_usage_errors(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["textsamverkan", "ingest"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2
    assert "Missing argument 'PATHS...'" in capsys.readouterr().err


def test_speakers_per_document_and_merged(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    run("ingest", str(SEEDS), db=db)
    code, out, _ = run("speakers", "001", "--format", "json", db=db)
    rows = json.loads(out)
    assert code == 0 and len(rows) == 4
    olivia = next(r for r in rows if r["speaker"] == "Olivia Wigzell")
    assert olivia["turns"] == 19 and olivia["role"] == "generaldirektör" and olivia["organisation"] == "Socialstyrelsen"
    assert abs(sum(r["share"] for r in rows) - 1) < 0.001
    code, out, _ = run("speakers", "--merge", "--format", "csv", db=db)
    merged = list(csv.DictReader(io.StringIO(out)))
    assert {r["speaker"] for r in merged} == {r["speaker"] for r in rows} and merged[0]["documents"] == "1"
