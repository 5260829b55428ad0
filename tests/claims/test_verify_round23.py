"""Round 23 of the claim verifier: a statement about all of something against evidence that names only a part
("samtliga kommuner" against "sex av tio kommuner", "varav 27")."""

from __future__ import annotations

import pytest

from textsamverkan.claims.reasons.scope import scope_conflicts
from textsamverkan.claims.verdict import judge_evidence


def test_all_against_a_share_of_them_conflicts() -> None:
    evidence = "Granskningen visar att sju av tio kommuner saknar en plan för värmeböljor på äldreboendena."
    statement = "Enligt granskningen saknar samtliga kommuner en plan för värmeböljor på äldreboendena."
    verdict, _c, reasons = judge_evidence(statement, evidence)
    assert verdict == "contradicted"
    assert reasons["conflict"]["number"] == [["samtliga kommuner", "sju av tio kommuner"]]


@pytest.mark.parametrize(
    ("statement", "evidence", "conflict"),
    [
        ("Länets 15 vårdcentraler har alla en egen mottagning för barn och unga.",
         "I länet finns 15 vårdcentraler, varav 9 har en egen mottagning för barn och unga.", ["alla", "varav 9"]),
        # "12 av dessa" is a part; "hela 12" only stresses an amount, no whole
        ("Inspektionen besökte 40 boenden, och samtliga saknade en rutin för fallprevention.",
         "Inspektionen besökte 40 boenden, och hela 12 av dessa saknade en rutin för fallprevention.",
         ["samtliga", "12 av dessa"]),
    ],
)  # fmt: skip
def test_all_against_a_part_of_them_said_as_varav_or_n_of_these(
    statement: str, evidence: str, conflict: list[str]
) -> None:
    verdict, _c, reasons = judge_evidence(statement, evidence)
    assert verdict == "contradicted" and conflict in reasons["conflict"]["number"]


def test_a_partitive_word_before_the_same_thing_conflicts() -> None:
    statement, evidence = "Alla regioner har infört digitala besök.", "Flera regioner har infört digitala besök."
    assert scope_conflicts(statement, evidence) == [("Alla regioner", "Flera regioner")]


def test_a_whole_said_another_way_is_no_conflict() -> None:
    # a number may be all of them; evidence that says all itself; a hedged or denied universal claims no whole
    assert not scope_conflicts("Alla regioner har fått tester.", "De 21 regionerna har fått tester.")
    assert not scope_conflicts("Alla regioner har fått tester.", "Samtliga 21 regioner har fått tester, varav 3 sent.")
    assert not scope_conflicts("Nästan alla kommuner har en plan.", "De flesta kommuner har en plan.")
    assert not scope_conflicts("Inte alla kommuner har en plan.", "Sju av tio kommuner har en plan.")
    assert not scope_conflicts("Alla kommuner har en plan.", "Kommunerna har en plan, varav framgår att de är redo.")
    verdict, _c, _r = judge_evidence(
        "Det har blivit vanligare att samtliga medarbetare får en introduktion i basala hygienrutiner.",
        "Allt fler verksamheter ger alla medarbetare en introduktion i basala hygienrutiner.",
    )
    assert verdict != "contradicted"


def test_a_country_or_region_is_found_in_its_adjective() -> None:
    from textsamverkan.claims.reasons.entities import entities
    from textsamverkan.claims.reasons.words import demonym

    # made from the country's name, not listed: "bulgar|ien" → "bulgar|isk", "afghan|istan" → "afghan|sk"
    assert [demonym(w) for w in ("bulgariska", "afghanska", "australiensisk", "marockanska")] == [
        "bulgarien", "afghanistan", "australien", "marocko"
    ]  # fmt: skip
    assert [demonym(w) for w in ("politiska", "medicinska", "nordiska", "europeiska")] == [None, None, None, None]
    verdict, _c, reasons = judge_evidence(
        "Regionen köpte testerna av en leverantör i Bulgarien.", "Regionen köpte testerna av en bulgarisk leverantör."
    )
    assert verdict == "supported" and "Bulgarien" in reasons["found"]["entity"]
    assert ("country", "usa") in {(e.kind, e.key) for e in entities("ett spansk-amerikanskt bolag")}
    assert ("region", "Skåne") in {(e.kind, e.key) for e in entities("längs den skånska sydkusten")}
    # first in a sentence too, before a common word
    assert ("region", "Skåne") in {(e.kind, e.key) for e in entities("Skånska kommuner fick fler vårdplatser.")}
    verdict, _c, reasons = judge_evidence(
        "Hemtjänsten i Hallands kommuner har fått nya larm.", "Hemtjänsten i de skånska kommunerna har fått nya larm."
    )
    assert verdict == "contradicted" and "entity" in reasons["conflict"]


def test_a_hyphen_inside_a_word_makes_no_other_word() -> None:
    verdict, _c, _r = judge_evidence(
        "Vårdhygien-enheten gav råd till samtliga boenden.", "Vårdhygienenheten gav råd till samtliga boenden."
    )
    assert verdict == "supported"
    verdict, _c, _r = judge_evidence(
        "Resultaten från Pisa-undersökningen kom i december.", "Resultaten från Pisaundersökningen kom i december."
    )
    assert verdict == "supported"


def test_longer_against_shorter_and_continued_against_paused() -> None:
    evidence = "Efter domen blev vårdtiden tre veckor kortare än planerat."
    verdict, _c, reasons = judge_evidence("Efter domen blev vårdtiden tre veckor längre än planerat.", evidence)
    assert verdict == "contradicted" and "direction" in reasons["conflict"]
    evidence = "Regionen pausade samarbetet med kommunen i mars."
    verdict, _c, reasons = judge_evidence("Regionen fortsatte samarbetet med kommunen i mars.", evidence)
    assert verdict == "contradicted" and "direction" in reasons["conflict"]
