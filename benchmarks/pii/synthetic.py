"""A seeded synthetic evaluation set for PII detection: realistic Swedish care and interview sentences with
personnummer (Luhn-valid and mistyped), samordningsnummer, phone numbers in many forms, e-mail addresses, street
addresses and person names, plus look-alikes that are not personal data (order numbers, case numbers, dates,
times, places of care).

The names come from this file's own lists, written separately from the detector's name lists; about a third of
them are not in the detector's lists at all (`UNLISTED`), so recall on names is reported for both groups.
`generate(..., heldout=True)` draws from a second set of lists (HELDOUT_*) and adds sentence forms the tuning set
lacks (greetings, "sa X", possessives, a name opening a sentence); it was written before the name rules were tuned,
is never tuned on, and is meant to be run with another seed than the tuning seed 0. `stress=True` (with the held-out
lists) replaces the sentence forms by ones written after the rules, to find their limits: names in lists, after
weak prepositions, in clefts and coordinations, with no cue the rules know. It is never tuned on either.
A synthetic set is optimistic: its sentences are cleaner and more regular than real transcripts.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

FIRST = ["Anna", "Eva", "Maria", "Karin", "Sara", "Emma", "Lena", "Kerstin", "Ingrid", "Johanna", "Elin", "Hanna",
    "Linnea", "Ebba", "Alice", "Maja", "Astrid", "Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Nils",
    "Mikael", "Jan", "Hans", "Peter", "Fredrik", "Oskar", "Lukas", "Hugo", "Axel", "Filip", "Gustav",
    "Mohammed", "Ali", "Ahmed", "Fatima", "Amina", "Yasmin", "Omar", "Hassan", "Zainab"]
UNLISTED = ["Leyla", "Dragana", "Nikolina", "Sahra", "Hamdi", "Jovana", "Tarek", "Arash", "Dariusz", "Kasimir",
    "Ylva-Li", "Majvor", "Gunnel", "Saadia", "Hodan", "Filsan", "Oksana", "Bogdan", "Svetlana", "Rahim"]
LAST = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
    "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Lindberg", "Lindqvist",
    "Lundgren", "Berglund", "Sandberg", "Forsberg", "Sjöberg", "Wallin", "Engström", "Eklund", "Danielsson",
    "Lundin", "Holm", "Bergström", "Nyström", "Björk", "Hosseini", "Yilmaz", "Mohamud", "Nowak", "Kovačević",
    "Nguyen", "Rahimi", "Hadžić", "Öberg"]
# The held-out lists share no first name or surname with the lists above. Whether a name is in the detector's
# lists is decided at evaluation time (the bench checks), not assumed here.
HELDOUT_FIRST = ["Ulla", "Birgitta", "Margareta", "Elisabeth", "Sofia", "Klara", "Wilma", "Olivia", "Ella", "Freja",
    "Agnes", "Stina", "Mats", "Bengt", "Göran", "Stefan", "Thomas", "Daniel", "Magnus", "Leo", "William", "Elias",
    "Noah", "Isak", "Ibrahim", "Yusuf", "Mustafa", "Layla", "Mariam", "Aisha"]
HELDOUT_UNLISTED = ["Gunvor", "Siv-Britt", "Ljiljana", "Milica", "Ayaan", "Warsame", "Nasra", "Habiba", "Zoran",
    "Dejan", "Mirsad", "Emina", "Jelena", "Tomasz", "Agnieszka", "Halima", "Khadar", "Samira", "Negin", "Parisa"]
HELDOUT_LAST = ["Holmberg", "Lindström", "Axelsson", "Magnusson", "Mattsson", "Åberg", "Strand", "Falk", "Lind", "Ek",
    "Sundberg", "Hedlund", "Fransson", "Jakobsson", "Isaksson", "Abdi", "Popović", "Kowalski", "Tran", "Demir",
    "Korhonen", "Virtanen", "Hussein", "Mäkinen", "Warsame", "Petrović", "Lundqvist", "Blom", "Nordin", "Samuelsson"]
STREETS = [w.replace("_", " ") for w in ["Storgatan", "Kungsgatan", "Drottninggatan", "Vasagatan", "Skolgatan",
    "Parkvägen", "Björkvägen", "Ekvägen", "Tallstigen", "Ringvägen", "Järnvägsgatan", "Kyrkogatan",
    "Sankt_Eriksgatan", "Solrosgränd", "Norra_Vallgatan", "Lilla_Torget"]]
CITIES = ["Lund", "Malmö", "Göteborg", "Uppsala", "Växjö", "Halmstad", "Umeå", "Borås", "Kalmar", "Luleå", "Sundsvall",
    "Ystad"]
ROLES = ["undersköterskan", "sjuksköterskan", "enhetschefen", "biståndshandläggaren", "läkaren", "fysioterapeuten",
    "arbetsterapeuten", "kontaktpersonen"]
CARE = ["Sahlgrenska universitetssjukhuset", "vårdcentralen i Lund", "äldreboendet Solgården",
        "Skånes universitetssjukhus", "hemtjänsten i Växjö", "korttidsboendet Eken", "akutmottagningen"]


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    type: str
    text: str
    listed: bool = True


def luhn_digit(nine: str) -> str:
    for digit in "0123456789":
        total = 0
        for i, ch in enumerate(nine + digit):
            value = int(ch) * (2 if i % 2 == 0 else 1)
            total += value - 9 if value > 9 else value
        if total % 10 == 0:
            return digit
    raise ValueError(nine)


def _pnr(rng: random.Random, *, samordning: bool = False, valid: bool = True) -> str:
    year = rng.randint(1925, 2012)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    nine = f"{year % 100:02d}{month:02d}{day + (60 if samordning else 0):02d}{rng.randint(0, 999):03d}"
    check = luhn_digit(nine)
    if not valid:
        check = str((int(check) + rng.randint(1, 9)) % 10)
    ten = nine + check
    forms = ["short-dash", "long-dash", "long-plain", "short-plain"] if valid else ["short-dash", "long-dash"]
    form = rng.choice(forms)
    sep = "+" if year < 1926 and form == "short-dash" else "-"
    if form == "short-dash":
        return f"{ten[:6]}{sep}{ten[6:]}"
    if form == "long-dash":
        return f"{year // 100}{ten[:6]}-{ten[6:]}"
    if form == "long-plain":
        return f"{year // 100}{ten}"
    return ten


def _phone(rng: random.Random) -> str:
    mobile = f"07{rng.choice('02369')}"
    a, b, c = rng.randint(100, 999), rng.randint(10, 99), rng.randint(10, 99)
    forms = [
        f"{mobile}-{a} {b} {c}", f"{mobile} {a} {b} {c}", f"+46 {mobile[1:]} {a} {b} {c}",
        f"+46{mobile[1:]}{a}{b}{c}", f"08-{a} {rng.randint(100, 999)} {b}", f"08-{a} {b} {c}",
        f"031-{b} {c} {rng.randint(10, 99)}", f"040-{a} {b} {c}", f"0046 8 {a} {b} {c}", f"{mobile}{a}{b}{c}",
        f"046-{a} {b} {c}", f"010-{a} {b} {c}",
    ]
    return rng.choice(forms)


def _person(rng: random.Random, heldout: bool = False) -> tuple[str, bool]:
    listed = rng.random() > 0.3
    if heldout:
        first = rng.choice(HELDOUT_FIRST if listed else HELDOUT_UNLISTED)
        return (f"{first} {rng.choice(HELDOUT_LAST)}" if rng.random() < 0.7 else first), listed
    first = rng.choice(FIRST if listed else UNLISTED)
    return (f"{first} {rng.choice(LAST)}" if rng.random() < 0.7 else first), listed


def _email(rng: random.Random, name: str) -> str:
    parts = name.lower().replace("č", "c").replace("ž", "z").replace("ö", "o").replace("ä", "a").replace("å", "a")
    local = ".".join(parts.split()) if rng.random() < 0.7 else parts.split()[0] + str(rng.randint(1, 99))
    return f"{local}@{rng.choice(['region.se', 'lund.se', 'gmail.com', 'skane.se', 'hotmail.com', 'vgregion.se'])}"


def _address(rng: random.Random) -> str:
    street = f"{rng.choice(STREETS)} {rng.randint(1, 120)}{rng.choice(['', '', ' B', 'A'])}"
    if rng.random() < 0.5:
        street += f", {rng.randint(100, 989)} {rng.randint(10, 99)} {rng.choice(CITIES)}"
    return street


def _filler(rng: random.Random) -> str:
    return rng.choice([
        f"Mötet hölls {rng.randint(1, 28)} mars {rng.randint(2019, 2023)} "
        f"kl. {rng.randint(8, 17)}.{rng.choice(['00', '30'])}.",
        f"Ärendet har dnr {rng.randint(2019, 2023)}-{rng.randint(1000, 9999)} och gäller {rng.choice(CARE)}.",
        f"Ordernummer {rng.randint(10**9, 10**10 - 1)} avser skyddsutrustning till {rng.choice(CARE)}.",
        f"Andelen positiva prover var {rng.randint(2, 30)} procent vecka {rng.randint(1, 52)}.",
        f"Beslutet fattades {rng.randint(2019, 2023)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} av nämnden.",
        f"Region Skåne och {rng.choice(CITIES)} kommun har ett avtal om {rng.choice(['hemsjukvård', 'vårdplaner'])}.",
        "Samverkan mellan regionen och kommunen fungerade bättre under hösten.",
        f"Organisationsnummer 2321{rng.randint(10, 99)}-{rng.randint(1000, 9999)} står på fakturan.",
    ])


def generate(
    seed: int = 0, n_documents: int = 60, sentences: int = 12, *, heldout: bool = False, stress: bool = False
) -> list[tuple[str, list[Gold]]]:
    """`n_documents` texts with their gold spans; the same seed always gives the same set. `heldout` draws names
    from the held-out lists and adds the held-out sentence forms."""
    rng = random.Random(seed)
    docs: list[tuple[str, list[Gold]]] = []
    for _ in range(n_documents):
        text, gold = "", []

        def put(template: str, values: list[tuple[str, str, bool]]) -> None:
            nonlocal text
            pieces = template.split("{}")
            out = text
            for piece, (value, kind, listed) in zip(pieces, values, strict=False):
                out += piece
                gold.append(Gold(len(out), len(out) + len(value), kind, value, listed))  # noqa: B023
                out += value
            text = out + pieces[-1] + " "

        for _ in range(sentences):
            name, listed = _person(rng, heldout or stress)
            if stress:
                _stress_sentence(rng, put, name, listed)
                if rng.random() < 0.5:
                    text += _filler(rng) + " "
                continue
            choice = rng.randrange(15 if heldout else 11)
            if choice == 0:
                put(f"{rng.choice(ROLES).capitalize()} {{}} ringde från {rng.choice(CARE)} på {{}}.",
                    [(name, "PERSON", listed), (_phone(rng), "TELEFON", True)])
            elif choice == 1:
                put("Patienten {} med personnummer {} skrevs ut till hemtjänsten.",
                    [(name, "PERSON", listed), (_pnr(rng), "PERSONNUMMER", True)])
            elif choice == 2:
                put("Brukaren har samordningsnummer {} och bor på {}.",
                    [(_pnr(rng, samordning=True), "SAMORDNINGSNUMMER", True), (_address(rng), "ADRESS", True)])
            elif choice == 3:
                put("Kontakta {} på {} eller {}.",
                    [(name, "PERSON", listed), (_email(rng, name), "E-POST", True), (_phone(rng), "TELEFON", True)])
            elif choice == 4:
                put("Personnummer {} var felskrivet i journalen.", [(_pnr(rng, valid=False), "PERSONNUMMER", True)])
            elif choice == 5:
                put(f"Vi pratade med {rng.choice(ROLES)} {{}} om vårdplanen.", [(name, "PERSON", listed)])
            elif choice == 6:
                put("Jag heter {} och arbetar som undersköterska.", [(name, "PERSON", listed)])
            elif choice == 7:
                put("Hennes dotter {} hälsade på i går.", [(name.split()[0], "PERSON", listed)])
            elif choice == 8:
                put("Ring mig på {}, sa hon.", [(_phone(rng), "TELEFON", True)])
            elif choice == 9:
                put("{} (född {}) flyttade till korttidsboendet.",
                    [(name, "PERSON", listed), (_pnr(rng), "PERSONNUMMER", True)])
            elif choice == 10:
                text += _filler(rng) + " "
            elif choice == 11:
                put("Hej {}, hur mår du i dag?", [(name.split()[0], "PERSON", listed)])
            elif choice == 12:
                other, other_listed = _person(rng, heldout)
                put("{} berättar att maten kom kall. Det bekräftar {}.",
                    [(name.split()[0], "PERSON", listed), (other, "PERSON", other_listed)])
            elif choice == 13:
                put("– Vi behöver fler handskar, sa {}. {}s mamma bor på {}.",
                    [(name, "PERSON", listed), (name.split()[0], "PERSON", listed), (_address(rng), "ADRESS", True)])
            else:
                put(f"Enligt {{}} på {rng.choice(CARE)} saknades visir i april.", [(name, "PERSON", listed)])
            if rng.random() < 0.5:
                text += _filler(rng) + " "
        docs.append((text, gold))
    return docs


def _stress_sentence(rng: random.Random, put: Any, name: str, listed: bool) -> None:
    """One sentence with a name where no cue of the rules points at it."""
    other, other_listed = _person(rng, True)
    first = name.split()[0]
    choice = rng.randrange(6)
    if choice == 0:
        put("Vi åkte hem till {} efter mötet.", [(first, "PERSON", listed)])
    elif choice == 1:
        put("Det var {} som larmade om bristen på visir.", [(name, "PERSON", listed)])
    elif choice == 2:
        put("Både {} och {} jobbade natt den veckan.",
            [(first, "PERSON", listed), (other.split()[0], "PERSON", other_listed)])
    elif choice == 3:
        put(f"På {rng.choice(CARE)} arbetar {{}} sedan i våras.", [(name, "PERSON", listed)])
    elif choice == 4:
        put("Efter samtalet med {} skrev vi en ny vårdplan.", [(name, "PERSON", listed)])
    else:
        put("{} och jag gick igenom rutinerna för testning.", [(first, "PERSON", listed)])
