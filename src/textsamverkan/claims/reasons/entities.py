"""Actors, places and organisations: "kommunen" for "regionen", "Region Kalmar" for "Region Skåne", "Kiruna".

Five kinds, compared only within a kind:
- region: the 21 regions and the healthcare-region groups, through the region normaliser ("Västra Götalandsregionen",
  "VGR", "Region Skåne", "Skånes" → one name);
- actor: public actors named by common nouns (kommun, region, regering, riksdag, stat, länsstyrelse …; "kommunal" counts
  as kommun) and organisations recognised by their head noun (-nämnden, -myndigheten, -styrelsen, -inspektionen,
  -verket, -departementet, -förbundet, -sjukhuset …);
- country: a country by its Swedish name ("Norge" for "Danmark" is another place, even first in a sentence);
- party: a Riksdag party by its name or its letters ("Moderaterna" is "M", "Kristdemokraternas" "KD"; a single letter
  only in parentheses, before a hyphen, "M-förslaget", or where the text names another party: "M, C och KD");
- name: other proper names (a capitalised word that is not the first word of a sentence or a known common word, and
  acronyms such as SKR).

An entity of the statement is found when the evidence (or, failing that, the context: passage, title, region) has it; it
conflicts when the evidence sentence names another entity of the same kind that the statement does not; else it is
missing ("Kiruna" in a corpus that never mentions it). Other proper names only ever go missing: their kind is unknown,
so another name in the evidence ("Covid-19" beside a statement's "SKR") is no evidence against them. Exceptions for
actors: a generic reference ("myndigheten", "privata") does not conflict with a named organisation (it may be the same
one; a statement's "myndigheten" is found in the evidence's named authority), the state and the government are one side
("statliga" rivals no named authority, most being the state's own), an organisation is found under its acronym ("ESV"
for "Ekonomistyrningsverket", "IVO" for "Inspektionen för vård och omsorg"), and when another of the statement's actors
is in the evidence, an actor it lacks is missing, not replaced.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from textsamverkan.claims.reasons import Outcome
from textsamverkan.claims.reasons.words import country, demonym
from textsamverkan.ingest.regions import NATIONAL, REGIONS, normalise_region

ACTORS = {
    "kommun": "kommun",
    "kommunal": "kommun",
    "region": "region",
    "regional": "region",
    "landsting": "region",
    "regering": "regeringen",
    "riksdag": "riksdagen",
    "stat": "staten",
    "statlig": "staten",
    "länsstyrelse": "länsstyrelsen",
    "myndighet": "myndighet",
    "privat": "privata utförare",
}
GENERIC_ACTORS = frozenset(["myndighet", "privata utförare"])
STATE = frozenset(["staten", "regeringen"])  # "statliga garantier" restates "regeringen beslutar om garantier"
_COMMON_ACTORS = frozenset(ACTORS.values())
ORG_HEADS = (
    "nämnd", "nämnden", "myndighet", "myndigheten", "styrelse", "styrelsen", "inspektion", "inspektionen",
    "verk", "verket", "departement", "departementet", "förbund", "förbundet", "sjukhus", "sjukhuset",
    "kommission", "kommissionen", "institut", "institutet", "råd", "rådet", "kassa", "kassan",
)  # fmt: skip
# words that end in an organisation's head but name a thing: "akutförråd" (a store), "samrådet", "regelverket"
_NOT_ORGANISATIONS = re.compile(
    r"(?:förråd|samråd|regelverk|ramverk|nätverk|hantverk|kraftverk|konstverk)(?:et|en)?s?$"
)
_TOKEN = re.compile(r"[^\W\d_][\w-]*")
PARTIES = {
    "socialdemokraterna": "S", "moderaterna": "M", "sverigedemokraterna": "SD", "centerpartiet": "C",
    "vänsterpartiet": "V", "kristdemokraterna": "KD", "liberalerna": "L", "folkpartiet": "L", "miljöpartiet": "MP",
}  # fmt: skip
_PARTY_LETTERS = frozenset(PARTIES.values())


@dataclass(frozen=True)
class Entity:
    kind: str  # region | actor | country | party | name
    key: str
    text: str


@lru_cache(maxsize=1 << 16)
def _actor_key(word: str) -> str | None:
    """The actor a word names ("regionen", "kommunernas" → kommun), or None; read once per word form."""
    from textsamverkan.claims.reasons.words import analyse

    low = word.lower()
    lemma = analyse(word).lemma
    for form in (lemma, low):
        if form in ACTORS:
            return ACTORS[form]
        for stem, key in ACTORS.items():
            if (
                form.startswith(stem)
                and len(form) - len(stem) <= 5
                and form[len(stem) :]
                in (
                    "en",
                    "er",
                    "erna",
                    "ens",
                    "ernas",
                    "s",
                    "a",
                    "t",
                    "na",
                    "ar",
                    "arna",
                    "al",
                    "ala",
                    "alt",
                    "en",
                    "ns",
                )
            ):
                return key
    return None


def actor(word: str) -> str | None:
    """The public actor or organisation one word names ("kommunerna" → kommun, "Socialstyrelsen"), or None."""
    return _actor_key(word) or _organisation(word)


@lru_cache(maxsize=1 << 16)
def _organisation(word: str) -> str | None:
    """The key of an organisation named by its head noun ("Socialstyrelsen", "Arbetsmiljöverkets",
    "Försäkringskassan"; a lower-case word only when the head has a modifier: "vårdförbundet"), genitive dropped."""
    low = word.lower()
    if _NOT_ORGANISATIONS.search(low):
        return None
    for full in (low, low.removesuffix("s")):
        if full in SHORT_NAMES.values():  # "Justitieombudsmannen", whose head no other organisation shares
            return full
    base = low[:-1] if low.endswith("s") and low[:-1].endswith(ORG_HEADS) else low
    if any(base.endswith(h) and (word[:1].isupper() or len(base) > len(h) + 3) for h in ORG_HEADS):
        return _definite(base)
    return None


def _definite(key: str) -> str:
    """An organisation's key with its head in the definite form: "EU:s jämställdhetsinstitut" and "institutet" are
    one organisation, not rivals."""
    for indefinite, definite in zip(ORG_HEADS[::2], ORG_HEADS[1::2], strict=True):
        if key.endswith(indefinite):
            return key + definite[len(indefinite) :]
    return key


def _is_common(word: str) -> bool:
    """A common word or compound (a sentence-initial one is no name), also as a list's truncated modifier ("Vård- och
    omsorgspersonal"), a month abbreviated ("Sept. 2018": the date check's) or a word of the synonym lexicon."""
    from textsamverkan.claims.quantities import MONTHS
    from textsamverkan.claims.reasons.content import synonyms
    from textsamverkan.nlp.compounds import _known, split_compound

    low = word.lower().removesuffix("-")
    joined = low.replace("-", "")  # "Vårdhygien-enheten" is "Vårdhygienenheten"
    # a word of the synonym lexicon too: notes' "Ssk uppger …" begins with an abbreviation, not a name
    return bool(_known(low)) or low in MONTHS or low in synonyms() or split_compound(joined).is_compound


def _at_sentence_start(text: str, at: int) -> bool:
    """Whether position `at` starts a sentence: only spaces before it since the start of the text, a line break or
    sentence punctuation, or a list bullet ("- ", "o ") there; not the period of an abbreviation ("båda avd. Tallen").
    Looks back a few characters only (linear, not the quadratic search over the whole prefix)."""
    j = at - 1
    newline = False
    while j >= 0 and text[j].isspace():
        newline = newline or text[j] == "\n"
        j -= 1
    if j < 0 or newline or text[j] in "!?:•●#":
        return True
    if text[j] == ".":
        from textsamverkan.segment.sentences import is_abbreviation

        return not is_abbreviation(text, j)
    if text[j] in "-–o" and j + 1 < at:
        k = j - 1
        while k >= 0 and text[k] in " \t":
            k -= 1
        return k < 0 or text[k] == "\n"
    return False


def _adjective_form(word: str, text: str, start: int, following: Sequence[re.Match[str]]) -> str:
    """The word as an adjective of a country may be read: lower-cased first in a sentence before a common word
    ("Amerikanska beräkningar"), as it stands before another capitalised word (a name: "Svenskt Vatten")."""
    if following and following[0].group()[:1].islower() and _at_sentence_start(text, start):
        return word.lower()
    return word


def _region_adjective_of(name: str) -> str | None:
    """The adjective of a region's name: "Halland" → "halländsk", "Skåne" → "skånsk", "Norrbotten" →
    "norrbottnisk", "Stockholm" → "stockholmsk" (the first word of "Jämtland Härjedalen": "jämtländsk"); None for a
    name without one made that way ("Dalarna", "Uppsala", "Örebro", "Västra Götaland")."""
    word = name.split()[0].lower()
    if word.endswith("land"):
        return word.removesuffix("land") + "ländsk"
    if word.endswith("botten"):
        return word.removesuffix("botten") + "bottnisk"
    if word.endswith(("a", "o")) or word == "västra":
        return None
    return word.removesuffix("e") + "sk"


# adjectives of regions: "den skånska sydkusten" is in Skåne; the usual short forms too
REGION_ADJECTIVES = {adjective: name for name in REGIONS if (adjective := _region_adjective_of(name))}
REGION_ADJECTIVES |= {"sörmländsk": "Södermanland", "östgötsk": "Östergötland", "västgötsk": "Västra Götaland"}


@lru_cache(maxsize=1 << 16)
def region_adjective(word: str) -> str | None:
    """The region a lower-case adjective names ("skånska", "halländskt", "norrbottniska"), or None."""
    if not word[:1].islower():
        return None
    low = word.lower()
    return REGION_ADJECTIVES.get(low) or (REGION_ADJECTIVES.get(low[:-1]) if low.endswith(("a", "t", "e")) else None)


# a name's part shared in a pair: "Norr- och Västerbotten" names Norrbotten
_SHARED_PART = re.compile(r"\b([A-ZÅÄÖ][^\W\d_]*)-\s+(och|eller|samt)\s+([A-ZÅÄÖ][^\W\d_]+)")


def _whole_names(text: str) -> str:
    """`text` with each capitalised first part shared in a pair completed from the second name's head ("Norr- och
    Västerbotten" → "Norrbotten och Västerbotten"), so that both are names of their own."""
    from textsamverkan.nlp.compounds import split_compound

    def whole(m: re.Match[str]) -> str:
        pieces = split_compound(m.group(3).lower()).surface
        return f"{m.group(1)}{pieces[-1]} {m.group(2)} {m.group(3)}" if len(pieces) > 1 else m.group()

    return _SHARED_PART.sub(whole, text)


@lru_cache(maxsize=1 << 18)
def entities(text: str) -> tuple[Entity, ...]:
    """Regions, actors and names in `text` (see the module docstring)."""
    found: list[Entity] = []
    text = _whole_names(text)
    tokens = list(_TOKEN.finditer(text))
    words = [t.group() for t in tokens]
    capital = [w[:1].isupper() for w in words]
    i = 0
    while i < len(tokens):
        m = tokens[i]
        word = words[i]
        # regions: try the longest run of up to three words first ("Västra Götalandsregionen", "Region Skåne")
        matched = False
        for n in (3, 2, 1):
            if i + n > len(tokens) or (n > 1 and not capital[i + n - 1] and word.lower() != "södra"):
                continue
            run = tokens[i : i + n]
            phrase = text[run[0].start() : run[-1].end()]
            if not any(capital[i : i + n]) and "sjukvårdsregion" not in phrase.lower():
                continue
            region = normalise_region(phrase)
            if region.known and region.name and region.name != NATIONAL:
                found.append(Entity("region", region.name, phrase))
                if run[0].group().lower() in ("region", "regionen"):
                    found.append(Entity("actor", "region", run[0].group()))
                i += n
                matched = True
                break
            if n == 1 and word[:1].isupper():
                stem = re.sub(r"(?:regionen|region|s)$", "", word)
                region = normalise_region(stem) if len(stem) >= 4 else region
                if region.known and region.name and region.name != NATIONAL:
                    found.append(Entity("region", region.name, word))
                    if word.lower().endswith("regionen"):
                        found.append(Entity("actor", "region", word))
                    i += 1
                    matched = True
                    break
        if matched:
            continue
        if word[:1].islower():
            found += _lower_case_word_entities(word)
        else:
            found += _word_entities(word, text, m.start(), tokens[i + 1 : i + 2])
        i += 1
    return tuple(found)


def _word_entities(word: str, text: str, start: int, following: Sequence[re.Match[str]]) -> list[Entity]:
    """What one word of `text` (at `start`, before `following`) names: a party, a country, a region by its
    adjective, an actor or organisation, or a name."""
    if party := _party(word, text, start):
        return [Entity("party", party, word)]
    adjective = _adjective_form(word, text, start, following)  # "Skånska kommuner" first in a sentence
    if place := country(word) or demonym(adjective):
        return [Entity("country", place, word)]
    if region_name := region_adjective(adjective):
        return [Entity("region", region_name, word)]
    if "-" in word and (places := [place for place in map(demonym, word.split("-")) if place]):
        return [Entity("country", place, word) for place in places]  # "spansk-amerikanska"
    if actor := _actor_key(word):
        return [Entity("actor", actor, word)]
    if organisation := _organisation(word):
        return [Entity("actor", organisation, word)]
    if word.isupper() and len(word) >= 2:
        return [Entity("name", word, word)]
    if word[:1].isupper() and len(word) >= 3 and not (_at_sentence_start(text, start) and _is_common(word)):
        return [Entity("name", re.sub(r"s$", "", word.lower()) if len(word) > 4 else word.lower(), word)]
    return []


@lru_cache(maxsize=1 << 16)
def _lower_case_word_entities(word: str) -> tuple[Entity, ...]:
    """`_word_entities` of a word that begins in lower case, read once per word: such a word names the same in any
    text (only a party's letters, a country's name and a name are capitalised, and only they read their context)."""
    return tuple(_word_entities(word, "", 0, ()))


def _party(word: str, text: str, at: int) -> str | None:
    """The letters of the Riksdag party `word` names ("Moderaterna", "Moderaternas", "KD", "M-förslaget"), or None; a
    single letter counts only in parentheses, before a hyphen or where `text` names another party by more."""
    first = word.split("-")[0]
    if named := _party_named(first):
        return named
    if first not in _PARTY_LETTERS:
        return None
    if "-" in word or text[at - 1 : at] == "(":
        return first
    named_by_more = any(_party_named(t.group().split("-")[0]) for t in _TOKEN.finditer(text))
    return first if named_by_more else None


def _party_named(word: str) -> str | None:
    """The letters of the party `word` names by more than one letter: its name ("Moderaternas") or "KD", "SD", "MP"."""
    low = word.lower()
    if name := PARTIES.get(low) or PARTIES.get(low.removesuffix("s")):
        return name
    return word if word in _PARTY_LETTERS and len(word) > 1 else None


_SPELT_OUT_SKIP = frozenset(["och", "för", "i", "av", "med", "om", "till", "på"])


def _initials(word: str) -> tuple[str, ...]:
    """The ways a word can add to an acronym: its first letter, or the first letters of its compound parts
    ("materielverk" → "MV"), each long part whole or split again ("ekonomistyrningsverket" → "EV" or "ESV",
    "folkhälsomyndigheten" → "FM" or "FHM")."""
    from itertools import product

    from textsamverkan.nlp.compounds import split_compound

    parts = split_compound(word.lower()).parts if len(word) >= 8 else ()
    options = {word[0].upper()}
    if len(parts) > 1:
        options.update("".join(combination).upper() for combination in product(*(_initials(p) for p in parts)))
    return tuple(sorted(options, key=len))


# a common noun's acronym is spelt out in lower case too ("SÄBO" is "särskilt boende", "VC" "vårdcentralen", "MAS"
# "medicinskt ansvarig sjuksköterska"), by content words of at least this many letters, each adding its first letter,
# its first two ("SÄ", "BO") or its compound parts' initials: short words and function words ("inte på") spell nothing
MIN_COMMON_SPELLING = 4
# and as a noun phrase: a word right before another an adjective by its ending ("samordnad individuell plan") or
# joined to it by a small word ("lagen om psykiatrisk tvångsvård"), so that a run of words ("socialstyrelsen kommer
# regelbundet") spells no "SKR"
_ADJECTIVE_ENDINGS = (
    "ig", "igt", "iga", "isk", "iskt", "iska", "skt", "ska", "ell", "ellt", "ella", "ad", "at", "ade", "al", "alt",
    "ala", "sam", "samt", "samma", "lt", "ld", "lda", "ande", "ende", "är", "ärt", "ära", "iv", "ivt", "iva",
)  # fmt: skip


@lru_cache(maxsize=1 << 14)
def spelt_out(acronym: str, text: str) -> bool:
    """Whether `text` spells `acronym` out: consecutive words whose initials (or compound parts' initials) make it,
    small function words skipped ("MSB" in "Myndigheten för samhällsskydd och beredskap", "UD" in
    "Utrikesdepartementet"); the first word capitalised, or content words as `MIN_COMMON_SPELLING` says."""
    from textsamverkan.claims.bm25 import STOPWORDS

    words = [m.group() for m in _TOKEN.finditer(text)]
    target = acronym.upper().replace("-", "")

    def match(at: int, done: str, common: bool) -> bool:
        if done == target:
            return True
        if at >= len(words) or not target.startswith(done):
            return False
        word = words[at]
        if done and word.lower() in _SPELT_OUT_SKIP and match(at + 1, done, common):
            return True
        if common and (len(word) < MIN_COMMON_SPELLING or word.lower() in STOPWORDS):
            return False
        previous = words[at - 1].lower() if done else ""
        if common and previous and previous not in _SPELT_OUT_SKIP and not previous.endswith(_ADJECTIVE_ENDINGS):
            return False  # a word right after another: that one must be its adjective ("lagen om …" is joined)
        options = _initials(word)
        if common and (done or len(target) > 2):  # the first two letters never spell it alone: "EU" is no "Europa"
            options = (*options, word[:2].upper())
        return any(match(at + 1, done + initials, common) for initials in options)

    return any(w[:1] == target[:1] and match(i, "", False) for i, w in enumerate(words)) or any(
        w[:1].upper() == target[:1] and match(i, "", True) for i, w in enumerate(words)
    )


def _has(entity: Entity, others: Sequence[Entity]) -> bool:
    """Whether `others` hold the entity (a hyphen makes no other name: "Pisa-undersökningen" is
    "Pisaundersökningen")."""
    key = entity.key.replace("-", "")
    return any(o.kind == entity.kind and _same_key(key, o.key.replace("-", "")) for o in others) or any(
        entity.kind == "name" and o.key.replace("-", "").startswith(key[:5]) and len(key) >= 5 for o in others
    )


def _same_key(a: str, b: str) -> bool:
    """The same entity, or one named by its bare head noun ("Kommissionen" for "EU-kommissionen", "verket" for
    "Arbetsmiljöverket")."""
    short, long_ = sorted((a, b), key=len)
    return a == b or (short in ORG_HEADS and long_.endswith(short))


def _is_acronym(entity: Entity) -> bool:
    """A name written in 2–5 capitals ("SKR", "MSB", "UD")."""
    return entity.kind == "name" and entity.text.isupper() and 2 <= len(entity.text) <= 5


_ABROAD = re.compile(r"\b(?:utomlands|utlandet|internationell\w*|utrikes|andra länder|annat land)\b", re.I)
NATIONAL_WORDS = frozenset(["landet", "landets", "nationell", "nationellt", "nationella", "riket", "rikets"])


def _named_otherwise(entity: Entity, text: str) -> bool:
    """The entity is in `text` under another name or in another word: a name as a word of its own wherever it stands
    ("Digg ska …" first in a sentence, where a capitalised word may be a common one), as the first piece of a
    hyphenated word ("JO-anmält") or the first part of a capitalised compound ("Pisaundersökningen"); a hyphenated
    name as its pieces ("EU-samarbetet" in "samarbetet i EU"); an acronym
    spelt out; Sweden as "landet" or "nationellt" (Swedish public text seldom names its own country)."""
    if entity.kind == "name" and _in_words(entity.key.lower(), text):
        return True
    if entity.kind == "name" and "-" in entity.text.strip("-"):
        # "EU-samarbetet" is "samarbetet i EU": every piece a word of the text (the last one by its first letters)
        words, _capitalised = _name_forms(text)
        *pieces, last = entity.text.lower().split("-")
        stem = last[: max(4, len(last) - 3)]
        return all(p in words for p in pieces) and len(last) >= 3 and any(w.startswith(stem) for w in words)
    if _is_acronym(entity):
        return spelt_out(entity.text, text) or _short_name_in(entity, text)
    if entity.kind == "actor" and entity.key not in _COMMON_ACTORS and _in_words(entity.key, text):
        return True  # "Kommissionen:" first in a note, "enligt kommissionen" in the evidence
    if entity.kind == "country" and entity.key == "sverige":
        return any(m.group().lower() in NATIONAL_WORDS for m in _TOKEN.finditer(text))
    return _short_name_in(entity, text)


# authorities by short names their initials do not spell (those are `spelt_out`'s: "FHM", "IVO", "MSB", "SKR"):
# "Säpo" is Säkerhetspolisen; "AF", "JO" and "EHM" are found for the full name, which the compound splitter does not
# cut into their letters. A short name counts only as written ("jo" and "ehm" are words of speech); a full name, one
# word, is an organisation of its own (`_organisation`).
SHORT_NAMES = {
    "Säpo": "säkerhetspolisen", "AF": "arbetsförmedlingen", "JO": "justitieombudsmannen", "EHM": "e-hälsomyndigheten",
}  # fmt: skip


def _short_name_in(entity: Entity, text: str) -> bool:
    """The entity is an authority's short name and `text` has its full name, or the other way round ("Säpo" and
    "Säkerhetspolisen", genitive either way)."""
    name = entity.text.lower()
    for short, full in SHORT_NAMES.items():
        if name in (short.lower(), short.lower() + "s"):
            return full in text.lower()
        if full in (name, name.removesuffix("s")):
            written = rf"(?:{short}|{short.upper()})"
            return re.search(rf"(?<![\w-]){written}s?(?![\w-])", text) is not None
    return False


# an authority's name that goes on after its head noun: "Inspektionen för vård och omsorg"
_NAME_WITH_FOR = re.compile(r"\w+\s+för\s+\w+(?:\s+och\s+\w+)?")


def _abbreviated(entity: Entity, statement: str, text: str) -> bool:
    """`text` names the statement's organisation by its acronym: "ESV" for "Ekonomistyrningsverket", "IVO" for
    "Inspektionen för vård och omsorg" (the statement's words from the entity on spell the acronym out)."""
    if entity.kind == "name":
        return False
    at = statement.find(entity.text)
    named = _NAME_WITH_FOR.match(statement, at)
    rest = named.group() if named else entity.text
    return any(
        _is_acronym(other) and other.text[0] == entity.text[:1].upper() and spelt_out(other.text, rest)
        for other in entities(text)
    )


def _in_words(key: str, text: str) -> bool:
    """Whether a name's key is a word of `text` (genitive dropped), the first piece of a hyphenated word, or the first
    part of a capitalised compound of at least four letters more."""
    words, capitalised = _name_forms(text)
    return key in words or (len(key) >= 4 and any(c.startswith(key) and len(c) >= len(key) + 4 for c in capitalised))


@lru_cache(maxsize=1 << 12)
def _name_forms(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The forms a name can take among the words of `text` (each word, without a genitive s, and the first piece of a
    hyphenated word), and its capitalised words, lower-cased: read once per text."""
    words: set[str] = set()
    capitalised = []
    for m in _TOKEN.finditer(text):
        low = m.group().lower()
        words.update((low, low.removesuffix("s"), low.split("-")[0]))
        if m.group()[:1].isupper():
            capitalised.append(low)
    return frozenset(words), tuple(capitalised)


@lru_cache(maxsize=1 << 12)
def _lower(text: str) -> str:
    return text.lower()


def _maybe_in(entity: Entity, context: str) -> bool:
    """False when a name cannot be in `context` (its first letters are nowhere in it): saves reading a whole
    passage's entities. Regions and actors have aliases ("VGR", "landsting"), so they are always looked up."""
    return entity.kind != "name" or entity.key[:5] in _lower(context)


def compare_entities(statement: str, evidence: str, context: str = "") -> Outcome:
    """Each region, actor and name of the statement: found, in conflict with another of its kind, or missing."""
    outcome = Outcome("entity")
    mine = entities(statement)
    theirs = entities(evidence) if mine else ()
    actor_found = any(e.kind == "actor" and _has(e, theirs) for e in mine)
    seen: set[tuple[str, str]] = set()
    for entity in mine:
        if (entity.kind, entity.key) in seen:
            continue
        seen.add((entity.kind, entity.key))
        if _has(entity, theirs) or _named_otherwise(entity, evidence) or _abbreviated(entity, statement, evidence):
            outcome.found.append(entity.text)
            continue
        rivals = [o for o in theirs if o.kind == entity.kind and not _has(o, mine)]
        if entity.kind == "actor" and entity.key in GENERIC_ACTORS:
            # "myndigheten" may be any authority: the evidence's named one is it; no actor is a generic one's rival
            if entity.key == "myndighet" and any(o.kind == "actor" and o.key not in _COMMON_ACTORS for o in theirs):
                outcome.found.append(entity.text)
                continue
            rivals = []
        if entity.kind == "actor" and entity.key not in _COMMON_ACTORS:
            # a named organisation: a generic reference ("myndigheten") may be it, not a rival
            rivals = [o for o in rivals if o.key not in GENERIC_ACTORS]
        if entity.key in STATE:
            rivals = [o for o in rivals if o.key not in STATE]
        if entity.key == "staten":
            # "statliga garantier" against a named authority or institute: most are the state's own, none its rival
            rivals = [o for o in rivals if o.key in _COMMON_ACTORS]
        if entity.kind == "actor" and actor_found:
            # another of the statement's actors is in the evidence: this one is missing there, not replaced
            rivals = []
        if entity.kind == "country" and entity.key == "sverige" and not rivals and not _ABROAD.search(evidence):
            # Swedish public text is about Sweden unless it names another country or goes abroad
            outcome.found.append(entity.text)
        elif rivals and entity.kind != "name":
            outcome.conflict.append((entity.text, rivals[0].text))
        elif context and (
            (_maybe_in(entity, context) and _has(entity, entities(context)))  # read only when needed
            or _named_otherwise(entity, context)
        ):
            outcome.found.append(entity.text)
        else:
            # another name is no rival: a name's kind is unknown ("SKR" against "Covid-19", "ECMO-platser" against
            # "ECMO"), so a name the evidence lacks is missing, never contradicted
            outcome.missing.append(entity.text)
    return outcome
