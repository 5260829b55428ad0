"""Find web-page furniture (comment rules, contact forms, feedback widgets, navigation) in plain text.

Works on lines, so it serves plain-text saves of web pages as well as text extracted from HTML. The page's tail is
boilerplate from the first strong cue ("Kommentarer", "Kontakta oss", "Fick du hjälp av informationen på sidan?")
whose chain of cues runs to the end of the page with only short gaps of other text; leading navigation lines are
boilerplate while they are navigation cues. Boilerplate stays in the text and is marked, never deleted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Short lines that only page furniture consists of. Matched against a whole line, case-insensitively.
_STRONG_TAIL = re.compile(
    r"(?:"
    r"kommentarer|kommentera|kommentar|(?:lämna|skriv) en kommentar|regler för kommentarer|kommentarsregler"
    r"|du måste vara inloggad.*|stängd för (?:fler )?kommentarer|\d+ kommentarer?"
    r"|kontakta oss|kontakt|kontaktformulär.*|kontaktuppgifter|prenumerera.*|prenumeration|nyhetsbrev"
    r"|dela(?: sidan| artikeln| inlägget| på \w+)?|skriv ut(?: sidan)?|tipsa(?: en vän| om sidan)?|följ oss.*"
    r"|fick du hjälp av (?:informationen|sidan).*|var (?:informationen|sidan) till hjälp.*|hjälpte .* dig\??"
    r"|vad tyckte du om (?:sidan|informationen).*|tack för din (?:hjälp|feedback|återkoppling).*"
    r"|senast (?:uppdaterad|ändrad|granskad).*|sidan (?:uppdaterades|publicerades).*|publicerad:?.*\d{4}.*"
    r"|relaterat|relaterade (?:sidor|länkar|artiklar|inlägg)|läs (?:vidare|mer|också|även)(?: om .*)?"
    r"|skribent(?:er)?|författare|om bloggen|sök i bloggen|om webbplatsen|cookies?.*|till toppen|tillbaka till toppen"
    r"|taggar|kategorier|sidansvarig.*|ansvarig utgivare.*|innehållsansvarig.*|webbredaktionen"
    r"|hitta på sidan|innehåll på (?:den här )?sidan|tänk på att|har du frågor\??|frågor och svar om webbplatsen"
    r")[.:!?]?",
    re.IGNORECASE,
)
# Words that mark a line as furniture when it sits inside a furniture region (they bridge gaps between cues).
_WEAK_TAIL = re.compile(
    r"kommentar|inloggad|prenumer|webbplats|webbredaktion|synpunkt|formulär|obligatorisk|robot|cookie|e-post"
    r"|nyhetsbrev|personuppgift|gdpr|dela på|facebook|twitter|linkedin|instagram|@",
    re.IGNORECASE,
)
_HEAD = re.compile(
    r"(?:hoppa (?:till|över) (?:innehåll|huvudinnehåll|navigering).*|gå (?:direkt )?till (?:innehåll|huvudinnehåll).*"
    r"|meny|stäng meny|sök|sök på webbplatsen|startsida|till startsidan|logga in|lyssna|språk|in english"
    r"|other languages|du är här:?.*|brödsmulor|navigering|huvudmeny|lättläst|teckenspråk)[.:]?",
    re.IGNORECASE,
)

MAX_GAP_LINES = 3
MAX_GAP_CHARS = 500
MAX_CUE_CHARS = 90


def _strong(line: str) -> bool:
    return len(line) <= MAX_CUE_CHARS and bool(_STRONG_TAIL.fullmatch(line))


def tail_start(lines: Sequence[str]) -> int | None:
    """Index of the first line of the page's trailing furniture, or None when there is none.

    A candidate is a strong cue from which every run of ordinary lines up to the end is short (at most
    MAX_GAP_LINES lines and MAX_GAP_CHARS characters). The earliest valid candidate wins, but never the first line.
    """
    n = len(lines)
    strong = [_strong(line) for line in lines]
    weak = [strong[i] or bool(_WEAK_TAIL.search(line)) for i, line in enumerate(lines)]
    best: int | None = None
    gap_lines = 0
    gap_chars = 0
    for i in range(n - 1, 0, -1):
        if weak[i]:
            if strong[i]:
                best = i
            gap_lines = gap_chars = 0
            continue
        gap_lines += 1
        gap_chars += len(lines[i])
        if gap_lines > MAX_GAP_LINES or gap_chars > MAX_GAP_CHARS:
            break
    if best is None:
        return None
    # A region that would swallow most of the page is not furniture but a page about these things.
    total = sum(len(line) for line in lines) or 1
    region = sum(len(line) for line in lines[best:])
    return best if region <= 0.6 * total else None


def head_end(lines: Sequence[str]) -> int:
    """Number of leading lines that are navigation furniture (0 when the page starts with content)."""
    i = 0
    while i < len(lines) and len(lines[i]) <= 60 and _HEAD.fullmatch(lines[i]):
        i += 1
    return i


def boilerplate_lines(lines: Sequence[str]) -> list[bool]:
    """For each non-empty line of a page, whether it is furniture."""
    marks = [False] * len(lines)
    for i in range(head_end(lines)):
        marks[i] = True
    start = tail_start(lines)
    if start is not None:
        for i in range(start, len(lines)):
            marks[i] = True
    return marks
