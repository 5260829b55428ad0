"""Rule-based finders of structured identifiers: personnummer, samordningsnummer, phone numbers, e-mail
addresses, street addresses with postnummer, and person-identifying URLs.

Every finder is a pure function `(text) -> list[Detection]` built on regular expressions plus a check that a
regex cannot make (Luhn and calendar date; the `phonenumbers` numbering plan for Sweden).
"""

from __future__ import annotations

import re
from typing import Any

from textsamverkan.pii.personnummer import classify
from textsamverkan.pii.types import ADRESS, EPOST, PERSONNUMMER, SAMORDNINGSNUMMER, TELEFON, URL, Detection

_PNR = re.compile(r"(?<![\w+.,/-])((?:18|19|20)?\d{6})([-+]?)(\d{4})(?![\w/-]|[.,]\d)")
_PNR_CUE = re.compile(
    r"(?i:person(?:nummer|numret|nr)|pers\.?\s?nr|p-?nr|samordningsnummer|samordningsnumret|"
    r"födelsenummer|född|f\.)[\s:.]*(?:\w+\s){0,3}$"
)
_PHONE_CUE = re.compile(r"(?i:tel(?:efon|\.)?|mobil|ring|nummer|nås på|sms|växel|fax)[\s:.]*(?:\w+\s){0,3}$")
_PHONE = re.compile(
    r"(?<![\w+.,/-])(?:(?:\+|00)46[ \u00a0-]?(?:\(0\)[ \u00a0-]?)?[1-9]|0[1-9])"
    r"(?:[ \u00a0\-–/]?\d){5,10}(?![\w])"
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")
_URL = re.compile(r"(?<![\w@])(?:https?://|www\.)[^\s<>\"'()\[\]]+")
_STREET_SUFFIX = (
    "gatan|vägen|gata|väg|gränd|gränden|torget|torg|allén|allé|stigen|backen|leden|platsen|stråket|kajen|"
    "esplanaden|promenaden|slingan|högen|liden|bron|vägen"
)
_STREET = re.compile(
    r"(?<![\w])(?:[A-ZÅÄÖ][a-zåäöéü]+[ -])?(?:[A-ZÅÄÖ][a-zåäöéü]*(?:" + _STREET_SUFFIX + r")|"
    r"Torget|Torg|Gatan|Vägen|Gränd|Backen|Allén|Platsen|Stigen)"
    r"[ \u00a0]\d{1,4}(?:[ \u00a0]?[A-Ha-h](?![\w]))?(?:,?[ \u00a0](?:lgh|lägenhet)[ \u00a0]?\d{3,4})?"
)
_BOX = re.compile(r"(?<![\w])(?:Box|Postbox|Postbox)[ \u00a0]\d{1,6}")
_POSTNUMMER = re.compile(
    r"(?<![\w,.-])(?:SE-?)?[1-9]\d{2}[ \u00a0]?\d{2}[ \u00a0]+[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]+(?:[ -][A-ZÅÄÖ][a-zåäö]+)?"
)
_POSTNUMMER_CUE = re.compile(r"(?i:adress|postnummer|postadress|bor på|bor i|besöksadress|box)\b[^.\n]{0,40}$")
_SOCIAL = re.compile(
    r"(?i)(?:linkedin\.com/in/|facebook\.com/(?!groups/|events/)|fb\.com/|instagram\.com/|twitter\.com/|x\.com/|"
    r"tiktok\.com/@|youtube\.com/@|github\.com/|mastodon\.[\w.]+/@|/~|/users?/|/profil(?:e|er)?/|/personal/|"
    r"/medarbetare/|/kontakt/[\w-]+-[\w-]+)"
)
_TRAILING = ".,;:!?)»”’'"


def find_personnummer(text: str) -> list[Detection]:
    """Personnummer and samordningsnummer (10 or 12 digits, '-', '+' or nothing) with a real date.

    Luhn-valid: confidence 0.99. Luhn-invalid (a typo, or a made-up example) still counts when the number has
    a separator or a 12-digit form (0.7), or when a cue such as "personnummer" or "född" precedes it (0.8):
    a researcher would rather review a false alarm than share a mistyped number. A plain 10-digit number that
    is also a Swedish phone number and follows a phone cue is left to the phone finder.
    """
    found: list[Detection] = []
    for m in _PNR.finditer(text):
        kind_valid = classify(m.group(0))
        if kind_valid is None:
            continue
        kind, valid = kind_valid
        cue = _PNR_CUE.search(text, max(0, m.start() - 40), m.start()) is not None
        plain10 = not m.group(2) and len(m.group(1)) == 6
        if plain10 and not cue and _PHONE_CUE.search(text, max(0, m.start() - 30), m.start()):
            continue
        if valid:
            confidence = 0.99 if (cue or not plain10) else 0.9
        elif cue:
            confidence = 0.8
        elif not plain10:
            confidence = 0.7
        else:
            continue
        label = SAMORDNINGSNUMMER if kind == "samordningsnummer" else PERSONNUMMER
        rule = f"rule:{kind}" + ("" if valid else "-luhn-invalid")
        found.append(Detection(m.start(), m.end(), label, m.group(0), confidence, rule))
    return found


def find_phones(text: str) -> list[Detection]:
    """Swedish phone numbers: 070-123 45 67, +46 70 123 45 67, 0046 8 123 456 78, 08-123 456 78, 031-10 20 30.

    A candidate must start with 0 or +46/0046 and be a valid Swedish number in libphonenumber's plan; a
    candidate that runs into following digits is shortened group by group until it is valid.
    """
    import phonenumbers

    found: list[Detection] = []
    for m in _PHONE.finditer(text):
        start, end = m.start(), m.end()
        while end > start:
            candidate = text[start:end]
            number = _parse_phone(phonenumbers, candidate)
            if number is not None and phonenumbers.is_valid_number(number):
                found.append(Detection(start, end, TELEFON, candidate, 0.95, "rule:phone+phonenumbers"))
                break
            cut = max(candidate.rfind(" "), candidate.rfind("-"), candidate.rfind("\u00a0"), candidate.rfind("/"))
            if cut <= 2:
                break
            end = start + cut
    return found


def _parse_phone(phonenumbers: Any, candidate: str) -> Any:
    try:
        return phonenumbers.parse(candidate.replace("–", "-").replace("(0)", ""), "SE")
    except Exception:  # phonenumbers raises NumberParseException for anything it cannot read
        return None


def find_emails(text: str) -> list[Detection]:
    """E-mail addresses; a trailing full stop is not part of the address."""
    found: list[Detection] = []
    for m in _EMAIL.finditer(text):
        value = m.group(0).rstrip(".")
        found.append(Detection(m.start(), m.start() + len(value), EPOST, value, 0.99, "rule:email"))
    return found


def find_urls(text: str, *, person_slugs: frozenset[str] = frozenset()) -> list[Detection]:
    """URLs that point at a person: profiles on social networks, /~user and /profil/ pages, mailto: links, or a
    URL whose path holds a known person's name (`person_slugs`, e.g. "anna-berg", "annaberg"). Other URLs
    (an organisation's web page) are not personal data and stay."""
    found: list[Detection] = []
    for m in _URL.finditer(text):
        value = m.group(0).rstrip(_TRAILING)
        lower = value.casefold()
        path = lower.split("/", 3)[3] if lower.startswith("http") and lower.count("/") >= 3 else lower.partition("/")[2]
        if _SOCIAL.search(lower):
            found.append(Detection(m.start(), m.start() + len(value), URL, value, 0.9, "rule:url-profile"))
        elif person_slugs and any(slug in path for slug in person_slugs):
            found.append(Detection(m.start(), m.start() + len(value), URL, value, 0.8, "rule:url-name"))
    for m in re.finditer(r"(?i)mailto:", text):
        found.append(Detection(m.start(), m.end(), URL, m.group(0), 0.5, "rule:mailto"))
    return found


def find_addresses(text: str) -> list[Detection]:
    """Street addresses (Storgatan 5, Sankt Eriksgatan 12 B, Box 123), joined with a following ", 123 45 Ort";
    a postnummer with a place name alone counts after an address cue ("adress", "bor på", "Box")."""
    found: list[Detection] = []
    taken_until = -1
    for m in sorted([*_STREET.finditer(text), *_BOX.finditer(text)], key=lambda x: x.start()):
        if m.start() < taken_until:
            continue
        end = m.end()
        post = re.compile(r",?[ \u00a0]*").match(text, end)
        tail = _POSTNUMMER.match(text, post.end()) if post else None
        if tail:
            end = tail.end()
        found.append(Detection(m.start(), end, ADRESS, text[m.start() : end], 0.9, "rule:street-address"))
        taken_until = end
    for m in _POSTNUMMER.finditer(text):
        if m.start() < taken_until and any(d.start <= m.start() < d.end for d in found):
            continue
        if _POSTNUMMER_CUE.search(text, max(0, m.start() - 60), m.start()):
            found.append(Detection(m.start(), m.end(), ADRESS, m.group(0), 0.8, "rule:postnummer"))
    return found
