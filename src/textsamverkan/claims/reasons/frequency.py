"""How often something happens: "varje dag", "dagligen", "varannan vecka", "var tredje månad", "två gånger i veckan",
"4 ggr/dag", "fyra besök om dagen", "på tisdagar och fredagar", notes' "var 6:e vecka" and "1 g/v.", each as times
per day.

A statement's frequency is found when the evidence says the same rate in any form ("varje vecka" is "veckovis" and
"en gång i veckan"), and conflicts when the evidence, in a clause that shares a content word with the statement's,
says only other rates ("varje dag" against "varannan dag", "varje månad" against "varannan månad"). Two counts said
in numbers on both sides ("en gång i veckan" against "två gånger i veckan") are the number check's. A frequency the
evidence does not state is not judged here: restatements often leave a rate implicit ("besöker boendet varje dag"
for "är på boendet dagarna i ända"), and a missing period word is already salient in the content comparison.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from textsamverkan.claims.quantities import NUMBER_WORDS, ORDINAL_WORDS, parse_number
from textsamverkan.claims.reasons import Outcome
from textsamverkan.claims.reasons.dates import WEEKDAYS

# days a period lasts
_DAYS = {
    "timme": 1 / 24, "dag": 1.0, "dygn": 1.0, "vecka": 7.0, "månad": 30.44, "kvartal": 91.31, "halvår": 182.6,
    "termin": 182.6, "år": 365.25,
}  # fmt: skip
_UNIT_FORMS = {
    "dag": "dag", "dagen": "dag", "dygn": "dygn", "dygnet": "dygn", "vecka": "vecka", "veckan": "vecka",
    "månad": "månad", "månaden": "månad", "kvartal": "kvartal", "kvartalet": "kvartal", "halvår": "halvår",
    "halvåret": "halvår", "termin": "termin", "terminen": "termin", "år": "år", "året": "år",
    "timme": "timme", "timmen": "timme",
    # notes' shortenings: "var 3:e tim.", "1 g/v.", "var 2:a mån"
    "tim": "timme", "v": "vecka", "mån": "månad",
    # the time of a day recurs daily
    "morgon": "dag", "kväll": "dag", "natt": "dag", "förmiddag": "dag", "eftermiddag": "dag",
}  # fmt: skip
_ADVERBS = {
    "dagligen": 1.0, "dagligdags": 1.0, "veckovis": 1 / 7, "månadsvis": 1 / 30.44,
    "kvartalsvis": 1 / 91.31, "halvårsvis": 1 / 182.6, "årligen": 1 / 365.25, "årsvis": 1 / 365.25,
}  # fmt: skip
# "var tredje vecka" … "var fjortonde dag": ordinals from the third ("det var första dagen", "det var andra veckan"
# say which day or week, not how often), and "var annan" as "varannan"
_ORDINALS = {"annan": 2, "annat": 2, **{word: n for word, n in ORDINAL_WORDS.items() if n >= 3}}
_UNIT = "|".join(sorted(_UNIT_FORMS, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)
# "varje dag", "var tredje vecka", "varannan månad", "vartannat år", "varenda kväll", "varje måndag"
_EVERY = re.compile(
    rf"\b(?:varje|varenda|vart|varannan|vartannat|var\s+(?P<nth>{'|'.join(_ORDINALS)}|(?P<digits>\d{{1,2}}):[ae]))\s+"
    rf"(?P<unit>{_UNIT}|(?P<weekday>{_WEEKDAY}))\b",
    re.I,
)
# "två gånger i veckan", "4 ggr/dag", "tre gånger dagligen", "två gånger varje vecka", "fyra besök om dagen": a count
# of times, or of the visits and occasions care is counted in (not of amounts: "30 kronor per dag" is a price)
_TIMES = re.compile(
    rf"\b(?P<count>\d+|en|ett|{'|'.join(NUMBER_WORDS)})\s*(?P<times>gång(?:er)?|ggr|g(?=\s*/)|besök|tillfällen)\s*"
    rf"(?:(?:i|per|om|varje|/)\s*(?P<unit>{_UNIT})|(?P<adverb>dagligen|veckovis|månadsvis|årligen))\b",
    re.I,
)
_ADVERB = re.compile(rf"\b(?:{'|'.join(_ADVERBS)})\b", re.I)
# "på tisdagar och fredagar", "måndagar, onsdagar och fredagar": each named weekday once a week
_WEEKDAYS = re.compile(rf"\b(?:{_WEEKDAY})ar(?:(?:\s*,\s*|\s+och\s+|\s+samt\s+)(?:{_WEEKDAY})ar)*\b", re.I)
_TOLERANCE = 0.05
_MOST_SHORT_TIMES = 12  # notes' "1 g/v." is a count of times; "500 g/dag" a weight


@dataclass(frozen=True)
class Frequency:
    """A rate said in `text` at start..end of its sentence; `counted`: said as a number of times ("två gånger i
    veckan"), which the number check also reads, `times` of them."""

    per_day: float
    text: str
    start: int
    end: int
    counted: bool
    times: float = 0.0


@lru_cache(maxsize=1 << 14)
def frequencies(text: str) -> tuple[Frequency, ...]:
    """Every frequency said in `text`, in text order; a count with its period is read once, not also as its adverb."""
    found: list[Frequency] = []
    for m in _TIMES.finditer(text):
        times = parse_number(m.group("count"))
        if times is None or (m.group("times").lower() == "g" and times > _MOST_SHORT_TIMES):
            continue  # "500 g/dag" is grams
        unit = m.group("unit")
        days = _DAYS[_UNIT_FORMS[unit.lower()]] if unit else 1 / _ADVERBS[m.group("adverb").lower()]
        found.append(Frequency(times / days, m.group(), m.start(), m.end(), True, times))
    for m in _EVERY.finditer(text):
        every_other = m.group().lower().startswith(("varannan", "vartannat"))
        digits = m.group("digits")
        nth = 2 if every_other else int(digits) if digits else _ORDINALS.get((m.group("nth") or "").lower(), 1)
        days = 7.0 if m.group("weekday") else _DAYS[_UNIT_FORMS[m.group("unit").lower()]]
        found.append(Frequency(1 / (nth * days), m.group(), m.start(), m.end(), False))
    for m in _ADVERB.finditer(text):
        found.append(Frequency(_ADVERBS[m.group().lower()], m.group(), m.start(), m.end(), False))
    for m in _WEEKDAYS.finditer(text):
        named = {w.lower() for w in re.findall(rf"(?:{_WEEKDAY})", m.group(), re.I)}
        found.append(Frequency(len(named) / 7, m.group(), m.start(), m.end(), False))
    kept: list[Frequency] = []
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        if not any(k.start <= f.start < k.end for k in kept):
            kept.append(f)
    return tuple(kept)


def frequency_words(said: Iterable[str]) -> frozenset[str]:
    """Lower-cased words of frequencies as said (`Frequency.text`, or the statement's side of a conflict)."""
    return frozenset(w.lower() for text in said for w in re.findall(r"[^\W\d_]+", text))


def compare_frequency(statement: str, evidence: str) -> Outcome:
    """Each frequency of the statement: found when the evidence says the same rate, in conflict when the evidence's
    clauses about the same thing say only other rates (not when both are counts of different numbers, the number
    check's: "två gånger varje år" against "två gånger per termin" is this check's)."""
    outcome = Outcome("frequency")
    mine = frequencies(statement)
    theirs = frequencies(evidence) if mine else ()
    for f in mine:
        if any(_same(f, t) for t in theirs):
            outcome.found.append(f.text)
            continue
        rivals = [
            t
            for t in _about_the_same(statement, f, evidence, theirs)
            if not (f.counted and t.counted and f.times != t.times)
        ]
        if rivals:
            outcome.conflict.append((f.text, rivals[0].text))
    return outcome


def _same(a: Frequency, b: Frequency) -> bool:
    return abs(a.per_day - b.per_day) <= _TOLERANCE * max(a.per_day, b.per_day)


def _about_the_same(statement: str, mine: Frequency, evidence: str, theirs: Sequence[Frequency]) -> list[Frequency]:
    """The evidence's frequencies whose clause shares a word, its verb too, with the clause of the statement's
    frequency (the whole statement when that clause holds none): "hon kom varannan dag" for "sköterskan kom varje
    dag". The closest rate first: the likeliest to be said of the same thing."""
    said = _lemmas(_clause(statement, mine)) or _lemmas(statement)
    out = [t for t in theirs if said & _lemmas(_clause(evidence, t))]
    return sorted(out, key=lambda t: abs(math.log(t.per_day / mine.per_day)))


# pronouns and time words a clause may share with any other
_PLAIN = frozenset(["han", "hon", "hen", "oss", "mig", "dig", "er", "sen", "sedan"])


def _lemmas(text: str) -> frozenset[str]:
    """The lemmas of the words of `text` but function words and pronouns."""
    from textsamverkan.claims.bm25 import STOPWORDS
    from textsamverkan.claims.reasons.words import analyse

    words = (w.lower() for w in re.findall(r"[^\W\d_][\w-]*", text))
    return frozenset(analyse(w).lemma for w in words if len(w) >= 3 and w not in STOPWORDS and w not in _PLAIN)


def _clause(text: str, f: Frequency) -> str:
    """The clause of `text` that holds `f` (`negation.CLAUSE_BREAK`, or a sentence's end), without the frequency."""
    from textsamverkan.claims.reasons.negation import CLAUSE_BREAK

    breaks = re.compile(rf"[.!?]|{CLAUSE_BREAK.pattern}", re.I)
    starts = [m.end() for m in breaks.finditer(text, 0, f.start)]
    end = breaks.search(text, f.end)
    return text[starts[-1] if starts else 0 : f.start] + " " + text[f.end : end.start() if end else len(text)]
