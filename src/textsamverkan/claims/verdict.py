"""A verdict with reasons for a statement against one passage, and one overall verdict from its best candidates.

Per candidate: the best evidence sentence(s) is compared element by element (content words, numbers, dates,
regions/actors/names, negation, direction, how often). Then:
- `no_evidence`  the evidence shares too little content with the statement (coverage < `TOPIC`);
- `contradicted` it is about the same thing and at least one element conflicts (another number, date, actor, region,
                 rate, the opposite polarity or direction, two values in the opposite order);
- `partly`       no conflict, but a number, date or named entity of the statement is missing, or a decision the
                 evidence leaves open ("har beslutat" against "ska utreda om"), or a salient content word is missing,
                 or `ADDED_RUN` content words in a row are,
                 or coverage is below `SUPPORT`;
- `supported`    everything else.
Overall: the best-matching candidate decides. A candidate's closeness is the share of the statement's elements
(content words, numbers, dates, entities) its evidence speaks to (found or in conflict) plus half its ranking
score. When some candidate supports, the closest supporter decides, and the verdict is `conflicting` only when a
contradicting candidate is about as close (within `RIVAL_MARGIN`) and about the same time (not another date and
another number as well): a passage about something else that happens to hold another number or year does not
override a strong support. Otherwise a candidate within `RIVAL_MARGIN` of the closest that contradicts about the same
time decides (a weaker passage that conflicts, or one with another date and another actor or number, is most often
about something else), else partly over no_evidence, then closeness.
Reasons are data: `{"found": {kind: [...]}, "conflict": {kind: [[statement, evidence], ...]}, "missing": [...],
"unchecked": [...]}`; `unchecked` holds an attribution frame ("Statsministern sa att") whose speaker neither the
evidence nor its context names: the verdict is on what was said, not on who said it (reasons/attribution.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from textsamverkan.claims.evidence import Evidence, best_evidence
from textsamverkan.claims.reasons import Outcome
from textsamverkan.claims.reasons.words import Word

VERDICTS = ("supported", "contradicted", "partly", "no_evidence")
OVERALL = (*VERDICTS, "conflicting")
TOPIC = 0.4
SUPPORT = 0.6
SALIENT_LENGTH = 8
RIVAL_MARGIN = 0.1
# how often something happens is salient at any length: "en gång per kvartal" is not "varje månad"
PERIODS = frozenset(["kvartal", "halvår", "månad", "vecka", "dygn"])
# so is a restriction or its lifting: "alla trafikslag utom sjöfarten", "oavsett syfte"; and so is a superlative
# (`ranks.is_superlative`: "den vanligaste cancersjukdomen" claims more than "en cancersjukdom")
RESTRICTIONS = frozenset(["utom", "förutom", "oavsett"])
MAX_STATEMENT_CHARS = 2000
# a kind of thing is named by a modifier of four letters or more: "papperspåse" against "bomullspåse", but a verb's
# particle ("uppdelade" against "fördelade") names no kind
MIN_RIVAL_MODIFIER = 4
# content words in a row that the evidence lacks are a claim of their own, however short each word: "…, främst
# familjer med barn med autism" added to a sentence that says neither
ADDED_RUN = 3


@dataclass(frozen=True)
class Judgement:
    """One candidate's verdict, confidence (0–1), the evidence it was judged on and the reasons. `words_only`: the
    verdict is `partly` only for want of content words (no conflict; every number, date and name found; no group
    of people or kind of thing missing where the evidence names another), the one case the learned verifier may
    read again (claims/learned.py)."""

    verdict: str
    confidence: float
    evidence: Evidence
    reasons: dict[str, Any] = field(default_factory=dict)
    words_only: bool = False


def _reasons(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    found: dict[str, list[str]] = {}
    conflict: dict[str, list[list[str]]] = {}
    for o in outcomes:  # two checks may report one kind (dates, and years said relative to the text's own)
        if o.found:
            found.setdefault(o.kind, []).extend(o.found)
        if o.conflict:
            conflict.setdefault(o.kind, []).extend(list(pair) for pair in o.conflict)
    missing = [m for o in outcomes if o.kind not in ("direction", "attribution") for m in o.missing]
    unchecked = [m for o in outcomes if o.kind == "attribution" for m in o.missing]
    # two checks, or one amount read twice, may name an element twice: once is enough
    found = {kind: list(dict.fromkeys(said)) for kind, said in found.items()}
    conflict = {kind: [list(pair) for pair in dict.fromkeys(map(tuple, pairs))] for kind, pairs in conflict.items()}
    missing = list(dict.fromkeys(missing))
    reasons: dict[str, Any] = {}
    if found:
        reasons["found"] = found
    if conflict:
        reasons["conflict"] = conflict
    if missing:
        reasons["missing"] = missing
    if unchecked:
        reasons["unchecked"] = unchecked
    return reasons


def _forms(word: Any) -> frozenset[str]:
    """The prefixes a word could be found by in a text: its lemma, surface, alternatives and compound parts."""
    from textsamverkan.claims.reasons.content import PREFIX

    forms = (word.lemma, word.surface.lower(), *word.alternatives, *word.parts)
    return frozenset(f[:PREFIX] for f in forms)


def judge_evidence(statement: str, evidence: str, context: str = "") -> tuple[str, float, dict[str, Any]]:
    """Verdict, confidence and reasons for `statement` against an evidence text (context: passage, title, region)."""
    verdict, confidence, reasons, _words_only = assess(statement, evidence, context)
    return verdict, confidence, reasons


def assess(statement: str, evidence: str, context: str = "") -> tuple[str, float, dict[str, Any], bool]:
    """`judge_evidence`, and whether a `partly` is only for want of content words (`Judgement.words_only`)."""
    from textsamverkan.claims.quantities import MONTHS
    from textsamverkan.claims.reasons.attribution import compare_attribution, frame_words
    from textsamverkan.claims.reasons.content import (
        compare_content,
        content_words,
        keys,
        match,
        prefixes,
        rival_compound,
        rival_kind,
    )
    from textsamverkan.claims.reasons.dates import compare_dates
    from textsamverkan.claims.reasons.direction import compare_direction, direction_words
    from textsamverkan.claims.reasons.entities import compare_entities, entities
    from textsamverkan.claims.reasons.frequency import compare_frequency, frequencies, frequency_words
    from textsamverkan.claims.reasons.modality import compare_modality
    from textsamverkan.claims.reasons.negation import compare_negation
    from textsamverkan.claims.reasons.numbers import compare_numbers, number_words
    from textsamverkan.claims.reasons.order import compare_order
    from textsamverkan.claims.reasons.ranks import is_superlative
    from textsamverkan.claims.reasons.references import compare_references
    from textsamverkan.claims.reasons.relative import compare_relative_years, relative_years
    from textsamverkan.claims.reasons.roles import compare_roles
    from textsamverkan.claims.reasons.times import compare_times, hour_words
    from textsamverkan.claims.reasons.valence import compare_valence

    statement = as_the_speaker(statement[:MAX_STATEMENT_CHARS], evidence)
    from textsamverkan.claims.reasons.dates import SEASONS, dates

    named = {w for e in entities(statement) for w in e.text.lower().split()}
    # "sista december", "förra året": the date checks'
    # a weekday stays a content word too ("tors" is found in "torsdag"): the share of content words found decides
    # `supported`, and it was one before weekdays were dates
    dated = {w.strip(".") for d in dates(statement) if "weekday" not in d.get() for w in d.text.lower().split()}
    dated |= {w for y in relative_years(statement) for w in y.text.lower().split()}
    dated |= hour_words(statement)  # "tjugotvå på kvällen": the hour is the times check's
    directed = direction_words(statement)
    # a frequency the evidence says in other words ("dagligen" for "varje dag") or contradicts is the frequency
    # check's, not missing content; one it says in the same words ("på torsdagar") stays found content
    frequency = compare_frequency(statement, evidence)
    judged = [f for f in frequency.found if f.lower() not in evidence.lower()]
    judged += [said for said, _theirs in frequency.conflict]
    skip = (
        directed
        | number_words(statement)
        | frozenset(MONTHS)
        | frozenset(SEASONS)
        | frozenset(named)
        | frozenset(dated)
        | frame_words(statement)
        | frequency_words(judged)
    )
    direction = compare_direction(statement, evidence)
    # an antonym word the direction check found said another way ("avveckla" as "lägga ned") is no missing content
    said = frozenset(w.lower() for w in direction.found)
    content, coverage = compare_content(statement, evidence, skip=skip, said=said)
    # a count of times that the frequency check found to be the same rate over another period is its, not the
    # number check's
    found_rates = [f for f in frequencies(statement) if f.text in frequency.found]
    same_rate = frozenset(f.times for f in found_rates if f.counted)
    # a rate found said another way holds its own digits ("var 6:e vecka" for "var sjätte vecka"), unless a bound
    # comes with it ("högst var 6:e mån" against "minst varje halvår"): the number check judges the bound
    rates = frozenset(f.text for f in found_rates if not _BOUND_BEFORE.search(statement, 0, f.start))
    numbers = compare_numbers(statement, evidence, context, same_rate, rates)
    checks = [
        numbers,
        compare_dates(statement, evidence, context),
        compare_entities(statement, evidence, context),
        compare_negation(statement, evidence, said),
        direction,
        compare_references(statement, evidence),
        compare_times(statement, evidence),
        compare_order(statement, evidence),
        compare_relative_years(statement, evidence),
        compare_valence(statement, evidence),
        compare_roles(statement, evidence),
        frequency,
    ]
    words = content_words(statement, skip=skip)
    missing_words = [w for w in words if w.lemma in content.missing]
    long_missing = [
        w
        for w in missing_words
        if len(w.lemma) >= SALIENT_LENGTH
        or w.lemma in PERIODS
        or w.lemma in RESTRICTIONS
        or is_superlative(w.surface.lower())
    ]
    # a long word missing from the evidence is salient unless the passage holds it; the passage's keys are read only
    # when its word prefixes leave that open
    in_passage = prefixes(context) if context and long_missing else frozenset()
    long_missing = [
        w for w in long_missing if not in_passage or not (_forms(w) & in_passage) or match(w, keys(context)) < 1.0
    ]
    salient = [w.lemma for w in long_missing]
    # a missing group of people is salient at any length when the evidence names another ("gravida" against "barn"),
    # also as a compound's first part ("influensavaccin" against "pneumokocker"), and so is a missing kind of a thing
    # the evidence names another kind of ("papperspåse" against "bomullspåse")
    rivals = [
        w.lemma
        for w in missing_words
        if rival_kind(w, statement, evidence)
        or (len(w.parts[0]) >= MIN_RIVAL_MODIFIER and rival_compound(w, evidence))
    ]
    salient += [m for m in rivals if m not in salient]
    salient += [m for m in _added_coordinate(statement, missing_words, content.found) if m not in salient]
    salient += [m for m in _missing_agent(statement, missing_words) if m not in salient]
    added = _added_claim(statement, evidence, content.missing, skip, directed, said)
    # the direction words of an added claim are named with its other missing words
    content.missing += [w for w in added if w not in content.missing]
    modality = compare_modality(statement, evidence)
    reasons = _reasons([content, *checks, modality, compare_attribution(statement, evidence, context)])
    conflicts = sum(len(c.conflict) for c in checks)
    hard_missing = [m for c in (*checks[:3], modality) for m in c.missing]
    if not content.found and not content.missing:
        # nothing but numbers, dates and names ("49 kommuner i Västra Götaland"): they are the content
        held = sum(len(c.found) for c in checks[:3])
        coverage = held / (held + len(hard_missing) + sum(len(c.conflict) for c in checks[:3]) or 1)
    if coverage < TOPIC:
        return "no_evidence", round(1.0 - coverage, 3), reasons, False
    if conflicts:
        return "contradicted", round(min(0.99, 0.5 + 0.4 * coverage + 0.05 * conflicts), 3), reasons, False
    if hard_missing or salient or added or coverage < SUPPORT:
        # only words are wanting, and none of them a group of people or a kind of thing the evidence names another of
        words_only = not rivals and not any(c.missing for c in checks[:3])
        return "partly", round(0.4 + 0.4 * coverage, 3), reasons, words_only
    return "supported", round(min(0.99, 0.4 + 0.6 * coverage), 3), reasons, False


# a bound right before a rate: "högst var 6:e mån", notes' "min. var 6:e mån" (`quantities.bound_before` reads "min."
# as minutes and the particle of "ses över" as a bound)
_BOUND_BEFORE = re.compile(r"\b(?:min|minst|högst|max|maximalt|minimum)\.?\s*$", re.I)
# notes name the person interviewed in the third person ("IP ringer …", "Talaren tycker …", "den intervjuade"), where
# the transcript says "jag"
_SPEAKER = re.compile(
    r"(?<![\w-])(?P<who>IP|[Tt]alaren|[Ii]ntervjupersonen|[Ii]nformanten|[Rr]espondenten|[Dd]en intervjuade)"
    r"(?P<genitive>:s|s)?(?![\w-])"
)
_FIRST_PERSON = re.compile(r"(?<![\w-])(?:jag|mig|min|mitt|mina)(?![\w-])", re.I)


def as_the_speaker(statement: str, evidence: str) -> str:
    """The statement with the person interviewed as "jag" ("min" in the genitive) when the evidence speaks in the
    first person singular: "IP ringer till vårdcentralen" is the transcript's "jag ringer till vårdcentralen"."""
    if not _FIRST_PERSON.search(evidence) or not _SPEAKER.search(statement):
        return statement

    def first_person(m: re.Match[str]) -> str:
        word = "min" if m.group("genitive") else "jag"
        first = m.start() == 0 or statement[: m.start()].rstrip().endswith((".", ":", ";"))
        return word.capitalize() if first else word

    return _SPEAKER.sub(first_person, statement)


_COORDINATED = re.compile(r"\bbåde\s+(?P<one>[^\W\d_]+)\s+och\s+(?P<other>[^\W\d_]+)", re.I)


def _added_coordinate(statement: str, missing: Sequence[Word], found: list[str]) -> list[str]:
    """A missing word the statement coordinates with a found one, "både varg och björn" where the evidence speaks
    of the wolf alone: a claim about one more thing."""
    from textsamverkan.claims.reasons.words import analyse

    lemmas = {w.lemma for w in missing}
    out = []
    for m in _COORDINATED.finditer(statement):
        one, other = analyse(m.group("one")).lemma, analyse(m.group("other")).lemma
        for lacking, held in ((one, other), (other, one)):
            if lacking in lemmas and held in found:
                out.append(lacking)
    return out


# a passive and its agent: "ledda av en ssk", "utförs av sjuksköterskan", "beslutades av nämnden"
_AGENT = re.compile(
    r"\b[^\W\d_]{3,}(?:ad|ade|ades|at|ats|as|d|da|de|des|t|ts|s)\s+av\s+(?:(?:en|ett|den|det|de)\s+)?"
    r"(?P<agent>[^\W\d_][\w-]*)",
    re.I,
)


def _missing_agent(statement: str, missing: Sequence[Word]) -> list[str]:
    """A missing word that names who did what a passive says, a person, a profession or a public actor ("korta
    utbildningar, ledda av en ssk" where the evidence names no leader): a claim about the doer, at any length."""
    from textsamverkan.claims.reasons.content import PEOPLE, PROFESSIONS, RELATIVES, claim_synonyms
    from textsamverkan.claims.reasons.entities import actor
    from textsamverkan.claims.reasons.words import analyse

    doers = PEOPLE | PROFESSIONS | RELATIVES

    def doer(word: str) -> bool:  # "ssk" is a "sjuksköterska" by our synonyms
        lemma = analyse(word).lemma
        return lemma in doers or bool(claim_synonyms().get(lemma, frozenset()) & doers) or actor(word) is not None

    lemmas = {w.lemma for w in missing}
    agents = {analyse(m.group("agent")).lemma for m in _AGENT.finditer(statement) if doer(m.group("agent"))}
    return sorted(lemmas & agents)


def _added_claim(
    statement: str, evidence: str, missing: list[str], skip: frozenset[str], directed: frozenset[str],
    said: frozenset[str],
) -> list[str]:  # fmt: skip
    """The words of each run of `ADDED_RUN` content words in a row that the evidence lacks (a claim of the statement's
    own: "…, som dessutom har höjt hyrorna under pandemin"), a direction word among them unless the direction check
    found it (`said`) or the evidence has it; empty when there is no such run."""
    from textsamverkan.claims.reasons.content import content_words, keys, match

    evidence_keys = keys(evidence)
    run = content_words(statement, skip=skip - directed)
    lacking = [
        w.lemma in missing
        or (w.surface.lower() in directed and w.surface.lower() not in said and match(w, evidence_keys) < 1.0)
        for w in run
    ]
    starts = [i for i in range(len(run) - ADDED_RUN + 1) if all(lacking[i : i + ADDED_RUN])]
    return list(dict.fromkeys(w.lemma for i in starts for w in run[i : i + ADDED_RUN]))


def judge(statement: str, passage: str, *, offset: int = 0, context: str = "") -> Judgement:
    """The verdict of `statement` against one passage (offset: the passage's start in its document)."""
    evidence = best_evidence(statement, passage, offset)
    verdict, confidence, reasons, words_only = assess(statement, evidence.quote, f"{passage}\n{context}")
    return Judgement(verdict, confidence, evidence, reasons, words_only)


_RANK = {"supported": 3, "contradicted": 3, "partly": 2, "no_evidence": 1}


_ELEMENTS = ("content", "number", "date", "entity")


def held_share(reasons: dict[str, Any]) -> float:
    """The share of the statement's elements (content words, numbers, dates, entities) the evidence speaks to: found,
    or in conflict (another number or date for the same slot is still about the same thing)."""
    found = sum(len(reasons.get("found", {}).get(kind, [])) for kind in _ELEMENTS)
    conflict = sum(len(reasons.get("conflict", {}).get(kind, [])) for kind in _ELEMENTS[1:])
    total = found + conflict + len(reasons.get("missing", []))
    return (found + conflict) / total if total else 0.0


def _same_time(reasons: dict[str, Any]) -> bool:
    """False when the evidence is about another time and disagrees on something else too (another year and another
    amount: a different event, not a rival account of the same one)."""
    conflict = reasons.get("conflict", {})
    return not ("date" in conflict and len(conflict) > 1)


def overall(judgements: Sequence[Judgement], scores: Sequence[float] | None = None) -> tuple[str, int | None]:
    """The statement's verdict from its candidates and the index of the deciding one (None without candidates).
    `scores`: the candidates' ranking scores (closeness adds half of each; see the module docstring)."""
    if not judgements:
        return "no_evidence", None
    ranking = list(scores) if scores is not None else [0.0] * len(judgements)
    closeness = [held_share(j.reasons) + 0.5 * s for j, s in zip(judgements, ranking, strict=True)]
    order = sorted(range(len(judgements)), key=lambda i: (-closeness[i], i))
    supporters = [i for i in order if judgements[i].verdict == "supported"]
    if supporters:
        best = supporters[0]
        rivals = [
            i
            for i in order
            if judgements[i].verdict == "contradicted"
            and closeness[i] >= closeness[best] - RIVAL_MARGIN
            and _same_time(judgements[i].reasons)
        ]
        return ("conflicting" if rivals else "supported"), best
    # a contradiction decides only from a passage about as close as the closest one: a weaker passage that holds
    # another year or actor is most often about something else
    near = [i for i in order if closeness[i] >= closeness[order[0]] - RIVAL_MARGIN]
    contradicting = [i for i in near if judgements[i].verdict == "contradicted" and _same_time(judgements[i].reasons)]
    if contradicting:
        return "contradicted", contradicting[0]
    # only contradictions, none close and about the same time: the closest still decides (contradicted)
    rest = [i for i in order if judgements[i].verdict != "contradicted"] or order
    best = max(rest, key=lambda i: (_RANK[judgements[i].verdict], closeness[i], -i))
    return judgements[best].verdict, best


def one_line(reasons: dict[str, Any]) -> str:
    """A one-line summary of reasons for a table: conflicts first, then what is missing, then what was found."""
    parts: list[str] = []
    if reasons.get("learned"):
        parts.append(f"said in other words (learned verifier {reasons['learned']['entailment']:.3f})")
    for kind, pairs in reasons.get("conflict", {}).items():
        parts += [f"{kind}: {a} ≠ {b}" for a, b in pairs]
    if reasons.get("missing"):
        parts.append("missing: " + ", ".join(reasons["missing"]))
    if not parts and reasons.get("found"):
        parts.append("found: " + ", ".join(w for words in reasons["found"].values() for w in words))
    if reasons.get("unchecked"):
        parts.append("speaker not checked: " + ", ".join(reasons["unchecked"]))
    return "; ".join(parts)
