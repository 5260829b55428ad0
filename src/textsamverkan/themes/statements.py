"""Which sentences are statements worth coding: lists and headings of laws ("Lagar som ändras: socialtjänstlagen
(2001:453), hälso- och sjukvårdslagen (2017:30)") name laws without saying anything about them, so a code found
there would be noise (both laws named is the `sol_hsl` rule's strongest signal, and a list of amended laws names
them all). So do numbered section headings ("4.1 Läkarmedverkan"): a table that counted them would count a report's
table of contents as mentions. So do unnumbered section headings ("Vårdplanering", "Smittskydd och beredskap") where
the document says so: a heading followed by prose (`section_headings`). A heading that names a law ("# En ny lag om
tillfälliga smittskyddsåtgärder på serveringsställen") names its subject only in the law's title, whose words are no
evidence (`law_titles_in_heading`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

SFS_REFERENCE = re.compile(r"\b(?:SFS\s*)?(?:1[89]|20)\d\d:\d{1,4}\b")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# A sentence with one SFS number and at most this many words is a title or a heading ("Lag (2020:123) om ändring i
# socialtjänstlagen (2001:453)" has two; "Socialtjänstlagen (2001:453)" one).
SHORT_REFERENCE_WORDS = 12


# an item of a list of bills begins with the bill's number: "2017/18:233 Utökade möjligheter till utbyte av läkemedel,
# prop." (not "I motion 2026/27:877 begärs att …", nor a reply's title "Svar på interpellation 2026/27:84 om …")
_BILL_ITEM = re.compile(r"^\W*(?:1[89]|20)\d\d/\d\d:\d{1,4}\b")


def is_reference_list(text: str) -> bool:
    """Whether the sentence is a list, title or heading of laws (two SFS numbers, or one in a short line), or an item
    of a list of bills that begins with its number in a short line."""
    if _BILL_ITEM.match(text) and len(_WORD.findall(text)) <= SHORT_REFERENCE_WORDS:
        return True
    refs = len(SFS_REFERENCE.findall(text))
    if refs == 0:
        return False
    return refs >= 2 or len(_WORD.findall(text)) <= SHORT_REFERENCE_WORDS


# "4.1", "2.3.1", "§ 4" or a bare "2" before a capital ("2 Skyddsutrustning") before a section heading's words; "2."
# may number a list item, which is content, and "3 sjuksköterskor" is an amount
_SECTION_NUMBER = re.compile(r"^\s*(?:§\s*\d+|\d+(?:\.\d+)+\.?|\d{1,2}(?=\s+[A-ZÅÄÖ]))\s+")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
TITLE_WORDS = 8


def is_title(text: str) -> bool:
    """Whether the sentence is a numbered section heading that names a subject without saying anything about it ("4.1
    Läkarmedverkan", "2 Skyddsutrustning", "3.1 Läkarmedverkan i kommunal hälso- och sjukvård", "§ 40 Vaccination
    hösten 2026"): at most `TITLE_WORDS` words after the number, no figure but a year and no sentence-final
    punctuation. A list item ("2. Brist på munskydd", "● Läkemedelsgenomgångar") and a numbered sentence ("4.1
    Läkarmedverkan saknas på helgerna.") are content and stay coded."""
    m = _SECTION_NUMBER.match(text)
    if m is None:
        return False
    body = text[m.end() :].strip()
    words = _WORD.findall(body)
    return (
        0 < len(words) <= TITLE_WORDS
        and not body.endswith((".", "!", "?", "…"))
        and not any(c.isdigit() for c in _YEAR.sub("", body))
    )


# the header of an e-mail or of minutes: "Från: …", "Till: …", "Ämne: …", "Närvarande: …"
_HEADER = re.compile(
    r"^\s*(?:från|till|kopia(?:\s+till)?|cc|ämne|skickat|skickad|datum|närvarande|deltagare|frånvarande|"
    r"protokollförare|sekreterare|justerare|justeras)\s*:",
    re.IGNORECASE,
)


def is_header_line(text: str) -> bool:
    """Whether the sentence is a header line of an e-mail or of minutes ("Till: Vårdhygien, Region Norrmården",
    "Närvarande: Kristina Holm (MAS, Lindåsa), …"): who and when, not what was said."""
    return _HEADER.match(text) is not None


# a Markdown heading line ("# En ny lag om …") or a line that is only a link into its page ("[Lagen … förlängs](#s15)")
_HEADING_LINE = re.compile(r"^\s*(?:#{1,6}\s|\**\[[^\]]+\]\(#[^)]*\)\**\s*$)")
# the title of a law or an ordinance: "lagen om tillfälliga smittskyddsåtgärder på serveringsställen", "förordningen
# (2020:527) om …", up to punctuation, the next law named, or a verb that says what becomes of the law
_LAW_TITLE = re.compile(
    r"\b(?:lag|lagen|lagarna|förordning|förordningen|förordningarna)\s+(?:\(\s*(?:19|20)\d\d:\d+\s*\)\s+)?om\s+"
    r"(?P<title>.+?)(?=\s*(?:[,.;:!?()\[\]]|$)|\s+(?:och|respektive)\s+(?:lag|lagen|förordning|förordningen)\b"
    r"|\s+(?:ska|skall|förlängs|ändras|upphävs|upphör|införs|träder|trädde|gäller|kompletteras)\b)",
    re.IGNORECASE,
)


def law_titles_in_heading(text: str) -> list[tuple[int, int]]:
    """Character spans of the titles of laws that a heading line names ("# Förlängning av lagen om tillfälliga
    smittskyddsåtgärder på serveringsställen"): a title is a name, and a heading that names a law says nothing of the
    title's subject. Empty for any other sentence: a proposal to change a law named for a subject ("Regeringen
    föreslår att lagen om register över nationella vaccinationsprogram ändras") says something and stays coded."""
    if not _HEADING_LINE.match(text):
        return []
    return [m.span("title") for m in _LAW_TITLE.finditer(text)]


def names_only(text: str) -> bool:
    """Whether the sentence names things without saying anything about them: a numbered section heading or a header
    line. Neither the rules nor the learned layer code it."""
    return is_title(text) or is_header_line(text)


# a section heading names the subject of the prose after it; a slide's or a note's short lines follow one another
# without ending a sentence, and say something each ("Färre vårdplatser i regionen, kortare vårdtider")
SECTION_HEADING_WORDS = 8
_ENDS_SENTENCE = re.compile(r"[.!?…:;\"”»]$")


def section_headings(text: str, passages: Sequence[tuple[int, int, str]]) -> set[tuple[int, int]]:
    """(start, end) of the passages that head a section: labelled a heading (by the reader, or guessed by ingest), at
    most `SECTION_HEADING_WORDS` words, and followed by a passage that ends a sentence. Neither the rules nor the
    learned layer code them."""
    out = set()
    for (start, end, label), (after_start, after_end, _label) in pairwise(passages):
        short = len(_WORD.findall(text[start:end])) <= SECTION_HEADING_WORDS
        if label == "heading" and short and _ENDS_SENTENCE.search(text[after_start:after_end].rstrip()):
            out.add((start, end))
    return out
