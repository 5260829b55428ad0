"""Direction and antonym pairs as a lexicon: öka/minska, stiga/sjunka, förbättra/försämra, fler/färre, brist/tillgång.

The lexicon is a table of axes; each axis lists lemmas for its two poles. It is expanded, not enumerated pair by
pair: a word counts for a pole when its lemma, or its compound head ("kapacitetsökning" → ökning), is listed, and the
prefixes o- and miss- flip a listed word to the other pole ("otillräcklig", "misslyckas"). Phrasal verbs are listed
as phrases ("byggts ut", "dragits ned"). A statement's pole conflicts with the evidence when the evidence has only
the opposite pole on the same axis, more often than the statement holds that pole itself ("vet mer om smittan …
risken är lägre" against "risken är lägre": the evidence's "lägre" answers the statement's own, the "mer" is
missing). What the evidence says of the same thing comes first: a direction word is said of the content words
within `SCOPE` words of it in its clause, and when the evidence has words of the axis said of one of those, only
they count ("öka behovet" conflicts with "… mer tillsammans … minska behovet"), unless the evidence has the
statement's own word elsewhere or the statement holds both poles of the axis. Beyond the lexicon, the prefix o-
negates any word: a statement's "vanligt" conflicts with the evidence's "ovanligt" (and "olika" with "lika",
"orolig" with "rolig") when the evidence lacks the word itself. A word said with a negation in its clause ("räckte
inte", "tycker inte att det är rimligt") keeps its pole, marked denied: it agrees with the other pole where the axis
has no degrees ("otillräckliga", "orimligt") and is left to the negation check against its own pole undenied
("ökade inte" / "ökade"); "har inte ökat" is no decrease (`relation`). `ANTONYM_AXES` are antonyms that carry content
("tillfälligt"/"permanent", "skärpa"/"lätta på"): judged the same way, but left in the content comparison too, so
that a statement's "permanent" is missing where the evidence says neither.
"""

from __future__ import annotations

import re
from functools import lru_cache

from textsamverkan.claims.quantities import NUMBER_WORDS, than_year
from textsamverkan.claims.reasons import Outcome

AXES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "mängd": (
        frozenset(
            [
                "öka",
                "ökning",
                "ökad",
                "växa",
                "tillväxt",
                "stiga",
                "steg",  # "steg med 40 procent": the lemmatizer makes it "stega"
                "höja",
                "höjning",
                "fördubbla",
                "tredubbla",
                "fyrdubbla",
                "flerfaldiga",
                "mångdubbla",
                "utöka",
                "utökning",
                "utökad",
                "tillskott",
                "fler",
                "mer",
                "högre",
                "hög",
                "större",
                "expandera",
                "förstärka",
                "förstärkning",
                "uppgång",
                "tilltagande",
                "rusa",  # "arbetslösheten har rusat"
                "intensifiera",  # "förföljelsen har intensifierats" is not "minskat"
                "eskalera",
                "uppåt",
                "ofta",  # and "oftare": how often is an amount ("oftare än männen")
                "alltid",  # "nästan alltid" is no "sällan"
            ]
        ),
        frozenset(
            [
                "minska",
                "minskning",
                "minskad",
                "sjunka",
                "sänka",
                "sänkning",
                "halvera",
                "reducera",
                "reduktion",
                "färre",
                "mindre",
                "lägre",
                "låg",
                "krympa",
                "nedåt",
                "tappa",  # "tappat stora delar av sin omsättning"
                # "handeln föll kraftigt": the verb's forms, not the lemma ("fallen" are cases, lemmatised "falla")
                "föll",
                "faller",
                "fallit",
                "nedgång",
                "avta",  # "smittspridningen avtar"
                "nedskärning",
                "besparing",
                "sällan",
            ]
        ),
    ),
    "kvalitet": (
        frozenset(
            [
                "förbättra",
                "förbättring",
                "bättre",
                "positiv",
                "positivt",
                "pos",  # a test result in notes: "9 neg." is not "nio positiva"
                "välkomna",  # a stance: "Regeringen välkomnar" against "beklagar", "är kritisk till"
                "lyckas",
                "lyckad",
                "framgång",
                "framgångsrik",
                "stärka",
                "bra",  # and "bäst"
                "god",
                "blomstra",
            ]
        ),
        frozenset(
            [
                "försämra",
                "försämring",
                "sämre",
                "negativ",
                "negativt",
                "neg",
                "beklaga",
                "kritisk",
                "misslyckas",
                "misslyckad",
                "försvaga",
                "dålig",
                "illa",  # "barn far illa" is not "mår bra"
                "ond",  # "värst"
                "tyna",
                "tynande",
            ]
        ),
    ),
    "tillgång": (
        frozenset(["tillgång", "överskott", "räcka", "tillräcklig", "tillräckligt"]),
        frozenset(["brist", "brista", "bristfällig", "sakna", "saknas", "underskott"]),
    ),
    "svårighet": (
        frozenset(["lätt", "enkel", "enkelt"]),
        frozenset(["svår", "svårt", "svårighet", "komplicerad", "omöjlig", "omöjligt", "ogörlig", "ogörligt"]),
    ),
    "välstånd": (frozenset(["rik", "rikare", "förmögen"]), frozenset(["fattig", "fattigare"])),
}
# antonyms that carry content of their own: a conflict when the evidence has only the other pole (as for AXES), but
# the word stays in the content comparison, so a statement's "permanent" is missing where the evidence says neither
ANTONYM_AXES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "varaktighet": (
        frozenset(["tillfällig", "tillfälligt", "temporär", "tidsbegränsad", "kortsiktig", "kortvarig"]),
        frozenset(["permanent", "permanenta", "varaktig", "bestående", "långsiktig", "långvarig"]),
    ),
    "form": (
        frozenset(["skriftlig", "skriftligt", "skriftligen"]),
        frozenset(["muntlig", "muntligt", "muntligen"]),
    ),
    "plats": (frozenset(["inomhus"]), frozenset(["utomhus"])),
    # "influensan har kommit tidigare än vanligt" is not "senare än normalt"; only the comparatives, for "sen" alone is
    # most often "sedan" and "tidig" is the head the compound splitter finds in "samtidig"
    "tidpunkt": (frozenset(["tidigare", "tidigarelägga"]), frozenset(["senare", "senarelägga"])),
    # "blir lugn när någon sjunger" is not "blir orolig" ("lugnande", a sedative, is neither)
    "sinnesro": (
        frozenset(["lugn", "lugnt"]),
        frozenset(["orolig", "oroligt", "oroliga", "ängslig", "ängsligt", "ängsliga", "rastlös", "rastlöst"]),
    ),
    # the points of the compass: "söder om Dalälven" is not "norr om Dalälven"
    "nord-syd": (
        frozenset(["norr", "norra", "nord", "nordlig", "norrut"]),
        frozenset(["söder", "södra", "syd", "sydlig", "söderut"]),
    ),
    "öst-väst": (
        frozenset(["öster", "östra", "öst", "östlig", "österut"]),
        frozenset(["väster", "västra", "väst", "västlig", "västerut"]),
    ),
    # ("het" is also the head of "myndighet")
    "temperatur": (frozenset(["varm", "varmare", "hetta"]), frozenset(["kall", "kallare", "kyla"])),
    # "fortfarande sjuk" is not "redan frisk"
    "hälsa": (frozenset(["frisk", "friskt", "friska", "frisknad"]), frozenset(["sjuk", "sjukt", "sjuka"])),
    # "problemen har lindrats" is not "förvärrats"
    "lindring": (frozenset(["lindra", "lindring"]), frozenset(["förvärra", "förvärring"])),
    # "kvinnor skyddas från våld" is not "utsätts för våld"
    "utsatthet": (frozenset(["skydda", "skyddad", "skyddas"]), frozenset(["utsätta", "utsatt", "utsättas"])),
    # "föreskrifterna omfattar dieselfordon" is not "undantar dieselfordon"
    "inbegripande": (
        frozenset(["omfatta", "inkludera", "innefatta", "inbegripa"]),
        frozenset(["undanta", "exkludera"]),
    ),
    "allvar": (frozenset(["lindrig", "mild", "ofarlig"]), frozenset(["allvarlig", "farlig"])),
    "riktning": (frozenset(["inrikes", "intern", "internt"]), frozenset(["utrikes", "extern", "externt"])),
    "tvång": (frozenset(["frivillig", "frivilligt"]), frozenset(["obligatorisk", "obligatoriskt", "tvingande"])),
    "fortgång": (
        frozenset(
            [
                "fortsätta",
                "fortsatt",
                "fortsättning",
                "förlänga",
                "förlängning",
                "förlängd",
                "kvarstå",
                "fortfarande",  # "görs fortfarande" is not "har slutat med"
                "alltjämt",
                "börja",  # "jakten ska börja den 15 februari" is not "avslutas den 15 februari"
                "påbörja",
                "inleda",
                "starta",
            ]
        ),
        frozenset(["avsluta", "avslutad", "upphöra", "sluta", "avbryta", "förkorta", "förkortning", "pausa", "pausad"]),
    ),
    # "14 månader längre" is not "14 månader kortare" ("längre än 30 dagar" is a bound, `_BOUND`)
    "längd": (frozenset(["längre"]), frozenset(["kortare"])),
    "liv": (
        frozenset(["överleva", "tillfriskna", "tillfrisknad", "återhämta", "återhämtad"]),
        frozenset(["avlida", "avliden", "dö", "död", "dödsfall"]),
    ),
    "stränghet": (
        frozenset(["skärpa", "skärpning", "skärpt", "sträng", "strängare"]),
        frozenset(["lättnad", "mildra", "luckra"]),
    ),
    "tempo": (
        frozenset(["snabb", "snabbt", "skyndsam", "skyndsamt", "omedelbar", "omedelbart"]),
        frozenset(["långsam", "långsamt", "gradvis", "successiv", "successivt", "stegvis"]),
    ),
    "styrka": (frozenset(["stark", "starkare", "kraftfull", "kraftfullare"]), frozenset(["svag", "svagare"])),
    "motståndskraft": (
        frozenset(["robust", "motståndskraftig", "stabil"]),
        frozenset(["sårbar", "skör", "bräcklig", "instabil"]),
    ),
    "betydelse": (
        frozenset(["viktig", "betydelsefull", "väsentlig", "betydande", "angelägen"]),
        frozenset(["obetydlig", "oviktig", "marginell", "ovidkommande", "oväsentlig"]),
    ),
    "beslut": (
        frozenset(["godkänna", "bevilja", "bifalla", "tillstyrka"]),
        frozenset(["avslå", "neka", "avvisa", "vägra", "avstyrka"]),
    ),
    # "större"/"mindre" are amounts (`AXES`)
    "storlek": (frozenset(["stor", "maximal"]), frozenset(["liten", "små", "minimal"])),
    # "i första hand" is not "i sista hand", "det första kända utbrottet" not "det senaste" ("senast", a deadline, is
    # not listed)
    "ordning": (frozenset(["första", "först", "inledande"]), frozenset(["sista", "sist", "senaste", "avslutande"])),
    # a bound in time: "införs tidigast 2029" is not "senast 2029"
    "tidsgräns": (frozenset(["tidigast"]), frozenset(["senast"])),
    # "avveckla" ends a thing, no amount: "planeringen skulle avvecklas" is not "återupptas"
    "införande": (
        frozenset(["införa", "inrätta", "behålla", "bevara", "återuppta", "återinföra"]),
        frozenset(["avskaffa", "slopa", "avveckla", "avvecklad", "avveckling"]),
    ),
    "handel": (
        frozenset(["köpa", "inköp", "förvärva", "förvärv"]),
        frozenset(["sälja", "försäljning", "avyttra", "avyttring"]),
    ),
    "omfattning": (
        frozenset(["helt", "fullt", "fullständig", "fullständigt", "odelad", "odelat"]),
        frozenset(["delvis", "partiell", "partiellt"]),
    ),
    "ort": (frozenset(["centralisera", "centraliserad"]), frozenset(["decentralisera", "decentraliserad"])),
    "tid": (frozenset(["arbetstid", "dagtid"]), frozenset(["fritid", "nattetid"])),
    "gräns": (frozenset(["överstiga", "överskrida"]), frozenset(["understiga", "underskrida"])),
    "hinder": (frozenset(["underlätta", "främja"]), frozenset(["hindra", "försvåra", "motverka"])),
    "tillåtelse": (
        frozenset(["tillåta", "tillåten", "tillåtet", "medge"]),
        frozenset(["förbjuda", "förbjuden", "förbjudet", "förbud"]),
    ),
    "pris": (frozenset(["dyr", "dyrare", "kostsam", "kostsamma"]), frozenset(["billig", "billigare", "prisvärd"])),
    "trygghet": (frozenset(["trygg", "tryggare", "trygghet"]), frozenset(["prekär", "otrygg", "otrygghet"])),
    # an answer to an offer: "tackat ja" is not "sagt nej" (`PHRASES`)
    "svar": (frozenset(["jakande"]), frozenset(["nekande"])),
    # "fått mest statligt stöd" is not "minst" (the one against the other only: "mest" is also "mostly"; "minst 20
    # domar" is a bound, `_COUNTED`, and "inte minst" "especially")
    "ytterlighet": (frozenset(["mest", "flest", "störst"]), frozenset(["minst"])),
    "noggrannhet": (frozenset(["noggrann", "noggrannare", "omsorgsfull"]), frozenset(["slarvig", "slarvigare"])),
    "öppenhet": (frozenset(["öppen", "öppet", "öppna"]), frozenset(["stängd", "stängt", "stängda", "stänga"])),
    # advice: "förordar en sänkning" is not "avråder från en sänkning", nor "rekommendera munskydd" "avråda från"
    "råd": (
        frozenset(["förorda", "rekommendera", "rekommendation", "förespråka", "tillråda", "uppmana"]),
        frozenset(["avråda", "avrådan", "avrådde", "avrått"]),
    ),
    "kostnad": (frozenset(["kostnadsfri", "kostnadsfritt", "gratis", "avgiftsfri", "avgiftsfritt"]), frozenset(
        ["avgiftsbelagd", "avgiftsbelagt"]
    )),
}
# advice to not do a thing is advice against it: "rekommenderar att anhöriga inte kommer", "uppmanar alla att inte
# resa" (the denial in the "att" clause, before the clause ends)
_ADVICE_DENIED = re.compile(
    r"(?:\s+\w+){0,2}?\s+att\s+(?:[^\W\d_]+\s+){0,3}?(?:inte|ej|aldrig)\b(?![^,;:.!?]*\bförrän\b)", re.I
)
# a phrase may lie on two axes: "lade ned utredningen" ends it (not "återupptog"), "lade ned" a unit cuts it (not
# "byggde ut")
PHRASES: dict[str, tuple[tuple[str, int], ...]] = {
    r"\b(?:byggts|byggt|byggs|byggdes|bygga|byggas) ut\b": (("mängd", 0),),
    r"\bskal(?:a|ar|ats|ade|as) upp\b": (("mängd", 0),),
    r"\bg(?:å|år|ått|ick) upp\b": (("mängd", 0),),
    r"\bgott om\b": (("tillgång", 0), ("mängd", 0)),
    r"\bskj(?:uta|uter|öt|utit|uts) i höjden\b": (("mängd", 0),),  # "arbetslösheten har skjutit i höjden"
    r"\bt(?:a|ar|og|agit|as) (?:rejäl |ny |full )?fart\b": (("mängd", 0),),  # "handeln tog fart"
    r"\binte (?:alltför |så |särskilt )?sällan\b": (("mängd", 0),),  # "inte sällan" is "ofta"
    r"\bmer sällan\b": (("mängd", 1),),  # "allt mer sällan" against "allt oftare"
    r"\bför många\b": (("mängd", 0),),
    r"\b(?:dragits|dras|drogs|dra|drar|dragit) (?:ned|ner)\b": (("mängd", 1),),
    r"\bskur(?:its|it|e) (?:ned|ner)\b": (("mängd", 1),),
    r"\bg(?:å|år|ått|ick) (?:ned|ner)\b": (("mängd", 1),),
    r"\bont om\b": (("tillgång", 1),),
    # "hyr man mot en avgift" is not "lånar du kostnadsfritt"; "utan kostnad" is "kostnadsfritt"
    r"\bmot\s+(?:en\s+)?(?:avgift|betalning)\b": (("kostnad", 1),),
    r"\butan\s+(?:någon\s+)?(?:kostnad|avgift)\b": (("kostnad", 0),),
    r"\b(?:tack(?:a|ar|ade|at|as)|s(?:äga|äger|a|ade|agt))\s+ja\b": (("svar", 0),),
    r"\b(?:tack(?:a|ar|ade|at|as)|s(?:äga|äger|a|ade|agt))\s+nej\b": (("svar", 1),),
    # the particle may stand after the subject: "lade den nya regeringen ned utredningen"
    r"\b(?:lägga|lägger|lade|lagt|läggs|lades|lagts|läggas)(?:\s+[^\W\d_]+){0,3}?\s+(?:ned|ner)\b": (
        ("införande", 1),
        ("mängd", 1),
    ),
    r"\bpå väg (?:ned|ner)(?:åt)?\b": (("mängd", 1),),
    r"\bpå väg upp(?:åt)?\b": (("mängd", 0),),
    r"\bett (?:stort |viktigt )?steg (?:framåt|i rätt riktning)\b": (("kvalitet", 0),),  # a step forward is better
    r"\bett steg bakåt\b": (("kvalitet", 1),),
    r"\bför få\b": (("mängd", 1),),
    r"\blätta(?:r|de|t|s)? på\b": (("stränghet", 1),),
    # consent: "mot sin egen vilja" is not "efter egen önskan"
    r"\bmot\s+(?:sin|hans|hennes|deras|min|din|vår|er|den\s+enskildes)\s+(?:egen\s+|eget\s+)?vilja\b": (("vilja", 1),),
    r"\b(?:efter|enligt)\s+(?:sin\s+|hans\s+|hennes\s+|deras\s+)?(?:egen|eget|egna)\s+(?:önskan|önskemål|begäran)\b"
    r"|\bpå\s+egen\s+begäran\b|\bfrivillig(?:t|a)?\b|\bsjälvmant\b": (("vilja", 0),),
    # the day against the night: "på dagen", "dagtid" is not "nattetid", "på nätterna"
    r"\b(?:på|under)\s+(?:dagen|dagarna|dagtid)\b|\bdagtid\b": (("tid på dygnet", 0),),
    r"\b(?:på|under)\s+(?:natten|nätterna|nattetid)\b|\bnattetid\b|\bnattlig\w*": (("tid på dygnet", 1),),
    r"\b(?:finns|fanns|finnas|funnits) kvar\b": (("införande", 0),),
    r"\btill viss del\b": (("omfattning", 1),),
    # the Riksdag's decision on a proposal: "ställer sig bakom det som anförs i motionen" is not "avslår" it
    r"\bställ(?:a|er|de|t|s)\s+sig\s+bakom\b": (("beslut", 0),),
    # entry into force is a start: "börja gälla" says "träda i kraft", and neither is "upphöra att gälla"
    r"\b(?:träd\w*\s+i\s+kraft|ikraftträd\w*|börja\w*\s+gälla)\b": (("fortgång", 0),),
    r"\bhåll(?:a|er|s|as|its|it|es)? nere\b": (("mängd", 1),),  # "antalet deltagare kan hållas nere"
    # "täckningen låg på 90 procent", "låg kvar": the verb "ligga", no direction ("kostnaden var låg på boendet" is
    # the adjective after a verb of being or a degree word)
    r"(?<!\bvar )(?<!\bär )(?<!blev )(?<!blir )(?<!bli )(?<!varit )(?<!vara )(?<!mycket )(?<!ganska )(?<!väldigt )"
    r"(?<!\bför )(?<!\bså )\blåg"
    r"(?=\s+(?:på|kring|runt|kvar|nere|still|stilla|inne|ute|bakom)\b|\s+(?:under|över)\s+\d)": (),
}
_WORD = re.compile(r"[^\W\d_][\w-]*")
_FLIP = ("o", "miss")
SCOPE = 2  # words on either side of a direction word, within its clause, that it is said of
_PUNCTUATION = re.compile(r"[,;:.!?()–]")
# "mer än fyra veckor", "fler än 50": a bound of an amount, judged by the number check, no direction ("färre än 2018"
# compares with a year: a direction)
_A_NUMBER = rf"(?:\d|(?:en|ett|{'|'.join(NUMBER_WORDS)})\b)"
_BOUND = re.compile(rf"\s+än\s+{_A_NUMBER}", re.I)
# "minst 20 domar", "flest 3": a bound or a count before a number, judged by the number check
_COUNTED = re.compile(rf"\s+{_A_NUMBER}", re.I)
_SUPERLATIVE_BOUNDS = frozenset(["minst", "mest", "flest"])
_CONJUNCTIONS = frozenset(["och", "men", "medan", "samt", "eller", "som", "att", "då", "när", "fast", "trots"])


@lru_cache(maxsize=1 << 18)
def pole(word: str) -> tuple[str, int] | None:
    """(axis, 0 for the first pole or 1 for the second) of one word, or None."""
    from textsamverkan.claims.reasons.words import analyse, country

    if country(word):
        return None
    analysed = analyse(word)
    for form in (word.lower(), analysed.lemma, analysed.parts[-1]):
        for axis, (up, down) in (*AXES.items(), *ANTONYM_AXES.items()):
            if form in up:
                return axis, 0
            if form in down:
                return axis, 1
    low = word.lower()
    for prefix in _FLIP:
        if low.startswith(prefix) and len(low) > len(prefix) + 3:
            inner = pole(low[len(prefix) :])
            if inner:
                return inner[0], 1 - inner[1]
    return None


DENIED = 2  # added to a pole (0 or 1) said with a negation: "räckte inte", "inte rimligt"
# axes of degree: "har inte ökat" is no increase, not a decrease; elsewhere "räckte inte" is the other pole
GRADABLE = frozenset(["mängd", "kvalitet", "styrka", "välstånd", "tempo"])


def relation(axis: str, one: int, other: int) -> int:
    """1 when two poles of `axis` (each 0 or 1, plus `DENIED`) say the same, -1 when they conflict, 0 when neither
    can be told: a denied pole against the same pole undenied ("ökade inte" / "ökade") is the negation check's to
    judge, and against the other pole it agrees only where the axis has no degrees ("räckte inte" / "brist")."""
    if (one & DENIED) == (other & DENIED):
        if (one & 1) == (other & 1):
            return 1
        return 0 if one & DENIED else -1
    if (one & 1) == (other & 1):
        return 0
    return 0 if axis in GRADABLE else 1


def is_direction_word(word: str) -> bool:
    """Whether `word` lies on a direction axis (`AXES`), which the direction check judges instead of the content
    comparison; the content-bearing antonyms (`ANTONYM_AXES`) do not."""
    hit = pole(word)
    return hit is not None and hit[0] in AXES


@lru_cache(maxsize=1 << 16)
def poles(text: str) -> tuple[tuple[str, int, str], ...]:
    """Every (axis, pole, words) in `text`, in text order; a listed phrase counts once, not also as its words."""
    return tuple((axis, side, words) for axis, side, words, _near, _whole in _placed_poles(text))


@lru_cache(maxsize=1 << 16)
def _placed_poles(text: str) -> tuple[tuple[str, int, str, frozenset[str], frozenset[str]], ...]:
    """`poles` with, for each, what it is said of: the first letters of the content words within `SCOPE` words of it
    in its own clause ("minska behovet" → {"behov"}; "vuxit och andelen" stops at "och"), and those words whole."""
    from textsamverkan.claims.bm25 import STOPWORDS
    from textsamverkan.claims.reasons.cues import negated_at
    from textsamverkan.claims.reasons.words import GENERIC

    tokens = list(_WORD.finditer(text))
    found: list[tuple[str, int, int, int]] = []  # axis, side, first and last token
    covered: list[tuple[int, int]] = []
    for pattern, axes in PHRASES.items():
        for m in re.finditer(pattern, text, re.I):
            inside = [n for n, t in enumerate(tokens) if m.start() <= t.start() < m.end()]
            found += [(axis, side, inside[0], inside[-1]) for axis, side in axes]
            covered.append((m.start(), m.end()))
    for n, m in enumerate(tokens):
        if any(a <= m.start() < b for a, b in covered):
            continue
        if _BOUND.match(text, m.end()) and not than_year(text, m.end()):
            continue
        if m.group().lower() in _SUPERLATIVE_BOUNDS and (
            _COUNTED.match(text, m.end()) or text[max(0, m.start() - 5) : m.start()].lower() == "inte "
        ):
            continue
        hit = pole(m.group())
        if hit:
            found.append((hit[0], hit[1], n, n))
    found = _degree_turned(found, tokens)
    # a denied word keeps its pole and is marked DENIED: "räckte inte" (see `relation`)
    denied = {
        (a, b)
        for axis, _side, a, b in found
        if negated_at(text, tokens[a].start(), tokens[b].end())
        or (axis == "råd" and _ADVICE_DENIED.match(text, tokens[b].end()))
    }
    found = [(axis, side | DENIED if (a, b) in denied else side, a, b) for axis, side, a, b in found]

    def clause_break(n: int) -> bool:
        """A clause ends between token n and n + 1: punctuation between them, or a conjunction at n + 1."""
        between = text[tokens[n].end() : tokens[n + 1].start()]
        return bool(_PUNCTUATION.search(between)) or tokens[n + 1].group().lower() in _CONJUNCTIONS

    def near(first: int, last: int) -> frozenset[str]:
        """The content words within `SCOPE` words of tokens first..last in their clause, lower-cased."""
        span = [first, last]
        for step, edge in ((-1, 0), (1, 1)):
            for _ in range(SCOPE):
                n = span[edge]
                if not 0 <= n + step < len(tokens) or clause_break(min(n, n + step)):
                    break
                span[edge] = n + step
        words = (t.group().lower() for t in tokens[span[0] : span[1] + 1])
        return frozenset(w for w in words if len(w) >= 4 and w not in STOPWORDS and w not in GENERIC and not pole(w))

    def said(a: int, b: int) -> str:
        words = " ".join(t.group() for t in tokens[a : b + 1])
        return f"inte {words}" if (a, b) in denied else words

    ordered = sorted(found, key=lambda f: f[2])
    placed = []
    for axis, side, a, b in ordered:
        whole = near(a, b)
        placed.append((axis, side, said(a, b), frozenset(w[:5] for w in whole), whole))
    return tuple(placed)


# "minst viktiga": the least of a quality is its other pole, and the degree word no pole of its own ("mindre trygga"
# is also "less safe than before", the decrease "tryggheten har minskat" says, so it keeps its own pole)
_LESS = frozenset(["minst"])


_Found = list[tuple[str, int, int, int]]  # axis, pole, first and last token


def _degree_turned(found: _Found, tokens: list[re.Match[str]]) -> _Found:
    """`found` with a word right after "minst" on another axis turned to its other pole, and the degree word
    dropped: "den minst viktiga reformen" is the least important, against "den viktigaste"."""
    starts = {a: (axis, side) for axis, side, a, b in found if a == b}
    turned: set[int] = set()
    for axis, _side, a, _b in found:
        before = starts.get(a - 1)
        if a > 0 and tokens[a - 1].group().lower() in _LESS and before is not None and before[0] != axis:
            turned.add(a)
    return [
        (axis, 1 - side if a in turned else side, a, b)
        for axis, side, a, b in found
        if not (a == b and a + 1 in turned)
    ]


@lru_cache(maxsize=1 << 16)
def direction_words(text: str) -> frozenset[str]:
    """Lower-cased words of `text` that the direction check judges (left out of the content comparison)."""
    return frozenset(w.lower() for axis, _s, words in poles(text) if axis in AXES for w in words.split())


def compare_direction(statement: str, evidence: str) -> Outcome:
    """Each direction word of the statement: same pole found in the evidence, or only the opposite pole there."""
    outcome = Outcome("direction")
    mine = poles(statement)
    placed = _placed_poles(evidence) if mine else ()  # a statement without direction words: none to read
    theirs = poles(evidence) if mine else ()
    for axis, side, words, near, whole in _placed_poles(statement):
        # what the evidence says of the same thing decides ("öka behovet" against "… mer … minska behovet"), unless
        # the evidence has the statement's own word elsewhere ("15 % positiva" after "tester varit negativa")
        said_of = [(s, w, x) for a, s, w, n, x in placed if a == axis and near & n]
        # where that holds both poles, what is said of the statement's own words, not only words that begin alike,
        # decides: "antalet poliser har minskat" against "antalet poliser ökat … polistätheten lägre"
        if {relation(axis, s, side) for s, _w, _x in said_of} >= {1, -1}:
            said_of = [o for o in said_of if whole & o[2]] or said_of
        # the statement's own word counts only where it is not said of something else ("minskat … trots att
        # befolkningen har ökat" does not back "antalet har ökat")
        own_word = any(
            w.lower() == words.lower() and (not n or near & n or axis in ANTONYM_AXES) for _a, _s, w, n, _x in placed
        )
        both_poles = any(a == axis and relation(axis, s, side) < 0 for a, s, _w in mine)
        if said_of and not own_word and not both_poles:
            same = [w for s, w, _x in said_of if relation(axis, s, side) > 0]
            if not same:
                opposed = [w for s, w, _x in said_of if relation(axis, s, side) < 0]
                if opposed:
                    outcome.conflict.append((words, opposed[0]))
                else:
                    outcome.missing.append(words)
                continue
        else:
            same = [w for a, s, w in theirs if a == axis and relation(axis, s, side) > 0]
        other = [w for a, s, w in theirs if a == axis and relation(axis, s, side) < 0]
        if same:
            if words not in outcome.found:  # a phrase on two axes ("lade ned") is found once
                outcome.found.append(words)
        elif len(other) > sum(1 for a, s, _w in mine if a == axis and relation(axis, s, side) < 0):
            outcome.conflict.append((words, other[0]))
        else:
            outcome.missing.append(words)
    outcome.conflict += prefix_antonyms(statement, evidence)
    return outcome


def prefix_antonyms(statement: str, evidence: str) -> list[tuple[str, str]]:
    """(statement word, evidence word) pairs where one is the other with a negating prefix, o- or miss- ("vanligt" /
    "ovanligt", "gynnar" / "missgynnar", inflection allowed: the last two letters may differ), the plain one a known
    Swedish word, for words the lexicon does not list and the evidence does not also hold in some inflection; a plain
    word said with a negation ("inte rimligt") agrees with its o- word."""
    from textsamverkan.claims.reasons.cues import negated_at
    from textsamverkan.nlp.compounds import _known

    theirs = {m.group().lower(): m for m in _WORD.finditer(evidence)}
    # two inflections of one word share at least their first three letters, and so do a negated word without its
    # prefix and the plain one: only the evidence words that begin so are compared (in the evidence's order)
    starting: dict[str, list[int]] = {}
    for n, other in enumerate(theirs):
        starting.setdefault(other[:3], []).append(n)
        if prefix := _flip_prefix(other):
            starting.setdefault("-" + other[len(prefix) : len(prefix) + 3], []).append(n)
    ordered = list(theirs.items())
    out = []
    for m in _WORD.finditer(statement):
        word = m.group().lower()
        alike = (ordered[n][0] for n in starting.get(word[:3], ()))
        if len(word) < 4 or word in theirs or pole(word) or any(_same_but_ending(word, t) for t in alike):
            continue  # "ogifta" is found as "ogift", whatever "gift" stands beside it
        own = _flip_prefix(word)
        near = {*starting.get("-" + word[:3], ()), *(starting.get(word[len(own) : len(own) + 3], ()) if own else ())}
        for other, at in (ordered[n] for n in sorted(near)):
            negated, plain = (other, word) if len(other) > len(word) else (word, other)
            prefix = _flip_prefix(negated)
            if prefix and _same_but_ending(negated[len(prefix) :], plain) and _known(plain):
                # "inte rimligt" says "orimligt": a denied plain word agrees with the negated one, and a plain word
                # after "än" is what is compared with ("tröttare än vanligt" is "ovanligt trött")
                text, where = (statement, m) if plain == word else (evidence, at)
                if not negated_at(text, where.start(), where.end()) and not _THAN.search(text, 0, where.start()):
                    out.append((m.group(), other))
                break
    return out


_THAN = re.compile(r"\bän\s+$", re.I)


def _flip_prefix(word: str) -> str:
    """The negating prefix `word` begins with (`_FLIP`), or ""."""
    return next((p for p in _FLIP if word.startswith(p)), "")


def _same_but_ending(a: str, b: str) -> bool:
    """One word in two inflections: equal but for at most the last two letters of the longer ("vanlig"/"vanligt")."""
    stem = max(len(a), len(b)) - 2
    return a == b or (stem >= 3 and a[:stem] == b[:stem] and abs(len(a) - len(b)) <= 2)  # "låst"/"olåst" too
