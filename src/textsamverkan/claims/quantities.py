"""Swedish quantities in running text: numbers, percentages, scale words, factors and changes.

`parse_quantities("drygt 2 000 personer i veckan")` finds each number with its value, unit, approximation word and
(best effort) the few words that say what it measures. Years, ordinal-like references ("avsnitt 83") and numbers
inside words ("covid-19") are skipped, so a researcher sees only amounts.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

_WORD_NUMBERS: dict[str, float] = {
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
    "elva": 11,
    "tolv": 12,
    "tretton": 13,
    "fjorton": 14,
    "femton": 15,
    "sexton": 16,
    "sjutton": 17,
    "arton": 18,
    "nitton": 19,
    "tjugo": 20,
    "hundra": 100,
    "tusen": 1000,
    "en": 1,
    "ett": 1,
}
_SCALES: dict[str, float] = {
    "hundra": 100,
    "tusen": 1000,
    "miljon": 1e6,
    "miljoner": 1e6,
    "miljard": 1e9,
    "miljarder": 1e9,
}
_APPROX = (
    "drygt",
    "runt",
    "cirka",
    "ca",
    "omkring",
    "nästan",
    "över",
    "under",
    "ungefär",
    "närmare",
    "knappt",
    "minst",
    "högst",
    "kring",
    "mer än",
    "mindre än",
    "fler än",
    "färre än",
    "upp till",
    "uppemot",
)
_UNITS: dict[str, str] = {
    "%": "%",
    "procent": "%",
    "procentenheter": "procentenheter",
    "kr": "kr",
    "kronor": "kr",
    "mkr": "mkr",
    "mnkr": "mkr",
    "tkr": "tkr",
    "personer": "personer",
    "patienter": "patienter",
    "kommuner": "kommuner",
    "kommunerna": "kommuner",
    "regioner": "regioner",
    "platser": "platser",
    "dagar": "dagar",
    "veckor": "veckor",
    "timmar": "timmar",
    "månader": "månader",
    "år": "år",
    "st": "st",
    "stycken": "st",
    "gånger": "gånger",
}
_CHANGE_FACTORS: dict[str, float] = {"fördubbl": 2.0, "tredubbl": 3.0, "fyrdubbl": 4.0, "halver": 0.5}
_RATE = re.compile(r"\s+(i veckan|per vecka|i månaden|per månad|om dagen|per dag|om året|per år|i timmen)\b", re.I)
_NOT_AMOUNT_BEFORE = re.compile(
    r"\b(?:år|året|avsnitt|kapitel|sidan?|nr|nummer|paragraf|§|vecka|klockan|kl\.?)\s*$", re.I
)
_NUMBER = r"\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?(?!\d)|\d+(?:[.,]\d+)?"
_WORDS = "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
_SCALE = "|".join(sorted(_SCALES, key=len, reverse=True))
_UNIT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_APPROX_RE = "|".join(re.escape(a) for a in sorted(_APPROX, key=len, reverse=True))
_QUANTITY = re.compile(
    rf"(?:(?P<approx>{_APPROX_RE})\s+)?"
    rf"(?P<num>{_NUMBER}|\b(?:{_WORDS})\b)"
    rf"(?:\s+(?P<scale>{_SCALE})\b)?"
    rf"(?:\s*(?P<unit>%|\b(?:{_UNIT})\b))?",
    re.IGNORECASE,
)
_FACTOR_WORD = re.compile(r"\b(fördubbl|tredubbl|fyrdubbl|halver)\w*", re.IGNORECASE)
_TIMES = re.compile(r"\s+gånger\s+(fler|mer|större|högre|så många|så mycket|färre|mindre|lägre)\b", re.I)
_MEASURE_WORD = re.compile(r"\s*([^\W\d_][\w-]*)")
_STOP = frozenset(
    [
        "och",
        "eller",
        "men",
        "att",
        "som",
        "i",
        "på",
        "av",
        "för",
        "med",
        "till",
        "från",
        "om",
        "är",
        "var",
        "har",
        "hade",
        "ska",
        "kan",
        "det",
        "den",
        "de",
        "en",
        "ett",
    ]
)


@dataclass(frozen=True)
class Quantity:
    """One amount: `value` (a plain float; a factor for "tre gånger fler" or "fördubblats"), `unit` ("%", "kr",
    "personer", "gånger", "" …), `approx` (drygt, runt, …, or ""), `per` (a rate such as "i veckan"), `measures`
    (the words after it, best effort), `kind` ("amount" or "factor") and its character span in the parsed text."""

    value: float
    unit: str
    approx: str
    measures: str
    per: str
    kind: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def parse_number(token: str) -> float | None:
    """The value of one Swedish number token: "2 000", "1,5", "15", "tre"; None if it is not a number."""
    word = token.lower()
    if word in _WORD_NUMBERS:
        return _WORD_NUMBERS[word]
    cleaned = token.replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        return float(cleaned)
    except ValueError:
        return None


def _measures(text: str, pos: int) -> str:
    """Up to three words after `pos`, stopping at punctuation or a function word once a content word was taken."""
    words: list[str] = []
    lead = re.match(r"\s+av\s+(?:de\s+|dem\s+)?", text[pos:])
    if lead:
        pos += lead.end()
    while len(words) < 3:
        m = _MEASURE_WORD.match(text, pos)
        if m is None:
            break
        word = m.group(1)
        if word.lower() in _STOP:
            break
        words.append(word)
        pos = m.end()
    return " ".join(words)


def _is_year(value: float, raw: str, unit: str, before: str, approx: str, rate: bool) -> bool:
    """A year ("under 2020") or a reference number ("avsnitt 83"), not an amount."""
    if unit or rate:
        return False
    if raw.isdigit() and len(raw) == 4 and 1900 <= value <= 2100 and approx in ("", "under", "över"):
        return True
    return bool(_NOT_AMOUNT_BEFORE.search(before))


def parse_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Every quantity in `text`, in order, with spans shifted by `offset` (the text's start in its document)."""
    found: list[Quantity] = []
    for m in _QUANTITY.finditer(text):
        raw = m.group("num")
        start = m.start()
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-–"):
            continue
        if m.end("num") < len(text) and text[m.end("num")].isalpha():
            continue
        value = parse_number(raw)
        if value is None:
            continue
        scale = (m.group("scale") or "").lower()
        unit_raw = (m.group("unit") or "").lower()
        is_word = raw[0].isalpha()
        if is_word and raw.lower() in ("en", "ett") and not (scale or unit_raw in ("%", "procent")):
            continue
        if is_word and not (scale or unit_raw or _TIMES.match(text, m.end())):
            if raw.lower() in ("hundra", "tusen"):
                pass
            elif not _MEASURE_WORD.match(text, m.end()):
                continue
        if scale:
            value *= _SCALES[scale]
        unit = _UNITS.get(unit_raw, "")
        end = m.end()
        approx = (m.group("approx") or "").lower()
        if _is_year(value, raw, unit, text[max(0, start - 12) : start], approx, bool(_RATE.match(text, end))):
            continue
        kind = "amount"
        times = _TIMES.match(text, end) if unit == "gånger" or not unit else None
        if unit == "gånger" or times:
            kind = "factor"
            unit = "gånger"
            if times:
                end = times.end()
        rate = _RATE.match(text, end)
        per = rate.group(1).lower() if rate else ""
        measures = _measures(text, rate.end() if rate else end)
        found.append(
            Quantity(
                value=value,
                unit=unit,
                approx=approx,
                measures=measures or (unit if unit not in ("%", "kr", "mkr", "tkr", "gånger", "") else ""),
                per=per,
                kind=kind,
                start=offset + start,
                end=offset + (rate.end() if rate else end),
                text=text[start : rate.end() if rate else end],
            )
        )
    for m in _FACTOR_WORD.finditer(text):
        factor = _CHANGE_FACTORS[m.group(1).lower()]
        found.append(Quantity(factor, "gånger", "", "", "", "factor", offset + m.start(), offset + m.end(), m.group()))
    return sorted(found, key=lambda q: (q.start, q.end))
