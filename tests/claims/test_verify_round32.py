"""Round 32 of the claim verifier: a denial of an auxiliary reaches the verb it governs, two denials in two clauses
are two denials (not a yes), a day of the month said as an ordinal word is a date, and a rate of every fourteenth
day is a rate."""

from __future__ import annotations

import pytest

from textsamverkan.claims.reasons.dates import dates
from textsamverkan.claims.reasons.frequency import frequencies
from textsamverkan.claims.reasons.negation import denied_words
from textsamverkan.claims.verdict import judge_evidence


def test_a_denial_skips_auxiliaries_to_the_verb_it_denies() -> None:
    assert denied_words("men att det inte kommer att kunna dela uppgifter") == "dela uppgifter"
    verdict, _c, reasons = judge_evidence(
        "Anders Berg sa att kommunen byter system i maj, men att det nya inte kommer att kunna skicka remisser.",
        "Anders Berg berättade att kommunen byter system i maj och att det nya ska kunna skicka remisser.",
    )
    assert verdict == "contradicted", reasons
    assert "negation" in reasons["conflict"]


def test_a_denied_function_verb_denies_what_came_before() -> None:
    verdict, _c, reasons = judge_evidence(
        "Mannen vill ha lampan tänd hela natten – görs inte.",
        "Mannen vill att vi har lampan tänd hela natten, och det gör vi.",
    )
    assert verdict == "contradicted", reasons


def test_two_denials_in_two_clauses_against_none() -> None:
    verdict, _c, reasons = judge_evidence(
        "Ingen läkare har ringt efter utskrivningen, och ingen har frågat oss om hjälpmedel.",
        "En läkare ringde efter utskrivningen och frågade oss om hjälpmedel.",
    )
    assert verdict == "contradicted", reasons
    assert reasons["conflict"]["negation"] == [["Ingen ingen", "(jakande)"]]


def test_two_denials_in_two_clauses_restated_with_two_denials() -> None:
    verdict, _c, reasons = judge_evidence(
        "Ingen läkare har ringt efter utskrivningen, och ingen har frågat oss om hjälpmedel.",
        "Det var ingen läkare som ringde efter utskrivningen, och ingen frågade oss om hjälpmedel.",
    )
    assert verdict == "supported", reasons


def test_a_double_denial_in_one_clause_is_still_a_yes() -> None:
    _verdict, _c, reasons = judge_evidence(
        "Det är inte så att ingen fick hjälp av kommunen.",
        "Några fick hjälp av kommunen.",
    )
    assert "negation" not in reasons.get("conflict", {}), reasons


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Den tionde har vi ett pass för nya.", 10),
        ("mötet den femtonde oktober 2026", 15),
        ("till den tjugoförsta maj", 21),
    ],
)
def test_a_day_said_as_an_ordinal_word(text: str, day: int) -> None:
    (date,) = dates(text)
    assert date.get()["day"] == day


@pytest.mark.parametrize("text", ["den femte vågen kom i mars", "den andra gruppen", "den första som kom"])
def test_an_ordinal_before_a_noun_is_no_day(text: str) -> None:
    assert all("day" not in d.get() for d in dates(text))


def test_a_day_in_words_against_another_day() -> None:
    verdict, _c, reasons = judge_evidence(
        "Utskottet träffade Socialstyrelsen den tolfte mars 2026.",
        "Utskottet träffade Socialstyrelsen den 19 mars 2026.",
    )
    assert verdict == "contradicted", reasons
    assert "date" in reasons["conflict"]


def test_every_fourteenth_day_is_every_other_week() -> None:
    (fourteenth,) = frequencies("vi ses var fjortonde dag")
    (other,) = frequencies("vi ses varannan vecka")
    assert fourteenth.per_day == pytest.approx(other.per_day, rel=0.01)
