"""Every CSV the package writes is safe to open in a spreadsheet: text never becomes a formula, numbers stay numbers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from textsamverkan.export.csv_export import csv_text, neutralise_formula, write_csv_tables

ATTACKS = ['=HYPERLINK("http://evil","x")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("attack", ATTACKS)
def test_text_that_starts_like_a_formula_is_prefixed(attack: str) -> None:
    assert neutralise_formula(attack) == "'" + attack


@pytest.mark.parametrize("plain", ["Skåne", "-", "-3", "+46,5", "1e-3", "", "'=x", "a=b"])
def test_plain_text_and_numbers_are_left_alone(plain: str) -> None:
    assert neutralise_formula(plain) == plain


@pytest.mark.parametrize("dialect", ["excel", "excel-sv", "tsv"])
def test_every_dialect_neutralises_text_cells_lists_and_headers(dialect: str, tmp_path: Path) -> None:
    rows = [{"quote": a, "examples": [a, "b"], "n": -3, "rate": -0.25, "=head": "x"} for a in ATTACKS]
    (path,) = write_csv_tables({"passages": rows}, tmp_path, dialect=dialect)
    delimiter = {"excel": ",", "excel-sv": ";", "tsv": "\t"}[dialect]
    back = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline=""), delimiter=delimiter))
    assert back[0] == ["quote", "examples", "n", "rate", "'=head"]
    for row, attack in zip(back[1:], ATTACKS, strict=True):
        assert row[0] == "'" + attack and row[1].startswith("'")
        assert row[2] == "-3" and row[3] == ("-0,25" if dialect == "excel-sv" else "-0.25")


def test_theme_tables_writer_is_the_same_safe_writer() -> None:
    text = csv_text([{"quote": "@SUM(1)", "score": 0.5}])
    assert text.splitlines()[1] == "'@SUM(1),0.5"
