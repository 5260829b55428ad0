"""Round 15 of the claim verifier: two values in the opposite order, antonyms of size, order in a series, start and
end, and a kind of thing swapped for another kind that the learned verifier must not read as said in other words."""

from __future__ import annotations

from textsamverkan.claims.reasons.order import compare_order, ordered_pairs
from textsamverkan.claims.verdict import assess, judge_evidence

BEDS = "Enligt förslaget ska antalet vårdplatser minska från 120 till 80 under nästa år."
VISITS = "Besöksförbudet ska nu upphöra den 15 juni i stället för den 15 maj."


def test_two_values_in_the_opposite_order_conflict() -> None:
    verdict, _c, reasons = judge_evidence("Antalet vårdplatser ska gå upp från 80 till 120 nästa år.", BEDS)
    assert verdict == "contradicted"
    assert reasons["conflict"]["order"] == [["från 80 till 120", "från 120 till 80"]]
    verdict, _c, reasons = judge_evidence("Besöksförbudet upphör den 15 maj i stället för den 15 juni.", VISITS)
    assert verdict == "contradicted" and "order" in reasons["conflict"]
    # the same order is found, however it is said: "new i stället för old" is "från old till new"
    assert ordered_pairs("80 vårdplatser i stället för 120") == (("120", "80", "80 vårdplatser i stället för 120"),)
    assert compare_order("Vårdplatserna blir 80 i stället för 120.", BEDS).found == ["80 i stället för 120"]
    assert judge_evidence("Vårdplatserna ska minska från 120 till 80 nästa år.", BEDS)[0] == "supported"


def test_a_pair_the_evidence_does_not_order_is_not_judged() -> None:
    outcome = compare_order("Kostnaden gick från 32 till 49 miljoner kronor.", "Kostnaden var 32 miljoner kronor 2016.")
    assert outcome.conflict == [] and outcome.found == []


def test_antonyms_of_size_order_and_start() -> None:
    evidence = "Förväntningarna var stora på att den nya journalen skulle göra arbetet smidigare."
    verdict, _c, reasons = judge_evidence("Förväntningarna var små på att den nya journalen skulle hjälpa.", evidence)
    assert verdict == "contradicted" and reasons["conflict"]["direction"] == [["små", "stora"]]
    evidence = "Det senaste kända utbrottet på boendet var i mars 2021."
    assert judge_evidence("Det första kända utbrottet på boendet var i mars 2021.", evidence)[0] == "contradicted"
    evidence = "Vaccinationen av de boende ska avslutas den 1 mars."
    assert judge_evidence("Vaccinationen av de boende ska börja den 1 mars.", evidence)[0] == "contradicted"


def test_entry_into_force_said_in_other_words_is_found() -> None:
    evidence = "Lagen föreslås träda i kraft den 1 juli 2021 och upphöra att gälla den 31 december 2021."
    statement = "Lagen ska börja gälla den 1 juli 2021 och sluta gälla den 31 december 2021."
    assert judge_evidence(statement, evidence)[0] == "supported"
    ended = "Lagen upphör att gälla den 31 december 2021."
    assert judge_evidence("Lagen ska börja gälla den 31 december 2021.", ended)[0] == "contradicted"


def test_another_kind_of_the_same_thing_is_not_left_to_the_learned_verifier() -> None:
    evidence = "För att klara vården krävs det att bomullsförklädena tvättas i 90 grader efter varje pass."
    statement = "För att klara vården krävs det att plastförklädena tvättas i 90 grader efter varje pass."
    verdict, _c, reasons, words_only = assess(statement, evidence, evidence)
    assert verdict == "partly" and "plastförkläde" in reasons["missing"] and not words_only
    # a verb's particle names no kind: "uppdelade" is not a rival of "fördelade"
    evidence = "Rekommendationerna är fördelade i fyra faser som ligger till grund för planen."
    statement = "Rekommendationerna, uppdelade i fyra faser, ligger till grund för planen."
    assert judge_evidence(statement, evidence)[0] == "supported"
