"""Every redacted export format and the redacted report hold no original personal value, while places of care,
dates and times survive, and QDPX selections still point at their quotes. Loads the bundled NER: slow."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from textsamverkan.cli.main import cli

TRANSCRIPT = """Anna Berg: Hej och välkommen. Jag heter Anna Berg och är enhetschef i Lunds kommun. Vi har brist på \
skyddsutrustning på Sahlgrenska universitetssjukhuset sedan den 15 mars 2021.
Per Holm: Tack Anna. Brukaren Karin Ek, personnummer 19811228-9874, fick vänta på skyddsutrustning kl. 14.30.
Anna Berg: Ring mig på 070-123 45 67 eller mejla anna.berg@lund.se om skyddsutrustning till vårdcentralen.
Per Holm: Hennes dotter Mira bor på Storgatan 12 B, 222 21 Lund och har samordningsnummer 701063-2391. \
Testning av personal på äldreboendet Solgården började 2020-04-01.
Anna Berg: Per, din profil https://www.linkedin.com/in/per-holm nämner skyddsutrustning. Ring 08-123 456 78.
"""
SECRETS = ["Anna", "Berg", "Per Holm", "Holm", "Karin Ek", "19811228-9874", "070-123 45 67", "anna.berg@lund.se",
           "Mira", "Storgatan", "222 21", "701063-2391", "linkedin.com/in/per-holm", "08-123 456 78"]
KEEP = ["Sahlgrenska universitetssjukhuset", "15 mars 2021", "kl. 14.30", "vårdcentralen", "Solgården",
        "2020-04-01", "Lunds kommun", "skyddsutrustning"]


def _run(runner: CliRunner, db: Path, *args: str) -> Result:
    result = runner.invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def _contents(path: Path) -> str:
    if path.is_dir():
        return "\n".join(p.read_text(encoding="utf-8-sig") for p in sorted(path.iterdir()))
    if path.suffix in (".xlsx", ".qdpx"):
        with zipfile.ZipFile(path) as archive:
            return "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist()
                             if not n.endswith((".png", ".jpg")))
    return path.read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("stored", [False, True], ids=["detected-on-the-fly", "from-a-pii-run"])
def test_every_redacted_output_is_clean(tmp_path: Path, stored: bool) -> None:
    source = tmp_path / "corpus"
    source.mkdir()
    (source / "intervju.txt").write_text(TRANSCRIPT, encoding="utf-8")
    db, key = tmp_path / "t.db", tmp_path / "private" / "pii.key"
    runner = CliRunner()
    _run(runner, db, "ingest", str(source), "--kind", "interview")
    _run(runner, db, "themes", "--no-topics", "--outputs", str(tmp_path / "runs"))
    _run(runner, db, "pii", "key", "-o", str(key))
    if stored:
        _run(runner, db, "pii", "detect")
    key_text = key.read_text().strip()
    out = tmp_path / "shared"
    outputs = {fmt: out / name for fmt, name in
               [("csv", "csv"), ("csv-sv", "csv-sv"), ("xlsx", "t.xlsx"), ("json", "t.json"), ("qdpx", "t.qdpx")]}
    for fmt, path in outputs.items():
        _run(runner, db, "export", "--format", fmt, "-o", str(path), "--redact", "--key-file", str(key))
    report = _run(runner, db, "report", "-o", str(out / "report.html"), "--redact", "--key-file", str(key)).output
    assert ("using pii run" in report) == stored and ("no pii run" in report) == (not stored)
    _run(runner, db, "pii", "redact", "-o", str(out / "texts"), "--key-file", str(key))
    texts = _contents(out / "texts")
    for path in [*outputs.values(), out / "report.html", out / "texts"]:
        content = _contents(path)
        leaked = [s for s in SECRETS if s in content]
        assert not leaked, f"{path.name} leaks {leaked}"
        assert key_text not in content
    for kept in KEEP:
        assert kept in texts, kept
    assert "enhetschef (Person" in _contents(outputs["json"]) or "enhetschef (Person" in _contents(out / "report.html")
    # QDPX selections still point at their quotes in the redacted text.
    data = json.loads((out / "t.json").read_text(encoding="utf-8"))
    passages = data["tables"]["passages"] if "tables" in data else data["passages"]
    red = next(iter((out / "texts").iterdir())).read_text(encoding="utf-8")
    assert passages and all(red[p["start"] : p["end"]] == p["quote"] for p in passages)


def test_missing_or_wrong_key_is_a_coded_error(tmp_path: Path) -> None:
    from textsamverkan.errors import UserError

    (tmp_path / "a.txt").write_text("Anna Berg ringde 070-123 45 67.", encoding="utf-8")
    db, runner = tmp_path / "t.db", CliRunner()
    _run(runner, db, "ingest", str(tmp_path / "a.txt"))
    _run(runner, db, "themes", "--no-topics", "--outputs", str(tmp_path / "runs"))
    (tmp_path / "bad.key").write_text("hemligt", encoding="utf-8")
    for extra, code in [([], "E501"), (["--key-file", str(tmp_path / "bad.key")], "E502")]:
        result = runner.invoke(cli, ["--db", str(db), "export", "-f", "json", "-o", str(tmp_path / "x.json"),
                                     "--redact", *extra])
        assert isinstance(result.exception, UserError) and result.exception.code == code
        assert not (tmp_path / "x.json").exists()
