"""Detection of personal data: the numbers, phones, e-mail, addresses, URLs and names a researcher must not share,
and the dates, times and places of care that must stay."""

from __future__ import annotations

import itertools

import pytest

from textsamverkan.pii.detect import detect
from textsamverkan.pii.personnummer import classify, luhn_digit, luhn_ok
from textsamverkan.pii.types import KnownPerson


def _found(text: str, **kwargs: object) -> list[tuple[str, str]]:
    return [(d.type, d.text) for d in detect(text, **kwargs)]  # type: ignore[arg-type]


def test_luhn_and_dates() -> None:
    assert luhn_ok("8112289874") and not luhn_ok("8112289875")
    assert luhn_digit("811228987") == "4"
    assert classify("19811228-9874") == ("personnummer", True)
    assert classify("811228+9874") == ("personnummer", True)
    assert classify("701063-2391") == ("samordningsnummer", True)  # day 03 + 60
    assert classify("811232-9874") is None  # no 32nd day
    assert classify("20010229-1234") is None  # 2001 was no leap year
    assert classify("000229-1234") is not None  # 2000 was


@pytest.mark.parametrize("number", ["19811228-9874", "811228-9874", "8112289874", "198112289874", "811228+9874"])
def test_personnummer_forms(number: str) -> None:
    assert _found(f"Hon har {number} som nummer.") == [("PERSONNUMMER", number)]


def test_samordningsnummer_and_luhn_invalid() -> None:
    text = "Samordningsnummer 701063-2391. Personnummer 19811228-9875 (fel kontrollsiffra)."
    assert _found(text) == [("SAMORDNINGSNUMMER", "701063-2391"), ("PERSONNUMMER", "19811228-9875")]
    # A plain ten-digit number with a bad check digit and no cue is not a personnummer.
    assert _found("Ordernummer 8112289875 skickades.") == []


@pytest.mark.parametrize("phone", ["070-123 45 67", "+46 70 123 45 67", "08-123 456 78", "031-10 20 30",
                                   "0046 8 123 456 78", "0701234567", "010-123 45 67"])
def test_phone_forms(phone: str) -> None:
    assert _found(f"Ring {phone} i morgon.") == [("TELEFON", phone)]


def test_email_address_and_url() -> None:
    text = ("Mejla anna.berg@lund.se. Hon bor på Storgatan 12 B, 222 21 Lund. "
            "Profil: https://www.linkedin.com/in/anna-berg. Läs mer på https://www.skr.se/halsa.")
    types = _found(text)
    assert ("E-POST", "anna.berg@lund.se") in types
    assert ("ADRESS", "Storgatan 12 B, 222 21 Lund") in types
    assert ("URL", "https://www.linkedin.com/in/anna-berg") in types
    assert all("skr.se" not in value for _, value in types)


def test_names_from_lists_cues_speakers_and_propagation() -> None:
    text = ("Vi har bjudit in Ann Söderström. Söderström berättade om dottern Mira. "
            "Olivia tackade. Sjuksköterskan Lejla Hodžić ringde Per Holm.")
    found = detect(text, speakers=[KnownPerson("Olivia Wigzell", ("Olivia",), "generaldirektör")])
    names = {(d.text, d.person) for d in found}
    assert ("Ann Söderström", "ann soderstrom") in names
    assert ("Söderström", "ann soderstrom") in names  # the surname alone is the same person
    assert ("Olivia", "olivia wigzell") in names  # a speaker's alias
    assert any(t == "Mira" for t, _ in names)  # after a family word
    assert any(t == "Per Holm" for t, _ in names)
    assert any(t.startswith("Lejla") for t, _ in names)


def test_non_personal_words_survive() -> None:
    text = ("Mötet hölls 2021-03-15 kl. 14.30 på Sahlgrenska universitetssjukhuset och vårdcentralen i Lund. "
            "Region Skåne och Malmö stad skrev avtal 2020-2021, dnr 2021-0345, 15 procent fler tester.")
    assert _found(text) == []


def test_spans_never_overlap_and_quote_is_exact() -> None:
    text = "Kontakt: Anna Berg, anna.berg@lund.se, 070-123 45 67, Storgatan 5, 222 21 Lund."
    found = detect(text)
    assert all(text[d.start : d.end] == d.text for d in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
