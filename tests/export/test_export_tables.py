"""CSV (two Excel dialects), XLSX and JSON exports read back with their own readers."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from textsamverkan.analysis.compare import compare
from textsamverkan.analysis.types import CodedPassage, DocInfo
from textsamverkan.errors import UserError
from textsamverkan.export.csv_export import csv_text, write_csv, write_csv_tables
from textsamverkan.export.json_export import jsonable, tables_document, write_json
from textsamverkan.export.xlsx_export import sheet_name, write_xlsx

ROWS = [
    {"group": "Västra Götaland", "rate": 0.75, "n": 3, "examples": ["a:0-27", "b:0-27"], "note": 'sa "hej"; ok'},
    {"group": "Skåne", "rate": None, "n": 0, "examples": [], "note": "rad 1\nrad 2"},
]


def test_csv_excel_dialect_has_bom_commas_and_points(tmp_path: Path) -> None:
    path = write_csv(ROWS, tmp_path / "t.csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        back = list(csv.DictReader(handle))
    assert back[0] == {"group": "Västra Götaland", "rate": "0.75", "n": "3", "examples": "a:0-27 | b:0-27",
                       "note": 'sa "hej"; ok'}
    assert back[1]["rate"] == "" and back[1]["note"] == "rad 1\nrad 2"


def test_csv_swedish_dialect_has_semicolons_and_decimal_commas(tmp_path: Path) -> None:
    path = write_csv(ROWS, tmp_path / "t.csv", dialect="excel-sv", columns=["group", "rate", "note"])
    with path.open(encoding="utf-8-sig", newline="") as handle:
        back = list(csv.reader(handle, delimiter=";"))
    assert back[0] == ["group", "rate", "note"]
    assert back[1] == ["Västra Götaland", "0,75", 'sa "hej"; ok']
    header = path.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == "group;rate;note"


def test_unknown_dialect_is_a_user_error() -> None:
    with pytest.raises(UserError) as err:
        csv_text(ROWS, dialect="excel_sv")
    assert "Did you mean 'excel-sv'" in str(err.value)


def test_csv_tables_one_file_each(tmp_path: Path) -> None:
    paths = write_csv_tables({"comparison": ROWS, "tests": [{"theme": "ppe", "p": 0.01}]}, tmp_path / "out")
    assert [p.name for p in paths] == ["comparison.csv", "tests.csv"]
    assert next(csv.DictReader(io.StringIO(paths[1].read_text(encoding="utf-8-sig")))) == {"theme": "ppe",
                                                                                           "p": "0.01"}


def _comparison_tables() -> dict[str, list[dict[str, object]]]:
    docs = [DocInfo("a", region="Skåne", words=100), DocInfo("b", region="Stockholm", words=200)]
    passages = [CodedPassage("a", 0, 4, "=SUM", "ppe"), CodedPassage("b", 0, 4, "test", "testing")]
    return compare(passages, docs, by="region").tables()


def test_xlsx_one_sheet_per_table_numbers_stay_numbers(tmp_path: Path) -> None:
    tables = {**_comparison_tables(), "quotes": [{"quote": "=HYPERLINK(\"http://x\")", "bad": "a\x01b"}]}
    path = write_xlsx(tables, tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["comparison", "tests", "groups", "themes", "quotes"]
    sheet = book["comparison"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(min_row=2)]
    assert len(rows) == len(tables["comparison"])
    first = rows[0]
    assert first["group"] == "Skåne" and first["passages"] == 1 and first["words"] == 100
    assert first["per_1000"] == pytest.approx(10.0) and sheet["E2"].data_type == "n"  # a number, not text
    assert first["examples"] == "a:0-4"
    quotes = book["quotes"]
    assert quotes["A2"].value == '=HYPERLINK("http://x")' and quotes["A2"].data_type == "s"  # text, not a formula
    assert quotes["B2"].value == "ab"
    assert sheet.freeze_panes == "A2"


def test_xlsx_is_byte_identical_for_the_same_tables(tmp_path: Path) -> None:
    tables = _comparison_tables()
    one = write_xlsx(tables, tmp_path / "1.xlsx").read_bytes()
    two = write_xlsx(tables, tmp_path / "2.xlsx").read_bytes()
    assert one == two


def test_sheet_names_are_valid_and_unique() -> None:
    taken: set[str] = set()
    assert sheet_name("region/half: [tests]", taken) == "region_half_ _tests_"
    long = "x" * 40
    assert sheet_name(long, taken) == "x" * 31
    assert sheet_name(long, taken) == "x" * 27 + " (2)"


def test_json_round_trips_with_nulls_for_non_finite(tmp_path: Path) -> None:
    tables = _comparison_tables()
    doc = tables_document(tables, settings={"by": ["region"]}, notes=["a note"])
    doc["tables"]["extra"] = [{"v": float("nan"), "t": ("a", "b"), "s": {"y", "x"}}]
    path = write_json(doc, tmp_path / "t.json")
    back = json.loads(path.read_text(encoding="utf-8"))
    assert back["tables"]["comparison"] == jsonable(tables["comparison"])
    assert back["tables"]["extra"] == [{"v": None, "t": ["a", "b"], "s": ["x", "y"]}]
    assert back["notes"] == ["a note"] and "Skåne" in path.read_text(encoding="utf-8")
