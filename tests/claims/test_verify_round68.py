"""Round 68 of the claim verifier: a cause said another way (", då", "för att", "till följd av", "vilket innebär",
"pga") holds the statement's "eftersom"; a sentence without a cause does not."""

from __future__ import annotations

import pytest
from verdict_table import assert_verdict


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("Många avstår från att anmäla eftersom de tycker att det är meningslöst.",
         "Många väljer att inte anmäla, då de finner det meningslöst.", "supported"),
        ("Antalet intensivvårdsplatser har fördubblats eftersom vården ställs om.",
         "Antalet intensivvårdsplatser har fördubblats för att vården ställs om.", "supported"),
        ("Antalet intensivvårdsplatser har fördubblats eftersom vården ställs om.",
         "Antalet intensivvårdsplatser har fördubblats och vården ställs om.", "partly"),
    ],
)
def test_a_cause_said_another_way(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)
