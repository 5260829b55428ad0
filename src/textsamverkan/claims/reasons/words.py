"""Words as the reason checks see them: a word's lemma and compound parts (`analyse`), and the generic words that
carry no claim of their own (`GENERIC`). Shared by the content, direction, negation and entity checks, so none of
them needs another's module for it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

# countries by their Swedish names: places the entity check compares, and no direction words ("Frankrike" is not "rik")
COUNTRIES = frozenset(
    [
        "sverige", "norge", "danmark", "finland", "island", "estland", "lettland", "litauen", "tyskland", "polen",
        "frankrike", "storbritannien", "england", "skottland", "irland", "nederländerna", "holland", "belgien",
        "luxemburg", "schweiz", "österrike", "italien", "spanien", "portugal", "grekland", "ungern", "tjeckien",
        "slovakien", "slovenien", "kroatien", "rumänien", "bulgarien", "cypern", "malta", "ryssland", "ukraina",
        "belarus", "turkiet", "usa", "kanada", "mexiko", "brasilien", "argentina", "chile", "kina", "japan", "indien",
        "pakistan", "afghanistan", "iran", "irak", "syrien", "israel", "egypten", "somalia", "etiopien", "eritrea",
        "kenya", "nigeria", "sydafrika", "australien", "nyzeeland", "libanon", "albanien", "serbien", "bosnien",
        "kosovo", "montenegro", "nordmakedonien", "moldavien", "georgien", "armenien", "azerbajdzjan", "marocko",
        "tunisien", "algeriet", "libyen", "jordanien", "saudiarabien", "qatar", "thailand", "vietnam", "indonesien",
        "filippinerna", "sydkorea", "nordkorea", "taiwan", "singapore", "colombia", "venezuela", "peru", "kuba"
    ]
)  # fmt: skip


def country(word: str) -> str | None:
    """The country a capitalised word names ("Norge", "Norges", "Belarus"), lower-cased, or None."""
    if not word[:1].isupper():
        return None
    low = word.lower()
    return next((key for key in (low, low.removesuffix("s")) if key in COUNTRIES), None)


# adjectives of countries: "norska städer" are in Norway, not in "Tyskland"
DEMONYMS = {
    "svensk": "sverige", "norsk": "norge", "dansk": "danmark", "finsk": "finland", "finländsk": "finland",
    "isländsk": "island", "estnisk": "estland", "lettisk": "lettland", "litauisk": "litauen", "tysk": "tyskland",
    "polsk": "polen", "fransk": "frankrike", "brittisk": "storbritannien", "irländsk": "irland",
    "nederländsk": "nederländerna", "holländsk": "nederländerna", "belgisk": "belgien", "schweizisk": "schweiz",
    "österrikisk": "österrike", "italiensk": "italien", "spansk": "spanien", "portugisisk": "portugal",
    "grekisk": "grekland", "ungersk": "ungern", "tjeckisk": "tjeckien", "rysk": "ryssland", "ukrainsk": "ukraina",
    "turkisk": "turkiet", "amerikansk": "usa", "kanadensisk": "kanada", "kinesisk": "kina", "japansk": "japan",
    "indisk": "indien",
}  # fmt: skip


# how a country's adjective is made from its name: the name's end that goes ("bulgar|ien" → "bulgar|isk", "afghan|istan"
# → "afghan|sk", "austral|ien" → "austral|iensisk", "marock|o" → "marock|ansk", "thai|land" → "thai|ländsk")
_ADJECTIVE_ENDINGS = ("iensisk", "ensisk", "esisk", "iensk", "iansk", "ansk", "ensk", "isk", "sk")
_NAME_ENDINGS = frozenset(["", "a", "e", "o", "en", "ien", "ia", "iet", "on", "an", "istan", "stan", "erna"])
_COUNTRY_ORDER = tuple(sorted(COUNTRIES))  # a fixed order, whatever the process's string hashing


@lru_cache(maxsize=1 << 14)
def demonym(word: str) -> str | None:
    """The country a lower-case adjective of a country names ("norska", "tyskt", "bulgarisk", "afghanska",
    "australiensisk"), or None: the listed adjectives first, then one made from a country's name by the usual endings
    (a stem of three letters or more)."""
    if not word[:1].islower():
        return None
    low = word.lower()
    base = low[:-1] if low.endswith(("a", "t", "e")) else low
    if listed := DEMONYMS.get(low) or DEMONYMS.get(base):
        return listed
    if base.endswith("ländsk") and (place := base.removesuffix("ländsk") + "land") in COUNTRIES:
        return place
    for ending in _ADJECTIVE_ENDINGS:
        stem = base.removesuffix(ending)
        if stem != base and len(stem) >= 3:
            for place in _COUNTRY_ORDER:
                if place.startswith(stem) and place[len(stem) :] in _NAME_ENDINGS:
                    return place
    return None


GENERIC = frozenset(
    [
        "säga",
        "berätta",
        "tala",
        "vilja",
        "kunna",
        "skola",
        "böra",
        "måste",
        "behöva",
        "finnas",
        "göra",
        "få",
        "ge",
        "ta",
        "komma",
        "gå",
        "hålla",
        "lämna",
        "ske",
        "se",
        "vara",
        "bli",
        "ha",
        # light verbs that carry no claim of their own: "står för 62 procent", "ligger på", "uppgick till", "börjar
        # gälla", "det handlar om"
        "stå",
        "ligga",
        "uppgå",
        "börja",
        "gälla",
        "gäll",
        "handla",
        "lägga",
        "fatta",  # "fattat beslut om" is "beslutat om"
        "fattad",
        "sätta",  # "sätter in åtgärder", "sätta upp ett förband"
        "sådan",
        "betydligt",
        "uppskattningsvis",
        "närvarande",
        "helt",
        "mycket",
        "väldigt",
        "alldeles",
        "synnerhet",  # "i synnerhet" is "framför allt", "inte minst"
        "ganska",
        "lite",
        "kraftigt",
        "särskilt",
        "också",
        "bara",
        "ju",
        "nog",
        "redan",
        "fortfarande",
        "dock",
        "just",
        # spoken fillers and intensifiers: "det är faktiskt", "allra störst", "dom" (spoken "de")
        "faktiskt",
        "egentligen",
        "verkligen",
        "ändå",
        "allra",
        "extra",
        "dom",
        "sedan",
        "nu",
        "enligt",
        "genom",
        # parts of fixed phrases that carry no claim: "ta fram", "på grund av", "med anledning av", "till följd av",
        # "till sitt förfogande", "tack vare", "med hänvisning till", "i syfte att", "i förhållande till", "i stället"
        "fram",
        "grund",
        "anledning",
        "hänvisning",
        "syfte",
        "förhållande",
        "ställe",
        "tidpunkt",
        # connectives and a linking verb: "dessutom", "inte heller", "precis som", "strax under", "vilket innebär"
        "dessutom",
        "heller",
        "precis",
        "strax",
        "medan",
        "motsvarande",
        "innebära",
        "följd",
        "förfogande",
        "tack",
        "vare",
        "både",
        "samt",
        "såväl",  # "såväl den nuvarande regeringen som tidigare"
        "därmed",
        "således",
        "viss",  # "vissa kommuner": a quantifier, like "alla"
        # linking verbs: "det har förekommit prat", "hälften utgörs av åtgärder", "betänkandet innehåller förslag"
        "förekomma",
        "utgöra",
        "innehålla",
        "såvida",  # "såvida det inte är uppenbart" is "om det inte är uppenbart"
        "folk",  # "förbjuda folk att vistas" says no more than "förbud mot att vistas"
        "cirka",
        "omkring",
        "ungefär",
        "drygt",
        "runt",
        "nästan",
        "knappt",
        "minst",
        "högst",
        "totalt",
        "sammanlagt",
        "ytterligare",
        "varje",
        "per",
        "alla",
        "all",
        "allt",
        "hela",
        "del",
        "delar",
        "sätt",
        "fall",
        "gång",
        "gånger",
        "antal",
        "antalet",
        "siffra",
        "siffran",
        "år",
        "månad",
        "vecka",
        "dag",
        "då",
        "när",
        "där",
        "här",
        "dessa",
        "denna",
        "detta",
        "vilken",
        "vilket",
        "vilka",
        "varandra",
        "själv",
        "egen",
        "eget",
        "egna",
        "olika",
        "annan",
        "andra",
        "jämfört",
        "utifrån",
        "kring",
        "inom",
        "mellan",
        "bland",
        "hos",
        "via",
        "mot",
        "utan",
        "efter",
        "före",
        "innan",
        "hela",
        "stor",
        "liten",
        "tog",
        "togs",
        "tas",
        "tagit",
        "tagits",
        "gjorde",
        "gjort",
        "gjordes",
        "fick",
        "fått",
        "gav",
        "gett",
        "givit",
        "kom",
        "kommit",
        "gick",
        "gått",
        "haft",
        "blev",
        "blivit",
        "fanns",
        "sa",
        "sade",
        "sagt",
        "varit",
        "kunde",
        "kunnat",
        "skulle",
        "ville",
        "velat",
        "behövde",
        "hölls",
        "hålls",
        "två",
        "tre",
        "fyra",
        "fem",
        "sex",
        "sju",
        "åtta",
        "nio",
        "tio",
        "elva",
        "tolv",
        "tjugo",
        "trettio",
        "hundra",
        "tusen",
        "miljon",
        "miljoner",
        "miljard",
        "miljarder",
        "många",
        "dubbel",
        "dubbelt",
        "hälften",
        # unit words: the number check judges them with their amount
        "procent",
        "procentenhet",
        "procentenheter",
        "krona",
        "kronor",
        "kr",
        "stycken",
        "styck",
        # approximations: the number check judges them
        "åtminstone",
        "närmare",
        "uppemot",
        # negation cues: the negation check judges them
        "inte",
        "ej",
        "icke",
        "aldrig",
        "ingen",
        "inget",
        "inga",
        "ingenting",
        "varken",
        "knappast",
    ]
)


@dataclass(frozen=True)
class Word:
    """A content word: its surface form, lemma and compound parts (lemmas; one part for a simplex word)."""

    surface: str
    lemma: str
    parts: tuple[str, ...]
    alternatives: tuple[str, ...] = ()
    # written shortened with a period, as notes do ("utb.", "insp."): found in any word that begins with it
    shortened: bool = False


@lru_cache(maxsize=1 << 18)
def analyse(surface: str) -> Word:
    """Lemma and compound parts of one word (simplemma plus the compound splitter)."""
    from textsamverkan.nlp.compounds import split_compound
    from textsamverkan.segment.sentences import simple_lemma

    lemma = simple_lemma(surface).lower()
    if len(lemma) > len(surface) + 3:
        lemma = surface.lower()  # a lookup entry far longer than the word ("Dom" → "domarboken") is not its lemma
    if lemma == surface.lower() + "e" and lemma.endswith("are"):
        lemma = lemma[:-2]  # "samordnar" is the verb "samordna", never the noun "samordnare" the lookup gives
    pieces = [simple_lemma(p).lower() for p in surface.split("-") if p and not p.isdigit()] if "-" in surface else []
    if len(pieces) > 1:  # "covid-19-vaccination": covid + vaccination, like "covidvaccination"
        return Word(surface, lemma, tuple(pieces))
    parts = tuple(p.lower() for p in split_compound(surface.lower()).parts) if len(surface) >= 8 else (lemma,)
    if len(parts) == 1 and len(lemma) >= 8 and lemma != surface.lower():
        # an inflected compound whose form the splitter cannot read splits as its lemma: "skogsbränder" → skog + brand
        parts = tuple(p.lower() for p in split_compound(lemma).parts)
    if lemma == surface.lower() and len(parts) > 1:
        # a compound the lookup does not know takes its head's lemma: "delredovisar" → "delredovisa"
        at = lemma.rfind(parts[-1][: max(3, len(parts[-1]) - 2)])
        lemma = lemma[:at] + parts[-1] if at > 0 else lemma
    return Word(surface, lemma, parts or (lemma,))
