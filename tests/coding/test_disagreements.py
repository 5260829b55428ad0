"""The disagreement list: one row per passage where two codings of a code differ, written as CSV and XLSX."""

from __future__ import annotations

import csv
from pathlib import Path

from textsamverkan.coding.disagreements import COLUMNS, disagreements, write_disagreements
from textsamverkan.export.qda_types import Coding

TEXT = "Vi saknade skydd. Testningen kom sent. Samverkan fungerade bra. Planen saknades helt."
TEXTS = {"d": TEXT}


def _span(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def test_rows_for_passages_where_the_codings_differ() -> None:
    s1, s2, s3, s4 = (_span(x) for x in ("Vi saknade skydd.", "Testningen kom sent.", "Samverkan fungerade bra.",
                                         "Planen saknades helt."))
    a = [Coding("d", *s1, "ppe"), Coding("d", *s2, "testing"), Coding("d", s3[0], s3[1], "samverkan")]
    b = [Coding("d", *s1, "ppe"),  # the same: no row
         Coding("d", s3[0], s3[0] + 9, "samverkan"),  # a shorter selection: boundaries differ
         Coding("d", *s4, "samverkan")]  # only B
    rows = disagreements(a, b, TEXTS, coder_a="Anna", coder_b="Bo", code_names={"testing": "Testning"})
    assert [(r["code"], r["difference"]) for r in rows] == [
        ("testing", "only Anna"), ("samverkan", "boundaries differ"), ("samverkan", "only Bo")]
    testing, boundary, only_b = rows
    assert testing["code_name"] == "Testning" and testing["quote"] == "Testningen kom sent."
    assert testing["ref"] == f"d:{s2[0]}-{s2[1]}" and testing["selections_b"] == ""
    assert boundary["characters_differing"] == (s3[1] - s3[0]) - 9
    assert boundary["selections_a"] == f"{s3[0]}-{s3[1]}" and boundary["selections_b"] == f"{s3[0]}-{s3[0] + 9}"
    assert only_b["quote"] == "Planen saknades helt."
    assert disagreements(a, a, TEXTS) == []


def test_written_as_csv_and_xlsx(tmp_path: Path) -> None:
    rows = disagreements([Coding("d", 0, 17, "ppe")], [], TEXTS)
    path = write_disagreements(rows, tmp_path / "d.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        read = list(csv.DictReader(handle))
    assert read[0]["quote"] == "Vi saknade skydd." and list(read[0]) == COLUMNS
    from openpyxl import load_workbook

    book = load_workbook(write_disagreements(rows, tmp_path / "d.xlsx"))
    sheet = book["disagreements"]
    assert [c.value for c in sheet[1]] == COLUMNS
    assert sheet.cell(2, COLUMNS.index("quote") + 1).value == rows[0]["quote"]
