"""Swedish quantities in running text: numbers, percentages, scale words, factors and changes.

`parse_quantities("drygt 2 000 personer i veckan")` finds each number with its value, unit, approximation word and
(best effort) the few words that say what it measures. Years, dates ("den 23 november", "2020-03-15"), statute and
document numbers ("(2021:789)", "prop. 2019/20:132"), list, page and paragraph numbers ("avsnitt 83", "3 §",
"(delprojekt 13)"), phone numbers, bare numbers that count nothing, and numbers inside words ("covid-19") are skipped,
so a researcher sees only measured amounts. A range ("10–12 personer") is one quantity with its lower bound in `low`;
a change ("från 30 till 37 procent") is two, the first in the scale and unit of the second. `format_value` prints a
value in plain Swedish notation ("20 miljarder", "12,5 miljoner", "2 000", "1,5"), never in scientific notation.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from typing import Any

WORD_NUMBERS: dict[str, float] = {
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
    "trettio": 30,
    "fyrtio": 40,
    "femtio": 50,
    "sextio": 60,
    "sjuttio": 70,
    "åttio": 80,
    "nittio": 90,
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
    "miljonerna": 1e6,
    "miljarderna": 1e9,
    "mdkr": 1e9,
    "mdr": 1e9,
    "md": 1e9,
    "mnkr": 1e6,
    "mkr": 1e6,
    "tkr": 1e3,
}
SCALE_WORDS = frozenset(_SCALES)
_SCALE_UNIT = {"mdkr": "kr", "mnkr": "kr", "mkr": "kr", "tkr": "kr"}
MONTHS: dict[str, int] = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7, "augusti": 8,
    "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "okt": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
# ordinal words, as days of a month ("den femtonde oktober"), ranks ("fjärde största") and rates ("var fjortonde dag")
_ORDINAL_ONES = ("första", "andra", "tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde", "nionde")
ORDINAL_WORDS: dict[str, int] = {
    **{word: n for n, word in enumerate(_ORDINAL_ONES, 1)},
    "tionde": 10, "elfte": 11, "tolfte": 12, "trettonde": 13, "fjortonde": 14, "femtonde": 15, "sextonde": 16,
    "sjuttonde": 17, "artonde": 18, "nittonde": 19, "tjugonde": 20, "trettionde": 30,
    **{"tjugo" + word: 20 + n for n, word in enumerate(_ORDINAL_ONES, 1)},
    "trettioförsta": 31,
}  # fmt: skip
_MONTH_AFTER = re.compile(r"\s*(?:e\s+|:e\s+)?(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?", re.I)
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
    "längre än",
    "kortare än",
    "maximalt",
    "max",
    "som mest",
    "som högst",
    "som minst",
    "överstiger",
    "översteg",
    "överstiga",
    "överskrider",
    "understiger",
    "understeg",
    "understiga",
    "underskrider",
)
# a bound said another way: "max fyra veckor" and "som mest fyra veckor" are "högst fyra veckor"; denied, a bound
# turns over: "inte fler än 50" is "högst 50", "inte kortare än en månad" "minst en månad"
# "understiger 50 procent" is "under 50 procent"
_SAME_BOUND = {
    "max": "högst", "maximalt": "högst", "som mest": "högst", "som högst": "högst", "som minst": "minst",
    "överstiger": "över", "översteg": "över", "överstiga": "över", "överskrider": "över",
    "understiger": "under", "understeg": "under", "understiga": "under", "underskrider": "under",
}  # fmt: skip
DENIED_BOUND = {
    "fler än": "högst", "mer än": "högst", "över": "högst", "längre än": "högst",
    "färre än": "minst", "mindre än": "minst", "under": "minst", "kortare än": "minst",
}  # fmt: skip
# the words a denying cue may stand before a bound it turns over: any three ("ska inte gälla längre än", "ingen ska
# behöva vänta mer än"), but a time preposition last ("har inte granskats på över ett år" is a time span); before
# "under" only words of being ("ingen får vara under 18 år"), for after another word it is a time ("har inte gjort
# något alls under tre år")
_ANY_GAP = r"(?:[^\W\d_]+\s+){0,3}(?<!\bpå\s)(?<!\bi\s)(?<!\bsedan\s)"
_BEING_GAP = r"(?:(?:får|ska|skall|kan|bör|måste|vara|bli|är|blir|heller)\s+)*"


def denial_gap(bound: str) -> str:
    """The pattern of the words between a denying cue and `bound` (see above)."""
    return _BEING_GAP if bound == "under" else _ANY_GAP


_DENIAL_BEFORE = {
    bound: re.compile(rf"\b(?:inte|ej|ingen|inga|aldrig)\s+{denial_gap(bound)}$", re.I) for bound in DENIED_BOUND
}
APPROX_WORDS = frozenset(word for phrase in _APPROX for word in phrase.split())
UNITS: dict[str, str] = {
    "%": "%",
    "procent": "%",
    "procentenheter": "procentenheter",
    "kr": "kr",
    "kronor": "kr",
    "personer": "personer",
    "patienter": "patienter",
    "kommuner": "kommuner",
    "kommunerna": "kommuner",
    "regioner": "regioner",
    "platser": "platser",
    "dagar": "dagar",
    "dagars": "dagar",
    "dag": "dagar",
    "dagarna": "dagar",
    "dgr": "dagar",  # notes' "9 dgr"
    "dar": "dagar",  # speech's "tre dar"
    "veckor": "veckor",
    "veckors": "veckor",
    "vecka": "veckor",
    "veckas": "veckor",
    "veckorna": "veckor",  # "inom de första två veckorna"
    "v": "veckor",  # notes' "4 v"
    "timmar": "timmar",
    "timmars": "timmar",
    "timme": "timmar",
    "timmarna": "timmar",  # "de sista 48 timmarna"
    "minuter": "minuter",
    "minuters": "minuter",
    "minuterna": "minuter",
    "minut": "minuter",
    "sekunder": "sekunder",
    "sekund": "sekunder",
    "dygn": "dygn",
    "dygns": "dygn",
    "dygnen": "dygn",  # "de senaste två dygnen"
    "mil": "mil",
    "kilometer": "km",
    "km": "km",
    "månader": "månader",
    "månaders": "månader",
    "månad": "månader",
    "mån": "månader",  # notes' "inom 2 mån."
    "månaderna": "månader",
    "år": "år",
    "åren": "år",  # "de senaste tio åren"
    "st": "st",
    "stycken": "st",
    "gånger": "gånger",
    "gång": "gånger",
    "ggr": "gånger",
    "pers": "personer",
    "tim": "timmar",
    "min": "minuter",
    "megawatt": "MW",
    "mw": "MW",
}
_CHANGE_FACTORS: dict[str, float] = {"fördubbl": 2.0, "tredubbl": 3.0, "fyrdubbl": 4.0, "halver": 0.5}
# nouns a number word after names rather than counts: "avdelning två", "plan tre", "fas ett"
_LABEL_BEFORE = re.compile(
    r"\b(?:avdelning|avdelningen|plan|planet|våning|våningen|hus|huset|fas|fasen|steg|steget|nivå|nivån|etapp|"
    r"etappen|sal|salen|modul|modulen)\s+$",
    re.I,
)
_RATE = re.compile(
    r"\s+(i veckan|per vecka|i månaden|per månad|om dagen|per dag|om året|per år|i timmen)\b"
    r"|\s*(/\s*(?:dag|dygn|vecka|v|mån|månad|år|tim|timme))\b",  # notes' "3 ggr/dag", "38 500 kr/mån"
    re.I,
)
_NOT_AMOUNT_BEFORE = re.compile(
    r"(?:\b(?:år|året|åren|avsnitt|kapitel|kap|sidan?|sidorna|s|nr|nummer|paragraf|punkt|punkterna|bilaga|"
    r"vecka|veckorna|v|klockan|kl|prop|sou|ds|dnr|sfs|lag|förordning|förordningen|delprojekt|artikel|art|"
    r"tabell|figur|diagram|fråga|interpellation|motion|avsnitten|version|steg|nivå|fas|etapp|rum|tel|telefon)"
    r"\.?|§|\(|nr\.)\s*$",
    re.I,
)
# a time of day said with its part of the day ("sju på morron", "22 på kvällen"): the times check's, no amount
PART_OF_DAY = r"på\s+(?P<part>morgonen|morronen|morron|förmiddagen|eftermiddagen|kvällen|kvällarna|natten|nätterna)\b"
_PART_OF_DAY_AFTER = re.compile(r"\s+" + PART_OF_DAY, re.I)
# A reference rather than an amount: "3 §", "2 kap.", "17 st." (a paragraph in a statute), "4 a §".
_NOT_AMOUNT_AFTER = re.compile(r"\s*(?:[a-z]\s+)?(?:§|kap\b|kap\.|st\.\s|mom\b|p\.\s)", re.I)
# Statute, bill and document numbers, ISO dates, times, phone numbers and numbered list items: skipped whole.
_REFERENCE = re.compile(
    r"\d{4}\s*/\s*\d{2}\s*:\s*\d+"  # prop. 2019/20:132, bet. 2020/21:SoU5
    r"|\d{4}\s*:\d+"  # SFS 2021:789, SOU 2020:80 (not "2026: 4,2 mnkr", a year and its amount)
    r"|\d{4}-\d{2}-\d{2}"  # 2020-03-15
    r"|\b\d{1,2}[.:]\d{2}\b(?=\s*(?:[-–]|till|och|\)|$|\s))(?<=\d)(?!\s*(?:%|procent|kr|miljon|miljard))"
    r"|(?<!\d[ \u00a0])\b0\d{1,3}\s*[-–]\s*\d[\d ]{4,10}\d"  # 08-405 32 76 (not "85 000–90 000")
    r"|^\s*\d{1,3}[.)](?=\s)",  # "1. Inledning", "2) …" at the start of a line
    re.M,
)
_NUMBER = r"\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?(?!\d)|\d+(?:[.,]\d+)?"
_WORDS = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
# the number words but "en"/"ett" (also articles), longest first: the alternation for regular expressions
NUMBER_WORDS = sorted((w for w in WORD_NUMBERS if w not in ("en", "ett")), key=len, reverse=True)
# number words written as one compound: "tjugofem", "femhundra", "femtiotusen", "tvåhundrafemtio"
COMPOUND_NUMBER = rf"(?:{'|'.join(NUMBER_WORDS)}|ett|en(?=hundra|tusen))(?:{'|'.join(NUMBER_WORDS)}){{1,4}}"
_COMPOUND_WORD = re.compile(COMPOUND_NUMBER)
SHARE_NUMBER = r"\d+|" + "|".join(NUMBER_WORDS)
# "fyra av fem", "i fyra fall av fem", "en av fem" (not "en av de fem största" nor "ett av regeringens två
# partier": one of them, no share)
SHARE = re.compile(
    rf"\b(?P<part>{SHARE_NUMBER}|(?:en|ett)(?=\s+(?:fall\s+)?av\s+(?!de\b|dem\b|[^\W\d_]+s\s)))\s+(?:fall\s+)?av\s+"
    rf"(?:de\s+|dem\s+|totalt\s+|sammanlagt\s+|[^\W\d_]+s\s+)?(?P<whole>{SHARE_NUMBER})\b",
    re.I,
)
_COMPOUND_PIECE = re.compile("|".join(["ett", "en", *NUMBER_WORDS]))
_SCALE = "|".join(sorted(_SCALES, key=len, reverse=True))
_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_APPROX_RE = "|".join(re.escape(a) for a in sorted(_APPROX, key=len, reverse=True))
_APPROX_BEFORE = re.compile(rf"\b({_APPROX_RE})\s+$", re.I)
_BOUND_REACH = 40  # characters before an amount that can hold its bound ("underskrider", "som högst" and blanks)
# "en halv miljard", "en och en halv procent", "två och ett halvt år"
_HALF = r"(?:en|ett)\s+halvt?"
_HALF_RE = re.compile(_HALF, re.I)
HALVES = frozenset(["halv", "halvt"])
# a quantity starts at a digit or at a word's start: "behöver 800 000" holds no "över 800 000" (and the engine skips
# the positions inside words)
_QUANTITY = re.compile(
    r"(?=\d|\b)"
    rf"(?:(?P<approx>{_APPROX_RE})\s+)?"
    rf"(?P<num>{_NUMBER}|\b(?:{_HALF}|{COMPOUND_NUMBER}|{_WORDS})\b)"
    rf"(?P<half>\s+och\s+{_HALF}\b)?"
    rf"(?:\s+(?P<scale>{_SCALE})\b)?"
    # a unit after an order word: "de två första veckorna", "de tre senaste månaderna"
    rf"(?:(?:\s+(?:första|sista|senaste|närmaste|kommande|följande))?\s*(?P<unit>%|\b(?:{_UNIT})\b))?",
    re.IGNORECASE,
)
_YEAR_AFTER = re.compile(r"\s+(?:19|20)\d\d\b")
# a bound said after the amount: "sex veckor som mest", "två gånger som minst"
_BOUND_AFTER = re.compile(r"\s+som\s+(mest|högst|max|minst)\b", re.I)
# a period "en"/"ett" counts as one after a preposition of time or a bound: "på en vecka", "i ett dygn", "inom en
# månad", "mindre än en månad", "drygt en vecka"
_ONE_PERIOD = frozenset(["vecka", "dag", "dygn", "månad"])
_PERIOD_BEFORE = re.compile(
    r"\b(?:på|i|under|efter|inom|om|för|över|än|drygt|knappt|cirka|ca|omkring|runt|nästan|högst|minst|max)\s+$", re.I
)
_FACTOR_WORD = re.compile(r"\b(fördubbl|tredubbl|fyrdubbl|halver)\w*", re.IGNORECASE)
_TIMES = re.compile(r"\s+gånger\s+(fler|mer|större|högre|så många|så mycket|färre|mindre|lägre)\b", re.I)
_MEASURE_WORD = re.compile(r"\s*([^\W\d_][\w-]*)")
_RANGE_END_BEFORE = re.compile(r"\bfrån\s+\S+\s+till\s+$", re.I)
# the lower bound of a range, said before the amount: "10–12 personer", "mellan 10 och 12", "tre till fyra dagar",
# "en eller två dygn" ("från 30 till 37 procent" is a change: two amounts, not a range)
_RANGE_LOW = re.compile(
    rf"(?:\bmellan\s+(?P<between>{_NUMBER}|{_WORDS})\s+och\s+"
    rf"|(?<![\w.,:/–-])(?P<low>{_NUMBER}|{_WORDS})(?:\s*[-–]\s*|\s+(?:till|eller)\s+))$",
    re.I,
)
# what joins a range's lower bound to its upper, just before the upper one
_RANGE_JOIN = re.compile(r"(?:[-–]\s*|\s(?:och|till|eller)\s+)$", re.I)
_FROM_BEFORE = re.compile(r"\bfrån\s+$", re.I)
# where a change starts, said before where it ends: "från 30 till 37 procent", "från tolv till åtta veckor"
_CHANGE_FROM = re.compile(rf"\bfrån\s+(?P<num>{_NUMBER}|\b(?:{COMPOUND_NUMBER}|{_WORDS})\b)\s+till\s+$", re.I)
# a number followed by the rest of a range ("10" in "10–12 personer"): its bound, no amount of its own
_RANGE_REST = re.compile(rf"(?:\s*[-–]\s*|\s+(?:till|eller)\s+)(?:{_NUMBER}|\b(?:{COMPOUND_NUMBER}|{_WORDS})\b)", re.I)
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
    (the words after it, best effort), `kind` ("amount", "factor", or "label": "avdelning två") and its character span
    in the parsed text. A range ("10–12 personer", "mellan 5 och 10 procent") has its lower bound in `low` and its
    upper in `value`."""

    value: float
    unit: str
    approx: str
    measures: str
    per: str
    kind: str
    start: int
    end: int
    text: str
    low: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def format_value(value: float) -> str:
    """A value in plain Swedish notation: 2e10 → "20 miljarder", 1.5e6 → "1,5 miljoner", 2000 → "2 000", 0.5 → "0,5"."""
    for scale, word_one, word_many in ((1e9, "miljard", "miljarder"), (1e6, "miljon", "miljoner")):
        if abs(value) >= scale:
            scaled = round(value / scale, 2)
            return f"{_plain(scaled)} {word_one if scaled == 1 else word_many}"
    return _plain(round(value, 2))


def _plain(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}".replace(",", " ")
    whole, _, frac = f"{value:.2f}".rstrip("0").partition(".")
    return f"{int(whole):,}".replace(",", " ") + "," + frac


# the singular of a plural unit, for an amount of one
_SINGULAR = {
    "gånger": "gång", "dagar": "dag", "veckor": "vecka", "månader": "månad", "timmar": "timme", "minuter": "minut",
    "sekunder": "sekund", "personer": "person", "patienter": "patient",
}  # fmt: skip


def describe(quantity: Quantity | dict[str, Any]) -> str:
    """One quantity for a table: "drygt 15 % (positiva)", "20 miljarder kr", "2 gånger"; never scientific notation."""
    q = quantity.to_dict() if isinstance(quantity, Quantity) else quantity
    measures = f"({q['measures']})" if q.get("measures") and q["measures"] != q.get("unit") else ""  # no "(dagar)"
    value = format_value(float(q["value"]))
    if q.get("low") is not None:
        value = f"{format_value(float(q['low']))}–{value}"
    approx = q.get("approx", "")
    if approx == "-tal":
        value, approx = value + "-tal", ""
    unit = q.get("unit", "")
    if value == "1":  # "1 gång i veckan", "1 månad", not "1 månader"
        unit = _SINGULAR.get(unit, unit)
    per = q.get("per", "")
    if per.startswith("/"):  # "38 500 kr/mån", as notes write it
        unit, per = unit + per.replace(" ", ""), ""
    parts = (approx, value, unit, per, measures)
    return " ".join(x for x in parts if x)


def parse_number(token: str) -> float | None:
    """The value of one Swedish number token: "2 000", "1,5", "15", "tre", "femtiotusen"; None if it is not a
    number."""
    word = token.lower()
    if word in WORD_NUMBERS:
        return WORD_NUMBERS[word]
    if _COMPOUND_WORD.fullmatch(word):
        return _compound_value(word)
    cleaned = token.replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        return float(cleaned)
    except ValueError:
        return None


def _compound_value(word: str) -> float | None:
    """The value of a number word written as one compound ("femhundratjugo" = 520, "tvåtusen" = 2000)."""
    total = current = 0.0
    pieces = _COMPOUND_PIECE.findall(word)
    if "".join(pieces) != word:
        return None
    for piece in pieces:
        value = WORD_NUMBERS[piece]
        if value == 100:
            current = (current or 1) * 100
        elif value == 1000:
            total += (current or 1) * 1000
            current = 0
        else:
            current += value
    return total + current


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


_YEARLIKE = re.compile(r"(?:19|20)\d\d")


def _range_low(text: str, start: int) -> re.Match[str] | None:
    """The lower bound said before an amount that starts at `start`, when the two make a range (not "från 30 till
    37", a change)."""
    if not _RANGE_JOIN.search(text, max(0, start - 8), start):
        return None  # most amounts: no dash, "och", "till" or "eller" right before, so no range to look for
    m = _RANGE_LOW.search(text, max(0, start - 40), start)
    if m is None or _change(text, m.start()):
        return None
    return m


def _change(text: str, at: int) -> bool:
    """An amount at `at` that a "från" opens: "från 30 till 37 procent" says where a change started."""
    return bool(_FROM_BEFORE.search(text, max(0, at - 8), at))


def _change_start(changed: re.Match[str], end: Quantity, scale: str, offset: int) -> list[Quantity]:
    """Where a change starts ("30" in "från 30 till 37 procent"), in the scale, unit and kind of where it ends
    (`end`); none when it is a year ("från 2017 till 37 procent")."""
    said = changed.group("num")
    value = parse_number(said)
    if value is None or _YEARLIKE.fullmatch(said):
        return []
    start, stop = changed.span("num")
    value *= _SCALES[scale] if scale else 1.0
    return [replace(end, value=value, approx="", start=offset + start, end=offset + stop, text=said, low=None)]


def approx_word(m: re.Match[str]) -> str:
    return (m.group("approx") or "").lower()


def bound_before(text: str, at: int) -> tuple[int, str] | None:
    """The approximation or bound said just before position `at` of `text` ("högst hälften", "drygt tre av tio",
    "understiger hälften"), as a bound says it (`_bound`: "max" is "högst", a denied "fler än" is "högst"), and where
    it starts; None when there is none."""
    m = _APPROX_BEFORE.search(text, max(0, at - _BOUND_REACH), at)  # `\b` still reads the text before it
    if m is None:
        return None
    return m.start(), _bound(m.group(1).lower(), text[max(0, m.start() - 40) : m.start()])


def _bound(approx: str, before: str) -> str:
    """The approximation word as a bound says it: "max" as "högst", a denied "fler än" as "högst"."""
    approx = _SAME_BOUND.get(approx, approx)
    if approx in DENIED_BOUND and _DENIAL_BEFORE[approx].search(before):
        return DENIED_BOUND[approx]
    return approx


def _counts_something(text: str, pos: int) -> bool:
    """A bare number counts something when a content word follows ("49 kommuner", "30-tal delprojekt")."""
    tail = re.match(r"(?:-?tal)?\s+(?:av\s+(?:de\s+|dem\s+)?)?([^\W\d_][\w-]*)", text[pos:])
    return (
        bool(tail)
        and tail is not None
        and tail.group(1).lower() not in _STOP
        and tail.group(1).lower() not in ("och", "respektive", "resp", "till", "samt", "eller", "om", "den", "det")
    )


def _is_year(value: float, raw: str, unit: str, before: str, approx: str, rate: bool, counted: bool) -> bool:
    """A year ("under 2020", "15 procent färre än 2018") or a reference number ("avsnitt 83"), not an amount.
    `counted`: a content word follows, so that "fler än 2000 personer" stays an amount."""
    if unit or rate:
        return False
    compared = approx in ("", "under", "över") or (approx.endswith(" än") and not counted)
    if raw.isdigit() and len(raw) == 4 and 1900 <= value <= 2100 and compared:
        return True
    return bool(_NOT_AMOUNT_BEFORE.search(before))


_THAN_YEAR = re.compile(r"\s+än" + _YEAR_AFTER.pattern)


def than_year(text: str, pos: int) -> bool:
    """`text` at `pos` compares with a year, not with an amount: "färre" in "15 procent färre än 2018" (a year that
    counts nothing; "fler än 2000 personer" is a bound of an amount)."""
    m = _THAN_YEAR.match(text, pos)
    return m is not None and not _counts_something(text, m.end())


def parse_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Every quantity in `text`, in order, with spans shifted by `offset` (the text's start in its document)."""
    found: list[Quantity] = []
    references = [(r.start(), r.end()) for r in _REFERENCE.finditer(text)]
    for m in _QUANTITY.finditer(text):
        raw = m.group("num")
        start = m.start("num")
        if any(a <= start < b for a, b in references):
            continue
        range_low = _range_low(text, start)
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-–:/.") and not range_low:
            continue
        after = m.end("num")
        if _RANGE_REST.match(text, after):
            continue  # the lower bound of a range, or where a change starts: the amount after it carries it
        glued = after < len(text) and (text[after].isalpha() or text[after : after + 2] in (":e", ":a"))
        if glued and not re.match(r"-?tal\b", text[after:]):
            continue
        if after < len(text) and text[after] in ":/" and text[after + 1 : after + 2].isdigit():
            continue
        if _MONTH_AFTER.match(text, after) or _NOT_AMOUNT_AFTER.match(text, after):
            continue
        if _PART_OF_DAY_AFTER.match(text, after):
            continue
        start = m.start()
        value = 0.5 if _HALF_RE.fullmatch(raw) else parse_number(raw)
        if value is None:
            continue
        low_said = (range_low.group("low") or range_low.group("between")) if range_low else ""
        low = parse_number(low_said) if low_said else None
        range_approx = ""  # "omkring 10-15 procent": the approximation before the lower bound
        if low is not None and range_low is not None:
            if low >= value or _YEARLIKE.fullmatch(low_said):
                low = None  # "2020–2021", "under 2020 till 8 890", "12–10": no range of an amount
            else:
                start = range_low.start()
                said = _APPROX_BEFORE.search(text, max(0, start - _BOUND_REACH), start)
                if said and not m.group("approx"):
                    start, range_approx = said.start(), said.group(1).lower()
        if m.group("half"):
            value += 0.5
        scale = (m.group("scale") or "").lower()
        unit_raw = (m.group("unit") or "").lower()
        # "41,8 miljarder år 2030": "år" names the year, no unit of an amount in millions
        year_named = unit_raw == "år" and bool(scale) and bool(_YEAR_AFTER.match(text, m.end()))
        if year_named:
            unit_raw = ""
        is_word = raw[0].isalpha()
        # "avdelning två" names a ward and counts nothing: a label, as "dag 90" is
        label = is_word and bool(_LABEL_BEFORE.search(text, max(0, start - 20), start))
        # "en gång i veckan" is a frequency; "en gång till", "på en gång" are no amounts
        once = raw.lower() == "en" and unit_raw == "gång" and bool(_RATE.match(text, m.end()))
        # "på en vecka", "i ett dygn" is one ("en dag kom hon" is no period)
        num_start = m.start("num")
        one_period = unit_raw in _ONE_PERIOD and bool(_PERIOD_BEFORE.search(text, max(0, num_start - 12), num_start))
        if is_word and raw.lower() in ("en", "ett") and not (
            scale or unit_raw in ("%", "procent") or m.group("half") or once or one_period
        ):
            continue
        if is_word and not (scale or unit_raw or label or _TIMES.match(text, m.end())):
            if raw.lower() in ("hundra", "tusen") or value >= 100:
                pass  # a number word of a hundred or more is an amount by itself ("uppgick till tvåhundrafyrtiotusen")
            elif not (_MEASURE_WORD.match(text, m.end()) or _RANGE_END_BEFORE.search(text, max(0, start - 40), start)):
                continue  # (one that ends "från arton till tjugofyra" is the range's other bound)
        if scale:
            value *= _SCALES[scale]
            low = None if low is None else low * _SCALES[scale]  # "85–90 tusen": both bounds in thousands
        unit = UNITS.get(unit_raw, "") or _SCALE_UNIT.get(scale, "")
        approx_tal = "-tal" if re.match(r"-?tal\b", text[m.end("num") :]) and not approx_word(m) else ""
        end = m.end("scale") if year_named else m.end()
        if approx_tal:
            end = m.end("num") + re.match(r"-?tal", text[m.end("num") :]).end()  # type: ignore[union-attr]
        approx = _bound(approx_word(m) or range_approx, text[max(0, start - 40) : start]) or approx_tal
        if not approx and (said_after := _BOUND_AFTER.match(text, end)):
            approx = "minst" if said_after.group(1).lower() == "minst" else "högst"  # "sex veckor som mest"
        rate_follows = bool(_RATE.match(text, end))
        before = text[max(0, start - 14) : m.start("num")]
        if _is_year(value, raw, unit, before, approx, rate_follows, _counts_something(text, m.end())):
            continue
        bare = not (scale or unit or approx or rate_follows or is_word)
        if bare and not _TIMES.match(text, end) and not _counts_something(text, m.end()):
            continue
        kind = "label" if label else "amount"
        times = _TIMES.match(text, end) if unit == "gånger" or not unit else None
        if unit == "gånger" or times:
            kind = "factor"
            unit = "gånger"
            if times:
                end = times.end()
        rate = _RATE.match(text, end)
        per = (rate.group(1) or rate.group(2)).lower() if rate else ""
        measures = _measures(text, rate.end() if rate else end)
        quantity = Quantity(
            value=value,
            unit=unit,
            approx=approx,
            measures=measures or (unit if unit not in ("%", "kr", "mkr", "tkr", "gånger", "") else ""),
            per=per,
            kind=kind,
            start=offset + start,
            end=offset + (rate.end() if rate else end),
            text=text[start : rate.end() if rate else end],
            low=low,
        )
        if kind != "label" and (changed := _CHANGE_FROM.search(text, max(0, m.start() - 40), m.start())):
            found += _change_start(changed, quantity, scale, offset)
        found.append(quantity)
    for m in _FACTOR_WORD.finditer(text):
        factor = _CHANGE_FACTORS[m.group(1).lower()]
        found.append(Quantity(factor, "gånger", "", "", "", "factor", offset + m.start(), offset + m.end(), m.group()))
    return sorted(found, key=lambda q: (q.start, q.end))
