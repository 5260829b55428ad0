"""Who said it: a statement's attribution frame, which the evidence sentence need not hold.

Summaries name the speaker: "Statsministern sa att …", "Enligt interpellanten …", "Hon tycker inte att …", "…, säger
hon." The evidence sentence is the speaker's own words and seldom names them, so the frame's words are not content
that must be found there: they are found when the evidence or its context (passage, title, speaker) holds them and
otherwise reported as unchecked, never as missing. A named actor in the frame ("Regeringen anser att",
"Folkhälsomyndighetens generaldirektör sa att") is still the entity check's to find or contradict; only the speech
verb and a generic speaker ("hon", "statsministern", "utredningen") are left to this check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from textsamverkan.claims.reasons import Outcome

SPEECH_VERBS = (
    "sa|sade|säger|sagt|menar|menade|anser|ansåg|tycker|tyckte|tror|trodde|påminner|påminde|påpekar|påpekade|"
    "betonar|betonade|konstaterar|konstaterade|framhåller|framhöll|uppger|uppgav|hävdar|hävdade|berättar|berättade|"
    "förklarar|förklarade|understryker|underströk|skriver|skrev|framför|framförde|varnar|varnade|pekar|pekade|"
    # the supine after "har": "Socialstyrelsen har uppgett att", and "meddela", "ange"
    "menat|ansett|tyckt|trott|påmint|påpekat|betonat|konstaterat|framhållit|uppgett|uppgivit|hävdat|berättat|"
    "förklarat|understrukit|skrivit|framfört|varnat|pekat|meddelar|meddelade|meddelat|anger|angav|angett|angivit"
)
# "Statsministern sa att", "EU-ministern påminde om att", "Hon tycker inte att", "Utredningen pekar på att": a subject
# of at most four words first in the statement
_LEADING = re.compile(
    rf"^\s*(?P<who>(?:[^\W\d_][\w:-]*\s+){{0,3}}[^\W\d_][\w:-]*)\s+(?P<verb>{SPEECH_VERBS})"
    r"(?:\s+(?:också|även|tydligt|särskilt))?(?:\s+(?:inte|ej))?(?:\s+(?:om|på|för))?\s+att\b",
    re.I,
)
# the verb first, after a hedge or a fronted adverb: "(Om jag förstått det rätt) sa hon att …", "Dessutom påpekade
# ministern att …"
_INVERTED = re.compile(
    rf"^\s*(?:(?:då|sen|sedan|dessutom|också|vidare|därför|alltså|och|men)\s+)?(?P<verb>{SPEECH_VERBS})"
    r"\s+(?P<who>(?:[^\W\d_][\w:-]*\s+){0,2}[^\W\d_][\w:-]*)(?:\s+(?:också|även))?(?:\s+(?:inte|ej))?"
    r"(?:\s+(?:om|på|för))?\s+att\b",
    re.I,
)
# "Enligt statsministern …", "Enligt interpellanten har …"
_ACCORDING = re.compile(r"^\s*Enligt\s+(?P<who>[^\W\d_][\w:-]*(?:\s+[A-ZÅÄÖ][\w-]*)*)(?=[\s,])")
# "…, säger hon.", "…, sa statsministern."
_TRAILING = re.compile(
    rf",\s*(?P<verb>{SPEECH_VERBS})\s+(?P<who>(?:[^\W\d_][\w:-]*\s*){{1,3}})[.!]?\s*$",
    re.I,
)
# the writer's own hedge, no content of the claim: "Vad jag förstår …", "Alltså, som jag förstår det så …", "…, så
# förstod jag det.", "Såvitt jag vet …", "Grovt räknat …" (the number check judges how exact an amount is)
_HEDGE = re.compile(
    r"^\s*(?:(?:alltså|ja|och|men|så)\s*,?\s+)?(?:vad|som|så vitt|såvitt|om)\s+jag\s+(?:har\s+)?"
    r"(?:förstår|förstått|förstod|vet|minns|uppfattat|uppfattar)(?:\s+det)?(?:\s+rätt)?(?:\s*,)?(?:\s+så\b)?"
    r"|\b(?:grovt|ungefärligt) räknat\b|\bi runda tal\b"
    r"|,\s*(?:så|som|om)\s+(?:jag\s+)?(?:har\s+)?(?:förstod|förstår|förstått|uppfattade|uppfattar)\s+(?:jag\s+)?"
    r"(?:det)?(?:\s+rätt)?\s*[.!]?\s*$",
    re.I,
)
# a subject that makes a sentence of its own, not a speaker: "Det", "Man", "Vi" are content-free, and a frame
# beginning with a preposition or a conjunction is none
_NO_SPEAKER = frozenset(["det", "detta", "som", "och", "men", "när", "om", "i", "på", "för", "att"])


@dataclass(frozen=True)
class Frame:
    """The attribution frame as written, its speaker's words and its speech verb (none after "Enligt")."""

    text: str
    speaker: tuple[str, ...]
    verb: str | None = None

    @property
    def words(self) -> tuple[str, ...]:
        return self.speaker + ((self.verb,) if self.verb else ())


@lru_cache(maxsize=1 << 14)
def attribution(statement: str) -> Frame | None:
    """The statement's attribution frame, or None."""
    for pattern in (_LEADING, _INVERTED, _ACCORDING, _TRAILING):
        m = pattern.search(statement)
        if m is None:
            continue
        who = m.group("who").split()
        if not who or who[0].lower() in _NO_SPEAKER:
            continue
        return Frame(m.group().strip(" ,"), tuple(who), m.groupdict().get("verb"))
    return None


def _spoken_frame(statement: str) -> Frame | None:
    """The frame of what the statement says once the writer's hedge is left out ("Om jag förstått det rätt sa hon att
    …" has the frame "sa hon att")."""
    return attribution(_HEDGE.sub(" ", statement))


def frame_words(statement: str) -> frozenset[str]:
    """The lower-cased words and lemmas of the statement's frame and of the writer's hedge ("vad jag förstår"): left
    out of the content comparison."""
    from textsamverkan.claims.reasons.words import analyse

    frame = _spoken_frame(statement)
    words = [w for m in _HEDGE.finditer(statement) for w in m.group().replace(",", " ").split()]
    words += frame.words if frame else ()
    return frozenset(form for w in words for form in (w.lower(), analyse(w).lemma))


def compare_attribution(statement: str, evidence: str, context: str = "") -> Outcome:
    """The frame's speaker found in the evidence or its context, or missing (reported as unchecked, not as missing
    content). The speech verb is never looked for: the evidence is what was said."""
    from textsamverkan.claims.reasons.content import keys
    from textsamverkan.claims.reasons.words import GENERIC, analyse

    outcome = Outcome("attribution")
    frame = _spoken_frame(statement)
    if frame is None:
        return outcome
    wanted = [w for w in frame.speaker if analyse(w).lemma not in GENERIC and len(w) >= 3]

    def named_in(held: frozenset[str]) -> bool:
        return all(w.lower() in held or analyse(w).lemma in held for w in wanted)

    held = keys(evidence)
    found = named_in(held) or (bool(context) and named_in(held | keys(context)))  # the passage read only if needed
    (outcome.found if found else outcome.missing).append(frame.text)
    return outcome
