"""Round 66 of the claim verifier: a restriction the statement adds with "endast", "enbart" or "uteslutande"
anywhere ("ska endast gälla kommunerna"), not only after "men", is missing when the evidence restricts nothing; "inte
endast" restricts nothing, and speech's "bara" is left alone."""

from __future__ import annotations

import pytest
from verdict_table import assert_verdict


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("Planen följs upp endast när behoven ändras.",
         "Planen följs upp två gånger om året och när behoven ändras.", "partly"),
        ("Ledamöterna hämtas enbart ur kommunernas socialnämnder.",
         "Ledamöterna kommer från regionstyrelsen och från kommunernas socialnämnder.", "partly"),
        ("Ledamöterna hämtas enbart ur kommunernas socialnämnder.",
         "Ledamöterna kommer endast från kommunernas socialnämnder.", "supported"),
        ("Planen följs inte endast upp när behoven ändras.",
         "Planen följs upp två gånger om året och när behoven ändras.", "supported"),
    ],
)
def test_a_restriction_the_evidence_does_not_make(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)
