"""Scope: a statement about all of something ("samtliga kommuner", "alla", "varje region", "ingen av
vårdcentralerna") against evidence that
names only a part of it ("sex av tio kommuner", "34 flygplatser, varav 27 har …", "de flesta kommuner"). The
statement claims more than the evidence: an amount in conflict, like "300" against "30".

Only a part said as a part counts: "varav" with an amount, "N av dessa", "en av dem", a partitive word ("några",
"flera", "de flesta", "hälften"), or an amount or per cent "av" it ("tre av de sjuka", "31 procent av
delegeringarna"), just before the thing the statement quantifies, or "N av M" with N below M (next to
that thing, or anywhere when the universal stands alone: "upprättats i samtliga"). A bare number never does
("21 regioner" may be all of them), nor does evidence that itself says "alla", "samtliga", "båda", "hela" or "100
procent" as often as the statement does (a whole it denies, "inte på alla", answers none); a universal the statement
hedges or denies ("nästan alla", "inte alla") claims no whole. Still, a count with no word that makes it the whole
does not say the whole: "samtliga boenden" against "på fyra boenden" is missing, not in conflict
(`whole_not_counted`).

A partitive word quantifies only the thing its own phrase names: "några dagar per termin" is no part of "varje
termin".

The mirrors: a statement about only a part ("två av de fyra kommunerna", "bara vissa boenden") against evidence that
says all of it ("alla fyra kommunerna", "varje boende"; `_part_of_said_whole`); and a statement about one thing alone
("bara sjukhuset satt med", "enbart läkare får") against evidence that names it together with another the statement
does not name ("sjukhuset, kommunen och vårdcentralen", "läkare, tandläkare och sjuksköterskor"); "inte bara" claims
nothing alone (`_alone`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from textsamverkan.claims.quantities import NUMBER_WORDS, SHARE, parse_number

# "båda förövarna" against "en av dem", "hela anslaget" against "2,6 av dessa 100 miljoner" (not "hela 14 procent",
# which stresses an amount, nor "hela tiden", "det hela", "på det hela taget"); "ingen av vårdcentralerna" is every
# one of them, denied, against "tre av fyra vårdcentraler"
_UNIVERSAL = re.compile(
    r"(?<![\w-])(samtliga|alla|varje|varenda|vartenda|båda|bägge|(?<!det )hela(?!\s+(?:\d|tiden\b|taget\b))"
    r"|(?:ingen|inget|inga)\s+(?:ut)?av)(?![\w-])",
    re.I,
)
# "nästan alla", "inte alla", "långt ifrån samtliga": no claim about the whole
_HEDGED = re.compile(
    r"(?<![\w-])(?:inte|ej|icke|långt ifrån|knappast|nästan|praktiskt taget|i stort sett|snart sagt)\s+$", re.I
)
# ("hela 14 procent" only stresses an amount)
_WHOLE_IN_EVIDENCE = re.compile(
    r"(?<![\w-])(?:samtliga|samtlig|alla|allt|varje|varenda|vartenda|båda|bägge|hela(?!\s+\d)|samlade|alltid"
    r"|var\s+och\s+en|vart\s+och\s+ett|100\s*(?:%|procent))"
    r"(?![\w-])",
    re.I,
)
# a whole the evidence denies answers none of the statement's: "inte på alla", "inte samtliga"
_DENIED_BEFORE = re.compile(r"(?<![\w-])(?:inte|ej|icke)\s+(?:[^\W\d_]+\s+)?$", re.I)
_WORD = re.compile(r"[^\W_][\w-]*")
# "en del", "ett par", "ett fåtal" name a part by their last word; "ena gången" is one of "båda gångerna"
_PARTITIVE = frozenset(
    ["några", "vissa", "flera", "många", "fåtal", "flesta", "flertalet", "merparten", "majoriteten", "hälften",
     "minoritet", "del", "par", "tredjedel", "fjärdedel", "tiondel", "ena"]
)  # fmt: skip
# "34 flygplatser, varav 27 har …", "varav de flesta", "varav bara hälften" (not "varav följer att …"); "10 av
# dessa", "hälften av dem"
_PART_OF = re.compile(
    r"(?<![\w-])varav\s+(?:(?:bara|endast|cirka|ca|drygt|knappt|omkring|runt|de|en|ett)\s+)?(?P<part>[\w,]+)"
    r"|(?<![\w-])(?P<share>[\w,]+)\s+av\s+(?:dessa|dem)(?![\w-])",
    re.I,
)
# a part the statement says itself: "9 av dem", "nio utav tio"
_PART_SAID = re.compile(r"(?<![\w-])([\w,]+)\s+(?:fall\s+)?(?:av|utav)(?![\w-])", re.I)
# words between a universal and the thing it quantifies ("samtliga 23 000 tunnor", "alla av dem")
_NOT_THE_THING = frozenset(["av", "de", "dem", "dessa", "våra", "sina", "deras", "landets", "sveriges"])
# a number before these is the whole, not a part of it ("de 21 regionerna", "totalt 34 flygplatser")
_WHOLE_BEFORE = frozenset(["de", "dessa", "alla", "samtliga", "totalt", "sammanlagt", "dem", "våra", "sina"])
REACH = 3  # a partitive word this many words or fewer before the quantified thing
# a preposition ends a partitive's phrase: "några dagar per termin" quantifies days, not terms ("tre av de sjuka" goes
# on, and so do the places of "vissa platser i landet", "några avdelningar på sjukhuset", parts of a whole)
_PHRASE_ENDS = frozenset(["per", "om", "under", "efter", "före", "för", "med", "till", "från", "inom", "hos", "mot"])
# "70 procent av alla vuxna", "hälften av alla" name a part of the whole, not the whole; a passive's agent ("används av
# samtliga kommuner") is the whole
_PART_WORDS = "|".join(sorted({*_PARTITIVE, *NUMBER_WORDS, "en", "ett", "procent", "andel", "andelen", "delen"}))
_OF_BEFORE = re.compile(rf"(?:\d\s*%?|(?<![\w-])(?:{_PART_WORDS}))\s+(?:av|utav)\s+$", re.I)
# a part the statement claims as only a part: "bara vissa boenden", "endast en del av kommunerna", "bara av ett
# urval av dem"; "en del av", "ett urval av", "ett fåtal av", "några av" and "vissa av" claim a part without "bara"
_ONLY_A_PART = re.compile(
    r"(?<![\w-])(?<!inte )(?<!ej )(?:(?:bara|endast|enbart)\s+(?:(?:av|på|för|hos|till|i)\s+)?"
    r"(?:en\s+del\s+av|några\s+av|vissa\s+av|några|vissa|ett\s+fåtal(?:\s+av)?|ett\s+par\s+av|hälften\s+av"
    r"|ett\s+urval\s+av)|(?:en\s+del|ett\s+urval|ett\s+fåtal|några|vissa)\s+av)(?![\w-])",
    re.I,
)


# a per cent below the whole: "78 procent", "61 %" (one or two digits: not "100 procent")
_PART_PERCENT = re.compile(r"(?<![\d,.])\d{1,2}(?:,\d+)?\s*(?:%|procent)(?![\w])", re.I)


def _is_number(word: str) -> bool:
    return word[:1].isdigit() or word.lower() in NUMBER_WORDS  # "en", "ett" are also articles: no amount


def _the_things(statement: str, end: int) -> frozenset[str]:
    """The lemmas of the (up to three) content words after a universal that say what it quantifies, and their first
    letters (the lemmatiser reads "boende" as "bo" but "boendena" as "boende")."""
    from textsamverkan.claims.bm25 import STOPWORDS
    from textsamverkan.claims.reasons.content import PREFIX
    from textsamverkan.claims.reasons.words import analyse

    words = [m.group() for m in _WORD.finditer(statement, end)][:4]
    things = [w for w in words if not _is_number(w) and w.lower() not in _NOT_THE_THING and w.lower() not in STOPWORDS]
    return frozenset(form for w in things[:3] for form in (analyse(w).lemma, w[:PREFIX].lower()))


def _a_part(evidence: str) -> str | None:
    """The evidence's "varav" with an amount or a part ("varav 27", "varav de flesta") or its amount or part "av
    dessa" ("10 av dessa", "hälften av dem"), if it has one."""
    for m in _PART_OF.finditer(evidence):
        word = (m.group("part") or m.group("share")).lower()
        if _is_number(word) or word in _PARTITIVE or (m.group("share") and word in ("en", "ett")):  # "en av dem"
            return m.group()
    return None


def _a_share(statement: str, evidence: str, tokens: list[re.Match[str]], things: frozenset[str]) -> str | None:
    """The evidence's "N av M" with N below M ("9 av 17 fall", "nio fall av tio") next to what the universal
    quantifies (within `REACH` words), or anywhere when it quantifies nothing said ("upprättats i samtliga"); not a
    share whose part the statement says too ("samtliga 17 fall granskades, i 9 av dem …" holds its own part)."""
    from textsamverkan.claims.reasons.words import analyse

    own = {parse_number(m.group(1)) for m in _PART_SAID.finditer(statement)}
    for m in SHARE.finditer(evidence):
        part, whole = parse_number(m.group("part")), parse_number(m.group("whole"))
        if part is None or not whole or part >= whole or part in own:
            continue
        inside = [i for i, t in enumerate(tokens) if m.start() <= t.start() < m.end()]
        near = tokens[max(0, inside[0] - REACH) : inside[-1] + REACH + 1] if inside else []
        if not things or any(analyse(t.group()).lemma in things for t in near):
            return m.group()
    return None


@lru_cache(maxsize=1 << 12)
def _wholes(statement: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each universal the statement does not hedge, with the lemmas of what it quantifies (read once a statement)."""
    return tuple(
        (m.group(), _the_things(statement, m.end()))
        for m in _UNIVERSAL.finditer(statement)
        if not _HEDGED.search(statement[: m.start()])
    )


def scope_conflicts(statement: str, evidence: str) -> list[tuple[str, str]]:
    """(statement's universal, evidence's part) when the statement says all and the evidence only a part; else
    (the statement's "bara X", the evidence's "X, W") when it says one thing alone and the evidence names others."""
    return (
        _part_of_whole(statement, evidence)
        or _part_of_said_whole(statement, evidence)
        or _alone(statement, evidence)
    )


def _unanswered(wholes: tuple[tuple[str, frozenset[str]], ...], evidence: str) -> bool:
    """The statement claims more wholes than the evidence says (not denied): "Samtliga 176 passagerare omkom, och
    alla var svenska" claims one more whole than "Samtliga 176 passagerare omkom, varav 17 var svenska"."""
    if not wholes:
        return False  # most statements claim no whole: the evidence need not be read
    said_whole = [m for m in _WHOLE_IN_EVIDENCE.finditer(evidence) if not _DENIED_BEFORE.search(evidence[: m.start()])]
    return len(wholes) > len(said_whole)


def _part_of_whole(statement: str, evidence: str) -> list[tuple[str, str]]:
    """(statement's universal, evidence's part) when the statement says all and the evidence only a part."""
    from textsamverkan.claims.reasons.words import analyse

    wholes = _wholes(statement)
    if not _unanswered(wholes, evidence):
        return []
    if part := _a_part(evidence):
        return [(wholes[-1][0], part)]
    tokens = list(_WORD.finditer(evidence))
    lower = evidence.lower()
    for said, things in wholes:
        if not any(thing[:4] in lower for thing in things):
            continue  # none of what it quantifies is in the evidence: no token to look at
        for i, token in enumerate(tokens):
            if analyse(token.group()).lemma not in things:
                continue
            for j in range(max(0, i - REACH), i):
                word = tokens[j].group().lower()
                before = tokens[j - 1].group().lower() if j else ""
                after = tokens[j + 1].group().lower()
                if after == "procent" and j + 2 < i and word != "100":
                    after = tokens[j + 2].group().lower()  # "31 procent av delegeringarna" is a part of them
                # "ett av boendena" is one of them, a part, though "ett" alone is no amount; "var och en av oss" is
                # every one of them
                counted = _is_number(word) or word in ("en", "ett")
                each = before == "och" and j >= 2 and tokens[j - 2].group().lower() in ("var", "vart")
                share = counted and after in ("av", "utav") and before not in _WHOLE_BEFORE and not each
                ended = any(t.group().lower() in _PHRASE_ENDS for t in tokens[j + 1 : i])
                # "andelen boende … 78 procent": a share of them below the whole
                shared = word.startswith("andel") and _PART_PERCENT.search(evidence) is not None
                if (word in _PARTITIVE or share or shared) and not ended:
                    return [(f"{said} {token.group()}", evidence[tokens[j].start() : token.end()])]
    for said, things in wholes:
        if part := _a_share(statement, evidence, tokens, things):
            return [(said, part)]
    return []


# words before a count that make it the whole ("de fyra boendena", "kommunens fyra boenden", "alla fem")
_COUNT_WHOLE_BEFORE = _WHOLE_BEFORE | frozenset(["båda", "bägge", "hela", "samtliga", "våra", "era", "deras"])
_POSSESSIVE = ("ens", "ets", "ns", "ts", "ars", "ers", "ornas", "arnas", "ernas")
# the country's whole counted: "21 regioner" are all of them, and so are "290 kommuner"
_NATIONAL_COUNTS = {"region": (20, 21), "landsting": (20, 21), "kommun": (290,)}


def _counted_some(statement: str, tokens: list[re.Match[str]], i: int) -> bool:
    """The thing at `tokens[i]` is counted just before it with no word that makes the count a whole ("på fyra
    boenden", "fem boende och två personal"; not "de fyra boendena", "kommunens fyra boenden", nor the country's
    "21 regioner"), and the statement does not say that count itself ("samtliga fyra boenden")."""
    from textsamverkan.claims.reasons.words import analyse

    if i == 0:
        return False
    count = tokens[i - 1].group()
    if not _is_number(count) or count.lower() in ("en", "ett"):
        return False
    before = tokens[i - 2].group() if i >= 2 else ""
    possessive = before.endswith(_POSSESSIVE) or (before[:1].isupper() and before.endswith("s"))
    if before.lower() in _COUNT_WHOLE_BEFORE or possessive:
        return False
    value = parse_number(count)
    if value is None or value in _NATIONAL_COUNTS.get(analyse(tokens[i].group()).lemma, ()):
        return False
    return value not in {parse_number(w.group()) for w in _WORD.finditer(statement)}


def whole_not_counted(statement: str, evidence: str) -> list[str]:
    """The statement's universal with what it quantifies ("samtliga boenden") where the evidence counts that thing
    without saying the count is all of it ("på fyra boenden"): not a part said as a part, so no conflict, but the
    whole is not in the evidence (`_counted_some`)."""
    from textsamverkan.claims.reasons.words import analyse

    wholes = _wholes(statement)
    if not _unanswered(wholes, evidence):
        return []
    tokens = list(_WORD.finditer(evidence))
    for said, things in wholes:
        for i, token in enumerate(tokens):
            if analyse(token.group()).lemma in things and _counted_some(statement, tokens, i):
                return [f"{said} {token.group()}"]
    return []


@lru_cache(maxsize=1 << 12)
def _parts_said(statement: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each part the statement claims ("två av de fyra kommunerna", "bara vissa boenden") with what it is a part of
    (read once a statement)."""
    parts = [
        (m.group(), _the_things(statement, m.end()))
        for m in SHARE.finditer(statement)
        if (n := parse_number(m.group("part"))) is not None and (of := parse_number(m.group("whole"))) and n < of
    ]
    parts += [(m.group(), _the_things(statement, m.end())) for m in _ONLY_A_PART.finditer(statement)]
    return tuple(parts)


def _part_of_said_whole(statement: str, evidence: str) -> list[tuple[str, str]]:
    """(statement's part, evidence's universal) when the statement claims only a part ("två av de fyra kommunerna",
    "bara vissa boenden") of what the evidence says all of ("alla fyra kommunerna", "varje boende")."""
    parts = _parts_said(statement)
    if not parts:
        return []
    for w in _UNIVERSAL.finditer(evidence):
        before = evidence[: w.start()]
        if _HEDGED.search(before) or _OF_BEFORE.search(before):
            continue  # "nästan alla", "inte alla", "70 procent av alla": no whole
        theirs = _the_things(evidence, w.end())
        for part, things in parts:
            if things & theirs:
                return [(part, w.group())]
    return []


# "bara sjukhuset", "endast de mycket stora plattformarna", "enbart läkare": what follows is claimed alone
_ONLY = re.compile(
    r"(?<![\w-])(?<!inte )(?<!ej )(?:bara|endast|enbart|uteslutande)\s+(?P<rest>(?:[^\W\d_][\w-]*\s*){1,4})", re.I
)
_LINKS = frozenset([",", "och", "samt"])
_ALSO = frozenset(["även", "också"])
_FILLERS = frozenset(["de", "den", "det", "en", "ett", "mycket", "stora", "små"])


def _alone(statement: str, evidence: str) -> list[tuple[str, str]]:
    """(the statement's "bara X", the evidence's "X, W") when the evidence names X coordinated with a thing W the
    statement does not name, or says it with "även" or "också" ("även i glesbygd")."""
    from textsamverkan.claims.bm25 import STOPWORDS
    from textsamverkan.claims.reasons.content import PREFIX
    from textsamverkan.claims.reasons.words import analyse

    alone = list(_ONLY.finditer(statement))
    if not alone:
        return []

    def first_letters(word: str) -> str:
        return analyse(word).lemma[:PREFIX]

    claimed = {first_letters(w) for w in _WORD.findall(statement)}
    tokens = list(re.finditer(r"[^\W\d_][\w-]*|,", evidence))
    words = [t.group().lower() for t in tokens]
    keys = [first_letters(t.group()) if w != "," else "," for t, w in zip(tokens, words, strict=True)]
    # a compound is a kind of its head: "bara sköterskorna" names the "sjuksköterskor" of a list
    heads = [analyse(t.group()).parts[-1][:PREFIX] if w != "," else "," for t, w in zip(tokens, words, strict=True)]
    for m in alone:
        for word in m.group("rest").split():
            if word.lower() in STOPWORDS or word.lower() in _FILLERS:
                continue
            thing = first_letters(word)
            for i, key in enumerate(keys):
                if thing not in (key, heads[i]):
                    continue
                # "även i glesbygd", "också läkare": the evidence says it is one among others
                also = next((j for j in range(i - 1, max(-1, i - 3), -1) if words[j] in _ALSO), None)
                if also is not None and all(w in STOPWORDS for w in words[also + 1 : i]):
                    return [(f"{m.group().split()[0]} {word}", evidence[tokens[also].start() : tokens[i].end()])]
                for step in (1, -1):
                    j = i + step
                    if not (0 <= j < len(words) and words[j] in _LINKS):
                        continue
                    k = j + step
                    while 0 <= k < len(words) and (words[k] in _FILLERS or words[k] in _LINKS):
                        k += step
                    if 0 <= k < len(words) and words[k] not in STOPWORDS and keys[k] not in claimed:
                        a, b = sorted((i, k))
                        return [(f"{m.group().split()[0]} {word}", evidence[tokens[a].start() : tokens[b].end()])]
            break  # only the first content word after "bara" is what is claimed alone
    return []
