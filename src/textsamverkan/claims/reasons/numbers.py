"""Numbers with units and approximations: "drygt 300 sjuksköterskor" against "drygt 30 sjuksköterskor".

Amounts come from `parse_quantities` (number words, "tusen", "20 miljarder", per cent, factors such as "fördubblats")
plus "hälften" and "halva" (50 %, "nästan hälften" approximate), fractions ("en fjärdedel", "tre femtedelar", "var
tredje", "varannan"), "dubbelt så" (a factor 2), "ett par hundra" (about 200), shares said as "sex av tio", "i fyra
fall av fem" or "en av fem" (about 60 %, 80 %, 20 %; the parts of a share out of ten or fewer are no amounts of their
own; a share out of more, "212 av 290", counts its part and may hold a statement's percentage but rivals nothing) and
ranges. A range ("10–12 personer", "mellan 5 och 10 procent", "en eller två dygn", "tre till fyra dagar"; the
parser's `low`) is one amount spanning its bounds; "från 30 till 37 procent" is two amounts, a change, the first in
the unit of the second (a year is no bound). A range holds an amount inside it, unless the evidence says two amounts
of its kind: then those are its bounds, and each bound of the statement's range must be among them. Units that
convert are compared in one unit:
dygn, minuter and sekunder in hours, veckor in days, mil in kilometres, "stycken" as a plain count; days and hours
agree in hours ("två dagar" is "två dygn"). Two amounts agree when their values are within 2 % (15 % when either is
approximate: "omkring", "drygt", "30-tal" …, or one is a bound such as "högst" against a plain number; two bounds
must agree within 2 %; a range agrees with an amount or a range inside it, "11 personer" with "10–12 personer"),
and an approximation that says its side keeps to it ("drygt 25 000" is at least 25 000: not "nästan 21 000", not
"21 000", not "knappt 25 000"). An amount in the evidence with the same unit, or the same kind
when neither has one, and another value is a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from textsamverkan.claims.quantities import (
    APPROX_WORDS,
    COMPOUND_NUMBER,
    HALVES,
    MONTHS,
    NUMBER_WORDS,
    SCALE_WORDS,
    SHARE,
    SHARE_NUMBER,
    UNITS,
    Quantity,
    bound_before,
    describe,
    parse_number,
    parse_quantities,
)
from textsamverkan.claims.reasons import Outcome, match_mentions
from textsamverkan.claims.reasons.dates import dates
from textsamverkan.claims.reasons.ranks import rank_conflicts
from textsamverkan.claims.reasons.scope import scope_conflicts, whole_not_counted
from textsamverkan.claims.reasons.times import times

# how far two values may lie apart, as a share of the larger: an exact figure, and one said with "cirka", "drygt",
# "nästan" and the like ("cirka 100" is 85–115, not 83)
EXACT = 0.02
APPROXIMATE = 0.15
# periods said in words: "under ett halvt sekel" is fifty years, "i över ett halvår" more than six months, "en
# halvtimme per besök" half an hour, "en dryg timme" drygt one, "en kvart" a quarter (not "en kvart i tre", a time of
# day, nor "en kvarts miljon"); times in hours, as `amounts` gives minutes
_PERIODS = (
    (re.compile(r"\bett halvt sekel\b", re.I), 50.0, "år", "amount", ""),
    (re.compile(r"\bett sekel\b", re.I), 100.0, "år", "amount", ""),
    (re.compile(r"\b(?:ett halvår|senaste halvåret)\b", re.I), 6.0, "månader", "amount", ""),
    *(
        (re.compile(rf"\ben {said}{word}\b", re.I), hours, "timmar", "amount", approx)
        for said, approx in (("", ""), ("dryg ", "drygt"), ("knapp ", "knappt"))
        for word, hours in ((r"timm[ea]s?", 1.0), (r"halvtimm[ea]s?", 0.5), (r"kvart(?!\s+(?:i|över)\s+\w)", 0.25))
    ),
    (re.compile(r"\btre kvart\b(?!\s+(?:i|över)\s+\w)", re.I), 0.75, "timmar", "amount", ""),
)
# "ett femtiotal experter" is about fifty, "ett tusental" about a thousand ("30-tal" in digits is a quantity)
_ROUND_NUMBERS = {
    "tio": 10.0, "tjugo": 20.0, "trettio": 30.0, "fyrtio": 40.0, "femtio": 50.0, "sextio": 60.0, "sjuttio": 70.0,
    "åttio": 80.0, "nittio": 90.0, "hundra": 100.0, "tusen": 1000.0, "dussin": 12.0,
}  # fmt: skip
_DECREASE = r"(?:minsk|sänk|reducer|skär\w*\s+ner|skurit\s+ner|dra\w*\s+(?:\w+\s+)?ner|drog\s+(?:\w+\s+)?ner)\w*"
_EXTRA = (
    # "hälften så många" is a factor ("halverats"), "hälften" alone a share
    (re.compile(r"\bhälften\b(?!\s+så\b)", re.I), 50.0, "%", "amount", ""),
    (re.compile(r"\bhälften så\b", re.I), 0.5, "gånger", "factor", ""),
    (re.compile(r"\bdubbelt så\b", re.I), 2.0, "gånger", "factor", ""),
    # "upp till det dubbla" is "fördubblas", "dra ner timmarna med hälften" is "halvera timmarna"
    (re.compile(r"\bdet dubbla\b", re.I), 2.0, "gånger", "factor", ""),
    (re.compile(rf"\b{_DECREASE}\b[^.;:]{{0,60}}?\bmed hälften\b", re.I), 0.5, "gånger", "factor", ""),
    (re.compile(r"\bett par hundra\b", re.I), 200.0, "", "amount", "omkring"),
    (re.compile(r"\bett par tusen\b", re.I), 2000.0, "", "amount", "omkring"),
    *((re.compile(rf"\bett {w}tal\b", re.I), size, "", "amount", "omkring") for w, size in _ROUND_NUMBERS.items()),
    (re.compile(r"\bhalva\b", re.I), 50.0, "%", "amount", ""),
    (re.compile(r"\b(?:varannan|vartannat|varsannan)\b", re.I), 50.0, "%", "amount", ""),
    (re.compile(r"\b(?:vart?|varje) tredje\b", re.I), 100 / 3, "%", "amount", ""),
    (re.compile(r"\b(?:vart?|varje) fjärde\b", re.I), 25.0, "%", "amount", ""),
    (re.compile(r"\b(?:vart?|varje) femte\b", re.I), 20.0, "%", "amount", ""),
    (re.compile(r"\b(?:vart?|varje) tionde\b", re.I), 10.0, "%", "amount", ""),
    *_PERIODS,
)
# fractions: a number and a denominator, "en tredjedel", "tre femtedelar", "2 tiondelar"
DENOMINATORS = {
    "tredjedel": 3, "fjärdedel": 4, "femtedel": 5, "sjättedel": 6, "sjundedel": 7, "åttondel": 8, "niondel": 9,
    "tiondel": 10,
}  # fmt: skip

# units compared in another: (that unit, its size in it)
CONVERSIONS = {
    "dygn": ("timmar", 24.0), "minuter": ("timmar", 1 / 60), "sekunder": ("timmar", 1 / 3600),
    "veckor": ("dagar", 7.0), "mil": ("km", 10.0), "st": ("", 1.0),
}  # fmt: skip
_FRACTION = re.compile(
    rf"\b(?P<part>en|ett|{SHARE_NUMBER})\s+(?P<whole>{'|'.join(DENOMINATORS)})(?:en|ar|arna)?\b",
    re.I,
)
SMALL_WHOLE = 10
_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class Amount:
    value: float
    unit: str
    kind: str
    approx: str
    text: str
    measures: str = ""
    derived: bool = False  # a share out of more than ten: it may hold a statement's amount, never rival one
    high: float | None = None  # the upper bound of a range ("10–12 personer"), `value` its lower

    @property
    def top(self) -> float:
        """The largest value the amount allows: its upper bound, or the value itself."""
        return self.value if self.high is None else self.high

    def scaled(self, size: float) -> Amount:
        """The amount in a unit `size` times smaller (days in hours), a range's bounds alike."""
        return replace(self, value=self.value * size, high=None if self.high is None else self.high * size)


@lru_cache(maxsize=1 << 18)
def _quantities(text: str) -> tuple[Quantity, ...]:
    """`parse_quantities` of a text, read once: amounts, bare numbers and number words all start from it."""
    return tuple(parse_quantities(text))


@lru_cache(maxsize=1 << 18)
def amounts(text: str) -> tuple[Amount, ...]:
    """Every amount in `text` (see the module docstring)."""
    shares = _shares(text)
    found = []
    share_approx: dict[int, str] = {}
    # "ett halvt sekel" is fifty years, no half of anything
    periods = [m.span() for pattern, *_rest in _PERIODS for m in pattern.finditer(text)]
    for q in _quantities(text):
        if any(q.start < end and q.end > start for start, end in periods):
            continue
        inside = [m for m, _part, whole in shares if q.start < m.end() and q.end > m.start() and whole <= SMALL_WHOLE]
        if inside:
            share_approx[inside[0].start()] = q.approx or share_approx.get(inside[0].start(), "")
            continue
        unit, size = CONVERSIONS.get(q.unit, (q.unit, 1.0))
        described = describe({**q.to_dict(), "measures": ""})
        amount = Amount(q.value, unit, q.kind, q.approx, described, q.measures, derived=q.kind == "label")
        if q.low is not None:  # a range spans its bounds
            amount = replace(amount, value=q.low, high=q.value)
        found.append(amount.scaled(size))
    for m, part, whole in shares:
        # "sex av tio" is a rounded share; a fraction is as exact as its words ("ungefär en tredjedel")
        before = bound_before(text, m.start())
        default = "omkring" if m.re is SHARE else (before[1] if before else "")
        said = share_approx.get(m.start()) or default
        found.append(Amount(100.0 * part / whole, "%", "amount", said, m.group(), derived=whole > SMALL_WHOLE))
        if whole > SMALL_WHOLE and not any(a.value == part for a in found):  # "21 av de 31 förloppen": 21 counts too
            found.append(Amount(part, "", "amount", "", m.group("part")))
    for pattern, value, unit, kind, approx in _EXTRA:
        for m in pattern.finditer(text):
            before = bound_before(text, m.start())
            said = text[before[0] : m.end()] if before else m.group()  # "högst hälften", said with its bound
            found.append(Amount(value, unit, kind, before[1] if before else approx, said))
    return tuple(found)


# a number word ("nio", "tolv", "tjugofyra"), but "en" and "ett", which are also articles
_BARE_WORD = re.compile(rf"\b(?:{COMPOUND_NUMBER}|{'|'.join(NUMBER_WORDS)})\b", re.I)
# a number ("12", "12 400", "12400") that is no part of a longer number, a time, a date ("24 mars") or a range
_BARE_NUMBER = re.compile(
    r"(?<![\d.,:/-])(?:\d{1,3}(?:[ \u00a0]\d{3})+|\d{1,6})"
    rf"(?!\d|[.,:/]\d|-|\s+(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\b)",
    re.I,
)


@lru_cache(maxsize=1 << 16)
def _bare_numbers(text: str) -> tuple[Amount, ...]:
    """Numbers of `text` that are no amount of their own, as labels ("skyddsnivå 2", "dag 180", "skyddsmask 90"),
    the first of a pair ("3 respektive 2 miljarder"), a number nothing follows ("har passerat 12 400,") or a number
    word ("Nio, och vi har plats för tolv"): they may hold a statement's bare number, but never rival one
    (`derived`)."""
    timed = [(t.start, t.end) for t in times(text)]  # "sju på morron" is a time, no number
    taken = [(q.start, q.end) for q in _quantities(text)] + timed
    words = (m for m in _BARE_WORD.finditer(text) if not any(start <= m.start() < end for start, end in taken))
    digits = (m for m in _bare_matches(text) if not any(start <= m.start() < end for start, end in timed))
    return (*(_bare_amount(m) for m in digits), *(_bare_amount(m) for m in words))


def _bare_amount(m: re.Match[str]) -> Amount:
    value = parse_number(m.group()) if m.group()[:1].isalpha() else float(re.sub(r"\s", "", m.group()))
    return Amount(value or 0.0, "", "amount", "", m.group(), derived=True)


def _bare_matches(text: str) -> list[re.Match[str]]:
    """The matches of `_BARE_NUMBER` outside the text's quantities."""
    taken = [(q.start, q.end) for q in _quantities(text)]
    return [m for m in _BARE_NUMBER.finditer(text) if not any(start <= m.start() < end for start, end in taken)]


@lru_cache(maxsize=1 << 16)
def _claimed(statement: str) -> tuple[Amount, ...]:
    """The statement's amounts, then its numbers that are no amount, no date and no time ("vid dag 90", "minskade i
    10"): a claim all the same, to be found in the evidence. Read once per statement, not per candidate."""
    said = tuple(a for a in amounts(statement) if not a.derived or a.kind == "label")  # "avdelning två" too
    spans = [(d.start, d.start + len(d.text)) for d in dates(statement)]
    spans += [(t.start, t.end) for t in times(statement)]  # "kl. 22" is a time: the time check judges it
    spans += [m.span() for m, _part, _whole in _shares(statement)]  # "9 av 10": the share is the amount
    values = {a.value for a in said} | {a.top for a in said}
    labels = (
        _bare_amount(m)
        for m in _bare_matches(statement)
        if not _YEAR.fullmatch(m.group()) and not any(start <= m.start() < end for start, end in spans)
    )
    return said + tuple(label for label in labels if label.value not in values)


def _shares(text: str) -> list[tuple[re.Match[str], float, float]]:
    """Each "N av M" and each fraction ("tre femtedelar") of `text` with N < M: (the match, N, M)."""
    out = []
    for m in (*SHARE.finditer(text), *_FRACTION.finditer(text)):
        part = parse_number(m.group("part"))
        whole = DENOMINATORS.get(m.group("whole").lower()) if m.re is _FRACTION else parse_number(m.group("whole"))
        if part is not None and whole and part < whole:
            out.append((m, part, whole))
    return out


LOWER_BOUNDS = frozenset(["över", "minst", "mer än", "fler än", "längre än"])
UPPER_BOUNDS = frozenset(["under", "högst", "mindre än", "färre än", "upp till", "kortare än"])
BOUNDS = LOWER_BOUNDS | UPPER_BOUNDS


def agree(a: Amount, b: Amount) -> bool:
    """Same value within the tolerance; units compatible (equal, or one of them unitless). Two bounds are exact ("upp
    till 65 års ålder" is not "upp till 67") and must bound the same side ("fler än 50" is not "färre än 50"); a
    bound against a plain number is approximate. Days and hours compare in hours ("två dagar" is "två dygn", "72
    timmar" "tre dagar"); days keep their unit otherwise, so that a number said bare ("9 dgr", "33 stycken") still
    holds them."""
    if {a.unit, b.unit} == {"dagar", "timmar"}:
        a, b = (replace(x.scaled(24), unit="timmar") if x.unit == "dagar" else x for x in (a, b))
    if a.unit and b.unit and a.unit != b.unit:
        return False
    if a.high is not None or b.high is not None:
        return _ranges_agree(a, b)
    if {a.approx, b.approx} & LOWER_BOUNDS and {a.approx, b.approx} & UPPER_BOUNDS:
        return False  # "fler än 50" is not "färre än 50"
    above, below = (a, b) if a.approx in ABOVE else (b, a)
    if above.approx in ABOVE and below.approx in BELOW and above.value >= below.value:
        return False  # "drygt hälften" is not "knappt hälften"
    both_bounds = a.approx in BOUNDS and b.approx in BOUNDS
    tolerance = APPROXIMATE if (a.approx or b.approx) and not both_bounds else EXACT
    return _close(a.value, b.value, tolerance) and _on_its_side(a, b) and _on_its_side(b, a)


def _ranges_agree(a: Amount, b: Amount) -> bool:
    """A range against an amount or another range: two ranges have the same bounds ("20 till 40" is not "20–30"); a
    bound keeps its side ("minst 300" is not "170–270", "högst 12" holds "10–12"); an amount lies inside the range,
    each give or take the tolerance of an approximation."""
    tolerance = APPROXIMATE if a.approx or b.approx else EXACT
    if a.high is not None and b.high is not None:
        return _close(a.value, b.value, tolerance) and _close(a.top, b.top, tolerance)
    for bound, other in ((a, b), (b, a)):
        if bound.high is None and bound.approx in ABOVE:
            return other.value >= bound.value * (1 - EXACT)
        if bound.high is None and bound.approx in BELOW:
            return other.top <= bound.value * (1 + EXACT)
    return _inside(a, b, tolerance) or _inside(b, a, tolerance)


def _inside(outer: Amount, inner: Amount, tolerance: float) -> bool:
    """Every value `inner` allows lies within `outer`'s range, give or take `tolerance`."""
    return outer.value * (1 - tolerance) <= inner.value and inner.top <= outer.top * (1 + tolerance)


def _gap(a: Amount, b: Amount) -> float:
    """How far apart two amounts lie: 0 when their ranges overlap."""
    return max(0.0, b.value - a.top, a.value - b.top)


def _close(a: float, b: float, tolerance: float) -> bool:
    """Two values within `tolerance` of the larger."""
    return abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-9)


# approximations that say on which side of the number the amount lies: "drygt 25 000" is at least 25 000
ABOVE = LOWER_BOUNDS | {"drygt"}
BELOW = UPPER_BOUNDS | {"nästan", "knappt", "närmare", "uppemot"}


def _on_its_side(a: Amount, b: Amount) -> bool:
    """`b` can lie where `a`'s approximation puts the amount: "drygt 25 000" is not "nästan 21 000" nor "21 000"."""
    if a.approx in ABOVE and b.approx not in ABOVE:
        return b.value >= a.value * (1 - EXACT)
    if a.approx in BELOW and b.approx not in BELOW:
        return b.value <= a.value * (1 + EXACT)
    return True


def comparable(a: Amount, b: Amount) -> bool:
    """Both count the same kind of thing: the same unit, or both factors, or both unitless amounts."""
    if a.kind != b.kind or a.unit != b.unit:
        return False
    if a.unit in ("", "gånger", "år", "dagar", "veckor", "månader", "timmar", "st"):
        return not _counted(a) or not _counted(b) or _counts_alike(a, b)
    return True


def _counted(amount: Amount) -> str:
    """What the amount says it counts, or "" when that is only its unit ("48 timmar", "tre dygn")."""
    return "" if amount.measures.lower() in UNITS else amount.measures


def _counts_alike(a: Amount, b: Amount) -> bool:
    """Both amounts say what they count, and it is the same thing ("tio samtal" and "två samtal"; "två
    regeringspartier" and "två partier": a compound counts what its head counts)."""
    from textsamverkan.claims.reasons.content import keys

    if not (a.measures and b.measures):
        return False
    return bool(keys(a.measures) & keys(b.measures)) or bool(_heads(a.measures) & _heads(b.measures))


def _heads(text: str) -> frozenset[str]:
    """The compound heads of the words of `text` (the word itself for a simplex word)."""
    from textsamverkan.claims.reasons.content import content_words

    return frozenset(w.parts[-1] for w in content_words(text))


# units that measure rather than name what is counted: "20 kilometer" is judged with its amount, while "30 patienter"
# keeps "patienter" as a content word (an amount without a unit agrees with any)
MEASURING_UNITS = frozenset(
    ["%", "procentenheter", "kr", "km", "mil", "dygn", "timmar", "minuter", "sekunder", "dagar", "veckor", "månader",
     "år", "st", "gånger"]
)


@lru_cache(maxsize=1 << 16)
def number_words(text: str) -> frozenset[str]:
    """The words of `text` that its amounts consist of, number words, fractions and measuring units ("fyrtiotusen",
    "tredjedel", "kilometer"): the number check judges them, so they are no content words."""
    words = {
        word
        for q in _quantities(text)
        for word in q.text.lower().split()
        if parse_number(word) is not None
        or word in HALVES
        or word in APPROX_WORDS
        or word in SCALE_WORDS
        or UNITS.get(word) in MEASURING_UNITS
    }
    said = [m.group() for pattern, *_rest in _EXTRA for m in pattern.finditer(text)]
    said += [m.group() for m in _FRACTION.finditer(text)]  # "tredjedel", "hälften", "varannan" are the amount
    return frozenset(words | {word for phrase in said for word in phrase.lower().split()})


def compare_numbers(
    statement: str,
    evidence: str,
    context: str = "",
    same_rate: frozenset[float] = frozenset(),
    rates: frozenset[str] = frozenset(),
) -> Outcome:
    """Each amount of the statement: found in the evidence, in conflict with one there, or missing. When the evidence
    counts the same thing as the statement's amount, only those amounts can hold it ("tio samtal" is not found in
    "fyra av tio … två samtal"). `same_rate`: counts of times that the frequency check found to be the same rate
    over another period ("52 gånger per år" against "en gång i veckan"); they are neither another number nor a
    missing one, but their bound is still this check's ("högst en gång per år" against "minst en gång om året").
    `rates`: rates the frequency check found said the same way in other words ("var 6:e vecka" for "var sjätte
    vecka", "1 g/v." for "varje vecka"): their ordinal digits and notes' counts are no number to find."""
    mine = tuple(a for a in _claimed(statement) if not any(_of_rate(a, rate) for rate in rates))
    bare = _bare_numbers(evidence) if any(not a.unit for a in mine) else ()
    theirs = (*amounts(evidence), *bare) if mine else ()
    mine = tuple(bound for amount in mine for bound in _bounds_to_find(amount, theirs))

    def alike(amount: Amount, others: Sequence[Amount]) -> Sequence[Amount]:
        """The amounts of `others` that count what `amount` counts (or do not say what they count: "av totalt 37";
        an amount in a measuring unit says it: "fyra gånger" counts no "tjänster"), or all of them when none does."""
        counting = [o for o in others if _counts_alike(amount, o)]
        unsaid = [o for o in others if not o.measures and (o.unit == amount.unit or o.unit not in MEASURING_UNITS)]
        return [o for o in others if o in counting or o in unsaid] if counting else others

    def agrees(amount: Amount, other: Amount) -> bool:
        # an evidence amount must count what the statement's amount counts when the evidence has such amounts; a
        # bare number holds only a number said bare ("skyddsnivå 2"), never an amount with a unit
        if other in bare and amount.unit:
            return False
        return agree(amount, other) and (other not in theirs or other in alike(amount, theirs))

    def rate(amount: Amount) -> bool:
        return amount.unit == "gånger" and amount.value in same_rate

    def closest_rival(amount: Amount, others: Sequence[Amount]) -> Amount | None:
        if amount.derived:
            return None  # a label ("dag 90") is found or missing, never contradicted: what it counts is unknown
        rivals = [
            other
            for other in alike(amount, others)
            if comparable(amount, other) and not other.derived and not agree(amount, other)
        ]  # an amount of the same value that counts something else is no rival ("1–3 år" of a group, of children)
        if rate(amount):
            rivals = [other for other in rivals if other.value == amount.value]  # only a bound can differ
        return min(rivals, key=lambda o: _gap(amount, o)) if rivals else None

    outcome = match_mentions(
        "number", mine, theirs, lambda: amounts(context) if context else (), agrees, closest_rival
    )
    outcome.found = list(dict.fromkeys(outcome.found))  # a range's two bounds found
    same = {amount.text for amount in mine if rate(amount)}
    outcome.missing = [said for said in outcome.missing if said not in same]
    outcome.conflict += swapped_amounts(statement, evidence)
    outcome.conflict += rank_conflicts(statement, evidence)
    outcome.conflict += scope_conflicts(statement, evidence)
    if not outcome.conflict:
        outcome.missing += whole_not_counted(statement, evidence)
    return outcome


def _of_rate(amount: Amount, rate: str) -> bool:
    """The amount is a rate's ordinal written in digits ("6" of "var 6:e vecka") or a note's count of times ("1" of
    "1 g/v.")."""
    said = re.escape(amount.text)
    return re.search(rf"(?<!\d){said}:[ae]\b", rate) is not None or re.match(rf"{said}\s*g\s*/", rate) is not None


def _bounds_to_find(amount: Amount, theirs: Sequence[Amount]) -> tuple[Amount, ...]:
    """A range to be found as a whole, or, where the evidence says two amounts of its kind (its own bounds said
    apart: "överstigande 60 000 kronor och understigande 500 000 kronor"), its two bounds, each to be found."""
    if amount.high is None or sum(comparable(amount, o) and not o.derived and o.high is None for o in theirs) < 2:
        return (amount,)
    return replace(amount, high=None), replace(amount, value=amount.high, high=None)


ANCHOR_WORDS = 3  # content words on either side of an amount, within its clause, that say what the amount is of
# what ends an amount's clause: punctuation, a conjunction, a period that ends a sentence (not an abbreviation's:
# "7 pat. legat kvar"), and another amount with a content word between them ("3 läk. + 2 ssk", not "två av de tre
# boendena" or "från 61 till 78 procent", which share their words)
_ANCHOR_STOP = re.compile(r"[,;:!?()–—]|\.(?=\s+[A-ZÅÄÖ]|\s*$)|\b(?:och|samt|men|medan|respektive)\b", re.I)
_ANCHOR_WORD = re.compile(r"[^\W\d_][\w-]*")


def _content(part: str) -> list[str]:
    """The words of `part` that can say what an amount is of, as written: function words, number words and bounds
    left out."""
    from textsamverkan.claims.bm25 import STOPWORDS
    from textsamverkan.claims.reasons.words import GENERIC

    return [
        w
        for w in _ANCHOR_WORD.findall(part)
        if len(w) >= 3
        and w.lower() not in STOPWORDS
        and w.lower() not in GENERIC
        and w.lower() not in APPROX_WORDS
        and parse_number(w) is None
    ]


def _around(text: str, q: Quantity) -> tuple[str, str]:
    """The words before and after an amount in its clause (`_ANCHOR_STOP`)."""
    start = max([m.end() for m in _ANCHOR_STOP.finditer(text, 0, q.start)], default=0)
    end = min([m.start() for m in _ANCHOR_STOP.finditer(text, q.end)], default=len(text))
    for other in _quantities(text):
        if other.end <= q.start and _content(text[other.end : q.start]):
            start = max(start, other.end)
        elif other.start >= q.end and _content(text[q.end : other.start]):
            end = min(end, other.start)
    return text[start : q.start], text[q.end : end]


def _anchors(text: str, q: Quantity) -> tuple[str, ...]:
    """The content words next to an amount in its clause ("maj" in "maj med högst 150 miljoner", "lån" in "250
    miljarder euro i lån", "SÄBO" in "39 procent på SÄBO"), as written."""
    before, after = _around(text, q)
    return tuple(dict.fromkeys(_content(before)[-ANCHOR_WORDS:] + _content(after)[:ANCHOR_WORDS]))


def _in_clause(word: str, clause: str) -> bool:
    """Whether the evidence's clause holds a statement's anchor word: as a lemma or a compound part ("hemsjukvård"
    in "hemsjukvården"), in a synonym of our own ("dsk" for "distriktssköterska"; the thesaurus is too loose for
    this), or, for an acronym, spelt out ("SÄBO" in "särskilt boende")."""
    from textsamverkan.claims.reasons.content import claim_synonyms, content_words, keys, match
    from textsamverkan.claims.reasons.entities import spelt_out

    if word.isupper() and len(word) >= 2:
        return re.search(rf"(?<![\w-]){re.escape(word)}", clause) is not None or spelt_out(word, clause)
    said = content_words(word)
    if not said:
        return False
    own = replace(said[0], alternatives=tuple(sorted(claim_synonyms().get(said[0].lemma, ()))))
    return match(own, keys(clause)) >= 1.0


def swapped_amounts(statement: str, evidence: str) -> list[tuple[str, str]]:
    """Two amounts the evidence holds but pairs the other way round: "310 miljarder i lån och 250 miljarder i bidrag"
    where the evidence has "310 miljarder i bidrag och 250 miljarder i lån", "39 procent på SÄBO och 61 procent
    hemma" where it has "61 procent i särskilt boende och 39 procent i ordinärt boende". A swap of the statement's
    amounts A and B needs both sides: a word beside A is in the clause of B's value in the evidence and not in the
    clause of A's, and a word beside B is in the clause of A's value and not in B's; A is then a conflict (statement
    amount, evidence amount), named with those words."""
    said_amounts = _quantities(statement)
    if len(said_amounts) < 2:
        return []  # most statements: the evidence need not be parsed at all
    held_amounts = _quantities(evidence)
    if len(held_amounts) < 2:
        return []
    mine = [(q, _anchors(statement, q)) for q in said_amounts]
    theirs = [(o, " ".join(_around(evidence, o))) for o in held_amounts]

    def beside(words: Sequence[str], here: str, not_there: Sequence[str]) -> list[str]:
        return [w for w in words if _in_clause(w, here) and not any(_in_clause(w, c) for c in not_there)]

    out = []
    for q, said in mine:
        held_q = [(o, c) for o, c in theirs if _same_value(q, o)]
        if not held_q:
            continue
        own = [c for _o, c in held_q]
        for p, other_said in mine:
            others = [c for r, c in theirs if _same_value(p, r)]
            if _same_value(p, q) or not others:
                continue
            moved = [w for c in others for w in beside(said, c, own)]
            kept = [w for c in own for w in beside(other_said, c, others) if w not in said]
            if moved and kept:
                named, held = list(dict.fromkeys(moved))[:3], list(dict.fromkeys(kept))[:3]
                out.append((f"{q.text} ({', '.join(named)})", f"{held_q[0][0].text} ({', '.join(held)})"))
                break
    return out


def _same_value(a: Quantity, b: Quantity) -> bool:
    """The same value, a range the same bounds ("1–3 år" is no "3 pedagoger")."""
    if (a.low is None) != (b.low is None):
        return False
    return _close(a.value, b.value, EXACT) and (a.low is None or b.low is None or _close(a.low, b.low, EXACT))
