"""Round 23 of the claim verifier: a statement about all of something against evidence that names only a part
("samtliga kommuner" against "sex av tio kommuner", "varav 27")."""

from __future__ import annotations

from textsamverkan.claims.reasons.scope import scope_conflicts
from textsamverkan.claims.verdict import judge_evidence


def test_all_against_a_share_of_them_conflicts() -> None:
    evidence = "Granskningen visar att sju av tio kommuner saknar en plan för värmeböljor på äldreboendena."
    statement = "Enligt granskningen saknar samtliga kommuner en plan för värmeböljor på äldreboendena."
    verdict, _c, reasons = judge_evidence(statement, evidence)
    assert verdict == "contradicted"
    assert reasons["conflict"]["number"] == [["samtliga kommuner", "sju av tio kommuner"]]


def test_all_against_varav_conflicts() -> None:
    evidence = "I länet finns 15 vårdcentraler, varav 9 har en egen mottagning för barn och unga."
    statement = "Länets 15 vårdcentraler har alla en egen mottagning för barn och unga."
    verdict, _c, reasons = judge_evidence(statement, evidence)
    assert verdict == "contradicted" and ["alla", "varav 9"] in reasons["conflict"]["number"]


def test_a_partitive_word_before_the_same_thing_conflicts() -> None:
    assert scope_conflicts("Alla regioner har infört digitala vårdbesök.", "Flera regioner har infört digitala vårdbesök.")


def test_a_whole_said_another_way_is_no_conflict() -> None:
    # a number may be all of them; evidence that says all itself; a hedged or denied universal claims no whole
    assert not scope_conflicts("Alla regioner har fått tester.", "De 21 regionerna har fått tester.")
    assert not scope_conflicts("Alla regioner har fått tester.", "Samtliga 21 regioner har fått tester, varav 3 sent.")
    assert not scope_conflicts("Nästan alla kommuner har en plan.", "De flesta kommuner har en plan.")
    assert not scope_conflicts("Inte alla kommuner har en plan.", "Sju av tio kommuner har en plan.")
    assert not scope_conflicts("Alla kommuner har en plan.", "Kommunerna har en plan, varav framgår att de är förberedda.")
    verdict, _c, _r = judge_evidence(
        "Det har blivit vanligare att samtliga medarbetare får en introduktion i basala hygienrutiner.",
        "Allt fler verksamheter ger alla medarbetare en introduktion i basala hygienrutiner.",
    )
    assert verdict != "contradicted"
