"""Reading a role and an organisation at a point in the text: "hälso- och sjukvårdsdirektör i Västra
Götalandsregionen", "strateg för nära vård på VästKom", "enhetschef i Malmö stad", "MAS i kommunen".

A role must contain a role head word (see `lexicon.role_head`); the organisation follows a preposition and has
the shape of one (capitalised words, "X kommun", "Region X", a known body, or a unit such as "kommunen").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from textsamverkan.segment.lexicon import (
    KNOWN_ORGS_RE,
    LOWER_ORG_SUFFIXES,
    LOWER_ORGS,
    ORG_PREPOSITIONS,
    ORG_TAIL_WORDS,
    PARTY_RE,
    ROLE_ACRONYMS,
    ROLE_QUALIFIERS,
    ROLE_STOP,
    role_head,
)
from textsamverkan.segment.names import is_capitalised

_TOKEN = re.compile(r"[^\W_][\w'’/-]*|[^\w\s]")
_MAX_TOKENS = 24
_MAX_ROLE_TOKENS = 8
_MODIFIER_WORDS = frozenset({"biträdande", "tillförordnad", "tf", "t.f.", "vice", "ställföreträdande", "förste",
                             "andre", "senior", "ny", "nya", "tidigare", "regional", "regionala", "nationell",
                             "nationella", "kommunal", "kommunala", "medicinskt", "medicinsk", "ansvarig",
                             "ansvariga", "särskild", "särskilt", "chefs", "överordnad", "samordnande"})
_MODIFIER_SUFFIXES = ("iskt", "isk", "iska", "ande", "ende", "ig", "igt", "iga", "ell", "ella", "ad", "ade")
_NEGATIONS = frozenset({"inte", "ingen", "inget", "aldrig", "bara", "mer", "mest", "mycket", "väldigt", "lite"})


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


@dataclass(frozen=True)
class RoleReading:
    """A role and/or organisation read from the text; `end` is where the reading stopped."""

    role: str | None
    organisation: str | None
    end: int


def tokens_at(text: str, pos: int, limit: int = _MAX_TOKENS) -> list[Token]:
    """Word and punctuation tokens from `pos` to the end of the line (at most `limit`)."""
    end = text.find("\n", pos)
    end = len(text) if end == -1 else end
    out = []
    for m in _TOKEN.finditer(text, pos, end):
        out.append(Token(m.group(), m.start(), m.end()))
        if len(out) >= limit:
            break
    return out


def _adjacent(text: str, a: Token, b: Token) -> bool:
    return text[a.end : b.start] == " "


def read_organisation(text: str, toks: list[Token], i: int) -> tuple[str, int] | None:
    """An organisation starting at token `i`: its text and the index of the token after it."""
    if i >= len(toks) or not toks[i].is_word:
        return None
    known = KNOWN_ORGS_RE.match(text, toks[i].start)
    if known:
        j = i
        while j < len(toks) and toks[j].end <= known.end():
            j += 1
        return known.group(), j
    first = toks[i]
    if is_capitalised(first.text):
        j = i + 1
        while j < len(toks) and j - i < 4 and toks[j].is_word and is_capitalised(toks[j].text) \
                and _adjacent(text, toks[j - 1], toks[j]):
            j += 1
        if j < len(toks) and toks[j].text.lower() in ORG_TAIL_WORDS and _adjacent(text, toks[j - 1], toks[j]):
            j += 1
        return text[first.start : toks[j - 1].end], j
    low = first.text.lower()
    if low in LOWER_ORGS or (low.endswith(LOWER_ORG_SUFFIXES) and len(low) > 8):
        j = i + 1
        while j < len(toks) and j - i < 4 and toks[j].is_word and is_capitalised(toks[j].text) \
                and _adjacent(text, toks[j - 1], toks[j]):
            j += 1  # a named unit: "vårdcentralen Lunden"
        if j + 1 < len(toks) and toks[j].text == "i" and is_capitalised(toks[j + 1].text):
            place = read_organisation(text, toks, j + 1)
            if place is not None:
                j = place[1]
        return text[first.start : toks[j - 1].end], j
    return None


def _is_modifier(tok: str, prev: str | None) -> bool:
    low = tok.lower()
    if low.endswith("-") or low in _MODIFIER_WORDS:
        return True
    if low.endswith(("ens", "ets", "nas", "ns")) and len(low) > 5:
        return True  # a genitive owner: "socialnämndens ordförande", "regionens smittskyddsläkare"
    if low == "och":
        return prev is not None and prev.endswith("-")
    return low.endswith(_MODIFIER_SUFFIXES) and len(low) > 4


def _joins_role(word: str, collected: list[Token], heads: list[Token], following: list[Token]) -> bool:
    """True for an "och" inside a role: "hälso- och sjukvårdsdirektör", "strateg och samordnare"."""
    if word != "och":
        return False
    if collected and collected[-1].text.endswith("-"):
        return True
    nxt = following[0] if following else None
    return bool(heads) and nxt is not None and nxt.is_word and not is_capitalised(nxt.text) \
        and nxt.text.lower() not in ROLE_STOP


def read_role(text: str, pos: int) -> RoleReading | None:
    """The role (and organisation) written at `pos`, e.g. after "Anna Berg, " or "som är "; None if none."""
    toks = tokens_at(text, pos)
    collected: list[Token] = []
    organisation: str | None = None
    stop = pos
    i = 0
    while i < len(toks) and len(collected) < _MAX_ROLE_TOKENS:
        tok = toks[i]
        low = tok.text.lower()
        if not tok.is_word:
            break
        heads = [t for t in collected if role_head(t.text)]
        if low in ORG_PREPOSITIONS and heads:
            org = read_organisation(text, toks, i + 1)
            if org is not None:
                organisation, i = org
                break
            if low not in ROLE_QUALIFIERS:
                break
        if low in _NEGATIONS:
            break
        if low in ROLE_STOP and not _joins_role(low, collected, heads, toks[i + 1 : i + 2]):
            break
        if is_capitalised(tok.text) and tok.text not in ROLE_ACRONYMS:
            break
        collected.append(tok)
        i += 1
    stop = toks[i - 1].end if i > 0 and i <= len(toks) else pos
    head_idx = [k for k, t in enumerate(collected) if role_head(t.text)]
    if not head_idx:
        return None
    first_head, last_head = head_idx[0], head_idx[-1]
    begin = first_head
    while begin > 0 and _is_modifier(collected[begin - 1].text, collected[begin - 2].text if begin > 1 else None):
        begin -= 1
    if begin > 0:
        return None  # words before the role that do not describe it: "jag är glad att vara enhetschef"
    end_idx = last_head
    if last_head + 1 < len(collected) and collected[last_head + 1].text.lower() in ROLE_QUALIFIERS:
        end_idx = len(collected) - 1
    role_start = collected[begin].start
    role_end = collected[end_idx].end
    role = text[role_start:role_end]
    if end_idx == len(collected) - 1 and organisation is None:
        # the organisation may follow the qualifier: "strateg för nära vård på VästKom"
        j = i
        if j < len(toks) and toks[j].text.lower() in ORG_PREPOSITIONS:
            org = read_organisation(text, toks, j + 1)
            if org is not None:
                organisation, j = org
                stop = toks[j - 1].end
    if len(collected) == 1 and first_head == 0:
        base = role_head(collected[0].text)
        role = base if base and base not in ROLE_ACRONYMS else role
    return RoleReading(role, organisation, stop)


def read_details(inner: str) -> tuple[str | None, str | None, str | None]:
    """(role, organisation, party) from a parenthesis or a comma tail after a name: "(S)", "(enhetschef,
    Malmö stad)", "MAS i Lunds kommun"."""
    party = PARTY_RE.fullmatch(f"({inner.strip()})")
    if party:
        return None, None, party.group("party")
    role = organisation = None
    for part in (p.strip() for p in inner.split(",")):
        if not part:
            continue
        reading = read_role(part, 0)
        if reading is not None and role is None:
            role, organisation = reading.role, reading.organisation or organisation
            continue
        org = read_organisation(part, tokens_at(part, 0), 0)
        if org is not None and organisation is None and org[0] == part:
            organisation = org[0]
    return role, organisation, None
