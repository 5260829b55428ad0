"""Round 50 of the claim verifier: a denial before a time span is a denial ("har inte granskats på över ett år"),
not a denied bound ("ska inte gälla längre än fyra veckor" is "högst fyra veckor")."""

from __future__ import annotations

import pytest
from verdict_table import assert_verdict

from textsamverkan.claims.reasons.cues import negations


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("Planerna har inte granskats på över ett år.", ("inte",)),
        ("Hon har inte varit hemma i över en månad.", ("inte",)),
        ("Ingen har hört av sig sedan mer än två veckor.", ("Ingen",)),
        ("Det ska inte gälla längre än fyra veckor.", ()),
        ("Ingen ska behöva vänta mer än tre dagar.", ()),
    ],
)  # fmt: skip
def test_a_time_span_after_a_denial_is_no_denied_bound(text: str, cues: tuple[str, ...]) -> None:
    assert negations(text) == cues


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("Enligt Kristina har tolv brukare planer som inte har granskats på över ett år.",
         "Kristina meddelade att tolv brukare har planer som inte har granskats på mer än ett år.", "supported"),
        ("Enligt Kristina har tolv brukare planer som har granskats på över ett år.",
         "Kristina meddelade att tolv brukare har planer som inte har granskats på mer än ett år.", "contradicted"),
    ],
)  # fmt: skip
def test_verdicts_of_round_50(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)
