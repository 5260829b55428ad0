"""Claim verification, seventh round: an organisation in the genitive or at the start of a sentence is still that
organisation, "flera" is no direction, a cause said in other words is found, a hyphenated compound has its pieces as
parts, a present-tense verb is a verb, a fraction is an amount and a number used as a label is found — each on small
Swedish examples."""

from __future__ import annotations

from textsamverkan.claims.reasons.content import compare_content
from textsamverkan.claims.reasons.direction import compare_direction
from textsamverkan.claims.reasons.entities import compare_entities, entities
from textsamverkan.claims.reasons.numbers import amounts, compare_numbers, number_words
from textsamverkan.claims.verdict import judge_evidence


def test_an_organisation_in_the_genitive_or_first_in_a_sentence_is_found() -> None:
    # "Socialstyrelsens" is Socialstyrelsen; "Arbetsmiljöverkets" first in a sentence is still an organisation
    outcome = compare_entities(
        "Barnen sov på skyddat boende, enligt Socialstyrelsen.",
        "Enligt Socialstyrelsens kartläggning bodde barnen på skyddat boende.",
    )
    assert outcome.found == ["Socialstyrelsen"] and not outcome.missing
    outcome = compare_entities(
        "Boendena fick anmärkningar vid Arbetsmiljöverkets inspektioner.",
        "Arbetsmiljöverkets inspektioner visade att boendena fick anmärkningar.",
    )
    assert outcome.found == ["Arbetsmiljöverkets"]
    assert {e.key for e in entities("Försäkringskassan ansåg att han kunde arbeta.")} == {"försäkringskassan"}
    # a name first in a sentence, as the first piece of a hyphenated word or the first part of a compound
    for statement, evidence in [
        ("Lösningen tas fram av Digg.", "Digg ska ta fram lösningen."),
        ("Kommunal gick till JO med saken.", "Kommunal har JO-anmält saken."),
        ("Pisa 2021 skjuts upp.", "OECD skjuter upp Pisaundersökningen."),
    ]:
        assert not compare_entities(statement, evidence).missing, statement
    assert compare_entities("Lösningen tas fram av Digg.", "Myndigheten tar fram lösningen.").missing == ["Digg"]
    # another organisation is still a rival
    outcome = compare_entities("Socialstyrelsen ska följa upp besöken.", "Arbetsmiljöverket ska följa upp besöken.")
    assert outcome.conflict == [("Socialstyrelsen", "Arbetsmiljöverket")]


def test_several_is_no_direction() -> None:
    # "flera familjer" says nothing of a rise, so "höjda" against "sänkta" is a conflict, not a match through it
    outcome = compare_direction(
        "Var tredje familj har fått höjda bidrag.",
        "Var tredje familj har fått sänkta bidrag, och flera familjer står utan stöd.",
    )
    assert outcome.conflict and not outcome.found


def test_more_direction_words_and_a_bound_is_no_direction() -> None:
    for statement, evidence in [
        ("Doserna går till de fattigaste länderna.", "Doserna går till de rikaste länderna."),
        ("Regionen har beslutat att bygga ut teamet.", "Regionen har beslutat att lägga ned teamet."),
        ("Beslutet togs när smittspridningen var på väg ner.", "Beslutet togs när smittspridningen ökade snabbt."),
    ]:
        assert compare_direction(statement, evidence).conflict, statement
    # "mer än fyra veckor" bounds an amount: no rise to conflict with "lades ned"
    outcome = compare_direction(
        "Kontoret lades ned för mer än fyra veckor sedan.", "Kontoret lades ned för fem veckor sedan."
    )
    assert not outcome.conflict
    # two bounds on opposite sides conflict
    assert compare_numbers("Fler än 50 kommuner har infört det.", "Färre än 50 kommuner har infört det.").conflict


def test_a_cause_said_in_other_words_is_found() -> None:
    statement = "Arbetsmiljöverket förbjöd masken eftersom den saknar CE-märkning."
    outcome, _coverage = compare_content(
        statement, "Arbetsmiljöverket förbjöd masken med hänvisning till att den saknar CE-märkning."
    )
    assert "eftersom" in outcome.found
    # evidence that gives no cause does not hold the statement's
    outcome, _coverage = compare_content(statement, "Arbetsmiljöverket förbjöd masken, som saknar CE-märkning.")
    assert "eftersom" in outcome.missing


def test_a_hyphenated_compound_has_its_pieces_as_parts() -> None:
    outcome, _coverage = compare_content(
        "Danmark tar fram ett intyg om covidvaccination.",
        "Danmark tar fram ett intyg om genomförd covid-19-vaccination.",
    )
    assert "covidvaccination" in outcome.found
    verdict, _confidence, reasons = judge_evidence(
        "EU-kommissionen gav rekommendationen i mars.", "Kommissionen gav rekommendationen i mars."
    )
    assert verdict == "supported", reasons


def test_the_first_part_of_a_compound_shared_in_a_list_is_found_in_a_word_it_begins() -> None:
    outcome, _coverage = compare_content(
        "Regionerna erbjuder kris-, samtals- och traumastöd.", "Regionerna ska ge krisstöd, samtalsstöd och traumastöd."
    )
    assert {"kris-", "samtals-"} <= set(outcome.found)
    outcome, _coverage = compare_content("Regionerna erbjuder kris- och traumastöd.", "Regionerna ger traumastöd.")
    assert "kris-" in outcome.missing


def test_a_compound_the_lookup_does_not_know_takes_its_heads_lemma() -> None:
    # "delredovisar" is not in the lemma lookup; its head "redovisar" is, so it is the verb "delredovisa", whose
    # -ning noun is "delredovisning"
    outcome, _coverage = compare_content(
        "Myndigheten lämnar en delredovisning i maj.", "Myndigheten delredovisar uppdraget i maj."
    )
    assert "delredovisning" in outcome.found


def test_a_present_tense_verb_is_not_its_agent_noun() -> None:
    # the lemma lookup makes "samordnar" the noun "samordnare"; it is the verb, found in "samordningsroll"
    outcome, _coverage = compare_content("E-hälsomyndigheten samordnar arbetet.", "Myndigheten har en samordningsroll.")
    assert "samordna" in outcome.found


def test_a_fraction_is_an_amount_and_no_content_word() -> None:
    shares = {a.text: round(a.value, 1) for a in amounts("Drygt tre femtedelar och ungefär en tredjedel.")}
    assert shares == {"tre femtedelar": 60.0, "en tredjedel": 33.3}  # not the number 3
    assert {"femtedelar", "tredjedel"} <= number_words("Drygt tre femtedelar och ungefär en tredjedel.")
    assert compare_numbers("Dödligheten sjunker med en tredjedel.", "Dödligheten minskar med 33 procent.").found
    outcome = compare_numbers("Tre femtedelar görs i privat regi.", "I Stockholm görs 62 procent i privat regi.")
    assert outcome.found == [] and outcome.conflict  # 60 % is not 62 % when the fraction is said exactly
    verdict, _confidence, reasons = judge_evidence(
        "Dödligheten sjunker med ungefär en tredjedel.", "Dödligheten kommer att minska med 33 procent."
    )
    assert verdict == "supported", reasons


def test_a_number_used_as_a_label_holds_a_bare_number_but_no_amount() -> None:
    # "skyddsnivå 2" is no amount of its own in the evidence, yet it says what the statement says
    outcome = compare_numbers("Verket beslutade att skyddsnivå 2 gäller i landet.", "I Sverige råder skyddsnivå 2.")
    assert outcome.found == ["2"] and not outcome.missing
    # a day of a date, a time or a bound of a range is no label
    assert compare_numbers("Det gällde 24 kommuner.", "Den 24 mars fattades beslutet.").missing == ["24 kommuner"]
    # it never holds an amount with a unit, nor rivals one
    outcome = compare_numbers("Stödet är 90 procent.", "Stödet gäller skyddsmask 90 i hela landet.")
    assert outcome.missing and not outcome.found and not outcome.conflict
