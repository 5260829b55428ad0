"""Content lemmas of a statement and whether the evidence holds them, compound-aware.

"skyddsutrustningen" matches "skyddsutrustning", "läkartiden" matches "tid för läkare" (both parts present) and
"kommunal" matches "kommun" (one form is the other plus a short suffix), "beställa" matches "beställning" (a verb
and its -ning noun), "stämde av" matches "avstämningar" (a particle verb and its compound noun), and a word matches
any word of its group in the synonym lexicon `claims/synonyms.txt` ("anställda" ~ "personal") or any of its
synonyms in the bundled Swedish thesaurus (nlp/thesaurus.py: "avtal" ~ "överenskommelse"), or a synonym of one of
those ("analysera" ~ "undersöka" ~ "granska"), while a compound whose
evidence names another kind of the same thing ("undersköterska" for "sjuksköterska") is missing. Function words,
generic verbs and adverbs, unit words ("procent", "kronor") and negation cues are left out: they carry no claim of
their own. Words that the direction, negation, number and date checks judge are left out too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from textsamverkan.claims.bm25 import STOPWORDS
from textsamverkan.claims.reasons import Outcome
from textsamverkan.claims.reasons.words import GENERIC, Word, analyse

PARTICLES = frozenset(["av", "upp", "ut", "in", "fram", "till", "över", "bort", "ner", "ned", "igång", "om", "på"])
# "beställa"/"beställning", and after a stem's own l or r "avveckla"/"avveckling", "reglera"/"reglering"
NOUN_SUFFIXES = ("ning", "ningen", "ningar", "ningarna", "ningens", "ningarnas")
_ING_SUFFIXES = ("ing", "ingen", "ingar", "ingarna", "ingens", "ingarnas")
# derivations of one loan stem: "vaccination"/"vaccinering"/"vaccinera", "information"/"informera"
DERIVATIONS = frozenset(
    ["", "ation", "ering", "era", "isera", "icera", "tion", "ion", "ism", "ist", "isk", "iell", "ell", "ik"]
)
MIN_LOAN_STEM = 6
# particles written together with a word without turning its meaning ("in-", "på-", "med-"; not "av-": "avbeställa")
UNSEPARATED = ("in", "på", "med")
MIN_UNPREFIXED = 5
MIN_SYNONYM_PART = 6
ENDINGS = frozenset(
    [
        "e",
        "en",
        "et",
        "er",
        "erna",
        "ernas",
        "ar",
        "arna",
        "or",
        "orna",
        "a",
        "an",
        "ade",
        "at",
        "as",
        "ats",
        "ades",
        "ad",
        "de",
        "te",
        "t",
        "s",
        "ens",
        "ets",
        "n",
        "na",
        "nas",
        "ande",
        "ende",
    ]
)
_WORD = re.compile(r"[^\W\d_][\w-]*")
# an abbreviation's ending after a colon ("SIP:arna", "LSS:en") is no word of its own
_ABBREVIATION_ENDING = re.compile(r"(?<=[A-ZÅÄÖ\d]):[a-zåäö]{1,5}\b")


def _words(text: str) -> list[re.Match[str]]:
    """The words of `text`, an abbreviation's ending left out (`_ABBREVIATION_ENDING`)."""
    return list(_WORD.finditer(_ABBREVIATION_ENDING.sub("", text) if ":" in text else text))


# a cause said in other words is the statement's "eftersom": "på grund av", "anledningen var att", "med hänvisning
# till", "X gjorde att", "därför"
CAUSE = re.compile(
    r"\b(?:eftersom|därför|emedan|därmed|på grund av|anledningen (?:var|är) att|med hänvisning till|gjorde att"
    r"|ledde till att|mot bakgrund av|i och med att|tack vare|beror på|berodde på"
    # "…, då de finner det meningslöst", "har fördubblats för att omställningen fortskrider", "vilket innebär"
    r"|(?<=,\s)då|för att|till följd av|vilket (?:innebär|innebar|gör|gjorde|leder|ledde)|pga|p\.g\.a|orsak\w*)\b",
    re.IGNORECASE,
)

# entry into force said as a verb phrase or a noun: "träder i kraft", "börjar gälla", "ikraftträdande", "ikraft"
IN_FORCE = re.compile(r"\b(?:träd\w*\s+i\s+kraft|ikraftträd\w*|ikraft|börja\w*\s+gälla)\b", re.IGNORECASE)
# a deadline: "senast den 7 augusti", "sista dag att svara är …", "svarsfrist", "till handa", "deadline"
DEADLINE = re.compile(r"\b(?:senast|sista\s+(?:dag|tid)\w*|svarsfrist\w*|till\s+handa|deadline)\b", re.IGNORECASE)
# concepts said in several ways: a text that says one holds the words of all (what a statement word is looked up in)
CONCEPTS = (
    (CAUSE, ("eftersom",)),
    (IN_FORCE, ("ikraftträdande", "ikraft", "träda", "kraft", "börja", "gälla")),
    (DEADLINE, ("senast", "sen", "sista", "svarsfrist", "handa", "deadline")),
)


@lru_cache(maxsize=1)
def claim_synonyms() -> dict[str, frozenset[str]]:
    """Our groups for claims alone (claims/synonyms.txt: every word of a group is a synonym of every other): tight
    enough to tell what an amount is of ("dsk" is "distriktssköterska"), where the thesaurus is not."""
    from importlib.resources import files

    table: dict[str, set[str]] = {}
    text = files("textsamverkan.claims").joinpath("synonyms.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        group = line.split("#", 1)[0].split()
        for word in group:
            table.setdefault(word, set()).update(w for w in group if w != word)
    return {word: frozenset(others) for word, others in table.items()}


@lru_cache(maxsize=1)
def synonyms() -> dict[str, frozenset[str]]:
    """The synonym lexicon: lemma → its synonyms, from `claim_synonyms` and the bundled Swedish thesaurus
    (nlp/thesaurus.py)."""
    from textsamverkan.nlp.thesaurus import thesaurus

    table: dict[str, set[str]] = {word: set(others) for word, others in thesaurus().items()}
    for word, others in claim_synonyms().items():
        table.setdefault(word, set()).update(others)
    return {word: frozenset(others) for word, others in table.items()}


@lru_cache(maxsize=1 << 16)
def paraphrases(word: str) -> frozenset[str]:
    """A word's synonyms and their synonyms: the thesaurus links "analysera" to "undersöka" and "undersöka" to
    "granska", but not "analysera" to "granska". A word reached in the second step that lies on a direction axis is
    left out ("begränsa" ~ "reducera" ~ "minska"): the direction check judges those; so is a generic word ("arbeta" ~
    "verka" ~ "handla" in "det har handlat om")."""
    from textsamverkan.claims.reasons.direction import is_direction_word

    first = synonyms().get(word, frozenset())
    second = {
        other
        for synonym in first
        for other in synonyms().get(synonym, frozenset())
        if other != word and other not in GENERIC and not is_direction_word(other)
    }
    return first | frozenset(second)


def _stem(lemma: str) -> str:
    """A verb lemma without its final -a ("stämma" → "stämm"); other words unchanged."""
    return lemma[:-1] if lemma.endswith("a") and len(lemma) >= 5 else lemma


def content_words(text: str, *, skip: frozenset[str] = frozenset()) -> list[Word]:
    """The content words of `text`, in order, without duplicates (by lemma), each with its alternatives: synonyms
    from the lexicon and, for a verb followed by a particle, particle + stem ("stämde av" → "avstämm")."""
    return list(_content_words(text, skip))


@lru_cache(maxsize=1 << 14)
def _content_words(text: str, skip: frozenset[str]) -> tuple[Word, ...]:
    seen: set[str] = set()
    out: list[Word] = []
    tokens = _words(text)
    for n, m in enumerate(tokens):
        word = analyse(m.group())
        low = m.group().lower()
        following = tokens[n + 1].group().lower() if n + 1 < len(tokens) else ""
        if (
            len(low) < 3
            or (low == "typ" and following != "av")  # speech's "typ tjugo", "typ ingenting"; "en typ av" is a kind
            or m.string[m.start() - 1 : m.start()] == "/"  # a rate's unit, the number check's: "38 500 kr/mån"
            or low in STOPWORDS
            or ((word.lemma in STOPWORDS or word.lemma in GENERIC) and not _noun_of_verb_lemma(word.lemma, low))
            or low in GENERIC
            or word.lemma in skip
            or low in skip
            or word.lemma in seen
        ):
            continue
        seen.add(word.lemma)
        # a function word is no synonym: the thesaurus gives "ska" for "skola", and "skolorna" is not found in "ska"
        alternatives = {a for a in paraphrases(word.lemma) | paraphrases(low) if a not in STOPWORDS}
        if following in PARTICLES:
            alternatives |= {following + _stem(word.lemma)}
        shortened = _shortened(m)
        if alternatives or shortened:
            word = Word(word.surface, word.lemma, word.parts, tuple(sorted(alternatives)), shortened)
        out.append(word)
    return tuple(out)


def _shortened(m: re.Match[str]) -> bool:
    """The word is written shortened with a period, as notes do ("utb.", "insp. av"): a lower-case word that is no
    Swedish word of its own, right before a period that does not end the text (a name ends many a sentence:
    "… i Västra Götaland.")."""
    from textsamverkan.nlp.compounds import _known

    word = m.group()
    period = m.string[m.end() : m.end() + 1] == "." and m.string[m.end() + 1 :].strip() != ""
    return period and word.islower() and word.isalpha() and not _known(word)


# auxiliaries whose lemma is also a noun's: "skolan", "varorna", "viljan" are a school, goods and a will, not "ska",
# "vara" and "vilja"
_NOUN_TOO = frozenset(["skola", "vara", "vilja"])
_NOUN_ENDINGS = ("an", "ans", "or", "ors", "orna", "ornas")


def _noun_of_verb_lemma(lemma: str, surface: str) -> bool:
    """The word is a noun form ("skolan", "varor") of a lemma that is also a function verb's ("skola", "vara")."""
    return lemma in _NOUN_TOO and surface.endswith(_NOUN_ENDINGS)


@lru_cache(maxsize=1 << 18)
def keys(text: str) -> frozenset[str]:
    """Every lemma and compound part in `text`: what a statement word is looked up in."""
    out: set[str] = set()
    tokens = [m.group() for m in _words(text)]
    for n, token in enumerate(tokens):
        following = tokens[n + 1].lower() if n + 1 < len(tokens) else ""
        out.update(_word_keys(token, following if following in PARTICLES else ""))
    for concept, words in CONCEPTS:
        if concept.search(text):
            out.update(words)
    return frozenset(out)


@lru_cache(maxsize=1 << 16)
def _word_keys(token: str, particle: str) -> frozenset[str]:
    """The keys of one word (its form, lemma, compound parts, unprefixed lemma and, before a `particle`, particle +
    stem), read once per word form."""
    word = analyse(token)
    low = token.lower()
    if word.lemma in _NOUN_TOO and not _noun_of_verb_lemma(word.lemma, low):
        return frozenset([low])  # "ska" holds no "skola"
    out = {low, word.lemma, *(p for p in word.parts if len(p) >= 3), *_unprefixed(word.lemma)}
    if "-" in low.strip("-"):
        out.add(low.replace("-", ""))  # "Pisa-undersökningen" holds "Pisaundersökningen" ("alkohol-" is a modifier)
    if particle:
        out.add(particle + _stem(word.lemma))
    return frozenset(out)


@lru_cache(maxsize=1 << 16)
def _unprefixed(lemma: str) -> tuple[str, ...]:
    """The known word after an inseparable particle ("inrapportering" → "rapportering", "påbörja" → "börja",
    "medräknad" → "räknad") or the negating prefix o- ("orimlig" → "rimlig"): a text that says the one speaks of the
    other."""
    from textsamverkan.nlp.compounds import _known

    for prefix in UNSEPARATED:
        rest = lemma[len(prefix) :]
        if lemma.startswith(prefix) and len(rest) >= MIN_UNPREFIXED and _known(rest):
            return (rest,)
    # "orimlig" speaks of "rimlig": whether it denies it is the direction check's to judge ("inte rimligt")
    if lemma.startswith("o") and len(lemma) > MIN_UNPREFIXED and _known(lemma[1:]):
        return (lemma[1:],)
    return ()


def _near(a: str, b: str) -> bool:
    """One form is the other plus a short suffix ("kommun"/"kommunal", "dag"/"daglig"); a function word is no stem
    ("med" is not in "medel", "man" not in "mankera")."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 3 and long_.startswith(short) and len(long_) - len(short) <= 4 and short not in STOPWORDS


def _same_stem(a: str, b: str) -> bool:
    """Two inflections of one known stem ("beslutet"/"beslutade"): a shared known word plus inflectional endings."""
    from textsamverkan.nlp.compounds import _known

    n = _shared_prefix(a, b)
    if n < 5:
        return False
    endings = ENDINGS | {""}
    return any(a[cut:] in endings and b[cut:] in endings and _known(a[:cut]) for cut in range(n, 4, -1))


def _verb_noun(lemma: str, key: str) -> bool:
    """A verb and its -ning noun ("beställa"/"beställning", "avstämm"/"avstämningar": a double consonant is single
    before -ning, and a stem's own final n is the suffix's: "samordna"/"samordning"; after l or r it is -ing:
    "avveckla"/"avveckling")."""
    stem = _stem(lemma)
    single = len(stem) > 2 and (stem[-1] == stem[-2] or stem[-1] == "n")
    stems = (stem, stem[:-1]) if single else (stem,)
    if any(len(s) >= 4 and key.startswith(s) and key[len(s) :] in NOUN_SUFFIXES for s in stems):
        return True
    return len(stem) >= 5 and stem[-1] in "lr" and key.startswith(stem) and key[len(stem) :] in _ING_SUFFIXES


def _derived(a: str, b: str) -> bool:
    """Two derivations of one stem of at least `MIN_LOAN_STEM` letters ("vaccination"/"vaccinering")."""
    cuts = range(_shared_prefix(a, b), MIN_LOAN_STEM - 1, -1)
    return a != b and any(a[cut:] in DERIVATIONS and b[cut:] in DERIVATIONS for cut in cuts)


def _shared_prefix(a: str, b: str) -> int:
    """How many letters `a` and `b` share from the start."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def match(word: Word, evidence_keys: frozenset[str]) -> float:
    """1.0 when the word (or all its parts, or a synonym) is in the evidence, 0.5 when its head or another part is,
    else 0."""
    groups = _by_prefix(evidence_keys)
    if not any(prefix in groups for prefix in _reach(word)):
        return 0.0  # no key shares the first letters of any form the word can be found by
    score = _match_one(word, evidence_keys)
    if score >= 1.0 or not word.alternatives:
        return score
    if not evidence_keys.isdisjoint(word.alternatives):
        return 1.0
    # an alternative is one word: every other way to find it compares keys that share its first three letters
    for alternative in word.alternatives:
        if alternative[:3] in groups:
            score = max(score, _match_one(Word(alternative, alternative, (alternative,)), evidence_keys))
            if score >= 1.0:
                break
    return score


@lru_cache(maxsize=1 << 16)
def _reach(word: Word) -> frozenset[str]:
    """The first three letters of every form `match` can find the word by (lemma, surface, compound parts and their
    synonyms, alternatives): each way of finding it compares it with keys that begin so, so a text whose keys begin
    with none of them holds no form of the word."""
    surface = word.surface.lower()
    forms = {word.lemma, surface, surface.replace("-", ""), *word.parts, *word.alternatives}
    forms |= {synonym for part in word.parts if len(part) >= MIN_SYNONYM_PART for synonym in synonyms().get(part, ())}
    return frozenset(form[:3] for form in forms)


@lru_cache(maxsize=1 << 14)
def _by_prefix(evidence_keys: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """The keys grouped by their first three letters (fuzzy matches only ever compare keys with a shared prefix)."""
    groups: dict[str, list[str]] = {}
    for key in evidence_keys:
        groups.setdefault(key[:3], []).append(key)
    return {prefix: tuple(group) for prefix, group in groups.items()}


def _part_in(part: str, evidence_keys: frozenset[str], groups: dict[str, tuple[str, ...]]) -> bool:
    """A compound part is in the evidence as it is, with a short suffix, or as a synonym when it is a word of its own
    ("delrapport" is found in "delredovisning"; a short part such as "sjuk" has too many senses)."""
    return (
        part in evidence_keys
        or any(_near(part, k) for k in groups.get(part[:3], ()))
        or (len(part) >= MIN_SYNONYM_PART and not synonyms().get(part, frozenset()).isdisjoint(evidence_keys))
    )


def _match_one(word: Word, evidence_keys: frozenset[str]) -> float:
    if word.lemma in evidence_keys or word.surface.lower() in evidence_keys:
        return 1.0
    if word.shortened:
        stem = word.surface.lower()
        if any(k.startswith(stem) for k in _by_prefix(evidence_keys).get(stem[:3], ())):
            return 1.0  # notes' "utb." is found in "utbildning"
    if "-" in word.surface and word.surface.lower().replace("-", "") in evidence_keys:
        return 1.0  # "Pisa-undersökningen" is "Pisaundersökningen"
    groups = _by_prefix(evidence_keys)
    modifier = word.surface.lower().removesuffix("-")
    if modifier != word.surface.lower():
        # the first part of a compound shared in a list ("kris-, samtals- och traumastöd"): found in any word it begins
        return 1.0 if len(modifier) >= 3 and any(k.startswith(modifier) for k in groups.get(modifier[:3], ())) else 0.0
    if len(word.parts) > 1 and all(_part_in(p, evidence_keys, groups) for p in word.parts):
        return 1.0
    if any(_near(word.lemma, k) for k in groups.get(word.lemma[:3], ())):
        return 1.0
    surface = word.surface.lower()
    if any(_same_stem(surface, k) for k in groups.get(surface[:3], ()) if k[:4] == surface[:4]):
        return 1.0
    if any(
        _verb_noun(word.lemma, k) or _verb_noun(k, word.lemma) or _derived(word.lemma, k)
        for k in groups.get(word.lemma[:3], ())
        if k[:4] == word.lemma[:4]
    ):
        return 1.0
    if len(surface) >= 2 * MIN_SPLIT_PART and _split_on(surface, evidence_keys, groups):
        return 1.0
    if len(word.parts) > 1 and any(p in evidence_keys for p in word.parts if len(p) >= 4):
        return 0.5
    # the statement word is a part of a compound in the evidence ("platser" in "intensivvårdsplatser")
    return 0.0


MIN_SPLIT_PART = 4


def _split_on(surface: str, evidence_keys: frozenset[str], groups: dict[str, tuple[str, ...]]) -> bool:
    """The word is two words the evidence holds, written together (the lexicon does not know the compound):
    "novitjokattentatet" in "attentatet med nervgiftet novitjok", "e-postadress" in "e-post … regeringsadress"."""
    for cut in range(MIN_SPLIT_PART, len(surface) - MIN_SPLIT_PART + 1):
        first, rest = surface[:cut], surface[cut:]
        if first in evidence_keys and (rest in evidence_keys or any(_near(rest, k) for k in groups.get(rest[:3], ()))):
            return True
    return False


PREFIX = 5


@lru_cache(maxsize=1 << 12)
def forms_probe(text: str) -> tuple[frozenset[str], ...]:
    """For each content word of `text`, the first `PREFIX` letters of its lemma, surface, alternatives and compound
    parts: what a cheap overlap test (against `prefixes`) looks for."""
    out = []
    for word in content_words(text):
        forms = (word.lemma, word.surface.lower(), *word.alternatives, *(p for p in word.parts if len(p) >= 4))
        out.append(frozenset(form[:PREFIX] for form in forms))
    return tuple(out)


@lru_cache(maxsize=1 << 18)
def prefixes(text: str) -> frozenset[str]:
    """The first `PREFIX` letters of every word of `text`, lower-cased: no lemmatising, no compound splitting."""
    return frozenset(m.group()[:PREFIX].lower() for m in _words(text))


def compare_content(
    statement: str, evidence: str, *, skip: frozenset[str] = frozenset(), said: frozenset[str] = frozenset()
) -> tuple[Outcome, float]:
    """Which content lemmas of the statement the evidence holds, and the share found (0 when it has none); words in
    `said` (lower-cased) count as found: another check found them said in other words ("avveckla" as "lägga ned")."""
    words = content_words(statement, skip=skip)
    scores = _match_scores(words, evidence, said)
    outcome = Outcome("content")
    for word, score in zip(words, scores, strict=True):
        # a word found only in part is not found where the evidence names another of its kind ("skyddsglasögon"
        # against "munskydd och visir")
        held = score >= 1.0 or (
            score >= 0.5 and not rival_compound(word, evidence) and not rival_kind(word, statement, evidence)
        )
        (outcome.found if held else outcome.missing).append(word.lemma)
    return outcome, (sum(scores) / len(words) if words else 0.0)


def content_coverage(statement: str, evidence: str, *, skip: frozenset[str] = frozenset()) -> tuple[int, float]:
    """How many content words the statement has and the share of them the evidence holds (`compare_content`'s
    share, without naming which): what ranking candidate evidence needs, many times per statement."""
    words = content_words(statement, skip=skip)
    return len(words), (sum(_match_scores(words, evidence)) / len(words) if words else 0.0)


def _match_scores(words: list[Word], evidence: str, said: frozenset[str] = frozenset()) -> list[float]:
    """`match` of each word against the evidence's keys (1.0 for a word in `said`)."""
    found_keys = keys(evidence)
    return [1.0 if word.surface.lower() in said else match(word, found_keys) for word in words]


# groups of people a claim can be about: "äldre med postcovid" is not "barn med postcovid"
PEOPLE = frozenset(
    ["barn", "ung", "ungdom", "tonåring", "gammal", "äldre", "pensionär", "senior", "vuxen", "gravid", "kvinna",
     "flicka", "pojke", "spädbarn"]
)  # fmt: skip
# the professions of care, and the pieces of protective equipment: one is no other ("en arbetsterapeut kommer" is not
# "en fysioterapeut kommer", "två visir i varje bil" not "två munskydd")
PROFESSIONS = frozenset(
    ["läkare", "sjuksköterska", "undersköterska", "distriktssköterska", "barnmorska", "arbetsterapeut",
     "fysioterapeut", "sjukgymnast", "dietist", "logoped", "kurator", "psykolog", "biståndshandläggare", "apotekare",
     "farmaceut", "tandläkare", "tandhygienist", "vårdbiträde", "skötare", "kontaktperson", "doktor", "sköterska"]
)  # fmt: skip
PROTECTION = frozenset(
    ["munskydd", "visir", "handske", "handsprit", "förkläde", "skyddsrock", "skyddsförkläde", "andningsskydd",
     "skyddsglasögon", "skoskydd", "hårskydd"]
)  # fmt: skip
# the parts of the body: a broken wrist is no broken hip
BODY_PARTS = frozenset(
    ["huvud", "ansikte", "öga", "öra", "näsa", "mun", "tand", "hals", "nacke", "axel", "skuldra", "arm", "armbåge",
     "handled", "hand", "finger", "tumme", "bröst", "rygg", "mage", "bäcken", "höft", "höftled", "lår", "knä", "ben",
     "fot", "fotled", "tå", "häl", "hjärta", "lunga", "lever", "njure", "hud", "hjärna", "revben"]
)  # fmt: skip
# places of care, what is given to a patient and the channels information goes by: "vårdcentralen ringde" is not
# "apoteket ringde", "ger insulin" not "ger tabletter", "förut var det fax" not "tidigare e-post"
CARE_PLACES = frozenset(
    ["sjukhus", "vårdcentral", "äldreboende", "korttidsboende", "korttids", "akutmottagning", "akut", "dagverksamhet",
     "hemsjukvård", "vårdboende", "hospice", "apotek", "labb"]
)  # fmt: skip
GIVEN = frozenset(
    ["insulin", "tablett", "morfin", "kortison", "antibiotika", "ögondroppe", "ögondroppar", "plåster", "salva",
     "spruta", "dosett", "syrgas"]
)  # fmt: skip
CHANNELS = frozenset(["e-post", "mejl", "mail", "fax", "faxa", "telefon", "brev", "sms", "video", "post", "fysisk"])
# the parts of the day and the week a service covers and a hospital's wards: "täcka dagtid" is not "täcka
# kvällstid", "köra ut på nätterna" not "på dagtid", "ringde en morgon" not "en kväll", "på helgerna" not "på
# vardagarna", "ett rum på ortopeden" not "ett rum på ögonavdelningen", "utlokaliseras till kirurgen" not "till
# ortopeden"
DAY_AND_WEEK_PARTS = frozenset(
    ["dagtid", "kvällstid", "nattetid", "natt", "kväll", "morgon", "förmiddag", "eftermiddag", "helg", "vardag"]
)
WARDS = frozenset(
    ["ortoped", "ögonavdelning", "medicinavdelning", "kirurgavdelning", "geriatrik", "infektionsavdelning",
     "intensivvårdsavdelning", "strokeavdelning", "kirurg", "kirurgi", "medicinklinik", "akutmottagning", "akut"]
)  # fmt: skip
# working time and the aids one walks with: "jobbar deltid" is not "heltid", "går med käpp" not "med rollatorn"
WORKING_TIME = frozenset(["heltid", "deltid"])
WALKING_AIDS = frozenset(["käpp", "rollator", "rullator", "rullstol", "krycka", "gåbord", "gåstol"])
# rooms and everyday places (one kind with the places of care: "köpa handskar på apoteket" is not "på en
# bensinstation"), devices, and diseases: "ställa kassarna i garaget" is not "på trappan", "en bärbar dator att låna"
# not "en surfplatta", "influensavaccin" not "vaccin mot pneumokocker" (no two members say the same: no "corona"
# beside "covid", no "calici" beside "vinterkräksjuka", no "lägenhet" beside "rum")
SITES = frozenset(
    ["kök", "tvättstuga", "dagrum", "matsal", "korridor", "väntrum", "balkong", "garage", "trappa", "hall", "badrum",
     "toalett", "sovrum", "vardagsrum", "kontor", "torg", "parkering", "kyrka", "damm", "källare", "trädgård", "park",
     "hiss", "entré", "personalrum", "förråd", "bensinstation", "mack", "altan", "uteplats", "rum", "affär"]
)  # fmt: skip
DEVICES = frozenset(
    ["dator", "surfplatta", "läsplatta", "ipad", "mobiltelefon", "smartphone", "trygghetslarm", "kamera", "radio",
     "tv", "skrivare"]
)  # fmt: skip
DISEASES = frozenset(
    ["influensa", "covid", "covid-19", "pneumokock", "pneumokocker", "vinterkräksjuka", "tuberkulos", "mässling",
     "urinvägsinfektion", "bältros", "diabetes", "demens", "stroke", "cancer"]
)  # fmt: skip
# relatives and neighbours are among the people around a patient, as the professions are: "en anhörig är med i
# rummet" is not "sjuksköterskan är med", "grannen sa åt mig" not "min son sa"
RELATIVES = frozenset(
    ["anhörig", "dotter", "son", "fru", "hustru", "make", "maka", "mamma", "pappa", "mor", "bror", "syster",
     "barnbarn", "granne", "sambo", "svärdotter", "svärson"]
)  # fmt: skip
# an old person's animal at home: "hem till sin hund" is not "hem till sin katt"
PETS = frozenset(["hund", "katt", "kanin", "fågel", "undulat", "kanariefågel", "marsvin", "häst"])
KINDS = (
    PEOPLE, PROFESSIONS | RELATIVES, PROTECTION, BODY_PARTS, CARE_PLACES | SITES, GIVEN, CHANNELS,
    DAY_AND_WEEK_PARTS, WARDS, WORKING_TIME, WALKING_AIDS, DEVICES, DISEASES, PETS,
)  # fmt: skip


# an age bound is no group: "18 år och äldre", "äldre än 70"
_AGE_BOUND = re.compile(r"\bår\s+(?:och|eller)\s+(?:äldre|yngre)\b|\b(?:äldre|yngre)\s+än\b", re.I)


def rival_group(lemma: str, statement: str, evidence: str) -> str | None:
    """Another member of the word's kind (`KINDS`: groups of people, professions, protective equipment, parts of the
    body) that the evidence names where the statement names `lemma`, or None: the claim is then about someone or
    something else ("äldre" against "barn", "munskydd" against "visir", "handleden" against "höften"), however short
    the word."""
    kind = next((members for members in KINDS if lemma in members), None)
    if kind is None:
        return None
    theirs = keys(_AGE_BOUND.sub(" ", evidence) if kind is PEOPLE else evidence) & kind
    # one word that begins another names the same ("natt" and "nattetid")
    rivals = {r for r in theirs - keys(statement) - {lemma} if not (r.startswith(lemma) or lemma.startswith(r))}
    return min(rivals, default=None)


def rival_kind(word: Word, statement: str, evidence: str) -> bool:
    """`rival_group` of the word by its lemma, its own form ("datorn", which the lexicon reads as "data") or, for a
    compound, its first part ("influensavaccin" against "vaccin mot pneumokocker"), unless that part names people:
    "äldreboende" and "barnomsorg" are about places and care, not about "äldre" rather than "barn"."""
    first = word.parts[0] if len(word.parts) > 1 and word.parts[0] not in PEOPLE else None
    forms = (word.lemma, word.surface.lower(), *((first,) if first else ()))
    return any(rival_group(form, statement, evidence) for form in dict.fromkeys(forms))


def rival_compound(word: Word, evidence: str) -> bool:
    """The evidence names another kind of the same thing: a compound with the word's head but another modifier, and
    the word's own modifier is nowhere in it ("undersköterska" against a statement's "sjuksköterska")."""
    if len(word.parts) < 2:
        return False
    head, modifier = word.parts[-1], word.parts[0]
    others = content_words(evidence)
    if any(part.startswith(modifier[:4]) for other in others for part in other.parts):
        return False
    return any(len(other.parts) > 1 and other.parts[-1] == head for other in others)
