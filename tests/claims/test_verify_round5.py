"""Claim verification, fifth round: fewer false contradictions — no said in a word of its own, a direction the
statement answers itself, shares ("sex av tio"), units that convert, Christmas, and how often something happens —
on small Swedish examples."""

from __future__ import annotations

import pytest

from textsamverkan.claims.reasons.dates import compare_dates, dates
from textsamverkan.claims.reasons.direction import compare_direction
from textsamverkan.claims.reasons.negation import compare_negation
from textsamverkan.claims.reasons.numbers import amounts, compare_numbers
from textsamverkan.claims.verdict import judge_evidence


def test_no_said_with_a_negative_word_is_no_conflict_of_polarity() -> None:
    assert not compare_negation(
        "Hallengren sa i en radiointervju att hon saknade en sammanställning över lagren.",
        "I en radiointervju säger Hallengren att hon inte hade någon sammanfattning av lagren.",
    ).conflict
    assert not compare_negation(
        "Hälften av företagen klarar sig inte efter första kvartalet om de inte får in mer kapital.",
        "Hälften av företagen klarar sig inte längre än till första kvartalet utan kapitaltillskott.",
    ).conflict
    assert not compare_negation("UD avråder från onödiga resor.", "UD avråder från icke nödvändiga resor.").conflict
    # a cue added where both sides hold the same negative word is still a conflict
    outcome = compare_negation("Regionen saknade inte skyddsutrustning.", "Regionen saknade skyddsutrustning.")
    assert outcome.conflict == [("inte", "(jakande)")]
    # and the plain denial the verifier was built for
    assert compare_negation("Kommunen fick ingen hjälp av regionen.", "Kommunen fick hjälp av regionen.").conflict


def test_an_opposite_direction_the_statement_holds_itself_is_no_conflict() -> None:
    outcome = compare_direction(
        "Myndigheten vet nu mer och bedömer att risken är upp till 20 gånger lägre utomhus.",
        "Myndigheten menar att smittrisken är 20 gånger lägre utomhus.",
    )
    assert not outcome.conflict and "lägre" in outcome.found and "mer" in outcome.missing
    # two opposite words in the evidence and one in the statement: one is unanswered
    outcome = compare_direction(
        "Där smittan minskar ska kommunikationen i högre grad vara lokal.",
        "Där smittan ökar ska kommunikationen i högre grad vara lokal.",
    )
    assert outcome.conflict == [("minskar", "ökar")]


def test_a_share_is_a_percentage_and_units_convert() -> None:
    share = [a for a in amounts("Drygt sex av tio kommuner svarade ja.")]
    assert [(a.value, a.unit, a.approx) for a in share] == [(60.0, "%", "drygt")]  # "tio" is no amount of its own
    assert compare_numbers("Drygt sex av tio kommuner svarade ja.", "63 procent av de 191 kommunerna svarade ja.").found
    assert compare_numbers("Nästan tre av fyra kommuner har brist.", "Brist råder i 212 av landets 290 kommuner.").found
    assert compare_numbers("Sex av tio kommuner svarade ja.", "30 procent av kommunerna svarade ja.").conflict
    assert compare_numbers("Lagret räcker två dygn.", "Lagret räcker 48 timmar.").found
    assert compare_numbers("Över 1 600 har mer än 20 kilometer till postombudet.", "De har mer än två mil dit.").found
    assert not compare_numbers("Svaret kom inom två veckor.", "Svaret kom inom 21 dagar.").found


def test_before_christmas_is_late_december_not_july() -> None:
    (christmas,) = dates("Domstolen kom strax före jul fram till att bidrag inte ges.")
    assert christmas.get()["month"] == 12
    assert compare_dates("Domen kom strax före jul.", "Domen kom den 23 december.").found
    assert compare_dates("Domen kom strax före jul.", "Domen kom den 3 december.").conflict
    assert dates("Efter jul öppnar vi igen.") == ()  # late December or January: no date to judge
    assert dates("Mötet hölls 5 jul. 2020.")[0].get()["month"] == 7


def test_how_often_is_salient_even_in_a_short_word() -> None:
    verdict, _c, reasons = judge_evidence(
        "Ersättningen betalas ut en gång per kvartal.", "Ersättningen betalas ut till alla kommuner."
    )
    assert verdict == "partly" and "kvartal" in reasons["missing"]


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        # the same rate over another period: the counts differ, the frequency agrees
        ("Ombuden träffas 52 gånger per år.", "Ombuden träffas en gång i veckan.", "supported"),
        ("Ombuden träffas fyra gånger per år.", "Ombuden träffas två gånger per termin.", "supported"),
        ("Ombuden träffas tre gånger per år.", "Ombuden träffas två gånger per termin.", "contradicted"),
        # the bound is still the number check's
        ("Läkaren kommer högst en gång per år.", "Läkaren kommer minst en gång om året.", "contradicted"),
    ],
)
def test_a_count_over_another_period_at_the_same_rate(statement: str, evidence: str, expected: str) -> None:
    verdict, _c, reasons = judge_evidence(statement, evidence)
    assert verdict == expected, reasons


def test_one_count_over_another_period_is_another_rate() -> None:
    # the same count, so the number check agrees; the periods differ (since claims round 46)
    verdict, _c, reasons = judge_evidence(
        "Ersättningen betalas ut en gång per kvartal.", "Ersättningen betalas ut en gång i månaden."
    )
    assert verdict == "contradicted" and reasons["conflict"]["frequency"], reasons


def test_a_range_a_large_share_and_an_approximate_half() -> None:
    # the first bound of a range is in the unit of the second
    assert compare_numbers(
        "Andelen steg från 30 procent till 37 procent.", "Andelen ökade från 30 till 37 procent."
    ).found == [
        "30 %",
        "37 %",
    ]
    assert compare_numbers("Nästan hälften försvann.", "45 procent försvann.").found
    assert compare_numbers("Hälften försvann.", "45 procent försvann.").conflict
    # a share out of more than ten may hold a percentage but never rivals an amount
    outcome = compare_numbers(
        "Väntan blev längre i 21 av de 31 förloppen.", "Förloppen täcker ca 95 procent; 21 av 31 blev längre."
    )
    assert not outcome.conflict
    # "stycken" is a plain count
    assert compare_numbers("Väntan minskade i tio förlopp.", "Väntan minskade avseende 6 stycken förlopp.").conflict


def test_number_words_written_as_one_word_and_fractions() -> None:
    from textsamverkan.claims.quantities import parse_number

    assert [parse_number(w) for w in ("femtiotusen", "tvåhundrafemtio", "tjugofem", "sexton")] == [50000, 250, 25, 16]
    assert compare_numbers("Garaget kostar femtiotusen kronor.", "Garaget kostar 50 000 kronor.").found
    assert compare_numbers("En fjärdedel av kommunerna svarade.", "25 procent av kommunerna svarade.").found
    assert compare_numbers("Var tredje patient väntade.", "33 procent av patienterna väntade.").found
    assert compare_numbers("Varannan kommun svarade.", "30 procent av kommunerna svarade.").conflict


def test_steg_is_a_rise() -> None:
    outcome = compare_direction("Anmälningarna steg med 40 procent.", "Anmälningarna ökade med 40 procent.")
    assert outcome.found == ["steg"] and not outcome.conflict
