"""Round 31 of the claim verifier: three misreadings. A year after "färre än" is a time compared with, not a bound of
an amount; "som mest" before an amount is a bound; and when a passage says both directions of words that begin
alike, what it says of the statement's own words decides."""

from __future__ import annotations

import pytest

from textsamverkan.claims.quantities import parse_quantities, than_year
from textsamverkan.claims.verdict import judge_evidence


def test_fewer_than_a_year_is_a_direction_against_more_than_it() -> None:
    verdict, _c, reasons = judge_evidence(
        "Antalet vårdplaceringar var 12 procent färre än 2021.",
        "Antalet vårdplaceringar var 12 procent fler än 2021.",
    )
    assert verdict == "contradicted", reasons
    assert reasons["conflict"]["direction"] == [["färre", "fler"]]
    assert "2021" in reasons["found"]["date"]


def test_fewer_than_a_year_restated_is_supported() -> None:
    verdict, _c, reasons = judge_evidence(
        "Vårdplaceringarna var 12 procent färre än 2021.",
        "Antalet vårdplaceringar var 12 procent färre än 2021.",
    )
    assert verdict == "supported", reasons


def test_a_year_compared_with_is_no_amount_but_a_counted_number_is() -> None:
    assert [q.value for q in parse_quantities("12 procent färre än 2021.")] == [12]
    assert [q.value for q in parse_quantities("fler än 2000 personer")] == [2000]
    assert than_year("färre än 2021 och", 5)
    assert not than_year("fler än 2000 personer", 4)


@pytest.mark.parametrize(("said", "bound"), [("som mest", "högst"), ("som högst", "högst"), ("som minst", "minst")])
def test_som_mest_before_an_amount_is_a_bound(said: str, bound: str) -> None:
    (quantity,) = parse_quantities(f"Bygget beräknas kosta {said} 40 miljoner kronor.")
    assert quantity.approx == bound


def test_at_most_against_at_least_the_same_amount_conflicts() -> None:
    verdict, _c, reasons = judge_evidence(
        "Ombyggnaden av boendet beräknas kosta som mest 40 miljoner kronor.",
        "Ombyggnaden av boendet beräknas kosta minst 40 miljoner kronor.",
    )
    assert verdict == "contradicted", reasons
    assert "number" in reasons["conflict"], reasons


def test_what_is_said_of_the_statements_own_words_decides_the_direction() -> None:
    # "läkare" and "läkartätheten" begin alike: the increase is said of the statement's own word
    evidence = "Trots att antalet läkare ökat under året är läkartätheten lägre än för tio år sedan."
    verdict, _c, reasons = judge_evidence("Antalet läkare har minskat under året.", evidence)
    assert verdict == "contradicted", reasons
    assert reasons["conflict"]["direction"] == [["minskat", "ökat"]]
    verdict, _c, reasons = judge_evidence("Antalet läkare har ökat under året.", evidence)
    assert verdict == "supported", reasons


@pytest.mark.parametrize(
    ("statement", "evidence"),
    [
        ("Distriktssköterskan kom varje dag.", "Distriktssköterskan kom varannan dag."),
        ("Rapporten lämnas varje månad till nämnden.", "Rapporten lämnas varannan månad till nämnden."),
        ("Distriktssköterskan kom dagligen.", "Distriktssköterskan kom en gång i veckan."),
        ("Distriktssköterskan kom varje dag.", "Distriktssköterskan kom på måndagar och torsdagar."),
        ("Han får besök två gånger om dagen.", "Han får besök varje dag."),
    ],
)
def test_another_frequency_contradicts(statement: str, evidence: str) -> None:
    verdict, _c, reasons = judge_evidence(statement, evidence)
    assert verdict == "contradicted", reasons
    assert "frequency" in reasons["conflict"], reasons


@pytest.mark.parametrize(
    ("statement", "evidence"),
    [
        ("Distriktssköterskan kom dagligen.", "Distriktssköterskan kom varje dag."),
        ("Nämnden får en rapport varje vecka.", "Nämnden får en rapport en gång i veckan."),
        ("Hygiensjuksköterskan svarade på frågor två gånger varje vecka.",
         "Hygiensjuksköterskan svarade på frågor två gånger i veckan."),
        ("Han får fyra besök dagligen och dusch varje fredag.", "Han får fyra besök om dagen och dusch varje fredag."),
        ("Rapporten lämnas vartannat år.", "Rapporten lämnas vartannat år till nämnden."),
    ],
)
def test_the_same_frequency_said_another_way_is_found(statement: str, evidence: str) -> None:
    verdict, _c, reasons = judge_evidence(statement, evidence)
    assert verdict == "supported", reasons
    assert reasons["found"]["frequency"], reasons


def test_a_frequency_said_of_something_else_is_no_conflict() -> None:
    # the evidence's rate is said of a clause that shares no word with the statement's
    verdict, _c, reasons = judge_evidence(
        "Distriktssköterskan besöker boendet varje dag.",
        "Distriktssköterskan besöker boendet, och läkaren ringer en gång i veckan.",
    )
    assert "frequency" not in reasons.get("conflict", {}), reasons
    assert verdict != "contradicted", reasons


def test_shares_and_prices_are_no_frequencies() -> None:
    from textsamverkan.claims.reasons.frequency import frequencies

    assert frequencies("Var fjärde kommun saknade lager.") == ()
    assert frequencies("Priset är 30 kronor per dag.") == ()
    assert [f.text for f in frequencies("Det var dag när vi kom, och hon kom varannan vecka.")] == ["varannan vecka"]


def test_none_of_them_is_all_of_them_against_a_part() -> None:
    verdict, _c, reasons = judge_evidence(
        "Ingen av hälsocentralerna har kunnat ordna läkarbesök inom en vecka.",
        "Tre av fem hälsocentraler har inte kunnat ordna läkarbesök inom en vecka.",
    )
    assert verdict == "contradicted", reasons
    assert reasons["conflict"]["number"] == [["Ingen av hälsocentraler", "Tre av fem hälsocentraler"]]


def test_none_of_them_restated_is_supported() -> None:
    verdict, _c, reasons = judge_evidence(
        "Ingen av hälsocentralerna har kunnat ordna läkarbesök inom en vecka.",
        "Ingen hälsocentral har kunnat ordna läkarbesök inom en vecka.",
    )
    assert verdict == "supported", reasons


def test_lag_pa_is_the_verb_ligga_not_low() -> None:
    from textsamverkan.claims.reasons.direction import poles

    assert poles("Täckningen låg på omkring 85 procent.") == ()
    assert poles("Kostnaden var låg på boendet.") == (("mängd", 1, "låg"),)
    verdict, _c, reasons = judge_evidence(
        "Täckningen var betydligt högre bland personalen än bland de boende, där den låg på omkring 85 procent.",
        "Täckningen var god bland de boende, runt åttiofem procent, men bland personalen var den betydligt lägre.",
    )
    assert verdict == "contradicted", reasons
