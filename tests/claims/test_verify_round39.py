"""Round 39 of the claim verifier: checks that read what a near-miss changes, each able only to take support away:
two values said new-then-old ("72 procent, jämfört med 81 procent året innan") against the evidence's old-then-new,
"före" against "efter" and "under" against "utanför" the same thing, rooms, devices and diseases as kinds where one
is no other (also as a compound's first part), "understiger" as a bound, "tacka ja" against "säga nej", "neg."
against "positiva" and "otrygg" against "trygghet"."""

from __future__ import annotations

import pytest
from verdict_table import NOT_SUPPORTED, assert_verdict


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("Andelen nöjda brukare var 64 procent, jämfört med 70 procent året innan.",
         "Andelen nöjda brukare har ökat från 64 till 70 procent på ett år.", "contradicted"),
        ("Väntedagar på korttids: 410 (året innan 380).",
         "Väntedagarna på korttidsboende var 410, jämfört med 380 året innan.", "supported"),
        ("Andelen som fick besök i tid gick från 92 % 2021 till 85 %.",
         "Andelen som fick besök i tid ökade från 85 till 92 procent sedan 2021.", "contradicted"),
        ("Kommunen ska få ett besked efter att patienten har skrivits ut.",
         "Kommunen ska få ett besked innan patienten skrivs ut.", "contradicted"),
        ("Kommunen ska få ett besked före utskrivningen.", "Kommunen ska få ett besked innan patienten skrivs ut.",
         "supported"),
        ("Jouren nås under kontorstid via växeln.", "Jouren nås utanför kontorstid via växeln.", "contradicted"),
        ("Vi fick ställa matkassarna i köket.", "Vi fick ställa matkassarna i garaget.", NOT_SUPPORTED),
        ("Varje avdelning har en dator som de boende kan låna.",
         "Varje avdelning har en surfplatta som de boende kan låna.", NOT_SUPPORTED),
        ("Regionen erbjuder influensavaccin gratis till alla över 65.",
         "Regionen erbjuder vaccin mot pneumokocker gratis till alla över 65.", NOT_SUPPORTED),
        ("Regionen erbjuder influensavaccin gratis till alla över 65.",
         "Regionen erbjuder vaccin mot influensa gratis till alla över 65.", "supported"),
        ("Personalen bär skyddsglasögon nära den boende.", "Personalen bär munskydd nära den boende.", NOT_SUPPORTED),
        ("Täckningen är över 40 procent i länet.", "Täckningen understiger 40 procent i länet.", "contradicted"),
        ("Täckningen är under 40 procent i länet.", "Täckningen understiger 40 procent i länet.", "supported"),
        ("Hälften av de inbjudna har sagt nej till samtalet.", "Hälften av de inbjudna har tackat ja till samtalet.",
         "contradicted"),
        ("Provtagning tisdag: 7 neg.", "På tisdagen provtogs alla, och sju var positiva.", "contradicted"),
        ("Provtagning tisdag: 7 pos.", "På tisdagen provtogs alla, och sju var positiva.", "supported"),
        ("Nattbesöken med kamera kändes otrygga för brukarna.",
         "Nattbesöken med kamera var en stor trygghet för brukarna.", "contradicted"),
    ],
)  # fmt: skip
def test_verdicts_of_round_39(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)
