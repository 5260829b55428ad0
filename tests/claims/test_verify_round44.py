"""Round 44 of the claim verifier: polarity per pair of clauses. Two sentences may hold as many denials each while
each clause says the opposite of its pair ("fanns i förrådet, så den behövde inte hämtas" against "fanns inte i
förrådet, och den hämtades"); a denial said once for a list, or left elliptical, is no such difference."""

from __future__ import annotations

import pytest
from verdict_table import assert_verdict


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        # one denial each, in opposite clauses
        ("Medicinen fanns i förrådet, så den behövde inte hämtas på apoteket.",
         "Medicinen fanns inte i förrådet, och den hämtades på apoteket på kvällen.", "contradicted"),
        ("Medicinen fanns inte i förrådet, så den hämtades på apoteket.",
         "Medicinen fanns inte i förrådet, och den hämtades på apoteket på kvällen.", "supported"),
        ("Kommunen har en gemensam journal, men regionen kan inte läsa den.",
         "Kommunen har ingen gemensam journal, men regionen kan läsa den.", "contradicted"),
        # a denial said once before a list, or elliptical ("ibland inte alls"), covers the clauses it goes on into
        ("Personalen får inte: bära ringar, ha långa naglar.",
         "Personalen får inte bära ringar eller ha långa naglar.", "supported"),
        ("Vi mejlar bilderna till läkaren; ibland kommer svar samma dag, ibland inget svar alls.",
         "Jag mejlar bilderna till läkaren, och ibland får jag svar samma dag, ibland inte alls.", "supported"),
        # a modal is no content of its own: "ska inte behöva komma ut till korttidsboendet" denies the visit
        ("Det är mamma som ska åka till vårdcentralen, läkaren ska inte behöva komma ut till korttidsboendet.",
         "Läkaren ska göra hembesök på korttidsboendet, det ska inte vara mamma som åker till vårdcentralen.",
         "contradicted"),
        # a clause that denies a pronoun ("så alla har det inte") denies what its sentence speaks of
        ("Avtal med hygienteamet är frivilligt, så alla har det inte.",
         "Alla kommuner har inte avtal med hygienteamet, det är frivilligt.", "supported"),
        # "vare sig … eller" goes on with the sentence's denial
        ("Nämnden säger nej till en sammanslagning av enheterna – varken i år eller nästa år.",
         "Nämnden stöder inte en sammanslagning av enheterna, vare sig i år eller nästa år.", "supported"),
    ],
)  # fmt: skip
def test_verdicts_of_round_44(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)
