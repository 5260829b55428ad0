"""Small Swedish lexicons for reading introductions: role words, organisation shapes and cue words.

General patterns, not a list of people: a role is recognised by its head word ("-chef", "-direktör", "-läkare",
"sjuksköterska", "MAS", "kommunalråd"), an organisation by its shape ("Region X", "X kommun", "X stad",
"…regionen", "…myndigheten", "…styrelsen", "…förbundet", acronyms such as SKR or VästKom).
"""

from __future__ import annotations

import re

from textsamverkan.segment.names import fold

# Head words of roles, matched as the end of a (lower-cased) word: "enhetschef", "smittskyddsläkare",
# "hälso- och sjukvårdsdirektör", "folkhälsoråd", "vårdstrateg", "medicinskt ansvarig sjuksköterska".
ROLE_SUFFIXES: tuple[str, ...] = (
    "chef", "direktör", "läkare", "sköterska", "sjuksköterska", "strateg", "råd", "ansvarig", "ordförande",
    "handläggare", "samordnare", "utvecklare", "sekreterare", "minister", "föreståndare", "koordinator", "expert",
    "utredare", "analytiker", "forskare", "professor", "docent", "doktor", "specialist", "psykolog", "kurator",
    "terapeut", "biträde", "assistent", "rådgivare", "konsult", "ledare", "planerare", "controller", "jurist",
    "ekonom", "politiker", "ledamot", "talesperson", "talesman", "företrädare", "representant", "sakkunnig",
    "inspektör", "epidemiolog", "sjukgymnast", "barnmorska", "apotekare", "farmaceut", "dietist", "logoped",
    "socionom", "ombudsman", "moderator", "journalist", "reporter", "redaktör", "talman", "statsråd", "lektor",
    "doktorand", "vd", "chefläkare", "överläkare", "hygienist", "medarbetare", "skötare", "vårdare", "förvaltare",
    "tjänsteman", "tjänsteperson", "kommissionär",
    "generalsekreterare", "projektägare", "ägare", "grundare", "entreprenör", "företagare", "anhörig",
    "anhörigkonsulent", "konsulent", "pedagog", "fysioterapeut", "arbetsterapeut", "undersköterska", "värd",
    "kommunikatör", "administratör", "operatör", "rektor", "sjukvårdsråd", "läkarsekreterare", "ombud",
)

# Words that end like a role but are not one.
NOT_ROLES = frozenset({"samråd", "förråd", "råd", "personal", "värd", "ägare", "anhörig", "smittskydd", "ombud",
                       "operatör"})

# Roles written as acronyms or all-capital words.
ROLE_ACRONYMS = frozenset({"MAS", "MAR", "MAS/MAR", "VD", "SAS", "MAP", "HR-chef", "IT-chef"})

# Prepositions that introduce the organisation after a role: "chef på X", "direktör i X", "läkare vid X".
ORG_PREPOSITIONS = frozenset({"i", "på", "vid", "hos", "inom", "från", "för"})

# Qualifiers that keep a phrase after the role head as part of the role: "strateg för nära vård".
ROLE_QUALIFIERS = frozenset({"för", "inom", "med"})

# Lower-case common nouns that name an organisation or a unit ("kommunen", "socialförvaltningen").
LOWER_ORGS = frozenset({"kommunen", "regionen", "landstinget", "länsstyrelsen", "vårdcentralen", "sjukhuset",
                        "förvaltningen", "hemtjänsten", "hemsjukvården", "äldreomsorgen", "socialtjänsten",
                        "stadsdelen", "kommunalförbundet", "kommunförbundet", "myndigheten", "universitetet",
                        "staten", "regeringen", "departementet"})
LOWER_ORG_SUFFIXES: tuple[str, ...] = ("förvaltningen", "nämnden", "kontoret", "kliniken", "mottagningen",
                                       "avdelningen", "enheten", "centralen", "sjukhuset", "boendet",
                                       "departementet", "myndigheten", "styrelsen", "förbundet")

# Capitalised words that can end an organisation name written in two words: "Malmö stad", "Lunds kommun".
ORG_TAIL_WORDS = frozenset({"kommun", "stad", "län", "landsting", "universitet", "högskola", "sjukhus",
                            "universitetssjukhus", "kommunalförbund", "region", "regionen", "kommunen",
                            "vårdcentral", "hälsocentral", "stift", "församling"})

# Suffixes of one-word organisation names ("Västra Götalandsregionen", "Socialstyrelsen", "Folkhälsomyndigheten").
ORG_WORD_SUFFIXES: tuple[str, ...] = ("regionen", "myndigheten", "styrelsen", "förbundet", "förbund", "verket",
                                      "inspektionen", "kommun", "sjukhuset", "departementet", "nämnden",
                                      "förvaltningen", "institutet", "rådet", "stiftelsen", "kommissionen",
                                      "kansliet", "universitetet", "högskolan")

# Organisations whose names contain lower-case words; matched before the general shapes.
KNOWN_ORGS: tuple[str, ...] = (
    "Sveriges Kommuner och Regioner", "Inspektionen för vård och omsorg", "Statens beredning för medicinsk och "
    "social utvärdering", "Myndigheten för vård- och omsorgsanalys", "Myndigheten för samhällsskydd och "
    "beredskap", "Institutet för hälso- och sjukvårdsekonomi", "Kommunförbundet Skåne",
)
KNOWN_ORGS_RE = re.compile("|".join(re.escape(o) for o in sorted(KNOWN_ORGS, key=len, reverse=True)))

# Capitalised words that start place names or descriptions rather than personal names ("Västra Götaland").
# Folded: compared with fold().
PLACE_WORDS = frozenset(fold(w) for w in (
    "västra", "östra", "norra", "södra", "mellersta", "stora", "lilla", "nya", "gamla", "svenska", "sveriges",
    "nationella", "region", "regionen", "kommun", "stad", "län", "landsting", "covid-19", "covid", "corona"))

# Words that can never start or continue a role phrase: pronouns, verbs of the clause, conjunctions.
ROLE_STOP = frozenset({"som", "det", "så", "men", "har", "hade", "kommer", "ska", "skulle", "var", "är", "blir",
                       "jag", "vi", "du", "ni", "han", "hon", "de", "dem", "den", "att", "när", "där", "ju",
                       "också", "nu", "och", "eller", "samt", "sedan", "sen", "idag", "kan", "vill", "tycker",
                       "tror", "vet", "the"})

# Cues before a list of people taking part ("dagens gäster X, Y och Z", "medverkande: X och Y").
GUEST_CUES_RE = re.compile(
    r"\b(?:gäst(?:er|erna|en)?|medverkande|deltagare|panelen|paneldeltagare|med oss (?:idag |i dag )?(?:har vi|finns)"
    r"|i studion(?: finns(?: också)?)?|välkomna?(?: hit)?|vi har bjudit in|bjudit in|inbjudna)\b",
    re.IGNORECASE,
)

PARTY_RE = re.compile(r"\((?P<party>S|M|SD|C|V|KD|L|MP|FP|NYD|-|s|m|sd|c|v|kd|l|mp|fp|fi|FI)\)")


def role_head(word: str) -> str | None:
    """The role a word names, in its base form ("smittskyddsläkaren" → "smittskyddsläkare"), or None."""
    if word in ROLE_ACRONYMS:
        return word
    low = word.lower()
    for candidate in (low, low[:-1] if low.endswith("n") else "", low[:-2] if low.endswith(("en", "et")) else "",
                      low[:-1] if low.endswith("t") else ""):
        if len(candidate) > 2 and candidate not in NOT_ROLES and candidate.endswith(ROLE_SUFFIXES):
            return word[: len(candidate)]
    return None


def is_org_word(word: str) -> bool:
    """True for a single word that is an organisation by its shape ("Socialstyrelsen", "SKR", "VästKom")."""
    if not word or not word[0].isupper():
        return False
    low = word.lower()
    if low.endswith("s") and low[:-1].endswith(ORG_WORD_SUFFIXES):
        low = low[:-1]  # genitive: "Socialstyrelsens"
    if low.endswith(ORG_WORD_SUFFIXES) and len(low) > 6:
        return True
    letters = [c for c in word if c.isalpha()]
    if 2 <= len(letters) <= 5 and all(c.isupper() for c in letters):
        return True  # an acronym: SKR, IVO, VGR
    # CamelCase inside one part of the word: VästKom, NetHealth (but not Anna-Karin)
    return any(any(c.isupper() for c in part[1:]) and not part.isupper() for part in word.split("-"))
