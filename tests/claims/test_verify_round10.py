"""Round 10 of the claim verifier: which passage may call a statement contradicted, and words that only look like
organisations."""

from __future__ import annotations

from textsamverkan.claims.reasons.entities import compare_entities, entities
from textsamverkan.claims.verdict import judge, overall

STATEMENT = "Socialstyrelsen ska redovisa hur pengarna har använts senast den 31 oktober 2022."
OTHER_EVENT = "Regionerna ska redovisa hur pengarna har använts senast den 31 mars 2022."
SAME_EVENT = "Socialstyrelsen ska redovisa hur pengarna har använts senast den 31 mars 2022."
UNDATED = "Socialstyrelsen ska redovisa hur pengarna har använts."


def test_a_passage_with_another_date_and_another_actor_is_another_event_not_a_contradiction() -> None:
    other, undated = judge(STATEMENT, OTHER_EVENT), judge(STATEMENT, UNDATED)
    assert other.verdict == "contradicted" and set(other.reasons["conflict"]) == {"date", "entity"}
    assert undated.verdict == "partly"
    assert overall([other, undated], [0.6, 0.6]) == ("partly", 1)


def test_the_same_actor_with_another_date_still_contradicts() -> None:
    same, undated = judge(STATEMENT, SAME_EVENT), judge(STATEMENT, UNDATED)
    assert set(same.reasons["conflict"]) == {"date"}
    assert overall([same, undated], [0.6, 0.6]) == ("contradicted", 0)


def test_a_store_or_a_set_of_rules_is_no_organisation() -> None:
    text = "Vi byggde ett akutförråd, följde regelverket och höll samrådet med Socialstyrelsen och Tandvårdsrådet."
    assert [e.text for e in entities(text) if e.kind == "actor"] == ["Socialstyrelsen", "Tandvårdsrådet"]
    statement = "Kommunerna har diskuterat att bygga upp ett akutlager tillsammans med Västra Götalandsregionen."
    evidence = "Vi pratade om att bygga upp ett akutförråd tillsammans med Västra Götalandsregionen."
    outcome = compare_entities(statement, evidence, evidence)
    assert not outcome.conflict and outcome.missing == ["Kommunerna"]
