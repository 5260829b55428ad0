"""Round 10 of the claim verifier: which passage may call a statement contradicted, and words that only look like
organisations."""

from __future__ import annotations

from textsamverkan.claims.reasons.entities import compare_entities, entities
from textsamverkan.claims.verdict import judge, judge_evidence, overall

STATEMENT = "Socialstyrelsen ska redovisa hur pengarna har använts senast den 31 oktober 2022."
OTHER_EVENT = "Regionerna ska redovisa hur pengarna har använts senast den 31 mars 2022."
SAME_EVENT = "Socialstyrelsen ska redovisa hur pengarna har använts senast den 31 mars 2022."
UNDATED = "Socialstyrelsen ska redovisa hur pengarna har använts."


def test_a_passage_with_another_date_and_another_actor_is_another_event_not_a_contradiction() -> None:
    other, undated = judge(STATEMENT, OTHER_EVENT), judge(STATEMENT, UNDATED)
    assert other.verdict == "contradicted" and set(other.reasons["conflict"]) == {"date", "entity"}
    assert undated.verdict == "partly"
    assert overall([other, undated], [0.6, 0.6]) == ("partly", 1)


def test_when_every_candidate_is_another_event_the_verdict_is_still_contradicted() -> None:
    other = judge(STATEMENT, OTHER_EVENT)
    assert overall([other], [0.6]) == ("contradicted", 0)


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


# --- antonyms that carry content of their own ------------------------------------------------------------------------
def test_an_antonym_in_the_evidence_contradicts_the_statement() -> None:
    cases = [
        ("Vetenskapsrådet ska permanent förstärka Kliniska studier Sverige.",
         "Vetenskapsrådet ska tillfälligt förstärka Kliniska studier Sverige.", ["permanent", "tillfälligt"]),
        ("Arbetsmiljöverket fick i uppdrag att skärpa reglerna om CE-märkning.",
         "Arbetsmiljöverket fick i uppdrag att lätta på reglerna om CE-märkning.", ["skärpa", "lätta på"]),
        ("Personalen får utbilda sig till undersköterska på sin fritid.",
         "Personalen får utbilda sig till undersköterska på arbetstid.", ["fritid", "arbetstid"]),
        ("Den 5 februari hade 910 personer avlidit i smittan.",
         "Den 5 februari hade 910 personer tillfrisknat från smittan.", ["avlidit", "tillfrisknat"]),
    ]  # fmt: skip
    for statement, evidence, pair in cases:
        verdict, _confidence, reasons = judge_evidence(statement, evidence, evidence)
        assert verdict == "contradicted", statement
        assert reasons["conflict"]["direction"] == [pair]


def test_an_antonym_the_evidence_does_not_speak_to_is_missing_content() -> None:
    verdict, _confidence, reasons = judge_evidence(
        "Vetenskapsrådet ska permanent förstärka Kliniska studier Sverige.",
        "Vetenskapsrådet ska förstärka Kliniska studier Sverige.",
    )
    assert verdict == "partly" and reasons["missing"] == ["permanenta"] and "conflict" not in reasons


def test_evidence_that_holds_both_poles_and_the_statements_word_is_no_conflict() -> None:
    verdict, _confidence, reasons = judge_evidence(
        "Socialstyrelsen ska analysera om besöksförbudet på äldreboenden borde upphöra.",
        "Socialstyrelsen ska analysera om besöksförbudet på äldreboenden bör fortsätta eller om förbudet bör upphöra.",
    )
    assert "conflict" not in reasons and verdict == "supported"


def test_easy_is_not_a_lighter_rule() -> None:
    _verdict, _confidence, reasons = judge_evidence(
        "Stödet gäller delar av utbildningen som är lätta att genomföra.",
        "Stödet gäller delar av utbildningen som är svåra att genomföra.",
    )
    assert reasons["conflict"]["direction"] == [["lätta", "svåra"]]


# --- a restriction the evidence does not make ------------------------------------------------------------------------
def test_a_restriction_added_to_a_true_claim_is_missing() -> None:
    evidence = "Medlen utbetalas av Kammarkollegiet till samtliga regioner under december månad 2020."
    verdict, _confidence, reasons = judge_evidence(
        "Pengarna betalas ut till regionerna i december 2020, men bara till de regioner som har ansökt.", evidence
    )
    assert verdict == "partly" and "men bara" in reasons["missing"]


def test_a_restriction_the_evidence_makes_is_found() -> None:
    evidence = "Avtalet ska i detta steg vara begränsat till personer som är folkbokförda i Sverige."
    _verdict, _confidence, reasons = judge_evidence(
        "Avtalet gäller personer i Sverige, men bara de som är folkbokförda.", evidence
    )
    assert "men bara" not in reasons.get("missing", [])
