"""search --semantic over cached passage embeddings (the committed fast model keeps the test quick)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from paths import SEEDS
from textsamverkan.cli.main import cli


def test_semantic_search_ranks_passages_and_reuses_the_cache(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db), "ingest", str(SEEDS), "-q"]).exit_code == 0
    args = ["--db", str(db), "search", "--semantic", "beställning av skyddsutrustning och munskydd",
            "--embedder", "static-sv", "-n", "5", "--format", "json"]
    result = runner.invoke(cli, args, catch_exceptions=False)
    hits = json.loads(result.stdout)
    assert len(hits) == 5
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    assert any("skyddsutrustning" in h["quote"].lower() for h in hits[:3])
    text = runner.invoke(cli, ["--db", str(db), "show", hits[0]["doc_id"], "--text"]).stdout
    assert text[hits[0]["start"] : hits[0]["end"]] == hits[0]["quote"]
    cached = sqlite3.connect(db).execute("SELECT COUNT(*) FROM embeddings").fetchone()[0]
    assert cached > 100
    assert json.loads(runner.invoke(cli, args).stdout) == hits
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM embeddings").fetchone()[0] == cached
