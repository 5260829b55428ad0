"""Round 73 of the claim verifier: notes' rates and units. "var 6:e vecka", "var 14:e dag", "1 g/v." are rates,
found in "var sjätte vecka", "varannan vecka", "varje vecka" (their digits are then no number to find, unless a
bound comes with them); "de sista 48 timmarna" is "de senaste två dygnen"; "500 g/dag" is grams."""

from __future__ import annotations

import pytest
from verdict_table import assert_verdict

from textsamverkan.claims.reasons.frequency import frequencies


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("Samverkansgruppen, möte var 6:e vecka.", "Samverkansgruppen har möte var sjätte vecka.", "supported"),
        ("Samverkansgruppen, möte var 14:e dag.", "Samverkansgruppen har möte varannan vecka.", "supported"),
        ("Samverkansgruppen, möte var 6:e vecka.", "Samverkansgruppen har möte var fjärde vecka.", "contradicted"),
        ("Handledning av Samir 1 g/v.", "De har fått handledning av Samir varje vecka.", "supported"),
        ("Handledning av Samir 1 g/v.", "De har fått handledning av Samir varannan vecka.", "contradicted"),
        ("Är du förkyld de sista 48 timmarna, vänta med besöket.",
         "Om du har varit förkyld de senaste två dygnen, vänta med besöket.", "supported"),
        ("Är du förkyld de sista 48 timmarna, vänta med besöket.",
         "Om du har varit förkyld de senaste tre dygnen, vänta med besöket.", "contradicted"),  # since round 75
        ("Planen ses över av kontaktmannen högst var 6:e mån.",
         "Kontaktmannen ska se över planen minst varje halvår.", "partly"),
    ],
)
def test_notes_rates_and_units(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)


def test_grams_per_day_are_no_rate() -> None:
    assert frequencies("500 g/dag") == ()
    assert [f.text for f in frequencies("1 g/v.")] == ["1 g/v"]
