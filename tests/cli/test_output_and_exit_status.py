"""Listing commands: the format follows the file suffix, CSV is the export's (BOM, dialects, no formulas), and every
command's exit status is what --help and the README promise."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from paths import REPO
from textsamverkan.cli.main import cli
from textsamverkan.cli.output import render, resolve_format
from textsamverkan.errors import UserError
from textsamverkan.ingest.pipeline import IngestOptions, ingest_paths
from textsamverkan.stages.claims import run_claims
from textsamverkan.store import connect

EVIL_TITLE = '=HYPERLINK("http://evil","x")'
EVIL_ORG = "+cmd|' /C calc'!A0"


def main_cli(*args: str, db: Path) -> tuple[int, str, str]:
    """The real entry point in a fresh process: exit status, stdout, stderr."""
    proc = subprocess.run(
        [sys.executable, "-c", "from textsamverkan.cli.main import main; main()", "--db", str(db), *args],
        capture_output=True, text=True, cwd=REPO, timeout=300,
    )
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("evil") / "evil"
    folder.mkdir()
    (folder / "a.txt").write_text("@SUM(1) Antalet platser har fördubblats. Vården blev bättre.\n", encoding="utf-8")
    (folder / "b.txt").write_text("-2+3 är ingen formel här. Bristen på skyddsutrustning var stor.\n",
                                  encoding="utf-8")
    (folder / "manifest.csv").write_text(
        f'file,title,organisation\na.txt,"{EVIL_TITLE.replace(chr(34), chr(34) * 2)}",{EVIL_ORG}\nb.txt,Vanlig,-\n',
        encoding="utf-8",
    )
    db = folder.parent / "evil.db"
    summary = ingest_paths(connect(db), [folder], IngestOptions())
    assert not summary.failed, summary.failed
    return db


def _copy(source: Path, target: Path) -> Path:
    """A copy of a WAL-mode database (the backup API, so the log's pages come along)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def _invoke(db: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


# --- the format follows the suffix ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "output", "expected"),
    [(None, None, "table"), (None, "x.csv", "csv"), (None, "x.CSV", "csv"), (None, "x.tsv", "tsv"),
     (None, "x.json", "json"), (None, "x.xlsx", "xlsx"), (None, "x.txt", "table"), ("csv-sv", "x.csv", "csv-sv"),
     ("json", None, "json"), ("table", "x.txt", "table")],
)
def test_format_follows_the_suffix(fmt: str | None, output: str | None, expected: str) -> None:
    assert resolve_format(fmt, Path(output) if output else None) == expected


@pytest.mark.parametrize(("fmt", "output"), [("json", "x.csv"), ("table", "x.csv"), ("csv", "x.xlsx"),
                                             ("xlsx", None), ("tsv", "x.json")])
def test_a_contradicting_suffix_is_e301(fmt: str, output: str | None) -> None:
    with pytest.raises(UserError) as err:
        resolve_format(fmt, Path(output) if output else None)
    assert err.value.code == "E301"


def test_o_claims_csv_writes_csv_with_bom_not_a_text_table(corpus_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "docs.csv"
    _invoke(corpus_db, "corpus", "--documents", "-o", str(out))
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 2 and {"doc_id", "title", "words"} <= set(rows[0])


def test_json_tsv_and_xlsx_by_suffix(corpus_db: Path, tmp_path: Path) -> None:
    _invoke(corpus_db, "corpus", "--documents", "-o", str(tmp_path / "d.json"))
    assert len(json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))) == 2
    _invoke(corpus_db, "corpus", "--documents", "-o", str(tmp_path / "d.tsv"))
    header = (tmp_path / "d.tsv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert "\tdoc_id" in "\t" + header and "," not in header
    _invoke(corpus_db, "corpus", "--documents", "-o", str(tmp_path / "d.xlsx"))
    sheet = openpyxl.load_workbook(tmp_path / "d.xlsx").active
    assert sheet is not None and sheet.max_row == 3
    words = [c.value for c in sheet[1]].index("words")
    assert isinstance(sheet.cell(row=2, column=words + 1).value, int)  # numbers stay numbers


def test_csv_sv_dialect_for_every_listing_command(corpus_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "sv.csv"
    _invoke(corpus_db, "speakers", "--format", "csv-sv", "-o", str(out))
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    text = _invoke(corpus_db, "corpus", "--format", "csv-sv")
    assert text.splitlines()[0].count(";") >= 1 and "," not in text.splitlines()[0]


def test_no_formula_cell_in_any_csv_dialect(corpus_db: Path, tmp_path: Path) -> None:
    for fmt in ("csv", "csv-sv", "tsv"):
        out = tmp_path / f"d-{fmt}.{'tsv' if fmt == 'tsv' else 'csv'}"
        _invoke(corpus_db, "corpus", "--documents", "--format", fmt, "-o", str(out))
        delimiter = {"csv": ",", "csv-sv": ";", "tsv": "\t"}[fmt]
        rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=delimiter))
        cells = [cell for row in rows for cell in row]
        assert "'" + EVIL_TITLE in cells and "'" + EVIL_ORG in cells
        assert not [c for c in cells if c[:1] in ("=", "+", "@") or (c[:1] == "-" and c != "-")], cells
    assert render([{"n": -3, "x": -0.5, "s": "-3"}], "csv").splitlines()[1] == "-3,-0.5,-3"


def test_format_contradicting_output_exits_2_with_e301(corpus_db: Path, tmp_path: Path) -> None:
    code, _out, err = main_cli("corpus", "--format", "json", "-o", str(tmp_path / "x.csv"), db=corpus_db)
    assert code == 2 and "[E301]" in err and "Traceback" not in err
    assert not (tmp_path / "x.csv").exists()


# --- exit statuses --------------------------------------------------------------------------------------------------


def test_verify_exits_1_when_a_claim_is_lost_and_0_when_all_hold(corpus_db: Path, tmp_path: Path) -> None:
    db = _copy(corpus_db, tmp_path / "verify.db")
    conn = connect(db)
    assert run_claims(conn)
    conn.close()
    code, _out, err = main_cli("verify", db=db)
    assert code == 0, err
    raw = sqlite3.connect(db)
    raw.execute("UPDATE documents SET text = 'Helt annan text nu.' WHERE doc_id LIKE '%a.txt'")
    raw.commit()
    raw.close()
    code, _out, err = main_cli("verify", db=db)
    assert code == 1, err
    assert "lost" in err


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (("corpus",), 0),
        (("corpus", "--format", "nope"), 2),  # a usage error
        (("show", "no-such-document"), 2),  # a UserError
        (("ingest", "no/such/folder"), 1),  # a file failed
    ],
)
def test_exit_status_of_commands(corpus_db: Path, tmp_path: Path, args: tuple[str, ...], status: int) -> None:
    db = _copy(corpus_db, tmp_path / "copy.db")
    code, _out, err = main_cli(*args, db=db)
    assert code == status, err
    assert "Traceback" not in err
