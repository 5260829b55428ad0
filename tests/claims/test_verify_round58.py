"""Round 58 of the claim verifier: what rounds 56–57 had let through once an acronym was found. "några av" and
"vissa av" claim only a part ("på några av boendena" against "på varje boende"); "2 mån." is two months, and "de
två första veckorna" two weeks; an old person's dog is not a cat; an acronym is a thing that a move or a delegation
goes to or from ("från enhetschef till AU" against "från arbetsutskottet till enhetschef"); "var och en av oss" is
every one of us, no part."""

from __future__ import annotations

import pytest
from verdict_table import NOT_SUPPORTED, assert_verdict

from textsamverkan.claims.quantities import parse_quantities

DELEGATION = (
    "Förvaltningen föreslår att beslut om förlängning av korttidsvistelse upp till fyra veckor delegeras från "
    "arbetsutskottet till enhetschef."
)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("samtal inom 2 mån.", 2, "månader"),
        ("hemma de två första veckorna", 2, "veckor"),
        ("hemma de första två veckorna", 2, "veckor"),
    ],
)
def test_months_and_weeks_as_notes_and_speech_say_them(text: str, value: float, unit: str) -> None:
    (q,) = parse_quantities(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("Fast läkartid på några av boendena, en förmiddag i veckan.",
         "Vi har en fast läkartid på varje boende, en förmiddag i veckan.", NOT_SUPPORTED),
        ("Hygienombud på vissa av de särskilda boendena fick en heldagsutbildning.",
         "Hygienombud på samtliga särskilda boenden fick en heldagsutbildning.", NOT_SUPPORTED),
        ("Samtal med boende och närstående om vanor och önskemål inom 2 mån.",
         "Ett samtal hålls med den boende och närstående om vanor och önskemål inom de första två veckorna.",
         NOT_SUPPORTED),
        ("Under de två första veckorna är Hanna hennes handledare.",
         "Hanna är hennes handledare de första två veckorna.", "supported"),
        ("Han ville hem till sin hund och sitt eget kök.", "Han ville hem till sin katt och sitt eget kök.",
         NOT_SUPPORTED),
        ("Beslut om förlängning av korttidsvistelse upp till 4 v. delegeras från enhetschef till AU.", DELEGATION,
         "contradicted"),
        ("Beslut om förlängning av korttidsvistelse (max 4 v.) delegeras från AU till enhetschef.", DELEGATION,
         "supported"),
        ("Delegeringen skulle förnyas varje år, en sköterska med varenda en av oss.",
         "Delegeringen förnyades en gång om året, och det skulle en sjuksköterska göra med var och en av oss.",
         "supported"),
    ],
)
def test_what_an_acronym_no_longer_hid(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)
