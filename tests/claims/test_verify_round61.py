"""Round 61 of the claim verifier: notes name the person interviewed in the third person ("IP", "talaren", "den
intervjuade"), where the transcript says "jag"; against first-person evidence they read as "jag" ("min" in the
genitive), and against evidence about someone else they stay a missing doer."""

from __future__ import annotations

import pytest
from verdict_table import NOT_SUPPORTED, assert_verdict

from textsamverkan.claims.verdict import as_the_speaker


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("IP:s son vinkade utanför fönstret.", "Min son vinkade utanför fönstret.",
         "Min son vinkade utanför fönstret."),
        ("Talaren har fjorton besök i kväll.", "I kväll har jag fjorton besök.", "Jag har fjorton besök i kväll."),
        ("Det sköter den intervjuade själv.", "Det gör jag själv.", "Det sköter jag själv."),
        # no first person in the evidence: the note is left as written
        ("IP ringer till vårdcentralen.", "Hon ringer till vårdcentralen.", "IP ringer till vårdcentralen."),
    ],
)
def test_the_person_interviewed_is_the_evidence_s_i(statement: str, evidence: str, expected: str) -> None:
    assert as_the_speaker(statement, evidence) == expected


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("IP jämför rad f. rad på 2 skärmar.", "Så jag sitter med två skärmar och jämför rad för rad.", "supported"),
        ("IP ringer till vårdcentralen varje morgon.", "Hon ringer till vårdcentralen varje morgon.", NOT_SUPPORTED),
    ],
)
def test_verdicts_with_the_person_interviewed(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)
