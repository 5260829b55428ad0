"""Round 63 of the claim verifier: two actors whose parts a statement swaps are found when the first stands after a
preposition ("ligger på kommunen, medan regionen …"): a clause word between two words ("x, medan y") makes no list,
so the two are not read as one list and skipped."""

from __future__ import annotations

import pytest
from verdict_table import assert_verdict

from textsamverkan.claims.reasons.roles import _listed


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("Läkarbesöken ligger på regionen, medan kommunen svarar för omvårdnaden.",
         "Regionen svarar för omvårdnaden, medan läkarbesöken är kommunens ansvar.", "contradicted"),
        ("Läkarbesöken ligger på regionen, medan kommunen svarar för omvårdnaden.",
         "Kommunen svarar för omvårdnaden, medan läkarbesöken är regionens ansvar.", "supported"),
    ],
)
def test_a_swap_whose_first_actor_follows_a_preposition(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)


def test_a_clause_word_between_two_words_makes_no_list() -> None:
    assert not _listed("ligger på kommunerna, medan regionen svarar", "kommunerna", "regionen")
    assert _listed("flickor och unga kvinnor", "flickor", "kvinnor")
    assert _listed("munskydd, visir och handskar", "munskydd", "visir")
