"""Claim verification, second round: paraphrase credit (synonyms, particle verbs, -ning nouns), word classes that are
not content, the overall verdict from the closest candidate, and the speed measures (sentence shortlist, early stop,
linear look-backs) — each on small Swedish examples."""

from __future__ import annotations

from fake_linker import fake_linker

from textsamverkan.claims.evidence import SHORTLIST, best_evidence
from textsamverkan.claims.reasons.content import compare_content, content_words, synonyms
from textsamverkan.claims.reasons.entities import _at_sentence_start, compare_entities
from textsamverkan.claims.verdict import held_share, judge, judge_evidence, overall
from textsamverkan.segment.sentences import split_line


# --- content words: paraphrase credit --------------------------------------------------------------------------------
def test_synonym_lexicon_credits_other_words_for_the_same_thing() -> None:
    outcome, coverage = compare_content("Ungefär 2 000 anställda testade sig.", "2000 ur personalen har testat sig.")
    assert coverage == 1.0
    assert {"anställa", "anställd"} & set(outcome.found)
    # without a lexicon entry a different word stays missing
    _outcome, coverage = compare_content("Ungefär 2 000 lärare testade sig.", "2000 ur personalen har testat sig.")
    assert coverage < 1.0


def test_synonym_lexicon_is_data_with_groups_of_two_or_more() -> None:
    table = synonyms()
    assert "personal" in table["anställd"] and "anställd" in table["personal"]
    assert all(others for others in table.values())


def test_particle_verb_matches_its_compound_noun() -> None:
    _o, coverage = compare_content(
        "Regionerna stämde av intensivvården varje dag.", "dagliga avstämningar mellan regionerna kring intensivvården"
    )
    assert coverage == 1.0
    # and the other way round
    _o, coverage = compare_content("Det blev avstämningar om läget.", "Vi stämde av läget.")
    assert coverage == 1.0


def test_verb_matches_its_ning_noun() -> None:
    _o, coverage = compare_content("Vi ville beställa skyddsutrustning.", "beställning av skyddsutrustning")
    assert coverage == 1.0


def test_unit_words_number_words_and_negation_cues_are_not_content() -> None:
    lemmas = {w.lemma for w in content_words("Aldrig var drygt 15 procent och dubbelt så många kronor inte positiva.")}
    assert not lemmas & {"aldrig", "procent", "krona", "kronor", "dubbel", "många", "inte"}
    assert "positiv" in lemmas or "positiva" in lemmas


def test_percent_in_words_is_judged_by_the_number_check() -> None:
    evidence = "De flesta tester var negativa, men när det var som värst var det drygt 15 % positiva."
    verdict, _c, reasons = judge_evidence("Som mest var drygt 15 procent av testerna positiva.", evidence)
    assert verdict == "supported", reasons
    verdict, _c, reasons = judge_evidence("Som mest var drygt 25 procent av testerna positiva.", evidence)
    assert verdict == "contradicted" and reasons["conflict"]["number"]


def test_a_statement_of_only_numbers_and_names_is_judged_on_them() -> None:
    evidence = "Västra Götalandsregionen har 49 kommuner och det finns fyra kommunalförbund."
    assert judge("Det finns 49 kommuner i Västra Götaland och fyra kommunalförbund.", evidence).verdict == "supported"
    assert judge("Det finns 59 kommuner i Västra Götaland.", evidence).verdict == "contradicted"


# --- the overall verdict trusts the closest candidate ---------------------------------------------------------------
STATEMENT = "Den 3 november föreslogs ytterligare tio miljarder kronor till kommunerna."
RIGHT = "Den 3 november lämnades förslag om ytterligare 10 miljarder kronor till kommunerna."
OTHER = "Regeringen har föreslagit generella statsbidrag på totalt 26 miljarder kronor."


def test_an_unrelated_passage_with_another_number_does_not_override_a_strong_support() -> None:
    right, other = judge(STATEMENT, RIGHT), judge(STATEMENT, OTHER)
    assert (right.verdict, other.verdict) == ("supported", "contradicted")
    assert held_share(right.reasons) > held_share(other.reasons)
    assert overall([other, right], [0.55, 0.53]) == ("supported", 1)


def test_two_equally_close_passages_that_disagree_are_conflicting() -> None:
    a = judge(STATEMENT, RIGHT)
    b = judge(STATEMENT, RIGHT.replace("10 miljarder", "20 miljarder"))
    assert b.verdict == "contradicted"
    assert overall([a, b], [0.6, 0.6])[0] == "conflicting"


def test_a_passage_about_another_year_and_amount_is_not_a_rival() -> None:
    statement = "De generella statsbidragen ökades med 26 miljarder kronor 2020."
    right = judge(
        statement, "Regeringen har föreslagit en ökning av de generella statsbidragen på 26 miljarder kronor 2020."
    )
    other = judge(
        statement, "För 2021 har regeringen föreslagit ytterligare generella statsbidrag på 10 miljarder kronor."
    )
    assert (right.verdict, other.verdict) == ("supported", "contradicted")
    assert set(other.reasons["conflict"]) == {"number", "date"}
    assert overall([right, other], [0.66, 0.63]) == ("supported", 0)


def test_without_support_contradicted_beats_partly_and_no_evidence() -> None:
    a = judge(STATEMENT, OTHER)
    b = judge(STATEMENT, "Kommunerna fick pengar.")
    assert overall([b, a], [0.6, 0.5]) == ("contradicted", 1)
    assert overall([]) == ("no_evidence", None)


def test_a_contradiction_from_a_passage_less_close_than_the_closest_does_not_decide() -> None:
    far = judge(STATEMENT, OTHER)  # another amount: contradicted, but on a passage about something else
    near = judge(STATEMENT, "Den 3 november lämnades förslag om ytterligare 10 miljarder kronor.")
    assert (far.verdict, near.verdict) == ("contradicted", "partly")
    assert overall([far, near], [0.3, 0.6]) == ("partly", 1)
    # about as close as the closest passage (within the rival margin): the contradiction stands
    assert overall([far, near], [0.5, 0.6]) == ("contradicted", 0)


def test_held_share_counts_found_against_missing_and_conflicting_elements() -> None:
    assert held_share({"found": {"content": ["a", "b"], "number": ["1"]}, "missing": ["c"]}) == 0.75
    assert held_share({"found": {"content": ["a"]}, "conflict": {"number": [["1", "2"]]}, "missing": ["b", "c"]}) == 0.5
    assert held_share({}) == 0.0


# --- speed: shortlist, early stop, linear look-backs ----------------------------------------------------------------
def test_a_long_passage_is_shortlisted_and_still_gives_the_best_sentence() -> None:
    filler = [f"Mötet nummer {n} handlade om helt andra frågor än vården." for n in range(SHORTLIST * 3)]
    passage = " ".join([*filler[:5], "Från vecka 17 har vi testat kommunal personal regelbundet.", *filler[5:]])
    ev = best_evidence("Sedan vecka 17 testas kommunens anställda regelbundet.", passage, offset=10)
    assert ev.quote == "Från vecka 17 har vi testat kommunal personal regelbundet."
    assert passage[ev.start - 10 : ev.end - 10] == ev.quote


def test_early_stop_leaves_passages_that_cannot_matter_unjudged() -> None:
    linker = fake_linker([RIGHT, OTHER, "Fotboll spelades i maj."], [0.95, 0.3, 0.1])
    result = linker.link(STATEMENT, k=3)
    assert result.verdict == "supported" and result.decided_by == 0
    assert result.supports[0].judgement is not None
    assert result.supports[2].judgement is None  # far below: it could never come as close
    full = linker.link(STATEMENT, k=3, stop_early=False)
    assert all(s.judgement is not None for s in full.supports)
    assert full.verdict == result.verdict


def test_early_stop_still_judges_a_close_rival() -> None:
    rival = RIGHT.replace("10 miljarder", "20 miljarder")
    result = fake_linker([RIGHT, rival], [0.9, 0.89]).link(STATEMENT, k=2)
    assert result.supports[1].judgement is not None
    assert result.verdict == "conflicting"


def test_sentence_start_looks_back_only_over_spaces() -> None:
    text = "Det var bra. Kommunen hjälpte\n  Regionen och\n- Länsstyrelsen men Anna"
    assert _at_sentence_start(text, 0)
    assert _at_sentence_start(text, text.index("Kommunen"))
    assert _at_sentence_start(text, text.index("Regionen"))
    assert _at_sentence_start(text, text.index("Länsstyrelsen"))
    assert not _at_sentence_start(text, text.index("Anna"))
    # a capitalised word inside a sentence is a name; at the start a common word is not
    assert compare_entities("Anna Berg sa det.", "Det sa Anna Berg.").found


def test_abbreviations_still_do_not_end_sentences_and_long_lines_split() -> None:
    line = "Vi testade t.ex. personal. Sedan kom fler."
    assert [line[a:b] for a, b in split_line(line)] == ["Vi testade t.ex. personal.", "Sedan kom fler."]
    long_line = ("Ett " + "mycket" * 20 + "ord. ") * 2000
    assert len(split_line(long_line)) == 2000


def test_a_generic_actor_does_not_replace_a_named_organisation() -> None:
    statement = "Socialstyrelsen ska få igång tillverkning av skyddsutrustning."
    outcome = compare_entities(statement, "Myndigheten ska få igång produktion av skyddsutrustning.")
    assert not outcome.conflict and outcome.missing == ["Socialstyrelsen"]
    # a named rival still conflicts, and so does a common actor noun for another
    assert compare_entities(statement, "Folkhälsomyndigheten ska få igång produktion.").conflict
    assert compare_entities("Kommunen hjälpte till.", "Regionen hjälpte till.").conflict


def test_an_actor_missing_beside_one_found_is_missing_not_a_conflict() -> None:
    statement = "Socialstyrelsen ska göra det tillsammans med Arbetsmiljöverket."
    outcome = compare_entities(statement, "Regeringen uppdrar åt Socialstyrelsen att göra det.")
    assert outcome.found == ["Socialstyrelsen"] and outcome.missing == ["Arbetsmiljöverket"] and not outcome.conflict


def test_another_proper_name_is_no_evidence_against_a_name() -> None:
    # a name's kind is unknown: "Covid-19" in the evidence says nothing against the statement's "SKR"
    outcome = compare_entities("SKR:s rapport beskriver pandemin.", "Under pandemin ökade trycket på Covid-19-vården.")
    assert not outcome.conflict and outcome.missing == ["SKR"]
    verdict, _, reasons = judge_evidence("SKR:s rapport beskriver pandemin.", "Pandemin beskrivs i Covid-19-rapporten.")
    assert verdict != "contradicted" and "SKR" in reasons["missing"]
    # a region or an actor of the same kind still conflicts
    assert compare_entities("Region Skåne köpte munskydd.", "Region Halland köpte munskydd.").conflict
