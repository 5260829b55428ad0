"""Topic text without page furniture and genre formulae, so topic words say what passages are about.

Government pages and Riksdag documents carry text that recurs regardless of topic: SFS numbers, dates and months,
phone numbers and press contacts, URLs and image file names, Markdown syntax, the interpellation's closing formula
("Med anledning av detta vill jag fråga statsrådet …:") and sentences repeated across many documents. Left in, they
become topic words ("ikraftträdande", "maj", "jpg") or whole topics (the closing question grouped by minister).
`clean_topic_texts` removes them from the text that topic words are counted on; offsets and embeddings are
untouched (the passages themselves are not changed).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november",
    "december",
)
# Words of page furniture and legal formulae that are never what a topic is about.
FURNITURE_WORDS = frozenset(
    [
        *MONTHS, "ikraftträdande", "träder", "kraft", "sfs", "prop", "dnr", "diarienummer", "telefon", "tfn", "tel",
        "mobil", "mejl", "epost", "e-post", "pressekreterare", "presskontakt", "kontakt", "kontakta", "https", "http",
        "www", "jpg", "jpeg", "png", "pdf", "html", "se", "statsråd", "statsrådet", "ministern", "minister",
        "interpellation", "fråga", "frågar", "anledning", "ovanstående", "bakgrund", "anförda", "avser", "vidta",
        "åtgärder", "ändring", "förordning", "lag",
    ]
)
# A sentence that occurs (after normalisation) in at least this many documents is a formula, not content.
FORMULA_MIN_DOCUMENTS = 3

_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\S+\.(?:jpe?g|png|gif|svg|pdf|docx?|xlsx?|html?)\b", re.I)
_SFS = re.compile(r"\(?\b(?:SFS\s*)?(?:1[89]|20)\d\d:\d{1,4}\)?")
_PHONE = re.compile(r"(?:\+46|0)\s?\d{1,3}[-\s]?\d{2,3}(?:[\s-]?\d{2,3}){1,3}")
_NUMBER = re.compile(r"\b\d[\d\s.,:/-]*\b")
_MARKDOWN = re.compile(r"^\s{0,3}(?:#{1,6}|[*+-]|\d+\.|>)\s+|[*_`]{1,3}|!?\[([^\]]*)\]\([^)]*\)", re.M)
_CONTACT_LINE = re.compile(r"^.*\b(?:pressekreterare|presskontakt|kontakt(?:person)?:|telefon|tfn|e-post)\b.*$",
                           re.I | re.M)
_CLOSING = re.compile(
    r"(?:(?:med anledning av|mot bakgrund av)[^:?]{0,160}?|[^.!?:\n]{0,60}?)"
    r"(?:vill jag(?: därför)? fråga|vill jag ställa|jag vill(?: därför)? fråga|frågar jag)[^:?]{0,120}:",
    re.I,
)
# A minister or statsråd named by title and name ("socialminister Lena Hallengren"): who is asked, not what about.
_MINISTER = re.compile(
    r"\b[\w-]*(?:minister|statsråd)(?:n|et)?\s+[A-ZÅÄÖ][\w-]+(?:\s+[A-ZÅÄÖ][\w-]+)?", re.UNICODE
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def clean_topic_text(text: str) -> str:
    """One passage without URLs and file names, contact lines, SFS references, phone numbers, numbers, Markdown
    syntax and the closing formula of an interpellation (the question after it is kept)."""
    text = _CONTACT_LINE.sub(" ", text)
    text = _URL.sub(" ", text)
    text = _MARKDOWN.sub(lambda m: f" {m.group(1) or ''} ", text)
    text = _CLOSING.sub(" ", text)
    text = _MINISTER.sub(" ", text)
    text = _SFS.sub(" ", text)
    text = _PHONE.sub(" ", text)
    text = _NUMBER.sub(" ", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def _normalised(sentence: str) -> str:
    return " ".join(re.sub(r"\d+", "0", sentence.lower()).split())


def recurring_sentences(texts: Sequence[str], doc_ids: Sequence[str]) -> frozenset[str]:
    """Normalised sentences (three words or more) found in at least FORMULA_MIN_DOCUMENTS different documents."""
    seen: dict[str, set[str]] = defaultdict(set)
    for text, doc in zip(texts, doc_ids, strict=True):
        for m in _SENTENCE.finditer(text):
            norm = _normalised(m.group())
            if len(norm.split()) >= 3:
                seen[norm].add(doc)
    return frozenset(s for s, docs in seen.items() if len(docs) >= FORMULA_MIN_DOCUMENTS)


def clean_topic_texts(texts: Sequence[str], doc_ids: Sequence[str] | None = None) -> list[str]:
    """`clean_topic_text` for every passage, with sentences recurring across documents removed as well."""
    formulae = recurring_sentences(texts, doc_ids) if doc_ids is not None else frozenset()
    out = []
    for text in texts:
        if formulae:
            text = "".join(m.group() for m in _SENTENCE.finditer(text) if _normalised(m.group()) not in formulae)
        out.append(clean_topic_text(text))
    return out
