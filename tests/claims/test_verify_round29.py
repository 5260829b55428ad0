"""Round 29 of the claim verifier, read off care documents: notes' weeks and "på en vecka", number words that hold a
bare number, a bound said after its amount, weekdays as dates, "samtliga" against "9 av 17", parts of the body as a
kind, "utan att" as a denial and care's abbreviations."""

from __future__ import annotations

import pytest

from textsamverkan.claims.reasons.dates import dates
from textsamverkan.claims.reasons.numbers import amounts
from textsamverkan.claims.verdict import judge_evidence


@pytest.mark.parametrize(
    ("statement", "evidence"),
    [
        # notes' units and one period said with "en"
        ("Ett boende: 11 sjuka på 1 vecka.", "På ett av våra boenden hade vi elva sjuka på en vecka."),
        ("Kommunerna håller eget lager för 4 v.", "Kommunerna ska själva hålla lager för fyra veckor."),
        ("Han fick duschhjälp under fyra veckors tid.", "Han fick hjälp med duschen i fyra veckor."),
        # a share is its own amount; a number word holds a bare number
        ("9 av 10 patienter kunde stanna hemma.", "I nio fall av tio kunde patienten stanna hemma."),
        ("Nio just nu, plats för 12.", "Nio, och vi har plats för tolv."),
        # weekdays, as notes shorten them
        ("Läkare varannan tors.", "Läkaren kommer varannan torsdag."),
        # a part of the body found, abbreviations, the speaker named
        ("Hon bröt höften i badrummet.", "Hon föll i badrummet och fick en höftfraktur."),
        ("Enl. flera kommuner ökade antalet inskrivna.", "Enligt flera kommuner har antalet inskrivna ökat."),
        ("En hel avd. är stängd på sjukhuset.", "Sjukhuset har stängt en hel avdelning."),
        ("Samtliga 17 fall granskades, och i 9 av dem saknades plan.", "17 fall granskades och 9 av 17 saknade plan."),
    ],
)
def test_care_restatements_are_supported(statement: str, evidence: str) -> None:
    verdict, _confidence, reasons = judge_evidence(statement, evidence)
    assert verdict == "supported", reasons


@pytest.mark.parametrize(
    ("statement", "evidence", "kind"),
    [
        ("Varje fredag kommer en sköterska från kommunen.", "En sköterska från kommunen kommer på måndagar.", "date"),
        (
            "Kommunens beredskapslager med skyddsutrustning ska räcka i sex veckor som mest.",
            "Kommunens beredskapslager av skyddsutrustning ska räcka i minst sex veckor.",
            "number",
        ),
        (
            "Av de 17 fall där en plan behövts hade den upprättats i samtliga.",
            "En plan hade upprättats i 9 av 17 fall där den behövts.",
            "number",
        ),
        (
            "Samtliga patienter kunde stanna hemma efter besöken.",
            "I nio fall av tio kunde patienten stanna hemma efter besöken.",
            "number",
        ),
        (
            "Bertil skrevs hem i dag, och ett meddelande om detta kom till oss i förväg.",
            "Bertil skrevs hem i dag, utan att vi fick något meddelande om det.",
            "negation",
        ),
    ],
)
def test_care_near_misses_conflict(statement: str, evidence: str, kind: str) -> None:
    verdict, _confidence, reasons = judge_evidence(statement, evidence)
    assert verdict == "contradicted" and kind in reasons.get("conflict", {}), reasons


def test_another_part_of_the_body_is_no_support() -> None:
    verdict, _confidence, reasons = judge_evidence(
        "Hon ramlade i badrummet i våras och bröt handleden.", "I våras föll hon i badrummet och bröt höften."
    )
    assert verdict == "partly" and "handled" in reasons["missing"], reasons


def test_weekdays_and_periods_are_read_where_they_are_meant() -> None:
    assert [d.get()["weekday"] for d in dates("mån–fre, Ons: möte, på tisdagarna")] == [1, 5, 3, 2]
    assert dates("38 500 kr/mån") == () and dates("varje mån") == () and dates("i mån av tid") == ()
    assert dates("fredagsmys") == ()
    assert [(a.value, a.unit) for a in amounts("Hon låg inne i en vecka.")] == [(7.0, "dagar")]
    assert amounts("En dag kom hon hem.") == ()  # no period: a day, once
