"""The report and the XLSX export of a real workspace: claims from the claims run, code labels beside ids,
document metadata on every passage, extra sheets and a printable layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from paths import SEEDS
from textsamverkan.cli.main import cli


def invoke(db: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("study")
    db = tmp / "w.db"
    invoke(db, "ingest", str(SEEDS), "-q")
    invoke(db, "themes", "--no-topics", "--outputs", str(tmp / "runs"))
    return db


def test_report_without_claims_run_says_how_to_fill_the_section(workspace: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    db.write_bytes(workspace.read_bytes())
    report = tmp_path / "r.html"
    out = invoke(db, "report", "-o", str(report))
    assert "using themes run" in out
    assert "run `textsamverkan claims` to fill this section" in report.read_text(encoding="utf-8")


def test_report_and_xlsx_after_claims(workspace: Path, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    claims_out = invoke(workspace, "claims", "--format", "json")
    assert '"doc_id"' in claims_out
    report = tmp_path / "r.html"
    out = invoke(workspace, "report", "-o", str(report))
    assert "claims run" in out
    html = report.read_text(encoding="utf-8")
    claims_section = html.split('<section id="claims">')[1].split("</section>")[0]
    assert "No claims" not in claims_section and "claims from claims run" in claims_section
    assert claims_section.count("<li>") >= 1

    xlsx = tmp_path / "x.xlsx"
    invoke(workspace, "export", "--format", "xlsx", "-o", str(xlsx))
    book = openpyxl.load_workbook(xlsx)
    assert {"passages", "comparison", "tests", "codebook", "documents", "claims"} <= set(book.sheetnames)
    passages = book["passages"]
    header = [c.value for c in passages[1]]
    for column in ("region", "corpus", "kind", "organisation", "date", "title", "theme", "theme_label", "quote"):
        assert column in header, column
    assert header.index("theme_label") == header.index("theme") + 1
    first = dict(zip(header, [c.value for c in passages[2]], strict=True))
    assert first["corpus"] and first["theme_label"] and first["theme_label"] != first["theme"]  # Swedish label
    comparison_header = [c.value for c in book["comparison"][1]]
    assert comparison_header.index("theme_label") == comparison_header.index("theme") + 1
    codebook = [c.value for c in book["codebook"][1]]
    assert codebook[:2] == ["id", "label"] and book["codebook"].max_row > 2
    assert book["documents"].max_row - 1 == len(list(SEEDS.glob("*.txt")))
    assert book["claims"].max_row >= 2
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$1"
    quote = header.index("quote") + 1
    assert passages.cell(row=2, column=quote).alignment.wrap_text
    assert not passages.cell(row=2, column=header.index("start") + 1).alignment.wrap_text
