"""Negation and its Swedish forms: "fick ingen hjälp" against "fick stor hjälp", "täcks inte" against "täcks".

Cues: inte, ej, icke, aldrig, ingen, inget, inga, ingenting, varken, knappast. Fixed expressions that do not deny
the claim ("eller inte", "om inte", "inte minst", "inte bara", "inte heller" after a negation, "inte … förrän", a
record said as "aldrig har så många", "som om det inte vore nog", and "inte sällan", which is "ofta") are ignored.
The evidence is cut into clauses at punctuation and conjunctions; only clauses that share content with the statement
count, so a negation elsewhere in a long sentence does not flip it. Polarity is the parity of the cues. A difference
in polarity is a conflict only when the denied words are the shared ones: a content word next to the odd side's cue
(the word before it, the two after: the verb and what it denies) is found on the other side. "Uppdraget omfattar
inte vården" against "vården ligger utanför uppdraget" denies "omfattar", which the restatement does not use, so it
is no conflict: the restatement said the same with a negative word ("utanför", "slipper", "för få") that is no cue.
Nor is it one when the side without the odd cue says no in a word of its own (`NEGATIVE_WORDS`: "saknade en
sammanställning" for "hade ingen sammanfattning", "utan kapitaltillskott" for "om de inte får in mer kapital",
"onödiga" for "icke nödvändiga"), or the evidence in a phrase (`_NEGATIVE_PHRASES`: "i stället för den 15 mars" for
"inte den 15 mars", "för få" for "inte tillräckligt många"), that the other side does not also hold: the two sides
then differ in how they say no, and polarity cannot tell which is right. Words of disagreement say no as well
("strider mot" for "är inte förenlig med", "tveksam" for "inte övertygad"), a denied excess is a bound ("får inte
överstiga en månad" for "högst en månad"), and "icke" before an attribute is part of a word ("från icke nödvändiga
resor", "icke-vaccinerade"), no denial of the clause.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from textsamverkan.claims.reasons import Outcome
from textsamverkan.claims.reasons.cues import CUE_WORDS, NOT_DENIAL, WORD, negations

if TYPE_CHECKING:
    from textsamverkan.claims.reasons.words import Word

_LEXICAL_ICKE = re.compile(r"\bicke[- ]\w", re.I)
# where a clause ends: punctuation inside a sentence, or a conjunction
CLAUSE_BREAK = re.compile(r"[,;:()–—]|\s(?:men|och|samt|eftersom|medan|då|när|så att)\s", re.I)
BEFORE, AFTER = 1, 2  # content words
MIN_CLAUSE_WORDS = 2  # content words a clause must share with its pair to be judged on its own
_AUXILIARIES = frozenset(["vara", "ha", "bli", "kunna", "skola", "vilja", "måste", "böra", "få", "göra"])
# lemmas that say no without a cue: lack, refusal, prohibition, abstention, absence
NEGATIVE_WORDS = frozenset(
    [
        "sakna", "saknas", "avsaknad", "brist", "utan", "avstå", "förbjuda", "förbud", "vägra", "neka", "nej",
        # "bespara Sverige 36 transporter" is "Sverige slipper 36 transporter"
        "bespara",
        "undvika", "slippa", "upphöra", "utebli", "frånvaro", "oförmögen", "omöjlig", "omöjliggöra", "misslyckas",
        "misslyckad",
        # advice against and stopping: "avråder från" is "rekommenderar inte", "slutar erbjuda" "erbjuder inte längre"
        "avråda", "sluta", "avsluta",
        # disagreement and incompatibility: "strider mot" is "inte förenlig med", "tveksam" "inte övertygad"
        "strida", "tveksam", "kritisk", "motsätta", "ifrågasätta",
        # exemption and exclusion: "undanta från förmånsbeskattning" is "ska inte förmånsbeskattas", "exkluderats från
        # att göra provet" "inte fått skriva provet"
        "undanta", "undantag", "exkludera", "utesluta",
        # failing: "har underkänt i minst ett ämne" is "har icke godkänt"
        "underkänna", "underkänd",
        # being gone: "är i praktiken helt borta" is "finns inga kvar"
        "borta",
    ]
)  # fmt: skip
# phrases that say no without a cue: "i stället för den 15 mars" is "inte den 15 mars", "för få" "inte tillräckligt"
_NEGATIVE_PHRASES = re.compile(
    r"\b(?:i stället för|istället för|snarare än|till skillnad från|för få|för lite|för små|för första gången"
    # "all trafik ligger nere" is "ingen trafik", "stängs ute från upphandlingen" "får inte delta", "bryter mot
    # lagen" "följer inte lagen"
    r"|ligg(?:a|er|de|at)(?:\s+[^\W\d_]+){0,3}?\s+nere|stäng\w* ute|bryt(?:a|er|it|s)? mot|bröt mot)\b",
    re.I,
)
# words that say no as plainly as `NEGATIVE_WORDS`, on either side, but are read by their form: "valde att låta bli
# att polisanmäla" is "valde att inte anmäla", "exklusive stöd" "stöd ej inräknat", "det fattades 106 829 dagar" "det
# saknades" (not "beslut fattades")
_NEGATIVE_FORMS = re.compile(
    r"\b(?:l(?:åta|åter|ät|åtit) bli|exklusive|(?<!beslut )(?<!beslutet )fatta(?:s|des|ts)(?!\s+(?:ett\s+)?beslut)"
    # "knappt någon söker" is "nästan ingen söker" ("knappt 30 procent" is a bound)
    r"|knappt\s+(?:någon|något|några|nån|nåt|nåra))\b",
    re.I,
)


def clauses(text: str) -> list[str]:
    return [c for c in CLAUSE_BREAK.split(text) if c and c.strip()]


def compare_negation(statement: str, evidence: str, direction_found: frozenset[str] = frozenset()) -> Outcome:
    """Whether the statement and the evidence (its clauses that share content with it) agree in polarity.
    `direction_found`: what the direction check found said on both sides (lower-cased); a denied antonym among it
    ("inte svårt" for "enkelt") or a denying word ("saknades" for "brist") is no difference in polarity."""
    from textsamverkan.claims.reasons.content import content_words, keys, match

    outcome = Outcome("negation")
    litotes = {w for found in direction_found if not CUE_WORDS.isdisjoint(found.split()) for w in found.split()}
    words = content_words(statement)
    said = _plain_words(statement)
    relevant = [
        c for c in clauses(evidence) if not said.isdisjoint(keys(c)) or any(match(w, keys(c)) >= 1.0 for w in words)
    ] or [evidence]
    said_there = " ".join(relevant)
    mine = negations(statement)
    theirs = [cue for c in relevant for cue in negations(c)]
    pair = (" ".join(mine) or "(jakande)", " ".join(theirs) or "(jakande)")
    if len(mine) % 2 == len(theirs) % 2:
        if mine:
            outcome.found.append(" ".join(mine))
        elif not theirs:
            outcome.conflict += _no_without_cue(statement, said_there, direction_found)
        outcome.conflict += _without_against_with(statement, said_there)
        if bool(mine) != bool(theirs) and _denied_clause(mine, statement, relevant, said_there, litotes):
            outcome.conflict.append(pair)
        if not outcome.conflict:
            outcome.conflict += _clause_against_clause(statement, evidence, litotes)
        if not outcome.conflict and mine and theirs:
            outcome.conflict += _swapped_polarity(statement, evidence)
        return outcome
    if len(mine) > len(theirs):
        denied, other, odd = denied_words(statement), said_there, statement
    else:
        denied, other, odd = " ".join(denied_words(c) for c in relevant), statement, said_there
    if _denies_shared(denied, other, odd, statement_denies=len(mine) > len(theirs), litotes=litotes):
        outcome.conflict.append(pair)
    return outcome


def _clause_against_clause(statement: str, evidence: str, litotes: set[str]) -> list[tuple[str, str]]:
    """A clause of the statement and the evidence clause that holds most of its content words differ in polarity, and
    the odd one denies words that the other side affirms wherever it says them: "Läkemedlet fanns i akutförrådet, så
    det behövde inte hämtas" against "Läkemedlet fanns inte i akutförrådet, och det dröjde …". The cues of the whole
    sentences may agree in number while each clause says the opposite of its pair."""
    from textsamverkan.claims.reasons.content import content_words, keys, match

    if not _denials(statement) and not _denials(evidence):
        return []
    mine, theirs = _main_clauses(statement), _main_clauses(evidence)
    if len(mine) < 2 and len(theirs) < 2:
        return []  # one clause each: the whole sentences' polarity was that of the clauses
    for clause in mine:
        words = content_words(clause)
        if len(words) < MIN_CLAUSE_WORDS:
            continue
        count, pair = max(((sum(match(w, keys(c)) >= 1.0 for w in words), c) for c in theirs), key=lambda h: h[0])
        if count < MIN_CLAUSE_WORDS or count * 2 < len(words):
            continue
        denials, their_denials = _denials(clause), _denials(pair)
        if len(denials) % 2 == len(their_denials) % 2 or (_UNTIL.search(clause) and _UNTIL.search(pair)):
            continue  # "fick inte ske innan provsvaret förelåg" is "fick ske först när …", as "inte … förrän"
        statement_denies = len(denials) % 2 == 1
        odd, other = (clause, pair) if statement_denies else (pair, clause)
        other_side = theirs if statement_denies else mine
        # the other side says no beside the odd clause's words elsewhere, or of a pronoun or nothing ("så alla har det
        # inte"): the denial is there, in another clause ("Flickorna får inte: ha bara ben …", "ibland inte alls")
        odd_words = content_words(odd)
        if any(
            _denials(c) and (any(match(w, keys(c)) >= 1.0 for w in odd_words) or not content_words(_next_to_cue(c)))
            for c in other_side
        ):
            continue
        if _denies_shared(_next_to_cue(odd), other, odd, statement_denies=statement_denies, litotes=litotes):
            return [(" ".join(denials) or "(jakande)", " ".join(their_denials) or "(jakande)")]
    return []


def _swapped_polarity(statement: str, evidence: str) -> list[tuple[str, str]]:
    """Words that trade places between what a cue denies and what a clause without a cue affirms: the statement denies
    x and affirms y, the evidence affirms x and denies y ("byter förband men ger inte insulin" against "ger insulin
    men byter inte förband"; "bara mask, inga handskar" against "ingen mask, bara handskar"). A cue denies the first
    words after it in its clause (`_cue_sides`); each word must be found whole on one side only in the evidence, so
    a denial moved with its words, or a list said in another order, is no swap."""
    from textsamverkan.claims.reasons.content import content_words, keys

    if said_no_otherwise(statement, evidence) or said_no_otherwise(evidence, statement):
        return []  # "säger nej till beslut" affirms nothing a cue denies elsewhere
    my_denied, _, my_affirmed = _cue_sides(statement)
    their_denied, their_cue_clauses, their_affirmed = _cue_sides(evidence)
    if not (my_denied and my_affirmed and their_denied and their_affirmed):
        return []
    denied_keys, affirmed_keys, cue_clause_keys = keys(their_denied), keys(their_affirmed), keys(their_cue_clauses)
    denied = {w.lemma: w for w in content_words(my_denied)}
    affirmed = {w.lemma: w for w in content_words(my_affirmed)}
    x = _moved(denied, affirmed, affirmed_keys, cue_clause_keys)
    y = _moved(affirmed, denied, denied_keys, affirmed_keys)
    return [(f"inte {x}, {y}", f"{x}, inte {y}")] if x and y else []


def _moved(words: dict[str, Word], other: dict[str, Word], there: frozenset[str], not_there: frozenset[str]) -> str:
    """The first of `words` (by lemma) the statement says on this side only and the evidence says `there` and not
    whole `not_there`, as written; "" if none."""
    from textsamverkan.claims.reasons.content import match

    return next(
        (
            w.surface
            for lemma, w in sorted(words.items())
            if lemma not in other and match(w, there) >= 1.0 and match(w, not_there) < 1.0
        ),
        "",
    )


_CUE_WINDOW = 2  # content words a cue denies in the swap check
# a person named again: "ge henne insulin" denies the insulin
_PRONOUNS = frozenset(
    ["han", "hon", "hen", "honom", "henne", "hans", "hennes", "dem", "dom", "oss", "mig", "dig", "sig"]
)
# words that end what a cue denies inside a clause (`CLAUSE_BREAK` has already cut at "men", "och", "då" …)
_WINDOW_END = frozenset(["att", "som", "så", "utan", "fast"])


def _cue_sides(text: str) -> tuple[str, str, str]:
    """(the words its cues deny: the first `_CUE_WINDOW` plain words with content after each cue, up to its clause's
    end; the clauses that hold a cue or carry one on, "vare sig …"; the clauses that hold none), each as one text."""
    from textsamverkan.claims.reasons.content import content_words

    denied: list[str] = []
    with_cue: list[str] = []
    without: list[str] = []
    for sentence in _SENTENCES.split(NOT_DENIAL.sub(" ", text)):
        for clause in clauses(sentence):
            if not _denials(clause):
                without.append(clause)
                continue
            with_cue.append(clause)
            words = [m.group() for m in WORD.finditer(clause)]
            for n, word in enumerate(words):
                if word.lower() not in CUE_WORDS:
                    continue
                window: list[str] = []
                for k in range(n + 1, len(words)):
                    if words[k].lower() in _WINDOW_END or len(window) == _CUE_WINDOW:
                        break
                    if _plain(words, k) and words[k].lower() not in _PRONOUNS and content_words(words[k]):
                        window.append(words[k])
                denied += window
    return " ".join(denied), " ".join(with_cue), " ".join(without)


_SENTENCES = re.compile(r"[.!?]+\s+(?=[A-ZÅÄÖ])")


# "vare sig … eller" goes on with a denial of its sentence: "stödjer inte …, vare sig generellt eller …"
_NEGATIVE_POLARITY = re.compile(r"\bvare sig\b", re.I)
_UNTIL = re.compile(r"\b(?:förrän|innan|först när|först efter)\b", re.I)


def _denials(clause: str) -> tuple[str, ...]:
    """The clause's cues, and a "vare sig" that carries its sentence's denial into it."""
    return negations(clause) + tuple(m.group() for m in _NEGATIVE_POLARITY.finditer(clause))


# where a main clause ends: punctuation, a sentence's end, or a conjunction that begins one ("och" and "samt" also
# join words, and "inte så att ingen …" is one denial of another)
_MAIN_CLAUSE_BREAK = re.compile(r"[,;:()–—]|[.!?](?=\s+[A-ZÅÄÖ])|\s(?:men|eftersom|medan|fast)\s")


def _main_clauses(text: str) -> list[str]:
    """The clauses of `text`, the fixed expressions that deny nothing ("men inte 23", "inte bara") left out first."""
    return [c for c in _MAIN_CLAUSE_BREAK.split(NOT_DENIAL.sub(" ", text)) if c and c.strip()]


def _next_to_cue(text: str) -> str:
    """The words a cue of `text` plainly denies, as one text: the word right before it ("fanns inte", "täcks inte")
    and the first word with content of its own after it ("behövde inte hämtas", "ingen utbildning"). Narrower than
    `denied_words`, for one clause judged against another: in "beslutade att inte utvisa" the decision is not
    denied, and in "har inte lagts på riksdagens bord" the Riksdag is not."""
    from textsamverkan.claims.reasons.content import content_words

    words = [m.group() for m in WORD.finditer(NOT_DENIAL.sub(" ", text))]
    content = [n for n in range(len(words)) if _plain(words, n)]
    near: set[int] = set()
    for n, w in enumerate(words):
        if w.lower() in CUE_WORDS:
            # after the cue, the first word with content of its own: "ska inte behöva komma ut till boendet" denies
            # "boendet"
            after = [k for k in content if k > n and content_words(words[k])][:1]
            near.update([k for k in content if k == n - 1] + after)
    return " ".join(words[k] for k in sorted(near))


def _denies_shared(denied: str, other: str, odd: str, *, statement_denies: bool, litotes: set[str]) -> bool:
    """The odd side (`odd`, whose cues deny `denied`) denies words `other` affirms, and `other` says no in no word of
    its own."""
    from textsamverkan.claims.reasons.content import content_words, keys, match

    # the evidence's "i stället för den 15 mars" answers the statement's "inte den 15 mars"; a statement's own "i
    # stället för" is a claim of its own, to be checked
    if said_no_otherwise(other, odd, phrases=statement_denies) or _bound_for_denial(denied, other):
        return False
    if litotes & {w.lower() for w in denied.split()}:
        return False  # "inte svårt" against "enkelt": the direction check found it said with the antonym
    other_keys = keys(other)
    return any(match(w, other_keys) >= 1.0 for w in content_words(denied))


def _denied_clause(
    mine: tuple[str, ...], statement: str, relevant: list[str], said_there: str, litotes: set[str]
) -> bool:
    """Two or more denials on one side, none on the other, and a clause of the denying side denies on its own what
    the other affirms: "Ingen sköterska har ringt …, och ingen har frågat" against "En sköterska ringde … och
    frågade". Parity alone would count the two denials as a yes. Not when a denying clause denies no word of its own:
    "Det är inte så att ingen fick hjälp" denies the clause after it, a yes."""
    from textsamverkan.claims.reasons.content import content_words

    side, other = (clauses(statement), said_there) if mine else (relevant, statement)
    denying = [(clause, denied_words(clause)) for clause in side if len(negations(clause)) % 2]
    if not all(content_words(denied) for _clause, denied in denying):
        return False
    return any(
        _denies_shared(denied, other, clause, statement_denies=bool(mine), litotes=litotes)
        for clause, denied in denying
    )


# lemmas that deny what follows them as plainly as a cue ("saknar en gemensam huvudman", "undvika att resa"): judged
# when neither side has a cue
# "frångick beslutet" does not follow it, "utom årskurs 3" leaves it out, "utan att vi fick något meddelande" denies
# the message ("utan" before a noun is `_without_against_with`'s)
_DENYING_WORDS = frozenset(
    ["sakna", "saknas", "avsaknad", "undvika", "vägra", "avstå", "frångå", "avvika", "utom", "utan"]
)
_THAT = re.compile(r"\s+att\b", re.I)
# denying words that say the same: "avvek från beslutet" is "frångick beslutet", "förutom åk 3" "utom årskurs 3"
_DENYING_ALIKE = (frozenset(["frångå", "avvika"]), frozenset(["utom", "förutom", "undantag", "undanta"]))
# "saknar därför …", "frångick därmed …"
_LINKING = frozenset(["därför", "därmed", "alltså", "således", "nu", "redan", "fortfarande", "helt", "då"])
# trouble with a thing is not having it: "saknades skyddsutrustning" for "hade bekymmer med skyddsutrustningen"
_TROUBLE = frozenset(["bekymmer", "problem", "problematisk", "svårighet", "knapp", "knapphet", "begränsad", "ont"])


def _no_without_cue(statement: str, evidence: str, direction_found: frozenset[str]) -> list[tuple[str, str]]:
    """A denying word on one side only whose next content word the other side affirms: "saknar en gemensam
    huvudman" against "har en gemensam huvudman", "uppmanats att undvika att resa" against "uppmuntrats att resa".
    Nothing when the other side says no in a word of its own or the direction check found the word."""
    from textsamverkan.claims.reasons.content import content_words, keys, match
    from textsamverkan.claims.reasons.words import analyse

    for side, text, other in ((0, statement, evidence), (1, evidence, statement)):
        other_keys = keys(other)
        if not _TROUBLE.isdisjoint(other_keys) or said_no_otherwise(other, text):
            continue  # the other side says no, or has trouble with the thing, in a word of its own
        for m in WORD.finditer(text):
            lemma = analyse(m.group()).lemma
            alike = next((words for words in _DENYING_ALIKE if lemma in words), frozenset([lemma]))
            if lemma not in _DENYING_WORDS or not alike.isdisjoint(other_keys) or m.group().lower() in direction_found:
                continue
            if lemma == "utan" and not _THAT.match(text, m.end()):
                continue
            governed = [w for w in content_words(text[m.end() :]) if w.lemma not in _LINKING][:1]
            if governed and match(governed[0], other_keys) >= 1.0:
                return [("(jakande)", m.group()) if side else (m.group(), "(jakande)")]
    return []


# "utan brukaren" against "med brukaren"; "utan att" governs a verb, and ", utan" after a denial is "but"
_WITH_OR_WITHOUT = re.compile(
    r"(?<!,\s)\b(?P<prep>med|utan)\s+(?:(?:den|det|de|en|ett|sin|sitt|sina|någon|något|några)\s+)?"
    r"(?P<word>[^\W\d_][\w-]*)",
    re.I,
)


def _without_against_with(statement: str, evidence: str) -> list[tuple[str, str]]:
    """A thing one side has "utan" and the other "med" ("genomförandeplanen görs utan brukaren" against "… med
    brukaren"): a conflict, as (statement's phrase, evidence's phrase)."""
    from textsamverkan.claims.reasons.content import keys

    mine = [m for m in _WITH_OR_WITHOUT.finditer(statement) if m.group("word").lower() != "att"]
    if not any(m.group("prep").lower() == "utan" for m in mine) and "utan" not in evidence.lower():
        return []
    theirs = [m for m in _WITH_OR_WITHOUT.finditer(evidence) if m.group("word").lower() != "att"]
    for m in mine:
        for t in theirs:
            if m.group("prep").lower() != t.group("prep").lower() and keys(m.group("word")) & keys(t.group("word")):
                return [(m.group(), t.group())]
    return []


# o- words that deny nothing: "oavsett" is "regardless", "olika" "different"
_NOT_NEGATIVE = frozenset(["oavsett", "olika"])


def said_no_otherwise(text: str, other: str, *, phrases: bool = True) -> bool:
    """`text` holds a word that says no without being a cue (`NEGATIVE_WORDS`, o- before a known word: "onödig",
    "otillräcklig", or a compound of -fri: "kostnadsfri") or, with `phrases`, such a phrase ("i stället för", "för
    få") that `other` does not also hold."""
    from textsamverkan.claims.reasons.words import analyse
    from textsamverkan.nlp.compounds import _known

    if phrases and _NEGATIVE_PHRASES.search(text) and not _NEGATIVE_PHRASES.search(other):
        return True
    if _LEXICAL_ICKE.search(text) and not _LEXICAL_ICKE.search(other):  # "icke nödvändiga" for "inte nödvändiga"
        return True
    if _NEGATIVE_FORMS.search(text) and not _NEGATIVE_FORMS.search(other):
        return True
    theirs = {analyse(m.group()).lemma for m in WORD.finditer(other)}
    for m in WORD.finditer(text):
        word = analyse(m.group())
        lemma = word.lemma
        negative = (
            lemma in NEGATIVE_WORDS
            or (
                lemma.startswith("o")
                and len(lemma) >= 5  # "olåst"
                and _known(lemma[1:])
                and lemma[1:] not in NEGATIVE_WORDS
                and lemma not in _NOT_NEGATIVE
            )
            or (len(word.parts) > 1 and word.parts[-1] == "fri")  # "lånas kostnadsfritt" is "kostar ingenting"
            or (len(lemma) >= 6 and lemma.endswith("lös"))  # "hemlösa" is "saknar bostad", "arbetslös" "utan arbete"
        )
        if negative and lemma not in theirs:
            return True
    return False


# "får inte överstiga en månad" is "högst en månad", "får inte understiga" "minst"
_EXCEED = re.compile(r"\b(?:överstig|överskrid|överträff)\w*", re.I)
_SHORTFALL = re.compile(r"\bunderstig\w*", re.I)
_UPPER_BOUND = re.compile(r"\b(?:högst|max|maximalt|som mest|upp till|lägre|mindre än|under)\b", re.I)
_LOWER_BOUND = re.compile(r"\b(?:minst|som minst|åtminstone|lägst|högre|mer än|över)\b", re.I)


def _bound_for_denial(denied: str, other: str) -> bool:
    """The denied words exceed (or fall short of) an amount and `other` says the same as a bound."""
    return bool(
        (_EXCEED.search(denied) and _UPPER_BOUND.search(other))
        or (_SHORTFALL.search(denied) and _LOWER_BOUND.search(other))
    )


def _plain_words(text: str) -> frozenset[str]:
    """The lemmas and forms of `text` but function words, auxiliaries and negation cues: a clause sharing one is about
    the statement even when that word carries no claim of its own ("Så skedde aldrig" for "Det skedde aldrig")."""
    from textsamverkan.claims.bm25 import STOPWORDS
    from textsamverkan.claims.reasons.content import keys

    return frozenset(k for k in keys(text) if len(k) >= 3 and k not in STOPWORDS and k not in _AUXILIARIES | CUE_WORDS)


def denied_words(text: str) -> str:
    """The words each denying cue of `text` denies, as one text: the content word before the cue (the verb of "täcks
    inte") and the two after it ("fick ingen hjälp", "inte för deras familjer"), function words, auxiliaries and bare
    numbers skipped ("det inte kommer att kunna dela uppgifter" denies "dela uppgifter")."""
    words = [m.group() for m in WORD.finditer(NOT_DENIAL.sub(" ", text))]
    content = [n for n in range(len(words)) if _plain(words, n)]
    near: set[int] = set()
    for n, w in enumerate(words):
        if w.lower() in CUE_WORDS:
            near.update([k for k in content if k < n][-BEFORE:])
            near.update([k for k in content if k > n][:AFTER])
    return " ".join(words[k] for k in sorted(near))


def _plain(words: list[str], n: int) -> bool:
    """Whether words[n] can be what a cue denies: no function word, cue, cue modifier or auxiliary."""
    from textsamverkan.claims.bm25 import STOPWORDS

    low = words[n].lower()
    return (
        low not in STOPWORDS
        and low not in CUE_WORDS
        and low not in _CUE_MODIFIERS
        and not _auxiliary(words[n], words[n + 1 : n + 2])
    )


# words that say how much a cue denies, not what: "söker nästan ingen", "praktiskt taget aldrig", "inte alls"
_CUE_MODIFIERS = frozenset(["nästan", "praktiskt", "taget", "absolut", "alls", "ens"])


def _auxiliary(word: str, following: list[str]) -> bool:
    """The word carries no claim of its own beside a cue: an auxiliary ("kunna", "görs"), "komma" before "att" (the
    future), or a bare number."""
    from textsamverkan.claims.reasons.words import analyse

    if word.isdigit():
        return True
    lemma = analyse(word).lemma
    return lemma in _AUXILIARIES or (lemma == "komma" and [w.lower() for w in following] == ["att"])
