"""Round 70 of the claim verifier: notes name a month as a heading of what follows ("april: 2 platser", "Nov.: 3
boende"), without a preposition; it is a date like "i april". A month in a range before a comma
("augusti–september, men …") is not read alone."""

from __future__ import annotations

import pytest
from verdict_table import assert_verdict


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("Kommunens kurs i demens, april: 2 platser.", "Två platser finns på kommunens kurs i demens i mars.",
         "contradicted"),
        ("Nov.: 3 boende fick antibiotika.", "Tre boende fick antibiotika i november.", "supported"),
        ("Valen som planerats till augusti–september, sköts upp.",
         "De planerade valen, som skulle hållits i augusti–september, sköts upp.", "supported"),
    ],
)
def test_a_month_as_a_heading(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)
