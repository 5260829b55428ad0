"""Round 18 of the claim verifier: a comparison turned round ("män … dubbelt så ofta som kvinnor" against "kvinnor …
som män") conflicts, while one said the other way about ("kommunen får mindre än regionen" for "regionen får mer än
kommunen") agrees."""

from __future__ import annotations

from textsamverkan.claims.reasons.order import ordered_pairs
from textsamverkan.claims.verdict import judge_evidence


def test_a_comparison_turned_round_conflicts() -> None:
    evidence = "Kvinnor är enligt Socialstyrelsen sjukskrivna i nästan dubbelt så hög utsträckning som män."
    statement = "Enligt Socialstyrelsen är män sjukskrivna i nästan dubbelt så hög utsträckning som kvinnor."
    verdict, _c, reasons = judge_evidence(statement, evidence)
    assert verdict == "contradicted" and "order" in reasons["conflict"]
    same = "Socialstyrelsen konstaterar att kvinnor är sjukskrivna nästan dubbelt så ofta som män."
    assert judge_evidence(same, evidence)[0] == "supported"
    evidence = "Kommunen tar ut 100 kronor mer per hemtjänsttimme än vad privata utförare får i ersättning."
    statement = "Privata utförare får 100 kronor mer per hemtjänsttimme än vad kommunen själv tar ut."
    assert judge_evidence(statement, evidence)[0] == "contradicted"


def test_a_comparison_said_the_other_way_about_is_the_same() -> None:
    assert [p[:2] for p in ordered_pairs("Kommunen får mindre än regionen.")] == [("region", "kommun")]
    assert [p[:2] for p in ordered_pairs("Regionen får mer än kommunen.")] == [("region", "kommun")]
    assert [p[:2] for p in ordered_pairs("Kvinnor vårdas hälften så ofta som män.")] == [("man", "kvinna")]
