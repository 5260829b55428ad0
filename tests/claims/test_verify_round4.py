"""Claim verification, fourth round: the bundled thesaurus, synonyms of compound parts, another kind of the same thing,
thirds of a month, acronyms spelt out, Sweden as "landet", and function words that are no stems — on small Swedish
examples."""

from __future__ import annotations

from textsamverkan.claims.reasons.content import compare_content, synonyms
from textsamverkan.claims.reasons.dates import compare_dates
from textsamverkan.claims.reasons.entities import compare_entities, spelt_out
from textsamverkan.claims.verdict import judge_evidence


def test_thesaurus_credits_a_synonym_both_ways_but_not_a_synonym_of_a_synonym() -> None:
    table = synonyms()
    assert "överenskommelse" in table["avtal"] and "avtal" in table["överenskommelse"]
    verdict, _c, reasons = judge_evidence(
        "Socialstyrelsen får sluta avtal med Norge om ansiktsmasker.",
        "Socialstyrelsen får ingå en överenskommelse med Norge om ansiktsmasker.",
    )
    assert "avtal" in reasons["found"]["content"]
    assert verdict in ("supported", "partly")  # "sluta" (enter into) is a verb the thesaurus does not pair
    # not transitive: a headword's synonyms are not each other's synonyms unless listed
    assert all(word in table for word in table["avtal"])


def test_a_compound_part_is_found_through_its_synonym() -> None:
    outcome, coverage = compare_content("En delrapport lämnas i oktober.", "En delredovisning lämnas i oktober.")
    assert "delrapport" in outcome.found and coverage == 1.0
    # a short part has too many senses to be matched through synonyms
    _outcome, coverage = compare_content("Vi köpte en barnvagn.", "Vi köpte en vagn till ungarna.")
    assert coverage == 0.75  # "köpa" and half of "barnvagn" (its head): "barn" ~ "ungar" is not taken for a part


def test_another_kind_of_the_same_thing_is_missing_not_found() -> None:
    outcome, _ = compare_content(
        "Anställda fick utbilda sig till sjuksköterskor.", "Anställda fick utbilda sig till undersköterskor."
    )
    assert "sjuksköterska" in outcome.missing
    # the head alone still counts when no other kind is named
    outcome, _ = compare_content("Tre sjuksköterskor anställdes.", "Tre sköterskor anställdes.")
    assert "sjuksköterska" in outcome.found


def test_function_words_are_not_stems() -> None:
    # "med" and "man" used to match "medicin"/"medel" and "mankera" as if they were their stems
    outcome, _ = compare_content("Det saknas läkemedel.", "Det är viktigt att man arbetar med sjukvården.")
    assert "läkemedel" in outcome.missing


def test_thirds_of_a_month_agree_with_the_days_in_them() -> None:
    assert compare_dates("Rapporten lämnas i slutet av april 2021.", "senast den 30 april 2021").found
    assert compare_dates("Rapporten lämnas i mitten av oktober.", "senast den 15 oktober").found
    assert compare_dates("Rapporten lämnas i början av maj.", "senast den 7 maj").found
    conflict = compare_dates("Rapporten lämnas i slutet av april 2021.", "senast den 10 april 2021").conflict
    assert conflict == [("slutet av april 2021", "10 april 2021")]
    # the words of the period are the date check's, not missing content
    verdict, _c, reasons = judge_evidence(
        "Uppdraget redovisas i mitten av december 2020.", "Uppdraget ska redovisas senast den 15 december 2020."
    )
    assert verdict == "supported", reasons


def test_an_acronym_is_found_where_it_is_spelt_out() -> None:
    assert spelt_out("MSB", "tillsammans med Myndigheten för samhällsskydd och beredskap.")
    assert spelt_out("SKR", "Sveriges Kommuner och Regioner")
    assert spelt_out("UD", "Utrikesdepartementet meddelar")
    assert not spelt_out("SKR", "socialstyrelsen kommer regelbundet")  # the first word must be a name
    assert not spelt_out("MSB", "Folkhälsomyndigheten och Socialstyrelsen")
    outcome = compare_entities(
        "Socialstyrelsen samarbetar med SKR.", "Socialstyrelsen ska ha dialog med Sveriges Kommuner och Regioner."
    )
    assert outcome.found == ["Socialstyrelsen", "SKR"] and not outcome.missing


def test_sweden_is_found_as_the_country_the_text_speaks_of() -> None:
    outcome = compare_entities("Sverige ska ha tillgång till utrustning.", "säkra landets tillgång till utrustning")
    assert outcome.found == ["Sverige"]
    assert compare_entities("Norge ska ha tillgång till utrustning.", "säkra landets tillgång").missing == ["Norge"]


def test_a_clause_sharing_only_a_claimless_verb_still_counts_for_polarity() -> None:
    """"skedde" carries no claim of its own, but "Så skedde aldrig" is the clause the statement's "aldrig" agrees
    with."""
    from textsamverkan.claims.reasons.negation import compare_negation

    statement = "Det skedde aldrig, trots det ökade behovet av åtgärder mot utsläppen."
    evidence = "Så skedde aldrig, trots det alltmer ökade behovet av åtgärder för att minska utsläppen."
    outcome = compare_negation(statement, evidence)
    assert not outcome.conflict and outcome.found == ["aldrig"]


def test_a_month_has_its_season_and_half_of_the_year() -> None:
    assert compare_dates("Förbudet gäller sedan hösten 2020.", "sedan mars 2020").conflict
    assert compare_dates("Förbudet gäller sedan våren 2020.", "sedan mars 2020").found
    assert compare_dates("Vaccinet godkänns andra halvåret 2021.", "under det första halvåret av 2021").conflict
    assert compare_dates("Vaccinet godkänns andra halvåret 2021.", "i oktober 2021").found


def test_two_bounds_must_agree_exactly_a_bound_and_a_number_approximately() -> None:
    from textsamverkan.claims.reasons.numbers import compare_numbers

    assert compare_numbers("gäller upp till 65 års ålder", "gäller upp till 67 års ålder").conflict
    assert compare_numbers("gäller upp till 67 års ålder", "gäller upp till 67 års ålder").found
    assert compare_numbers("över 10 000 personer dog", "10 400 personer dog").found


def test_an_amount_is_held_only_by_one_that_counts_the_same_thing() -> None:
    from textsamverkan.claims.reasons.numbers import compare_numbers

    evidence = "Fyra av tio som ringer är nöjda, och i genomsnitt två samtal om dagen gäller självmordstankar."
    outcome = compare_numbers("I genomsnitt tio samtal om dagen gäller självmordstankar.", evidence)
    assert outcome.conflict == [("10", "2")] and not outcome.found
    assert compare_numbers("I genomsnitt två samtal om dagen gäller självmordstankar.", evidence).found == ["2"]
