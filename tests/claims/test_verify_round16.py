"""Round 16 of the claim verifier: limits crossed the other way, help against hindrance, permission against a ban,
a superlative the evidence does not make, and approximations held to 15 %."""

from __future__ import annotations

from textsamverkan.claims.verdict import judge_evidence


def test_antonyms_of_limits_help_and_permission() -> None:
    evidence = "Ersättning betalas för de boenden vars kostnader överstiger 5 miljoner kronor om året."
    statement = "Ersättning betalas för de boenden vars kostnader understiger 5 miljoner kronor om året."
    verdict, _c, reasons = judge_evidence(statement, evidence)
    assert verdict == "contradicted" and reasons["conflict"]["direction"] == [["understiger", "överstiger"]]
    evidence = "Personalen menade att de nya rutinerna hindrar arbetet med de boende."
    assert judge_evidence("Personalen menade att de nya rutinerna underlättar arbetet med de boende.", evidence)[0] == (
        "contradicted"
    )
    evidence = "Från den 1 mars gäller förbudet att besöka boendet efter klockan 18.00."
    assert judge_evidence("Från den 1 mars tillåts besök på boendet efter klockan 18.00.", evidence)[0] == (
        "contradicted"
    )
    # a permission denied is a ban said in other words
    assert judge_evidence("Från den 1 mars är det inte tillåtet att besöka boendet efter klockan 18.00.", evidence)[
        0
    ] != "contradicted"


def test_a_superlative_the_evidence_does_not_make_is_salient() -> None:
    evidence = "Sepsis är en dödsorsak i regionen med cirka 400 döda om året."
    verdict, _c, reasons = judge_evidence("Sepsis är den vanligaste dödsorsaken i regionen.", evidence)
    assert verdict == "partly" and reasons["missing"] == ["vanlig"]
    assert judge_evidence("Sepsis är en dödsorsak i regionen.", evidence)[0] == "supported"


def test_an_approximation_is_held_to_fifteen_percent() -> None:
    evidence = "Korttidsboendet har minskat i antal platser och nådde 83 platser i augusti 2021."
    verdict, _c, reasons = judge_evidence("Korttidsboendet har i dag cirka 100 platser.", evidence)
    assert verdict == "contradicted" and reasons["conflict"]["number"] == [["cirka 100 platser", "83 platser"]]
    assert judge_evidence("Korttidsboendet har i dag cirka 90 platser.", evidence)[0] == "supported"
