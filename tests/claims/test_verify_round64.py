"""Round 64 of the claim verifier: words that trade places between what a cue denies and what a clause without a cue
affirms ("tar blodtryck men ger inte injektioner" against "ger injektioner men tar inte blodtryck") are a negation
conflict, though each side holds one cue and every word. A denial moved with its words, or said after its verb
("visir fanns inte"), is no swap."""

from __future__ import annotations

import pytest
from verdict_table import assert_verdict


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("Undersköterskorna får ta blodtryck men inte ge injektioner.",
         "Undersköterskorna får ge injektioner men inte ta blodtryck.", "contradicted"),
        ("Vi hade bara förkläden på oss, inga visir.", "Vi hade inga förkläden, bara visir.", "contradicted"),
        ("Vi hade inga visir, men förkläden fanns.", "Förkläden hade vi, men visir fanns inte.", "supported"),
        ("Undersköterskorna får ta blodtryck men inte ge injektioner.",
         "Injektioner får undersköterskorna inte ge, men de får ta blodtryck.", "supported"),
    ],
)
def test_words_that_trade_places_between_denial_and_affirmation(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)
