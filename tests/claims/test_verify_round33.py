"""Round 33 of the claim verifier: "klockan ett" is a time (elsewhere "ett" is an article), a share in per cent "av"
the thing a statement says all of is a part of it, "varav", "plus" and "huruvida" are connectives, not content a
restatement must repeat, a whole the evidence denies answers none of the statement's, and one part of the day or
hospital ward is no other."""

from __future__ import annotations

from textsamverkan.claims.reasons.content import content_words
from textsamverkan.claims.reasons.times import times
from textsamverkan.claims.verdict import judge_evidence


def test_one_o_clock_in_words_is_a_time_but_one_alone_is_not() -> None:
    assert [t.minutes for t in times("jag har en telefontid klockan ett")] == [60]
    assert times("vi hade ett på eftermiddagen") == ()
    verdict, _c, reasons = judge_evidence(
        "Jag har en telefontid klockan tio som bara är för boendena.",
        "Jag har en telefontid klockan ett som bara är för boendena.",
    )
    assert verdict == "contradicted", reasons
    assert reasons["conflict"]["time"] == [["klockan tio", "klockan ett"]]


def test_a_share_in_per_cent_of_the_thing_is_a_part_of_all_of_it() -> None:
    verdict, _c, reasons = judge_evidence(
        "Vid granskningen hade alla delegeringar i hemtjänsten gått ut.",
        "Vid granskningen hade 31 procent av delegeringarna i hemtjänsten gått ut.",
    )
    assert verdict == "contradicted", reasons
    verdict, _c, reasons = judge_evidence(
        "Vid granskningen hade alla delegeringar i hemtjänsten gått ut.",
        "Vid granskningen hade 100 procent av delegeringarna i hemtjänsten gått ut.",
    )
    assert verdict == "supported", reasons


def test_connectives_are_no_content_a_restatement_must_repeat() -> None:
    lemmas = {w.lemma for w in content_words("Elva nya vikarier, varav tre utan erfarenhet, plus två till")}
    assert {"varav", "plus"}.isdisjoint(lemmas)
    verdict, _c, reasons = judge_evidence(
        "Jag har dom två nu, Hagtornen plus Blåklinten.",
        "Jag har nu Hagtornen och Blåklinten, de två boendena.",
    )
    assert verdict == "supported", reasons


def test_a_whole_the_evidence_denies_does_not_answer_the_statements() -> None:
    verdict, _c, reasons = judge_evidence(
        "Sen tar vi prover på alla som är sjuka, så vi får veta vad vi har att göra med.",
        "Sedan tar vi prover på två eller tre av de sjuka, inte på alla, för att veta vad vi har att göra med.",
    )
    assert verdict == "contradicted", reasons
    verdict, _c, reasons = judge_evidence(
        "Sen tar vi prover på alla som är sjuka.",
        "Sedan tar vi prover på alla de sjuka, två eller tre av dem på labbet i stan.",
    )
    assert verdict == "supported", reasons


def test_one_part_of_the_day_or_one_ward_is_no_other() -> None:
    verdict, _c, reasons = judge_evidence(
        "Regionen har anställt två läkare till ett mobilt team som ska täcka Hällnäset dagtid.",
        "Regionen har anställt två läkare till ett mobilt team som ska täcka Hällnäset kvällstid.",
    )
    assert verdict != "supported", reasons
    verdict, _c, reasons = judge_evidence(
        "Det var fullt på medicin, så hon fick ett rum på ortopeden i fyra dygn.",
        "Eftersom det var fullt på medicin fick hon ett rum på ögonavdelningen i fyra dygn.",
    )
    assert verdict != "supported", reasons
    verdict, _c, reasons = judge_evidence("Teamet täcker Hällnäset nattid.", "Teamet täcker Hällnäset nattetid.")
    assert verdict == "supported", reasons
