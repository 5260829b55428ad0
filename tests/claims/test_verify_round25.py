"""Round 25 of the claim verifier: round numbers in words ("ett femtiotal"), "hälften så många" as a factor, more
antonyms, "båda" and "hela" as wholes against a part, a second whole the evidence does not repeat, and an inflected
compound split as its lemma."""

from __future__ import annotations

import pytest

from textsamverkan.claims.reasons.numbers import amounts
from textsamverkan.claims.reasons.scope import scope_conflicts
from textsamverkan.claims.verdict import judge_evidence


def test_a_round_number_in_words_is_an_approximate_amount() -> None:
    (amount,) = amounts("I projektet deltog ett femtiotal sjuksköterskor.")
    assert (amount.value, amount.approx) == (50.0, "omkring")
    evidence = "I projektet deltog ett femtiotal sjuksköterskor från tre kommuner."
    assert judge_evidence("Runt 50 sjuksköterskor från tre kommuner deltog i projektet.", evidence)[0] == "supported"
    verdict, _c, reasons = judge_evidence("I projektet deltog ett tiotal sjuksköterskor från tre kommuner.", evidence)
    assert verdict == "contradicted" and "number" in reasons["conflict"]


def test_half_as_many_is_a_factor_not_a_share() -> None:
    evidence = "Sedan 2019 har antalet inläggningar från boendet halverats."
    statement = "Sedan 2019 har det blivit hälften så många inläggningar från boendet."
    assert judge_evidence(statement, evidence)[0] == "supported"
    assert amounts("hälften av de anställda")[0].unit == "%"


@pytest.mark.parametrize(
    ("statement", "evidence"),
    [
        ("Bristen på sjuksköterskor har lindrats under året.", "Bristen på sjuksköterskor har förvärrats under året."),
        ("Hemtjänsten har svårare att hinna med när det är varmt.",
         "Hemtjänsten har svårare att hinna med när det är kallt."),
        ("De äldre skyddas i hög grad mot smitta på boendet.", "De äldre utsätts i hög grad för smitta på boendet."),
        ("Reglerna omfattar uttryckligen privata utförare av hemtjänst.",
         "Reglerna undantar uttryckligen privata utförare av hemtjänst."),
        ("Under hösten har smittspridningen på boendena intensifierats.",
         "Under hösten har smittspridningen på boendena minskat."),
    ],
)  # fmt: skip
def test_antonyms_of_this_round_conflict(statement: str, evidence: str) -> None:
    verdict, _c, reasons = judge_evidence(statement, evidence)
    assert verdict == "contradicted" and "direction" in reasons["conflict"]


def test_both_against_one_of_them_and_whole_against_a_part() -> None:
    assert scope_conflicts(
        "Båda sjuksköterskorna hade gått utbildningen i basala hygienrutiner.",
        "Två sjuksköterskor arbetade natten, och en av dem hade gått utbildningen i basala hygienrutiner.",
    ) == [("Båda", "en av dem")]
    assert scope_conflicts(
        "Hela bidraget på 40 miljoner gick till fler platser i hemsjukvården.",
        "Av bidraget på 40 miljoner gick bara 6 av dessa till fler platser i hemsjukvården.",
    ) == [("Hela", "6 av dessa")]
    # "hela tiden" and "hela 14 procent" claim no whole
    assert not scope_conflicts("Personalen byts ut hela tiden.", "Personalen byts ut, varav några varje vecka.")
    assert not scope_conflicts("Hela 14 procent av de anställda slutade.", "Av de anställda slutade 14 procent.")


def test_a_second_whole_the_evidence_does_not_repeat_conflicts_with_its_part() -> None:
    evidence = "Samtliga 60 boende vaccinerades i januari, varav 12 på sjukhuset."
    assert scope_conflicts("Samtliga 60 boende vaccinerades i januari, och alla på sjukhuset.", evidence) == [
        ("alla", "varav 12")
    ]
    # one whole each: the evidence's own "samtliga" answers the statement's "alla"
    assert not scope_conflicts("Alla 60 boende vaccinerades i januari, 12 av dem på sjukhuset.", evidence)


def test_an_inflected_compound_splits_as_its_lemma() -> None:
    from textsamverkan.claims.reasons.words import analyse

    assert analyse("skogsbränder").parts == ("skog", "brand")
    statement = "I somras brann ett trettiotal skogar i länet, och bränderna kostade kommunerna 40 miljoner."
    evidence = "I somras drabbades länet av ett trettiotal skogsbränder, som kostade kommunerna 40 miljoner."
    assert "brand" in judge_evidence(statement, evidence)[2]["found"]["content"]
