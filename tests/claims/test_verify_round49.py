"""Round 49 of the claim verifier: a range is one amount spanning its bounds. "10–12 personer", "mellan 10 och 12",
"tre till fyra dagar" and "en eller två dygn" hold an amount inside them and conflict with one outside; "från 30 till
37 procent" stays a change, two amounts; the parser reads a range with both bounds, so that a claim's quantity says
"10–12 personer", not "omkring 10" or nothing."""

from __future__ import annotations

import pytest
from verdict_table import NOT_SUPPORTED, assert_verdict

from textsamverkan.claims.quantities import describe, parse_quantities
from textsamverkan.claims.reasons.numbers import compare_numbers


@pytest.mark.parametrize(
    ("text", "said", "described"),
    [
        ("Vi var 10–12 personer på avdelningen.", "10–12 personer", "10–12 personer"),
        ("Omkring 10-15 procent saknade skydd.", "Omkring 10-15 procent", "omkring 10–15 % (saknade skydd)"),
        ("Mellan 10 och 12 personer deltog.", "Mellan 10 och 12 personer", "10–12 personer (deltog)"),
        ("Det tar tre till fyra dagar.", "tre till fyra dagar", "3–4 dagar"),
        ("Det kostar 85–90 tusen kronor.", "85–90 tusen kronor", "85 000–90 000 kr"),
        ("85 000–90 000 personer har skulder.", "85 000–90 000 personer", "85 000–90 000 personer"),
    ],
)  # fmt: skip
def test_the_parser_reads_a_range_with_both_bounds(text: str, said: str, described: str) -> None:
    (quantity,) = parse_quantities(text)
    assert (quantity.text, describe(quantity)) == (said, described)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Andelen ökade från 30 till 37 procent.", ["30", "37 procent"]),  # a change: two amounts, no range
        ("Det såg vi inte minst 2006–2010.", []),  # years
        ("Antalet ökade under 2020 till 8 890 anmälningar.", ["8 890"]),  # a year is no lower bound
        ("Ring 08-405 32 76.", []),
    ],
)  # fmt: skip
def test_no_range_is_read_from_a_change_years_or_a_phone_number(text: str, said: list[str]) -> None:
    quantities = parse_quantities(text)
    assert [q.text for q in quantities] == said
    assert all(q.low is None for q in quantities)


def test_a_range_holds_an_amount_inside_it_and_conflicts_with_one_outside() -> None:
    evidence = "På avdelningen var vi 11 personer."
    assert compare_numbers("Vi var 10–12 personer.", evidence).found == ["10–12 personer"]
    assert compare_numbers("Vi var 10–12 personer.", "Vi var 30 personer.").conflict == [
        ("10–12 personer", "30 personer")
    ]
    assert compare_numbers("Vi var 11 personer.", "Vi var 10–12 personer.").found == ["11 personer"]
    assert compare_numbers("Vi var 20 personer.", "Vi var 10–12 personer.").conflict == [
        ("20 personer", "10–12 personer")
    ]


def test_a_bound_keeps_its_side_against_a_range() -> None:
    evidence = "Referensvärdet ska vara 170–270 individer."
    assert compare_numbers("Referensvärdet ska vara minst 300 individer.", evidence).conflict
    assert compare_numbers("Högst 12 personer deltog.", "Mellan 10 och 12 personer deltog.").found


def test_a_range_whose_bounds_the_evidence_says_apart_must_find_each() -> None:
    evidence = "Den ges till personer med inkomster överstigande 60 000 kronor och understigande 500 000 kronor."
    outcome = compare_numbers("Den ges till personer med inkomster mellan 60 000 och 600 000 kronor.", evidence)
    assert outcome.conflict == [("60 000–600 000 kr", "500 000 kr")]


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("Vi var 10–12 personer på avdelningen.", "På avdelningen var vi 11 personer.", "supported"),
        ("Det kom tio–tolv personer varje dag.", "Varje dag kom elva personer.", "supported"),
        ("Det kom tio–tolv personer varje dag.", "Varje dag kom tjugo personer.", "contradicted"),
        ("Mest brukar det vara tio–tolv namn på listan.", "Oftast står det sex eller sju namn på listan.",
         NOT_SUPPORTED),
        ("Svaret kan ta tre till fyra dagar.", "Svaret kan ta 3–4 dagar.", "supported"),
        ("Vi behöver ett till två dygn.", "Vi behöver 36 timmar.", "supported"),
        ("Omkring 10-15 procent saknade skydd.", "Omkring 40 procent saknade skydd.", "contradicted"),
        ("Andelen ökade från 30 till 37 procent.", "Andelen ökade till 33 procent.", "contradicted"),
    ],
)  # fmt: skip
def test_verdicts_of_round_49(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)


@pytest.mark.parametrize(
    ("text", "described"),
    [("Det tog 1 månad.", "1 månad"), ("Vi väntade 1 timme.", "1 timme"), ("Det tog 2 veckor.", "2 veckor")],
)
def test_an_amount_of_one_is_said_in_the_singular(text: str, described: str) -> None:
    (quantity,) = parse_quantities(text)
    assert describe(quantity) == described


def test_a_range_is_no_swapped_amount_of_its_upper_bound() -> None:
    statement = "Det bör vara högst 12 barn på 3 pedagoger i grupper med barn i åldern 1–3 år."
    evidence = "I en barngrupp i åldern 1–3 år bör det inte vara fler än 12 barn på 3 pedagoger."
    assert ("3 (barn, pedagoger)", "1–3 år (barngrupp, åldern)") not in compare_numbers(statement, evidence).conflict


def test_each_element_is_named_once_in_the_reasons() -> None:
    from textsamverkan.claims.verdict import judge_evidence

    _verdict, _confidence, reasons = judge_evidence(
        "Budgeten för 2021 ökar 2021 och 2022.", "Budgeten för 2021 ökar både 2021 och 2022."
    )
    for said in reasons.get("found", {}).values():
        assert len(said) == len(set(said))
