"""Name helpers for speaker labels: folded comparison keys, label shapes and display forms.

Labels are compared by a folded key (NFKD, combining marks stripped, casefolded) so that "Irène", "Iréne" and
"IRENE" are one name; a label's shape ("name" or "code") decides whether a line start can be a speaker header.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from textsamverkan.segment.first_names import is_first_name

LabelKind = Literal["name", "code"]

# Lower-case name particles that may sit inside a personal name ("Ludwig van Beethoven", "Anna af Sillén").
PARTICLES = frozenset({"af", "al", "av", "bin", "da", "de", "del", "della", "den", "der", "di", "du", "el", "ibn",
                       "la", "le", "ten", "ter", "van", "von", "zu"})

# Words that look like a capitalised label before a colon or on a line of their own but are not speakers:
# report and web vocabulary ("Obs:", "Källa:", "Syfte:"), interjections ("Ja", "Tack") and function words that
# begin sentences. Compared by folded key against the label's first word.
_NOT_SPEAKER_TEXT = """
    obs nb ps pps observera notera viktigt tips info information not anm anmärkning källa källor foto fotograf bild
    bilder illustration grafik text textning texter musik ljud ljudtekniker tel telefon mobil fax e-post epost mejl
    mail email adress webb webbplats hemsida länk länkar url http https www ftp datum tid tidpunkt plats lokal ort
    ämne rubrik från till kopia kontakt kontakta kontaktperson skribent författare redaktör redaktion publicerad
    publicerat uppdaterad uppdaterat senast ändrad diarienummer dnr beslut ärende bilaga bilagor kommentar
    kommentarer fråga frågor svar exempel syfte syftet mål målet målen bakgrund sammanfattning slutsats slutsatser
    resultat resultaten metod metoder förslag åtgärd åtgärder steg del kapitel avsnitt tabell figur diagram ja nej
    okej ok tack hej hejsan precis absolut exakt jaha mm mhm aha nja jo visst där här det den detta dessa denna vi
    jag ni de man och men så om när sedan sen nu då alltså dvs ex inledning avslutning summering agenda program
    medverkande närvarande frånvarande protokoll justering paragraf punkt sida sid version status uppdrag budget
    kostnad totalt summa antal andel referens referenser läs se kl klockan vecka måndag tisdag onsdag torsdag
    fredag lördag söndag januari februari mars april maj juni juli augusti september oktober november december
    innehåll fakta citat notis nyhet nyheter pressmeddelande tema fokus idé tanke varför hur vad vem vilka vilken
    var när varför därför eftersom följande nedan ovan bland annat dessutom slutligen först sist övrigt övriga
    ansvar ansvarig målgrupp målgrupper frågeställning frågeställningar problem lösning utmaning
    utmaningar erfarenheter lärdomar rekommendation rekommendationer definition definitioner begrepp
    förutsättningar krav villkor pris kostnader tidsplan tidplan aktivitet aktiviteter uppföljning utvärdering
    analys diskussion sammanställning bakgrunden inledningsvis vidare notering noteringar enligt se även
    copyright licens användarvillkor cookies sök meny startsida hem logga in
    välkommen välkomna grattis hallå idag igår imorgon både bland inom under efter före mellan utan med till för
    på av hos vid genom medan innan fast trots kanske även också just särskilt ofta ibland alla många flera några
    ingen inga varje vår vårt våra min mitt mina din ditt dina er ert era hans hennes deras dess han hon den dem
    dom vilket vilken ett en nästa förra första andra tredje sista i
"""

# Interview and focus-group codes: "I", "IP", "IP1", "IP 2", "Intervjuare", "Informant 2", "Respondent", "R1",
# "Moderator", "Deltagare 3", "Talare 1", "SPEAKER_00", "Person A", "Int" / "Resp" (as "INT" / "RESP"), and the
# question and answer of an interview written as "Fråga:" / "Svar:" (turns only where they alternate: `QA_LABELS`).
_CODE_WORDS = (
    r"intervjuare[n]?|intervjuperson(?:en)?|informant(?:en)?|respondent(?:en)?|deltagare(?:n)?|moderator(?:n)?"
    r"|samtalsledare(?:n)?|fokusgruppsledare(?:n)?|programledare(?:n)?|reporter(?:n)?|talare(?:n)?|speaker"
    r"|person|röst|interviewer|interviewee|participant|respondent|informant|fråga|svar"
)
# "Fråga:" and "Svar:" name no one: they are speakers only in a document whose turns alternate between the two
QA_LABELS = ("fraga", "svar")
_CODE_RE = re.compile(
    rf"(?:(?i:{_CODE_WORDS})(?:[ _]?(?:\d{{1,3}}|[A-Z]))?"  # word codes, optionally numbered or lettered
    r"|(?:A|B|I|IP|R|M|P|D|F|INT|RESP|MOD|Int|Resp|Mod)"  # bare short codes (a whitelist: "OBS" or "EU" are not)
    r"|[A-ZÅÄÖ]{1,3}[ _]?\d{1,3}[a-z]?)",  # numbered codes: IP1, IP 2, R1, FG3, D12
)

# The one who asks in an interview or a focus group: "Intervjuare", "I", "INT", "Int", "Moderator", "Samtalsledare 1",
# "Fråga".
_QUESTIONER_RE = re.compile(
    r"(?i:intervjuaren?|interviewer|moderatorn?|samtalsledaren?|fokusgruppsledaren?|fråga)(?:[ _]?\d{1,3})?"
    r"|I|INT|MOD|Int|Mod"
)

_NAME_TOKEN_RE = re.compile(r"[^\W\d_][\w'’-]*\.?")
_INITIAL_RE = re.compile(r"[^\W\d_]\.?")


def fold(text: str) -> str:
    """The comparison key of a name: NFKD, combining marks removed, casefolded, whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


# Folded, so that "Källa" and "KALLA" are both caught.
NOT_SPEAKER_WORDS = frozenset(fold(word) for word in _NOT_SPEAKER_TEXT.split())


def is_capitalised(token: str) -> bool:
    """True for a word that begins with an upper-case letter ("Olivia", "LENA", "Anna-Karin", "VästKom")."""
    return bool(token) and token[0].isalpha() and token[0].isupper()


def is_code_label(label: str) -> bool:
    """True for an interview or focus-group code such as "IP1", "Intervjuare" or "Informant 2"."""
    return _CODE_RE.fullmatch(label.strip()) is not None


def is_questioner_label(label: str) -> bool:
    """True for the code of the one who asks in an interview or a focus group ("Intervjuare", "I", "Moderator")."""
    return _QUESTIONER_RE.fullmatch(label.strip()) is not None


def is_name_label(label: str) -> bool:
    """True for 1–4 capitalised words (particles such as "von" allowed inside) that are not report vocabulary."""
    tokens = label.split()
    if not tokens or len(label) > 60:
        return False
    core = [t for t in tokens if t not in PARTICLES]
    if not 1 <= len(core) <= 4 or tokens[0] in PARTICLES or tokens[-1] in PARTICLES:
        return False
    for token in core:
        if not _NAME_TOKEN_RE.fullmatch(token) or not is_capitalised(token):
            return False
        if any(ch.isdigit() for ch in token):
            return False
    if all(_INITIAL_RE.fullmatch(t) for t in core):
        return False
    if len(core) >= 2 and is_first_name(tokens[0]):
        return True  # "Hans Dahlgren", "Maj Karlsson": a first name that is also a common word, then a surname
    return fold(tokens[0]).rstrip(".") not in NOT_SPEAKER_WORDS


def label_kind(label: str) -> LabelKind | None:
    """Whether `label` can name a speaker: "code" (interview code), "name" (a personal name) or None."""
    if is_code_label(label):
        return "code"
    if is_name_label(label):
        return "name"
    return None


def display_name(name: str) -> str:
    """A name as it should be shown: all-capital names ("LENA HALLENGREN") become "Lena Hallengren"."""
    letters = [ch for ch in name if ch.isalpha()]
    if not letters or not all(ch.isupper() for ch in letters) or is_code_label(name):
        return name

    def cap(word: str) -> str:
        return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))

    return " ".join(word.lower() if word.lower() in PARTICLES else cap(word) for word in name.split())


def slug(name: str) -> str:
    """A stable identifier for a name: folded, non-alphanumerics turned into single hyphens."""
    return re.sub(r"[^0-9a-z]+", "-", fold(name)).strip("-") or "speaker"
