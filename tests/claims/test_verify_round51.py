"""Round 51 of the claim verifier: where a change starts ("30" in "från 30 till 37 procent") is read by the quantity
parser, in the scale, unit and kind of where it ends, so the claims table and the number check read it alike."""

from __future__ import annotations

import pytest

from textsamverkan.claims.quantities import describe, parse_quantities
from textsamverkan.claims.reasons.numbers import compare_numbers


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ("Andelen ökade från 30 till 37 procent.", ["30 %", "37 %"]),
        ("Det gick från 85 till 90 tusen personer.", ["85 000 personer", "90 000 personer"]),
        ("Väntetiden kortades från tolv till åtta veckor.", ["12 veckor", "8 veckor"]),
        ("Taket höjs från åtta till tio gånger prisbasbeloppet.", ["8 gånger (prisbasbeloppet)",
                                                                 "10 gånger (prisbasbeloppet)"]),
        ("Produktionen sjönk från tolvhundra till åttahundra megawatt.", ["1 200 MW", "800 MW"]),
        ("Andelen steg från 2017 till 37 procent.", ["37 %"]),  # a year is where a time starts, no amount
        ("Vi var 10–12 personer.", ["10–12 personer"]),  # a range is one amount
    ],
)  # fmt: skip
def test_the_parser_reads_where_a_change_starts(text: str, described: list[str]) -> None:
    assert [describe(q) for q in parse_quantities(text)] == described


def test_both_ends_of_a_change_are_checked() -> None:
    evidence = "Andelen som vaccinerats ökade från 30 till 37 procent under våren."
    assert compare_numbers("Andelen som vaccinerats ökade från 30 till 37 procent.", evidence).conflict == []
    assert compare_numbers("Andelen som vaccinerats var 30 procent före våren.", evidence).found == ["30 %"]
    assert compare_numbers("Andelen som vaccinerats ökade från 20 till 37 procent.", evidence).conflict
