"""Round 33 of the claim verifier: "klockan ett" is a time (elsewhere "ett" is an article), a share in per cent "av"
the thing a statement says all of is a part of it, "varav", "plus" and "huruvida" are connectives, not content a
restatement must repeat, a whole the evidence denies answers none of the statement's, and one part of the day or
hospital ward is no other."""

from __future__ import annotations

import pytest
from verdict_table import NOT_SUPPORTED, assert_verdict

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


def test_connectives_are_no_content_a_restatement_must_repeat() -> None:
    lemmas = {w.lemma for w in content_words("Elva nya vikarier, varav tre utan erfarenhet, plus två till")}
    assert {"varav", "plus"}.isdisjoint(lemmas)




@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        # a share in per cent "av" the thing is a part of all of it; 100 per cent is all of it
        ("Vid granskningen hade alla delegeringar i hemtjänsten gått ut.",
         "Vid granskningen hade 31 procent av delegeringarna i hemtjänsten gått ut.", "contradicted"),
        ("Vid granskningen hade alla delegeringar i hemtjänsten gått ut.",
         "Vid granskningen hade 100 procent av delegeringarna i hemtjänsten gått ut.", "supported"),
        # a connective is no content a restatement must repeat
        ("Jag har dom två nu, Hagtornen plus Blåklinten.",
         "Jag har nu Hagtornen och Blåklinten, de två boendena.", "supported"),
        # a whole the evidence denies answers none of the statement's; one it says does
        ("Sen tar vi prover på alla som är sjuka, så vi får veta vad vi har att göra med.",
         "Sedan tar vi prover på två eller tre av de sjuka, inte på alla, för att veta vad vi har att göra med.",
         "contradicted"),
        ("Sen tar vi prover på alla som är sjuka.",
         "Sedan tar vi prover på alla de sjuka, två eller tre av dem på labbet i stan.", "supported"),
        # one part of the day or one hospital ward is no other; "nattid" is "nattetid"
        ("Regionen har anställt två läkare till ett mobilt team som ska täcka Hällnäset dagtid.",
         "Regionen har anställt två läkare till ett mobilt team som ska täcka Hällnäset kvällstid.", NOT_SUPPORTED),
        ("Det var fullt på medicin, så hon fick ett rum på ortopeden i fyra dygn.",
         "Eftersom det var fullt på medicin fick hon ett rum på ögonavdelningen i fyra dygn.", NOT_SUPPORTED),
        ("Teamet täcker Hällnäset nattid.", "Teamet täcker Hällnäset nattetid.", "supported"),
    ],
)  # fmt: skip
def test_verdicts_of_round_33(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)
