"""Round 28 of the claim verifier, read off spoken and written care documents: care's abbreviations and notes' units
and dates, seasons and years as speech says them, a ward named by a number word, o- and -fri words that say no,
"utan" against "med", "tidigast" against "senast", and professions and protective equipment as kinds no restatement
swaps."""

from __future__ import annotations

import pytest

from textsamverkan.claims.reasons.dates import dates, spoken_year
from textsamverkan.claims.reasons.numbers import amounts
from textsamverkan.claims.verdict import assess, judge_evidence


@pytest.mark.parametrize(
    ("statement", "evidence"),
    [
        # care's abbreviations and notes' units
        ("Ssk uppger att läkaren kommer varje vecka.", "Sjuksköterskan säger att läkaren kommer varje vecka."),
        ("Av 200 avvikelser rapporterades 60 % av usk.", "Av 200 avvikelser rapporterade undersköterskor 60 procent."),
        ("Ingångslön för ssk: 36 000 kr/mån.", "Ingångslönen för sjuksköterskor är 36 000 kronor i månaden."),
        ("Hemtjänst 3 ggr/dag.", "Hemtjänsten kom tre gånger om dagen."),
        # an abbreviation's ending, a season, a date in notes, a year in speech
        ("Vi gick igenom SIP:arna under hösten.", "Vi gick igenom alla SIP i höst."),
        ("Patienten flyttade till avdelningen den 24 november.", "Ny på avdelningen sedan 24/11, flyttade hit."),
        ("Ekwall är smittskyddsläkare sedan 2021.", "Ekwall är smittskyddsläkare sedan tjugotjugoett."),
        # words that say no, a ward's number among counts
        ("Hjälpmedel som rullator kostar ingenting att låna.", "Hjälpmedel som rullator lånar du kostnadsfritt."),
        (
            "Avdelning två har ett utbrott som nu omfattar sju boende och tre medarbetare.",
            "Vi har utbrottet på avdelning två, nu är det sju boende och tre i personalen.",
        ),
    ],
)
def test_care_notes_and_speech_restated_are_supported(statement: str, evidence: str) -> None:
    verdict, _confidence, reasons = judge_evidence(statement, evidence)
    assert verdict == "supported", reasons


@pytest.mark.parametrize(
    ("statement", "evidence", "kind"),
    [
        ("Hemtjänst 3 ggr/dag.", "Hemtjänsten kom fyra gånger om dagen.", "number"),
        ("Vi gick igenom SIP:arna under våren.", "Vi gick igenom alla SIP i höst.", "date"),
        ("Ekwall är smittskyddsläkare sedan 2020.", "Ekwall är smittskyddsläkare sedan tjugotjugoett.", "date"),
        (
            "Läkemedlen förvarades i ett låst skåp i personalrummet.",
            "Läkemedlen förvarades i ett olåst skåp i personalrummet.",
            "direction",
        ),
        ("Planen görs utan brukaren vid första besöket.", "Planen görs med brukaren vid första besöket.", "negation"),
        ("Lösningen ska införas tidigast 2029.", "Lösningen ska införas senast 2029.", "direction"),
    ],
)
def test_a_changed_amount_season_year_or_polarity_in_care_text_conflicts(
    statement: str, evidence: str, kind: str
) -> None:
    verdict, _confidence, reasons = judge_evidence(statement, evidence)
    assert verdict == "contradicted" and kind in reasons["conflict"], reasons


def test_a_skap_not_locked_is_an_olast_one() -> None:
    evidence = "Läkemedlen förvarades i ett olåst skåp i personalrummet."
    assert judge_evidence("Läkemedlen låg i ett skåp som inte var låst.", evidence)[0] != "contradicted"


def test_a_ward_named_by_a_number_word_is_a_label_never_a_count() -> None:
    (label,) = amounts("Utbrottet är på avdelning två.")
    assert label.kind == "label" and label.derived
    statement, evidence = "På avdelning tre bor nio personer.", "På avdelning två bor nio personer."
    verdict, _confidence, reasons = judge_evidence(statement, evidence)
    assert verdict == "partly" and reasons["missing"] == ["3"]


@pytest.mark.parametrize(
    ("word", "year"),
    [("tjugotjugoett", 2021), ("tjugotio", 2010), ("nittonhundranittio", 1990), ("tvåtusenelva", 2011),
     ("tjugonio", None), ("tvåtusen", None)],
)  # fmt: skip
def test_a_year_as_speech_says_it(word: str, year: int | None) -> None:
    assert spoken_year(word) == year


@pytest.mark.parametrize("text", ["1/3 av personalen var sjuk.", "Andelen höjs från 1/3 till 3/4.", "i vår kommun"])
def test_shares_and_our_are_no_dates(text: str) -> None:
    assert dates(text) == ()


@pytest.mark.parametrize(
    ("statement", "evidence"),
    [
        (
            "Första våren hade de bara två munskydd i varje bil som fick torkas av.",
            "Första våren hade vi två visir i varje bil och de fick vi torka av.",
        ),
        (
            "På torsdagar kommer en arbetsterapeut och gör balansövningar med henne.",
            "På torsdagar kommer en fysioterapeut och gör övningar med mig för balansen.",
        ),
    ],
)
def test_another_profession_or_piece_of_protection_is_no_restatement(statement: str, evidence: str) -> None:
    verdict, _confidence, reasons, words_only = assess(statement, evidence, evidence)
    assert verdict == "partly" and not words_only, reasons  # the learned verifier may not lift it
