"""Two values in the opposite order: "från 5 000 till 10 000" against the evidence's "från 10 000 till 5 000", "15
mars i stället för 15 februari" against "15 februari i stället för 15 mars", and two things swapped in a move or a
replacement: "flyttades från kommunen till regionen" against "från regionen till kommunen", "vårdbidraget ersattes av
omvårdnadsbidraget" against "omvårdnadsbidraget ersattes av vårdbidraget" ("B ersatte A" is "A ersattes av B"). The
number, date and content checks find both values in the evidence either way; only their order tells a rise from a
fall, the old date from the new one, or what replaced what. A comparison turned round is the same: "män är
sjukskrivna dubbelt så ofta som kvinnor" against "kvinnor är sjukskrivna i dubbelt så hög utsträckning som män",
read as (more, less) so that "kommunen får mindre än regionen" says "regionen får mer än kommunen". So is a thing
put on the other side of another: "besöket läggs före de andra" against "efter de andra", "under kontorstid"
against "utanför kontorstid"."""

from __future__ import annotations

import re
from functools import lru_cache

from textsamverkan.claims.quantities import MONTHS
from textsamverkan.claims.reasons import Outcome

_NUMBER = r"\d{1,3}(?:[  ]\d{3})+(?:[,.]\d+)?|\d+(?:[,.]\d+)?"
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_VALUE = rf"(?:den\s+)?((?:{_NUMBER})(?:\s+(?:{_MONTH})\b)?)"
# "från A till B", at most a few words (no digits but a year) between A and "till": "från 32 miljoner kronor till
# 49", "från 84 % 2019 till 61 %"
_FROM_TO = re.compile(rf"\bfrån\s+{_VALUE}(?:[^\d.;]|(?:19|20)\d\d){{0,30}}?\btill\s+{_VALUE}", re.I)
# the new value first and the old one after it: "72 procent, jämfört med 81 procent föregående år", "nu 61 procent
# mot 78 procent förra året", "2 610 (året innan 2 140)", "81 procent, en förbättring från 72 procent"
# a unit or a word after a value, each word after a blank (so a run of letters is read one way only)
_UNIT_WORD = r"(?:\s*%|\s+[^\W\d_]+)"
_LAST_YEAR = r"(?:året\s+innan|året\s+före|förra\s+året|föregående\s+år|i\s+fjol)"
_NEW_THEN_OLD = (
    re.compile(
        rf"{_VALUE}{_UNIT_WORD}{{0,10}}?\s*,?\s*(?:jämfört\s+(?:med|mot)|mot)\s+{_VALUE}{_UNIT_WORD}{{0,3}}?\s+{_LAST_YEAR}",
        re.I,
    ),
    re.compile(rf"{_VALUE}[^\d;()]{{0,20}}\(\s*{_LAST_YEAR}\s*:?\s*{_VALUE}", re.I),
    re.compile(
        rf"{_VALUE}(?:\s*(?:%|procent))?\s*,?\s*(?:en|vilket\s+är\s+en)\s+"
        r"(?:ökning|minskning|förbättring|försämring|uppgång|nedgång|höjning|sänkning)\s+från\s+"
        rf"{_VALUE}",
        re.I,
    ),
)
# "A i stället för B", a unit or a word or two between A and "i stället"
_INSTEAD = re.compile(rf"{_VALUE}(?:\s+[^\W\d]+){{0,2}}\s+i\s+stället\s+för\s+{_VALUE}", re.I)

# things, by one word each (four letters or more, so no "och", "med", "att"), after an optional article
_ARTICLE = r"(?:(?:den|det|de|en|ett)\s+)?"
_THING = r"([^\W\d_][\w-]{3,}|(?-i:[A-ZÅÄÖ]{2,3})(?![\w-]))"  # a word, or an acronym ("AU")
_AUXILIARY = r"(?:(?:har|hade|ska|skulle|kommer\s+att|kan)\s+)?"
_FROM_TO_THINGS = re.compile(rf"\bfrån\s+{_ARTICLE}{_THING}\s+till\s+{_ARTICLE}{_THING}", re.I)
_INSTEAD_THINGS = re.compile(rf"\b{_THING}\s+i\s+stället\s+för\s+{_ARTICLE}{_THING}", re.I)
_REPLACED_BY = re.compile(
    rf"\b{_THING}\s+{_AUXILIARY}(?:ersattes|ersätts|ersatts|ersättas|ersatt)\s+(?:av|med)\s+{_ARTICLE}{_THING}", re.I
)
_REPLACES = re.compile(rf"\b{_THING}\s+{_AUXILIARY}(?:ersatte|ersätter|ersatt|ersätta)\s+{_ARTICLE}{_THING}", re.I)
# one thing chosen over another: "via luft och inte via händer", "händerna, inte luften", "luften snarare än händerna"
_PREPOSITION = r"(?:(?:via|genom|med|på|i|av|till|för)\s+)?"
_RATHER_THAN = re.compile(
    rf"\b{_PREPOSITION}{_ARTICLE}{_THING}\s*(?:,\s*|\s+och\s+)?(?:inte|snarare\s+än)\s+{_PREPOSITION}{_ARTICLE}{_THING}",
    re.I,
)


# a word, or a mark that ends a clause
_TOKEN = re.compile(r"[^\W\d_][\w-]*|[,;:.!?()–]")

# a comparison: a comparative, then "än", or "dubbelt så … som" ("hälften så … som" says less)
_CLAUSE_WORDS = frozenset(["att", "som", "eftersom", "när", "då", "om", "men", "och", "medan", "där"])
_FACTOR_SO = {"dubbelt": 0, "gånger": 0, "hälften": 1, "halvt": 1}
_NOT_COMPARED = frozenset(["vad", "hos", "bland", "för", "inom", "förut", "vanligt", "väntat", "planerat", "tidigare"])
_LOOK_BACK = 8


def _compared(text: str) -> list[tuple[str, str, str]]:
    """(more, less, as written) for each comparison of two things in `text`: the first content word of the clause
    before the comparative, and the first after "än"/"som"."""
    from textsamverkan.claims.bm25 import STOPWORDS
    from textsamverkan.claims.reasons.direction import pole
    from textsamverkan.claims.reasons.words import GENERIC, analyse

    tokens = list(_TOKEN.finditer(text))
    words = [t.group().lower() for t in tokens]

    def thing(n: int) -> bool:
        w = words[n]
        return (
            len(w) >= 3 and w.isalpha() and w not in STOPWORDS and w not in GENERIC and w != "enligt" and not pole(w)
        )

    out = []
    for i, word in enumerate(words):
        if word not in ("än", "som"):
            continue
        side = None
        start = i
        for n in range(i - 1, max(-1, i - 1 - _LOOK_BACK), -1):
            if not words[n].isalpha() or (words[n] in _CLAUSE_WORDS and n < i - 1):
                break
            start = n
            if word == "som" and words[n] == "så" and n > 0 and words[n - 1] in _FACTOR_SO:
                side = _FACTOR_SO[words[n - 1]]
            elif word == "än" and side is None and (hit := pole(tokens[n].group())) is not None:
                side = hit[1] & 1
        if side is None:
            continue
        while start > 0 and words[start - 1].isalpha() and words[start - 1] not in _CLAUSE_WORDS:
            start -= 1
        # "enligt Riksrevisionen är män …": a source is not what is compared
        first = next((n for n in range(start, i) if thing(n) and words[n - 1 : n] != ["enligt"]), None)
        second = next(
            (n for n in range(i + 1, min(len(words), i + 5)) if thing(n) and words[n] not in _NOT_COMPARED), None
        )
        if first is None or second is None:
            continue
        a, b = analyse(tokens[first].group()).lemma, analyse(tokens[second].group()).lemma
        if a != b:
            more, less = (a, b) if side == 0 else (b, a)
            out.append((more, less, text[tokens[first].start() : tokens[second].end()]))
    return out


def _thing(word: str) -> str:
    """A thing as `_same` reads it: lower-cased, an acronym as written ("AU", to be found spelt out)."""
    return word if word.isupper() else word.lower()


def _key(value: str) -> str:
    """A value without its spaces, lower-cased: "10 000" → "10000", "15 Mars" → "15mars"."""
    return re.sub(r"\s+", "", value).lower()


@lru_cache(maxsize=1 << 14)
def ordered_pairs(text: str) -> tuple[tuple[str, str, str], ...]:
    """Every (old value, new value, as written) that `text` orders with "från old till new", "new i stället för
    old", "old ersattes av new", "new ersatte old" or "new och inte old" ("20 timmar i stället för 30" says what "från
    30 till 20" says),
    and every (more, less, as written) it compares; numbers and dates keyed without spaces ("10 000" → "10000", "15
    mars" → "15mars"), things as written, lower-cased (`_same` reads their forms)."""
    old_new = [(_key(m.group(1)), _key(m.group(2)), m.group().strip()) for m in _FROM_TO.finditer(text)]
    old_new += [(_key(m.group(2)), _key(m.group(1)), m.group().strip()) for m in _INSTEAD.finditer(text)]
    for pattern in _NEW_THEN_OLD:
        old_new += [(_key(m.group(2)), _key(m.group(1)), m.group().strip()) for m in pattern.finditer(text)]
    things = (
        (_FROM_TO_THINGS, 1, 2), (_REPLACED_BY, 1, 2), (_INSTEAD_THINGS, 2, 1), (_REPLACES, 2, 1), (_RATHER_THAN, 2, 1)
    )  # fmt: skip
    for pattern, old, new in things:
        old_new += [(_thing(m.group(old)), _thing(m.group(new)), m.group().strip()) for m in pattern.finditer(text)]
    return (*old_new, *_compared(text))


# two sides of a thing: before or after it, within or outside it ("besöket läggs före de andra" against "efter de
# andra", "under kontorstid" against "utanför kontorstid"); "inte förrän" is after, so "förrän" is neither
_SIDES = (
    (frozenset(["före", "innan"]), frozenset(["efter"])),
    (frozenset(["inom", "innanför", "under"]), frozenset(["utanför"])),
)
# each such word: (its pair, its side)
_SIDE_OF = {word: (n, side) for n, pair in enumerate(_SIDES) for side in (0, 1) for word in pair[side]}
_SIDE_REACH = 5  # words after the marker, within its clause, that name what it is said of


@lru_cache(maxsize=1 << 14)
def _sides(text: str) -> tuple[tuple[int, int, frozenset[str], str], ...]:
    """(pair, side, what it is said of, as written) for each before/after or within/outside word of `text`: the
    lemmas and four-letter beginnings of the content words that follow it in its clause."""
    from textsamverkan.claims.bm25 import STOPWORDS
    from textsamverkan.claims.reasons.words import analyse

    tokens = list(_TOKEN.finditer(text))
    out = []
    for i, token in enumerate(tokens):
        hit = _SIDE_OF.get(token.group().lower())
        if hit is None:
            continue
        said_of: set[str] = set()
        end = token.end()
        for later in tokens[i + 1 : i + 1 + _SIDE_REACH]:
            other = later.group().lower()
            if not other[0].isalpha() or other in _SIDE_OF:  # the clause ends, or another side begins
                break
            end = later.end()
            if len(other) >= 3 and other not in STOPWORDS:
                said_of |= {analyse(other).lemma, other[:4]}
        if said_of:
            out.append((hit[0], hit[1], frozenset(said_of), text[token.start() : end]))
    return tuple(out)


def _side_conflicts(statement: str, evidence: str) -> list[tuple[str, str]]:
    """A thing the statement puts on one side (before it, within it) that the evidence puts only on the other."""
    theirs = _sides(evidence)
    out = []
    for pair, side, said_of, written in _sides(statement):
        same = [w for p, s, of, w in theirs if p == pair and s == side and of & said_of]
        other = [w for p, s, of, w in theirs if p == pair and s != side and of & said_of]
        if other and not same:
            out.append((written, other[0]))
    return out


def compare_order(statement: str, evidence: str) -> Outcome:
    """The statement's ordered pairs: found when the evidence orders the same two values the same way, in conflict
    when it orders them the other way round and never this way; a pair the evidence does not order is not judged."""
    outcome = Outcome("order")
    theirs = ordered_pairs(evidence)
    for first, second, said in ordered_pairs(statement):
        if _same(first, second):
            continue
        if any(_same(a, first) and _same(b, second) for a, b, _ in theirs):
            outcome.found.append(said)
            continue
        reversed_ = [written for a, b, written in theirs if _same(a, second) and _same(b, first)]
        if reversed_:
            outcome.conflict.append((said, reversed_[0]))
    outcome.conflict += _side_conflicts(statement, evidence)
    return outcome


_INFLECTION = 4  # letters an inflected form may add to another ("händer" → "händerna")


@lru_cache(maxsize=1 << 14)
def _same(one: str, other: str) -> bool:
    """Two keys name the same value: equal, or one thing in two forms: the same lemma, or one form the other plus an
    ending ("händer" and "händerna", which the lemmatiser reads apart: "händer" as the verb "hända"). Not two
    compounds of one head ("vårdbidraget" is no "omvårdnadsbidraget")."""
    from textsamverkan.claims.reasons.words import analyse

    if one == other:
        return True
    if one.isupper() != other.isupper():  # an acronym and a word: the word spells it ("AU", "arbetsutskottet")
        from textsamverkan.claims.reasons.entities import spelt_out

        acronym, word = (one, other) if one.isupper() else (other, one)
        return spelt_out(acronym, word)
    if not one.isalpha() or not other.isalpha():
        return False
    short, long_ = sorted((one, other), key=len)
    inflected = len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= _INFLECTION
    return inflected or analyse(one).lemma == analyse(other).lemma
