"""Round 60 of the claim verifier: the doer a passive names ("ledda av en ssk", "utförs av sjuksköterskan") is a
claim of its own, at any length: missing from the evidence, the statement is only `partly` there. Not any "av":
"14 procent av landets befolkning" and "drabbad av en rånvåg" name no doer."""

from __future__ import annotations

import pytest
from verdict_table import assert_verdict


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("Nytt: korta utb. på APT, 20 min/gång, ledda av en ssk.",
         "Vi har börjat med korta utbildningar på arbetsplatsträffarna, tjugo minuter varje gång.", "partly"),
        ("Korta utbildningar på arbetsplatsträffarna, ledda av en sjuksköterska.",
         "Vi har korta utbildningar på arbetsplatsträffarna, och en sjuksköterska leder dem.", "supported"),
        ("Västerås drabbades hösten 2021 av en rånvåg med personrån.",
         "Under hösten 2021 drabbades Västerås av en våg av personrån.", "supported"),
    ],
)
def test_the_doer_of_a_passive(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)
