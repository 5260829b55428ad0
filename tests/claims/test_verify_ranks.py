"""Ranks are amounts of their own: "världens fjärde största ekonomi" is contradicted by "tredje största", "näst
största" by "största"; an ordinal that ranks nothing ("i första hand", "var tredje", "första april") is no rank and
is never missing. Also a refusal is the opposite of a grant, and "tillfällig" restates "tidsbegränsad"."""

from __future__ import annotations

from textsamverkan.claims.reasons.ranks import rank_conflicts, ranks
from textsamverkan.claims.verdict import judge_evidence

ECONOMY = "Tyskland är en av Sveriges viktigaste handelspartner och världens fjärde största ekonomi."


def test_another_place_in_a_ranking_contradicts() -> None:
    verdict, _c, reasons = judge_evidence(
        "Tyskland är en av Sveriges viktigaste handelspartner och världens tredje största ekonomi.", ECONOMY
    )
    assert verdict == "contradicted"
    assert ["tredje största", "fjärde största"] in reasons["conflict"]["number"]
    same = "Tyskland, världens fjärde största ekonomi, är en av Sveriges viktigaste handelspartner."
    assert judge_evidence(same, ECONOMY)[0] == "supported"


def test_second_largest_is_not_the_largest() -> None:
    assert rank_conflicts("världens näst största flyktingmottagarland", "världens största flyktingmottagarland") == [
        ("näst största", "största")
    ]
    _verdict, _c, reasons = judge_evidence(
        "Abort är tillåtet fram till den tolfte graviditetsveckan.",
        "Kvinnor har rätt till medicinsk abort fram till den nionde graviditetsveckan.",
    )
    assert ["tolfte graviditetsveckan", "nionde graviditetsveckan"] in reasons["conflict"]["number"]


def test_ordinals_that_rank_nothing() -> None:
    assert ranks("I första hand ska vart tredje boende få besök den första april.") == ()
    assert ranks("De andra regionerna följde efter.") == ()  # "andra" is "other" unless it ranks a superlative
    assert [r.place for r in ranks("Region Norr hamnade på andra plats.")] == [2]
    # a rank the evidence does not speak of is not missing
    verdict, _c, _r = judge_evidence(
        "Regionen prioriterar i första hand de äldsta patienterna.", "Regionen prioriterar de äldsta patienterna."
    )
    assert verdict == "supported"


def test_a_refusal_is_no_grant_and_temporary_is_time_limited() -> None:
    verdict, _c, reasons = judge_evidence(
        "Efter valet har landet vägrat uppehållstillstånd för personer från Belarus.",
        "Efter valet har landet beviljat uppehållstillstånd för personer från Belarus.",
    )
    assert verdict == "contradicted", reasons
    verdict, _c, reasons = judge_evidence(
        "Propositionen föreslår ett tillfälligt tilläggsbidrag inom bostadsbidraget för barnfamiljer.",
        "I propositionen föreslås att ett tidsbegränsat tilläggsbidrag införs inom bostadsbidraget till barnfamiljer.",
    )
    assert verdict == "supported", reasons
