"""Round 34 of the claim verifier: a year before a colon is no statute number ("2026: 4,2 mnkr"), notes' "v. 44" is
week 44, a range said "ett eller två dygn" or "1–2 dygn", a number word that ends "från arton till tjugofyra", days
against hours, a partitive that quantifies another thing ("några dagar per termin" against "varje termin"), a
statement about only a part of what the evidence says all of, and nights and two more wards."""

from __future__ import annotations

import pytest
from verdict_table import NOT_SUPPORTED, assert_verdict

from textsamverkan.claims.quantities import parse_quantities
from textsamverkan.claims.reasons.dates import dates


def test_a_year_and_its_amount_are_no_statute_number() -> None:
    assert [(q.value, q.unit) for q in parse_quantities("Omställningsmedel 2026: 4,2 mnkr")] == [(4_200_000, "kr")]
    assert parse_quantities("enligt SFS 2021:789") == []


def test_notes_weeks() -> None:
    assert [d.fields for d in dates("Influensavaccination startar v. 44, hemsjukvård v.45.")] == [
        (("week", 44),),
        (("week", 45),),
    ]




@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("Omställningsmedel 2026 (statliga): 4 200 000 kr.", "Omställningsmedel från staten 2026: 4,2 mnkr",
         "supported"),
        ("Omställningsmedel 2026 (statliga): 5 200 000 kr.", "Omställningsmedel från staten 2026: 4,2 mnkr",
         "contradicted"),
        ("Vaccinationen börjar vecka 44 på boendena.", "Vaccination startar v. 44 på boendena.", "supported"),
        ("Vaccinationen börjar vecka 45 på boendena.", "Vaccination startar v. 44 på boendena.", "contradicted"),
        # ranges in words and digits, and a number word that ends a range
        ("Personalen väntade hemma 1–2 dygn på svar.", "Personalen väntade hemma ett eller två dygn på svar.",
         "supported"),
        ("Platserna utökades från arton till tjugofyra.", "Platserna utökades från 18 till 24.", "supported"),
        ("Platserna utökades från arton till tjugotre.", "Platserna utökades från 18 till 24.", NOT_SUPPORTED),
        # days and hours compare in hours; a number said bare still holds days
        ("Den som blir sjuk inom två dygn ska ringa avdelningen.",
         "Den som blir sjuk inom två dagar ska ringa avdelningen.", "supported"),
        ("Hon låg kvar 9 dgr på ortopeden.", "Hon fick ligga kvar på ortopeden i nio dagar.", "supported"),
        # a partitive quantifies its own phrase: "några dagar per termin" says nothing of a part of the terms
        ("Undersköterskorna går bredvid några dagar varje termin.",
         "Undersköterskorna går bredvid några dagar per termin.", "supported"),
        ("Rånen har blivit vardag i hela landet.", "Rånen har blivit vardag på vissa platser i landet.",
         "contradicted"),
        # only a part of what the evidence says all of; a share of all is no whole
        ("Bara vissa boenden har fast läkare.", "Varje boende har en fast läkare.", "contradicted"),
        ("Ledningsgruppen har regionen och två av de fyra kommunerna.",
         "Ledningsgruppen har regionen och alla fyra kommunerna.", "contradicted"),
        ("Mer än sju av tio vuxna har fått två doser.", "Över 70 procent av alla vuxna har fått två doser.",
         "supported"),
        # nights are no daytime, but they are "nattetid"; the surgical ward is not the orthopaedic one
        ("Teamet kunde köra ut på nätterna.", "Teamet kunde köra ut på dagtid.", NOT_SUPPORTED),
        ("Teamet kunde köra ut på nätterna.", "Teamet kunde köra ut nattetid.", "supported"),
        ("Patienter utlokaliseras till kirurgen.", "Patienter utlokaliseras till ortopeden.", NOT_SUPPORTED),
    ],
)  # fmt: skip
def test_verdicts_of_round_34(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)
