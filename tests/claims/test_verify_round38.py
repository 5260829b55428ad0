"""Round 38 of the claim verifier: checks that read what a near-miss changes, each able only to take support away
or to find an opposite said by a phrase: "drygt" against "knappt" the same amount, "fler än" as a bound, "ett steg
framåt" as better, working time and walking aids as kinds where one is no other, "sjuk" against "frisk", "nästan
alltid" against "sällan", and "ena gången" as a part of "båda gångerna"."""

from __future__ import annotations

import pytest
from verdict_table import NOT_SUPPORTED, assert_verdict


@pytest.mark.parametrize(
    ("statement", "evidence", "expected"),
    [
        ("Kartläggning: drygt hälften av boendena har läkare.",
         "Kartläggningen visar att knappt hälften av boendena har en läkare.", "contradicted"),
        ("Fortfarande är fler än hälften av personalen vaccinerade.",
         "Vaccinationstäckningen bland personalen är fortfarande under hälften.", "contradicted"),
        ("Drygt hälften av boendena har läkare.", "Lite mer än hälften av boendena har en läkare.", "supported"),
        ("NPÖ utgör en försämring, men ger enbart behörighet att läsa, och användningen varierar.",
         "NPÖ är ett steg framåt, men den ger bara läsbehörighet och används i varierande grad.", "contradicted"),
        ("Tre gånger i veckan åker jag dit, och så jobbar jag deltid.",
         "Jag åker dit tre gånger i veckan, och jag jobbar heltid.", NOT_SUPPORTED),
        ("Vi går fram och tillbaka i korridoren med käpp, tio vändor.",
         "Vi går fram och tillbaka i korridoren med rollatorn, tio vändor.", NOT_SUPPORTED),
        ("Svar efter 5 dgr, han då fortfarande sjuk.", "Svaret kom efter fem dagar, och då var han redan frisk.",
         "contradicted"),
        ("Åtgärderna följdes nästan alltid upp.", "Beslut om åtgärder har sällan följts upp.", "contradicted"),
        ("Under tre år har jag träffat läkaren två gånger, båda gångerna via skärm.",
         "Doktorn har jag sett två gånger på tre år, och ena gången var det på en skärm.", "contradicted"),
        # the same said the same way stays supported
        ("Jag jobbar heltid och går med rollator.", "Jag har en heltidstjänst och går med rollator.", "supported"),
    ],
)  # fmt: skip
def test_verdicts_of_round_38(statement: str, evidence: str, expected: str) -> None:
    assert_verdict(statement, evidence, expected)
