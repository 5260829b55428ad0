"""Round 27 of the claim verifier: "under" after a denial is a time unless only words of being stand between; an
authority's short name is found for its full name both ways, only as written; speech's fillers and spoken forms claim
nothing, and a denial repeated as a tag ("typ ingenting") is one denial."""

from __future__ import annotations

import pytest

from textsamverkan.claims.reasons.content import content_words
from textsamverkan.claims.reasons.cues import negations
from textsamverkan.claims.verdict import judge_evidence


def test_under_after_a_denied_verb_is_a_time_not_a_bound() -> None:
    statement = "Regeringen har inte gjort något alls under tre år för att stärka vården."
    evidence = "Regeringen har under tre år inte gjort något för att stärka vården."
    for one, other in ((statement, evidence), (evidence, statement)):
        verdict, _confidence, reasons = judge_evidence(one, other)
        assert verdict == "supported", reasons
        assert reasons["found"]["number"] == ["under 3 år"]


def test_under_after_a_denial_and_words_of_being_is_turned_over() -> None:
    verdict, _confidence, reasons = judge_evidence("Ingen får vara under 18 år.", "Alla måste vara minst 18 år.")
    assert verdict == "supported" and reasons["found"]["number"] == ["minst 18 år"]


@pytest.mark.parametrize(
    ("statement", "evidence"),
    [
        (
            "JO har kritiserat myndigheten för långa handläggningstider.",
            "Justitieombudsmannen har kritiserat myndigheten för långa handläggningstider.",
        ),
        (
            "Justitieombudsmannen har kritiserat myndigheten för långa handläggningstider.",
            "JO har kritiserat myndigheten för långa handläggningstider.",
        ),
    ],
)
def test_an_all_capital_short_name_and_the_full_name_are_one_authority(statement: str, evidence: str) -> None:
    verdict, _confidence, reasons = judge_evidence(statement, evidence)
    assert verdict == "supported", reasons


def test_a_short_name_that_is_also_a_word_of_speech_counts_only_as_written() -> None:
    statement = "Justitieombudsmannen har kritiserat myndigheten för långa handläggningstider."
    evidence = "Jo, han har kritiserat myndigheten för långa handläggningstider."
    verdict, _confidence, reasons = judge_evidence(statement, evidence)
    assert verdict != "supported" and "Justitieombudsmannen" in reasons["missing"]


def test_fillers_and_spoken_forms_are_no_content_words() -> None:
    spoken = "Ehm, asså, vi fick typ nånting sånt från regionen, mej veterligen, okej."
    assert [w.lemma for w in content_words(spoken)] == ["region", "veterligen"]


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("Vi fick liksom ingen hjälp från regionen, typ ingenting.", 1),
        ("Det hände inte, nej, inte alls.", 1),
        ("Ingen ringde. Ingen alls.", 1),
        ("Inte i Stockholm, inte i Göteborg.", 2),  # each stretch denies a place of its own
        ("Det är inte så att vi inte vill.", 2),
    ],
)
def test_a_denial_repeated_as_a_tag_is_one_denial(text: str, cues: int) -> None:
    assert len(negations(text)) == cues


def test_a_spoken_restatement_with_a_repeated_denial_is_supported() -> None:
    statement = "Alltså, vi fick liksom ingen hjälp från regionen under våren, typ ingenting."
    evidence = "Kommunen fick ingen hjälp av regionen under våren."
    verdict, _confidence, reasons = judge_evidence(statement, evidence)
    assert verdict == "supported", reasons
    assert judge_evidence(statement, "Kommunen fick hjälp av regionen under våren.")[0] == "contradicted"


@pytest.mark.parametrize(
    ("statement", "evidence", "verdict"),
    [
        ("Vi hade liksom en halvtimme på oss per besök.", "Varje besök fick ta 30 minuter.", "supported"),
        ("Vi hade en halvtimme på oss per besök.", "Varje besök fick ta 45 minuter.", "contradicted"),
        ("Besöken tog en kvart.", "Besöken tog 15 minuter.", "supported"),
        ("Besöken tog tre kvart.", "Besöken tog 15 minuter.", "contradicted"),
        ("Besöken tog en timme.", "Besöken tog 60 minuter.", "supported"),
        ("Besöken tog mer än en halvtimme.", "Besöken tog högst 30 minuter.", "contradicted"),
    ],
)
def test_a_period_said_in_words_is_a_time_in_hours(statement: str, evidence: str, verdict: str) -> None:
    assert judge_evidence(statement, evidence)[0] == verdict


def test_a_quarter_before_an_hour_is_a_time_of_day_not_a_period() -> None:
    from textsamverkan.claims.reasons.numbers import amounts

    assert amounts("Mötet började en kvart i tre.") == ()


def test_once_a_week_is_a_frequency_against_twice_a_week() -> None:
    verdict, _confidence, reasons = judge_evidence(
        "Sjuksköterskan kom en gång i veckan.", "Sjuksköterskan kom två gånger i veckan."
    )
    assert verdict == "contradicted"
    assert reasons["conflict"]["number"] == [["1 gång i veckan", "2 gånger i veckan"]]
    assert judge_evidence("Sjuksköterskan kom en gång i veckan.", "Sjuksköterskan kom en gång per vecka.")[0] == (
        "supported"
    )


@pytest.mark.parametrize("text", ["Hon kom en gång till.", "Det kom på en gång.", "Det var en gång en kommun."])
def test_once_without_a_rate_is_no_amount(text: str) -> None:
    from textsamverkan.claims.reasons.numbers import amounts

    assert amounts(text) == ()
