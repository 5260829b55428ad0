"""Person mentions and introductions in a transcript: who is named, and what role and organisation they have.

Introductions are read with a few general Swedish patterns around a name mention:
"Ann Söderström, hälso- och sjukvårdsdirektör i Västra Götalandsregionen" (apposition), "Iréne Nilsson Carlsson
som är folkhälsoråd på Socialstyrelsen", "jag heter Olivia Wigzell och generaldirektör på Socialstyrelsen",
"smittskyddsläkaren Anna Berg", "Lena Hallengren (S)", "Per Ek från Malmö stad", and guest lists after cues
such as "dagens gäster". Statements in a speaker's own turn ("jag är enhetschef i …") and addresses
("du är vårdstrateg på VästKom") are read by `speakers.py`, which knows who speaks.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from textsamverkan.segment.lexicon import GUEST_CUES_RE, PLACE_WORDS, is_org_word, role_head
from textsamverkan.segment.names import NOT_SPEAKER_WORDS, PARTICLES, fold, is_capitalised
from textsamverkan.segment.roles import read_details, read_organisation, read_role, tokens_at

# Priorities of the sources of a speaker's role and organisation (lower wins).
PRIORITY_OVERRIDE = 0
PRIORITY_HEADER = 1
PRIORITY_INTRODUCTION = 2
PRIORITY_STATEMENT = 3
PRIORITY_ADDRESS = 4
PRIORITY_GUEST_LIST = 5

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_MAX_NAME_TOKENS = 4
_SELF_CUE = re.compile(r"(?i:\b(?:jag heter|mitt namn är|jag är|heter))\s+$")
_AFTER_APPOSITION = re.compile(r",[ \t]*(?:som (?:är|jobbar som|arbetar som)[ \t]+)?(?:(?:även|också)[ \t]+)?")
_AFTER_SOM = re.compile(
    r"[ \t]+(?:som[ \t]+)?(?:är|jobbar som|arbetar som|är verksam som|verkar som)[ \t]+(?:(?:även|också|ju)[ \t]+)?")
_AFTER_OCH = re.compile(r"[ \t]+och[ \t]+(?:(?:är|jobbar som|arbetar som)[ \t]+)?")
_AFTER_FROM = re.compile(r"[ \t]+från[ \t]+")
_PAREN = re.compile(r"[ \t]*\((?P<inner>[^()\n]{1,80})\)")
_SENTENCE_END = re.compile(r"[.!?\n]")


@dataclass(frozen=True)
class Mention:
    """A capitalised name written in the text: `text[start:end] == name`."""

    start: int
    end: int
    name: str

    @property
    def tokens(self) -> list[str]:
        return self.name.split()

    @property
    def key(self) -> str:
        return fold(self.name)


@dataclass(frozen=True)
class Introduction:
    """What the text says about a named person: role, organisation and party, with where it says it."""

    mention: Mention
    role: str | None
    organisation: str | None
    party: str | None
    priority: int


def _is_name_word(word: str) -> bool:
    return is_capitalised(word) and not any(ch.isdigit() for ch in word)


def _not_personal(word: str) -> bool:
    return fold(word) in PLACE_WORDS or is_org_word(word)


def _trim_run(words: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Drop leading words that start sentences, name roles or organisations ("Och Irene", "Socialminister Lena",
    "Socialstyrelsens Olivia")."""
    while words and (fold(words[0][0]) in NOT_SPEAKER_WORDS or role_head(words[0][0]) is not None
                     or _not_personal(words[0][0])):
        words = words[1:]
    return words


def find_mentions(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[Mention]:
    """Capitalised name mentions (1–4 words, particles allowed) outside `skip`, place and organisation names
    excluded; runs longer than four words (titles) are not names."""
    mentions: list[Mention] = []
    run: list[tuple[str, int, int]] = []
    skipped = sorted(skip)
    skip_starts = [s for s, _ in skipped]

    def flush() -> None:
        if not run:
            return
        words = _trim_run(run)
        core = [w for w in words if w[0] not in PARTICLES]
        if words and words[-1][0] in PARTICLES:
            return
        if not 1 <= len(core) <= _MAX_NAME_TOKENS or len(run) > _MAX_NAME_TOKENS + 1:
            return
        if any(_not_personal(w[0]) for w in core):
            return
        start, end = words[0][1], words[-1][2]
        k = bisect.bisect_right(skip_starts, end - 1) - 1  # the last skipped region starting before `end`
        if k >= 0 and skipped[k][1] > start:
            return
        mentions.append(Mention(start, end, text[start:end]))

    for m in _WORD.finditer(text):
        word = m.group()
        continues = run and text[run[-1][2] : m.start()] == " "
        if _is_name_word(word) or (continues and word in PARTICLES):
            if not continues:
                flush()
                run = []
            run.append((word, m.start(), m.end()))
        else:
            flush()
            run = []
    flush()
    return mentions


def _introduction_after(text: str, mention: Mention) -> tuple[str | None, str | None, str | None]:
    """(role, organisation, party) written right after a name: a parenthesis, an apposition, "som är …",
    "och är …" after a self-introduction, "från ORG"."""
    role = organisation = party = None
    pos = mention.end
    paren = _PAREN.match(text, pos)
    if paren:
        role, organisation, party = read_details(paren.group("inner"))
        pos = paren.end()
    cues = [_AFTER_APPOSITION, _AFTER_SOM]
    if _SELF_CUE.search(text, max(0, mention.start - 20), mention.start):
        cues.append(_AFTER_OCH)
    for cue in cues:
        m = cue.match(text, pos)
        if m is None:
            continue
        reading = read_role(text, m.end())
        if reading is not None:
            role, organisation = role or reading.role, organisation or reading.organisation
            pos = reading.end
            break
    m = _AFTER_FROM.match(text, pos)
    if m and organisation is None:
        org = read_organisation(text, tokens_at(text, m.end()), 0)
        if org is not None:
            organisation = org[0]
    return role, organisation, party


def _introduction_before(text: str, mention: Mention) -> Introduction | None:
    """A role (and a genitive organisation) written right before the name: "Region Skånes smittskyddsläkare X"."""
    words = list(_WORD.finditer(text, max(0, mention.start - 80), mention.start))
    if not words or text[words[-1].end() : mention.start] != " ":
        return None
    role = role_head(words[-1].group())
    if role is None:
        return None
    organisation = None
    run: list[re.Match[str]] = []
    for w in reversed(words[:-1]):
        if not is_capitalised(w.group()) or (run and text[w.end() : run[0].start()] != " "):
            break
        run.insert(0, w)
    if run and text[run[-1].end() : words[-1].start()] == " " and run[-1].group().endswith("s"):
        organisation = text[run[0].start() : run[-1].end() - 1]
    return Introduction(mention, role, organisation, None, PRIORITY_INTRODUCTION)


def find_introductions(text: str, mentions: Sequence[Mention], *, single_names: set[str]) -> list[Introduction]:
    """Introductions attached to name mentions. Single-word mentions count only when their folded form is in
    `single_names` (the first names used as speaker labels)."""
    found: list[Introduction] = []
    for mention in mentions:
        if len(mention.tokens) < 2 and mention.key not in single_names:
            continue
        role, organisation, party = _introduction_after(text, mention)
        before = _introduction_before(text, mention)
        if before is not None:
            role, organisation = role or before.role, organisation or before.organisation
        if role or organisation or party:
            found.append(Introduction(mention, role, organisation, party, PRIORITY_INTRODUCTION))
    return found


def find_guest_lists(text: str, mentions: Sequence[Mention]) -> list[Introduction]:
    """Full names listed after a cue such as "dagens gäster", "vi har bjudit in" or "i studion finns"."""
    found: list[Introduction] = []
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    for cue in GUEST_CUES_RE.finditer(text):
        end = _SENTENCE_END.search(text, cue.end())
        limit = min(end.start() if end else len(text), cue.end() + 300)
        for mention in ordered[bisect.bisect_left(starts, cue.end()) : bisect.bisect_left(starts, limit)]:
            if len(mention.tokens) >= 2:
                found.append(Introduction(mention, None, None, None, PRIORITY_GUEST_LIST))
    return found
