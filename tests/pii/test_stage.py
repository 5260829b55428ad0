"""Detection as a stored layer: `pii detect` records a run of `pii` spans; review, redact and --redact read it (or
`--pii-run ID`) and say which run they used, or detect on the fly and say so; the key and the pseudonym mapping
never reach a run record or an export. Rules only (--no-ner), so no model loads."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from textsamverkan.cli.main import cli
from textsamverkan.errors import UserError
from textsamverkan.store import connect
from textsamverkan.store.documents import get_document, list_doc_ids
from textsamverkan.store.runs import list_runs

TEXT = ("Anna Berg ringde 070-123 45 67 om skyddsutrustning. Anna sa att Per Holm på Storgatan 5 hade "
        "personnummer 19811228-9874. Mötet hölls den 15 mars på Sahlgrenska.\n")


def _run(runner: CliRunner, db: Path, *args: str) -> Result:
    result = runner.invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[CliRunner, Path, Path]:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    db, runner = tmp_path / "t.db", CliRunner()
    _run(runner, db, "ingest", str(tmp_path / "a.txt"))
    key = tmp_path / "private" / "pii.key"
    _run(runner, db, "pii", "key", "-o", str(key))
    return runner, db, key


def _review_ids(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig") as handle:
        return [row["id"] for row in csv.DictReader(handle)]


def test_detect_stores_a_run_of_pii_spans_with_type_confidence_and_source(
    workspace: tuple[CliRunner, Path, Path],
) -> None:
    runner, db, _key = workspace
    out = _run(runner, db, "pii", "detect", "--no-ner").output
    assert "pii run " in out and "TELEFON 1" in out and "PERSONNUMMER 1" in out
    conn = connect(db)
    run = list_runs(conn, stage="pii")[0]
    assert run.status == "complete" and run.settings == {"pii_ner": False}
    assert run.manifest["summary"]["per_type"]["PERSON"] >= 3
    [doc_id] = list_doc_ids(conn)
    spans = get_document(conn, doc_id, layers=["pii"], run_id=run.run_id).spans
    text = get_document(conn, doc_id, layers=[]).text
    phone = next(s for s in spans if s.label == "TELEFON")
    assert text[phone.start : phone.end] == "070-123 45 67"
    assert phone.attrs["confidence"] >= 0.9 and phone.attrs["source"]
    assert {text[s.start : s.end] for s in spans if s.label == "PERSON"} >= {"Anna Berg", "Anna", "Per Holm"}
    # Nothing is stored for the document itself: the spans belong to the run.
    assert not get_document(conn, doc_id, layers=["pii"]).spans


def test_readers_use_the_pii_run_and_say_which(workspace: tuple[CliRunner, Path, Path], tmp_path: Path) -> None:
    runner, db, key = workspace
    # No pii run yet: detected on the fly, and the note says so.
    first = _run(runner, db, "pii", "review", "--no-ner", "--key-file", str(key), "-o", str(tmp_path / "r0.csv"))
    assert "no pii run" in first.output
    detected = _run(runner, db, "pii", "detect", "--no-ner").output
    run_id = detected.split("pii run ")[1].split(":")[0]
    review = _run(runner, db, "pii", "review", "--key-file", str(key), "-o", str(tmp_path / "r1.csv"))
    assert f"using pii run {run_id}" in review.output
    assert _review_ids(tmp_path / "r1.csv") == _review_ids(tmp_path / "r0.csv")
    redact = _run(runner, db, "pii", "redact", "--key-file", str(key), "-o", str(tmp_path / "texts"),
                  "--pii-run", run_id)
    assert f"using pii run {run_id}" in redact.output
    red = next((tmp_path / "texts").iterdir()).read_text(encoding="utf-8")
    assert "070-123" not in red and "Anna" not in red and "Sahlgrenska" in red
    # An unknown run is a coded error, never a silent fallback.
    bad = runner.invoke(cli, ["--db", str(db), "pii", "redact", "--key-file", str(key), "-o", str(tmp_path / "x"),
                              "--pii-run", "nope"])
    assert isinstance(bad.exception, UserError) and bad.exception.code == "E205"


def test_the_stored_run_is_what_redaction_uses(workspace: tuple[CliRunner, Path, Path], tmp_path: Path) -> None:
    """A detection removed from the stored run is not redacted: readers do not detect again."""
    runner, db, key = workspace
    _run(runner, db, "pii", "detect", "--no-ner")
    conn = connect(db)
    run = list_runs(conn, stage="pii")[0]
    with conn:
        conn.execute("DELETE FROM spans WHERE run_id = ? AND label = 'TELEFON'", (run.run_id,))
    conn.close()
    _run(runner, db, "pii", "redact", "--key-file", str(key), "-o", str(tmp_path / "texts"))
    red = next((tmp_path / "texts").iterdir()).read_text(encoding="utf-8")
    assert "070-123 45 67" in red and "[PERSONNUMMER]" in red


def test_key_and_mapping_never_reach_a_run_record_or_an_export(
    workspace: tuple[CliRunner, Path, Path], tmp_path: Path
) -> None:
    runner, db, key = workspace
    _run(runner, db, "pii", "detect", "--no-ner")
    _run(runner, db, "themes", "--no-topics", "--outputs", str(tmp_path / "runs"))
    export = _run(runner, db, "export", "-f", "json", "-o", str(tmp_path / "x.json"), "--redact", "--key-file",
                  str(key))
    assert "using pii run" in export.output
    exported = (tmp_path / "x.json").read_text(encoding="utf-8")
    key_text = key.read_text().strip()
    conn = connect(db)
    records = json.dumps([r.manifest for r in list_runs(conn)], ensure_ascii=False)
    spans = json.dumps([list(r) for r in conn.execute("SELECT * FROM spans WHERE layer = 'pii'")], ensure_ascii=False)
    for where, content in [("run records", records), ("pii spans", spans), ("export", exported)]:
        assert key_text not in content, where
        assert str(key) not in content, where  # not even the key file's path
        assert "Person " not in content or where == "export", where  # no pseudonym (the mapping) is stored
    assert "Anna Berg" not in exported and "Person " in exported
    manifests = list((tmp_path / "runs").rglob("manifest.json"))
    assert manifests and all(key_text not in p.read_text(encoding="utf-8") for p in manifests)
