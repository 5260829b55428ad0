"""Dates and periods: "vecka 12", "3 mars", "den 7 april 2020", "sista december 2020", "i mitten av oktober",
"hösten 2021", "senhösten", "i början av 2016", "i oktober", "sedan 2017", "före jul", "varje fredag".

Each mention becomes a set of fields (year, season, half of the year, month, day, week, weekday, and the third of the
month: "i början av maj" agrees with "7 maj", "i slutet av april" with "30 april" and not with "10 april"; a month
has its season and half: "mars 2020" is not "hösten 2020", "april" not "andra halvåret"; "vid utgången av 2020" is 31
December 2020). A statement's date is found when a date in the evidence agrees on every field both have, shares at
least one and names the day if the statement does ("18 april" is more than "i april"); it conflicts when the evidence
dates share a field with it but disagree; otherwise it is missing (the wider context, e.g. the whole passage, is tried
first).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from textsamverkan.claims.quantities import MONTHS, ORDINAL_WORDS
from textsamverkan.claims.reasons import Outcome, match_mentions

SEASONS = {
    "våren": "vår", "våras": "vår", "sommaren": "sommar", "hösten": "höst", "vintern": "vinter",
    # every year's: "på somrarna" is the summer
    "vårarna": "vår", "somrarna": "sommar", "höstarna": "höst", "vintrarna": "vinter",
}  # fmt: skip
# a season's bare form is one only after "i" ("i höst", "i höstas"); "i vår" is left out, for "i vår kommun" is "our"
_BARE_SEASONS = {
    "höst": "höst", "sommar": "sommar", "vinter": "vinter", "höstas": "höst", "somras": "sommar", "vintras": "vinter",
}  # fmt: skip
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
_WEEKDAY_SHORT = ("mån", "tis", "ons", "tors", "fre", "lör", "sön")
_WEEKDAY_NUMBER = {name: n for names in (WEEKDAYS, _WEEKDAY_SHORT) for n, name in enumerate(names, 1)}
_PATTERNS = (
    # a decade is no year: "i början av 1990-talet" is "i början av 90-talet", not the first half of 1990
    re.compile(r"\b(?:(?P<decadepart>början|mitten|slutet)\s+(?:av|på)\s+)?(?P<decade>(?:19|20)?\d0)-talet\b", re.I),
    # notes write "v. 44", "v.44", "v 44" for "vecka 44"
    re.compile(r"\b(?:vecka\s+|v\.\s*|v\s+)(?P<week>\d{1,2})\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?::[ae])?\s+(?P<month>{_MONTH})\b\.?(?:\s+(?P<year>(?:19|20)\d{{2}})\b)?", re.I),
    # a day in words: "den femtonde oktober 2026"; alone ("Den tionde har vi …") see `_day_alone`
    re.compile(
        rf"\bden\s+(?P<dayword>{'|'.join(sorted(ORDINAL_WORDS, key=len, reverse=True))})\b"
        rf"(?:\s+(?P<month>{_MONTH})\b\.?(?:\s+(?P<year>(?:19|20)\d{{2}})\b)?)?",
        re.I,
    ),
    re.compile(r"\b(?P<iso>(?:19|20)\d{2}-\d{2}-\d{2})\b"),
    # notes' "sedan 24/11", "den 3/4": a day and a month after a word that dates ("1/3 av personalen" and "från 1/3
    # till 3/4" are shares)
    re.compile(
        r"\b(?:den|sedan|efter|före|innan|fr\.o\.m\.|t\.o\.m\.)\s+"
        r"(?P<day>[12]\d|3[01]|0?[1-9])/(?P<monthnumber>1[0-2]|0?[1-9])(?![\d/])",
        re.I,
    ),
    re.compile(
        rf"\b(?P<edge>första|sista)\s+(?:dagen\s+(?:i|av)\s+)?(?P<month>{_MONTH})\b\.?"
        r"(?:\s+(?P<year>(?:19|20)\d{2})\b)?",
        re.I,
    ),
    re.compile(
        rf"\b(?P<part>början|mitten|slutet|utgången)\s+(?:av|på)\s+(?P<month>{_MONTH})\b\.?(?:\s+(?P<year>(?:19|20)\d{{2}})\b)?",
        re.I,
    ),
    re.compile(r"\b(?P<half>första|andra)\s+halvåret\s+(?:av\s+)?(?P<year>(?:19|20)\d{2})\b", re.I),
    # "senhösten", "försommaren": the season ("senhösten" is not "sommaren")
    re.compile(
        rf"\b(?:sen|för|efter)?(?P<season>{'|'.join(sorted(SEASONS, key=len, reverse=True))})"
        r"(?:\s+(?P<year>(?:19|20)\d{2})\b)?",
        re.I,
    ),
    re.compile(rf"\bi\s+(?P<season>{'|'.join(sorted(_BARE_SEASONS, key=len, reverse=True))})\b", re.I),
    # "i vår" where it ends the clause is the spring ("nu i vår, liksom"), not "our"
    re.compile(r"\bi\s+(?P<season>vår)(?=\s*(?:[,.;:!?]|$))", re.I),
    # "i början av 2016" is the first half of 2016, "i slutet av 2020" ("vid utgången av 2020") the second
    re.compile(r"\b(?P<yearpart>början|slutet|utgången)\s+av\s+(?P<year>(?:19|20)\d{2})\b", re.I),
    # "före jul" is Christmas, not the abbreviation of July (the last third of December; "efter jul" is no date)
    re.compile(r"\b(?P<christmas>i|under|till|före|inför|fram till|efter)\s+jul(?:en|helgen)?\b(?!\.\s*\d)", re.I),
    re.compile(
        rf"\b(?:i|under|sedan|från|till|före|efter|fram till)\s+(?P<month>{_MONTH})\b"
        r"(?:\s+(?P<year>(?:19|20)\d{2})\b)?",
        re.I,
    ),
    # notes name a month as a heading of what follows: "april: 2 platser", "Nov.: 3 boende"
    re.compile(rf"\b(?P<month>{_MONTH})\b\.?(?=\s*:)", re.I),
    # a month with its year needs no preposition: "jämförelsemånaden ska vara april 2021"
    re.compile(rf"\b(?P<month>{_MONTH})\b\.?\s+(?P<year>(?:19|20)\d{{2}})\b", re.I),  # "Sept. 2018"
    # the first month of a period, "perioden mars till juni 2020"
    re.compile(rf"\b(?P<month>{_MONTH})(?=\s*(?:till|–|-)\s*(?:{_MONTH})\b)", re.I),
    re.compile(r"(?<![\d:/\-])\b(?P<year>(?:19|20)\d{2})\b(?![:/\-]\d)"),
    # a year as speech says it: "tjugotjugoett", "nittonhundranittio", "tvåtusenelva"
    re.compile(r"\b(?P<spokenyear>(?:nittonhundra|tvåtusen|tjugo)[a-zåäö]+)\b", re.I),
    # a day of the week, as notes shorten it too: "varje fredag", "på tisdagarna", "ons", "varannan tors"; "mån" is
    # also a month's ("varje mån", "kr/mån"), so only where it begins a range of days ("mån–fre")
    re.compile(
        rf"\b(?P<weekday>{'|'.join(WEEKDAYS)})(?:en|ar|arna|s)?\b"
        rf"|\b(?P<weekdayshort>{'|'.join(s for s in _WEEKDAY_SHORT if s != 'mån')})\b\.?"
        rf"|\b(?P<monday>mån)(?=\s*[–-]\s*(?:{'|'.join(_WEEKDAY_SHORT)}))",
        re.I,
    ),
)


THIRDS = {"början": 1, "mitten": 2, "slutet": 3, "utgången": 3}  # "i slutet av april" is the last third of April
# the season and half of the year a month is in: "hösten 2020" is not "mars 2020", "andra halvåret" not "april"
MONTH_SEASONS = {m: ("vinter", "vår", "sommar", "höst")[(m % 12) // 3] for m in range(1, 13)}


def _third(day: int) -> int:
    """Which third of its month a day is in: 1–10, 11–20, 21–31."""
    return 1 if day <= 10 else 2 if day <= 20 else 3


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int
    fields: tuple[tuple[str, int | str], ...]

    def get(self) -> dict[str, int | str]:
        return dict(self.fields)


@lru_cache(maxsize=1 << 18)
def dates(text: str) -> tuple[DateMention, ...]:
    """Every date or period in `text`; a year inside a longer date is not counted again."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(a <= m.start() < b or a < m.end() <= b for a, b in taken):
                continue
            groups = {k: v for k, v in m.groupdict().items() if v}
            fields: dict[str, int | str] = {}
            if "spokenyear" in groups:
                year = spoken_year(groups["spokenyear"])
                if year is None:
                    continue
                groups["year"] = str(year)
            if "dayword" in groups:
                if "month" not in groups and not _day_alone(groups["dayword"], text[m.end() :]):
                    continue
                groups["day"] = str(ORDINAL_WORDS[groups["dayword"].lower()])
            if "christmas" in groups:
                if groups["christmas"].lower() == "efter":
                    taken.append((m.start(), m.end()))
                    continue
                groups["month"], groups["part"] = "december", "slutet"
            if "decade" in groups:
                decade = int(groups["decade"])
                fields["decade"] = decade if decade >= 100 else (1900 if decade >= 30 else 2000) + decade
                if "decadepart" in groups:
                    fields["decadepart"] = THIRDS[groups["decadepart"].lower()]
            if "iso" in groups:
                y, mo, d = groups["iso"].split("-")
                fields = {"year": int(y), "month": int(mo), "day": int(d)}
            for key in ("week", "day", "year"):
                if key in groups:
                    fields[key] = int(groups[key])
            if weekday := groups.get("weekday") or groups.get("weekdayshort") or groups.get("monday"):
                fields["weekday"] = _WEEKDAY_NUMBER[weekday.lower()]
            if "month" in groups:
                fields["month"] = MONTHS[groups["month"].lower()]
            if "monthnumber" in groups:
                fields["month"] = int(groups["monthnumber"])
            if "edge" in groups:  # "sista december 2020" is the 31st, "första april" the 1st
                year = int(groups.get("year", 2001))  # without a year, February has 28 days
                last = calendar.monthrange(year, int(fields["month"]))[1]
                fields["day"] = 1 if groups["edge"].lower() == "första" else last
            if groups.get("yearpart", "").lower() == "utgången":  # "vid utgången av 2020" is 31 December 2020
                fields["month"], fields["day"] = 12, 31
            if groups.get("part", "").lower() == "utgången":  # "utgången av juni 2020" is 30 June
                fields["day"] = calendar.monthrange(int(groups.get("year", 2001)), int(fields["month"]))[1]
            if "part" in groups:
                fields["third"] = THIRDS[groups["part"].lower()]
            elif "day" in fields:
                fields["third"] = _third(int(fields["day"]))
            if "season" in groups:
                said = groups["season"].lower()
                fields["season"] = SEASONS.get(said) or _BARE_SEASONS.get(said, said)  # "i vår" is itself
            elif "month" in fields:
                fields["season"] = MONTH_SEASONS[int(fields["month"])]
            if "half" in groups or "yearpart" in groups:
                said = groups.get("half") or groups["yearpart"]
                fields["half"] = 1 if said.lower() in ("första", "början") else 2
            elif "month" in fields:
                fields["half"] = 1 if int(fields["month"]) <= 6 else 2
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.group().strip(), m.start(), tuple(sorted(fields.items()))))
    return tuple(sorted(found, key=lambda d: d.start))


_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")


def _day_alone(ordinal: str, after: str) -> bool:
    """"den tionde" without a month is a day when no noun follows it ("Den tionde har vi ett pass", "till den
    tjugonde."), not in "den femte vågen"; "den första" and "den andra" are "the first" and "the other" unless a month
    follows."""
    from textsamverkan.claims.bm25 import STOPWORDS

    if ORDINAL_WORDS[ordinal.lower()] <= 2:
        return False
    following = _NEXT_WORD.match(after)
    return following is None or following.group(1).lower() in STOPWORDS  # punctuation or the end, or no noun


def spoken_year(word: str) -> int | None:
    """The year a word says as speech does, or None: "nittonhundranittio" 1990, "tvåtusenelva" 2011, "tjugotjugoett"
    2021 ("tjugo" then a number of ten or more: "tjugonio" is 29)."""
    from textsamverkan.claims.quantities import WORD_NUMBERS

    def below_hundred(said: str) -> int | None:
        if said in WORD_NUMBERS and WORD_NUMBERS[said] < 100:
            return int(WORD_NUMBERS[said])
        tens = next((t for t in WORD_NUMBERS if said.startswith(t) and WORD_NUMBERS[t] in range(20, 100, 10)), None)
        ones = WORD_NUMBERS.get(said[len(tens) :]) if tens else None
        return int(WORD_NUMBERS[tens] + ones) if tens and ones is not None and ones < 10 else None

    low = word.lower()
    for head, century, least in (("nittonhundra", 1900, 1), ("tvåtusen", 2000, 1), ("tjugo", 2000, 10)):
        if low.startswith(head):
            rest = below_hundred(low[len(head) :])
            return century + rest if rest is not None and rest >= least else None
    return None


def _agree(a: DateMention, b: DateMention) -> bool:
    """The statement's date `a` is said by `b`: every field both have equal, and a day only where `b` has one too
    ("18 april" is more than "i april" says)."""
    x, y = a.get(), b.get()
    shared = set(x) & set(y)
    return bool(shared) and all(x[k] == y[k] for k in shared) and ("day" not in x or "day" in y)


def _rival(a: DateMention, b: DateMention) -> bool:
    x, y = a.get(), b.get()
    return any(x[k] != y[k] for k in set(x) & set(y))


def compare_dates(statement: str, evidence: str, context: str = "") -> Outcome:
    """Each date of the statement: found in the evidence (or the context), in conflict with one there, or missing."""
    mine = dates(statement)
    theirs = dates(evidence) if mine else ()

    def first_rival(date: DateMention, others: Sequence[DateMention]) -> DateMention | None:
        """The rival date most like `date`: sharing most fields, then with fewest of its own ("april 2021" for
        "januari 2021", not "1 juli" nor "30 september 2021")."""
        mine = set(date.get())
        rivals = [other for other in others if _rival(date, other)]
        return max(rivals, key=lambda o: (len(mine & set(o.get())), -len(set(o.get()) - mine)), default=None)

    return match_mentions("date", mine, theirs, lambda: dates(context) if context else (), _agree, first_rival)
