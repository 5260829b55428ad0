"""Claim verification, sixth round: number words and measuring units belong to the number check, a verb's -ning noun
after a stem ending in n, a direction word judged by what it is said of, and candidates ordered by their best
evidence — each on small Swedish examples."""

from __future__ import annotations

from fake_linker import fake_linker

from textsamverkan.claims.reasons.content import compare_content
from textsamverkan.claims.reasons.direction import compare_direction
from textsamverkan.claims.reasons.numbers import number_words
from textsamverkan.claims.verdict import judge_evidence


def test_number_words_and_measuring_units_are_not_content() -> None:
    assert {"fyrtiotusen", "kilometer"} <= number_words("Runt fyrtiotusen barn bor mer än 20 kilometer bort.")
    # what is counted stays a content word: "30 patienter" is not "30 läkare"
    assert "patienter" not in number_words("Det var 30 patienter.")
    verdict, _c, reasons = judge_evidence(
        "Runt fyrtiotusen barn har mer än 20 kilometer till skolan.",
        "Omkring 40 000 barn har över två mil till skolan.",
    )
    assert verdict == "supported", reasons
    verdict, _c, reasons = judge_evidence("Det var 30 läkare på plats.", "Det var 30 patienter på plats.")
    assert verdict != "supported", reasons


def test_verb_matches_its_ning_noun_when_the_stem_ends_in_n() -> None:
    outcome, _coverage = compare_content("Myndigheten ska samordna arbetet.", "Myndigheten får en samordningsroll.")
    assert "samordna" in outcome.found


def test_a_direction_word_is_judged_by_what_it_is_said_of() -> None:
    evidence = "Vi kan göra mycket mer tillsammans, jobba hälsofrämjande för att minska behovet av sjukhusvård."
    outcome = compare_direction("Hälsofrämjande arbete ska öka behovet av sjukhusvård.", evidence)
    assert outcome.conflict == [("öka", "minska")]
    # the same pole said of the same thing is found
    outcome = compare_direction("Hälsofrämjande arbete ska minska behovet av sjukhusvård.", evidence)
    assert outcome.found == ["minska"] and not outcome.conflict


def test_direction_scope_stops_at_the_clause_and_yields_to_the_statements_own_word() -> None:
    # "vuxit" is said of the queues, not of the share ("och" ends its clause)
    evidence = "Vårdköerna har vuxit och andelen patienter som fått vård inom vårdgarantins gränser har sjunkit."
    assert not compare_direction("En mindre andel patienter får vård inom vårdgarantins gränser.", evidence).conflict
    assert compare_direction("Andelen som fått vård inom vårdgarantins gränser har ökat.", evidence).conflict
    # the evidence says the statement's own word elsewhere: "positiva" is found though "tester" are "negativa"
    evidence = "De flesta tester har varit negativa, och som värst var drygt 15 % positiva."
    assert not compare_direction("Som mest var drygt 15 procent av testerna positiva.", evidence).conflict
    # a statement with both poles on the axis is left to the counting rule
    evidence = "Länsstyrelserna ska föreslå hur man kan minska risken för att öka spridningen av smitta."
    assert not compare_direction("De ska visa hur risken för ökad smittspridning kan minskas.", evidence).conflict


def test_candidates_are_ordered_by_their_best_evidence() -> None:
    statement = "Sedan vecka 17 har kommunens personal testats regelbundet."
    turn = (
        "Vi har haft ett tufft år. Många har jobbat dubbelt. Från vecka 17 har vi testat kommunal personal "
        "regelbundet. Det har gett trygghet, men också oro bland de anställda och deras familjer."
    )
    lines = ["Kontakt: kommunens växel.", "Personal sökes till kommunens äldreboende.", turn]
    cosines = [0.6, 0.55, 0.3]  # the short lines look closer to the statement as a whole
    result = fake_linker(lines, cosines).link(statement, k=2)
    assert result.supports[0].doc_id == "2"
    assert result.verdict == "supported"
    assert result.supports[0].score < result.supports[1].score  # the ranking score itself is unchanged
