"""Round 32 of the claim verifier: a denial of an auxiliary reaches the verb it governs, two denials in two clauses
are two denials (not a yes), a day of the month said as an ordinal word is a date, a rate of every fourteenth day is
a rate, "ett av boendena" is a part of "samtliga boenden", a name after "avd." is a name, "det dubbla" and "dra ner
med hälften" are factors, times of day are said in words ("tio på kvällen", "halv nio", "klockan fem") and bound
("före kl. 17"), advice to not do a thing is advice against it, "fortfarande" is not "har slutat", and one place of
care, thing given or channel is no other; and more words say no without a cue ("låta bli", "exklusive",
"fattades", "borta", "hemlösa")."""

from __future__ import annotations

import pytest

from textsamverkan.claims.reasons.dates import dates
from textsamverkan.claims.reasons.entities import entities
from textsamverkan.claims.reasons.frequency import frequencies
from textsamverkan.claims.reasons.negation import denied_words
from textsamverkan.claims.reasons.times import times
from textsamverkan.claims.verdict import judge_evidence


def test_a_denial_skips_auxiliaries_to_the_verb_it_denies() -> None:
    assert denied_words("men att det inte kommer att kunna dela uppgifter") == "dela uppgifter"
    verdict, _c, reasons = judge_evidence(
        "Anders Berg sa att kommunen byter system i maj, men att det nya inte kommer att kunna skicka remisser.",
        "Anders Berg berättade att kommunen byter system i maj och att det nya ska kunna skicka remisser.",
    )
    assert verdict == "contradicted", reasons
    assert "negation" in reasons["conflict"]


def test_a_denied_function_verb_denies_what_came_before() -> None:
    verdict, _c, reasons = judge_evidence(
        "Mannen vill ha lampan tänd hela natten – görs inte.",
        "Mannen vill att vi har lampan tänd hela natten, och det gör vi.",
    )
    assert verdict == "contradicted", reasons


def test_two_denials_in_two_clauses_against_none() -> None:
    verdict, _c, reasons = judge_evidence(
        "Ingen läkare har ringt efter utskrivningen, och ingen har frågat oss om hjälpmedel.",
        "En läkare ringde efter utskrivningen och frågade oss om hjälpmedel.",
    )
    assert verdict == "contradicted", reasons
    assert reasons["conflict"]["negation"] == [["Ingen ingen", "(jakande)"]]


def test_two_denials_in_two_clauses_restated_with_two_denials() -> None:
    verdict, _c, reasons = judge_evidence(
        "Ingen läkare har ringt efter utskrivningen, och ingen har frågat oss om hjälpmedel.",
        "Det var ingen läkare som ringde efter utskrivningen, och ingen frågade oss om hjälpmedel.",
    )
    assert verdict == "supported", reasons


def test_a_double_denial_in_one_clause_is_still_a_yes() -> None:
    _verdict, _c, reasons = judge_evidence(
        "Det är inte så att ingen fick hjälp av kommunen.",
        "Några fick hjälp av kommunen.",
    )
    assert "negation" not in reasons.get("conflict", {}), reasons


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Den tionde har vi ett pass för nya.", 10),
        ("mötet den femtonde oktober 2026", 15),
        ("till den tjugoförsta maj", 21),
    ],
)
def test_a_day_said_as_an_ordinal_word(text: str, day: int) -> None:
    (date,) = dates(text)
    assert date.get()["day"] == day


@pytest.mark.parametrize("text", ["den femte vågen kom i mars", "den andra gruppen", "den första som kom"])
def test_an_ordinal_before_a_noun_is_no_day(text: str) -> None:
    assert all("day" not in d.get() for d in dates(text))


def test_a_day_in_words_against_another_day() -> None:
    verdict, _c, reasons = judge_evidence(
        "Utskottet träffade Socialstyrelsen den tolfte mars 2026.",
        "Utskottet träffade Socialstyrelsen den 19 mars 2026.",
    )
    assert verdict == "contradicted", reasons
    assert "date" in reasons["conflict"]


def test_every_fourteenth_day_is_every_other_week() -> None:
    (fourteenth,) = frequencies("vi ses var fjortonde dag")
    (other,) = frequencies("vi ses varannan vecka")
    assert fourteenth.per_day == pytest.approx(other.per_day, rel=0.01)


def test_one_of_the_homes_is_a_part_of_all_homes() -> None:
    verdict, _c, reasons = judge_evidence(
        "Fallen minskade på samtliga boenden, från tolv i månaden till fem.",
        "Fallen minskade på ett av boendena, från tolv i månaden till fem.",
    )
    assert verdict == "contradicted", reasons
    assert [theirs for _mine, theirs in reasons["conflict"]["number"]] == ["ett av boendena"]


def test_a_name_after_an_abbreviation_is_a_name() -> None:
    assert [e.text for e in entities("Två nya fall, båda avd. Tallen.")] == ["Tallen"]
    assert entities("Det var kallt. Tallen föll.") == ()  # a common word first in a sentence is no name
    verdict, _c, reasons = judge_evidence(
        "Två nya fall sedan i går, båda avd. Tallen.",
        "Två nya fall sedan i går, båda på avdelning Ljungen.",
    )
    assert verdict != "supported", reasons


def test_halving_said_as_cutting_by_half() -> None:
    evidence = "Vi kunde dra ner hemtjänsttimmarna med hälften på sex veckor."
    verdict, _c, reasons = judge_evidence("Hemtjänstens timmar gick att halvera på sex veckor.", evidence)
    assert verdict == "supported", reasons
    assert "0,5 gånger" in reasons["found"]["number"]
    verdict, _c, reasons = judge_evidence("Hemtjänstens timmar gick upp till det dubbla på sex veckor.", evidence)
    assert verdict == "contradicted", reasons
    assert "number" in reasons["conflict"]


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("vi kör från tjugotvå på kvällen", 22 * 60),
        ("från klockan tio på kvällen", 22 * 60),
        ("till sju på morron", 7 * 60),
        ("krogen stänger halv nio på kvällen", 20 * 60 + 30),
        ("hemtjänsten kommer kvart i sju på morgonen", 6 * 60 + 45),
        ("elva på natten", 23 * 60),
    ],
)
def test_a_time_of_day_in_words(text: str, minutes: int) -> None:
    (time,) = times(text)
    assert time.minutes == minutes


def test_a_number_with_an_unlikely_part_of_the_day_is_no_time() -> None:
    assert times("vi var två på kvällen") == ()
    assert times("kvart i sju eller halv sju") == ()  # no clock, no part of the day: the number check's


def test_evening_in_words_against_the_same_hour_in_digits_or_on_a_twelve_hour_clock() -> None:
    verdict, _c, reasons = judge_evidence(
        "Nattpatrullen kör från tjugotvå på kvällen till sju på morron.",
        "Nattpatrullen kör från klockan tio på kvällen till sju på morgonen.",
    )
    assert verdict == "supported", reasons
    assert "number" not in reasons.get("conflict", {})
    verdict, _c, reasons = judge_evidence("Mottagningen stänger klockan fem.", "Mottagningen stänger kl. 17.")
    assert verdict == "supported", reasons
    verdict, _c, reasons = judge_evidence("Mottagningen stänger klockan sex.", "Mottagningen stänger kl. 17.")
    assert verdict == "contradicted", reasons
    assert reasons["conflict"]["time"] == [["klockan sex", "kl. 17"]]


def test_before_a_time_against_after_it() -> None:
    verdict, _c, reasons = judge_evidence(
        "Sjuksköterskorna får inte tag på någon läkare före kl. 17.",
        "Sjuksköterskorna får inte tag på någon läkare efter klockan fem.",
    )
    assert verdict == "contradicted", reasons
    assert reasons["conflict"]["time"] == [["kl. 17", "klockan fem"]]
    verdict, _c, reasons = judge_evidence(
        "Sjuksköterskorna får inte tag på någon läkare efter kl. 17.",
        "Sjuksköterskorna får inte tag på någon läkare efter klockan fem.",
    )
    assert verdict == "supported", reasons


def test_advice_to_not_come_is_advice_against_coming() -> None:
    verdict, _c, reasons = judge_evidence(
        "Anhöriga avråds från att komma på besök just nu.",
        "Vi rekommenderar att anhöriga inte kommer på besök just nu.",
    )
    assert verdict == "supported", reasons
    verdict, _c, reasons = judge_evidence(
        "Anhöriga avråds från att komma på besök just nu.",
        "Vi rekommenderar att anhöriga kommer på besök just nu.",
    )
    assert verdict == "contradicted", reasons


def test_still_done_against_stopped() -> None:
    verdict, _c, reasons = judge_evidence(
        "På korttids testas alla som kommer från sjukhuset fortfarande.",
        "På korttids testade vi alla som kom från sjukhuset, men det har vi slutat med nu.",
    )
    assert verdict == "contradicted", reasons
    assert "direction" in reasons["conflict"]


@pytest.mark.parametrize(
    ("statement", "evidence"),
    [
        ("Hon har två i gruppen med delegering för insulin.", "Hon har två i gruppen med delegering för tabletter."),
        ("Det fungerar nu, tidigare skickades allt med e-post.", "Det fungerar nu, förut skickades allt med fax."),
        ("Remissen kom från vårdcentralen i april.", "Remissen kom från apoteket i april."),
    ],
)
def test_one_member_of_a_kind_is_no_other(statement: str, evidence: str) -> None:
    verdict, _c, reasons = judge_evidence(statement, evidence)
    assert verdict != "supported", reasons


@pytest.mark.parametrize(
    ("statement", "evidence"),
    [
        (
            "Var sjunde anställd har sett ett brott men valde att låta bli att anmäla det.",
            "Var sjunde anställd har sett ett brott men valt att inte anmäla det.",
        ),
        (
            "Stödet till kommunerna var 16 miljarder kronor, permitteringsstöd ej inräknat.",
            "Stödet till kommunerna var 16 miljarder kronor, exklusive permitteringsstöd.",
        ),
        ("Det fattades 400 kontrollerade arbetsdagar.", "Det saknades 400 kontrollerade arbetsdagar."),
        ("I över 50 av fallen saknar personen bostad.", "I över 50 av fallen är personen hemlös."),
    ],
)
def test_no_said_without_a_cue_is_no_contradiction(statement: str, evidence: str) -> None:
    verdict, _c, reasons = judge_evidence(statement, evidence)
    assert verdict == "supported", reasons


def test_a_decision_made_is_no_lack() -> None:
    verdict, _c, reasons = judge_evidence(
        "Beslutet fattades inte av styrelsen i mars.",
        "Beslutet fattades av styrelsen i mars.",
    )
    assert verdict == "contradicted", reasons
