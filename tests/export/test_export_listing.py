"""Listings as text (export/listing.py): the aligned table, CSV and JSON the demo writes and the commands print."""

from __future__ import annotations

import csv
import io
import json

from textsamverkan.export.listing import render

ROWS = [
    {"doc_id": "a", "words": 1200, "share": 0.12345, "speakers": ["Anna", "Bo"], "note": None},
    {"doc_id": "longer-id", "words": 7, "share": 1.0, "speakers": [], "note": "rad ett\nrad två"},
]


def test_table_aligns_columns_formats_cells_and_keeps_one_row_per_line() -> None:
    text = render(ROWS, "table", ["doc_id", "words", "share", "speakers", "note"])
    lines = text.splitlines()
    assert lines[0].split() == ["doc_id", "words", "share", "speakers", "note"]
    assert lines[1] == "  ".join("-" * w for w in (9, 5, 5, 8, 15))  # widest cell or heading per column
    assert lines[2].split() == ["a", "1200", "0.123", "Anna;", "Bo"]
    assert lines[3] == "longer-id  7      1.000  " + " " * 8 + "  rad ett rad två"  # a line break inside a cell
    assert len(lines) == 4
    assert all(line == line.rstrip() for line in lines)


def test_table_clips_long_cells_to_sixty_characters_and_says_when_empty() -> None:
    text = render([{"quote": "x" * 100}], "table")
    assert text.splitlines()[2] == "x" * 59 + "…"
    assert render([], "table") == "(nothing to show)\n"


def test_csv_and_json_keep_the_columns_asked_for_in_order() -> None:
    rows = list(csv.DictReader(io.StringIO(render(ROWS, "csv", ["words", "doc_id", "speakers"]))))
    assert list(rows[0]) == ["words", "doc_id", "speakers"]
    assert rows[0] == {"words": "1200", "doc_id": "a", "speakers": "Anna | Bo"}  # lists joined as `export` joins them
    data = json.loads(render(ROWS, "json", ["doc_id", "share"]))
    assert data == [{"doc_id": "a", "share": 0.12345}, {"doc_id": "longer-id", "share": 1.0}]
