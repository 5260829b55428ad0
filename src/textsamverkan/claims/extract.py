"""Rule-based claim detection for Swedish sentences: what a researcher would check.

A sentence is a claim when it asserts a quantity or a change, an evaluation, a problem, a cause, or an obligation
or recommendation. Questions, greetings and hand-overs ("Jag går vidare till dig, Ann"), thanks, and short
headings or bullets without a verb are not. The rules are cue lists over lower-cased text, listed below so a reader
can see exactly why a sentence was taken; every claim carries the cues that fired.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from textsamverkan.claims.quantities import Quantity, parse_quantities

ClaimType = Literal["quantity", "change", "evaluation", "problem", "cause", "obligation"]
CLAIM_TYPES: tuple[ClaimType, ...] = ("change", "quantity", "problem", "cause", "obligation", "evaluation")
"""Claim types in priority order: a sentence gets the first type whose cues fire (all fired types are kept too)."""


def _cues(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)", re.IGNORECASE)


CUES: dict[ClaimType, re.Pattern[str]] = {
    "change": _cues(
        r"ök(?:at|ade|ar|ning(?:en)?)",
        r"minsk(?:at|ade|ar|ning(?:en)?)",
        r"(?:för|tre|fyr)dubbl\w+",
        r"halver\w+",
        r"flerfaldig\w+",
        r"vuxit",
        r"växt",
        r"stigit",
        r"sjunkit",
        r"byggts ut",
        r"byggdes ut",
        r"förbättrats",
        r"försämrats",
        r"tagit ett språng",
        r"kapacitetsökning\w*",
        r"gått (?:upp|ned|ner)",
    ),
    "problem": _cues(
        r"brist(?:er|en|erna|ande)?",
        r"brister",
        r"problem\w*",
        r"svårighet\w*",
        r"svårt",
        r"saknas",
        r"saknade?s?",
        r"saknar",
        r"inte täcks",
        r"otillräcklig\w*",
        r"bekymmer",
        r"friktion\w*",
        r"hinder",
        r"fungerar inte",
        r"fungerade inte",
        r"inte fungerar",
        r"inte fungerade",
        r"oro",
        r"underskott",
    ),
    "cause": _cues(
        r"på grund av",
        r"p\.g\.a\.?",
        r"pga",
        r"eftersom",
        r"därför att",
        r"ledde till",
        r"leder till",
        r"lett till",
        r"bidrog till",
        r"bidragit till",
        r"beror på",
        r"berodde på",
        r"till följd av",
        r"som en följd av",
        r"resulterade i",
        r"medförde",
        r"gjorde att",
        r"innebar att",
        r"avgörande för",
    ),
    "obligation": _cues(
        r"bör",
        r"borde",
        r"måste",
        r"ska",
        r"skall",
        r"behöver",
        r"krävs",
        r"kräver",
        r"ansvarar för",
        r"är skyldig\w*",
        r"rekommender\w+",
    ),
    "evaluation": _cues(
        r"fungera\w* (?:väldigt |mycket |riktigt |jättebra|)?(?:bra|väl|dåligt)",
        r"välfungerande",
        r"väl fungerande",
        r"framgångsrik\w*",
        r"lyckad\w*",
        r"lyckats",
        r"lyckades",
        r"avgörande",
        r"viktig\w*",
        r"värdefull\w*",
        r"effektiv\w*",
        r"positiv\w*",
        r"negativ\w*",
        r"bättre",
        r"sämre",
        r"utmärkt\w*",
        r"goda? (?:exempel|erfarenhet\w*|resultat)",
        r"enorm\w*",
    ),
}
_GREETING = re.compile(
    r"^(?:hej|hejsan|tack|tackar|välkomna|välkommen|god (?:morgon|dag|kväll)|jag går vidare|vi går vidare|"
    r"då går vi|varsågod|varsågoda|ja,? tack|och (?:med|så) (?:oss|mig))\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_][\w-]*")
# Finite-verb endings and common verbs: a short line without any of these is a heading or a bullet, not a claim.
_VERBISH = re.compile(
    r"(?<!\w)(?:är|var|har|hade|blir|blev|kan|ska|måste|bör|finns|fanns|\w+(?:ar|er|ir|de|te|ts|ades|des|tes))(?!\w)",
    re.IGNORECASE,
)
MIN_WORDS = 4


@dataclass(frozen=True)
class ClaimMatch:
    """Why a sentence is a claim: its main type, every type whose cues fired, the cue strings, and quantities."""

    type: ClaimType
    types: tuple[ClaimType, ...]
    cues: tuple[str, ...]
    quantities: tuple[Quantity, ...] = field(default=())


def not_a_claim_reason(sentence: str) -> str | None:
    """Why `sentence` can never be a claim ("question", "greeting", "heading"), or None when it could be."""
    text = sentence.strip()
    if not text:
        return "empty"
    if text.endswith("?"):
        return "question"
    if _GREETING.match(text.lstrip("-–•●o ")):
        return "greeting"
    words = _WORD.findall(text)
    if len(words) < MIN_WORDS and not _VERBISH.search(text):
        return "heading"
    if len(words) < 3:
        return "heading"
    return None


def classify(sentence: str, offset: int = 0) -> ClaimMatch | None:
    """The claim a sentence makes (quantities get offsets shifted by `offset`), or None when it makes none."""
    if not_a_claim_reason(sentence):
        return None
    types: list[ClaimType] = []
    cues: list[str] = []
    quantities = tuple(parse_quantities(sentence, offset))
    for claim_type in CLAIM_TYPES:
        if claim_type == "quantity" and quantities:
            types.append("quantity")
            cues += [q.text for q in quantities if q.kind == "amount"]
            continue
        hits = [m.group() for m in CUES[claim_type].finditer(sentence)] if claim_type in CUES else []
        if hits:
            types.append(claim_type)
            cues += hits
    if not types:
        return None
    return ClaimMatch(types[0], tuple(types), tuple(dict.fromkeys(c.lower() for c in cues)), quantities)
