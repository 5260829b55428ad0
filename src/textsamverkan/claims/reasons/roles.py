"""Who does what: two actors whose parts a statement swaps. "Kommunerna betalar läkarna och regionen står för
bilarna" against "Regionen betalar läkarna och kommunerna står för bilarna" holds every word, actor and number of the
evidence; only which actor each part belongs to differs.

A clause (split at punctuation and at clause words: "och", "men", "medan", "att" …) gives its content words to the
doer last named in it: a public actor or organisation ("regionen", "Socialstyrelsen"), or a group of people or a
profession ("sjuksköterskan", "de anhöriga") before the clause's first content word; never one after a preposition
("av regionen", "i kommunen", "bland de boende": a passive's agent, a place, a part) nor a possessor ("regeringens
uppdrag"). Each doer's part of the statement is paired with the part of the evidence that shares the most content
words. The roles conflict only when the swap goes both ways: a part of A's here is B's there, and a part of B's here
is A's there, A and B of one kind. A passive or a word order turned round moves one part, not two crosswise, so a
restatement in other words is not read as a swap.

Two things of one kind can be swapped the same way: "Förkläden räckte, visiren tog slut" against "Visiren räckte,
förklädena tog slut", "på måndagar duschen, på torsdagar städningen" against the other days, and so can two public
actors where neither is the doer ("undersöka kommunernas lagerhållning … samordningen med regionerna" against the
regions' stock and the municipalities' coordination). A statement
clause holding a and x and another holding b and y, against evidence clauses holding b with x and a with y, is a swap
(`_swapped_words`) when a and b are of one kind (two weekdays, two professions, two pieces of protective equipment …)
and each of the four words is in one evidence clause only and in one statement clause only.

A thing owned in the genitive by one public actor in the statement and by another only in the evidence ("kommunernas
förråd" against "regionens förråd") has changed hands as well (`_other_owner`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from textsamverkan.claims.reasons import Outcome
from textsamverkan.claims.reasons.dates import WEEKDAYS

_TOKEN = re.compile(r"[^\W\d_][\w-]*|[,;:.!?()–—]")
_CLAUSE_WORDS = frozenset(["och", "men", "medan", "samt", "eller", "då", "när", "eftersom", "där", "att", "vilket"])
_PREPOSITIONS = frozenset(
    ["av", "för", "till", "åt", "med", "hos", "från", "mellan", "inom", "i", "om", "på", "under", "mot", "utan", "vid",
     "enligt", "än", "bland", "genom", "efter", "före", "inför", "per", "utanför", "runt", "kring", "ur"]
)  # fmt: skip


def _actor_of(token: str) -> tuple[str, str] | None:
    """(kind, key) of the doer a word names, or None: a public actor or organisation, a group of people or a
    profession."""
    from textsamverkan.claims.reasons.content import PEOPLE, PROFESSIONS
    from textsamverkan.claims.reasons.entities import actor
    from textsamverkan.claims.reasons.words import analyse

    if key := actor(token):
        return ("actor", key)
    lemma = analyse(token).lemma
    for kind, members in (("people", PEOPLE), ("profession", PROFESSIONS)):
        if lemma in members:
            return (kind, lemma)
    return None


def _content(token: str) -> str | None:
    """A content word's key, its lemma's first letters ("betalar" and "betala", "hyran" and "hyra"), or None for a
    function word, a generic verb or a short word."""
    from textsamverkan.claims.bm25 import STOPWORDS
    from textsamverkan.claims.quantities import MONTHS
    from textsamverkan.claims.reasons.content import PREFIX
    from textsamverkan.claims.reasons.words import GENERIC, analyse

    low = token.lower()
    if len(low) < 3 or not low.isalpha() or low in STOPWORDS or low in GENERIC or low in MONTHS:
        return None
    lemma = analyse(token).lemma
    return None if lemma in STOPWORDS or lemma in GENERIC else lemma[:PREFIX]


def _doer(named: tuple[str, str], low: str, previous: str, said: bool) -> bool:
    """Whether an actor's word names a doer: not after a preposition ("av regionen", "i kommunen"), not a possessor
    ("regeringens uppdrag": the genitive of an actor's word), and a group of people or a profession only before the
    clause's first content word ("sjuksköterskan ger …", not "kommunen anställer sjuksköterskor")."""
    if previous in _PREPOSITIONS:
        return False
    if low.endswith("s") and _actor_of(low[:-1]) is not None:
        return False
    return named[0] == "actor" or not said


@dataclass(frozen=True)
class _Part:
    """What one doer does in a text: the doer (kind, key) as written, and its clause's content words by key."""

    doer: tuple[str, str]
    doer_text: str
    words: dict[str, str]


@lru_cache(maxsize=1 << 12)
def _parts(text: str) -> tuple[_Part, ...]:
    """Each run of a clause after a doer, with the content words it binds to that doer."""
    parts: list[_Part] = []
    current: _Part | None = None
    previous = ""
    said = False  # a content word has come since the clause began
    for m in _TOKEN.finditer(text):
        token = m.group()
        low = token.lower()
        if not token[0].isalpha() or low in _CLAUSE_WORDS:
            current, said = None, False
        elif (named := _actor_of(token)) is not None:
            if _doer(named, low, previous, said):
                current = _Part(named, token, {})
                parts.append(current)
        elif (key := _content(token)) is not None:
            said = True
            if current is not None:
                current.words.setdefault(key, token)
        previous = low
    return tuple(p for p in parts if p.words)


def _counterpart(part: _Part, others: tuple[_Part, ...]) -> _Part | None:
    """The part of the other text that shares the most content words with `part`; None when none shares any or two
    share as many."""
    shared = sorted(((len(part.words.keys() & o.words.keys()), n) for n, o in enumerate(others)), reverse=True)
    if not shared or shared[0][0] == 0 or (len(shared) > 1 and shared[1][0] == shared[0][0]):
        return None
    return others[shared[0][1]]


@lru_cache(maxsize=1 << 14)
def _clauses(text: str) -> tuple[dict[str, str], ...]:
    """The content words of each clause of `text` (split at punctuation and clause words, not at a notes' colon:
    "Förkläden: räckte" is one clause), by key, as written."""
    clauses: list[dict[str, str]] = [{}]
    for m in _TOKEN.finditer(text):
        token = m.group()
        if token == ":":
            continue
        if not token[0].isalpha() or token.lower() in _CLAUSE_WORDS:
            if clauses[-1]:
                clauses.append({})
        elif (key := _content(token)) is not None:
            clauses[-1].setdefault(key, token)
    return tuple(clause for clause in clauses if clause)


# a weekday as written or as said ("fredagarna", "onsdar"): the dates module's names, with their spoken endings
_WEEKDAY = re.compile(rf"(?:{'|'.join(day.removesuffix('dag') for day in WEEKDAYS)})(?:dag\w*|dar|darna)", re.I)


WEEKDAY_KIND, ACTOR_KIND = -1, -2


@lru_cache(maxsize=1 << 14)
def _kinds(word: str) -> frozenset[int]:
    """The kinds a word is a member of: weekdays, public actors and organisations ("kommunens", "regionerna"), or the
    kinds of the content check (`content.KINDS`: professions, protective equipment, places of care, parts of the day
    …) by their place there."""
    from textsamverkan.claims.reasons.content import KINDS
    from textsamverkan.claims.reasons.entities import actor
    from textsamverkan.claims.reasons.words import analyse

    if _WEEKDAY.fullmatch(word):
        return frozenset([WEEKDAY_KIND])
    lemma = analyse(word).lemma
    kinds = frozenset(n for n, kind in enumerate(KINDS) if lemma in kind)
    return kinds | {ACTOR_KIND} if actor(word) else kinds


def _one_kind(a: str, b: str) -> bool:
    """Two words of one kind, so that one can stand in the other's place ("förkläden" and "visir", "fredag" and
    "onsdag"), and not one word twice."""
    from textsamverkan.claims.reasons.words import analyse

    return bool(_kinds(a) & _kinds(b)) and (WEEKDAY_KIND in _kinds(a) or analyse(a).lemma != analyse(b).lemma)


@lru_cache(maxsize=1 << 12)
def _may_swap(statement: str) -> bool:
    """Two clauses of the statement hold two words of one kind: only then can it swap them (most statements hold
    none, and the evidence need not be read)."""
    clauses = _clauses(statement)
    kinded = [(n, word) for n, clause in enumerate(clauses) for word in clause.values() if _kinds(word)]
    return any(m != n and _one_kind(a, b) for m, a in kinded for n, b in kinded)


# a word between two listed ones is their modifier ("flickor och unga kvinnor"), never a clause word ("x, medan y")
_LIST_MODIFIER = rf"(?:(?!(?:{'|'.join(sorted(_CLAUSE_WORDS))})\s)\w+\s+)?"


def _listed(text: str, a: str, b: str) -> bool:
    """`a` and `b` stand in one list in `text` ("flickor och kvinnor", "munskydd, visir"), either way round."""
    return any(
        re.search(
            rf"(?<!\w){re.escape(x)}(?:\s*,\s*|\s+(?:och|eller|samt)\s+){_LIST_MODIFIER}{re.escape(y)}(?!\w)", text
        )
        for x, y in ((a, b), (b, a))
    )


def _swapped_words(statement: str, evidence: str) -> list[tuple[str, str]]:
    """(statement words, evidence words) for two things the evidence says the other way round across two clauses:
    the statement's a … x and b … y where the evidence has b … x and a … y (see the module docstring)."""
    if not _may_swap(statement):
        return []
    mine, theirs = _clauses(statement), _clauses(evidence)
    where: dict[str, int] = {}  # a word's only evidence clause (-1: in several)
    for n, clause in enumerate(theirs):
        for key in clause:
            where[key] = n if key not in where else -1
    for i, one in enumerate(mine):
        for other in mine[i + 1 :]:
            own = [k for k in one if k not in other and where.get(k, -1) >= 0]
            others = [k for k in other if k not in one and where.get(k, -1) >= 0]
            for a in own:
                for b in others:
                    if where[a] == where[b] or not _one_kind(one[a], other[b]):
                        continue
                    held_a, held_b = theirs[where[a]][a], theirs[where[b]][b]
                    if _listed(statement, one[a], other[b]) or _listed(evidence, held_a, held_b):
                        continue  # "undersköterska eller vårdbiträde": a list, not two clauses
                    with_b = [x for x in own if x != a and where[x] == where[b]]
                    with_a = [y for y in others if y != b and where[y] == where[a]]
                    if with_b and with_a:  # one swap decides; the rest of the pairs say the same
                        x = max(with_b, key=lambda k: len(one[k]))  # the longest word names the part best
                        return [(f"{one[a]} … {one[x]}", f"{held_b} … {theirs[where[b]][x]}")]
    return []


# words between an owner and what it owns: "kommunens eget beredskapslager"
_OWN = frozenset(["egen", "eget", "egna"])


@lru_cache(maxsize=1 << 14)
def _owned(text: str) -> dict[str, tuple[frozenset[str], str, str]]:
    """What the public actors of `text` own in the genitive ("regionens förråd", "kommunens eget lager"): each owned
    thing's key, with its owners' keys and how the first pair is written."""
    from textsamverkan.claims.reasons.entities import actor

    tokens = [m.group() for m in _TOKEN.finditer(text)]
    owned: dict[str, tuple[frozenset[str], str, str]] = {}
    for n, token in enumerate(tokens):
        owner = actor(token[:-1]) if token.endswith("s") and len(token) > 3 else None
        if owner is None:
            continue
        k = n + 1
        while k < len(tokens) and tokens[k].lower() in _OWN:
            k += 1
        thing = _content(tokens[k]) if k < len(tokens) and tokens[k][0].isalpha() else None
        if thing is None or actor(tokens[k]) is not None:
            continue
        owners, written, as_thing = owned.get(thing, (frozenset(), token, tokens[k]))
        owned[thing] = (owners | {owner}, written, as_thing)
    return owned


def _other_owner(statement: str, evidence: str) -> list[tuple[str, str]]:
    """(statement's owner and thing, evidence's) when the evidence gives a thing the statement owns to another public
    actor only: "handlar ur kommunernas förråd" against "köper från regionens förråd"."""
    mine = _owned(statement)
    if not mine:
        return []
    theirs = _owned(evidence)
    for thing, (owners, written, as_thing) in mine.items():
        other = theirs.get(thing)
        if other is not None and other[0].isdisjoint(owners):
            return [(f"{written} {as_thing}", f"{other[1]} {other[2]}")]
    return []


def compare_roles(statement: str, evidence: str) -> Outcome:
    """A conflict for each part of the statement whose doer the evidence gives another doer of its kind, when the
    swap goes both ways, or for two things swapped across clauses (see the module docstring)."""
    outcome = Outcome("role")
    mine = _parts(statement)
    if len({part.doer for part in mine}) < 2:
        outcome.conflict += _things_swapped(statement, evidence)
        return outcome  # a doers' swap needs two doers in the statement; most statements name one at most
    theirs = _parts(evidence)
    moved: list[tuple[_Part, _Part]] = []
    for part in mine:
        other = _counterpart(part, theirs)
        if other is not None and other.doer != part.doer and other.doer[0] == part.doer[0]:
            moved.append((part, other))
    swaps = {(here.doer, there.doer) for here, there in moved}
    for here, there in moved:
        if (there.doer, here.doer) in swaps:
            said = " ".join(here.words[k] for k in here.words if k in there.words)
            as_there = " ".join(there.words[k] for k in there.words if k in here.words)
            outcome.conflict.append((f"{here.doer_text} … {said}", f"{there.doer_text} … {as_there}"))
    if not outcome.conflict:
        outcome.conflict += _things_swapped(statement, evidence)
    return outcome


def _things_swapped(statement: str, evidence: str) -> list[tuple[str, str]]:
    """Two things swapped across clauses, or else a thing given to another owner."""
    return _swapped_words(statement, evidence) or _other_owner(statement, evidence)
