"""Round 11 of the claim verifier: who said it, negation that an antonym absorbs, word-level "icke", bounds said as
denials, organisations in two forms, ranges and approximations that say their side."""

from __future__ import annotations

from textsamverkan.claims.reasons.attribution import attribution
from textsamverkan.claims.reasons.cues import negated_at
from textsamverkan.claims.reasons.direction import compare_direction
from textsamverkan.claims.reasons.entities import compare_entities
from textsamverkan.claims.reasons.negation import compare_negation
from textsamverkan.claims.reasons.numbers import compare_numbers
from textsamverkan.claims.verdict import judge_evidence, one_line

POLICE = "Sverige har nu nästan 21 000 poliser, det högsta antalet någonsin."


def test_a_speaker_the_evidence_does_not_name_is_unchecked_not_missing() -> None:
    statement = "Statsministern sa att Sverige nu har nästan 21 000 poliser."
    verdict, _confidence, reasons = judge_evidence(statement, POLICE)
    assert verdict == "supported"
    assert reasons["unchecked"] == ["Statsministern sa att"] and "missing" not in reasons
    assert "speaker not checked: Statsministern sa att" in one_line(reasons)
    # the passage around the evidence names the speaker: found, nothing unchecked
    _verdict, _c, named = judge_evidence(statement, POLICE, "Statsministerns tal. " + POLICE)
    assert named["found"]["attribution"] == ["Statsministern sa att"] and "unchecked" not in named


def test_a_named_actor_in_the_frame_is_still_checked_and_the_frame_changes_no_number() -> None:
    verdict, _c, reasons = judge_evidence("Statsministern sa att Sverige har drygt 25 000 poliser.", POLICE)
    assert verdict == "contradicted" and reasons["conflict"]["number"] == [["drygt 25 000", "nästan 21 000"]]
    evidence = "Socialstyrelsen anser att besöksförbudet ska förlängas."
    outcome = compare_entities("Folkhälsomyndigheten anser att besöksförbudet ska förlängas.", evidence, evidence)
    assert outcome.conflict == [("Folkhälsomyndigheten", "Socialstyrelsen")]


def test_frames_are_found_first_after_according_to_and_last() -> None:
    assert attribution("Hon tycker inte att det är rimligt.").words == ("Hon", "tycker")  # type: ignore[union-attr]
    assert attribution("Enligt Marie Morell ska regionerna vaccinera.").text == "Enligt Marie Morell"  # type: ignore[union-attr]
    assert attribution("Det gick bra, säger hon.").text == "säger hon."  # type: ignore[union-attr]
    assert attribution("Det handlar om att vaccinera fler.") is None
    assert attribution("Antalet poliser ökade i fjol.") is None


def test_a_denied_word_agrees_with_its_opposite_where_the_axis_has_no_degrees() -> None:
    statement = "De första skyddsåtgärderna räckte inte för att stoppa smittspridningen."
    evidence = "De inledande skyddsåtgärderna var otillräckliga för att stoppa smittspridningen."
    assert compare_direction(statement, evidence).conflict == []
    assert judge_evidence(statement, evidence)[0] == "supported"
    # a denied increase is no decrease: neither agrees nor conflicts; the negation check judges "inte" against none
    assert compare_direction("Antalet har inte ökat.", "Antalet har minskat.").conflict == []
    assert judge_evidence("Antalet platser har inte ökat.", "Antalet platser har ökat.")[0] == "contradicted"
    assert compare_direction("Bristen väntas inte minska.", "Bristen kommer inte att bli mindre.").found


def test_a_negation_raised_to_the_verb_of_opinion_reaches_the_clause_it_governs() -> None:
    text = "Hon tycker inte att det är rimligt att vänta."
    assert negated_at(text, text.index("rimligt"), text.index("rimligt") + 7)
    other = "Det är inte klart om det är rimligt."
    assert not negated_at(other, other.index("rimligt"), other.index("rimligt") + 7)
    assert compare_direction(text, "Det är orimligt att vänta.").conflict == []
    assert compare_direction("Det är rimligt att vänta.", "Det är orimligt att vänta.").conflict


def test_icke_before_an_attribute_is_a_word_of_its_own_not_a_denial() -> None:
    evidence = "För Estland gäller avrådan från icke nödvändiga resor till och med den 18 november 2020."
    assert compare_negation("Avrådan för Estland gäller till och med 18 november 2020.", evidence).conflict == []
    assert compare_negation("Avrådan gäller resor som inte är nödvändiga.", evidence).conflict == []
    assert compare_negation("Beslutet ska gälla alla.", "Beslutet ska icke gälla alla.").conflict


def test_a_denied_excess_is_a_bound() -> None:
    evidence = "Lagret får inte överstiga en månads normalförbrukning."
    assert compare_negation("Lagret får högst motsvara en månads normalförbrukning.", evidence).conflict == []
    assert compare_negation("Lagret får överstiga en månads normalförbrukning.", evidence).conflict


def test_words_of_disagreement_say_no_without_a_cue() -> None:
    statement = "Domstolen slog fast att lagen strider mot författningen."
    evidence = "Domstolen slog fast att lagen inte är förenlig med författningen."
    assert judge_evidence(statement, evidence)[0] != "contradicted"


def test_an_organisation_in_the_indefinite_and_the_definite_form_is_one() -> None:
    statement = "Enligt EU:s jämställdhetsinstitut är Grekland minst jämställt."
    evidence = "Grekland är minst jämställt enligt det europeiska jämställdhetsinstitutet."
    assert compare_entities(statement, evidence).conflict == []


def test_two_ranges_agree_only_with_the_same_bounds() -> None:
    evidence = "20–30 personer är lämpligt."
    assert compare_numbers("Lagom är 20 till 30 personer.", evidence).conflict == []
    assert compare_numbers("Lagom är 20 till 40 personer.", evidence).conflict == [("20–40 personer", "20–30 personer")]


def test_an_approximation_says_on_which_side_the_amount_lies() -> None:
    assert compare_numbers("drygt 25 000 poliser", POLICE).conflict
    assert compare_numbers("drygt 20 000 poliser", POLICE).found == ["drygt 20 000"]
    assert compare_numbers("nästan 21 000 poliser", "Sverige har 21 000 poliser.").found


def test_a_pair_of_words_and_their_negated_forms_on_both_sides_is_no_conflict() -> None:
    statement = "Taket höjs till 7 500 kronor för ogifta och 3 750 kronor för gifta."
    evidence = "Taket höjs till 7 500 kronor för den som är ogift och till 3 750 kronor för den som är gift."
    assert compare_direction(statement, evidence).conflict == []
