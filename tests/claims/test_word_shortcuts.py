"""Shortcuts that read a word once or compare only words that can match give the answers the full reading gave."""

from __future__ import annotations

from textsamverkan.claims.reasons.direction import prefix_antonyms
from textsamverkan.claims.reasons.entities import entities


def test_a_negated_word_is_paired_with_the_first_evidence_word_that_denies_it() -> None:
    statement = "Dörren var låst hela natten."
    assert prefix_antonyms(statement, "Dörrarna var olåsta, och dörren var olåst hela natten.") == [("låst", "olåsta")]
    assert prefix_antonyms(statement, "Dörren var olåst hela natten, och dörrarna var olåsta.") == [("låst", "olåst")]
    # the plain word in the evidence and the negated one in the statement
    assert prefix_antonyms("Det var ovanligt i fjol.", "Det var vanligt i fjol.") == [("ovanligt", "vanligt")]
    # the evidence holds the word itself in another inflection: no antonym, whatever else it holds
    assert prefix_antonyms("Dörren var låst.", "Dörren var låsta men grinden olåst.") == []


def test_a_lower_case_word_names_the_same_wherever_it_stands() -> None:
    named = [("region", "Skåne"), ("actor", "kommun")]
    assert [(e.kind, e.key) for e in entities("Vi besökte skånska vårdcentraler med kommunen.")] == named
    assert [(e.kind, e.key) for e in entities("skånska vårdcentraler besöktes av kommunen.")] == named
    assert [(e.kind, e.key) for e in entities("Stödet gick till norska och danska kommuner.")] == [
        ("country", "norge"), ("country", "danmark"), ("actor", "kommun"),
    ]  # fmt: skip
