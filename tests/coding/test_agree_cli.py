"""`agree` on a hostile QDPX ends with a coded error and a non-zero exit, never a traceback."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from textsamverkan.cli.main import cli, main


def test_agree_with_a_bad_position_is_a_clean_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("Skyddsutrustningen räckte inte.\n", encoding="utf-8")
    db = tmp_path / "t.db"
    assert CliRunner().invoke(cli, ["--db", str(db), "ingest", str(doc), "-q"]).exit_code == 0
    themes = ["--db", str(db), "themes", "--no-topics", "--outputs", str(tmp_path / "runs")]
    assert CliRunner().invoke(cli, themes).exit_code == 0
    qdpx = tmp_path / "bad.qdpx"
    xml = ('<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources>'
           '<TextSource guid="00000000-0000-0000-0000-000000000001" name="a"><PlainTextContent>x</PlainTextContent>'
           '<PlainTextSelection guid="00000000-0000-0000-0000-000000000002" startPosition="abc" endPosition="1"/>'
           "</TextSource></Sources></Project>")
    with zipfile.ZipFile(qdpx, "w") as archive:
        archive.writestr("project.qde", xml)
    monkeypatch.setattr("sys.argv", ["textsamverkan", "--db", str(db), "agree", str(qdpx)])
    with pytest.raises(SystemExit) as info:
        main()
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "[E106]" in err and "startPosition 'abc' is not a whole number" in err and "bad.qdpx" in err
    assert "Traceback" not in err
